"""Link glossary terms in rendered HTML, keeping every other byte of the page as it was.

The standard library's HTML parser finds the text nodes and tracks which elements enclose them;
links are spliced into the original string at those offsets, so entities, attributes and
whitespace are untouched. Text inside links, code, headings, abbreviations, scripts, styles,
form controls and the calculator widget is never linked; the first occurrence of each term on a
page is (``per_term`` sets how many).
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from debtkb.glossary.matcher import Matcher
from debtkb.htmlscan import VOID, OffsetParser

NO_LINK = frozenset({"a", "code", "pre", "kbd", "samp", "h1", "h2", "h3", "h4", "h5", "h6", "abbr", "script", "style", "textarea", "select", "option", "button", "svg", "math", "title", "label"})
NO_OCCURRENCE = frozenset({"code", "pre", "kbd", "samp", "script", "style", "textarea", "select", "option", "svg", "math", "title"})
SKIP_CLASSES = ("kb-calc", "glossary-skip")
LINK_CLASS = "glossary-term"


@dataclass
class LinkResult:
    html: str
    linked: dict[str, int] = field(default_factory=dict)  # term → links on this page
    occurs: set[str] = field(default_factory=set)  # terms that occur anywhere in readable text


class _Scanner(OffsetParser):
    """Collects text segments as (start offset, text, may link, may count)."""

    def __init__(self, source: str):
        super().__init__(source)
        self.source = source
        self.stack: list[tuple[str, bool, bool]] = []  # (tag, blocks linking, blocks counting)
        self.no_link = 0  # how many open elements forbid linking / counting (kept with the stack)
        self.no_count = 0
        self.segments: list[tuple[int, str, bool, bool]] = []
        self.existing: list[str] = []  # terms already linked in the input (idempotence)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and LINK_CLASS in (a.get("class") or "").split():
            fragment = urlsplit(a.get("href") or "").fragment
            if fragment:
                self.existing.append(unquote(fragment))
        if tag in VOID:
            return
        classes = (a.get("class") or "").split()
        skip = any(c.startswith(SKIP_CLASSES) for c in classes) or "data-glossary-skip" in a
        entry = (tag, tag in NO_LINK or skip, tag in NO_OCCURRENCE or skip)
        self.stack.append(entry)
        self.no_link += entry[1]
        self.no_count += entry[2]

    def handle_startendtag(self, tag, attrs):
        if tag == "a":
            self.handle_starttag(tag, attrs)
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                for _, link, count in self.stack[i:]:
                    self.no_link -= link
                    self.no_count -= count
                del self.stack[i:]
                return

    def handle_data(self, data):
        self.segments.append((self.position(), data, not self.no_link, not self.no_count))


def link_terms(page_html: str, matcher: Matcher, href: Callable[[str], str], title: Callable[[str], str], per_term: int = 1) -> LinkResult:
    """Link up to ``per_term`` occurrences of each term; report which terms occur at all."""
    scanner = _Scanner(page_html)
    scanner.feed(page_html)
    scanner.close()
    result = LinkResult(page_html)
    for term in scanner.existing:
        result.linked[term] = result.linked.get(term, 0) + 1
    out: list[str] = []
    cursor = 0
    for start, text, may_link, may_count in scanner.segments:
        if not may_count:
            continue
        present = matcher.terms_in(text)
        if not present:
            continue
        result.occurs |= present
        if not may_link or all(result.linked.get(t, 0) >= per_term for t in present):
            continue
        pieces: list[str] = []
        last = 0
        for m_start, m_end, term in matcher.spans(text):
            if result.linked.get(term, 0) >= per_term:
                continue
            result.linked[term] = result.linked.get(term, 0) + 1
            pieces += [
                text[last:m_start],
                f'<a class="{LINK_CLASS}" href="{html.escape(href(term), quote=True)}" title="{html.escape(title(term), quote=True)}">{text[m_start:m_end]}</a>',
            ]
            last = m_end
        if pieces:
            out += [page_html[cursor:start], *pieces, text[last:]]
            cursor = start + len(text)
    out.append(page_html[cursor:])
    result.html = "".join(out)
    return result
