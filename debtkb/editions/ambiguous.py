"""Find the Traditional edition's next wrong word before a reader does.

A Simplified character with several Traditional forms (发 → 發 or 髮, 干 → 乾, 幹 or 干, 里 → 裡 or
里 …; the list is OpenCC's own, read from its STCharacters dictionary) is converted by whichever
phrase OpenCC matches. For every word of the site holding one (the words as jieba cuts the line),
``occurrences`` gives the word, its Traditional form in the edition (the line converted whole, as
the build converts it) and where it stands. ``data/reviewed-conversions.txt`` records the words
an editor has checked, one ``简体 繁體`` pair per line; a word found neither there nor in the phrase
dictionary (data/conversions.yml), or converted differently from how it was reviewed, is a
warning naming the file and line (``make lint``).
"""

from __future__ import annotations

import logging
import re
import subprocess
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from debtkb.lint import Problem
from debtkb.markdown_lines import outside_fences
from debtkb.problems import LocatedProblems
from debtkb.text import HAN, opencc_files, t2s

REVIEWED = "data/reviewed-conversions.txt"
CONVERTED = ("docs/**/*.md", "data/glossary.yml", "docs/javascripts/repayment/strings.js", "mkdocs.yml")
"""The project's files whose words the Traditional edition shows (pages, glossary, calculator, site name)."""
_PAIR = re.compile(f"^([{HAN}]+)\\s+([{HAN}]+)$")


class ReviewedError(LocatedProblems):
    """Bad data/reviewed-conversions.txt; ``str()`` is ``file:line: message`` lines."""


@lru_cache(maxsize=1)
def forms() -> dict[str, tuple[str, ...]]:
    """{Simplified character: its Traditional forms} for every character OpenCC's STCharacters
    gives several forms (about 280), read with the ``opencc_dict`` tool OpenCC ships."""
    clib = opencc_files()
    tool, source = clib / "bin" / "opencc_dict", clib / "share" / "opencc" / "STCharacters.ocd2"
    if not tool.is_file() or not source.is_file():
        raise RuntimeError(f"OpenCC's dictionary tool or STCharacters.ocd2 is missing under {clib}: reinstall the pinned opencc")
    with tempfile.TemporaryDirectory(prefix="debtkb-stc-") as folder:
        out = Path(folder) / "STCharacters.txt"
        subprocess.run([str(tool), "-i", str(source), "-o", str(out), "-f", "ocd2", "-t", "text"], check=True, capture_output=True)
        table = {}
        for line in out.read_text(encoding="utf-8").splitlines():
            simplified, _, traditional = line.partition("\t")
            candidates = tuple(traditional.split())
            if len(simplified) == 1 and len(candidates) > 1:
                table[simplified] = candidates
    if len(table) < 100:  # a changed file format would otherwise turn the check off silently
        raise RuntimeError(f"read only {len(table)} ambiguous characters from {source}: the format changed")
    return table


def spells(simplified: str, traditional: str) -> bool:
    """True when ``traditional`` is a Traditional spelling of ``simplified``, character by
    character: the same character, one OpenCC reads back as it, or one of its listed forms
    (想象 → 想像: 像 is a form of 象, and a Simplified character too)."""
    back = t2s().convert(traditional)
    return len(simplified) == len(traditional) == len(back) and all(
        s == t or s == b or t in forms().get(s, ()) for s, t, b in zip(simplified, traditional, back)
    )


@dataclass(frozen=True, order=True)
class Occurrence:
    line: int
    col: int
    word: str
    traditional: str


_COMMENT = {".yml": ("#",), ".js": ("//", "/*", "*")}  # lines no edition shows


def _lines(path: str, text: str) -> Iterator[tuple[int, str]]:
    if path.endswith(".md"):
        yield from outside_fences(text)
        return
    comment = _COMMENT.get(Path(path).suffix, ())
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.lstrip().startswith(comment):  # no comment syntax: () matches nothing
            yield number, line


def occurrences(path: str, text: str, convert: Callable[[str], str]) -> Iterator[Occurrence]:
    """Each word of ``text`` holding a character with several Traditional forms, converted in
    its line (so OpenCC's phrases see what the build's conversion sees)."""
    import jieba

    logging.getLogger("jieba").setLevel(logging.WARNING)
    table = forms()
    for number, line in _lines(path, text):
        if not any(ch in table for ch in line):
            continue
        converted = convert(line)
        aligned = len(converted) == len(line)
        col = 0
        for word in jieba.cut(line):
            if any(ch in table for ch in word):
                yield Occurrence(number, col + 1, word, converted[col : col + len(word)] if aligned else convert(word))
            col += len(word)


def parse_reviewed(text: str, path: str = REVIEWED) -> dict[str, str]:
    """{word: Traditional form} from ``简体 繁體`` lines (# starts a comment)."""
    reviewed: dict[str, str] = {}
    seen: dict[str, int] = {}
    problems = []
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        match = _PAIR.match(line)
        if not match:
            problems.append((number, f"expected a Simplified word and its Traditional form, e.g. '发生 發生'; got '{line}'"))
            continue
        word, traditional = match.groups()
        if not spells(word, traditional):
            problems.append((number, f"'{traditional}' is not a Traditional spelling of '{word}'"))
        elif word in seen:
            problems.append((number, f"'{word}' is listed twice (first on line {seen[word]})"))
        else:
            seen[word] = number
            reviewed[word] = traditional
    if problems:
        raise ReviewedError(path, problems)
    return reviewed


def load_reviewed(root: Path) -> dict[str, str]:
    path = root / REVIEWED
    return parse_reviewed(path.read_text(encoding="utf-8")) if path.is_file() else {}


def known_words(reviewed: dict[str, str], phrases: Iterable) -> dict[str, str]:
    """The reviewed words and the phrase dictionary's phrases (their conversion is decided)."""
    return {**{p.simplified: p.traditional for p in phrases}, **reviewed}


def problem(path: str, found: Occurrence, known: dict[str, str]) -> Problem | None:
    """The warning for one occurrence, or None when an editor has checked this conversion."""
    expected = known.get(found.word)
    if expected == found.traditional:
        return None
    chars = "、".join(f"{ch}（{' '.join(forms()[ch])}）" for ch in dict.fromkeys(found.word) if ch in forms())
    if expected is None:
        message = f"'{found.word}' → '{found.traditional}' is not reviewed ({chars}): if right, add '{found.word} {found.traditional}' to {REVIEWED}; if wrong, add a phrase to data/conversions.yml"
    else:
        message = f"'{found.word}' converts to '{found.traditional}' here, but was reviewed as '{expected}': add a phrase to data/conversions.yml"
    return Problem(path, found.line, found.col, "conversions", message)


def files(root: Path) -> list[Path]:
    """The project's files the edition converts (``CONVERTED``), in order."""
    found: set[Path] = set()
    for pattern in CONVERTED:
        found.update(p for p in root.glob(pattern) if p.is_file())
    return sorted(found)


def report_lines(rows: dict[tuple[str, str], list[str]], known: dict[str, str]) -> list[str]:
    """Markdown of the report: each word, its Traditional form, where it stands, whether checked."""
    lines = [
        "# Words the Traditional edition converts with a choice of forms",
        "",
        f"Every word holding a Simplified character with several Traditional forms (OpenCC's list); checked = in {REVIEWED} or data/conversions.yml.",
        "",
        "| word | Traditional | times | where (first) | checked |",
        "|---|---|---|---|---|",
    ]

    def checked(pair: tuple[str, str]) -> bool:
        return known.get(pair[0]) == pair[1]

    for (word, traditional), where in sorted(rows.items(), key=lambda kv: (checked(kv[0]), kv[0])):
        ok = checked((word, traditional))
        lines.append(f"| {word} | {traditional} | {len(where)} | {', '.join(where[:3])} | {'yes' if ok else '**no**'} |")
    return lines
