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
    slug = pinyin_slug("一个非常非常长的标题用来检查文件名长度不会超过上限并且仍然只包含字母数字和连字符")
    assert slug.isascii() and len(slug) <= 48 and not slug.endswith("-")


def test_anchor_matches_pymdownx():
    assert anchor("1.1 小米金融的背景") == "11-小米金融的背景"


def test_sentences_keep_closing_quotes():
    assert sentences("他说：“先还款。”然后呢？好的") == ["他说：“先还款。”", "然后呢？", "好的"]


def test_description_whole_sentences_within_limit():
    text = "第一句话。" * 10 + "最后一句话。" * 20
    assert description([text]) == "第一句话。" * 10 + "最后一句话。" * 11  # 50 + 66 = 116 characters: the 12th would pass 120


def test_description_cuts_a_long_first_sentence_at_a_comma():
    text = "，".join(["这是一个很长的从句"] * 30) + "。"
    assert description([text]) == "，".join(["这是一个很长的从句"] * 11) + "…"  # the last comma within 119 characters
    assert description(["一" * 200 + "。"]) == "一" * 119 + "…"  # no comma: cut at the limit


def test_every_page_has_title_and_short_description():
    for source in (SEED, FIXTURES / "articles" / "synthetic-credit-card.txt"):
        for page in render(load(source)):
            meta = front_matter(page.text)
            assert set(meta) == {"title", "description"}
            assert meta["title"] and 0 < len(meta["description"]) <= DESCRIPTION_MAX
            body = page.text.split("---\n", 2)[2]
            assert meta["description"].rstrip("…") in body.replace("\n", "")  # drawn from the page's own text
            assert page.path.isascii() and page.path.endswith(".md")


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
