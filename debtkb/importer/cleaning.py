"""Cleaning rules for articles that went through a lossy conversion before reaching us.

Each rule is a small pure function ``str -> (str, int)`` returning the cleaned text and how many
places it changed, so tests can pin the exact number of repairs on the seed article. ``clean_line``
applies them in a fixed order; it works line by line so the parser can still name source lines.
"""

from __future__ import annotations

import re
from functools import lru_cache

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
"""Unified CJK ideographs (with extension A and compatibility ideographs)."""

# Characters that count as "Chinese text" around an ASCII comma: ideographs plus CJK punctuation
# and full-width forms (quotes included), so `。”,而` is repaired too.
CJK_TEXT = HAN + "\u3000-\u303f\uff00-\uffef\u2018\u2019\u201c\u201d"

# One pinyin syllable written with a tone mark, e.g. yīng, chuàng, lǜ. Requiring the tone mark
# keeps English words in parentheses — "(app)", "(LPR)" — out of reach of the rule.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_PINYIN_ANNOTATION = re.compile(
    rf"(?<=[{HAN}])[(（]\s*[a-zü]*[{_TONED}][a-zü]*\s*[)）]"
)


def remove_pinyin_annotations(text: str) -> tuple[str, int]:
    """Drop parenthesised pinyin glued to a character: ``應(yīng)該`` → ``應該``."""
    return _PINYIN_ANNOTATION.subn("", text)


# Words in which 問/问 legitimately stands without 題/题 (询问, 顾问, 问答 …). The artefact is a
# lone 問 where the text meant 問題; these neighbours show a different word, so they are left alone.
_WEN_BEFORE = "詢询訪访提疑顧顾學学請请質质追反審审拷慰責责過过發发盤盘"
_WEN_AFTER = "題题答候卷號号世責责津路診诊話话安好道罪鼎"
_WENTI = re.compile(rf"(?<![{_WEN_BEFORE}])([問问])(?![{_WEN_AFTER}])")


def restore_wenti(text: str) -> tuple[str, int]:
    """Restore 問題 where the conversion lost its second character: ``欠款問的`` → ``欠款問題的``."""
    return _WENTI.subn(lambda m: m.group(1) + ("題" if m.group(1) == "問" else "题"), text)


_ASCII_COMMA = re.compile(rf"(?<=[{CJK_TEXT}]),(?=\s*[{CJK_TEXT}])\s*")


def fullwidth_commas(text: str) -> tuple[str, int]:
    """Turn an ASCII comma between Chinese characters into ``，``; ``1,000`` and ``A, B`` stay."""
    return _ASCII_COMMA.subn("，", text)


# OpenCC's t2s keeps characters that are valid in both scripts. 著 is one: correct in 著名 and
# 显著, but the particle "zhe" is written 着 in Simplified. These are the particle uses; each maps
# the t2s output to the Simplified spelling. Keep the list short and add a test per entry.
T2S_EXCEPTIONS: dict[str, str] = {
    "随著": "随着",
    "接著": "接着",
    "意味著": "意味着",
    "有著": "有着",
    "带著": "带着",
    "沿著": "沿着",
    "朝著": "朝着",
    "本著": "本着",
    "靠著": "靠着",
    "跟著": "跟着",
    "顺著": "顺着",
    "向著": "向着",
    "凭著": "凭着",
    "面临著": "面临着",
    "存在著": "存在着",
    "发挥著": "发挥着",
}
_EXCEPTION_RE = re.compile("|".join(sorted(map(re.escape, T2S_EXCEPTIONS), key=len, reverse=True)))


@lru_cache(maxsize=1)
def _t2s():
    import opencc  # imported lazily: loading the dictionaries costs ~50 ms

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> tuple[str, int]:
    """Convert to Simplified with OpenCC ``t2s``, then apply ``T2S_EXCEPTIONS``.

    The count is the number of characters that differ from the input (conversion is
    character-for-character in t2s, so lengths match).
    """
    converted = _t2s().convert(text)
    converted = _EXCEPTION_RE.sub(lambda m: T2S_EXCEPTIONS[m.group(0)], converted)
    changed = sum(1 for a, b in zip(text, converted) if a != b) + abs(len(text) - len(converted))
    return converted, changed


def space_latin_and_digits(text: str) -> tuple[str, int]:
    """The site's copywriting rules (autocorrect, .autocorrectrc): 欠6万 → 欠 6 万, so imported
    pages already pass `make lint`."""
    from debtkb.lint.copywriting import fix_line

    fixed = fix_line(text)
    return fixed, len(fixed) - len(text)


RULES = (remove_pinyin_annotations, restore_wenti, fullwidth_commas, to_simplified, space_latin_and_digits)
"""The order matters: pinyin goes first (it sits between characters other rules look at), the
script conversion after the Traditional-only patterns, and the copywriting rules last."""


def clean_line(line: str) -> str:
    """Apply every rule to one line of an article."""
    for rule in RULES:
        line, _ = rule(line)
    return line


def clean_text(text: str) -> tuple[str, dict[str, int]]:
    """Apply every rule to a whole text and count the repairs per rule (used by tests and reports)."""
    counts: dict[str, int] = {}
    for rule in RULES:
        text, n = rule(text)
        counts[rule.__name__] = n
    return text, counts
