"""Editions (logic: debtkb.editions). The Simplified build, once written, builds the Traditional
edition from mkdocs.zh-Hant.yml into <site>/zh-Hant/; that build converts what readers see with
OpenCC (and hooks/search.py writes its own search index)."""

import json
import os
import subprocess
import sys
import threading

import mkdocs
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File

from debtkb.editions import convert, page_dates
from debtkb.editions.phrases import ConversionsError
from debtkb.editions.settings import (
    CANONICAL,
    DATE_KEYS,
    DATE_PLUGIN,
    PAGE_DATES_ENV,
    PREVIEW_ENV,
    SIMPLIFIED_ONLY_ENV,
    TRADITIONAL,
    TRADITIONAL_CONFIG,
    TRADITIONAL_PATH,
    EditionError,
    edition_from_extra,
    twin_links,
)
from debtkb.paths import project_root
from debtkb.timing import instrument

log = get_plugin_logger(__name__)
_state = {}
_serve = {"command": "build", "dirty": False, "process": None}  # kept across `mkdocs serve` rebuilds
UI_STRINGS = ("javascripts/repayment/strings.js", "javascripts/glossary/popover.js")  # the scripts' words


def on_startup(command, dirty):
    _serve.update(command=command, dirty=dirty)


def on_pre_build(config):
    process = _serve["process"]
    if process is not None and process.poll() is None:
        process.terminate()  # a Traditional build of the previous version: its result is stale
        process.wait()


@event_priority(100)  # first: other hooks read the settings converted here (extra.lpr)
def on_config(config):
    try:
        edition = edition_from_extra(config.extra)
        convert.use_project(project_root(config.config_file_path))  # both builds: search converts too
    except (EditionError, ConversionsError) as e:
        raise PluginError(str(e)) from None
    canonical = config.site_url if config.site_url.endswith("/") else config.site_url + "/"
    if edition.traditional:
        config.site_url = canonical + TRADITIONAL_PATH
        for key in ("site_name", "site_description", "copyright"):
            if config[key]:
                config[key] = convert.text(config[key])
        for scheme in config.theme.get("palette") or []:
            if isinstance(scheme, dict) and "toggle" in scheme:
                scheme["toggle"]["name"] = convert.text(scheme["toggle"]["name"])
        if isinstance(config.extra.get("lpr"), dict) and "source" in config.extra["lpr"]:
            config.extra["lpr"]["source"] = convert.text(config.extra["lpr"]["source"])
        dates = os.environ.get(PAGE_DATES_ENV)
        if dates and DATE_PLUGIN in config.plugins:
            # The pages' git history is read once, by the Simplified build (same source files),
            # which writes it while this build renders; it is needed only for the templates.
            config.plugins[DATE_PLUGIN].config["enabled"] = False
            _state["dates_path"] = dates
    config.extra["edition_roots"] = {CANONICAL: canonical, TRADITIONAL: canonical + TRADITIONAL_PATH}
    _state.setdefault("dates", None if _state.get("dates_path") else {})
    _state.update(edition=edition, collected_dates={})


def on_files(files, config):
    if not _state["edition"].traditional:
        return files
    for path in UI_STRINGS:
        original = files.get_file_from_path(path)
        if original is not None:
            files.remove(original)
            files.append(File.generated(config, path, content=convert.text(original.content_string)))
    return files


@event_priority(-10)  # after the date plugin has set the page's dates
def on_page_markdown(markdown, page, config, files):
    if not _state["edition"].traditional:
        _state["collected_dates"][page.file.src_uri] = {k: page.meta[k] for k in DATE_KEYS if k in page.meta}
    else:
        for key in ("title", "description"):
            if isinstance(page.meta.get(key), str):
                page.meta[key] = convert.text(page.meta[key])
        if isinstance(page.meta.get("tags"), list):  # before the tags plugin reads them (-50)
            page.meta["tags"] = [convert.text(t) if isinstance(t, str) else t for t in page.meta["tags"]]
    return markdown


def _convert_toc(items):
    for item in items:
        item.title = convert.text(item.title)
        _convert_toc(item.children)


@event_priority(-50)  # after the other hooks' on_page_content: titles are read there in Simplified
def on_page_content(html, page, config, files):
    if _state["edition"].traditional:
        if page.title:
            page.title = convert.text(page.title)
        _convert_toc(page.toc)
    return html


@event_priority(40)  # after the glossary fills its page (50), before the search plugin indexes (0)
def on_page_context(context, page, config, nav):
    if _state["edition"].traditional:
        if _state["dates"] is None:
            try:
                _state["dates"] = page_dates.wait_for(_state["dates_path"])
            except TimeoutError as e:
                raise PluginError(str(e)) from None
        page.meta.update(_state["dates"].get(page.file.src_uri, {}))
        page.content = convert.html(page.content)  # exactly once: converting twice corrupts text
    context["edition_links"] = twin_links(page.url, _state["edition"], config.extra["edition_roots"])
    return context


def on_post_template(output_content, template_name, config):
    """Pages rendered from templates alone (404.html) have no page events: convert the output."""
    if _state["edition"].traditional and template_name == "404.html":
        return convert.html(output_content)
    return output_content


def on_nav(nav, config, files):
    """`mkdocs build`: the site folder is clean, so the Traditional edition starts now and builds
    on the second core alongside this one."""
    _state["traditional"] = None
    if not _state["edition"].traditional and _serve["command"] != "serve" and not os.environ.get(SIMPLIFIED_ONLY_ENV):
        _state["traditional"] = _build_traditional(config, dates_now=False)
    return nav


@event_priority(-200)
def on_env(env, config, files):
    """Every page has been read: the Traditional build (started with this one's files) gets the
    pages' dates, which it waits for before its first template."""
    started = _state.get("traditional")
    if started:
        page_dates.write(started[1], _state["collected_dates"])
    return env


@event_priority(-200)  # last: after the Simplified edition is complete
def on_post_build(config):
    if _state["edition"].traditional:
        return
    if os.environ.get(SIMPLIFIED_ONLY_ENV):
        log.info(f"{TRADITIONAL} edition skipped ({SIMPLIFIED_ONLY_ENV} is set)")
        return
    if _state.get("traditional"):
        _finish_traditional(*_state.pop("traditional"), True)
    else:  # `mkdocs serve`: after the Simplified pages, in the background
        _build_traditional(config)


def on_build_error(error):
    started = _state.pop("traditional", None)
    if started:
        started[0].kill()  # this build failed: its Traditional twin is not wanted


def _build_traditional(config, dates_now=True):
    root = project_root(config.config_file_path)
    traditional_config = os.path.join(root, TRADITIONAL_CONFIG)
    if not os.path.isfile(traditional_config):
        raise PluginError(f"{TRADITIONAL_CONFIG} is missing next to {os.path.basename(config.config_file_path)}: it configures the {TRADITIONAL} edition")
    # The same tool as this build: under ProperDocs, `mkdocs` is an alias of the `properdocs` package.
    command = [sys.executable, "-m", mkdocs.__name__, "build", "-f", traditional_config, "-d", os.path.join(config.site_dir, TRADITIONAL_PATH)]
    if config.strict:
        command.append("--strict")
    serving = _serve["command"] == "serve"
    if serving and _serve["dirty"]:
        command.append("--dirty")  # `mkdocs serve --dirtyreload`: only the pages edited since
    dates_path = os.path.join(config.site_dir, ".page-dates.json")
    os.makedirs(config.site_dir, exist_ok=True)  # started before this build writes its first page
    if os.path.exists(dates_path):
        os.remove(dates_path)  # an earlier build's
    if dates_now:
        page_dates.write(dates_path, _state["collected_dates"])
    env = {**os.environ, PAGE_DATES_ENV: dates_path, "SITE_URL": config.extra["edition_roots"][CANONICAL]}
    if serving:
        env[PREVIEW_ENV] = "1"
    process = subprocess.Popen(command, cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if serving:
        # While previewing, the browser reloads as soon as the Simplified pages are written; the
        # Traditional edition follows a few seconds later (and is cancelled by the next edit).
        _serve["process"] = process
        threading.Thread(target=_finish_traditional, args=(process, dates_path, False), daemon=True).start()
        log.info(f"{TRADITIONAL} edition building in the background")
        return None
    return process, dates_path


def _finish_traditional(process, dates_path, strict):
    output = process.communicate()[0]
    if os.path.exists(dates_path):
        os.remove(dates_path)  # not published
    if process.returncode < 0:
        return  # cancelled by a newer rebuild
    relayed = 0
    for line in output.splitlines():
        if " - " in line and line.split(" - ", 1)[0].strip() in ("WARNING", "ERROR"):
            level, message = (part.strip() for part in line.split(" - ", 1))
            (log.warning if level == "WARNING" else log.error)(f"{TRADITIONAL} edition: {message}")
            relayed += 1
    if process.returncode != 0:
        tail = "" if relayed else ":\n" + "\n".join(output.strip().splitlines()[-8:])
        message = f"the {TRADITIONAL} edition did not build (exit {process.returncode}){tail or '; see the messages above'}"
        if strict:
            raise PluginError(message)
        log.error(message)
        return
    log.info(f"{TRADITIONAL} edition built into {TRADITIONAL_PATH}")


instrument(globals())  # timings for scripts/bench_scale.py; no-op unless DEBTKB_HOOK_TIMINGS is set
