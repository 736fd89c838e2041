"""Stage 2: what this article shows of each known artefact, before anything is repaired.

A repair runs only on an article that shows its artefact (``repairs.RULES`` names the evidence
each needs): pinyin is removed where there are annotations, 问 becomes 问题 only in an article that
never writes 问题 and shows the dropped-character pattern, the script is converted only where
there are Traditional characters. Each detector is a small named function over the article's
text with its own test.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from debtkb.text import CJK_TEXT, HAN, t2s

# One pinyin syllable written with a tone mark, e.g. yīng, chuàng, lǜ. Requiring the tone mark
# keeps English words in parentheses — "(app)", "(LPR)" — out of reach.
TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
PINYIN_ANNOTATION = re.compile(rf"(?<=[{HAN}])[(（]\s*[a-zü]*[{TONED}][a-zü]*(?:\s+[a-zü]*[{TONED}]?[a-zü]*)*\s*[)）]")

# The dropped-題 artefact: 問/问 where the text meant 問題, seen after words that end a noun
# phrase (欠款问的成因, 这一问显得, 社会问). A verb 问 follows a person or an adverb (他问我,
# 直接问客服, 催收人员问你), so these words are the evidence, and also where the repair applies.
WENTI_AFTER = (
    "款", "一", "社會", "社会", "這個", "这个", "那個", "那个", "這些", "这些", "那些", "這種", "这种", "這類", "这类",
    "此類", "此类", "哪些", "一些", "許多", "许多", "很多", "各種", "各种", "常見", "常见", "相關", "相关", "主要",
    "核心", "關鍵", "关键", "實際", "实际", "現實", "现实", "個人", "个人", "債務", "债务", "財務", "财务", "還款", "还款",
    "逾期", "徵信", "征信", "信用", "法律", "資金", "资金", "家庭", "心理", "網貸", "网贷", "貸款", "贷款", "借款", "催收",
    "安全", "風險", "风险", "經濟", "经济", "金融", "以上", "上述", "以下", "具體", "具体", "所有", "任何", "其他", "其它",
    "同樣", "同样", "嚴重", "严重", "重要", "根本", "的", "些", "類", "类", "種", "种",
)
WENTI_NOT_BEFORE = "題题答候卷號号世責责津路診诊話话安好道罪鼎你我他她它們们過过了清一"
WENTI_PATTERN = re.compile(rf"(?:{'|'.join(sorted(map(re.escape, WENTI_AFTER), key=len, reverse=True))})(?P<wen>[問问])(?![{WENTI_NOT_BEFORE}])")
WENTI_WHOLE = re.compile("[問问][題题]")
WENTI_MIN = 2  # one match could be a coincidence; the artefact repeats wherever the word is used

ASCII_PUNCT = re.compile(rf"(?<=[{CJK_TEXT}])[,;:?!](?=\s*[{CJK_TEXT}])")
FINANCIAL_NUMERAL = re.compile(r"^[壹贰貳叁參肆伍陆陸柒捌玖拾]{1,3}[、.．]", re.M)
ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});")
ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def traditional_characters(text: str) -> int:
    """How many characters OpenCC's t2s would change (0 for a Simplified article)."""
    han = "".join(re.findall(f"[{HAN}]+", text))
    converted = t2s().convert(han)
    if len(converted) != len(han):
        return max(1, sum(1 for a, b in zip(han, converted) if a != b))
    return sum(1 for a, b in zip(han, converted) if a != b)


def dropped_wenti(text: str) -> int:
    """Places showing the dropped-題 pattern, or 0 when the article ever writes 问题/問題."""
    if WENTI_WHOLE.search(text):
        return 0
    found = len(WENTI_PATTERN.findall(text))
    return found if found >= WENTI_MIN else 0


LOOK_ALIKE_CANDIDATE = re.compile("[\u2e80-\u2eff\u2f00-\u2fdf\uf900-\ufaff]")


def look_alikes(text: str) -> int:
    """Radicals and compatibility forms standing in for ordinary characters (⺠ for 民)."""
    from debtkb.lint.characters import look_alike

    return sum(1 for ch in LOOK_ALIKE_CANDIDATE.findall(text) if look_alike(ch) not in (None, ch))


@dataclass(frozen=True)
class Detector:
    name: str
    count: Callable[[str], int]


DETECTORS = (
    Detector("pinyin", lambda text: len(PINYIN_ANNOTATION.findall(text))),
    Detector("dropped_wenti", dropped_wenti),
    Detector("ascii_punctuation", lambda text: len(ASCII_PUNCT.findall(text))),
    Detector("traditional", traditional_characters),
    Detector("financial_numerals", lambda text: len(FINANCIAL_NUMERAL.findall(text))),
    Detector("html_entities", lambda text: len(ENTITY.findall(text))),
    Detector("zero_width", lambda text: len(ZERO_WIDTH.findall(text))),
    Detector("look_alikes", look_alikes),
)


def detect(text: str) -> dict[str, int]:
    """Evidence for every detector: name → how many places show the artefact (0: none)."""
    return {d.name: d.count(text) for d in DETECTORS}
