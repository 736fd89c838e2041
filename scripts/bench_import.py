"""Budget: importing 1,000 articles made from the family fixtures takes at most 30 s, and running
`make import` again with nothing changed at most 3 s (wall clock, the real command in a scratch
project). Writes reports/import.json and reports/import.md. Run with `make bench`.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from debtkb import reports

ROOT = Path(__file__).resolve().parent.parent
FAMILY = ROOT / "tests" / "fixtures" / "family"
ARTICLES = int(os.environ.get("BENCH_IMPORT_ARTICLES", "1000"))
FIRST_BUDGET, AGAIN_BUDGET = 30.0, 3.0


def make_project(root: Path) -> None:
    """A copy of the project's configuration and 1,000 distinct articles: fixture k % 16, with a
    numbered title and a closing sentence of its own."""
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copy(ROOT / ".autocorrectrc", root / ".autocorrectrc")
    (root / "docs" / "articles").mkdir(parents=True)
    (root / "content" / "articles").mkdir(parents=True)
    fixtures = sorted(FAMILY.glob("*.txt"))
    for k in range(ARTICLES):
        lines = fixtures[k % len(fixtures)].read_text(encoding="utf-8").splitlines()
        lines[0] = f"{lines[0]}（第 {k} 篇）" if not lines[0].startswith("摘要") else lines[0]
        lines.append(f"本文是第 {k} 篇整理稿，编号 {k * 7 + 3}。")
        (root / "content" / "articles" / f"a{k:04d}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


def run(root: Path) -> tuple[float, str]:
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "debtkb.importer"], cwd=root, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"import failed:\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}")
    return seconds, proc.stdout.strip().splitlines()[-1]


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        make_project(root)
        first, first_line = run(root)
        again, again_line = run(root)
        touched = root / "content" / "articles" / "a0001.txt"
        touched.write_text(touched.read_text(encoding="utf-8") + "补充一句。\n", encoding="utf-8")
        one, one_line = run(root)
        pages = len(list((root / "docs").rglob("*.md")))
        manifest_kb = (root / "content" / "import-manifest.json").stat().st_size / 1024
    result = {
        "articles": ARTICLES, "pages": pages, "first_seconds": first, "again_seconds": again, "one_changed_seconds": one,
        "manifest_kb": manifest_kb, "first_budget": FIRST_BUDGET, "again_budget": AGAIN_BUDGET,
        "within_budget": first <= FIRST_BUDGET and again <= AGAIN_BUDGET,
    }
    lines = [
        "# Import budget",
        "",
        f"{ARTICLES} articles made from the {len(list(FAMILY.glob('*.txt')))} family fixtures, imported with `python -m debtkb.importer` into a scratch project.",
        "",
        "| run | wall time | budget | ok | command's summary |",
        "|---|---|---|---|---|",
        f"| first import | {first:.2f} s | ≤ {FIRST_BUDGET:.0f} s | {reports.verdict(first <= FIRST_BUDGET)} | {first_line} |",
        f"| again, nothing changed | {again:.2f} s | ≤ {AGAIN_BUDGET:.0f} s | {reports.verdict(again <= AGAIN_BUDGET)} | {again_line} |",
        f"| again, one article changed | {one:.2f} s | | | {one_line} |",
        "",
        f"Pages written: {pages}; manifest: {manifest_kb:.0f} KB.",
    ]
    reports.write("import", result, lines)
    return 0 if result["within_budget"] else 1


if __name__ == "__main__":
    sys.exit(main())
