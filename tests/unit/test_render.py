"""Markdown produced from the tree: front matter, file names, anchors, descriptions."""

import pytest
import yaml

from debtkb.importer.article import Line, load
from debtkb.importer.render import DESCRIPTION_MAX, anchor, description, pinyin_slug, render, sentences
from tests.paths import FIXTURES, SEED


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
    paragraph = [Line("第一句话。" * 10 + "最后一句话。" * 20, 1)]
    desc = description(paragraph)
    assert len(desc) <= DESCRIPTION_MAX and desc.endswith("。")
    assert paragraph[0].text.startswith(desc)


def test_description_cuts_a_long_first_sentence_at_a_comma():
    paragraph = [Line("，".join(["这是一个很长的从句"] * 30) + "。", 1)]
    desc = description(paragraph)
    assert len(desc) <= DESCRIPTION_MAX and desc.endswith("…")
    assert paragraph[0].text.startswith(desc[:-1])


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
    article = load(SEED)
    index = render(article)[0].text
    assert "- [一、小米金融的崛起](xiaomi-jinrong-de-jueqi.md)" in index
    assert "    - [4.2 制定还款计划](yingdui-qiankuan-wenti-de-celue.md#42-制定还款计划)" in index
    assert index.count("](") == len(article.sections) + sum(len(s.subsections) for s in article.sections)
