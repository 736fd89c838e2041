"""Articles for the benchmarks, made from the family fixtures (tests/fixtures/family/).

Article k keeps the shape of fixture k % 21 — its title, header and footer furniture, headings,
labels, lists and damage — but its paragraphs are drawn from all fixtures' paragraphs, so that no
two articles are near-copies of each other (the importer would set copies aside), and its title
carries its number.
"""

from __future__ import annotations

import random
from pathlib import Path

FAMILY = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "family"
PARAGRAPH = 40  # a line this long is a paragraph
TEXT = 20  # a line this long (a list item, a table row) is replaced by a paragraph from the pool


def articles(count: int, seed: int = 17) -> list[str]:
    fixtures = [p.read_text(encoding="utf-8").splitlines() for p in sorted(FAMILY.glob("*.txt"))]
    pool = [line for lines in fixtures for line in lines if len(line) > PARAGRAPH]
    rng = random.Random(seed)
    out = []
    for k in range(count):
        lines = list(fixtures[k % len(fixtures)])
        first = next(i for i, line in enumerate(lines) if line.strip())
        lines = [rng.choice(pool) if len(line) > TEXT and i != first else line for i, line in enumerate(lines)]
        if len(lines[first]) <= PARAGRAPH and not lines[first].startswith(("摘要", "当前", "扫一扫")):
            lines[first] = f"{lines[first]}（第 {k + 1} 篇）"
        lines.append(f"本文是第 {k + 1} 篇整理稿，编号 {k * 7 + 3}。")
        out.append("\n".join(lines) + "\n")
    return out


def write(folder: Path, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for k, text in enumerate(articles(count)):
        (folder / f"a{k:04d}.txt").write_text(text, encoding="utf-8")
