"""A rendered page's readable text, by section, for the search index.

Sections start at each heading that has an id (as Material's own index splits pages), so a result
links to the part of the page that holds the words. Left out: scripts, styles, icons, the ¶
links, the calculator widget (its labels are on every calculator page) and anything marked
``data-search-exclude``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from debtkb.htmlscan import VOID

SKIP_TAGS = frozenset({"script", "style", "svg", "template", "textarea", "select", "button"})
SKIP_CLASSES = frozenset({"headerlink", "kb-calc"})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Elements that end a run of text: words on either side are not one word (inline ones, like
# <a> and <strong>, are inside a sentence and join their neighbours).
BLOCKS = frozenset({"p", "li", "div", "br", "td", "th", "tr", "dt", "dd", "blockquote", "details", "summary", "table", "ul", "ol", "dl", "figcaption", "hr", *HEADINGS})
_SPACE = re.compile(r"\s+")


@dataclass
class Section:
    anchor: str  # "" for the page's top
    heading: str
    text: str = ""


@dataclass
class _Open:
    tag: str
    skip: bool


class _Sections(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[_Open] = []
        self.skipping = 0
        self.heading: list[str] | None = None  # text of the heading being read
        self.sections: list[tuple[str, list[str], list[str]]] = [("", [], [])]  # anchor, heading parts, text parts

    def handle_starttag(self, tag, attrs):
        if tag in BLOCKS:
            self._break()
        if tag in VOID:
            return
        a = dict(attrs)
        skip = tag in SKIP_TAGS or "data-search-exclude" in a or bool(SKIP_CLASSES & set((a.get("class") or "").split()))
        self.stack.append(_Open(tag, skip))
        self.skipping += skip
        if tag in HEADINGS and not self.skipping:
            if a.get("id"):
                self.sections.append((a["id"], [], []))
            self.heading = self.sections[-1][1] if a.get("id") else None

    def _break(self):
        if not self.skipping and self.heading is None:
            self.sections[-1][2].append(" ")

    def handle_endtag(self, tag):
        if tag in BLOCKS:
            self._break()
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i].tag == tag:
                self.skipping -= sum(o.skip for o in self.stack[i:])
                del self.stack[i:]
                break
        if tag in HEADINGS:
            self.heading = None

    def handle_data(self, data):
        if self.skipping:
            return
        if self.heading is not None:
            self.heading.append(data)
        else:
            self.sections[-1][2].append(data)


def sections(page_html: str, title: str) -> list[Section]:
    """The page's sections in order; the top section is headed by the page title. A section with
    no text is dropped, unless it has a heading of its own."""
    parser = _Sections()
    parser.feed(page_html)
    parser.close()
    out = []
    for anchor, heading, text in parser.sections:
        head = _SPACE.sub(" ", "".join(heading)).strip() or (title if not anchor else "")
        body = _SPACE.sub(" ", "".join(text)).strip()
        if body or (anchor and head):
            out.append(Section(anchor, head, body))
    return out
