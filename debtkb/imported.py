"""What an imported article's page shows beyond its text (pages whose front matter names their
``source:``): a note under the title saying where the text came from, and a repayment calculator
set to the amount the article is about.

The calculator rule: the first amount owed that the title names — or, failing that, the lead
(the text before the first heading) — with a word of owing or borrowing before it (欠 6 万,
逾期 20 万, 借了 5000 元, 两万). It goes at the end of the article's section on what to do (the
first heading that says 怎么办, 应对, 处理, 解决, 办法, 协商 …), or at the end of the page. The
rate and term are examples the reader is asked to replace. ``calculator: false`` in the front
matter turns it off; ``calculator: 80000`` sets the amount by hand.
"""

from __future__ import annotations

import posixpath
import re


GUIDE_PAGE = "guide/yingdui-buzhou.md"
ORIGIN_NOTE = (
    '!!! note "关于这篇文章"\n\n'
    "    本文整理自网上的一篇文章，由本站清洗、排版，没有逐句核对。涉及法律和你的权利的内容，"
    "请以有出处的[实用指南]({guide})为准。\n"
)

_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"万": 10_000, "千": 1_000, "元": 1, "块": 1}
_OWING = "欠|逾期|借|负债|贷款|网贷|欠款|还款|还不上|透支|刷了|背了"
_NUMBER = r"(?P<n>\d+(?:\.\d+)?|[一二两三四五六七八九十百千万]{1,8})\s*(?P<u>万|千|元|块)"
AMOUNT = re.compile(rf"(?:{_OWING})[^，。！？；\n]{{0,8}}?{_NUMBER}")  # right after a word of owing: 欠 6 万
AMOUNT_BEFORE = re.compile(rf"{_NUMBER}[^，。！？；\n]{{0,3}}?(?:{_OWING})")  # right before one, in a title: 5000 元逾期
WHAT_TO_DO = re.compile(r"怎么办|应对|处理|解决|办法|建议|协商|怎么还|还款计划|策略|步骤|对策")
EXAMPLE_RATE, EXAMPLE_MONTHS = "18%", 24
MIN_AMOUNT, MAX_AMOUNT = 100, 100_000_000


def chinese_number(text: str) -> int | None:
    """一 … 九千九百九十九万 → int (两 = 2, 三万五千 = 35000); None for anything else."""
    if text.isdigit():
        return int(text)
    if "万" in text:
        high, _, low = text.partition("万")
        high_value = chinese_number(high) if high else 1
        low_value = chinese_number(low) if low else 0
        return None if high_value is None or low_value is None else high_value * 10_000 + low_value
    total, current = 0, 0
    for ch in text:
        if ch in _DIGITS:
            current = _DIGITS[ch]
        elif ch in "十百千":
            total += (current or 1) * {"十": 10, "百": 100, "千": 1000}[ch]
            current = 0
        else:
            return None
    return total + current


def amount_in(text: str, title: bool = False) -> tuple[int, str] | None:
    """The first amount owed the text names, in yuan, and the words that name it: after a word of
    owing (欠 6 万), or in a title right before one (5000 元逾期三个月); a salary is not a debt."""
    patterns = (AMOUNT, AMOUNT_BEFORE) if title else (AMOUNT,)
    for pattern in patterns:
        for m in pattern.finditer(text):
            n = m["n"]
            value = float(n) if re.fullmatch(r"\d+(?:\.\d+)?", n) else chinese_number(n.removesuffix("万") if m["u"] == "万" and n.endswith("万") else n)
            if value is None:
                continue
            yuan = int(round(value * _UNITS[m["u"]]))
            if MIN_AMOUNT <= yuan <= MAX_AMOUNT:
                return yuan, f"{n}{m['u']}" if not n[0].isdigit() else f"{n} {m['u']}"
    return None


def _lead(markdown: str) -> str:
    """The page's text before its first heading below the title."""
    body = markdown.split("\n## ", 1)[0]
    return "\n".join(line for line in body.split("\n") if not line.startswith(("#", "!!!", "    ")))


def calculator_block(yuan: int, words: str) -> str:
    label = f"按文中的 {words}元估算" if words.endswith("万") or words.endswith("千") else f"按文中的 {words}估算"
    return (
        f"文中说到的 {words}，可以在下面估算每月要还多少。年利率 {EXAMPLE_RATE}、{EXAMPLE_MONTHS} 期只是示例，请换成你借款合同上的数字。\n\n"
        "```repayment-calculator\n"
        f"principal: {yuan}\n"
        f"annual_rate: {EXAMPLE_RATE}\n"
        f"months: {EXAMPLE_MONTHS}\n"
        "method: equal-installment\n"
        f"title: {label}\n"
        "```\n"
    )


def _insert_at(markdown: str) -> int:
    """Where the calculator goes: the end of the first what-to-do section, else the page's end."""
    headings = [(m.start(), len(m["h"]), m["t"]) for m in re.finditer(r"^(?P<h>#{2,6}) (?P<t>.+)$", markdown, re.M)]
    for k, (start, level, text) in enumerate(headings):
        if WHAT_TO_DO.search(text):
            for nxt_start, nxt_level, _ in headings[k + 1 :]:
                if nxt_level <= level:
                    return nxt_start
            return len(markdown)
    return len(markdown)


def with_calculator(markdown: str, title: str, setting) -> str:
    """The page with a calculator set to the amount it names (see the module's rule)."""
    if setting is False or "```repayment-calculator" in markdown:
        return markdown
    if isinstance(setting, (int, float)) and not isinstance(setting, bool):
        found = (int(setting), f"{int(setting)} 元")
    else:
        found = amount_in(title, title=True) or amount_in(_lead(markdown))
    if not found:
        return markdown
    at = _insert_at(markdown)
    before = markdown[:at].rstrip("\n")
    after = markdown[at:]
    return f"{before}\n\n{calculator_block(*found)}\n" + after


def with_origin_note(markdown: str, src_uri: str) -> str:
    """The note under the title (after the keyword line, if any) of an imported article."""
    guide = posixpath.relpath(GUIDE_PAGE, posixpath.dirname(src_uri) or ".")
    note = ORIGIN_NOTE.format(guide=guide)
    lines = markdown.split("\n")
    for i, line in enumerate(lines):
        if line.startswith("# "):
            j = i + 1
            # keep the keyword line and its { .kb-subtitle } with the title
            if j + 2 < len(lines) and lines[j] == "" and lines[j + 2].startswith("{ .kb-subtitle"):
                j += 3
            return "\n".join(lines[:j] + ["", note] + lines[j:])
    return note + "\n" + markdown
