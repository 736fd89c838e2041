"""The site's own search (logic: debtkb.search): each page's sections go into a sharded index under
search/, which the browser loads only when the reader searches (docs/javascripts/search/).
Material's search plugin still draws the search box and writes search/search_index.json, which
now holds only its settings (separator, language): every page is excluded from its index."""

import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

from debtkb.editions.settings import edition_from_extra
from debtkb.glossary import model
from debtkb.glossary.settings import settings_from_extra
from debtkb.paths import project_root
from debtkb.search import edition as search_edition
from debtkb.search import extract, index
from debtkb.search.guard import search_problems, worker_problem
from debtkb.timing import instrument

log = get_plugin_logger(__name__)
# Each page's indexed document, by source file: kept across `mkdocs serve --dirtyreload`
# rebuilds, which render only the edited page, so search in the preview still covers every page.
_docs = {}
_written = {}  # the index files last written, for dirty rebuilds (debtkb.search.index.write)
_state = {"dirty": False}


def on_startup(command, dirty):
    _state["dirty"] = dirty


def on_config(config):
    plugin = config.plugins.get("material/search")
    problems = search_problems(plugin.config.separator if plugin else None)
    if problems:
        raise PluginError("mkdocs.yml: " + "\n  ".join(problems))
    settings = settings_from_extra(config.extra)
    path = os.path.join(project_root(config.config_file_path), settings.file)
    try:
        _state["glossary"] = model.load(path, settings.file)
    except model.GlossaryError as e:
        raise PluginError(f"glossary data is invalid:\n{e}") from None
    _state["traditional"] = edition_from_extra(config.extra).traditional
    _state["worker_checked"] = False
    if not _state["dirty"]:
        _docs.clear()
        _written.clear()


@event_priority(10)  # after the edition has converted the page (40), before Material's search plugin (0)
def on_page_context(context, page, config, nav):
    search = page.meta.get("search") or {}
    if search.get("exclude"):
        _docs.pop(page.file.src_uri, None)
    else:
        title = page.title or ""
        _docs[page.file.src_uri] = index.document(page.url, title, extract.sections(page.content, title))
    page.meta["search"] = {**search, "exclude": True}  # indexed here, not by Material's plugin
    return context


def on_post_page(output, page, config):
    if not _state["worker_checked"]:
        problem = worker_problem(output)
        if problem:
            raise PluginError(f"{page.file.src_uri}: {problem}")
        _state["worker_checked"] = True
    return output


@event_priority(-100)  # after Material's search plugin has written its settings
def on_post_build(config):
    previous = _written if _state["dirty"] else None
    written = search_edition.write(Path(config.site_dir) / "search", list(_docs.values()), _state["glossary"], _state["traditional"], previous)
    log.info(f"search index: {written.docs} pages, {written.terms} terms in {written.shards} shards, {written.bytes / 1024:.0f} KB before gzip")


instrument(globals())  # timings for scripts/bench_scale.py; no-op unless DEBTKB_HOOK_TIMINGS is set
