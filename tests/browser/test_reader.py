"""What a reader does, in real Chromium: open the site, move through the nav, search in Chinese.

Every test also checks that the page asked nothing of any host but the local server.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from debtkb.importer.article import load
from debtkb.importer.render import split_sections
from tests.paths import SECTION_PAGES as SLUGS
from tests.paths import SEED

pytestmark = pytest.mark.browser

SECTIONS = [(heading.title, heading.text) for heading, _ in split_sections(load(SEED)[0])]


def heading(text: str) -> re.Pattern:
    """A heading's visible text: its words plus the permalink sign."""
    return re.compile(rf"^{re.escape(text)}¶?\s*$")


def assert_only_local_requests(page, origin):
    hosts = {urlsplit(url).netloc for url in page.requests if not url.startswith(("data:", "blob:"))}
    assert hosts == {urlsplit(origin).netloc}, page.requests


def test_index_renders(page, served_site):
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(served_site + "/xiaomi-jinrong-qian-6-wan/", wait_until="networkidle")
    expect(page.locator("article h1")).to_have_text(heading("小米金融欠 6 万应该怎么处理"))
    expect(page.locator(".kb-subtitle")).to_have_text("小米金融欠 6 万")
    expect(page.locator("article h2#小编导语")).to_be_visible()
    expect(page.locator("article ul li a")).to_have_count(6 + 14)  # overview: sections + subsections
    assert errors == []
    assert page.requests, "no request recorded: the recorder is not working"
    assert_only_local_requests(page, served_site)


def test_instant_navigation_reaches_every_section(page, served_site):
    page.goto(served_site + "/xiaomi-jinrong-qian-6-wan/", wait_until="networkidle")
    page.evaluate("window.__sameDocument = true")  # survives instant navigation, not a full load
    for (title, title_text), slug in zip(SECTIONS, SLUGS):
        page.locator(".md-sidebar--primary a.md-nav__link", has_text=title).first.click()
        page.wait_for_url(f"{served_site}/{slug}/")
        expect(page.locator("article h1")).to_have_text(heading(title_text))
        assert page.evaluate("window.__sameDocument === true"), f"{slug}: full page load instead of instant navigation"
    assert_only_local_requests(page, served_site)


@pytest.mark.parametrize(
    ("query", "slug", "section"),
    [
        ("焦虑", "qiankuan-wenti-de-yingxiang", "3.2 家庭关系的紧张"),
        ("审批", "qiankuan-wenti-de-chengyin-fenxi", "2.2 信贷审批的宽松"),
        ("诈骗", "qiankuan-wenti-de-yingxiang", "3.3 社会问题的隐忧"),
    ],
)
def test_search_finds_a_word_from_the_middle_of_a_sentence(page, served_site, query, slug, section):
    page.goto(served_site + "/", wait_until="networkidle")
    page.keyboard.press("s")  # Material's shortcut opens the search dialog
    box = page.locator("input.md-search__input")
    expect(box).to_be_focused()
    box.press_sequentially(query)
    box.press("End")  # CJK text arrives without keyup; Material searches on keyup
    results = page.locator(".md-search-result__item")
    # Titles come first, then the sections with their excerpts: wait for the section.
    expect(results.filter(has_text=section).first).to_be_visible()
    hrefs = results.locator("a").evaluate_all("links => links.map(a => a.href)")
    assert any(f"/{slug}/" in href for href in hrefs), hrefs
    expect(page.locator(".md-search-result__meta")).not_to_have_text("没有找到符合条件的结果")
    assert_only_local_requests(page, served_site)
