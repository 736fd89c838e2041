"""Stage 3: certain repairs, each run only on an article whose evidence shows its artefact.

A rule is a small pure function ``str -> (str, int)`` (the repaired line and how many places it
changed) with the evidence it needs (``evidence.DETECTORS``; ``None`` for the site's own
copywriting rules, which every article follows). ``RULES`` is applied in order, line by line, so
the parser can still name source lines. What cannot be repaired for certain is not here but in
``damage``.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from debtkb.importer.evidence import ENTITY, PINYIN_ANNOTATION, ZERO_WIDTH, t2s
from debtkb.text import CJK_TEXT, HAN


_TONELESS = re.compile(rf"(?<=[{HAN}])[(（]\s*(?P<s>[a-zü]{{1,6}}(?:\s+[a-zü]{{1,6}})*)\s*[)）]")
_TONE_MARKS = {"\u0300", "\u0301", "\u0304", "\u030c"}  # grave, acute, macron, caron (not ü's diaeresis)


@lru_cache(maxsize=1)
def pinyin_syllables() -> frozenset[str]:
    """Every toneless pinyin syllable (``me``, ``de``, ``zhuang``), from pypinyin's dictionary."""
    from pypinyin.pinyin_dict import pinyin_dict

    syllables = set()
    for readings in pinyin_dict.values():
        for reading in readings.split(","):
            plain = "".join(c for c in unicodedata.normalize("NFD", reading) if c not in _TONE_MARKS)
            syllables.add(unicodedata.normalize("NFC", plain))
    return frozenset(syllables)


def neutral_tone_pinyin(text: str) -> list[str]:
    """The report's note on the toneless annotations ``remove_pinyin_annotations`` takes from a line."""
    syllables = pinyin_syllables()
    rest = PINYIN_ANNOTATION.sub("", text)
    found = [m.group(0) for m in _TONELESS.finditer(rest) if all(s in syllables for s in m["s"].split())]
    return ["removed " + " ".join(found)] if found else []


def remove_pinyin_annotations(text: str) -> tuple[str, int]:
    """Drop parenthesised pinyin glued to a character: ``應(yīng)該`` → ``應該``. In an article that
    shows annotations, a neutral-tone one has no mark (``麼(me)``, ``的(de)``): it goes too when
    every word in it is a pinyin syllable (so ``(app)`` stays)."""
    text, marked = PINYIN_ANNOTATION.subn("", text)
    syllables = pinyin_syllables()
    toneless = 0

    def neutral(m: re.Match) -> str:
        nonlocal toneless
        if all(s in syllables for s in m["s"].split()):
            toneless += 1
            return ""
        return m.group(0)

    return _TONELESS.sub(neutral, text), marked + toneless


# In an article that shows the dropped-題 artefact (evidence.dropped_wenti), 问 is the noun 问题
# unless its neighbours make it something else:
WEN_WORDS_BEFORE = "詢询訪访提疑顧顾學学請请質质追反審审拷慰責责過过發发盤盘"  # 询问, 顾问, 学问 …
WEN_WORDS_AFTER = "題题答候卷號号世責责津路診诊話话安好道罪鼎"  # 问答, 问候, 问号 …
VERB_BEFORE = "我你他她它您们們員员人接先再多就去来來要想可得都也还還又别別不没沒只"  # 他问, 直接问, 先问
VERB_AFTER = "你我他她它您咱客清过過了一到着著问問起遍银銀律平对對身家朋亲親别別同领領老人"  # 问你, 问客服, 问清楚, 问银行, 问律师, 问平台
NOUN_HUI = ("社", "机", "機", "协", "協", "学", "學", "大", "工", "议", "議", "年", "晚", "聚", "都", "宴", "约", "約")  # 社会问 is the noun; 会问 the verb
_WEN = re.compile("[問问]")


def restore_wenti(text: str) -> tuple[str, int]:
    """Restore 问题 where the conversion lost its second character (``欠款問的`` → ``欠款問題的``);
    run only on an article whose evidence shows the artefact. The verb (他问我, 直接问客服) and
    words such as 询问, 顾问, 问答 are left alone."""
    out, last, count = [], 0, 0
    for m in _WEN.finditer(text):
        i = m.start()
        before = text[i - 1] if i else " "  # a space is in none of the sets below
        after = text[i + 1] if i + 1 < len(text) else " "
        verb_hui = before in "会會" and (text[i - 2] if i > 1 else " ") not in NOUN_HUI
        if before in WEN_WORDS_BEFORE or before in VERB_BEFORE or after in WEN_WORDS_AFTER or after in VERB_AFTER or verb_hui:
            continue
        out.append(text[last : i + 1] + ("題" if m.group(0) == "問" else "题"))
        last = i + 1
        count += 1
    return "".join(out) + text[last:], count


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


def to_simplified(text: str) -> tuple[str, int]:
    """Convert to Simplified with OpenCC ``t2s``, then apply ``T2S_EXCEPTIONS``.

    The count is the number of characters that differ from the input.
    """
    converted = t2s().convert(text)
    converted = _EXCEPTION_RE.sub(lambda m: T2S_EXCEPTIONS[m.group(0)], converted)
    changed = sum(1 for a, b in zip(text, converted) if a != b) + abs(len(text) - len(converted))
    return converted, changed


_FINANCIAL = {"壹": "一", "贰": "二", "貳": "二", "叁": "三", "參": "三", "肆": "四", "伍": "五", "陆": "六", "陸": "六", "柒": "七", "捌": "八", "玖": "九", "拾": "十"}
_FINANCIAL_HEADING = re.compile(r"^(?P<num>[壹贰貳叁參肆伍陆陸柒捌玖拾]{1,3})(?=[、.．])")


def plain_numerals(text: str) -> tuple[str, int]:
    """Heading numbers over-converted to the financial forms: ``壹、`` → ``一、`` (line start only)."""
    return _FINANCIAL_HEADING.subn(lambda m: "".join(_FINANCIAL[c] for c in m["num"]), text)


def decode_entities(text: str) -> tuple[str, int]:
    """HTML entities the page's author meant as characters: ``&nbsp;`` → space, ``&hellip;`` → ….
    Unknown names (``&helpp;``) are left for ``damage``."""
    count = 0

    def one(m: re.Match) -> str:
        nonlocal count
        char = html.unescape(m.group(0))
        if char == m.group(0):
            return char
        count += 1
        return " " if char == "\u00a0" else char

    return ENTITY.sub(one, text), count


def remove_zero_width(text: str) -> tuple[str, int]:
    """Invisible characters (zero-width space, soft hyphen, …) copied from the web page."""
    return ZERO_WIDTH.subn("", text)


def plain_look_alikes(text: str) -> tuple[str, int]:
    """Radicals and compatibility forms → the ordinary character (⺠ → 民), as `make lint` asks."""
    from debtkb.lint.characters import look_alike

    count = 0

    def one(ch: str) -> str:
        nonlocal count
        normal = look_alike(ch)
        if normal and normal != ch:
            count += 1
            return normal
        return ch

    return "".join(one(c) for c in text), count


def space_latin_and_digits(text: str) -> tuple[str, int]:
    """The site's copywriting rules (autocorrect, .autocorrectrc): 欠6万 → 欠 6 万, ASCII
    punctuation between Chinese characters → full-width, so imported pages pass `make lint`."""
    from debtkb.lint.copywriting import fix_line

    fixed = fix_line(text)
    return fixed, int(fixed != text)


@dataclass(frozen=True)
class Repair:
    fn: Callable[[str], tuple[str, int]]
    needs: str | None  # the evidence (evidence.DETECTORS name) that must be present; None: always
    notes: Callable[[str], list[str]] | None = None  # report rows for what the repair will change on a line

    @property
    def name(self) -> str:
        return self.fn.__name__


BEFORE_DAMAGE = (
    Repair(decode_entities, "html_entities"),
    Repair(remove_zero_width, "zero_width"),
    Repair(plain_look_alikes, "look_alikes"),
    Repair(remove_pinyin_annotations, "pinyin", notes=neutral_tone_pinyin),
    Repair(restore_wenti, "dropped_wenti"),
    Repair(fullwidth_commas, "ascii_punctuation"),
    Repair(to_simplified, "traditional"),
    Repair(plain_numerals, "financial_numerals"),
)
"""Before damaged fragments are cut: pinyin first (it sits between characters other rules look at),
the script conversion after the Traditional-only patterns."""

AFTER_DAMAGE = (Repair(space_latin_and_digits, None),)
"""Last: copywriting would turn a mojibake ``?`` into ``？`` and hide it from ``damage``."""


def applicable(rules: tuple[Repair, ...], evidence: dict[str, int]) -> tuple[Repair, ...]:
    return tuple(r for r in rules if r.needs is None or evidence.get(r.needs))
