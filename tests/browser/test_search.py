"""Search in real Chromium: nothing of the index before the reader opens the search box, little
after; results, highlighting on the result page and suggestions through Material's own box."""

from __future__ import annotations

import gzip
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

EARLY_BUDGET = 15 * 1024  # the engine's code, gzipped, before the search box opens (issue #18)
QUERY_BUDGET = 150 * 1024  # the first query and its results, gzipped


def search_files(requests: list[str], site: Path) -> dict[str, int]:
    """Gzipped size of each search file the page asked for (the engine, the index, Material's settings)."""
    sizes = {}
    for url in requests:
        path = urlsplit(url).path
        if "/search/" not in path and not path.endswith("search_index.json"):
            continue
        local = site / path.lstrip("/")
        sizes[path] = len(gzip.compress(local.read_bytes(), 9))
    return sizes


def wait_for_request(page, suffix: str, start: int = 0, timeout_s: float = 10) -> None:
    """Wait until the page (or its worker) has asked for a URL ending in ``suffix``: at once if it
    already has (page.requests, from the context's request events), else for that request event."""
    if any(urlsplit(u).path.endswith(suffix) for u in page.requests[start:]):
        return
    page.context.wait_for_event("request", lambda request: urlsplit(request.url).path.endswith(suffix), timeout=timeout_s * 1000)


def open_search(page, query: str):
    box = page.locator("input.md-search__input")
    if not box.evaluate("el => el === document.activeElement"):
        page.keyboard.press("s")  # Material's shortcut opens the search dialog
    expect(box).to_be_focused()
    box.press_sequentially(query)
    box.press("End")  # CJK text arrives without keyup; Material searches on keyup
    results = page.locator(".md-search-result__item")
    expect(results.first.locator("mark").first).to_be_visible()  # titles come first, then excerpts with the words marked
    return results


@pytest.mark.parametrize("edition", ["", "zh-Hant/"])
def test_nothing_of_the_index_loads_before_the_search_box_opens(page, served_site, site, edition):
    page.goto(f"{served_site}/{edition}guide/yingdui-buzhou/", wait_until="networkidle")
    wait_for_request(page, "javascripts/search/engine.js")  # the worker's last early request
    page.wait_for_load_state("networkidle")
    before = search_files(page.requests, site)
    assert any(p.endswith("javascripts/search/worker.js") for p in before), before  # the recorder sees the worker
    assert any(p.endswith("javascripts/search/engine.js") for p in before), before  # code may load early
    assert not [p for p in before if "/search/s/" in p or "/search/d/" in p or p.endswith("manifest.json")], before  # no index
    assert sum(before.values()) <= EARLY_BUDGET, before
    count = len(page.requests)
    page.keyboard.press("s")  # opening the box fetches the index's manifest, nothing more
    wait_for_request(page, "search/manifest.json", count)
    page.wait_for_load_state("networkidle")
    opened = search_files(page.requests[count:], site)
    assert list(opened) and all(p.endswith("search/manifest.json") for p in opened), opened
    typed = len(page.requests)
    results = open_search(page, "协商还款")
    after = search_files(page.requests[count:], site)
    assert any("/search/s/" in p for p in after), after
    # The worker read the manifest when the box opened: typing asks only for the query's parts.
    assert not [u for u in page.requests[typed:] if u.endswith("manifest.json")], page.requests[typed:]
    assert sum(after.values()) <= QUERY_BUDGET, after
    expect(results.first.locator("mark").first).to_be_visible()


def test_a_result_opens_its_page_with_the_words_highlighted(page, served_site):
    page.goto(served_site + "/", wait_until="networkidle")
    results = open_search(page, "個性化分期")  # Traditional typed on the Simplified edition
    link = results.first.locator("a").first
    href = link.get_attribute("href")
    assert "h=" in href, href
    link.click()
    page.wait_for_url("**/*h=*")
    expect(page.locator("article mark[data-md-highlight]").first).to_have_text("个性化分期")


def test_suggestion_completes_a_glossary_word(page, served_site):
    page.goto(served_site + "/", wait_until="networkidle")
    open_search(page, "失信")
    expect(page.locator(".md-search__suggest")).to_have_text("失信被执行人")
