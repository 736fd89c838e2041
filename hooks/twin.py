"""The Traditional edition's build (logic: debtkb.editions.twin). `mkdocs build` starts it once the
file list is known, so it runs on the second core, hands it the pages' dates and relays its
messages (its warnings count for --strict); `mkdocs serve` starts it after the Simplified pages,
in the background, and the next edit cancels it. The conversion is hooks/edition.py's."""

import os
import threading

import mkdocs
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

from debtkb.editions import twin
from debtkb.editions.settings import CANONICAL, DATE_KEYS, SIMPLIFIED_ONLY_ENV, TRADITIONAL, edition_from_extra
from debtkb.timing import instrument

log = get_plugin_logger(__name__)
_serve = {"command": "build", "dirty": False, "process": None}  # kept across `mkdocs serve` rebuilds
_build: twin.BuildState  # this build's state, new in every on_config


def on_startup(command, dirty):
    _serve.update(command=command, dirty=dirty)


def on_pre_build(config):
    twin.cancel(_serve["process"])  # a Traditional build of the previous version: its result is stale


def on_config(config):
    global _build
    _build = twin.BuildState(edition_from_extra(config.extra))  # checked already by hooks/edition.py


def on_nav(nav, config, files):
    if not _build.edition.traditional and _serve["command"] != "serve" and not os.environ.get(SIMPLIFIED_ONLY_ENV):
        _build.twin = _start(config, dates=None)
    return nav


@event_priority(-10)  # after the date plugin has set the page's dates
def on_page_markdown(markdown, page, config, files):
    if not _build.edition.traditional:
        _build.collected_dates[page.file.src_uri] = {k: page.meta[k] for k in DATE_KEYS if k in page.meta}
    return markdown


@event_priority(-200)
def on_env(env, config, files):
    if _build.twin:  # every page has been read: the twin waits for their dates before its first template
        twin.hand_over(_build.twin, _build.collected_dates)
    return env


@event_priority(-200)  # last: after the Simplified edition is complete
def on_post_build(config):
    if _build.edition.traditional:
        return
    if os.environ.get(SIMPLIFIED_ONLY_ENV):
        log.info(f"{TRADITIONAL} edition skipped ({SIMPLIFIED_ONLY_ENV} is set)")
    elif _build.twin:
        twin.report(twin.finish(_build.twin), log, strict=True, error=PluginError)
    else:  # `mkdocs serve`
        started = _serve["process"] = _start(config, dates=_build.collected_dates)
        threading.Thread(target=lambda: twin.report(twin.finish(started), log, strict=False, error=PluginError), daemon=True).start()
        log.info(f"{TRADITIONAL} edition building in the background")


def on_build_error(error):
    if _build.twin:
        _build.twin.process.kill()  # this build failed: its Traditional twin is not wanted


def _start(config, dates):
    try:
        serving = _serve["command"] == "serve"
        return twin.start(mkdocs.__name__, config.config_file_path, config.site_dir, config.strict, serving, _serve["dirty"], config.extra["edition_roots"][CANONICAL], dates)
    except twin.TwinError as e:
        raise PluginError(str(e)) from None


instrument(globals())  # timings for scripts/bench_scale.py; no-op unless DEBTKB_HOOK_TIMINGS is set
