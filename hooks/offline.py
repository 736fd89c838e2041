"""Offline reading and home-screen install (logic: debtkb.offline; the worker: docs/sw.js).
Each edition gets offline.json (what to save), the "not saved on this phone" page, a web app
manifest and icons; the Simplified build publishes sw.js at the site root with its version.
Under `mkdocs serve` pages say kb-offline=off, so no worker answers the live preview."""

import json
import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File

from debtkb import offline
from debtkb.editions import convert
from debtkb.editions.settings import PREVIEW_ENV, edition_from_extra
from debtkb.glossary.settings import settings_from_extra as glossary_settings
from debtkb.markdown_lines import front_matter
from debtkb.paths import project_root
from debtkb.timing import instrument

log = get_plugin_logger(__name__)
_state = {"command": "build"}
WORKER = "sw.js"
ICON_SOURCE = "data/icon.png"


def on_startup(command, dirty):
    _state["command"] = command


def on_config(config):
    try:
        settings = offline.settings_from_extra(config.extra)
    except offline.SettingsError as e:
        raise PluginError(str(e)) from None
    traditional = edition_from_extra(config.extra).traditional
    enabled = settings.enabled and _state["command"] != "serve" and not os.environ.get(PREVIEW_ENV)
    _state.update(settings=settings, traditional=traditional, enabled=enabled, root=project_root(config.config_file_path))
    config.extra["offline_meta"] = {"on": enabled, "root": "../" if traditional else ""}  # overrides/main.html


def on_files(files, config):
    display = convert.text if _state["traditional"] else str
    if _state["traditional"]:
        worker = files.get_file_from_path(WORKER)
        if worker is not None:
            files.remove(worker)  # one worker, at the site root, serves both editions
    pages = {f.src_uri: f for f in files.documentation_pages()}
    links = offline.shell_links(pages, lambda uri: front_matter(pages[uri].content_string).get("title"), glossary_settings(config.extra).page)
    fallback = File.generated(config, offline.FALLBACK_PAGE, content=offline.fallback_markdown(links))
    files.append(fallback)
    pages = [files.get_file_from_path(uri) for _, uri in links if files.get_file_from_path(uri)] + [fallback]
    _state["pages"] = sorted("" if f.url in ("", "./") else f.url for f in pages)  # URLs relative to the edition's root
    manifest = offline.web_manifest(display(config.site_name), display("债务知识站"), display(config.site_description or ""), "zh-Hant" if _state["traditional"] else "zh-Hans")
    files.append(File.generated(config, "manifest.webmanifest", content=manifest))
    try:
        for path, data in offline.icons(Path(_state["root"]) / ICON_SOURCE).items():
            files.append(File.generated(config, path, content=data))
    except (OSError, ValueError) as e:
        raise PluginError(f"{ICON_SOURCE}: {e}") from None
    return files


@event_priority(-150)  # after the search index is written (-100): it is on the list
def on_post_build(config):
    if not _state["enabled"]:
        return  # `mkdocs serve`, or turned off: pages say kb-offline=off and no worker is registered
    site = Path(config.site_dir)
    urls = offline.saved_list(site, _state["pages"])
    search = offline.search_list(site, _state["settings"])
    (site / "offline.json").write_text(json.dumps({"urls": urls, "search": search}, ensure_ascii=False, indent=1), encoding="utf-8")
    log.info(f"offline: a first visit saves {len(urls)} files, {offline.saved_bytes(site, urls) / 1024:.0f} KB gzipped; opening search saves {len(search)} more, {offline.saved_bytes(site, search) / 1024:.0f} KB")
    if _state["traditional"]:
        return
    try:
        offline.write_worker(Path(config.docs_dir), site, Path(_state["root"]), WORKER)
    except ValueError as e:
        raise PluginError(str(e)) from None


instrument(globals())  # timings for scripts/bench_scale.py; no-op unless DEBTKB_HOOK_TIMINGS is set
