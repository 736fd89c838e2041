"""Finding an article among a thousand: list pages built from the articles' front matter.

Every article (a page in the importer's folder, and each pinned article's first page) is an
``Entry``: its page, title, date and topics. From the entries this module writes
- the list of all articles, newest first, ``PAGE_SIZE`` to a page: /articles/, /articles/page-2/ …;
- one list per topic, paged the same way: /articles/t/<topic>/, /articles/t/<topic>/page-2/ …;
- the home page's block: for each topic its newest articles and a link to every one of its list
  pages, and a link to every page of the full list — so any article is two clicks from home;
- the topics page's block: under each topic, a link to its list.
The few links between list pages (pagers, topics) are Markdown links to source files, which MkDocs
checks in a strict build. The thousands of article items are not Markdown: each list is a
placeholder comment that ``fill`` replaces with HTML after the page is rendered, with URLs taken
from the built files — Python-Markdown's inline processing and link checks of 5,000 items cost
more than every other hook together (issue #17's budget), and the glossary does not link inside
article titles.
"""

from __future__ import annotations

import datetime
import math
import posixpath
import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from debtkb.markdown_lines import front_matter_text

PAGE_SIZE = 100  # entries on one list page
HOME_PER_TOPIC = 5  # newest articles shown under each topic on the home page
HOME_ALL_MAX = 12  # up to this many articles, the home page lists each once instead of by topic
LIST_FOLDER = "articles"  # the hand-written first page of the full list is articles/index.md


@dataclass(frozen=True)
class Entry:
    src_uri: str  # docs-relative source path, e.g. articles/wangdai-yuqi.md
    title: str
    date: str  # YYYY-MM-DD: the article's own date, else the day it was imported; "" if neither
    tags: tuple[str, ...]


def entry(src_uri: str, meta: dict) -> Entry:
    date = meta.get("date") or meta.get("imported") or ""
    if isinstance(date, datetime.date):
        date = date.isoformat()
    tags = meta.get("tags") if isinstance(meta.get("tags"), list) else []
    return Entry(src_uri, str(meta.get("title") or posixpath.basename(src_uri)), str(date), tuple(str(t) for t in tags))


def newest_first(entries: list[Entry]) -> list[Entry]:
    """Newest first; undated articles last; then by title, so the order never depends on the disk."""
    return sorted(entries, key=lambda e: (e.date == "", _negative(e.date), e.title, e.src_uri))


def _negative(date: str) -> tuple:
    return tuple(-int(p) for p in re.findall(r"\d+", date))


def topic_slug(topic: str) -> str:
    """ASCII name of a topic's list, e.g. 征信 → zhengxin (pinyin, as the article files are named)."""
    from pypinyin import lazy_pinyin

    return re.sub(r"[^a-z0-9]+", "-", "".join(lazy_pinyin(topic)).replace("v", "u").lower()).strip("-") or "topic"


def pages_of(count: int) -> int:
    return max(1, math.ceil(count / PAGE_SIZE))


def all_uri(page: int) -> str:
    return f"{LIST_FOLDER}/index.md" if page == 1 else f"{LIST_FOLDER}/page-{page}.md"


def topic_uri(topic: str, page: int) -> str:
    slug = topic_slug(topic)
    return f"{LIST_FOLDER}/t/{slug}.md" if page == 1 else f"{LIST_FOLDER}/t/{slug}/page-{page}.md"


def link(target: str, source: str) -> str:
    """Relative link from one source file to another (MkDocs resolves and checks it)."""
    return posixpath.relpath(target, posixpath.dirname(source) or ".")


@dataclass
class Lists:
    """The article lists of one generated block, in the order their placeholders stand."""

    items: list[tuple[Entry, ...]] = field(default_factory=list)

    def placeholder(self, entries: list[Entry]) -> list[str]:
        self.items.append(tuple(entries))
        return ["", f"<!-- {PLACEHOLDER} {len(self.items) - 1} -->", ""]


PLACEHOLDER = "debtkb-article-list"
_PLACEHOLDER_RE = re.compile(f"<!-- {PLACEHOLDER} (\\d+) -->")
LIST_CLASS = "kb-article-list"


def fill(page_html: str, lists: Lists, url_of: Callable[[str], str]) -> str:
    """Each placeholder replaced by its list: ``url_of(src_uri)`` is the item's URL relative to
    the page. A placeholder without a list, or a list left unplaced, is a bug: raise."""
    used = set()

    def render(m: re.Match) -> str:
        k = int(m.group(1))
        if k >= len(lists.items):
            raise ValueError(f"article list placeholder {k} has no list")
        used.add(k)
        rows = [
            f'<li><a href="{html.escape(url_of(e.src_uri), quote=True)}">{html.escape(e.title, quote=False)}</a>' + (f" <small>{e.date}</small>" if e.date else "") + "</li>"
            for e in lists.items[k]
        ]
        return f'<ul class="{LIST_CLASS}">\n' + "\n".join(rows) + "\n</ul>"

    out = _PLACEHOLDER_RE.sub(render, page_html)
    if len(used) != len(lists.items):
        raise ValueError(f"article lists {sorted(set(range(len(lists.items))) - used)} have no placeholder on the page")
    return out


def _pager(uris: list[str], source: str, label: str) -> str:
    """``label：第 1 页 · 第 2 页 …``, the current page unlinked; one page is just the label, linked."""
    if len(uris) == 1:
        return label if uris[0] == source else f"[{label}]({link(uris[0], source)})"
    parts = [f"第 {k} 页" if uri == source else f"[第 {k} 页]({link(uri, source)})" for k, uri in enumerate(uris, start=1)]
    return f"{label}：" + " · ".join(parts)


def list_pages(entries: list[Entry], topics: tuple[str, ...]) -> dict[str, tuple[str, str, Lists]]:
    """Every generated list page: src_uri → (title, Markdown body, its lists). The first page of
    the full list is the hand-written articles/index.md, whose body ``all_block`` fills in."""
    out = {}
    ordered = newest_first(entries)
    total = pages_of(len(ordered))
    for page in range(2, total + 1):
        uri = all_uri(page)
        out[uri] = (f"全部文章（第 {page} 页）", *_list_body(ordered, page, [all_uri(k) for k in range(1, total + 1)], uri, "全部文章"))
    for topic in topics:
        chosen = [e for e in ordered if topic in e.tags]
        if not chosen:
            continue
        count = pages_of(len(chosen))
        uris = [topic_uri(topic, k) for k in range(1, count + 1)]
        for page in range(1, count + 1):
            title = f"关于“{topic}”的文章" + (f"（第 {page} 页）" if page > 1 else "")
            out[uris[page - 1]] = (title, *_list_body(chosen, page, uris, uris[page - 1], f"“{topic}”的全部 {len(chosen)} 篇文章"))
    return out


def _list_body(ordered: list[Entry], page: int, uris: list[str], source: str, label: str) -> tuple[str, Lists]:
    lists = Lists()
    lines = lists.placeholder(ordered[(page - 1) * PAGE_SIZE : page * PAGE_SIZE])
    if len(uris) > 1:
        lines += ["", _pager(uris, source, label)]
    return "\n".join(lines) + "\n", lists


def page_markdown(title: str, body: str, description: str) -> str:
    return front_matter_text({"title": title, "description": description, "search": {"exclude": True}}) + f"\n# {title}\n\n{body}"


def all_block(entries: list[Entry], source: str = f"{LIST_FOLDER}/index.md") -> tuple[str, Lists]:
    """The first page of the full list (appended to articles/index.md)."""
    ordered = newest_first(entries)
    total = pages_of(len(ordered))
    lists = Lists()
    lines = [f"## 全部文章（{len(ordered)} 篇，新的在前）", *lists.placeholder(ordered[:PAGE_SIZE])]
    if total > 1:
        lines += ["", _pager([all_uri(k) for k in range(1, total + 1)], source, "全部文章")]
    return "\n".join(lines) + "\n", lists


def home_block(entries: list[Entry], topics: tuple[str, ...], source: str = "index.md") -> tuple[str, Lists]:
    """The home page's articles: under each topic its newest, and a link to each of its list pages."""
    ordered = newest_first(entries)
    lists = Lists()
    lines = [f"## 文章（{len(ordered)} 篇）", ""]
    if not ordered:
        return "\n".join(lines + ["还没有文章。", ""]), lists
    if len(ordered) <= HOME_ALL_MAX:  # a few articles: each once, then the topics they are under
        by_topic = [(t, [e for e in ordered if t in e.tags]) for t in topics]
        links = [f"[{t}（{len(chosen)}）]({link(topic_uri(t, 1), source)})" for t, chosen in by_topic if chosen]
        return "\n".join(lines + lists.placeholder(ordered) + ["按主题：" + " · ".join(links), ""]), lists
    for topic in topics:
        chosen = [e for e in ordered if topic in e.tags]
        if not chosen:
            continue
        uris = [topic_uri(topic, k) for k in range(1, pages_of(len(chosen)) + 1)]
        lines += [f"### {topic}", *lists.placeholder(chosen[:HOME_PER_TOPIC])]
        lines += [_pager(uris, source, f"“{topic}”的全部 {len(chosen)} 篇"), ""]
    uris = [all_uri(k) for k in range(1, pages_of(len(ordered)) + 1)]
    lines += [_pager(uris, source, f"全部 {len(ordered)} 篇文章，新的在前"), ""]
    return "\n".join(lines), lists


def topics_block(entries: list[Entry], topic: str, source: str = "topics.md") -> str:
    """Under a topic on the topics page: how many articles, and where they are listed."""
    count = sum(1 for e in entries if topic in e.tags)
    if not count:
        return ""
    return f"[关于“{topic}”的 {count} 篇文章]({link(topic_uri(topic, 1), source)})\n"


@dataclass(frozen=True)
class ArticleFiles:
    """Which source files are articles: every page in the importer's folder (not the list pages),
    and the first page of each pinned article."""

    folder: str
    pinned: tuple[str, ...]

    @classmethod
    def from_settings(cls, importer: dict) -> ArticleFiles:
        folder = str(importer.get("folder", LIST_FOLDER)).strip("/")
        pinned = []
        for layout in (importer.get("pinned") or {}).values():
            base = str(layout.get("folder", "")).strip("/")
            name = f"{layout.get('index', 'index')}.md"
            pinned.append(f"{base}/{name}" if base else name)
        return cls(folder, tuple(pinned))

    def covers(self, src_uri: str) -> bool:
        if src_uri in self.pinned:
            return True
        if not src_uri.startswith(self.folder + "/") or src_uri == all_uri(1):
            return False
        rest = src_uri[len(self.folder) + 1 :]
        if rest.startswith("t/") or re.fullmatch(r"page-\d+\.md", rest):
            return False  # a list page
        return "/" not in rest or rest.endswith("/index.md")  # a long article's sections are not articles


def block_for(kind, entries: list[Entry], topics: tuple[str, ...], src_uri: str) -> tuple[str, Lists]:
    """The generated part of a page whose front matter says ``listing: home | all | topics``."""
    if kind == "home":
        return home_block(entries, topics, src_uri)
    if kind == "all":
        return all_block(entries, src_uri)
    if kind == "topics":
        parts = [topics_block(entries, topic, src_uri) for topic in topics]
        links = [f"- {p.strip()}" for p in parts if p]
        return ("## 整理的文章\n\n" + "\n".join(links) + "\n" if links else ""), Lists()
    return "", Lists()
