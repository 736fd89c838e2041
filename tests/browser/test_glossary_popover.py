"""Glossary terms on a phone, in real Chromium with touch emulation: a tap shows the definition
beside the term without leaving the page (docs/javascripts/glossary/popover.js); a mouse keeps
Material's tooltip and the link."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.test_glossary import DEFINITION
from tests.browser.test_quality import axe_violations

pytestmark = pytest.mark.browser
ARTICLE = "/xiaomi-jinrong-de-jueqi/"


@pytest.fixture
def phone(browser, served_site):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True, locale="zh-CN", service_workers="block")
    page = context.new_page()
    yield page
    context.close()


def term(page, text="消费贷款"):
    return page.locator("article a.glossary-term", has_text=text).first


def popover(page):
    return page.locator("#kb-term-popover")


def open_article(page, served_site, path=ARTICLE):
    page.goto(served_site + path, wait_until="networkidle")
    link = term(page, "消费贷款" if "zh-Hant" not in path else "消費貸款")
    link.scroll_into_view_if_needed()
    return link


def test_a_tap_shows_the_definition_beside_the_term_and_the_page_stays(phone, served_site):
    link = open_article(phone, served_site)
    url, scroll = phone.url, phone.evaluate("scrollY")
    expect(link).to_have_attribute("aria-expanded", "false")
    link.tap()
    box = popover(phone)
    expect(box).to_be_visible()
    expect(box).to_contain_text(DEFINITION)
    expect(box.locator("strong")).to_have_text("消费贷款")
    expect(link).to_have_attribute("aria-expanded", "true")
    assert phone.url == url and phone.evaluate("scrollY") == scroll  # no navigation, no jump
    expect(box).to_be_focused()  # announced: a dialog named by the term
    assert box.get_attribute("role") == "dialog" and link.get_attribute("aria-controls") == "kb-term-popover"
    term_box, pop_box = link.bounding_box(), box.bounding_box()
    assert 0 <= pop_box["y"] - (term_box["y"] + term_box["height"]) <= 12 or 0 <= term_box["y"] - (pop_box["y"] + pop_box["height"]) <= 12  # beside it
    expect(phone.locator(".md-tooltip2:visible", has_text=DEFINITION)).to_have_count(0)  # not Material's tooltip as well


def test_the_popovers_link_opens_the_entry(phone, served_site):
    open_article(phone, served_site).tap()
    more = popover(phone).get_by_role("link", name="查看术语表")
    expect(more).to_be_visible()
    more.tap()
    expect(phone).to_have_url(f"{served_site}/glossary/#%E6%B6%88%E8%B4%B9%E8%B4%B7%E6%AC%BE")
    expect(phone.locator('[id="消费贷款"]')).to_be_in_viewport()


def test_escape_an_outside_tap_and_the_same_term_close_it(phone, served_site):
    link = open_article(phone, served_site)
    box = popover(phone)
    link.tap()
    expect(box).to_be_visible()
    phone.keyboard.press("Escape")
    expect(box).to_be_hidden()
    expect(link).to_be_focused()  # focus goes back where the reader was
    expect(link).to_have_attribute("aria-expanded", "false")
    link.tap()
    expect(box).to_be_visible()
    phone.locator("article p:not(:has(a))").last.tap()  # somewhere else
    expect(box).to_be_hidden()
    link.tap()
    expect(box).to_be_visible()
    link.tap()  # the same term again
    expect(box).to_be_hidden()
    assert phone.url.endswith(ARTICLE)


def test_only_one_popover_is_open_at_a_time(phone, served_site):
    open_article(phone, served_site)
    links = phone.locator("article a.glossary-term")
    assert links.count() >= 2
    links.nth(0).tap()
    first = popover(phone).locator("strong").text_content()
    links.nth(1).scroll_into_view_if_needed()
    links.nth(1).tap()
    expect(phone.locator(".kb-term-popover:visible")).to_have_count(1)
    expect(popover(phone).locator("strong")).not_to_have_text(first)
    assert links.nth(0).get_attribute("aria-expanded") == "false" and links.nth(1).get_attribute("aria-expanded") == "true"


def test_a_mouse_click_still_opens_the_entry(page, served_site):
    page.goto(served_site + ARTICLE, wait_until="networkidle")
    term(page).click()
    expect(page).to_have_url(f"{served_site}/glossary/#%E6%B6%88%E8%B4%B9%E8%B4%B7%E6%AC%BE")
    expect(popover(page)).to_be_hidden()


def test_axe_finds_nothing_with_the_popover_open(phone, served_site):
    open_article(phone, served_site).tap()
    expect(popover(phone)).to_be_visible()
    violations = axe_violations(phone)
    assert violations == [], violations


def test_it_stays_inside_a_320_px_screen_in_the_dark_scheme(browser, served_site):
    context = browser.new_context(viewport={"width": 320, "height": 568}, has_touch=True, is_mobile=True, color_scheme="dark", service_workers="block")
    page = context.new_page()
    try:
        page.goto(served_site + ARTICLE, wait_until="networkidle")
        for i in range(min(4, page.locator("article a.glossary-term").count())):  # terms at different places in their lines
            link = page.locator("article a.glossary-term").nth(i)
            link.scroll_into_view_if_needed()
            link.tap()
            box = popover(page).bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 320 and box["y"] >= 0 and box["y"] + box["height"] <= 568, box
            page.keyboard.press("Escape")
        link.tap()
        colours = popover(page).evaluate("el => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color]")
        body = page.evaluate("getComputedStyle(document.body).backgroundColor")
        assert colours[0] == body and colours[0] != "rgb(255, 255, 255)", colours  # the dark scheme's colours
    finally:
        context.close()


def test_the_traditional_edition_and_instant_navigation(phone, served_site):
    link = open_article(phone, served_site, "/zh-Hant" + ARTICLE)
    link.tap()
    box = popover(phone)
    expect(box.get_by_role("link", name="查看術語表")).to_be_visible()
    expect(box).to_contain_text("發放給個人")
    phone.keyboard.press("Escape")
    # Material's instant navigation to another page: mounted there too, once.
    phone.evaluate("document.querySelector('a.md-footer__link--next, .md-footer__link').click()")
    phone.wait_for_function("() => !location.pathname.endsWith('/xiaomi-jinrong-de-jueqi/')")
    phone.wait_for_load_state("networkidle")
    links = phone.locator("article a.glossary-term")
    expect(links.first).to_have_attribute("aria-controls", "kb-term-popover")
    links.first.scroll_into_view_if_needed()
    links.first.tap()
    expect(phone.locator("#kb-term-popover")).to_have_count(1)
    expect(popover(phone)).to_be_visible()


def test_without_javascript_a_tap_opens_the_entry(browser, served_site):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True, java_script_enabled=False, service_workers="block")
    page = context.new_page()
    try:
        page.goto(served_site + ARTICLE)
        term(page).tap()
        expect(page).to_have_url(f"{served_site}/glossary/#%E6%B6%88%E8%B4%B9%E8%B4%B7%E6%AC%BE")
    finally:
        context.close()
