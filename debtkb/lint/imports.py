"""What the importer removed from or doubted in each committed article, as `make lint` notes.

The same rows as the import report (content/import-report.md), computed afresh from the source:
they are not problems (removing furniture is the importer's job) and do not fail the lint, but an
editor sees every removed or damaged line with its ``file:line`` where the other checks are read.
"""

from __future__ import annotations

from pathlib import Path

from debtkb.importer.article import load
from debtkb.importer.report import ArticleError


def notes(articles: Path) -> list[str]:
    lines = []
    for source in sorted(articles.glob("*.txt")):
        try:
            _, report = load(source.as_posix())
        except ArticleError as e:
            lines += [f"{line} (cannot be imported)" for line in str(e).splitlines()]
            continue
        lines += report.lines()
    return lines
