"""What the search knows besides the pages: readers' words and completions, from the glossary.

A reader who types 老赖 means 失信被执行人, the words the pages use: each glossary term's
``everyday`` words lead the query to the term (the engine searches both and keeps the better
results). Completions, offered as the reader types (Material's search.suggest), are the glossary's
terms and aliases.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from debtkb.glossary.model import Glossary
from debtkb.search.terms import fold


def everyday_words(glossary: Glossary, table: Mapping[int, str]) -> dict[str, str]:
    """{folded everyday word: folded term}."""
    return {fold(word, table): fold(t.term, table) for t in glossary.terms for word in t.everyday}


def completions(glossary: Glossary, display: Callable[[str], str] = str) -> list[str]:
    """Terms and aliases as the edition writes them, longest first (the engine offers the first
    one that continues what the reader typed)."""
    words = {display(s) for t in glossary.terms for s in t.spellings}
    return sorted(words, key=lambda w: (-len(w), w))


def manifest_extra(glossary: Glossary, table: Mapping[int, str], site_chars: set[str], display: Callable[[str], str] = str) -> dict:
    from debtkb.search.script_table import shipped_table

    shipped = shipped_table(site_chars, dict(table))
    return {
        "fold": "".join(t + s for t, s in sorted(shipped.items())),
        "everyday": everyday_words(glossary, table),
        "completions": completions(glossary, display),
    }
