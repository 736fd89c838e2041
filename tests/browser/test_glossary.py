"""Glossary links in real Chromium: the definition shows on hover and on keyboard focus, and the
link lands on the entry."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_reader import assert_only_local_requests

pytestmark = pytest.mark.browser
DEFINITION = "发放给个人、用于购物、教育、旅游等日常消费的贷款。"


def term(page):
    return page.locator("article a.glossary-term", has_text="消费贷款").first


def test_hover_shows_the_definition(page, served_site):
    page.goto(served_site + "/xiaomi-jinrong-de-jueqi/", wait_until="networkidle")
    term(page).hover()
    tooltip = page.locator(".md-tooltip2", has_text=DEFINITION)
    expect(tooltip).to_be_visible()
    assert_only_local_requests(page, served_site)


def test_keyboard_focus_shows_the_definition(page, served_site):
    page.goto(served_site + "/xiaomi-jinrong-de-jueqi/", wait_until="networkidle")
    link = term(page)
    for _ in range(60):  # tab through the page until the term has focus
        page.keyboard.press("Tab")
        if link.evaluate("el => el === document.activeElement"):
            break
    expect(link).to_be_focused()
    expect(page.locator(".md-tooltip2", has_text=DEFINITION)).to_be_visible()


def test_following_a_term_lands_on_its_entry(page, served_site):
    page.goto(served_site + "/xiaomi-jinrong-de-jueqi/", wait_until="networkidle")
    term(page).click()
    page.wait_for_url(re.compile(r"/glossary/#%E6%B6%88%E8%B4%B9%E8%B4%B7%E6%AC%BE$|/glossary/#消费贷款$"))
    heading = page.locator('h3[id="消费贷款"]')
    expect(heading).to_be_in_viewport()
    expect(page.locator("article")).to_contain_text(DEFINITION)
