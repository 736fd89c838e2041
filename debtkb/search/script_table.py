"""Traditional → Simplified, character by character, from OpenCC's own data (its t2s dictionary).

The search folds both scripts into one (``debtkb.search.terms.fold``). OpenCC's single-character
table leaves alone Traditional characters that are also Simplified ones (瞭 in 瞭望), yet the
Traditional edition writes 了解 as 瞭解 (a phrase rule): ``observed_pairs`` adds what the edition's
own converter does to the site's words, so the fold undoes the conversions a reader sees. A reader's query can hold
any character, so the table covers every CJK character OpenCC converts; what the browser receives
is cut to the characters whose Simplified form occurs on the site (a query character whose
Simplified form is on no page cannot match anything anyway), which keeps it a few kilobytes.
"""

from __future__ import annotations

from functools import lru_cache

from debtkb.text import HAN_RANGES, t2s


@lru_cache(maxsize=1)
def full_table() -> dict[int, str]:
    """{ord(traditional): simplified} for every single character OpenCC's t2s changes."""
    chars = [chr(c) for lo, hi in HAN_RANGES for c in range(lo, hi + 1)]
    converted = t2s().convert("\n".join(chars)).split("\n")
    if len(converted) != len(chars):  # a conversion that changed the line count: do not guess
        raise RuntimeError("OpenCC t2s changed the number of characters; cannot build the script table")
    return {ord(t): s for t, s in zip(chars, converted) if s != t and len(s) == 1}


def observed_pairs(words, convert, to_traditional: bool) -> dict[int, str]:
    """{ord(traditional): simplified} for each character ``convert`` changes in these words (the
    site's two-character terms): the edition's converter (Simplified words, ``to_traditional``)
    or OpenCC's t2s (the Traditional edition's words). Converted in one call, so OpenCC's phrase
    rules see each word whole; words whose length changes are skipped (nothing lines up)."""
    words = sorted(words)
    converted = convert("\n".join(words)).split("\n")
    pairs: dict[int, str] = {}
    if len(converted) != len(words):
        return pairs
    for before, after in zip(words, converted):
        if before != after and len(before) == len(after):
            for a, b in zip(before, after):
                if a != b:
                    traditional, simplified = (b, a) if to_traditional else (a, b)
                    pairs[ord(traditional)] = simplified
    return pairs


def table_with(observed: dict[int, str]) -> dict[int, str]:
    """OpenCC's table, and the observed pairs where it has nothing for the character."""
    return {**observed, **full_table()}


def shipped_table(site_chars: set[str], table: dict[int, str] | None = None) -> dict[str, str]:
    """The part of the table a browser needs: entries whose Simplified form is on the site."""
    return {chr(t): s for t, s in (table if table is not None else full_table()).items() if s in site_chars}
