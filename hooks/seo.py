"""Search engines and link previews: Open Graph/Twitter tags, JSON-LD, robots.txt (logic: debtkb.seo)."""

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from debtkb.editions import convert
from debtkb.editions.settings import edition_from_extra
from debtkb.seo import PageFacts, faq_entries, json_ld, meta_tags, robots_txt
from debtkb.timing import instrument

_state = {}


def on_config(config):
    _state["edition"] = edition_from_extra(config.extra)  # checked already by hooks/edition.py


def on_files(files, config):
    roots = config.extra.get("edition_roots") or {}
    if not _state["edition"].traditional:  # robots.txt lives at the site's root only
        files.append(File.generated(config, "robots.txt", content=robots_txt([root + "sitemap.xml" for root in roots.values()])))
    return files


@event_priority(30)  # after the glossary (50) and the edition conversion (40)
def on_page_context(context, page, config, nav):
    edition = _state["edition"]
    site_url = config.site_url
    terms = page.meta.get("defined_terms") or []
    if edition.traditional:
        terms = [{**t, "name": convert.text(t["name"]), "description": convert.text(t["description"]), "aliases": [convert.text(a) for a in t["aliases"]]} for t in terms]
    kind = "glossary" if terms else "article" if page.meta.get("kind", "article") in ("article", "guide") else "webpage"
    facts = PageFacts(
        kind=kind,
        title=page.title or config.site_name,
        description=page.meta.get("description") or config.site_description or "",
        url=page.canonical_url or site_url,
        site_name=config.site_name,
        site_url=site_url,
        home_title=nav.homepage.title if nav.homepage else config.site_name,
        language=edition.code,
        terms=terms,
        questions=faq_entries(page.content) if page.meta.get("faq") else [],  # the visible questions, as converted
    )
    context["seo_meta"] = meta_tags(facts)
    context["seo_json_ld"] = json_ld(facts)
    return context


instrument(globals())  # timings for scripts/bench_scale.py; no-op unless DEBTKB_HOOK_TIMINGS is set
