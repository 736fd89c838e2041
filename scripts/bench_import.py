"""Budget: importing 1,000 articles made from the family fixtures takes at most 30 s, comparing them
for near-duplicates at most 5 s of that, and running `make import` again with nothing changed at most 3 s (wall clock, the real command in a scratch
project). Writes reports/import.json and reports/import.md. Run with `make bench`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import corpus  # scripts/corpus.py
from debtkb import reports

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = int(os.environ.get("BENCH_IMPORT_ARTICLES", "1000"))
FIRST_BUDGET, AGAIN_BUDGET, COPIES_BUDGET = 30.0, 3.0, 5.0


def make_project(root: Path) -> None:
    """A copy of the project's configuration and data, and 1,000 distinct articles (scripts/corpus.py)."""
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copy(ROOT / ".autocorrectrc", root / ".autocorrectrc")
    shutil.copytree(ROOT / "data", root / "data")
    (root / "docs" / "articles").mkdir(parents=True)
    corpus.write(root / "content" / "articles", ARTICLES)


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
        copies = float(first_line.split("copies checked in ")[1].split(" s")[0]) if "copies checked in" in first_line else float("inf")
        copies_ok = copies <= COPIES_BUDGET
        manifest_kb = (root / "content" / "import-manifest.json").stat().st_size / 1024
    result = {
        "articles": ARTICLES, "pages": pages, "first_seconds": first, "again_seconds": again, "one_changed_seconds": one,
        "manifest_kb": manifest_kb, "first_budget": FIRST_BUDGET, "again_budget": AGAIN_BUDGET,
        "copies_seconds": copies, "copies_budget": COPIES_BUDGET,
        "within_budget": first <= FIRST_BUDGET and again <= AGAIN_BUDGET and copies_ok,
    }
    lines = [
        "# Import budget",
        "",
        f"{ARTICLES} articles made from the {len(list(corpus.FAMILY.glob('*.txt')))} family fixtures (scripts/corpus.py), imported with `python -m debtkb.importer` into a scratch project.",
        "",
        "| run | wall time | budget | ok | command's summary |",
        "|---|---|---|---|---|",
        f"| first import | {first:.2f} s | ≤ {FIRST_BUDGET:.0f} s | {reports.verdict(first <= FIRST_BUDGET)} | {first_line} |",
        f"| again, nothing changed | {again:.2f} s | ≤ {AGAIN_BUDGET:.0f} s | {reports.verdict(again <= AGAIN_BUDGET)} | {again_line} |",
        f"| again, one article changed | {one:.2f} s | | | {one_line} |",
        "",
        f"Pages written: {pages}; manifest: {manifest_kb:.0f} KB.",
        f"Near-duplicate check on the first import: {first_line.split('copies checked in ')[-1].split(' s')[0] if 'copies checked in' in first_line else '?'} s for {ARTICLES} articles (budget 5 s): {reports.verdict(copies_ok)}.",
    ]
    reports.write("import", result, lines)
    return 0 if result["within_budget"] else 1


if __name__ == "__main__":
    sys.exit(main())
