"""Markdown produced from the tree: front matter, file names, anchors, descriptions."""

import pytest
import yaml

import markdown

from debtkb.importer.article import load
from debtkb.importer.render import DESCRIPTION_MAX, anchor, description, escape, pinyin_slug, single_page, split_pages, sentences
from tests.paths import FIXTURES, SEED


def render(loaded):
    return split_pages(loaded[0], "", {})


def front_matter(text):
    assert text.startswith("---\n")
    return yaml.safe_load(text.split("---\n")[1])


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("小米金融的崛起", "xiaomi-jinrong-de-jueqi"),
        ("应对欠款问题的策略", "yingdui-qiankuan-wenti-de-celue"),  # ü written as u
        ("LPR 与利率", "lpr-yu-lilu"),
        ("！？", "section"),
    ],
)
def test_pinyin_slug(title, slug):
    assert pinyin_slug(title) == slug


def test_slug_is_ascii_and_short():
    # Whole words while they fit in 48 characters: "-jiancha" would make 54, so the slug stops
    # before it (never a cut word, never a trailing hyphen).
    slug = pinyin_slug("一个非常非常长的标题用来检查文件名长度不会超过上限并且仍然只包含字母数字和连字符")
    assert slug == "yige-feichang-feichang-zhang-de-biaoti-yonglai"
    assert pinyin_slug("LPR：利率（2025）") == "lpr-lilu-2025"  # punctuation between words is dropped


def test_anchor_matches_pymdownx():
    assert anchor("1.1 小米金融的背景") == "11-小米金融的背景"


def test_sentences_keep_closing_quotes():
    assert sentences("他说：“先还款。”然后呢？好的") == ["他说：“先还款。”", "然后呢？", "好的"]


def test_description_whole_sentences_within_limit():
    text = "第一句话。" * 10 + "最后一句话。" * 20
    assert description([text]) == "第一句话。" * 10 + "最后一句话。" * 11  # 50 + 66 = 116 characters: the 12th would pass 120


def test_description_takes_a_sentence_exactly_as_long_as_the_limit():
    assert description(["一" * 119 + "。", "后一句。"]) == "一" * 119 + "。"  # 120 characters: kept whole
    assert description(["一" * 120 + "。"]) == "一" * 119 + "…"  # 121: cut


def test_description_cuts_a_long_first_sentence_at_a_comma():
    text = "，".join(["这是一个很长的从句"] * 30) + "。"
    assert description([text]) == "，".join(["这是一个很长的从句"] * 11) + "…"  # the last comma within 119 characters
    assert description(["、".join(["罚息"] * 80) + "。"]) == "、".join(["罚息"] * 39) + "…"  # an enumeration comma counts too
    assert description(["一" * 200 + "。"]) == "一" * 119 + "…"  # no comma: cut at the limit
    # A comma in the first third would leave too little: cut at the limit instead.
    assert description(["短，" + "一" * 200 + "。"]) == "短，" + "一" * 117 + "…"
    assert description(["一" * 40 + "，" + "二" * 200 + "。"]) == "一" * 40 + "，" + "二" * 78 + "…"  # comma at 40 = 120 // 3
    assert description(["一" * 41 + "，" + "二" * 200 + "。"]) == "一" * 41 + "…"  # comma at 41: cut there


# Each page's description: its first whole sentences within 120 characters (the seed's index stops
# at 106: its fourth sentence would pass the limit).
DESCRIPTIONS = {
    SEED: {
        "index.md": "在现代社会中，金融服务已成为人们生活中不可或缺的一部分。随着科技的发展，越来越多的金融产品和服务走入了人们的日常生活。而小米金融作为一家新兴的金融服务平台，凭借其便捷的服务和创新的产品，迅速赢得了众多用户的青睐。",
        "xiaomi-jinrong-de-jueqi.md": "小米金融成立于 2015 年，是小米公司旗下的金融服务平台，旨在为用户提供便捷的金融解决方案。通过技术创新和大数据分析，小米金融推出了多种金融产品，包括消费贷款、信用卡、保险等。",
        "qiankuan-wenti-de-chengyin-fenxi.md": "当代年轻人的消费观念发生了显著变化，许多人追求“先消费后付款”的生活方式。这种观念在一定程度上促使了小米金融的快速发展，但也导致了用户的过度借贷。",
        "qiankuan-wenti-de-yingxiang.md": "欠款问题直接影响了用户的个人财务状况。长期负债不仅增加了经济压力，还可能导致信用记录受损，进而影响未来的贷款申请和生活质量。",
        "yingdui-qiankuan-wenti-de-celue.md": "用户应增强自身的金融知识，了解各种金融产品的利弊，理性消费。在借贷之前，充分评估自己的还款能力，避免因过度借贷而陷入困境。",
        "xiaomi-jinrong-de-zeren-yu-gaige.md": "小米金融作为金融服务提供者，有责任加强对用户的金融知识教育。通过线上线下的培训和宣传，提高用户的金融素养，帮助他们做出更明智的消费和借贷决策。",
        "xiaobian-zongjie.md": "“小米金融欠 6 万”这一话题不仅反映了个别用户的困境，更是对当代年轻人消费观念和金融风险的深刻警示。面对现代金融环境的复杂性，用户需增强金融知识，理性消费。",
    },
    FIXTURES / "articles" / "synthetic-credit-card.txt": {
        "index.md": "信用卡分期看似轻松，实际成本往往被低估。本文用三个部分说明分期的费用、逾期的后果和可行的应对办法。",
        "fenqi-feiyong.md": "分期手续费按月收取，看上去费率不高。",
        "yuqi-de-houguo.md": "逾期后银行会收取罚息或违约金。具体标准以合同为准。",
        "yingdui-banfa.md": "遇到困难时先与银行沟通，说明情况并保留记录。",
    },
}


@pytest.mark.parametrize("source", list(DESCRIPTIONS), ids=lambda p: p.name)
def test_every_page_has_title_and_short_description(source):
    pages = render(load(source))
    assert {page.path: front_matter(page.text)["description"] for page in pages} == DESCRIPTIONS[source]
    for page in pages:
        meta = front_matter(page.text)
        assert set(meta) == {"title", "description"}
        assert meta["title"] and 0 < len(meta["description"]) <= DESCRIPTION_MAX
        body = page.text.split("---\n", 2)[2]
        assert meta["description"].rstrip("…") in body.replace("\n", "")  # drawn from the page's own text


def test_section_page_layout():
    pages = render(load(SEED))
    assert [p.path for p in pages] == [
        "index.md",
        "xiaomi-jinrong-de-jueqi.md",
        "qiankuan-wenti-de-chengyin-fenxi.md",
        "qiankuan-wenti-de-yingxiang.md",
        "yingdui-qiankuan-wenti-de-celue.md",
        "xiaomi-jinrong-de-zeren-yu-gaige.md",
        "xiaobian-zongjie.md",
    ]
    first = pages[1].text
    assert front_matter(first)["title"] == "小米金融的崛起"
    assert "\n# 一、小米金融的崛起\n" in first
    assert "\n## 1.1 小米金融的背景\n" in first and "\n## 1.2 用户群体的扩大\n" in first


def test_index_links_every_section_and_subsection():
    index = render(load(SEED))[0].text
    assert "- [一、小米金融的崛起](xiaomi-jinrong-de-jueqi.md)" in index
    assert "    - [4.2 制定还款计划](yingdui-qiankuan-wenti-de-celue.md#42-制定还款计划)" in index
    assert index.count("](") == 6 + 14  # six sections, fourteen subsections


@pytest.mark.parametrize(
    "text",
    [
        "# 不是标题",
        "1. 不是列表",
        "- 不是列表",
        "> 不是引用",
        "!!! note 不是提示框",
        "利率*年化*与_分期_",
        "见[链接](a.md)和[^1]",
        "小于<b>号</b>和&amp;",
        "行尾属性 {: #id }",
        ": 不是定义",
        "反斜杠\\与`代码`",
        "===",
        "---",
    ],
)
def test_escaped_text_renders_as_written(text):
    html = markdown.markdown(escape(text), extensions=["attr_list", "def_list", "admonition", "footnotes", "tables"])
    assert html.startswith("<p>") and html.endswith("</p>"), html
    import html as html_module
    assert html_module.unescape(html.removeprefix("<p>").removesuffix("</p>")) == text


def test_urls_become_links():
    assert escape("详见 https://example.com/a_b。") == "详见 <https://example.com/a_b>。"


def test_single_page_layout():
    article, _ = load(FIXTURES / "articles" / "synthetic-credit-card.txt")
    page = single_page(article, "articles/xinyongka.md", {"source": "content/articles/x.txt", "date": "2024-03-18", "site": None})
    meta = front_matter(page.text)
    assert meta == {"title": "信用卡分期还不上怎么办", "description": "信用卡分期看似轻松，实际成本往往被低估。本文用三个部分说明分期的费用、逾期的后果和可行的应对办法。", "source": "content/articles/x.txt", "date": "2024-03-18"}
    body = page.text.split("---\n", 2)[2]
    assert body.startswith("\n# 信用卡分期还不上怎么办\n\n信用卡分期\n{ .kb-subtitle }\n\n## 小编导语\n\n")
    assert "\n## 一、分期费用\n\n分期手续费按月收取，看上去费率不高。\n\n### 1.1 手续费的计算\n" in body


def test_bold_inside_a_line_stays_bold():
    assert escape("**保持冷静，及时沟通**：逾期后*别*慌") == "**保持冷静，及时沟通**：逾期后\\*别\\*慌"
    html = markdown.markdown(escape("1. **先算清楚**：把本金记下来"))
    assert html == "<p>1. <strong>先算清楚</strong>：把本金记下来</p>"


def test_nested_list_items_are_indented_under_their_item():
    from debtkb.importer.tree import Block
    from debtkb.importer.render import _block
    from debtkb.importer.source import Line

    block = Block("list", [Line(k, "") for k in range(4)], ["准备材料", "身份证", "银行卡", "联系平台"], ordered=True, depths=[0, 1, 1, 0], nested_ordered=True)
    text = _block(block)
    assert text == "1. 准备材料\n    1. 身份证\n    2. 银行卡\n2. 联系平台\n\n"
    assert "<ol>\n<li>准备材料<ol>" in markdown.markdown(text).replace("\n<ol>", "<ol>")
