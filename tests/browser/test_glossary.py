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


# The glossary's letters are laid out only near the screen (content-visibility in extra.css).
# These check that the saving is real and that nothing a reader does with the page loses by it.
FAR_ENTRY = "逾期"  # in the letter before the last (the last letter is always laid out)
FAR_DEFINITION = "到了合同约定的还款日，仍没有足额还款"


def rendered(page, selector):
    """False while the element sits in a block the browser has skipped laying out."""
    return page.locator(selector).evaluate("el => el.checkVisibility({contentVisibilityAuto: true})")


def test_letters_far_down_are_laid_out_only_when_reached(page, served_site):
    page.goto(served_site + "/glossary/", wait_until="networkidle")
    far = f'h3[id="{FAR_ENTRY}"]'
    assert not rendered(page, far)
    page.locator(far).scroll_into_view_if_needed()
    expect(page.locator(far)).to_be_in_viewport()
    assert rendered(page, far)


# Where the element ends up once the page is still: the browser lays out the letters near the
# screen in the frames after the jump, their real heights replacing the estimates, so wait until
# the element has stayed put for several frames in a row (at most a few seconds: an element that
# keeps moving is reported where it is then).
SETTLED_TOP = """el => new Promise((resolve) => {
  let last = null, same = 0, frames = 0;
  const frame = () => {
    const top = el.getBoundingClientRect().top;
    same = top === last ? same + 1 : 0;
    last = top;
    frames += 1;
    if (same >= 5 || frames >= 300) resolve(top); else requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})"""


@pytest.mark.parametrize("width", [390, 1350])
@pytest.mark.parametrize("anchor", ["12378", "罚息", "逾期", "展期", "助贷"])
def test_a_link_to_a_term_lands_with_the_term_at_the_top(browser, served_site, width, anchor):
    # The letters above the term are still estimates when the browser scrolls; if the estimate
    # were far off, the term would end up lower on the screen or off it.
    context = browser.new_context(viewport={"width": width, "height": 844})
    page = context.new_page()
    page.goto(f"{served_site}/glossary/#{anchor}", wait_until="networkidle")
    top = page.locator(f'h3[id="{anchor}"]').evaluate(SETTLED_TOP)
    context.close()
    assert 0 <= top <= 120, f"#{anchor} at {top}px from the top of a {width}px-wide screen"


def test_find_in_page_reaches_a_letter_not_yet_laid_out(page, served_site):
    page.goto(served_site + "/glossary/", wait_until="networkidle")
    assert not rendered(page, f'h3[id="{FAR_ENTRY}"]')
    assert page.evaluate(f"window.find({FAR_DEFINITION!r})")
    assert page.evaluate("getSelection().anchorNode.parentElement.closest('.glossary-entries') !== null")


def test_printing_the_glossary_prints_every_entry(page, served_site):
    page.goto(served_site + "/glossary/", wait_until="networkidle")
    page.emulate_media(media="print")
    assert rendered(page, f'h3[id="{FAR_ENTRY}"]')
