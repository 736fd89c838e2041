"""Reader quality in real Chromium, the fast and deterministic part (Lighthouse is in `make bench`):
axe finds no violation on any page of either edition, nothing is requested from another host,
pages read fine without JavaScript, and printing shows the article (and a calculator's schedule)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.test_reader import assert_only_local_requests
from tests.paths import ROOT, SECTION_PAGES

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
GUIDE_PAGES = [f"guide/{p}/" for p in ("yingdui-buzhou", "yuqi-houguo", "xieshang-huankuan", "nide-quanli", "changjian-wenti", "fangpian-tixing")]
ARTICLE_PAGES = ["xiaomi-jinrong-qian-6-wan/", *(f"{p}/" for p in SECTION_PAGES)]
NAV_TOP = ["", "guide/yingdui-buzhou/", "calculator/", "glossary/", "topics/", "articles/", "xiaomi-jinrong-qian-6-wan/", "style-guide/"]  # a section by its first page
PAGES = ["", *(f"{p}/" for p in SECTION_PAGES), "calculator/", "glossary/", *GUIDE_PAGES, "topics/", "offline/", "404.html"]
ALL_PAGES = PAGES + [f"zh-Hant/{p}" for p in PAGES]


def axe_violations(page) -> list[str]:
    assert AXE.is_file(), "axe-core is missing: run `make test` (it runs npm ci)"
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS)
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}" for v in result["violations"]]


@pytest.mark.parametrize("path", ALL_PAGES)
def test_no_axe_violations_and_no_other_host(page, served_site, path):
    page.goto(f"{served_site}/{path}", wait_until="networkidle")
    assert axe_violations(page) == []
    assert_only_local_requests(page, served_site)


@pytest.mark.parametrize("path", ["", "calculator/", "glossary/", "zh-Hant/calculator/"])
def test_no_axe_violations_in_dark_mode_on_a_phone(browser, served_site, path):
    context = browser.new_context(viewport={"width": 360, "height": 740}, color_scheme="dark", is_mobile=True)
    page = context.new_page()
    page.goto(f"{served_site}/{path}", wait_until="networkidle")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    assert axe_violations(page) == []
    context.close()


@pytest.mark.parametrize("path", [f"{p}/" for p in SECTION_PAGES] + ["", "zh-Hant/xiaobian-zongjie/", *GUIDE_PAGES])
def test_article_pages_read_fine_without_javascript(browser, served_site, path):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{served_site}/{path}")
    expect(page.locator("article h1")).to_be_visible()
    paragraphs = page.locator("article p")
    assert paragraphs.count() >= 1
    expect(paragraphs.last).to_be_visible()
    assert len(page.locator("article").inner_text()) > 150
    # Every page is reachable: the nav (pruned: the top level and the page's own section) links
    # each top-level page and every page of the page's section.
    edition, own = ("zh-Hant/", path.removeprefix("zh-Hant/")) if path.startswith("zh-Hant/") else ("", path)
    section = GUIDE_PAGES if own in GUIDE_PAGES else ARTICLE_PAGES if own in ARTICLE_PAGES else []
    links = page.locator("nav.md-nav--primary a.md-nav__link[href]").evaluate_all("links => links.map(a => a.pathname)")
    assert {f"/{edition}{p}" for p in NAV_TOP + section} <= set(links), links
    context.close()


def test_printing_an_article_shows_only_the_article(page, served_site):
    page.goto(f"{served_site}/qiankuan-wenti-de-yingxiang/", wait_until="networkidle")
    page.emulate_media(media="print")
    expect(page.locator("article h1")).to_be_visible()
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    expect(page.locator(".md-footer")).to_be_hidden()


def test_printing_a_calculator_prints_its_schedule(page, served_site):
    page.goto(f"{served_site}/calculator/", wait_until="networkidle")
    expect(page.locator("#kb-calc-1 .kb-calc__summary")).to_be_visible()
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")  # what the browser does before printing
    rows = page.locator("#kb-calc-1 .kb-calc__table tbody tr")
    expect(rows).to_have_count(24)
    expect(rows.first).to_be_visible()
    expect(page.locator("#kb-calc-1 .kb-calc__actions")).to_be_hidden()


# A shift is measured when the frame that shows it is painted: two frames on, the frame that first
# showed the form has been painted, and takeRecords() hands over its entries without waiting for
# the observer's callback.
SHIFT_AFTER_THE_NEXT_PAINT = """() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))).then(() => {
  for (const e of window.__shifts.takeRecords()) if (!e.hadRecentInput) window.__shift += e.value;
  return window.__shift;
})"""


@pytest.mark.parametrize("width", [412, 1350])
@pytest.mark.parametrize("path", ["calculator/", "yingdui-qiankuan-wenti-de-celue/"])
def test_calculator_appearing_does_not_shift_the_page(browser, served_site, path, width):
    # The static explanation keeps the form's room until the script builds the form; without
    # that the text below jumped by a screen (cumulative layout shift 0.08 on desktop).
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.add_init_script(
        "window.__shift = 0; window.__shifts = new PerformanceObserver(l => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__shift += e.value; });"
        " window.__shifts.observe({type: 'layout-shift', buffered: true});"
    )
    page.goto(f"{served_site}/{path}", wait_until="networkidle")
    expect(page.locator(".kb-calc__ui").first).to_be_visible()
    assert page.evaluate(SHIFT_AFTER_THE_NEXT_PAINT) < 0.02
    context.close()
