"""The article lists (debtkb.listing): newest first, at most PAGE_SIZE to a page, pager links that
MkDocs resolves, item lists filled in as HTML, and a home page from which every article is two
clicks away."""

import posixpath
import re

import pytest

from debtkb import listing
from debtkb.listing import ArticleFiles, Entry, Lists, all_block, fill, home_block, list_pages, newest_first
from debtkb.urls import relative_url

TOPICS = ("逾期", "征信")


def entries(n, tags=("逾期",)):
    return [Entry(f"articles/a{k:04d}.md", f"文章 {k}", f"2024-01-{1 + k % 28:02d}" if k % 5 else "", tags) for k in range(n)]


def url(src_uri):
    """MkDocs' directory URL of a source file."""
    stem = src_uri.removesuffix(".md")
    return "" if stem == "index" else (stem.removesuffix("/index") if stem.endswith("/index") else stem) + "/"


def rendered(markdown, lists, page_uri):
    """The block as the page would carry it: pager links as MkDocs would write them, lists filled in."""
    page_url = url(page_uri)
    html = re.sub(r"\]\(([^)]+\.md)\)", lambda m: "](" + relative_url(url(posixpath.normpath(posixpath.join(posixpath.dirname(page_uri), m.group(1)))), page_url) + ")", markdown)
    return fill(html, lists, lambda uri: relative_url(url(uri), page_url))


def hrefs(text, page_uri):
    """Site paths every link on the page leads to."""
    base = url(page_uri)
    targets = re.findall(r'href="([^"]+)"|\]\(([^)]+)\)', text)
    return {posixpath.normpath(posixpath.join(base, a or b)).lstrip("./") + "/" for a, b in targets}


def test_newest_first_undated_last_then_by_title():
    ordered = newest_first([Entry("a.md", "乙", "2024-03-01", ()), Entry("b.md", "甲", "", ()), Entry("c.md", "丙", "2024-12-31", ()), Entry("d.md", "甲", "2024-03-01", ())])
    assert [e.src_uri for e in ordered] == ["c.md", "a.md", "d.md", "b.md"]  # same day: by title (code point order)


def test_lists_are_paged_at_a_hundred_and_link_each_other():
    pages = list_pages(entries(250), TOPICS)
    assert sorted(pages) == ["articles/page-2.md", "articles/page-3.md", "articles/t/yuqi.md", "articles/t/yuqi/page-2.md", "articles/t/yuqi/page-3.md"]  # 征信 has none
    sizes = {uri: [len(items) for items in lists.items] for uri, (_, _, lists) in pages.items()}
    assert sizes == {"articles/page-2.md": [100], "articles/page-3.md": [50], "articles/t/yuqi.md": [100], "articles/t/yuqi/page-2.md": [100], "articles/t/yuqi/page-3.md": [50]}
    title, body, lists = pages["articles/t/yuqi/page-2.md"]
    assert title == "关于“逾期”的文章（第 2 页）"
    assert "[第 1 页](../yuqi.md) · 第 2 页 · [第 3 页](page-3.md)" in body
    html = fill(body, lists, lambda uri: relative_url(url(uri), "articles/t/yuqi/page-2/"))
    assert html.count("<li>") == 100 and '<li><a href="../../../a0153/">文章 153</a> <small>2024-01-14</small></li>' in html


def test_fill_escapes_titles_and_refuses_a_lost_or_unknown_placeholder():
    lists = Lists()
    markdown = "\n".join(lists.placeholder([Entry("articles/x.md", "欠 <5> 万 & 逾期", "", ())]))
    assert '<a href="x/">欠 &lt;5&gt; 万 &amp; 逾期</a></li>' in fill(markdown, lists, lambda uri: "x/")
    with pytest.raises(ValueError, match=r"article lists \[0\] have no placeholder"):
        fill("<p>nothing</p>", lists, lambda uri: "x/")
    with pytest.raises(ValueError, match="placeholder 1 has no list"):
        fill(markdown + "\n<!-- debtkb-article-list 1 -->", lists, lambda uri: "x/")


def test_every_article_is_on_a_list_page_the_home_page_links():
    items = entries(250) + [Entry("articles/z.md", "征信文章", "2025-01-01", ("征信",))]
    pages = list_pages(items, TOPICS)
    home = rendered(*home_block(items, TOPICS), "index.md")
    assert {url(uri) for uri in [*pages, "articles/index.md"]} <= hrefs(home, "index.md")  # click 1: every list page
    listed = set()
    for uri, (_, body, lists) in {**pages, "articles/index.md": ("", *all_block(items))}.items():  # click 2: every article
        listed |= hrefs(rendered(body, lists, uri), uri)
    assert {url(e.src_uri) for e in items} <= listed


def test_a_small_site_lists_each_article_once_on_the_home_page():
    home = rendered(*home_block(entries(3), TOPICS), "index.md")
    assert home.count("文章 ") == 3 and "按主题：[逾期（3）](articles/t/yuqi/)" in home


def test_which_files_are_articles():
    files = ArticleFiles.from_settings({"folder": "articles", "pinned": {"seed": {"folder": "", "index": "seed-index"}}})
    assert files.covers("articles/x.md") and files.covers("seed-index.md")
    assert not files.covers("articles/index.md") and not files.covers("articles/page-2.md") and not files.covers("articles/t/yuqi.md") and not files.covers("guide/x.md")
