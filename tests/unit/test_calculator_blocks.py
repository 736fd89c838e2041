"""Calculator blocks in Markdown: options, line-numbered errors, placeholders, widget HTML."""

import datetime as dt
import json
import re

import pytest

from debtkb.calculator.blocks import BlockErrors, body_offset, extract
from debtkb.calculator.options import parse_options, parse_rate
from debtkb.calculator.settings import Lpr, SettingsError, lpr_from_extra
from debtkb.calculator.widget import inject, render
from debtkb.urls import relative_url

LPR = Lpr(0.03, "2025-09-22", "测试来源")


def block(*lines, indent=""):
    return "\n".join([f"{indent}```repayment-calculator", *(f"{indent}{line}" for line in lines), f"{indent}```"])


def errors(markdown, first_line=1):
    with pytest.raises(BlockErrors) as info:
        extract(markdown, "docs/page.md", first_line)
    return info.value.problems, str(info.value)


def test_valid_block_becomes_a_placeholder():
    md = "# 标题\n\n正文。\n\n" + block("principal: 60000", "annual_rate: 0.18", "months: 24", "method: equal-installment") + "\n\n后文。\n"
    out, [calc] = extract(md, "docs/page.md")
    assert calc.index == 1 and calc.line == 5
    assert (calc.options.principal, calc.options.annual_rate, calc.options.months, calc.options.method) == (60000, 0.18, 24, "equal-installment")
    assert f"\n\n{calc.token}\n\n" in out and "```" not in out
    assert out.count("\n") >= md.count("\n")  # later lines keep (at least) their numbers
    assert out.endswith("后文。\n")


def test_no_block_leaves_the_page_alone():
    md = "# 标题\n\n```python\nprint(1)\n```\n"
    assert extract(md, "docs/page.md") == (md, [])


def test_block_shown_inside_another_fence_is_left_alone():
    md = "````markdown\n" + block("principal: 1") + "\n````\n"
    assert extract(md, "docs/page.md") == (md, [])


def test_nested_in_an_admonition_keeps_indentation():
    md = '!!! example "示例"\n\n' + block("months: 12", indent="    ") + "\n"
    out, [calc] = extract(md, "docs/page.md")
    assert f"\n    {calc.token}\n" in out
    assert calc.options.months == 12


def test_two_blocks_are_numbered():
    md = block("months: 12") + "\n\n" + block("months: 36")
    _, calcs = extract(md, "docs/page.md")
    assert [(c.index, c.options.months) for c in calcs] == [(1, 12), (2, 36)]
    assert calcs[0].token != calcs[1].token


def test_defaults_follow_the_article():
    _, [calc] = extract(block(), "docs/page.md")
    assert (calc.options.principal, calc.options.months, calc.options.method) == (60000, 24, "equal-installment")


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("rate: 0.18", "unknown option 'rate'; known options: principal, annual_rate, months, method, monthly_fee_rate, title"),
        ("principal: -5", "principal: must be greater than 0 (yuan), got -5"),
        ("principal: abc", "principal: 'abc' is not a number"),
        ("principal: nan", "principal: 'nan' is not a finite number"),
        ("principal: 1.005", "principal: must be whole fen (at most 2 decimal places), got 1.005"),
        ("principal: 200000000", "principal: must be at most 100000000 yuan, got 200000000"),
        ("annual_rate: 18", "annual_rate: '18' is ambiguous: write a fraction (0.18) or a percentage (18%)"),
        ("annual_rate: 150%", "annual_rate: must be between 0 and 1 (0% to 100%), got 150%"),
        ("annual_rate: -0.1", "annual_rate: must be between 0 and 1 (0% to 100%), got -0.1"),
        ("months: 12.5", "months: must be a whole number of months from 1 to 600, got '12.5'"),
        ("months: 0", "months: must be from 1 to 600 months, got 0"),
        ("months: 601", "months: must be from 1 to 600 months, got 601"),
        ("method: balloon", "method: 'balloon' is not a repayment method; use one of: equal-installment, equal-principal, interest-only, bullet, flat-fee"),
        ("monthly_fee_rate: 2", "monthly_fee_rate: '2' is ambiguous: write a fraction (0.18) or a percentage (18%)"),
        ("title: " + "长" * 41, "title: must be 1 to 40 characters"),
        ("just text", "expected 'option: value', got 'just text'"),
    ],
)
def test_each_invalid_option_names_its_line(line, message):
    found, text = errors("前文\n\n" + block("# 第一行是注释", line), first_line=10)
    assert found == [(14, message)]
    assert text == f"docs/page.md:14: {message}"


def test_all_problems_of_all_blocks_at_once():
    md = block("months: 0", "rate: 1") + "\n\n" + block("method: x")
    found, _ = errors(md)
    assert [line for line, _ in found] == [2, 3, 7]


def test_duplicate_option():
    found, _ = errors(block("months: 12", "months: 24"))
    assert found == [(3, "option 'months' is given twice (first on line 2)")]


def test_flat_fee_needs_its_fee_and_no_annual_rate():
    found, _ = errors(block("method: flat-fee"))
    assert found == [(2, "method flat-fee (等本等息) needs monthly_fee_rate, e.g. monthly_fee_rate: 0.6%")]
    found, _ = errors(block("method: flat-fee", "monthly_fee_rate: 0.6%", "annual_rate: 0.1"))
    assert found == [(4, "annual_rate is ignored by method flat-fee (等本等息): remove it and give monthly_fee_rate")]


def test_unclosed_block():
    found, _ = errors("正文\n\n```repayment-calculator\nmonths: 12\n")
    assert found == [(3, "the ```repayment-calculator block is never closed: add a line with ```")]


def test_comments_and_percentages():
    options, problems = parse_options([(1, "# 注释"), (2, "annual_rate: 7.2%  # 年利率"), (3, 'title: "第 #1 号方案"')])
    assert problems == [] and options.annual_rate == 0.072 and options.title == "第 #1 号方案"
    assert parse_rate("0.6%") == 0.006 and parse_rate("１８％".replace("１８", "18")) == 0.18


def test_body_offset_counts_front_matter_lines():
    source = "---\ntitle: 甲\n---\n\n# 甲\n"
    assert body_offset(source, "# 甲\n") == 4
    assert body_offset("# 甲\n", "# 甲\n") == 0


@pytest.mark.parametrize(
    ("target", "page", "expected"),
    [
        ("javascripts/repayment/widget.js", "", "javascripts/repayment/widget.js"),
        ("javascripts/repayment/widget.js", "calculator/", "../javascripts/repayment/widget.js"),
        ("javascripts/repayment/widget.js", "a/b/", "../../javascripts/repayment/widget.js"),
        ("javascripts/repayment/widget.js", "page.html", "javascripts/repayment/widget.js"),
    ],
)
def test_relative_url(target, page, expected):
    assert relative_url(target, page) == expected


def test_widget_html():
    _, [calc] = extract(block("principal: 60000", "title: <b>6万</b>"), "docs/page.md")
    html = render(calc, "calculator/", LPR)
    assert html.startswith('<section class="kb-calc" id="kb-calc-1" aria-labelledby="kb-calc-1-title" data-search-exclude data-kb-calc="')
    data = json.loads(re.search(r'data-kb-calc="([^"]*)"', html).group(1).replace("&quot;", '"'))
    assert data == {"principal": 60000, "annualRate": 0.18, "months": 24, "method": "equal-installment", "monthlyFeeRate": 0.0, "index": 1, "lpr": {"rate": 0.03, "date": "2025-09-22", "source": "测试来源"}}
    assert '<script type="module" src="../javascripts/repayment/widget.js">' in html
    assert '<link rel="stylesheet" href="../javascripts/repayment/widget.css">' in html
    assert "&lt;b&gt;6万&lt;/b&gt;" in html and "<b>" not in html  # the title is text, never markup
    assert "四舍五入到分" in html and "P × r × (1 + r)<sup>n</sup>" in html  # convention and hand formula


def test_inject_replaces_each_placeholder_once():
    _, calcs = extract(block() + "\n\n" + block(), "docs/page.md")
    page = f"<p>{calcs[0].token}</p>\n<div><p>{calcs[1].token}</p></div>"
    out = inject(page, calcs, "", LPR)
    assert out.count('class="kb-calc"') == 2 and "KBCALCULATOR" not in out
    with pytest.raises(ValueError, match="calculator 2 .* vanished"):
        inject(f"<p>{calcs[0].token}</p>", calcs, "", LPR)


def test_lpr_settings():
    lpr = lpr_from_extra({"lpr": {"one_year": 0.03, "date": dt.date(2025, 9, 22), "source": "来源"}})
    assert lpr == Lpr(0.03, "2025-09-22", "来源")
    assert lpr_from_extra({"lpr": {"one_year": 0.03, "date": "2025-09-22", "source": "来源"}}).date == "2025-09-22"
    with pytest.raises(SettingsError, match="extra.lpr is missing"):
        lpr_from_extra({})
    with pytest.raises(SettingsError) as info:
        lpr_from_extra({"lpr": {"one_year": 3, "date": "22/09/2025", "source": "", "value": 1}})
    message = str(info.value)
    for part in ("one_year must be a fraction", "date must be a date written YYYY-MM-DD", "source must name", "unknown keys ['value']"):
        assert part in message
