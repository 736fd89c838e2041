"""The line classifier (debtkb.importer.classify) and the tree it builds (debtkb.importer.tree):
one case per line shape, then the decisions that need the lines around a line."""

import pytest

from debtkb.importer.classify import classify
from debtkb.importer.report import Report
from debtkb.importer.source import Line
from debtkb.importer.tree import Heading, build, check, clean_title, split_fused


def typed(text):
    t = classify(Line(1, text))
    return t.kind, t.style, t.number, t.text


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("## 逾期的后果", ("heading", "md2", "", "逾期的后果")),
        ("#逾期的后果", ("heading", "md1", "", "逾期的后果")),
        ("**一、逾期的后果**", ("heading", "bold", "", "一、逾期的后果")),
        ("小编导语", ("label", "小编导语", "", "")),
        ("摘要回答：逾期后会产生罚息。", ("label", "摘要回答", "", "逾期后会产生罚息。")),
        ("问题1：网贷逾期会坐牢吗？", ("label", "问题", "1", "网贷逾期会坐牢吗？")),
        ("答：不会。", ("label", "答", "", "不会。")),
        ("正文：", ("label", "正文", "", "")),
        ("| 项目 | 说明 |", ("table", "row", "", "项目 | 说明")),
        ("|---|---|", ("table", "separator", "", "|---|---|")),
        ("一、逾期的后果", ("numbered", "一、", "一", "逾期的后果")),
        ("（二）协商", ("numbered", "（一）", "二", "协商")),
        ("第一步：联系平台", ("numbered", "第一步", "第一步", "联系平台")),
        ("1.1 小米金融的背景", ("numbered", "1.1", "1.1", "小米金融的背景")),
        ("3.1 个人财务状况的恶化", ("numbered", "1.1", "3.1", "个人财务状况的恶化")),
        ("1、先联系平台", ("numbered", "1、", "1", "先联系平台")),
        ("2. 算清欠款", ("numbered", "1.", "2", "算清欠款")),
        ("(3)保留证据", ("numbered", "(1)", "3", "保留证据")),
        ("①先还本金", ("numbered", "①", "①", "先还本金")),
        ("- 借款合同", ("bullet", "", "", "借款合同")),
        ("• 还款记录", ("bullet", "", "", "还款记录")),
        ("* 收入证明", ("bullet", "", "", "收入证明")),
        ("逾期多久会上征信？", ("question", "", "", "逾期多久会上征信？")),
        ("逾期以后，平台会先打电话提醒。", ("paragraph", "", "", "逾期以后，平台会先打电话提醒。")),
        # sentences that start like a numbered line
        ("1.5 倍的罚息并不少见。", ("numbered", "1.1", "1.5", "倍的罚息并不少见。")),
        ("1.5倍的罚息并不少见。", ("paragraph", "", "", "1.5倍的罚息并不少见。")),
        ("3.5万元的欠款怎么还", ("paragraph", "", "", "3.5万元的欠款怎么还")),
        ("回答问题要诚实。", ("paragraph", "", "", "回答问题要诚实。")),  # a label word without a colon
        ("答案是不会。", ("paragraph", "", "", "答案是不会。")),
        ("#网贷逾期# 今天聊聊协商", ("paragraph", "", "", "#网贷逾期# 今天聊聊协商")),  # a hashtag, not a heading
        ("## 学习C#", ("heading", "md2", "", "学习C#")),
        ("## 逾期的后果 ##", ("heading", "md2", "", "逾期的后果")),
        ("①②两种情况要分开看", ("numbered", "①", "①", "②两种情况要分开看")),
    ],
)
def test_line_rules(line, expected):
    assert typed(line) == expected


@pytest.mark.parametrize(
    ("raw", "title"),
    [("《网贷逾期怎么办》", "网贷逾期怎么办"), ("**网贷逾期怎么办**", "网贷逾期怎么办"), ("# 网贷逾期怎么办", "网贷逾期怎么办"), ("标题：网贷逾期怎么办", "网贷逾期怎么办"), ("《A》与《B》", "《A》与《B》")],
)
def test_clean_title(raw, title):
    assert clean_title(raw) == title


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("先弄清欠款金额：很多人连自己欠多少都不知道。", ("先弄清欠款金额", "很多人连自己欠多少都不知道。")),
        ("先联系平台。说明情况，提出自己的方案就好。", ("先联系平台。", "说明情况，提出自己的方案就好。")),
        ("逾期的后果", ("逾期的后果", "")),
        ("逾期以后平台会先打电话提醒你还款，然后发短信，再然后才会考虑委外催收和起诉。", ("逾期以后平台会先打电话提醒你还款，然后发短信，再然后才会考虑委外催收和起诉。", "")),
    ],
)
def test_split_fused(text, parts):
    assert split_fused(text) == parts


def article(*lines):
    report = Report("a.txt")
    tree = build("a.txt", [classify(Line(n, t)) for n, t in enumerate(lines, start=1)], report)
    check(tree, report)
    return tree, report


def outline(tree):
    return [(i.level, i.text) if isinstance(i, Heading) else (i.kind, i.texts) for i in tree.body]


def test_title_repeats_and_keyword_line():
    tree, report = article("网贷逾期怎么办", "网贷逾期怎么办", "网贷逾期怎么办", "网贷逾期,逾期协商,停息挂账", "逾期以后先别慌。")
    assert tree.title.text == "网贷逾期怎么办" and tree.keywords.text == "网贷逾期,逾期协商,停息挂账"
    assert [(r.line, r.kind) for r in report.rows] == [(2, "repeat"), (3, "repeat")]
    assert tree.lead[0].texts == ["逾期以后先别慌。"]


def test_an_article_without_a_title_line_starts_with_its_lead():
    tree, report = article("摘要回答：逾期以后先别慌，先弄清欠款。", "1、先联系平台", "说明情况。")
    assert tree.title is None
    assert outline(tree)[:2] == [(1, "摘要回答"), ("paragraph", ["逾期以后先别慌，先弄清欠款。"])]
    assert ("warning", "no_title") in [(r.kind, r.rule) for r in report.rows]


def test_numbered_lines_between_paragraphs_are_headings_and_runs_are_lists():
    tree, _ = article("网贷逾期怎么办", "导语。", "1、联系平台", "先打客服电话。", "2、保留证据", "逾期后有三个后果：", "(1)罚息", "(2)征信", "(3)起诉", "这些都要重视。")
    assert outline(tree) == [
        (1, "1、联系平台"),
        ("paragraph", ["先打客服电话。"]),
        (1, "2、保留证据"),
        ("paragraph", ["逾期后有三个后果："]),
        ("list", ["罚息", "征信", "起诉"]),
        ("paragraph", ["这些都要重视。"]),
    ]


def test_levels_follow_the_order_styles_appear_in():
    tree, _ = article("网贷逾期怎么办", "小编导语", "导语。", "一、甲", "1.1 子甲", "正文。", "1.2 子乙", "正文。", "二、乙", "正文。", "总结：全文。")
    assert [(i.level, i.text) for i in tree.headings] == [(1, "小编导语"), (1, "一、甲"), (2, "1.1 子甲"), (2, "1.2 子乙"), (1, "二、乙"), (1, "总结")]


def test_markdown_levels_keep_their_order():
    tree, _ = article("# 标题", "导语。", "## 甲", "正文。", "### 子甲", "正文。", "## 乙", "正文。")
    assert [(i.level, i.text) for i in tree.headings] == [(1, "甲"), (2, "子甲"), (1, "乙")]


def test_checks_warn_and_never_refuse():
    tree, report = article("网贷逾期怎么办", "二、甲", "正文。", "四、乙", "三、空", "五、丙", "正文。", "五、丙", "正文。", "这一段在句子中间断掉了因为原文的最后一行被截掉而且没有标点符号可以结束它")
    warnings = [(r.line, r.rule) for r in report.rows]
    assert (4, "numbering") in warnings  # 四 after 二
    assert (5, "empty_section") in warnings
    assert (8, "duplicate_heading") in warnings
    assert (10, "cut_ending") in [(r.line, r.rule) for r in report.rows if r.kind == "cut"]


def test_a_table_with_one_cell_per_line_is_regrouped():
    tree, _ = article("网贷逾期怎么办", "导语。", "| 项目 |", "| 说明 |", "|---|---|", "| 罚息 |", "| 加收 50% |", "正文。")
    table = next(i for i in tree.body + tree.lead if getattr(i, "kind", "") == "table")
    assert table.texts == ["项目 | 说明", "罚息 | 加收 50%"]


def test_qa_pairs_become_question_headings_with_their_answers():
    tree, report = article("网贷逾期怎么办", "导语。", "问题1：网贷逾期会坐牢吗？", "回答：一般不会。", "问：会上征信吗？", "答：会。")
    assert outline(tree) == [(1, "网贷逾期会坐牢吗？"), ("paragraph", ["一般不会。"]), (1, "会上征信吗？"), ("paragraph", ["会。"])]
    assert [(r.line, r.rule) for r in report.rows if r.kind == "label"] == [(4, "label_answer"), (6, "label_answer")]


def test_a_run_is_a_list_even_when_a_lone_line_of_its_style_was_a_heading():
    tree, _ = article("网贷逾期怎么办", "导语。", "1、第一种情况", "说明。", "要准备：", "1、身份证", "2、银行卡", "3、借款合同", "结尾。")
    assert outline(tree) == [(1, "1、第一种情况"), ("paragraph", ["说明。"]), ("paragraph", ["要准备："]), ("list", ["身份证", "银行卡", "借款合同"]), ("paragraph", ["结尾。"])]


def test_items_of_another_style_nest_under_the_item_before():
    tree, _ = article("网贷逾期怎么办", "导语。", "要做两件事：", "1、准备材料", "(1)身份证", "(2)银行卡", "2、联系平台", "结尾。")
    lists = [b for b in tree.body + tree.lead if getattr(b, "kind", "") == "list"]
    assert [(b.texts, b.depths) for b in lists] == [(["准备材料", "身份证", "银行卡", "联系平台"], [0, 1, 1, 0])]


def test_a_circled_number_heading_does_not_crash_the_numbering_check():
    tree, report = article("网贷逾期怎么办", "导语。", "①②两种情况", "说明。")
    assert tree.headings[0].text == "①②两种情况"


def test_a_url_is_not_a_fused_heading():
    assert split_fused("登录征信中心官网https://ipcrs.pbccrc.org.cn 查询") == ("登录征信中心官网https://ipcrs.pbccrc.org.cn 查询", "")
