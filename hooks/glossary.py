"""Glossary: validate data/glossary.yml, generate the glossary page, link terms on every page
(logic: debtkb.glossary)."""

import os
import secrets

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File

from debtkb.glossary import model
from debtkb.glossary import page as glossary_page
from debtkb.glossary.linker import link_terms
from debtkb.glossary.matcher import Matcher
from debtkb.glossary.settings import SettingsError, settings_from_extra
from debtkb.paths import project_root
from debtkb.urls import relative_url, without_dot_segments
from debtkb.timing import instrument

log = get_plugin_logger(__name__)
_state = {}
# Where each page's terms occur, by page: kept across `mkdocs serve --dirtyreload` rebuilds, which
# render only the edited page, so the glossary's 出现在 lists stay complete while previewing.
_occurs_by_page = {}
_startup = {"dirty": False}


def on_startup(command, dirty):
    _startup["dirty"] = dirty


def on_config(config):
    try:
        settings = settings_from_extra(config.extra)
    except SettingsError as e:
        raise PluginError(str(e)) from None
    path = os.path.join(project_root(config.config_file_path), settings.file)
    try:
        glossary = model.load(path, settings.file)
    except model.GlossaryError as e:
        raise PluginError(f"glossary data is invalid:\n{e}") from None
    _state.clear()
    _state.update(settings=settings, path=path, glossary=glossary, terms=glossary.by_term(), matcher=Matcher(glossary))
    if not _startup["dirty"]:
        _occurs_by_page.clear()


def on_files(files, config):
    markdown, tokens = glossary_page.render(_state["glossary"], secrets.token_hex(4))
    page = File.generated(config, _state["settings"].page, content=markdown)
    page.edit_uri = os.path.relpath(_state["path"], config.docs_dir).replace(os.sep, "/")  # edit the YAML
    files.append(page)
    _state.update(tokens=tokens, page_url=page.url)
    return files


def on_page_content(html, page, config, files):
    if page.file.src_uri == _state["settings"].page:
        glossary_page.letters_only(page.toc)
        return html
    terms = _state["terms"]
    result = link_terms(
        html,
        _state["matcher"],
        href=lambda term: relative_url(f"{_state['page_url']}#{terms[term].anchor}", page.url),
        title=lambda term: terms[term].definition,
        per_term=_state["settings"].links_per_term,
    )
    _occurs_by_page[page.file.src_uri] = (page, page.title, list(result.occurs))  # the title before any conversion
    return result.html


@event_priority(50)  # before the search plugin indexes the page, so 出现在 is searchable too
def on_page_context(context, page, config, nav):
    if page.file.src_uri != _state["settings"].page:
        return context
    order = {p.file.src_uri: i for i, p in enumerate(nav.pages)}
    pages = {}
    for _, (found_on, title, terms) in sorted(_occurs_by_page.items(), key=lambda item: order.get(item[0], len(order))):
        for term in terms:
            pages.setdefault(term, []).append((title, relative_url(found_on.url, page.url)))
    page.content = glossary_page.fill_occurrences(page.content, _state["tokens"], pages)
    base = page.canonical_url or ""
    page.meta["defined_terms"] = [  # for the page's JSON-LD (hooks/seo.py)
        {"name": t.term, "description": t.definition, "url": f"{base}#{t.anchor}", "aliases": list(t.aliases)} for t in _state["glossary"].terms
    ]
    if page.edit_url:
        page.edit_url = without_dot_segments(page.edit_url)  # …/docs/../data/glossary.yml → …/data/glossary.yml
    return context


instrument(globals())  # timings for scripts/bench_scale.py; no-op unless DEBTKB_HOOK_TIMINGS is set
