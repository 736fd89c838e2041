"""Simplified → Traditional conversion of built content with OpenCC ``s2tw``, the project's own
phrases first (data/conversions.yml, applied by ``debtkb.editions.phrases``).

Why ``s2tw``: it writes the Traditional characters in the forms most readers in Taiwan, Hong Kong,
Macau and overseas read every day (為, 著, 裡), and changes characters only, never words. The
site explains mainland lenders, regulators and laws; ``s2twp``'s phrase conversion would rename
them (个人信息 → 個人資訊, 打印 → 列印) and misquote titles like 《征信业管理条例》. ``s2t`` uses
OpenCC's own standard forms (爲, 裏), which look dated to most readers.

Only text meant for reading is converted: text nodes outside code, and the attributes a reader
sees (title, alt, aria-label, placeholder). Ids, hrefs and every other attribute stay as they are,
so anchors and URLs are the same in both editions.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from debtkb.htmlscan import VOID, OffsetParser
from debtkb.text import HAN

CODE = frozenset({"code", "pre", "kbd", "samp", "script", "style", "svg", "math", "textarea"})
READABLE_ATTRIBUTES = ("title", "alt", "aria-label", "placeholder")
_HAN = re.compile(f"[{HAN}]")
_ATTRIBUTE = re.compile(r"""(\s(?:%s)\s*=\s*)("[^"]*"|'[^']*')""" % "|".join(READABLE_ATTRIBUTES), re.I)


_project = {"root": None}


def use_project(root: str) -> None:
    """Convert with the phrase dictionary of the project at ``root`` (the folder of mkdocs.yml);
    until called, the working directory's. Raises ``ConversionsError`` for a bad dictionary."""
    _project["root"] = str(Path(root).resolve())
    _opencc()


def _opencc():
    from debtkb.editions.phrases import converter

    return converter(_project["root"] or str(Path.cwd().resolve()))


def text(value: str) -> str:
    """Convert plain text (no markup)."""
    return _opencc().convert(value) if _HAN.search(value) else value


class _Segments(OffsetParser):
    def __init__(self, source: str):
        super().__init__(source)
        self.stack: list[str] = []
        self.code = 0
        self.edits: list[tuple[int, int, str]] = []  # (start, end, replacement)
        self.texts: list[tuple[int, int, str]] = []  # (start, end, text to convert)

    def handle_starttag(self, tag, attrs):
        raw = self.get_starttag_text() or ""
        if _HAN.search(raw) and any(name in READABLE_ATTRIBUTES for name, _ in attrs):
            converted = _ATTRIBUTE.sub(lambda m: m.group(1) + text(m.group(2)), raw)
            if converted != raw:
                start = self.position()
                self.edits.append((start, start + len(raw), converted))
        if tag not in VOID:
            self.stack.append(tag)
            self.code += tag in CODE

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i] == tag:
                self.code -= sum(t in CODE for t in self.stack[i:])
                del self.stack[i:]
                return

    def handle_data(self, data):
        if not self.code and _HAN.search(data):
            start = self.position()
            self.texts.append((start, start + len(data), data))  # converted together, in html()


_JOIN = "\ue000"  # a private-use character: no page text holds one (the importer refuses them)


def _convert_all(texts: list[str]) -> list[str]:
    """``text`` of each, in one OpenCC call (a call per text node cost more than the conversion)."""
    if not texts:
        return []
    if any(_JOIN in t for t in texts):
        return [text(t) for t in texts]
    out = _opencc().convert(_JOIN.join(texts)).split(_JOIN)
    return out if len(out) == len(texts) else [text(t) for t in texts]


def html(page_html: str) -> str:
    """Convert the readable text of an HTML fragment; everything else stays byte for byte."""
    if not _HAN.search(page_html):
        return page_html
    parser = _Segments(page_html)
    parser.feed(page_html)
    parser.close()
    edits = parser.edits + [(start, end, converted) for (start, end, _), converted in zip(parser.texts, _convert_all([t for _, _, t in parser.texts]))]
    out, cursor = [], 0
    for start, end, replacement in sorted(edits):
        out += [page_html[cursor:start], replacement]
        cursor = end
    out.append(page_html[cursor:])
    return "".join(out)


@lru_cache(maxsize=1)
def _to_simplified():
    import opencc

    return opencc.OpenCC("tw2s")


def simplified(value: str) -> str:
    """The Traditional edition's text back in Simplified (OpenCC tw2s, the inverse of s2tw)."""
    return _to_simplified().convert(value)


def tag_slug(value: str, separator: str) -> str:
    """Anchor of a topic on the topics page, the same in both editions (徵信 and 征信 → tag:征信),
    so a link to a topic works in either edition (mkdocs.yml: tags_slugify)."""
    from pymdownx.slugs import slugify

    return slugify(case="lower")(_to_simplified().convert(value), separator)


def topic_order(tag, *args) -> list[str]:
    """Topics in pinyin order of their Simplified names, the same order in both editions
    (mkdocs.yml: tags_sort_by; ``tag`` is the tags plugin's Tag, which has a ``name``)."""
    return _pinyin_key(tag.name)


@lru_cache(maxsize=None)
def _pinyin_key(name: str) -> list[str]:  # the tags plugin asks for each topic once per page listing it
    from pypinyin import Style, lazy_pinyin

    return lazy_pinyin(_to_simplified().convert(name), style=Style.TONE3)


def page_meta(meta: dict) -> None:
    """A page's front matter a reader sees (title, description, topics), converted in place;
    topics before the tags plugin reads them, so the edition's topic pages are Traditional."""
    for key in ("title", "description"):
        if isinstance(meta.get(key), str):
            meta[key] = text(meta[key])
    if isinstance(meta.get("tags"), list):
        meta["tags"] = [text(t) if isinstance(t, str) else t for t in meta["tags"]]


def toc(items) -> None:
    """A page's table of contents (MkDocs' AnchorLink items: ``title``, ``children``), in place."""
    for item in items:
        item.title = text(item.title)
        toc(item.children)
