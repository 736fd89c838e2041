"""Chinese copywriting with autocorrect (spaces between Chinese and Latin/digits, full-width
punctuation), configured by the committed .autocorrectrc."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from debtkb.lint import Problem

CONFIG = Path(__file__).resolve().parent.parent.parent / ".autocorrectrc"


@lru_cache(maxsize=1)
def _autocorrect():
    import autocorrect_py

    if CONFIG.is_file():
        autocorrect_py.load_config(CONFIG.read_text(encoding="utf-8"))
    return autocorrect_py


def check(path: str, text: str) -> list[Problem]:
    result = _autocorrect().lint_for(text, "md")
    return [Problem(path, line.line, line.col, "autocorrect", f"“{line.old.strip()}” → “{line.new.strip()}” (make fix)") for line in result.lines]


def fix(text: str) -> str:
    return _autocorrect().format_for(text, "md")


def fix_line(text: str) -> str:
    """One line of plain prose (the importer's cleaning uses this)."""
    return _autocorrect().format(text)
