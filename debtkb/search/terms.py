"""The words the site's search indexes and looks up, by one rule on both sides.

Chinese has no spaces, and no dictionary segmenter agrees with a reader's query about where words
end, so text is indexed as overlapping pairs of characters (协商还款 → 协商 商还 还款) plus the
last character of each run (款), the scheme CJK full-text engines use. Any two or more characters
typed together then find every page containing them, and one character finds every page
containing it (pairs starting with it, or a run ending in it). Latin letters and digits are
whole lower-case words (LPR → lpr, 12378).

``fold`` first makes the two scripts one: each Traditional character becomes the Simplified one
OpenCC gives it (``script_table``), on the page text of either edition and on the reader's query,
so 協商還款 and 协商还款 are the same four characters to the index.

The browser half is docs/javascripts/search/engine.js; tests/fixtures/search_terms.json holds
cases both implementations must agree on.
"""

from __future__ import annotations

import operator
import re
import unicodedata
from collections import Counter
from collections.abc import Mapping

from debtkb.text import HAN

_TOKEN = re.compile(f"[{HAN}]+|[a-z0-9]+")
_HAN_START = re.compile(f"[{HAN}]")


def fold(text: str, table: Mapping[int, str]) -> str:
    """NFKC (full-width letters and digits, compatibility ideographs), lower case, one script."""
    return unicodedata.normalize("NFKC", text).lower().translate(table)


def normalize(text: str) -> str:
    """``fold`` without the script table. The table maps one Chinese character to one, so
    ``terms(fold(t, table))`` is ``terms(normalize(t))`` with each term translated: pages are
    counted once, and folded when the whole site's table is known (``debtkb.search.index``)."""
    return unicodedata.normalize("NFKC", text).lower()


def _run_terms(run: str) -> list[str]:
    """The terms of one token: a Chinese run's pairs and last character, or a Latin/digit word."""
    if _HAN_START.match(run):
        return [*map(operator.add, run, run[1:]), run[-1]]
    return [run]


def terms(folded: str) -> list[str]:
    """Index terms of folded text, in order (repeats kept: they count)."""
    return [t for m in _TOKEN.finditer(folded) for t in _run_terms(m.group())]


def add_terms(counts: Counter, folded: str, weight: int = 1) -> None:
    """``counts[t] += weight`` for each term of the text (``terms``, counted as it goes)."""
    for m in _TOKEN.finditer(folded):
        for term in _run_terms(m.group()):
            counts[term] += weight
