"""Both editions in real Chromium: the language switch goes to the twin page, and search and the
calculator work in Traditional characters."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_reader import assert_only_local_requests

pytestmark = pytest.mark.browser


def switch_to(page, name):
    page.locator(".md-header__option .md-select button").hover()
    page.locator(".md-select__link", has_text=name).click()


def test_switch_goes_to_the_same_page_in_the_other_edition_and_back(page, served_site):
    page.goto(served_site + "/yingdui-qiankuan-wenti-de-celue/", wait_until="networkidle")
    switch_to(page, "繁體中文")
    page.wait_for_url(f"{served_site}/zh-Hant/yingdui-qiankuan-wenti-de-celue/")
    expect(page.locator("article h1")).to_have_text(re.compile("^四、應對欠款問題的策略"))
    assert page.evaluate("document.documentElement.lang") == "zh-Hant"
    switch_to(page, "简体中文")
    page.wait_for_url(f"{served_site}/yingdui-qiankuan-wenti-de-celue/")
    expect(page.locator("article h1")).to_have_text(re.compile("^四、应对欠款问题的策略"))
    assert_only_local_requests(page, served_site)
    assert not [url for url in page.requests if url.endswith("/sitemap.xml") and url.count("/") > 4]  # no failing twin-sitemap fetches


def test_search_in_traditional(page, served_site):
    page.goto(served_site + "/zh-Hant/", wait_until="networkidle")
    page.keyboard.press("s")
    box = page.locator("input.md-search__input")
    box.press_sequentially("個性化分期")
    box.press("End")
    results = page.locator(".md-search-result__item")
    expect(results.first.locator("mark").first).to_be_visible()  # the results with excerpts (titles come first)
    hrefs = results.locator("a").evaluate_all("links => links.map(a => a.href)")
    assert any("/zh-Hant/glossary/" in href for href in hrefs), hrefs
    assert not any(re.search(r"127\.0\.0\.1:\d+/(?!zh-Hant/)", href) for href in hrefs)  # stays in its edition


def test_calculator_in_traditional(page, served_site):
    page.goto(served_site + "/zh-Hant/calculator/", wait_until="networkidle")
    page.get_by_label("期數（月）", exact=True).fill("12")
    dd = page.locator("#kb-calc-1 .kb-calc__summary dd").first
    expect(dd).to_have_text("首期 5,500.80 元，末期 5,500.79 元")
    # An amount in 萬 that is not the default (60000): a failed parse would hide the results and
    # leave the old text in them, so the check is on the new payment, visible, and no error shown.
    principal = page.get_by_label("借款本金（元）", exact=True)
    principal.fill("3.5萬")
    expect(dd).to_have_text("3,208.80 元")  # 35,000 元 over 12 months at 18 %
    expect(dd).to_be_visible()
    expect(principal).not_to_have_attribute("aria-invalid", "")
    expect(page.locator("#kb-calc-1 .kb-calc__fix")).to_be_hidden()
    expect(page.locator("#kb-calc-1 .kb-calc__summary dt").first).to_have_text("每月還款")


def test_glossary_tooltip_in_traditional(page, served_site):
    page.goto(served_site + "/zh-Hant/xiaomi-jinrong-de-jueqi/", wait_until="networkidle")
    page.locator("article a.glossary-term", has_text="消費貸款").first.hover()
    expect(page.locator(".md-tooltip2", has_text="發放給個人、用於購物")).to_be_visible()
