"""What an imported article's page shows beyond its text (debtkb.imported): the amount rule, where
the calculator goes, the front matter switch, and the origin note."""

import pytest

from debtkb.imported import amount_in, chinese_number, with_calculator, with_origin_note


@pytest.mark.parametrize(
    ("text", "title", "found"),
    [
        ("小米金融欠 6 万应该怎么处理", True, (60000, "6 万")),
        ("网贷逾期 20 万怎么办", True, (200000, "20 万")),
        ("5000 元逾期三个月会怎样", True, (5000, "5000 元")),  # the owing word after the amount, in a title
        ("欠了两万网贷", True, (20000, "两万")),
        ("信用卡欠款 1.5 万还不上", True, (15000, "1.5 万")),
        ("欠了十几万网贷还不上", True, None),  # no amount that can be known
        ("2024 年信用卡逾期", True, None),  # a year is not an amount
        ("月薪 5000 元，每月还不上", False, None),  # in the lead the amount must follow a word of owing
        ("我在平台借了 3 万，现在逾期了。", False, (30000, "3 万")),
        ("欠款 50 元", True, None),  # below 100 yuan: not a loan to plan
    ],
)
def test_the_amount_rule(text, title, found):
    assert amount_in(text, title=title) == found


@pytest.mark.parametrize(("text", "n"), [("两", 2), ("十", 10), ("十二", 12), ("二十", 20), ("三百五十", 350), ("一千二", 1002), ("几", None)])
def test_chinese_numbers(text, n):
    assert chinese_number(text) == n


PAGE = """# 欠 6 万怎么办

导语。

## 一、逾期的后果

罚息。

## 二、应对办法

先联系平台。

### 2.1 协商

说明情况。

## 三、总结

总之要冷静。
"""


def test_the_calculator_goes_at_the_end_of_the_what_to_do_section():
    out = with_calculator(PAGE, "欠 6 万怎么办", None)
    block = out.index("```repayment-calculator")
    assert out.index("说明情况。") < block < out.index("## 三、总结")  # after 2.1, the what-to-do section's last part
    assert "principal: 60000\nannual_rate: 18%\nmonths: 24\nmethod: equal-installment\ntitle: 按文中的 6 万元估算\n```" in out
    assert "年利率 18%、24 期只是示例，请换成你借款合同上的数字" in out


def test_without_a_what_to_do_section_it_goes_at_the_end():
    page = "# 欠 6 万\n\n导语。\n\n## 一、后果\n\n罚息。\n"
    assert with_calculator(page, "欠 6 万", None).rstrip().endswith("```")


def test_an_editor_turns_it_off_or_sets_the_amount():
    assert with_calculator(PAGE, "欠 6 万怎么办", False) == PAGE
    assert "principal: 80000\n" in with_calculator(PAGE, "欠 6 万怎么办", 80000)
    assert with_calculator(PAGE.replace("6 万", "很多钱"), "欠很多钱怎么办", None) == PAGE.replace("6 万", "很多钱")  # no amount: no calculator


def test_a_page_that_has_a_calculator_gets_no_second_one():
    page = PAGE + "\n```repayment-calculator\nprincipal: 1000\n```\n"
    assert with_calculator(page, "欠 6 万怎么办", None) == page


def test_the_origin_note_sits_under_the_title_and_links_the_guide():
    page = "# 标题\n\n关键词\n{ .kb-subtitle }\n\n正文。\n"
    out = with_origin_note(page, "articles/x.md")
    assert out.startswith("# 标题\n\n关键词\n{ .kb-subtitle }\n\n!!! note \"关于这篇文章\"\n\n    本文整理自网上的一篇文章")
    assert "[实用指南](../guide/yingdui-buzhou.md)" in out and out.endswith("正文。\n")
