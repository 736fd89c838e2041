"""Benchmark reports: one JSON (for tools) and one Markdown table (for people) per benchmark,
under reports/ (not committed)."""

from __future__ import annotations

import json
from pathlib import Path

REPORTS = Path(__file__).resolve().parent.parent / "reports"


def write(name: str, result: dict, lines: list[str]) -> None:
    REPORTS.mkdir(exist_ok=True)
    (REPORTS / f"{name}.json").write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    write_markdown(name, lines)
    print("\n".join(lines))


def verdict(ok: bool) -> str:
    return "yes" if ok else "NO"


def write_markdown(name: str, lines: list[str], folder: Path = REPORTS) -> Path:
    """A report for people only (<folder>/<name>.md), not printed: make lint's word list."""
    folder.mkdir(exist_ok=True)
    path = folder / f"{name}.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
