"""Read built HTML with the standard library's HTML parser (no regexes over markup)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

_RESOURCE_ATTRS = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "track": ("src",),
}
# <link rel=…> values that make the browser fetch something ("canonical", "alternate" … do not).
_FETCHING_RELS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "preload", "modulepreload", "prefetch", "preconnect", "dns-prefetch", "manifest", "mask-icon"}
_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)")


class PageParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.headings: list[tuple[str, str, str]] = []  # (tag, id, text)
        self.resources: list[str] = []  # URLs the browser would fetch
        self.links: list[str] = []  # <a href>
        self._heading: list | None = None
        self._in_style = False
        self._skip_depth = 0  # inside the heading's permalink <a class="headerlink">
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self._heading = [tag, a.get("id") or "", ""]
        if tag == "a":
            if a.get("href"):
                self.links.append(a["href"])
            if self._heading is not None and "headerlink" in (a.get("class") or ""):
                self._skip_depth = 1
        for attr in _RESOURCE_ATTRS.get(tag, ()):
            if a.get(attr):
                self.resources += [part.split()[0] for part in a[attr].split(",")] if attr == "srcset" else [a[attr]]
        if tag == "link" and set((a.get("rel") or "").lower().split()) & _FETCHING_RELS and a.get("href"):
            self.resources.append(a["href"])
        if a.get("style"):
            self.resources += _CSS_URL.findall(a["style"])
        self._in_style = tag == "style"
        self._in_title = tag == "title"

    def handle_endtag(self, tag):
        if tag == "a" and self._skip_depth:
            self._skip_depth = 0
        elif self._heading is not None and tag == self._heading[0]:
            self.headings.append((self._heading[0], self._heading[1], self._heading[2].strip()))
            self._heading = None
        self._in_style = False
        self._in_title = False

    def handle_data(self, data):
        if self._heading is not None and not self._skip_depth:
            self._heading[2] += data
        if self._in_style:
            self.resources += _CSS_URL.findall(data)
        if self._in_title:
            self.title += data


def parse_html(text: str) -> PageParser:
    parser = PageParser()
    parser.feed(text)
    parser.close()
    return parser
