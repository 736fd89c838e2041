"""Imported articles on the site: the list pages and the home page's article block (logic:
debtkb.listing), and on each imported article a note on its origin and a calculator set to the
amount it names (logic: debtkb.imported)."""

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from debtkb import imported, listing
from debtkb.markdown_lines import front_matter
from debtkb.timing import instrument

_state = {}


def on_config(config):
    importer = config.extra.get("importer") or {}
    _state["topics"] = tuple((config.extra.get("guide") or {}).get("topics") or ())
    _state["articles"] = listing.ArticleFiles.from_settings(importer)
    _state["entries"] = []


def on_files(files, config):
    pages = [f for f in files.documentation_pages() if _state["articles"].covers(f.src_uri)]
    _state["entries"] = [listing.entry(f.src_uri, front_matter(f.content_string)) for f in pages]
    for uri, (title, body) in listing.list_pages(_state["entries"], _state["topics"]).items():
        files.append(File.generated(config, uri, content=listing.page_markdown(title, body, f"{title}：本站整理的文章，新的在前。")))
    return files


@event_priority(70)  # before the calculator hook (default 0) turns blocks into widgets
def on_page_markdown(markdown, page, config, files):
    block = listing.block_for(page.meta.get("listing"), _state["entries"], _state["topics"], page.file.src_uri)
    if block:
        markdown = markdown.rstrip("\n") + "\n\n" + block
    if page.meta.get("source"):
        markdown = imported.with_calculator(markdown, page.meta.get("title") or "", page.meta.get("calculator"))
        markdown = imported.with_origin_note(markdown, page.file.src_uri)
    return markdown


instrument(globals())  # timings for scripts/bench_scale.py; no-op unless DEBTKB_HOOK_TIMINGS is set
