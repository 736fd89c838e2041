"""The Traditional edition's words with a choice of forms (debtkb.editions.ambiguous), as lint
warnings: a word no editor has checked, in the file and line where it stands. Warnings do not
fail ``make lint``; ``--record-conversions`` adds the words shown, once checked, to the list."""

from __future__ import annotations

from pathlib import Path

from debtkb.editions import ambiguous, convert, phrases
from debtkb.lint import Problem


def scan(root: Path, paths: list[Path]) -> tuple[list[Problem], dict[tuple[str, str], list[str]], dict[str, str]]:
    """(warnings, {(word, Traditional): [where]}, known words) for the files at ``paths``."""
    convert.use_project(str(root))
    known = ambiguous.known_words(ambiguous.load_reviewed(root), phrases.load(root / phrases.SHOWN))
    warnings: list[Problem] = []
    rows: dict[tuple[str, str], list[str]] = {}
    for path in paths:
        shown = path.resolve().relative_to(root).as_posix() if path.resolve().is_relative_to(root) else path.as_posix()
        for found in ambiguous.occurrences(shown, path.read_text(encoding="utf-8"), convert.text):
            rows.setdefault((found.word, found.traditional), []).append(f"{shown}:{found.line}")
            if (warning := ambiguous.problem(shown, found, known)) is not None:
                warnings.append(warning)
    return warnings, rows, known


def record(root: Path, rows: dict[tuple[str, str], list[str]], known: dict[str, str]) -> int:
    """Add the words no editor has checked to the reviewed list (kept sorted); how many."""
    path = root / ambiguous.REVIEWED
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    new = sorted({word: traditional for (word, traditional) in rows if word not in known}.items())
    if new:
        header = [line for line in text.split("\n") if line.startswith("#") or not line.strip()]
        pairs = sorted({**ambiguous.parse_reviewed(text), **dict(new)}.items())
        body = "\n".join(header).rstrip("\n") + "\n" + "".join(f"{w} {t}\n" for w, t in pairs)
        path.write_text(body, encoding="utf-8")
    return len(new)
