"""Embed repayment calculators: ```repayment-calculator blocks → widget (logic: debtkb.calculator).

Bad blocks are logged as errors with page path and line as each page is read, then the build
stops before any page is written, so one run lists every bad block on every page.
"""

import datetime

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from debtkb import freshness
from debtkb.calculator import blocks, widget
from debtkb.calculator.settings import SettingsError, lpr_from_extra
from debtkb.editions.settings import edition_from_extra
from debtkb.paths import page_source
from debtkb.timing import instrument

log = get_plugin_logger(__name__)
_state = {"lpr": None, "pages": {}, "errors": 0}


def on_config(config):
    try:
        _state["lpr"] = lpr_from_extra(config.extra)
    except SettingsError as e:
        raise PluginError(str(e)) from None
    _state["pages"] = {}
    _state["errors"] = 0
    if not edition_from_extra(config.extra).traditional:  # one mkdocs.yml for both editions: say it once
        stale = freshness.stale_lpr(datetime.date.fromisoformat(_state["lpr"].date), datetime.date.today(), freshness.lpr_location(config.config_file_path))
        freshness.report(log, stale, config.strict)


def on_page_markdown(markdown, page, config, files):
    path = page_source(page.file.abs_src_path, page.file.src_uri, config.config_file_path)
    first_line = blocks.body_offset(page.file.content_string, markdown) + 1
    try:
        markdown, found = blocks.extract(markdown, path, first_line)
    except blocks.BlockErrors as e:
        for line, message in e.problems:
            log.error(f"{path}:{line}: repayment-calculator: {message}")
        _state["errors"] += len(e.problems)
        return markdown
    _state["pages"][page.file.src_uri] = found
    return markdown


def on_page_content(html, page, config, files):
    found = _state["pages"].get(page.file.src_uri)
    if not found:
        return html
    return widget.inject(html, found, page.url, _state["lpr"])


def on_env(env, config, files):
    if _state["errors"]:
        raise PluginError(f"{_state['errors']} problem(s) in repayment-calculator blocks (listed above); no page was written")


instrument(globals())  # timings for scripts/bench_scale.py; no-op unless DEBTKB_HOOK_TIMINGS is set
