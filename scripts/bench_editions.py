"""Budget: building both editions costs at most 2.2 × building one (median of 3 builds each).

"One" is the same site, same hooks and theme, without hooks/edition.py (so no Traditional
edition is built). Writes reports/editions.json and reports/editions.md. Run with `make bench`.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from debtkb import reports

ROOT = Path(__file__).resolve().parent.parent
BUDGET = 2.2
RUNS = 3


def build(config: Path, site: Path) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site)], cwd=ROOT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> int:
    single = ROOT / "mkdocs.bench-one-edition.yml"
    single.write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("  - hooks/edition.py\n", ""), encoding="utf-8")
    try:
        with tempfile.TemporaryDirectory() as tmp:
            build(ROOT / "mkdocs.yml", Path(tmp) / "warm")  # warm caches (jieba, OpenCC, Python files)
            # Alternating, so a slow stretch of this shared VM slows both kinds of build alike.
            both, one = [], []
            for i in range(RUNS):
                both.append(build(ROOT / "mkdocs.yml", Path(tmp) / f"both{i}"))
                one.append(build(single, Path(tmp) / f"one{i}"))
    finally:
        single.unlink()
    ratio = statistics.median(both) / statistics.median(one)
    result = {"both_seconds": both, "one_seconds": one, "ratio": ratio, "budget": BUDGET, "within_budget": ratio <= BUDGET}
    lines = [
        "# Editions build budget",
        "",
        "| measure | value | budget | ok |",
        "|---|---|---|---|",
        f"| build both editions, median of {RUNS} | {statistics.median(both):.2f} s | | |",
        f"| build the Simplified edition only, median of {RUNS} | {statistics.median(one):.2f} s | | |",
        f"| ratio | {ratio:.2f} × | ≤ {BUDGET} × | {'yes' if result['within_budget'] else 'NO'} |",
        "",
        "Every build (s), in the order run: both " + " ".join(f"{t:.2f}" for t in both) + "; one " + " ".join(f"{t:.2f}" for t in one),
    ]
    reports.write("editions", result, lines)
    return 0 if result["within_budget"] else 1


if __name__ == "__main__":
    sys.exit(main())
