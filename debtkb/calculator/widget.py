"""The widget's static HTML shell: what a reader sees before (or without) JavaScript.

``core.js``/``widget.js`` build the interactive form inside it. The shell says what the calculator
shows and how to compute it by hand, and states the rounding convention, so a page is useful even
when scripts are off or still loading on a slow network.
"""

from __future__ import annotations

import html
import json
import re

from debtkb.calculator.blocks import Calculator
from debtkb.calculator.settings import Lpr
from debtkb.urls import relative_url

ASSET_DIR = "javascripts/repayment"
SCRIPT = f"{ASSET_DIR}/widget.js"
STYLESHEET = f"{ASSET_DIR}/widget.css"

CONVENTION = (
    "计算约定：月利率 = 年利率 ÷ 12；每期利息 = 剩余本金 × 月利率，四舍五入到分；"
    "等额本息的月供为精确年金四舍五入到分；等额本金、等本等息每期本金 = 本金 ÷ 期数，四舍五入到分；"
    "任何一期还的本金都不超过剩余本金，最后一期还清全部剩余本金（尾差计入末期）。"
    "实际年化利率按内部收益率（IRR）× 12 计算。结果可能与贷款机构的账单相差几分钱，以合同和账单为准。"
)

FALLBACK = """<p>这里是一个还款计算器：填入借款本金、年利率、期数和还款方式，就能看到每月还款额、总利息、
还款总额、实际年化利率，各种还款方式的对比，以及完整的还款计划表。它需要浏览器启用 JavaScript。</p>
<p>也可以手工计算。设本金为 P 元，年利率为 i，月利率 r = i ÷ 12，期数为 n：</p>
<ul>
<li>等额本息：每月还款 = P × r × (1 + r)<sup>n</sup> ÷ ((1 + r)<sup>n</sup> − 1)</li>
<li>等额本金：第 k 期还款 = P ÷ n + (P − (k − 1) × P ÷ n) × r</li>
<li>先息后本：每月付息 P × r，最后一期连同本金 P 一起还</li>
<li>一次性还本付息：到期一次还 P × (1 + r × n)</li>
<li>等本等息（月费率 f）：每月还款 = P ÷ n + P × f，费用始终按最初的本金计算</li>
</ul>"""


def render(calc: Calculator, page_url: str, lpr: Lpr) -> str:
    """HTML for one calculator (its data in a JSON attribute, escaped; nothing else is dynamic)."""
    data = {**calc.options.as_json_dict(), "index": calc.index, "lpr": {"rate": lpr.rate, "date": lpr.date, "source": lpr.source}}
    title = "还款计算器" + (f"：{html.escape(calc.options.title)}" if calc.options.title else "")
    # A <section> (a labelled region) rather than a <div>: Material's search parser matches closing
    # tags by name only, so a nested </div> would end the data-search-exclude block early.
    return (
        f'<section class="kb-calc" id="kb-calc-{calc.index}" aria-labelledby="kb-calc-{calc.index}-title" data-search-exclude '
        f'data-kb-calc="{html.escape(json.dumps(data, ensure_ascii=False), quote=True)}">\n'
        f'<link rel="stylesheet" href="{relative_url(STYLESHEET, page_url)}">\n'
        f'<p class="kb-calc__title" id="kb-calc-{calc.index}-title"><strong>{title}</strong></p>\n'
        f'<div class="kb-calc__fallback">\n{FALLBACK}\n</div>\n'
        f'<p class="kb-calc__convention">{CONVENTION}</p>\n'
        f'<script type="module" src="{relative_url(SCRIPT, page_url)}"></script>\n'
        "</section>"
    )


def inject(page_html: str, calculators: list[Calculator], page_url: str, lpr: Lpr) -> str:
    """Swap each placeholder paragraph in the rendered page for its widget."""
    for calc in calculators:
        widget = render(calc, page_url, lpr)
        page_html, count = re.subn(rf"<p>\s*{calc.token}\s*</p>|{calc.token}", lambda _: widget, page_html, count=1)
        if count != 1:
            raise ValueError(f"calculator {calc.index} (line {calc.line}) vanished while the page was rendered")
    return page_html
