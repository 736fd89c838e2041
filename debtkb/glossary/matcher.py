"""Find glossary terms in running text in one pass.

All spellings (terms, aliases, and the ``not_in`` words that must *not* be linked) go into one
regular expression, longest first, so at any position the longest spelling wins: 年化利率 before
利率, 发展期 (not_in) before 展期. Chinese has no word boundaries, so Han spellings match anywhere;
spellings that start or end with a Latin letter or digit (LPR, 12378) match only as whole words.
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
        parts = [self._pattern(s) for s in sorted(owner, key=lambda s: (-len(s), s))]
        self._regex = re.compile("|".join(parts)) if parts else None

    @staticmethod
    def _pattern(spelling: str) -> str:
        body = re.escape(spelling)
        if re.match(f"[{_ALNUM}]", spelling):
            body = f"(?<![{_ALNUM}]){body}"
        if re.search(f"[{_ALNUM}]$", spelling):
            body = f"{body}(?![{_ALNUM}])"
        return body

    def find(self, text: str) -> Iterator[Match]:
        """Every term occurrence in ``text``, left to right, never overlapping."""
        if self._regex is None:
            return
        for m in self._regex.finditer(text):
            term = self._owner[m.group(0)]
            if term is not None:
                yield Match(m.start(), m.end(), term)
