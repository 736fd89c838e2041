"""Stylesheet links are made absolute while <head> is parsed (overrides/main.html), so Material's
instant navigation, which rewrites every relative link once its bundle has run, finds nothing to
change on them: re-applying a stylesheet after the page has rendered recalculates every element's
style. Checked in real Chromium: the links are absolute before the body is parsed and never
touched again, each stylesheet is fetched once, and pages opened from disk keep relative links.
(The calculator's own stylesheet link sits in the page body, next to the widget; Material still
rewrites that one, which costs little: Chromium re-styles only what its few rules match.)"""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

ABSOLUTE = re.compile(r"^(?:[a-z]+:)?//", re.IGNORECASE)

# Records the stylesheet links' href attributes as soon as <body> exists (before any body script
# or Material's bundle), and every later change to them.
RECORDER = """
window.__atBody = null; window.__changedLater = [];
new MutationObserver((records) => {
  for (const r of records) {
    if (r.type === "attributes" && r.target.matches("head > link[rel=stylesheet]") && window.__atBody !== null)
      window.__changedLater.push(r.target.getAttribute("href"));
  }
  if (window.__atBody === null && document.body)
    window.__atBody = [...document.querySelectorAll("head > link[rel=stylesheet]")].map(l => l.getAttribute("href"));
}).observe(document, {childList: true, subtree: true, attributes: true, attributeFilter: ["href"]});
"""


def stylesheet_hrefs(page) -> list[str]:
    return page.evaluate("[...document.querySelectorAll('head > link[rel=stylesheet]')].map(l => l.getAttribute('href'))")


@pytest.mark.parametrize("path", ["", "glossary/", "zh-Hant/calculator/"])
def test_stylesheet_links_are_absolute_before_the_body_and_never_rewritten(page, served_site, path):
    page.add_init_script(RECORDER)
    page.goto(f"{served_site}/{path}", wait_until="networkidle")
    at_body = page.evaluate("window.__atBody")
    assert at_body and len(at_body) == 3, at_body  # Material's main and palette CSS, extra.css
    assert all(href.startswith(served_site + "/") for href in at_body), at_body
    assert page.evaluate("window.__changedLater") == []  # Material's bundle left them alone
    assert stylesheet_hrefs(page) == at_body
    css = [url for url in page.requests if url.endswith(".css")]
    assert len(css) == len(set(css)) and set(at_body) <= set(css), css  # each fetched once
    assert page.evaluate("[...document.styleSheets].every(s => s.cssRules.length > 0)")


def test_pages_opened_from_disk_keep_relative_stylesheet_links(browser, site):
    """Material skips instant navigation for file: pages, and so does the template's script."""
    context = browser.new_context()
    page = context.new_page()
    page.goto((site / "glossary" / "index.html").as_uri())
    hrefs = stylesheet_hrefs(page)
    assert len(hrefs) == 3 and not any(ABSOLUTE.match(h) for h in hrefs), hrefs
    styles = page.evaluate(
        """() => ({header: getComputedStyle(document.querySelector('.md-header')).position,
                   primary: getComputedStyle(document.body).getPropertyValue('--md-primary-fg-color').trim(),
                   font: getComputedStyle(document.documentElement).getPropertyValue('--md-text-font')})"""
    )
    assert styles["header"] == "sticky"  # Material's main CSS applies
    assert styles["primary"]  # its palette CSS
    assert "PingFang SC" in styles["font"]  # and extra.css
    context.close()
