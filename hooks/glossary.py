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
from debtkb.glossary.occurrences import Occurrences
from debtkb.glossary.settings import SettingsError, settings_from_extra
from debtkb.paths import project_root
from debtkb.urls import relative_url, without_dot_segments
from debtkb.timing import instrument

log = get_plugin_logger(__name__)
_state = {}  # this build's settings and glossary, replaced in every on_config
_occurrences = Occurrences()  # kept across `mkdocs serve --dirtyreload` rebuilds (see the module)
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
        _occurrences.clear()


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
    _occurrences.record(page.file.src_uri, page.url, page.title, result.occurs)  # the title before any conversion
    return result.html


@event_priority(50)  # before the search plugin indexes the page, so 出现在 is searchable too
def on_page_context(context, page, config, nav):
    if page.file.src_uri != _state["settings"].page:
        return context
    pages = _occurrences.pages_by_term([p.file.src_uri for p in nav.pages], page.url)
    page.content = glossary_page.fill_occurrences(page.content, _state["tokens"], pages)
    page.meta["defined_terms"] = glossary_page.defined_terms(_state["glossary"], page.canonical_url or "")  # JSON-LD (hooks/seo.py)
    if page.edit_url:
        page.edit_url = without_dot_segments(page.edit_url)  # …/docs/../data/glossary.yml → …/data/glossary.yml
    return context


instrument(globals())  # timings for scripts/bench_scale.py; no-op unless DEBTKB_HOOK_TIMINGS is set
