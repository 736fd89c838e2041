"""Evidence (debtkb.importer.evidence) and certain repairs (debtkb.importer.repairs): each rule on
small inputs, each detector deciding whether its repair may run, then the seed's exact counts."""

import re

import pytest

from debtkb.importer import evidence, repairs
from debtkb.importer.article import clean_lines
from debtkb.importer.report import Report
from debtkb.importer.repairs import (
    T2S_EXCEPTIONS,
    decode_entities,
    fullwidth_commas,
    plain_look_alikes,
    plain_numerals,
    remove_pinyin_annotations,
    remove_zero_width,
    restore_wenti,
    to_simplified,
)
from debtkb.importer.source import read
from tests.paths import SEED


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("應(yīng)該", "應該"),
        ("服務(wù)", "服務"),
        ("創(chuàng)新", "創新"),
        ("綠（lǜ）色", "綠色"),  # full-width parentheses, ü with tone
        ("網貸(wǎng dài)逾期", "網貸逾期"),  # two syllables in one annotation
        ("怎麼(me)解決", "怎麼解決"),  # neutral tone: no mark, but a pinyin syllable
        ("網貸的(de)人", "網貸的人"),
        ("小米金融(app)", "小米金融(app)"),  # English, no tone mark: kept
        ("利率(LPR)", "利率(LPR)"),
        ("成立於(2015)年", "成立於(2015)年"),
        ("(yīng)開頭", "(yīng)開頭"),  # not after a character: not an annotation
    ],
)
def test_remove_pinyin_annotations(raw, expected):
    assert remove_pinyin_annotations(raw)[0] == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("欠款問的成因", "欠款問題的成因"),
        ("社會問的隱憂", "社會問題的隱憂"),
        ("這一問顯得", "這一問題顯得"),
        ("欠款问的成因", "欠款问题的成因"),  # Simplified input gets a Simplified repair
        ("這個問題", "這個問題"),  # already whole
        ("諮詢顧問", "諮詢顧問"),  # other words with 問 are left alone
        ("詢問客服", "詢問客服"),
        ("催收人员问你", "催收人员问你"),  # the verb: after a person, not a noun phrase
        ("直接问客服", "直接问客服"),
        ("他问我借钱", "他问我借钱"),
        ("欠款问清楚", "欠款问清楚"),  # 问清 is the verb even after 欠款
        ("出現問以後", "出現問題以後"),
        ("讓問越滾越大", "讓問題越滾越大"),
        ("我会问客服", "我会问客服"),
        ("社会问越来越多", "社会问题越来越多"),
        ("成为社会问", "成为社会问题"),  # at the end of a line
        ("问的根源", "问题的根源"),  # at the start
        ("很多人问我", "很多人问我"),
        ("打电话问银行", "打电话问银行"),
        ("问律师也行", "问律师也行"),
    ],
)
def test_restore_wenti(raw, expected):
    assert restore_wenti(raw)[0] == expected


@pytest.mark.parametrize(
    ("text", "applies"),
    [
        ("欠款問也越來越多。這一問的根源在於……", True),  # the seed's artefact, twice
        ("欠款問也越來越多。", False),  # once could be chance
        ("欠款問也多。這一問題的根源……欠款問的", False),  # the article writes 问题 itself: no artefact
        ("催收人员问你借了多少，直接问客服，他问我借钱。", False),  # verbs only
    ],
)
def test_wenti_repair_needs_evidence(text, applies):
    assert bool(evidence.dropped_wenti(text)) is applies


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("在現代社會中,金融服務", "在現代社會中，金融服務"),
        ("“先消費後付款”,而", "“先消費後付款”，而"),
        ("欠款, 影響", "欠款，影響"),
        ("欠款1,000元", "欠款1,000元"),  # digits: kept
        ("A, B and C", "A, B and C"),
    ],
)
def test_fullwidth_commas(raw, expected):
    assert fullwidth_commas(raw)[0] == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("應該怎么處理", "应该怎么处理"),  # mixed input: Simplified characters stay
        ("隨著科技的發展", "随着科技的发展"),  # t2s gives 随著; the exception list repairs it
        ("顯著變化", "显著变化"),  # 著 that is not the particle stays
        ("著名的平台", "著名的平台"),
        ("線上線下", "线上线下"),  # t2s, not tw2sp (which would turn 线上 into 在线)
    ],
)
def test_to_simplified(raw, expected):
    assert to_simplified(raw)[0] == expected


@pytest.mark.parametrize(("wrong", "right"), sorted(T2S_EXCEPTIONS.items()))
def test_every_t2s_exception_is_needed_and_applied(wrong, right):
    traditional = wrong.replace("随", "隨").replace("带", "帶").replace("顺", "順").replace("凭", "憑").replace("临", "臨").replace("发挥", "發揮")
    plain = evidence.t2s().convert(traditional)
    assert plain == wrong, "OpenCC now converts this itself: drop the exception"
    assert to_simplified(traditional)[0] == right


@pytest.mark.parametrize(
    ("rule", "raw", "expected", "count"),
    [
        (plain_numerals, "壹、逾期的後果", "一、逾期的後果", 1),
        (plain_numerals, "貳、協商", "二、協商", 1),
        (plain_numerals, "拾壹、最後", "十一、最後", 1),
        (plain_numerals, "欠款壹萬元", "欠款壹萬元", 0),  # only a heading number at the line start
        (decode_entities, "先还款&nbsp;再说&hellip;&ldquo;好&rdquo;", "先还款 再说…“好”", 4),
        (decode_entities, "好的&helpp;然后", "好的&helpp;然后", 0),  # unknown: left for the damage rules
        (remove_zero_width, "征\u200b信\u00ad报告", "征信报告", 2),
        (plain_look_alikes, "人⺠法院", "人民法院", 1),
    ],
)
def test_small_repairs(rule, raw, expected, count):
    assert rule(raw) == (expected, count)


@pytest.mark.parametrize(
    ("text", "detector", "found"),
    [
        ("應(yīng)該", "pinyin", 1),
        ("应该", "pinyin", 0),
        ("欠款, 影響", "ascii_punctuation", 1),
        ("A, B", "ascii_punctuation", 0),
        ("這是繁體", "traditional", 2),
        ("这是简体", "traditional", 0),
        ("壹、標題\n貳、標題", "financial_numerals", 2),
        ("欠款壹萬元", "financial_numerals", 0),
        ("a&nbsp;b", "html_entities", 1),
        ("征\u200b信", "zero_width", 1),
        ("人⺠", "look_alikes", 1),
    ],
)
def test_detectors(text, detector, found):
    assert evidence.detect(text)[detector] == found


def test_a_simplified_article_gets_no_script_or_pinyin_repair():
    found = evidence.detect("网贷逾期了怎么办\n逾期以后，平台会先打电话提醒（APP 里也有通知）。")
    assert [r.name for r in repairs.applicable(repairs.BEFORE_DAMAGE, found)] == []
    assert [r.name for r in repairs.applicable(repairs.AFTER_DAMAGE, found)] == ["space_latin_and_digits"]


def test_seed_repair_counts():
    report = Report("seed")
    text = "\n".join(line.text for line in clean_lines(read(SEED), report))
    assert report.repairs["remove_pinyin_annotations"] == 88
    assert report.repairs["restore_wenti"] == 14
    assert report.repairs["fullwidth_commas"] == 55
    assert "," not in text
    assert not re.search(r"\([a-z]", text)
    assert text.count("问题") == 14
    assert "随着" in text and "随著" not in text
    assert evidence.t2s().convert(text) == text  # nothing Traditional left for t2s to change
    assert report.rows == []  # nothing removed or doubted in the seed
