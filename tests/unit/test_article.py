"""The parser on good and bad articles: the shape it accepts and the line every error names."""

import pytest

from debtkb.importer.article import ArticleError, chinese_numeral, load, numeral_text, parse
from tests.paths import FIXTURES, SEED

HEAD = ["标题", "副标题", "小编导语", "导语正文。"]


def problems(lines):
    with pytest.raises(ArticleError) as info:
        parse(lines, "a.txt")
    return info.value.problems, str(info.value)


def test_seed_structure():
    article = load(SEED)
    assert article.title.text == "小米金融欠 6 万应该怎么处理"
    assert article.subtitle.text == "小米金融欠 6 万"
    assert [s.heading.text for s in article.sections] == [
        "一、小米金融的崛起",
        "二、欠款问题的成因分析",
        "三、欠款问题的影响",
        "四、应对欠款问题的策略",
        "五、小米金融的责任与改革",
        "六、小编总结",
    ]
    assert [len(s.subsections) for s in article.sections] == [2, 3, 3, 3, 3, 0]
    assert article.sections[3].subsections[1].heading.text == "4.2 制定还款计划"
    assert article.sections[3].subsections[1].heading.number == 27  # source line numbers survive parsing
    assert len(article.sections[5].paragraphs) == 1


def test_synthetic_article_has_its_own_shape():
    article = load(FIXTURES / "articles" / "synthetic-credit-card.txt")
    assert article.title.text == "信用卡分期还不上怎么办"
    assert [s.title for s in article.sections] == ["分期费用", "逾期的后果", "应对办法"]
    assert [len(s.subsections) for s in article.sections] == [2, 1, 0]
    assert article.sections[0].paragraphs[0].text == "分期手续费按月收取，看上去费率不高。"  # lead text kept


@pytest.mark.parametrize(("text", "n"), [("一", 1), ("九", 9), ("十", 10), ("十二", 12), ("二十", 20), ("九十九", 99)])
def test_chinese_numerals(text, n):
    assert chinese_numeral(text) == n
    assert numeral_text(n) == text


@pytest.mark.parametrize("text", ["零", "十十", "一一", "百", "二十十"])
def test_not_numerals(text):
    assert chinese_numeral(text) is None


def test_empty_file(tmp_path):
    (tmp_path / "a.txt").write_bytes(b" \n\n")
    with pytest.raises(ArticleError, match=r"a.txt:1: the file is empty"):
        load(tmp_path / "a.txt")


def test_not_utf8_names_the_line(tmp_path):
    text = "标题\n副标题\n小编导语\n".encode() + "导语正文。\n".encode("gbk")
    (tmp_path / "a.txt").write_bytes(text)
    with pytest.raises(ArticleError, match=r"a.txt:4: not valid UTF-8 \(byte 0xb5"):
        load(tmp_path / "a.txt")


def test_subsection_outside_its_section():
    found, message = problems(HEAD + ["一、第一节", "1.1 甲", "正文。", "2.1 乙", "正文。"])
    assert found == [(8, "subsection 2.1 is inside section 一、 (line 5): number it 1.2 or move it under section 二、")]
    assert message.startswith("a.txt:8: subsection 2.1")


def test_subsection_out_of_order():
    found, _ = problems(HEAD + ["一、第一节", "1.2 甲", "正文。"])
    assert found == [(6, "subsection 1.2 is out of order: expected 1.1")]


def test_section_out_of_order():
    found, _ = problems(HEAD + ["一、第一节", "正文。", "三、第三节", "正文。"])
    assert found == [(7, "section '三、第三节' is numbered 三, expected 二、")]


def test_duplicated_heading_names_both_lines():
    found, _ = problems(HEAD + ["一、成因", "1.1 背景", "正文。", "二、影响", "2.1 背景", "正文。"])
    assert found == [(9, "heading '2.1 背景' duplicates the heading on line 6: headings must be unique (they become page titles and anchors)")]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (HEAD + ["一、第一节", "二、第二节", "正文。"], (5, "section '一、第一节' has no text")),
        (HEAD + ["一、第一节", "1.1 甲", "1.2 乙", "正文。"], (6, "subsection '1.1 甲' has no text")),
        (["标题", "副标题", "小编导语", "一、第一节", "正文。"], (3, "the intro (小编导语) has no text")),
        (HEAD, (3, "no section headings (一、… 二、…) found")),
        (["标题", "副标题", "前言", "正文。", "一、节", "正文。"], (3, "expected the intro heading '小编导语' as the third line, found '前言'")),
    ],
)
def test_missing_text(lines, expected):
    assert expected in problems(lines)[0]


def test_all_problems_reported_at_once():
    found, _ = problems(HEAD + ["一、第一节", "1.2 甲", "三、第三节"])
    assert [line for line, _ in found] == [6, 6, 7, 7]


def test_sentences_that_look_like_headings_are_text():
    article = parse(HEAD + ["一、第一节", "1.1 甲", "1.5 倍的利息并不少见。", "二、这样开头的一句话也是正文。"], "a.txt")
    sub = article.sections[0].subsections[0]
    assert [p.text for p in sub.paragraphs] == ["1.5 倍的利息并不少见。", "二、这样开头的一句话也是正文。"]
