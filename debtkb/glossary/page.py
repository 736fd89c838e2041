"""The generated glossary page (Markdown), grouped by the pinyin initial of each term.

The "出现在" (appears on) line of each entry is only known once every page has been rendered, so
the page carries a placeholder per entry that ``fill_occurrences`` replaces afterwards.
"""

from __future__ import annotations

import html
import re
from itertools import groupby

from pypinyin import Style, lazy_pinyin

from debtkb.glossary.model import Glossary, Term

TITLE = "术语表"
DESCRIPTION = "欠款、利率、还款方式、征信、催收与法律程序中的常用术语：通俗解释、英文对应词、相关术语和法律出处。"
TAGS = ("利率", "逾期", "征信", "催收", "诉讼")
DIGITS = "0–9"
ENTRIES_CLASS = "glossary-entries"
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|])")


def initial(term: str) -> str:
    """Pinyin initial (A–Z) of a term's first character; digits and others group as 0–9."""
    first = term[0]
    if first.isascii():
        return first.upper() if first.isalpha() else DIGITS
    letter = lazy_pinyin(first, style=Style.FIRST_LETTER)[0][:1].upper()
    return letter if letter.isalpha() and letter.isascii() else DIGITS


def sort_key(term: str) -> tuple:
    group = initial(term)
    return (group != DIGITS, group, lazy_pinyin(term, style=Style.TONE3), term)


def placeholder(index: int, nonce: str) -> str:
    return f"KBGLOSSARYOCCURS{nonce}N{index:04d}"  # fixed width: N1 must not be a prefix of N10


def _text(value: str) -> str:
    """Plain text safe inside Markdown: HTML escaped, Markdown syntax characters escaped."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(value, quote=False))


def _group_id(group: str) -> str:
    return "digits" if group == DIGITS else group.lower()


def render(glossary: Glossary, nonce: str) -> tuple[str, dict[str, str]]:
    """Markdown of the page, and {term: placeholder} for the "出现在" lines."""
    ordered = sorted(glossary.terms, key=lambda t: sort_key(t.term))
    groups = [(g, list(items)) for g, items in groupby(ordered, key=lambda t: initial(t.term))]
    tokens = {t.term: placeholder(i, nonce) for i, t in enumerate(ordered)}
    lines = [
        "---",
        f"title: {TITLE}",
        f"description: {DESCRIPTION}",
        "tags:",  # topics (extra.guide.topics) the glossary explains
        *(f"  - {tag}" for tag in TAGS),
        "---",
        "",
        f"# {TITLE}",
        "",
        f"这里解释本站文章里出现的 {len(ordered)} 个术语，按拼音首字母排列。正文中的术语带有链接：把鼠标移到上面或用键盘选中，"
        "会显示简短解释，点一下就来到这里。法律和监管术语注明了出处；这些解释帮助理解，不构成法律意见。",
        "",
        " · ".join(f"[{g}](#{_group_id(g)})" for g, _ in groups),
        "",
    ]
    for group, items in groups:
        # The letter's entries in one block that the browser may skip laying out while it is off
        # screen (content-visibility in extra.css, which estimates its height from --entries);
        # the letter heading stays outside it, so the table of contents can find every letter
        # without laying out the entries.
        lines += [f"## {group} {{ #{_group_id(group)} }}", "", f'<div class="{ENTRIES_CLASS}" style="--entries: {len(items)}" markdown>', ""]
        for t in items:
            lines += _entry(t, tokens[t.term])
        lines += ["</div>", ""]
    return "\n".join(lines), tokens


def _entry(t: Term, token: str) -> list[str]:
    # The search index gets the term, its other spellings and the definition; the English name,
    # related terms and sources are reference details, left out to keep the index small (every
    # page load downloads it).
    lines = [f"### {_text(t.term)} {{ #{t.anchor} }}", "", f"<span data-search-exclude>**英文**：{_text(t.english)}</span>" + (f"　**也写作**：{'、'.join(_text(a) for a in t.aliases)}" if t.aliases else ""), "", _text(t.definition), ""]
    if t.everyday:  # readers' own words for it: shown, and searched (a search for 老赖 lands here)
        lines += [f"常有人说：{'、'.join(_text(w) for w in t.everyday)}", ""]
    facts = []
    if t.related:
        facts.append("- <span data-search-exclude>相关术语：" + "、".join(f"[{_text(r)}](#{r})" for r in t.related) + "</span>")
    if t.sources:
        facts.append("- <span data-search-exclude>出处：" + "；".join(f"[{_text(s.title)}]({s.url})" if s.url else _text(s.title) for s in t.sources) + "</span>")
    # Not in the search index: a list of page titles would make every title search hit this page.
    facts.append(f'- <span data-search-exclude>出现在：{token}</span>')
    return lines + facts + [""]


def letters_only(toc) -> None:
    """Keep only the letter headings (A–Z) in the page's table of contents.

    Material renders a page's table of contents twice (sidebar, and inside the phone menu) even
    when the sidebar is hidden, and tracks every entry while scrolling; 54 term entries doubled
    cost phones hundreds of milliseconds of main-thread time. ``toc`` is a list of items with
    a ``children`` list (MkDocs' ``page.toc``); the h1 is kept with the letters as its children.
    """
    for item in toc:
        for letter in item.children:
            letter.children = []


OCCURRENCES_SHOWN = 12  # a longer list helps no reader, and on a large site it made the page megabytes


def fill_occurrences(page_html: str, tokens: dict[str, str], pages: dict[str, list[tuple[str, str]]]) -> str:
    """Replace each placeholder with links to the pages (``[(title, url)]``) where the term occurs,
    the first ``OCCURRENCES_SHOWN`` of them in nav order, then how many there are in all."""
    for term, token in tokens.items():
        found = pages.get(term, [])
        text = "、".join(f'<a href="{html.escape(url, quote=True)}">{html.escape(title)}</a>' for title, url in found[:OCCURRENCES_SHOWN]) or "（暂未出现在其他页面）"
        if len(found) > OCCURRENCES_SHOWN:
            text += f"等 {len(found)} 个页面（可用搜索找到全部）"
        page_html, count = re.subn(re.escape(token), lambda _: text, page_html)
        if count != 1:
            raise ValueError(f"glossary entry '{term}': its 出现在 placeholder was found {count} times in the rendered page")
    return page_html


def defined_terms(glossary: Glossary, page_url: str) -> list[dict]:
    """The glossary page's terms for its JSON-LD DefinedTermSet (debtkb.seo): name, definition,
    the entry's address (``page_url`` + its anchor) and the other names."""
    return [{"name": t.term, "description": t.definition, "url": f"{page_url}#{t.anchor}", "aliases": list(t.aliases)} for t in glossary.terms]
