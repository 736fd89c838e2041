"""Offline reading: what each edition saves on a reader's phone, the worker's version, the
"not saved" page, and the home-screen manifest and icons (hooks/offline.py; docs/sw.js).

On a first visit the worker saves the edition's *shell* (Material's CSS and JS, this site's CSS
and JS, the icons) and the pages a reader needs in a hurry (home, every guide page, calculator,
glossary, the "not saved" page); the search index once the reader opens the search box, when
it is small enough. Both lists are in ``offline.json`` in each edition's root; pages are also
saved as they are read. The worker's ``VERSION`` is a hash of the site's sources, so a changed site is a new
cache and an unchanged one keeps what readers saved.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
from dataclasses import dataclass
from pathlib import Path

SETTINGS_KEY = "offline"
ICON_SIZES = (192, 512)
THEME_COLOR = "#3f51b5"  # Material's indigo, the palette's primary colour (mkdocs.yml)
FALLBACK_PAGE = "offline.md"
# Shell files, by pattern under the edition's root. Material's search worker and lunr are not
# used (the site has its own search), nor are source maps.
SHELL = (
    "assets/stylesheets/*.css",
    "assets/javascripts/bundle.*.min.js",
    "javascripts/**/*.js",
    "javascripts/**/*.css",
    "stylesheets/*.css",
    "search/search_index.json",  # Material's search settings, read by its search box on every page
    "sitemap.xml",  # Material's instant navigation reads it to tell the site's own links
    "assets/images/favicon.png",
    "icons/*.png",
    "manifest.webmanifest",
)
VERSION_LINE = 'const VERSION = "dev";'


class SettingsError(ValueError):
    pass


@dataclass(frozen=True)
class Settings:
    enabled: bool = True
    search_kb: int = 120  # save the whole search index on the first visit while it is this small (gzipped)


def settings_from_extra(extra: dict) -> Settings:
    raw = extra.get(SETTINGS_KEY)
    raw = {} if raw is None else raw
    if not isinstance(raw, dict):
        raise SettingsError("mkdocs.yml: extra.offline must be a mapping (enabled, search_kb)")
    unknown = sorted(set(raw) - {"enabled", "search_kb"})
    if unknown:
        raise SettingsError(f"mkdocs.yml: extra.offline: unknown key(s) {unknown} (allowed: enabled, search_kb)")
    enabled = raw.get("enabled", True)
    if not isinstance(enabled, bool):
        raise SettingsError("mkdocs.yml: extra.offline.enabled must be true or false")
    search_kb = raw.get("search_kb", Settings.search_kb)
    if not isinstance(search_kb, int) or isinstance(search_kb, bool) or search_kb < 0:
        raise SettingsError("mkdocs.yml: extra.offline.search_kb must be a whole number of kilobytes (0 or more)")
    return Settings(enabled, search_kb)


def gz_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 9))


def saved_list(site: Path, pages: list[str]) -> list[str]:
    """URLs (relative to the edition's root) the worker saves on the first visit."""
    files = {p for pattern in SHELL for p in site.glob(pattern) if p.is_file()}
    return sorted({p.relative_to(site).as_posix() for p in files} | set(pages))


def search_list(site: Path, settings: Settings) -> list[str]:
    """The search index, saved when the reader first opens the search box (never before: a page
    view downloads nothing of it), if it is small enough; otherwise its parts are saved as
    searches fetch them."""
    search = site / "search"
    index = sorted(p for p in search.rglob("*.json") if p.name != "search_index.json") if search.is_dir() else []
    budget = settings.search_kb * 1024
    total = 0
    for path in index:  # compressed one by one, stopping as soon as it is too big (a large site's index is thousands of files)
        total += gz_size(path)
        if total > budget:
            return []
    return [p.relative_to(site).as_posix() for p in index]


def saved_bytes(site: Path, urls: list[str]) -> int:
    """Gzipped bytes of the saved list (pages as index.html)."""
    total = 0
    for url in urls:
        path = site / (url + "index.html" if url.endswith("/") or url == "" else url)
        if path.is_file():
            total += gz_size(path)
    return total


SOURCES = ("docs", "data", "overrides", "hooks", "debtkb", "mkdocs.yml", "mkdocs.zh-Hant.yml", "requirements.txt")


def version(root: Path) -> str:
    """A hash of everything the site is built from (content, data, theme, code, pinned packages):
    the same sources give the same worker and keep readers' saved pages; any change is a new
    cache. Not of the built pages, which carry the build's date and tool name."""
    digest = hashlib.sha256()
    for name in SOURCES:
        base = root / name
        paths = sorted(p for p in base.rglob("*") if p.is_file() and "__pycache__" not in p.parts) if base.is_dir() else [base] if base.is_file() else []
        for path in paths:
            digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:12]


def worker_source(template: str, build_version: str) -> str:
    if VERSION_LINE not in template:
        raise ValueError(f"docs/sw.js must contain the line {VERSION_LINE!r}: the build writes its version there")
    return template.replace(VERSION_LINE, f'const VERSION = "{build_version}";', 1)


def write_worker(docs_dir: Path, site_dir: Path, root: Path, name: str = "sw.js") -> None:
    """Publish the worker at the site's root with this build's version (from its source in docs/:
    a dirty build does not copy it again). ``ValueError`` naming the file if it cannot."""
    template = docs_dir / name
    if not template.is_file():
        raise ValueError(f"docs/{name} is missing: it is the offline reading worker")
    (site_dir / name).write_text(worker_source(template.read_text(encoding="utf-8"), version(root)), encoding="utf-8")


def shell_links(pages: dict, title_of, glossary_page: str) -> list[tuple[str, str]]:
    """(title, source) of the pages a first visit saves, in the "not saved" page's order: home,
    every guide page, the calculator (those the site has; ``title_of(source)`` from its front
    matter), then the glossary."""
    wanted = ["index.md", *sorted(uri for uri in pages if uri.startswith("guide/")), "calculator.md"]
    return [(title_of(uri) or uri, uri) for uri in wanted if uri in pages] + [("术语表", glossary_page)]


def fallback_markdown(links: list[tuple[str, str]]) -> str:
    """The page a reader gets offline for a page never opened: what happened, and where to go."""
    items = "\n".join(f"- [{title}]({src})" for title, src in links)
    return (
        "---\ntitle: 这一页还没有保存在这台手机上\nsearch:\n  exclude: true\nhide:\n  - navigation\n  - toc\n---\n\n"
        "# 这一页还没有保存在这台手机上\n\n"
        "现在没有网络，而这一页你还没有打开过，所以手机里没有它。连上网络后再打开就可以了，之后没有网络也能看。\n\n"
        "下面这些页面已经保存，没有网络也能看：\n\n"
        f"{items}\n"
    )


def web_manifest(name: str, short_name: str, description: str, lang: str) -> str:
    return json.dumps(
        {
            "name": name,
            "short_name": short_name,
            "description": description,
            "lang": lang,
            "start_url": "./",
            "scope": "./",
            "display": "standalone",
            "background_color": "#ffffff",
            "theme_color": THEME_COLOR,
            "icons": [{"src": f"icons/icon-{n}.png", "sizes": f"{n}x{n}", "type": "image/png", "purpose": "any"} for n in ICON_SIZES],
        },
        ensure_ascii=False,
        indent=2,
    )


def icons(source: Path) -> dict[str, bytes]:
    """{"icons/icon-192.png": PNG bytes, …} from one square source image."""
    from PIL import Image

    with Image.open(source) as image:
        if image.width != image.height or image.width < max(ICON_SIZES):
            raise ValueError(f"{source}: the icon source must be square and at least {max(ICON_SIZES)} px (it is {image.width}×{image.height})")
        out = {}
        for n in ICON_SIZES:
            buffer = io.BytesIO()
            image.convert("RGB").resize((n, n), Image.LANCZOS).save(buffer, "PNG", optimize=True)
            out[f"icons/icon-{n}.png"] = buffer.getvalue()
    return out
