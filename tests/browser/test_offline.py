"""Offline reading in real Chromium: after one visit, with the network off, the pages a reader
needs work in both editions (the calculator computes), read pages are kept, a page never opened
gives the "not saved" page, a new build replaces the old cache, and nothing of another host is
saved."""

from __future__ import annotations

import functools
import re
import shutil
import threading
from http.server import ThreadingHTTPServer

import pytest
from playwright.sync_api import expect

from tests.conftest import _QuietHandler, free_port

pytestmark = pytest.mark.browser

GUIDE = [f"guide/{p}/" for p in ("yingdui-buzhou", "yuqi-houguo", "xieshang-huankuan", "nide-quanli", "changjian-wenti", "fangpian-tixing")]
ARTICLE = "xiaomi-jinrong-de-jueqi/"
NEVER_OPENED = "qiankuan-wenti-de-yingxiang/"


@pytest.fixture
def reader(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN", service_workers="allow")
    page = context.new_page()
    yield context, page
    context.close()


def visit_and_wait_until_saved(page, url):
    page.goto(url, wait_until="load")
    expect(page.locator("html[data-offline=saved]")).to_have_count(1, timeout=30_000)


def cache_names(page) -> list[str]:
    return page.evaluate("caches.keys()")


def cached_urls(page) -> list[str]:
    return page.evaluate("async () => { const out = []; for (const n of await caches.keys()) for (const r of await (await caches.open(n)).keys()) out.push(r.url); return out; }")


def assert_page(page, url, heading):
    response = page.goto(url, wait_until="domcontentloaded")
    assert response is not None and response.ok, url
    expect(page.locator("article h1").first).to_contain_text(heading)


def test_after_one_visit_the_guide_calculator_glossary_and_read_pages_work_offline(reader, served_site):
    context, page = reader
    visit_and_wait_until_saved(page, served_site + "/")
    page.goto(served_site + "/" + ARTICLE, wait_until="load")
    expect(page.locator("article h1")).to_contain_text("小米金融的崛起")
    page.wait_for_load_state("networkidle")
    context.set_offline(True)
    assert_page(page, served_site + "/", "消费债务知识站")
    expect(page.locator("text=没有网络也能看").first).to_be_visible()  # the home page says so
    assert_page(page, served_site + "/" + ARTICLE, "小米金融的崛起")
    for url in GUIDE:
        page.goto(served_site + "/" + url, wait_until="domcontentloaded")
        expect(page.locator("article h1").first).to_be_visible()
        expect(page.locator("article")).not_to_contain_text("这一页还没有保存在这台手机上")
    assert_page(page, served_site + "/glossary/", "术语表")
    expect(page.locator("article h3#征信")).to_be_visible()
    assert_page(page, served_site + "/calculator/", "还款计算器")
    page.get_by_label("期数（月）", exact=True).fill("12")
    expect(page.locator("#kb-calc-1 .kb-calc__summary dd").first).to_have_text("首期 5,500.80 元，末期 5,500.79 元")  # it computes


def test_a_page_never_opened_says_so_in_chinese_and_links_to_saved_pages(reader, served_site):
    context, page = reader
    visit_and_wait_until_saved(page, served_site + "/")
    context.set_offline(True)
    page.goto(served_site + "/" + NEVER_OPENED, wait_until="domcontentloaded")
    expect(page.locator("article h1")).to_have_text(re.compile("这一页还没有保存在这台手机上"))
    links = page.locator("article ul a")
    expect(links).to_have_count(len(GUIDE) + 3)  # home, the guide, calculator, glossary
    links.filter(has_text="还款计算器").click()
    expect(page.locator("article h1").first).to_contain_text("还款计算器")


def test_the_traditional_edition_works_offline_once_opened(reader, served_site):
    context, page = reader
    visit_and_wait_until_saved(page, served_site + "/zh-Hant/")
    context.set_offline(True)
    assert_page(page, served_site + "/zh-Hant/", "消費債務知識站")
    assert_page(page, served_site + "/zh-Hant/calculator/", "還款計算器")
    page.get_by_label("期數（月）", exact=True).fill("12")
    expect(page.locator("#kb-calc-1 .kb-calc__summary dd").first).to_have_text("首期 5,500.80 元，末期 5,500.79 元")
    page.goto(served_site + "/zh-Hant/" + NEVER_OPENED, wait_until="domcontentloaded")
    expect(page.locator("article h1")).to_have_text(re.compile("這一頁還沒有保存在這臺手機上|這一頁還沒有保存在這台手機上"))


def test_search_works_offline_on_the_saved_index(reader, served_site):
    context, page = reader
    visit_and_wait_until_saved(page, served_site + "/")
    index = [u for u in cached_urls(page) if re.search(r"/search/(manifest\.json|[sd]/)", u)]
    assert index == []  # nothing of the index before the search box opens
    page.keyboard.press("s")  # opening the search box saves the index
    expect(page.locator("html[data-offline-search=saved]")).to_have_count(1, timeout=30_000)
    page.keyboard.press("Escape")
    context.set_offline(True)
    page.goto(served_site + "/guide/yingdui-buzhou/", wait_until="domcontentloaded")
    page.keyboard.press("s")
    box = page.locator("input.md-search__input")
    box.press_sequentially("协商还款")
    box.press("End")
    expect(page.locator(".md-search-result__item").first).to_be_visible()


def test_nothing_of_another_host_is_saved(reader, served_site):
    context, page = reader
    context.route("https://cdn.example.com/**", lambda route: route.fulfill(status=200, body="x", headers={"Access-Control-Allow-Origin": "*"}))
    visit_and_wait_until_saved(page, served_site + "/")
    assert page.evaluate("fetch('https://cdn.example.com/lib.js').then(r => r.status)") == 200
    page.goto(served_site + "/guide/yuqi-houguo/", wait_until="networkidle")
    urls = cached_urls(page)
    assert urls and all(u.startswith(served_site + "/") for u in urls), [u for u in urls if not u.startswith(served_site)]
    assert not any("?" in u for u in urls)  # saved under the page's own address


NEW_WORKER_ACTIVATED = """navigator.serviceWorker.addEventListener("controllerchange", () => {
  const worker = navigator.serviceWorker.controller;
  const check = () => { if (worker.state === "activated") window.__newWorkerActivated = true; };
  worker.addEventListener("statechange", check);
  check();
});"""


def test_a_new_build_replaces_the_old_cache(reader, site, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    port = free_port()
    server = ThreadingHTTPServer(("127.0.0.1", port), functools.partial(_QuietHandler, directory=str(copy)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{port}"
    try:
        context, page = reader
        visit_and_wait_until_saved(page, origin + "/")
        [old] = cache_names(page)
        worker = (copy / "sw.js").read_text(encoding="utf-8")
        version = re.search(r'const VERSION = "([0-9a-f]+)";', worker).group(1)
        (copy / "sw.js").write_text(worker.replace(version, "0" * 12), encoding="utf-8")  # the next build
        guide = copy / "guide" / "yuqi-houguo" / "index.html"
        guide.write_text(guide.read_text(encoding="utf-8").replace("</h1>", "（新版）</h1>", 1), encoding="utf-8")
        page.evaluate("document.documentElement.removeAttribute('data-offline')")
        # The new worker becomes the page's controller as its activation starts, and deletes the
        # old cache in its activate event: once it is "activated", only the new cache may be left.
        page.add_init_script(NEW_WORKER_ACTIVATED)
        page.goto(origin + "/", wait_until="load")  # the next visit: the browser finds the new worker
        page.wait_for_function("window.__newWorkerActivated === true", timeout=30_000)
        assert cache_names(page) == ["debtkb-000000000000"], (old, cache_names(page))
        expect(page.locator("html[data-offline=saved]")).to_have_count(1, timeout=30_000)
        context.set_offline(True)
        page.goto(origin + "/guide/yuqi-houguo/", wait_until="domcontentloaded")
        expect(page.locator("article h1").first).to_contain_text("（新版）")
    finally:
        server.shutdown()
        server.server_close()
