"""Each cleaning rule on small inputs, then the exact repair counts on the seed article."""

import re

import pytest

from debtkb.importer import cleaning
from debtkb.importer.cleaning import (
    T2S_EXCEPTIONS,
    clean_text,
    fullwidth_commas,
    remove_pinyin_annotations,
    restore_wenti,
    to_simplified,
)
from tests.paths import SEED


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("應(yīng)該", "應該"),
        ("服務(wù)", "服務"),
        ("創(chuàng)新", "創新"),
        ("綠（lǜ）色", "綠色"),  # full-width parentheses, ü with tone
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
        ("問答環節", "問答環節"),
    ],
)
def test_restore_wenti(raw, expected):
    assert restore_wenti(raw)[0] == expected


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
    plain = cleaning._t2s().convert(traditional)
    assert plain == wrong, "OpenCC now converts this itself: drop the exception"
    assert to_simplified(traditional)[0] == right


def test_seed_repair_counts():
    text, counts = clean_text(SEED.read_text(encoding="utf-8"))
    assert counts["remove_pinyin_annotations"] == 88
    assert counts["restore_wenti"] == 14
    assert counts["fullwidth_commas"] == 55
    assert "," not in text
    assert not re.search(r"\([a-z]", text)
    assert text.count("问题") == 14
    assert "随着" in text and "随著" not in text


def test_seed_is_simplified_after_cleaning():
    text, _ = clean_text(SEED.read_text(encoding="utf-8"))
    assert cleaning._t2s().convert(text) == text  # nothing Traditional left for t2s to change
    for traditional in "應處務導語會題著":
        assert traditional not in text.replace("显著", "")
