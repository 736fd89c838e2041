"""The article lists (debtkb.listing): newest first, at most PAGE_SIZE to a page, links that MkDocs
resolves, and a home page from which every article is two clicks away."""

import re

from debtkb import listing
from debtkb.listing import ArticleFiles, Entry, all_block, home_block, list_pages, newest_first

TOPICS = ("逾期", "征信")


def entries(n, tags=("逾期",)):
    return [Entry(f"articles/a{k:04d}.md", f"文章 {k}", f"2024-01-{1 + k % 28:02d}" if k % 5 else "", tags) for k in range(n)]


def test_newest_first_undated_last_then_by_title():
    ordered = newest_first([Entry("a.md", "乙", "2024-03-01", ()), Entry("b.md", "甲", "", ()), Entry("c.md", "丙", "2024-12-31", ()), Entry("d.md", "甲", "2024-03-01", ())])
    assert [e.src_uri for e in ordered] == ["c.md", "a.md", "d.md", "b.md"]  # same day: by title (code point order)


def test_lists_are_paged_at_a_hundred_and_link_each_other():
    pages = list_pages(entries(250), TOPICS)
    assert sorted(pages) == ["articles/page-2.md", "articles/page-3.md", "articles/t/yuqi.md", "articles/t/yuqi/page-2.md", "articles/t/yuqi/page-3.md"]  # 征信 has none
    for uri, (_, body) in pages.items():
        assert body.count("\n- [") + body.startswith("- [") <= listing.PAGE_SIZE
    title, body = pages["articles/t/yuqi/page-2.md"]
    assert title == "关于“逾期”的文章（第 2 页）"
    assert "](../../a" in body  # from articles/t/yuqi/ to articles/
    assert "[第 1 页](../yuqi.md) · 第 2 页 · [第 3 页](page-3.md)" in body


def test_every_article_is_on_a_list_page_the_home_page_links():
    items = entries(250) + [Entry("articles/z.md", "征信文章", "2025-01-01", ("征信",))]
    pages = list_pages(items, TOPICS)
    home_links = set(re.findall(r"\]\(([^)]+)\)", home_block(items, TOPICS)))
    assert {listing.link(uri, "index.md") for uri in [*pages, "articles/index.md"]} <= home_links  # click 1: every list page
    listed = set()
    for uri, (_, body) in {**pages, "articles/index.md": ("", all_block(items))}.items():  # click 2: every article
        folder = uri.rsplit("/", 1)[0]
        for target in re.findall(r"\]\(([^)]+)\)", body):
            parts = []
            for part in f"{folder}/{target}".split("/"):
                parts = parts[:-1] if part == ".." else parts + [part]
            listed.add("/".join(parts))
    assert {e.src_uri for e in items} <= listed


def test_a_small_site_lists_each_article_once_on_the_home_page():
    home = home_block(entries(3), TOPICS)
    assert home.count("文章 ") == 3 and "按主题：[逾期（3）](articles/t/yuqi.md)" in home


def test_which_files_are_articles():
    files = ArticleFiles.from_settings({"folder": "articles", "pinned": {"seed": {"folder": "", "index": "seed-index"}}})
    assert files.covers("articles/x.md") and files.covers("seed-index.md")
    assert not files.covers("articles/index.md") and not files.covers("articles/page-2.md") and not files.covers("articles/t/yuqi.md") and not files.covers("guide/x.md")
