"""Characters that look right but are not: CJK radicals and compatibility forms copied from PDFs
(⺠ for 民), zero-width characters, and Traditional characters in the Simplified pages.

Code (fenced blocks and `inline code`) is not checked.
"""

from __future__ import annotations

import re
import unicodedata

from debtkb.lint import Problem
from debtkb.markdown_lines import outside_fences
from debtkb.text import has_han, t2s

# CJK Radicals Supplement has no Unicode decomposition; these are the ones that stand in for
# ordinary characters in text copied from PDFs. Kangxi radicals and compatibility ideographs are
# mapped by NFKC.
RADICALS = {"⺀": "冫", "⺁": "厂", "⺇": "几", "⺈": "⺈", "⺌": "小", "⺍": "小", "⺏": "尢", "⺐": "尢", "⺒": "巳", "⺓": "幺", "⺔": "彐", "⺖": "忄", "⺗": "心", "⺘": "扌", "⺙": "攵", "⺛": "旡", "⺜": "日", "⺝": "月", "⺟": "母", "⺠": "民", "⺡": "氵", "⺢": "氺", "⺣": "灬", "⺤": "爫", "⺥": "爫", "⺦": "丬", "⺧": "牛", "⺨": "犭", "⺩": "王", "⺪": "疋", "⺫": "罒", "⺬": "示", "⺭": "礻", "⺮": "竹", "⺯": "糸", "⺰": "纟", "⺲": "罒", "⺳": "网", "⺴": "网", "⺵": "网", "⺶": "羊", "⺷": "羊", "⺸": "羊", "⺹": "耂", "⺺": "肀", "⺻": "聿", "⺼": "月", "⺽": "臼", "⺾": "艹", "⺿": "艹", "⻀": "艹", "⻁": "虎", "⻂": "衤", "⻃": "覀", "⻄": "西", "⻅": "见", "⻆": "角", "⻇": "角", "⻈": "讠", "⻉": "贝", "⻋": "车", "⻌": "辶", "⻍": "辶", "⻎": "辶", "⻏": "阝", "⻐": "金", "⻑": "長", "⻒": "镸", "⻓": "长", "⻔": "门", "⻖": "阝", "⻗": "雨", "⻘": "青", "⻙": "韦", "⻚": "页", "⻛": "风", "⻜": "飞", "⻝": "食", "⻞": "食", "⻟": "食", "⻠": "饣", "⻡": "首", "⻢": "马", "⻣": "骨", "⻤": "鬼", "⻥": "鱼", "⻦": "鸟", "⻧": "卤", "⻨": "麦", "⻩": "黄", "⻪": "黾", "⻫": "齐", "⻬": "齐", "⻭": "齿", "⻮": "齿", "⻯": "龙", "⻰": "龙", "⻱": "龟", "⻲": "龟", "⻳": "龟"}
ZERO_WIDTH = {"\u200b": "zero-width space", "\u200c": "zero-width non-joiner", "\u200d": "zero-width joiner", "\u2060": "word joiner", "\ufeff": "byte-order mark"}
_INLINE_CODE = re.compile(r"`[^`\n]*`")


def look_alike(ch: str) -> str | None:
    """The ordinary character a radical or compatibility form stands in for, or None."""
    code = ord(ch)
    if ch in RADICALS:
        return RADICALS[ch]
    if 0x2F00 <= code <= 0x2FDF or 0xF900 <= code <= 0xFAFF or 0x2F800 <= code <= 0x2FA1F:
        normal = unicodedata.normalize("NFKC", ch)
        return normal if normal != ch else None
    return None


def check(path: str, text: str) -> list[Problem]:
    problems = []
    for number, line in outside_fences(text):
        visible = _INLINE_CODE.sub(lambda m: " " * len(m.group()), line)
        simplified = t2s().convert(visible)
        for col, ch in enumerate(visible, start=1):
            if ch in ZERO_WIDTH:
                problems.append(Problem(path, number, col, "characters", f"invisible {ZERO_WIDTH[ch]} (U+{ord(ch):04X}): delete it"))
            elif (normal := look_alike(ch)) and normal != ch:
                problems.append(Problem(path, number, col, "characters", f"look-alike “{ch}” (U+{ord(ch):04X}, a radical or compatibility form): write “{normal}”"))
            elif simplified[col - 1] != ch and has_han(ch):
                problems.append(Problem(path, number, col, "characters", f"Traditional “{ch}” in a Simplified page: write “{simplified[col - 1]}”"))
    return problems
