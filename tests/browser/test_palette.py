"""The light/dark toggle (overrides/partials/palette.html) in real Chromium: it follows the phone's
setting from the first paint, switches on click and keyboard, remembers the reader's choice on
later pages, and Material's palette component is not mounted (its full-page style recalculation
is what the override removes). Material's own early palette script is left out too: it repeated
what the toggle's script does, and each inline script in the header is a place where the phone
may paint the header alone, before the article."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

# Records the scheme as soon as the article exists, before any deferred script or the bundle.
SCHEME_AT_ARTICLE = (
    "new MutationObserver((_, o) => { if (document.querySelector('article')) {"
    " window.__schemeAtArticle = document.body.getAttribute('data-md-color-scheme'); o.disconnect(); } })"
    ".observe(document, {childList: true, subtree: true});"
)


def scheme(page) -> str:
    return page.evaluate("document.body.getAttribute('data-md-color-scheme')")


def visible_toggle(page):
    return page.locator("form[data-kb-palette] label:not([hidden])")


@pytest.mark.parametrize("system, expected", [("light", "default"), ("dark", "slate")])
def test_first_paint_follows_the_phone_setting(browser, served_site, system, expected):
    context = browser.new_context(color_scheme=system)
    page = context.new_page()
    page.add_init_script(SCHEME_AT_ARTICLE)
    page.goto(f"{served_site}/", wait_until="networkidle")
    assert page.evaluate("window.__schemeAtArticle") == expected
    assert scheme(page) == expected
    expect(visible_toggle(page)).to_have_count(1)
    context.close()


def test_click_switches_and_the_choice_is_remembered(browser, served_site):
    context = browser.new_context(color_scheme="light")
    page = context.new_page()
    page.goto(f"{served_site}/", wait_until="networkidle")
    assert page.locator("[data-md-component=palette]").count() == 0  # Material's component is not mounted
    assert page.evaluate("document.body.hasAttribute('data-md-color-switching')") is False
    toggle = visible_toggle(page)
    expect(toggle).to_have_attribute("for", "__palette_1")  # 切换到深色模式
    toggle.click()
    assert scheme(page) == "slate"
    expect(visible_toggle(page)).to_have_attribute("for", "__palette_0")  # 切换到浅色模式
    page.goto(f"{served_site}/calculator/", wait_until="networkidle")  # a full load of another page
    assert scheme(page) == "slate"
    visible_toggle(page).click()
    assert scheme(page) == "default"
    page.reload(wait_until="networkidle")
    assert scheme(page) == "default"
    context.close()


def test_keyboard_enter_switches(browser, served_site):
    context = browser.new_context(color_scheme="light")
    page = context.new_page()
    page.goto(f"{served_site}/", wait_until="networkidle")
    page.locator("#__palette_0").focus()
    page.keyboard.press("Enter")
    assert scheme(page) == "slate"
    expect(page.locator("#__palette_1")).to_be_focused()
    context.close()


# The page's own listener was added first; listeners of one document's media queries are called
# in the order their MediaQueryList objects were made, in the same rendering step. So once this
# one has seen a change, the toggle's script has seen it too, and its work is done.
RECORD_MEDIA_CHANGES = (
    "window.__darkChanges = [];"
    " matchMedia('(prefers-color-scheme: dark)').addEventListener('change', (e) => window.__darkChanges.push(e.matches));"
)


def emulate_and_wait(page, system: str) -> None:
    """Switch the phone's setting and wait until the page has been told (the event is async)."""
    seen = page.evaluate("window.__darkChanges.length")
    page.emulate_media(color_scheme=system)
    page.wait_for_function("([n, dark]) => window.__darkChanges.length > n && window.__darkChanges.at(-1) === dark", arg=[seen, system == "dark"])


def test_follows_a_system_change_until_the_reader_chooses(browser, served_site):
    context = browser.new_context(color_scheme="light")
    page = context.new_page()
    page.goto(f"{served_site}/", wait_until="networkidle")
    page.evaluate(RECORD_MEDIA_CHANGES)
    emulate_and_wait(page, "dark")
    assert scheme(page) == "slate"
    visible_toggle(page).click()  # the reader chooses light
    assert scheme(page) == "default"
    emulate_and_wait(page, "light")
    emulate_and_wait(page, "dark")  # the change that, unheeded before the choice, switched to dark
    assert scheme(page) == "default"
    assert page.evaluate("window.__darkChanges") == [True, False, True]
    context.close()


def test_the_header_runs_one_script_and_a_stored_choice_still_applies_on_first_paint(browser, served_site):
    context = browser.new_context(color_scheme="light")
    page = context.new_page()
    page.goto(f"{served_site}/", wait_until="networkidle")
    assert page.evaluate("document.querySelectorAll('header script').length") == 1  # the toggle's own
    assert not page.evaluate("[...document.scripts].some(s => s.text.includes('var palette=__md_get'))")  # Material's early script
    visible_toggle(page).click()  # choose dark
    page.add_init_script(SCHEME_AT_ARTICLE)
    page.goto(f"{served_site}/glossary/", wait_until="networkidle")
    assert page.evaluate("window.__schemeAtArticle") == "slate"
    context.close()
