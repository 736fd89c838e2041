"""Guards for Chinese search, which otherwise fails silently.

Material segments Chinese text at build time only if ``jieba`` can be imported, and joins the
segments with U+200B; without jieba, or with a separator that lacks U+200B, words in the middle of
a sentence cannot be found and nothing warns. These checks turn both into build errors.
"""

from __future__ import annotations

import importlib.util
import re

ZERO_WIDTH_SPACE = "\u200b"


def search_problems(separator: str | None, jieba_importable: bool | None = None) -> list[str]:
    """What is wrong with the search set-up, as messages that say what to do; empty if nothing."""
    if jieba_importable is None:
        jieba_importable = importlib.util.find_spec("jieba") is not None
    problems = []
    if not jieba_importable:
        problems.append("jieba is not installed, so Chinese search cannot find words inside sentences: run `make serve` or `make test`, which install requirements.txt")
    if separator is None:
        problems.append("the search plugin is not enabled: add `- search` under plugins")
    else:
        try:
            pattern = re.compile(separator)
        except re.error as e:
            problems.append(f"plugins.search.separator is not a valid regular expression: {e}")
        else:
            if not pattern.fullmatch(ZERO_WIDTH_SPACE):
                problems.append(r"plugins.search.separator must match \u200b (jieba's word boundary), e.g. '[\s\u200b\u3000、。，]+'")
    return problems
