"""What counts as Chinese text, in one place: the importer, the linter and the glossary use these.

``HAN`` is a character-class body (for ``[...]`` in a regular expression), not a set.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

HAN_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))
"""Unified CJK ideographs, extension A and the compatibility ideographs (code points, inclusive)."""
HAN = "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in HAN_RANGES)
"""The same, as a character-class body."""

CJK_PUNCT = "\u3000-\u303f\uff00-\uffef\u2018\u2019\u201c\u201d\u2026\u2014"
"""CJK symbols and punctuation, full-width forms, curly quotes, … and —."""

CJK_TEXT = HAN + CJK_PUNCT
"""Characters that make a stretch "Chinese text" (for rules that apply only between them)."""

SENTENCE_END = "。！？；…"
"""Where a Chinese sentence ends (closing quotes and brackets stay with it)."""

CLOSERS = "”’」』）》】"

_HAN_RE = re.compile(f"[{HAN}]")


def opencc_files() -> Path:
    """The folder of the pinned OpenCC's own files (``bin/`` tools, ``share/opencc/`` configurations
    and dictionaries), which the Traditional edition's converter and its report read."""
    import opencc

    return Path(opencc.__file__).parent / "clib"


@lru_cache(maxsize=1)
def t2s():
    """OpenCC's Traditional → Simplified converter, loaded once (its dictionaries cost ~50 ms)."""
    import opencc

    return opencc.OpenCC("t2s")


def han_count(text: str) -> int:
    return len(_HAN_RE.findall(text))


def has_han(text: str) -> bool:
    return bool(_HAN_RE.search(text))


def ends_sentence(text: str) -> bool:
    """True when the text ends like a sentence (。！？；… possibly followed by closing quotes)."""
    stripped = text.rstrip().rstrip(CLOSERS)
    return stripped[-1:] in SENTENCE_END or stripped[-1:] in "?!"
