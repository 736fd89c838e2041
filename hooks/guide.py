"""Guide pages and topics: a disclaimer and the checked date on every guide page, and topic tags
checked against extra.guide.topics on every page (logic: debtkb.guide)."""

import datetime

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

from debtkb import freshness
from debtkb.editions.settings import edition_from_extra
from debtkb.guide import GUIDE, GuideError, checked_date, settings_from_extra, tag_problems, with_disclaimer
from debtkb.markdown_lines import front_matter_line
from debtkb.paths import page_source
from debtkb.timing import instrument

log = get_plugin_logger(__name__)
_state = {"settings": None, "errors": 0, "traditional": False, "strict": False}


def on_config(config):
    try:
        _state["settings"] = settings_from_extra(config.extra)
    except GuideError as e:
        raise PluginError(str(e)) from None
    _state["errors"] = 0
    _state["traditional"] = edition_from_extra(config.extra).traditional
    _state["strict"] = bool(config.strict)


@event_priority(60)  # before the Traditional edition converts the tags (-10) and the tags plugin reads them (-50)
def on_page_markdown(markdown, page, config, files):
    # The file is read again only to name a line in a message, so only when there is one.
    source = (lambda: page.file.content_string) if page.file.abs_src_path else (lambda: markdown)
    path = page_source(page.file.abs_src_path, page.file.src_uri, config.config_file_path)
    if not _state["traditional"] and page.file.src_uri not in _state["settings"].untagged:  # same sources in both editions: check once
        for problem in tag_problems(page.meta, source, path, _state["settings"]):
            log.error(problem)
            _state["errors"] += 1
    if page.meta.get("kind") != GUIDE:
        return markdown
    try:
        checked = checked_date(page.meta, source, path)
    except GuideError as e:
        log.error(str(e))
        _state["errors"] += 1
        return markdown
    if not _state["traditional"]:  # same sources in both editions: say it once
        stale = freshness.stale_checked(checked, datetime.date.today(), f"{path}:{front_matter_line(source(), 'checked', 1)}")
        freshness.report(log, stale, _state["strict"])
    return with_disclaimer(markdown, _state["settings"].disclaimer, checked)


def on_env(env, config, files):
    if _state["errors"]:
        raise PluginError(f"{_state['errors']} problem(s) with guide pages or topic tags (listed above); no page was written")


instrument(globals())  # timings for scripts/bench_scale.py; no-op unless DEBTKB_HOOK_TIMINGS is set
