"""Imported articles on the site: the list pages and the home page's article block (logic:
debtkb.listing), and on each imported article a note on its origin and a calculator set to the
amount it names (logic: debtkb.imported)."""

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from debtkb import imported, listing
from debtkb.markdown_lines import front_matter
from debtkb.timing import instrument
from debtkb.urls import relative_url

_state = {}


def on_config(config):
    importer = config.extra.get("importer") or {}
    _state["topics"] = tuple((config.extra.get("guide") or {}).get("topics") or ())
    _state["articles"] = listing.ArticleFiles.from_settings(importer)
    _state["entries"] = []
    _state["lists"] = {}
    _state["urls"] = {}


def on_files(files, config):
    pages = [f for f in files.documentation_pages() if _state["articles"].covers(f.src_uri)]
    _state["entries"] = [listing.entry(f.src_uri, front_matter(f.content_string)) for f in pages]
    _state["lists"] = {}
    for uri, (title, body, lists) in listing.list_pages(_state["entries"], _state["topics"]).items():
        files.append(File.generated(config, uri, content=listing.page_markdown(title, body, f"{title}：本站整理的文章，新的在前。")))
        _state["lists"][uri] = lists
    _state["urls"] = {f.src_uri: f.url for f in pages}
    return files


@event_priority(70)  # before the calculator hook (default 0) turns blocks into widgets
def on_page_markdown(markdown, page, config, files):
    block, lists = listing.block_for(page.meta.get("listing"), _state["entries"], _state["topics"], page.file.src_uri)
    if lists.items:
        _state["lists"][page.file.src_uri] = lists
    if block:
        markdown = markdown.rstrip("\n") + "\n\n" + block
    if page.meta.get("source"):
        markdown = imported.with_calculator(markdown, page.meta.get("title") or "", page.meta.get("calculator"))
        markdown = imported.with_origin_note(markdown, page.file.src_uri)
    return markdown


@event_priority(-10)  # after the glossary links terms (0): article titles are not linked
def on_page_content(html, page, config, files):
    lists = _state["lists"].get(page.file.src_uri)
    if not lists:
        return html
    try:
        return listing.fill(html, lists, lambda src_uri: relative_url(_state["urls"][src_uri], page.url))
    except ValueError as e:  # a placeholder lost in rendering (e.g. inside a code block)
        raise PluginError(f"{page.file.src_uri}: {e}") from None


instrument(globals())  # timings for scripts/bench_scale.py; no-op unless DEBTKB_HOOK_TIMINGS is set
