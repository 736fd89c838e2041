"""One edition's search index: the pages' documents, folded with a table that undoes what this
edition's conversion does to the site's words, and the manifest's extras (readers' words,
completions) shown in this edition's script."""

from __future__ import annotations

from pathlib import Path

from debtkb.editions import convert
from debtkb.search import index
from debtkb.search import vocabulary as search_vocabulary
from debtkb.search.script_table import observed_pairs, table_with
from debtkb.text import has_han


def fold_table(words: set[str], traditional: bool) -> dict[int, str]:
    """OpenCC's t2s table, completed by the pairs this site's words show: the Traditional
    edition's words back to Simplified, or the Simplified ones as the Traditional edition writes
    them (瞭解 for 了解), so a query in either script folds as the pages do."""
    if traditional:
        return table_with(observed_pairs(words, convert.simplified, to_traditional=False))
    return table_with(observed_pairs(words, convert.text, to_traditional=True))


def write(folder: Path, docs: list[index.Doc], glossary, traditional: bool, previous: dict | None) -> index.Written:
    """Write the index of ``docs`` into ``folder`` (only what changed since ``previous``, the
    files last written, when given: ``mkdocs serve --dirtyreload``)."""
    vocabulary = index.vocabulary(docs)
    table = fold_table({t for t in vocabulary if len(t) == 2 and has_han(t)}, traditional)
    chars = set("".join(vocabulary).translate(table))
    extra = search_vocabulary.manifest_extra(glossary, table, chars, convert.text if traditional else str)
    return index.write(folder, docs, table, extra, previous)
