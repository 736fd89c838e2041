"""One article through every stage (debtkb.importer.article.load): the seed's structure, the
synthetic fixture's, and the few inputs that cannot be imported at all."""

import pytest

from debtkb.importer.article import load
from debtkb.importer.render import split_sections
from debtkb.importer.report import ArticleError
from tests.paths import FIXTURES, SEED


def refused(raw: bytes) -> list[tuple[int, str]]:
    with pytest.raises(ArticleError) as info:
        load("a.txt", raw)
    return info.value.problems


def test_seed_structure():
    article, report = load(SEED)
    assert article.title.text == "小米金融欠 6 万应该怎么处理"
    assert article.keywords.text == "小米金融欠 6 万"
    sections = split_sections(article)
    assert [h.text for h, _ in sections] == [
        "一、小米金融的崛起",
        "二、欠款问题的成因分析",
        "三、欠款问题的影响",
        "四、应对欠款问题的策略",
        "五、小米金融的责任与改革",
        "六、小编总结",
    ]
    assert [len(subs) for _, subs in sections] == [2, 3, 3, 3, 3, 0]
    assert sections[3][1][1].text == "4.2 制定还款计划"
    assert sections[3][1][1].line.number == 27  # source line numbers survive every stage
    assert article.headings[0].text == "小编导语" and article.headings[0].style == "label"
    assert report.rows == []
    assert report.shape[:4] == ["pinyin annotations", "dropped 题", "ASCII punctuation in Chinese", "Traditional script"]


def test_synthetic_article_has_its_own_shape():
    article, _ = load(FIXTURES / "articles" / "synthetic-credit-card.txt")
    assert article.title.text == "信用卡分期还不上怎么办"
    assert [h.title for h, _ in split_sections(article)] == ["分期费用", "逾期的后果", "应对办法"]
    assert [len(subs) for _, subs in split_sections(article)] == [2, 1, 0]


@pytest.mark.parametrize(
    ("raw", "line", "message"),
    [
        (b"", 1, "the file is empty"),
        (b"  \n\xe3\x80\x80\n", 1, "the file is empty"),  # spaces and an ideographic space only
        ("当前位置：首页 > 网贷\n相关文章\n".encode(), 1, "no article text is left once the site furniture is removed"),
        (b"\xff\xfe\x00t\x00i", 1, "not valid UTF-8"),
    ],
)
def test_what_cannot_be_imported_says_where(raw, line, message):
    problems = refused(raw)
    assert problems[0][0] == line and message in problems[0][1]


def test_gb18030_is_read_and_reported():
    article, report = load("a.txt", "网贷逾期怎么办\n逾期以后，先弄清欠款数字。\n".encode("gb18030"))
    assert article.title.text == "网贷逾期怎么办"
    assert [(r.kind, r.rule) for r in report.rows] == [("warning", "encoding")]


def test_a_teaser_and_a_repeated_paragraph_are_shown_once():
    first = "网贷逾期了怎么办？随着互联网金融的快速发展，网贷已经成为越来越多人的借款选择，面对逾期我们应该如何应对呢？"
    raw = f"网贷逾期了怎么办\n{first[:30]}...\n{first}\n一、先冷静\n{first}\n".encode()
    article, report = load("a.txt", raw)
    assert sorted((r.line, r.kind, r.rule) for r in report.rows) == [(2, "repeat", "teaser"), (4, "warning", "empty_section"), (5, "repeat", "repeated_paragraph")]
    assert article.lead[0].texts == [first]
