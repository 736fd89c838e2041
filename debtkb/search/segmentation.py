"""jieba, shared by Material's search indexing and our own code (one global dictionary)."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from debtkb.text import has_han


def jieba():
    import jieba as module  # imported on first use: loading the dictionary takes about a second

    module.setLogLevel(logging.WARNING)
    return module


_ADDED: set[str] = set()


def add_words(words: Iterable[str]) -> int:
    """Make each Chinese word one search token (glossary terms: 等额本息, not 等额 + 本息)."""
    module = jieba()
    added = 0
    for word in words:
        if has_han(word):
            module.add_word(word)
            _ADDED.add(word)
            added += 1
    return added


def added_words() -> frozenset[str]:
    """The words this build added to jieba: only these segment differently from plain jieba."""
    return frozenset(_ADDED)
