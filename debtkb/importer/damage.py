"""Stage 4: damaged fragments that cannot be repaired for certain, and censored gaps.

Readers never see damage (U+FFFD, mojibake, control escapes, broken entities): a rule either
takes out the damaged token alone (when the rest reads as written) or the damaged clause — the
stretch between two Chinese punctuation marks — and never the rest of the line or paragraph.
Censored gaps (a word cut out, leaving ``突 况`` or ``搜“”``) are kept, since nothing certain can
replace them, but a marker with no text in it (``***``, ``“”``) goes. Every fragment taken out or
doubted becomes a report row for an editor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from debtkb.text import HAN

_LATIN = "a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü"
_PINYIN = "a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü"  # what is left of a pinyin annotation: lowercase
# Clause boundaries: Chinese punctuation, and ASCII , ; : ! ? between Chinese text (before the
# copywriting rules make them full-width).
_BOUNDARY = "，。；！？、：,;!"
_END = "。！？；!;"


@dataclass(frozen=True)
class DamageRule:
    name: str
    pattern: re.Pattern
    scope: str  # "token": remove the match; "clause": remove the clause around it
    kind: str  # report kind: "damaged" or "gap"


RULES = (
    # The replacement character: a byte sequence the page's encoder could not map.
    DamageRule("replacement_character", re.compile("[\ufffd\ue000-\uf8ff]+"), "clause", "damaged"),
    # Classic GBK/UTF-8 mix-ups: 锟斤拷, 烫烫烫, Latin-1 readings of UTF-8 (â€œ, Ã©).
    DamageRule("mojibake_sequence", re.compile("(?:锟斤拷|鍩|烫烫烫|屯屯屯|â€.|Ã[\u0080-\u00bf©¨]|ï¼.)+"), "clause", "damaged"),
    # A pinyin annotation whose tone mark became ? (應(y?ng)該): the characters read fine without it.
    DamageRule("broken_pinyin", re.compile(rf"(?<=[{HAN}])[(（][{_LATIN}\s]*\?[{_LATIN}?\s]*[)）]"), "token", "damaged"),
    # A ? that swallowed characters, left beside pinyin or Latin debris: 當?shù)劂y監會.
    DamageRule("mojibake_question_mark", re.compile(rf"(?<=[{HAN}])[{_PINYIN}]*\?+[{_PINYIN}]{{2,}}\)?|(?<=[{HAN}])\?{{2,}}(?=[{HAN}])"), "clause", "damaged"),
    # Office's escape of a control character (_x0008_ is a backspace), and raw control characters.
    DamageRule("control_escape", re.compile(r"_x[0-9A-Fa-f]{4}_|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]"), "token", "damaged"),
    # HTML markup left in the text by a careless copy (<p>, <br/>, </strong>): the tag goes, its text stays.
    DamageRule("html_tag", re.compile(r"</?(?:p|br|div|span|strong|b|em|i|u|a|img|h[1-6]|ul|ol|li|table|tbody|thead|tr|td|th|section|article|font|center|blockquote)\b[^<>]*>", re.I), "token", "damaged"),
    # An entity HTML does not know (a mistyped &hellip;): what it stood for cannot be known.
    DamageRule("broken_entity", re.compile(r"&[a-zA-Z][a-zA-Z0-9]{1,31};"), "token", "damaged"),
    # Emoji and pictographs (dingbats that are emoji: ✅ ❌ ❓ ✨ ❤ ⭐), not the marks lists use (✓ ❶).
    DamageRule("emoji", re.compile("[\U0001f000-\U0001faff\u2600-\u26ff\u2705\u270a\u270b\u2728\u274c\u274e\u2753-\u2755\u2757\u2764\u2795-\u2797\u27a1\u27b0\u27bf\u2b05-\u2b07\u2b50\u2b55\ufe0f\u200d\U0001f1e6-\U0001f1ff]+"), "token", "damaged"),
    # Censorship marks and emptied quotes: the marker goes, the gap is listed.
    DamageRule("censor_marks", re.compile(r"(?:\*\s*){3,}|□{2,}"), "token", "gap"),
    DamageRule("empty_quotes", re.compile(r"“\s*”|‘\s*’|「\s*」|《\s*》|（\s*）|\(\s*\)"), "token", "gap"),
)
"""Applied in order to every line; a later rule sees the line as earlier rules left it."""

# A space between two Chinese characters: a word was cut out (突 况). Kept, listed.
GAP_SPACE = re.compile(rf"(?<=[{HAN}]) +(?=[{HAN}])")


@dataclass(frozen=True)
class Finding:
    rule: str
    kind: str
    text: str  # what was removed (or, for a gap, the words around it)


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around text[start:end]: from after the previous boundary to the next one.

    The removed span takes the boundary after the clause with it, unless that boundary ends a
    sentence: then the comma before the clause goes instead, so ``甲，乙?x。`` → ``甲。``.
    """
    left = start
    while left > 0 and text[left - 1] not in _BOUNDARY:
        left -= 1
    right = end
    while right < len(text) and text[right] not in _BOUNDARY:
        right += 1
    if right < len(text) and text[right] not in _END:
        return left, right + 1  # a clause ending in a comma: the comma goes with it
    if left == 0 or text[left - 1] in _END:
        return left, min(right + 1, len(text))  # a whole sentence: it goes with its full stop
    return left - 1, right  # the last clause of a sentence: the comma before it goes, the full stop stays


def cut(text: str) -> tuple[str, list[Finding]]:
    """The line without its damaged tokens and clauses, and what was taken out."""
    findings: list[Finding] = []
    for rule in RULES:
        while True:
            match = rule.pattern.search(text)
            if not match:
                break
            start, end = (match.start(), match.end()) if rule.scope == "token" else _clause(text, match.start(), match.end())
            removed = text[start:end]
            if rule.kind == "gap":  # the empty marker goes (a removal), the gap stays (a doubt)
                context = text[max(0, start - 8) : min(len(text), end + 8)]
                findings.append(Finding(rule.name, "damaged", removed))
                findings.append(Finding(rule.name, "gap", f"{removed.strip()} in “{context}”"))
            else:
                findings.append(Finding(rule.name, "damaged", removed))
            text = text[:start] + text[end:]
    for match in GAP_SPACE.finditer(text):
        findings.append(Finding("space_in_words", "gap", text[max(0, match.start() - 8) : match.end() + 8]))
    return text.strip(), findings
