"""Find glossary terms in running text in one pass.

All spellings (terms, aliases, and the ``not_in`` words that must *not* be linked) go into one
regular expression shaped like a trie (shared prefixes factored out, longer continuations tried
first), so at any position the longest spelling wins: 年化利率 before 利率, 发展期 (not_in) before
展期. A flat alternation of 200 spellings would make the regex engine try every one of them at
every character; the trie tries only the branch of the character it sees. Chinese has no word
boundaries, so Han spellings match anywhere; spellings that start or end with a Latin letter or
digit (LPR, 12378) match only as whole words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from debtkb.glossary.model import Glossary

_ALNUM = "A-Za-z0-9"


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    term: str  # the glossary term this spelling belongs to


_END = ""  # trie key marking "a spelling ends here"


def _trie_pattern(spellings) -> str:
    trie: dict = {}
    for spelling in spellings:
        node = trie
        for ch in spelling:
            node = node.setdefault(ch, {})
        node[_END] = True
    return _node_pattern(trie, top=True)


def _node_pattern(node: dict, last: str = "", top: bool = False) -> str:
    branches = []
    for ch in sorted(k for k in node if k != _END):
        guard = f"(?<![{_ALNUM}])" if top and re.match(f"[{_ALNUM}]", ch) else ""
        branches.append(guard + re.escape(ch) + _node_pattern(node[ch], ch))
    if _END in node:
        # A spelling ends here. Continuations are tried first (ordered alternation), so the match
        # is the longest; one ending in a Latin letter or digit must not run into a longer word.
        end = f"(?![{_ALNUM}])" if re.match(f"[{_ALNUM}]", last) else ""
        return "(?:" + "|".join([*branches, end]) + ")" if branches else end
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


class Matcher:
    def __init__(self, glossary: Glossary):
        owner: dict[str, str | None] = {}  # spelling → term, or None for "do not link here"
        for t in glossary.terms:
            for spelling in t.spellings:
                owner[spelling] = t.term
        for t in glossary.terms:
            for word in t.not_in:
                owner.setdefault(word, None)
        self._owner = owner
        self._regex = re.compile(_trie_pattern(owner)) if owner else None

    def find(self, text: str) -> Iterator[Match]:
        """Every term occurrence in ``text``, left to right, never overlapping."""
        for start, end, term in self.spans(text):
            yield Match(start, end, term)

    def terms_in(self, text: str) -> set[str]:
        """The terms occurring in ``text`` (one C-level scan, no per-match Python work)."""
        if self._regex is None:
            return set()
        owner = self._owner
        return {owner[w] for w in set(self._regex.findall(text))} - {None}

    def spans(self, text: str) -> Iterator[tuple[int, int, str]]:
        """Like ``find`` as plain tuples: the hot path when linking every page."""
        if self._regex is None:
            return
        owner = self._owner
        for m in self._regex.finditer(text):
            term = owner[m.group()]
            if term is not None:
                yield m.start(), m.end(), term
