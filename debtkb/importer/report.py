"""What the importer did to each article, for the editor who reviews the import.

Every stage that drops, changes or doubts a line adds a ``Row``: ``file:line``, what happened
(``kind``), the rule that decided, and the text concerned. Nothing leaves an article without a
row. ``ArticleError`` is the other outcome: the article cannot be imported, and says where.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from debtkb.problems import LocatedProblems

# What a row records, in the order the report lists them.
KINDS = {
    "removed": "removed as site furniture",
    "label": "label or scaffolding taken off (its text kept)",
    "repeat": "repeat of the title removed",
    "damaged": "damaged text removed (cannot be repaired for certain)",
    "gap": "censored gap: text kept, something was cut out here",
    "cut": "the article ends mid-sentence",
    "warning": "kept as is, worth a look",
    "candidate": "short line seen in many articles: furniture candidate (kept)",
    "duplicate": "near-duplicate of another article: not published",
}


class ArticleError(LocatedProblems):
    """The article cannot be imported; ``problems`` holds ``(line, message)`` pairs."""


@dataclass(frozen=True, order=True)
class Row:
    line: int
    kind: str  # a key of KINDS
    rule: str  # the named rule that decided
    text: str  # the text removed, doubted or kept

    def format(self, path: str) -> str:
        return f"{path}:{self.line}: {self.kind} ({self.rule}): {self.text}"


@dataclass
class Report:
    """Rows and repair counts for one article."""

    path: str
    rows: list[Row] = field(default_factory=list)
    repairs: Counter = field(default_factory=Counter)  # rule name → places changed
    shape: list[str] = field(default_factory=list)  # what was recognised, e.g. "title", "一、 headings"
    short: list[tuple[int, str]] = field(default_factory=list)  # short paragraphs kept as content (furniture candidates across articles)

    def add(self, line: int, kind: str, rule: str, text: str) -> None:
        assert kind in KINDS, kind
        self.rows.append(Row(line, kind, rule, text))

    def repaired(self, rule: str, count: int) -> None:
        if count:
            self.repairs[rule] += count

    def recognised(self, what: str) -> None:
        if what not in self.shape:
            self.shape.append(what)

    def count(self, *kinds: str) -> int:
        return sum(1 for row in self.rows if row.kind in kinds)

    def lines(self) -> list[str]:
        return [row.format(self.path) for row in sorted(self.rows)]

    def as_json(self) -> dict:
        return {"rows": [[r.line, r.kind, r.rule, r.text] for r in sorted(self.rows)], "repairs": dict(sorted(self.repairs.items())), "shape": self.shape, "short": [list(s) for s in self.short]}

    @classmethod
    def from_json(cls, path: str, data: dict) -> Report:
        return cls(path, [Row(*r) for r in data.get("rows", [])], Counter(data.get("repairs", {})), list(data.get("shape", [])), [tuple(s) for s in data.get("short", [])])
