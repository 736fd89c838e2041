"""The repayment calculator in real Chromium: typing, methods, CSV, shared links, instant navigation."""

from __future__ import annotations

import functools
import re
import shutil
import threading
from http.server import ThreadingHTTPServer
from urllib.parse import parse_qs

import pytest
from playwright.sync_api import expect

from tests.browser.test_reader import assert_only_local_requests
from tests.conftest import _QuietHandler, free_port, mkdocs_build
from tests.paths import ROOT

pytestmark = pytest.mark.browser


def calc(page, index=1):
    return page.locator(f"#kb-calc-{index}")


def summary(page, index=1) -> dict[str, str]:
    terms = calc(page, index).locator(".kb-calc__summary dt").all_inner_texts()
    values = calc(page, index).locator(".kb-calc__summary dd").all_inner_texts()
    return dict(zip(terms, values))


def query_of(page) -> dict[str, list[str]]:
    """The address bar's query (read in the page: replaceState reaches page.url only later)."""
    return parse_qs(page.evaluate("location.search").lstrip("?"))


def open_calculator(page, origin, query=""):
    page.goto(f"{origin}/calculator/{query}", wait_until="networkidle")
    expect(calc(page).locator(".kb-calc__summary")).to_be_visible()


def test_defaults_and_typing_update_the_results(page, served_site):
    open_calculator(page, served_site)
    expect(calc(page).locator(".kb-calc__fallback")).to_be_hidden()
    result = summary(page)
    assert result["每月还款"] == "首期 2,995.45 元，末期 2,995.34 元"
    assert result["总利息（含费用）"] == "11,890.69 元"
    assert result["实际年化利率（IRR × 12）"] == "18.00%"
    page.get_by_label("期数（月）", exact=True).fill("12")
    expect(calc(page).locator(".kb-calc__summary dd").first).to_have_text("首期 5,500.80 元，末期 5,500.79 元")
    page.get_by_label("借款本金（元）", exact=True).fill("6万")  # the way people write amounts
    page.get_by_label("年利率（%）", exact=True).fill("24")
    expect(calc(page).locator(".kb-calc__summary dd").nth(1)).to_have_text("8,082.91 元")
    assert_only_local_requests(page, served_site)


def test_switching_methods(page, served_site):
    open_calculator(page, served_site)
    page.get_by_label("还款方式", exact=True).select_option("equal-principal")
    expect(calc(page).locator(".kb-calc__summary dd").first).to_have_text("首期 3,400.00 元，末期 2,537.50 元")
    page.get_by_label("还款方式", exact=True).select_option("flat-fee")
    expect(page.get_by_label("年利率（%）", exact=True)).to_be_hidden()
    page.get_by_label("月费率（%）", exact=True).fill("0.6")
    page.get_by_label("期数（月）", exact=True).fill("12")
    expect(calc(page).locator(".kb-calc__summary dd").nth(3)).to_have_text("13.03%")  # not 7.2 %
    row = calc(page).locator('.kb-calc__compare tr[data-method="flat-fee"]')
    expect(row).to_have_attribute("aria-current", "true")
    expect(row.locator("td").nth(3)).to_have_text("13.03%")
    expect(calc(page).locator(".kb-calc__compare tbody tr")).to_have_count(5)


def test_notice_names_its_source_only_above_the_lines(page, served_site):
    open_calculator(page, served_site, "?rate=10")
    expect(calc(page).locator(".kb-calc__notice")).to_have_count(0)  # 10 % is below 12 % (4 × LPR 3 %)
    page.get_by_label("年利率（%）", exact=True).fill("18")
    notices = calc(page).locator(".kb-calc__notice")
    expect(notices).to_have_count(1)
    # Which LPR the cap uses, its date, and that the law uses the LPR of the contract's date (issue #15)
    expect(notices.first).to_contain_text("这里用的是 2025 年 9 月 22 日公布的一年期 LPR 3.00%")
    expect(notices.first).to_contain_text("法律按合同成立时的 LPR 计算上限")
    expect(notices.first).to_contain_text("第二十五条")
    page.get_by_label("年利率（%）", exact=True).fill("30")
    expect(notices).to_have_count(2)
    expect(notices.first).to_contain_text("金规〔2025〕9号")
    expect(notices.first).to_contain_text("据评论文章解读")  # a reading of the text, not a quotation
    expect(notices.first).to_contain_text("只涉及银行与平台合作的助贷业务")
    expect(notices.first).not_to_contain_text("要求商业银行")


def test_bad_input_is_explained_next_to_its_field(page, served_site):
    open_calculator(page, served_site)
    principal = page.get_by_label("借款本金（元）", exact=True)
    principal.fill("abc")
    page.get_by_label("期数（月）", exact=True).fill("700")
    expect(principal).to_have_attribute("aria-invalid", "")
    expect(page.locator("#kb-calc-1-principal-error")).to_have_text("请填写数字")
    expect(page.locator("#kb-calc-1-months-error")).to_have_text("须是 1 到 600 之间的整数")
    expect(calc(page).locator(".kb-calc__results")).to_be_hidden()
    expect(calc(page).locator(".kb-calc__fix")).to_be_visible()
    principal.fill("60000")
    page.get_by_label("期数（月）", exact=True).fill("24")
    expect(calc(page).locator(".kb-calc__results")).to_be_visible()
    expect(principal).not_to_have_attribute("aria-invalid", "")


def test_schedule_table_and_csv_download(page, served_site, tmp_path):
    open_calculator(page, served_site)
    calc(page).locator(".kb-calc__schedule summary").click()
    rows = calc(page).locator(".kb-calc__table tbody tr")
    expect(rows).to_have_count(24)
    expect(rows.first.locator("td")).to_have_text(["1", "2,995.45", "2,095.45", "900.00", "57,904.55"])
    expect(rows.last.locator("td")).to_have_text(["24", "2,995.34", "2,951.07", "44.27", "0.00"])
    with page.expect_download() as info:
        calc(page).get_by_role("button", name="下载 CSV").click()
    download = info.value
    assert download.suggested_filename == "还款计划.csv"
    path = tmp_path / "plan.csv"
    download.save_as(path)
    text = path.read_bytes().decode("utf-8")
    assert text.startswith("\ufeff期数,还款额,本金,利息,剩余本金\r\n1,2995.45,2095.45,900.00,57904.55\r\n")
    assert text.count("\r\n") == 25 and text.endswith("24,2995.34,2951.07,44.27,0.00\r\n")


def test_overdue_and_restructure_panels_follow_the_plan_until_edited(page, served_site):
    open_calculator(page, served_site)
    calc(page).get_by_text("如果逾期：罚息估算").click()
    principal = page.locator("#kb-calc-1-od-principal")
    out = calc(page).locator(".kb-calc__out")
    expect(principal).to_have_value("2095.45")  # the plan's first instalment: principal and interest
    expect(page.locator("#kb-calc-1-od-interest")).to_have_value("900.00")
    expect(out.first).to_have_text("按年化 27.00% 计，30 天罚息约 67.40 元（本金部分 47.15 元，利息部分 20.25 元），届时共欠 3,062.85 元。")
    page.get_by_label("期数（月）", exact=True).fill("12")
    expect(principal).to_have_value("4600.80")
    page.get_by_label("逾期天数", exact=True).fill("40000")
    expect(out.first).to_have_text("须是 0 到 36500 之间的整数")
    page.get_by_label("逾期天数", exact=True).fill("30")
    principal.fill("1万")
    page.locator("#kb-calc-1-od-compound").uncheck()
    expect(out.first).to_have_text("按年化 27.00% 计，30 天罚息约 225.00 元（本金部分 225.00 元，利息部分 0.00 元），届时共欠 11,125.00 元。")  # owed interest 900.00 still counts
    page.get_by_label("期数（月）", exact=True).fill("24")
    expect(principal).to_have_value("1万")  # edited: no longer follows the plan
    calc(page).get_by_text("协商分期：剩余本金重新分期").click()
    expect(page.locator("#kb-calc-1-rs-balance")).to_have_value("60000")
    expect(out.nth(1)).to_have_text("每月还款 1,000.00 元，共还 60,000.00 元，其中利息 0.00 元；原计划共还 71,890.69 元。")  # one 元 after the amount
    page.locator("#kb-calc-1-rs-months").fill("0")
    expect(out.nth(1)).to_have_text("须是 1 到 600 之间的整数")


def test_state_is_in_the_url_and_a_shared_link_restores_it(page, browser, served_site):
    open_calculator(page, served_site)
    assert query_of(page) == {}  # nothing is written until the reader changes something
    page.get_by_label("期数（月）", exact=True).fill("36")
    page.get_by_label("还款方式", exact=True).select_option("equal-principal")
    query = query_of(page)
    assert query == {"principal": ["60000"], "rate": ["18"], "months": ["36"], "method": ["equal-principal"]}
    shared = browser.new_page()
    shared.goto(page.evaluate("location.href"), wait_until="networkidle")
    expect(shared.get_by_label("期数（月）", exact=True)).to_have_value("36")
    expect(shared.get_by_label("还款方式", exact=True)).to_have_value("equal-principal")
    expect(calc(shared).locator(".kb-calc__summary dd").first).to_have_text("首期 2,566.67 元，末期 1,691.55 元")
    shared.close()


def test_invalid_url_values_are_ignored_with_a_note_and_never_injected(page, served_site):
    attack = "%3Cimg%20src%3Dx%20onerror%3D%22window.__pwned%3D1%22%3E"
    open_calculator(page, served_site, f"?months={attack}&rate=500&principal=1000")
    notes = calc(page).locator(".kb-calc__url-notes p")
    expect(notes).to_have_count(2)
    expect(notes.nth(0)).to_have_text("链接中的参数“rate”无效，已忽略，改用默认值。")
    expect(notes.nth(1)).to_have_text("链接中的参数“months”无效，已忽略，改用默认值。")
    expect(page.get_by_label("期数（月）", exact=True)).to_have_value("24")
    expect(page.get_by_label("借款本金（元）", exact=True)).to_have_value("1000")  # the valid one is used
    assert page.locator("img[src=x]").count() == 0
    assert page.evaluate("window.__pwned") is None


def test_keyboard_only(page, served_site):
    open_calculator(page, served_site)
    page.get_by_label("借款本金（元）", exact=True).focus()
    page.keyboard.press("Control+A")
    page.keyboard.type("30000")
    page.keyboard.press("Tab")
    expect(page.get_by_label("年利率（%）", exact=True)).to_be_focused()
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(page.get_by_label("还款方式", exact=True)).to_be_focused()
    expect(calc(page).locator(".kb-calc__summary dd").nth(1)).to_have_text("5,945.38 元")
    expect(calc(page).locator(".kb-calc__live")).to_have_text(re.compile("总利息 5,945.38 元"))


def test_survives_instant_navigation_away_and_back(page, served_site):
    page.goto(served_site + "/xiaomi-jinrong-qian-6-wan/", wait_until="networkidle")
    page.evaluate("window.__sameDocument = true")
    page.locator(".md-sidebar--primary a.md-nav__link", has_text="还款计算器").first.click()
    page.wait_for_url(f"{served_site}/calculator/")
    expect(calc(page).locator(".kb-calc__summary")).to_be_visible()
    page.get_by_label("期数（月）", exact=True).fill("12")
    expect(calc(page).locator(".kb-calc__summary dd").first).to_have_text("首期 5,500.80 元，末期 5,500.79 元")
    page.locator(".md-sidebar--primary a.md-nav__link", has_text="小米金融欠 6 万应该怎么处理").first.click()
    page.wait_for_url(f"{served_site}/xiaomi-jinrong-qian-6-wan/")
    page.locator(".md-sidebar--primary a.md-nav__link", has_text="应对欠款问题的策略").first.click()
    page.wait_for_url(f"{served_site}/yingdui-qiankuan-wenti-de-celue/")
    expect(calc(page).locator(".kb-calc__summary")).to_be_visible()  # the 4.2 calculator mounted too
    page.go_back()
    page.go_back()
    page.wait_for_url(re.compile(r"/calculator/"))
    expect(calc(page).locator(".kb-calc__summary")).to_be_visible()
    expect(calc(page).locator(".kb-calc__ui")).to_have_count(1)  # mounted once, not twice
    page.get_by_label("期数（月）", exact=True).fill("36")
    expect(calc(page).locator(".kb-calc__summary dd").first).to_have_text("首期 2,169.14 元，末期 2,169.31 元")
    assert page.evaluate("window.__sameDocument === true")
    assert_only_local_requests(page, served_site)


def test_mounts_on_instant_navigation_after_loading_first_on_a_calculator_page(page, served_site):
    # The widget module sits above Material's deferred bundle, so on a first load it runs before
    # document$ exists; it must still subscribe, or later pages reached by instant navigation
    # would show only the static fallback.
    page.goto(served_site + "/calculator/", wait_until="networkidle")
    expect(calc(page).locator(".kb-calc__summary")).to_be_visible()
    page.evaluate("window.__sameDocument = true")
    page.locator(".md-sidebar--primary a.md-nav__link", has_text="小米金融欠 6 万应该怎么处理").first.click()  # the article's section
    page.wait_for_url(f"{served_site}/xiaomi-jinrong-qian-6-wan/")
    page.locator(".md-sidebar--primary a.md-nav__link", has_text="应对欠款问题的策略").first.click()
    page.wait_for_url(f"{served_site}/yingdui-qiankuan-wenti-de-celue/")
    expect(calc(page).locator(".kb-calc__summary")).to_be_visible()
    expect(calc(page).locator(".kb-calc__ui")).to_have_count(1)
    assert page.evaluate("window.__sameDocument === true")


def test_without_javascript_the_page_explains_the_calculation(browser, served_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served_site + "/calculator/")
    fallback = page.locator("#kb-calc-1 .kb-calc__fallback")
    expect(fallback).to_be_visible()
    expect(fallback).to_contain_text("每月还款 = P × r × (1 + r)")
    expect(page.locator("#kb-calc-1 .kb-calc__convention")).to_contain_text("四舍五入到分")
    context.close()


def test_narrow_phone_screen_has_no_horizontal_scroll(browser, served_site):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(served_site + "/calculator/", wait_until="networkidle")
    expect(page.locator("#kb-calc-1 .kb-calc__summary")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    box = page.get_by_label("借款本金（元）", exact=True).bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360 and box["height"] >= 36
    context.close()


TWO = """---
title: 两个计算器
---

# 两个计算器

```repayment-calculator
principal: 10000
months: 12
```

```repayment-calculator
principal: 20000
months: 6
method: equal-principal
```
"""


@pytest.fixture(scope="module")
def two_calculator_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("two")
    shutil.copytree(ROOT / "docs" / "javascripts", root / "docs" / "javascripts")
    shutil.copy(ROOT / "docs" / "sw.js", root / "docs")
    (root / "data").mkdir()
    shutil.copy(ROOT / "data" / "icon.png", root / "data")  # the offline hook's icon source
    shutil.copy(ROOT / "data" / "conversions.yml", root / "data")  # the Traditional edition's phrases
    (root / "docs" / "index.md").write_text(TWO, encoding="utf-8")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"\nnav:.*", "\n", config, flags=re.S).replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
    config = config.replace("  - hooks/", f"  - {ROOT}/hooks/").replace("  - stylesheets/extra.css\n", "")
    config = config.replace("file: data/glossary.yml", f"file: {ROOT / 'data' / 'glossary.yml'}").replace("  - data\n", f"  - {ROOT / 'data'}\n")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    shutil.copy(ROOT / "mkdocs.zh-Hant.yml", root)
    port = free_port()
    result = mkdocs_build(root / "mkdocs.yml", root / "site", {"SITE_URL": f"http://127.0.0.1:{port}/"})
    assert result.returncode == 0, result.output
    server = ThreadingHTTPServer(("127.0.0.1", port), functools.partial(_QuietHandler, directory=str(root / "site")))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{port}"
    server.shutdown()
    server.server_close()


def test_two_calculators_on_one_page_are_independent(page, two_calculator_site):
    page.goto(two_calculator_site + "/", wait_until="networkidle")
    expect(calc(page, 2).locator(".kb-calc__summary")).to_be_visible()
    assert page.locator("#kb-calc-1-months").input_value() == "12"
    assert page.locator("#kb-calc-2-months").input_value() == "6"
    page.locator("#kb-calc-2-months").fill("3")
    expect(calc(page, 2).locator(".kb-calc__summary dd").first).to_have_text("首期 6,966.67 元，末期 6,766.66 元")
    assert page.locator("#kb-calc-1-months").input_value() == "12"
    assert query_of(page) == {"principal-2": ["20000"], "rate-2": ["18"], "months-2": ["3"], "method-2": ["equal-principal"]}
    page.locator("#kb-calc-1-principal").fill("12000")
    query = query_of(page)
    assert query["principal"] == ["12000"] and query["months-2"] == ["3"]
