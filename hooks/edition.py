"""Editions (logic: debtkb.editions): the Traditional build (started by hooks/twin.py from
mkdocs.zh-Hant.yml) converts what readers see with OpenCC and the project's phrases
(debtkb.editions.convert); both builds link each page to its twin."""

import os

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from debtkb.editions import convert, page_dates, twin
from debtkb.editions.phrases import ConversionsError
from debtkb.editions.settings import DATE_PLUGIN, PAGE_DATES_ENV, TRADITIONAL, EditionError, edition_from_extra, twin_links
from debtkb.paths import project_root
from debtkb.timing import instrument

UI_STRINGS = ("javascripts/repayment/strings.js", "javascripts/glossary/popover.js")  # the scripts' words
_build: twin.BuildState  # this build's state, new in every on_config


@event_priority(100)  # first: other hooks read the settings converted here (extra.lpr)
def on_config(config):
    global _build
    try:
        _build = twin.BuildState(edition_from_extra(config.extra))
        convert.use_project(project_root(config.config_file_path))  # both builds: search converts too
    except (EditionError, ConversionsError) as e:
        raise PluginError(str(e)) from None
    config.extra["edition_roots"] = twin.roots(config.site_url)
    if _build.edition.traditional:
        config.site_url = config.extra["edition_roots"][TRADITIONAL]
        twin.convert_settings(config, convert.text)
        if os.environ.get(PAGE_DATES_ENV) and DATE_PLUGIN in config.plugins:
            config.plugins[DATE_PLUGIN].config["enabled"] = False  # git history is read once, by the Simplified build
            _build.dates_path = os.environ[PAGE_DATES_ENV]
        else:
            _build.dates = {}


def on_files(files, config):
    for path in UI_STRINGS if _build.edition.traditional else ():
        if (original := files.get_file_from_path(path)) is not None:
            files.remove(original)
            files.append(File.generated(config, path, content=convert.text(original.content_string)))
    return files


@event_priority(-10)
def on_page_markdown(markdown, page, config, files):
    if _build.edition.traditional:
        convert.page_meta(page.meta)  # before the tags plugin reads the topics (-50)
    return markdown


@event_priority(-50)  # after the other hooks' on_page_content: titles are read there in Simplified
def on_page_content(html, page, config, files):
    if _build.edition.traditional:
        page.title = convert.text(page.title) if page.title else page.title
        convert.toc(page.toc)
    return html


@event_priority(40)  # after the glossary fills its page (50), before the search plugin indexes (0)
def on_page_context(context, page, config, nav):
    if _build.edition.traditional:
        if _build.dates is None:
            try:
                _build.dates = page_dates.wait_for(_build.dates_path)
            except TimeoutError as e:
                raise PluginError(str(e)) from None
        page.meta.update(_build.dates.get(page.file.src_uri, {}))
        page.content = convert.html(page.content)  # exactly once: converting twice corrupts text
    context["edition_links"] = twin_links(page.url, _build.edition, config.extra["edition_roots"])
    return context


def on_post_template(output_content, template_name, config):
    """Pages rendered from templates alone (404.html) have no page events: convert the output."""
    return convert.html(output_content) if _build.edition.traditional and template_name == "404.html" else output_content


instrument(globals())  # timings for scripts/bench_scale.py; no-op unless DEBTKB_HOOK_TIMINGS is set
