"""Build performance at scale: the real project with N imported articles, with and without hooks.

For N = 100 and 1,000 (BENCH_SCALE_SIZES=100,1000) it copies the project (its guide, glossary,
seed article and configuration), writes N articles made from the family fixtures
(scripts/corpus.py), imports them with `python -m debtkb.importer` (so they carry topic tags, and
those that name an amount get a calculator), and measures in one run:
- build time and peak memory (whole process tree) of the same site built
  (a) without hooks (same pages, theme, Markdown extensions, and Material's own search, which
      segments every page with jieba and writes one index; with the hooks the site's own sharded
      index replaces it, so its cost is in (b)),
  (b) with the hooks, Simplified edition only (DEBTKB_SIMPLIFIED_ONLY),
  (c) with the hooks, both editions (the real `mkdocs build`);
- time spent in each hook event per page (DEBTKB_HOOK_TIMINGS, debtkb/timing.py);
- `mkdocs serve --dirtyreload` at the largest N: seconds from saving an edited article to the
  rebuilt Simplified pages (what the browser reloads), median of 3 edits.
Budgets (issue #17): hooks add ≤ 10 % at N = 1000 (b vs a); both editions ≤ 2.2 × one (c vs b);
time per page at 1000 within 1.2× of N = 100 (b); peak memory < 1.5 GB; serve rebuild < 3 s.

Without hooks the site has no glossary page and no article lists, so that build reports links to
them at INFO; the git date plugin is disabled in every build (the scratch copy is not in git).
Writes reports/scale.json and reports/scale.md. Run with `make bench-scale`.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import corpus  # scripts/corpus.py
from debtkb import reports
from debtkb.editions.settings import SIMPLIFIED_ONLY_ENV
from debtkb.timing import ENV as TIMINGS_ENV

ROOT = Path(__file__).resolve().parent.parent
SIZES = [int(n) for n in os.environ.get("BENCH_SCALE_SIZES", "100,1000").split(",")]
SERVE_SIZE = int(os.environ.get("BENCH_SCALE_SERVE", str(max(SIZES))))
BUDGET = {"hooks_overhead": 0.10, "editions_ratio": 2.2, "per_page_growth": 1.2, "peak_mb": 1536, "serve_rebuild_s": 3.0}


def make_site(root: Path, n: int) -> Path:
    """The project with n imported articles; returns the article page the serve test edits."""
    for name in ("hooks", "overrides", "data", "docs", "content"):
        shutil.copytree(ROOT / name, root / name)
    for name in ("mkdocs.yml", "mkdocs.zh-Hant.yml", ".autocorrectrc"):
        shutil.copy(ROOT / name, root / name)
    corpus.write(root / "content" / "articles", n)
    proc = subprocess.run([sys.executable, "-m", "debtkb.importer"], cwd=root, capture_output=True, text=True)
    if proc.returncode:
        raise SystemExit(f"import failed:\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}")
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("  - git-revision-date-localized:\n", "  - git-revision-date-localized:\n      enabled: false\n")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    plain = re.sub(r"\nhooks:\n(  - .*\n)+", "\n", config).replace("\nvalidation:\n", "\nvalidation:\n  not_found: info\n")
    (root / "mkdocs.no-hooks.yml").write_text(plain, encoding="utf-8")
    return sorted((root / "docs" / "articles").glob("*.md"))[1]


def tree_rss_kb(pid: int) -> int:
    """Resident memory of a process and all its descendants (Linux /proc)."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            status = Path(f"/proc/{p}/status").read_text()
            total += int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) if "VmRSS" in status else 0
            for task in Path(f"/proc/{p}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (FileNotFoundError, ProcessLookupError, AttributeError):
            continue
    return total


def build(root: Path, config: str, out: Path, env: dict) -> dict:
    """One strict build: wall seconds and peak memory of the whole process tree."""
    shutil.rmtree(out, ignore_errors=True)
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config, "-d", str(out)], cwd=root, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    peak = [0]

    def watch():
        while proc.poll() is None:
            peak[0] = max(peak[0], tree_rss_kb(proc.pid))
            time.sleep(0.05)

    watcher = threading.Thread(target=watch)
    watcher.start()
    output = proc.communicate()[0]
    watcher.join()
    if proc.returncode:
        raise SystemExit(f"build failed ({config}):\n{output[-3000:]}")
    return {"seconds": time.perf_counter() - started, "peak_mb": peak[0] / 1024}


def hook_timings(path: Path, pages: int) -> dict:
    """{edition: {event: ms per page}} from the DEBTKB_HOOK_TIMINGS file."""
    out: dict = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        out[record["edition"]] = {k: round(v[0] * 1000 / pages, 3) for k, v in sorted(record["events"].items(), key=lambda kv: -kv[1][0]) if v[0] > 0}
    return out


def serve_rebuilds(root: Path, target: Path, edits: int = 3) -> list[float]:
    """Seconds from saving a page to "Documentation built" under `mkdocs serve --dirtyreload`."""
    port = 8850
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dirtyreload", "-a", f"127.0.0.1:{port}"],
        cwd=root, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True,
    )
    built = []
    lines: list[str] = []

    def read():
        for line in proc.stdout:
            lines.append(line)
            if "Documentation built in" in line:
                built.append(time.perf_counter())

    threading.Thread(target=read, daemon=True).start()
    try:
        deadline = time.time() + 600
        while not built and time.time() < deadline:
            time.sleep(0.1)
        time.sleep(8)  # let the first background Traditional build finish
        seconds = []
        for i in range(edits):
            count = len(built)
            saved = time.perf_counter()
            with target.open("a", encoding="utf-8") as f:
                f.write(f"\n补充说明第 {i + 1} 条：逾期之前先和贷款机构协商还款。\n")  # an editor's addition
            while len(built) == count and time.perf_counter() - saved < 120:
                time.sleep(0.02)
            seconds.append(built[-1] - saved if len(built) > count else float("inf"))
            time.sleep(6)
        return seconds
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait()


def main() -> int:
    result: dict = {"sizes": {}, "budget": BUDGET}
    with tempfile.TemporaryDirectory() as tmp:
        for n in SIZES:
            root = Path(tmp) / f"n{n}"
            edited = make_site(root, n)
            timings = root / "timings.jsonl"
            build(root, "mkdocs.no-hooks.yml", root / "out-warm", {})  # warm caches (jieba, OpenCC, .pyc)
            plain = build(root, "mkdocs.no-hooks.yml", root / "out-plain", {})
            hooks = build(root, "mkdocs.yml", root / "out-hooks", {SIMPLIFIED_ONLY_ENV: "1", TIMINGS_ENV: str(timings)})
            both = build(root, "mkdocs.yml", root / "out-both", {})
            pages = sum(1 for _ in (root / "out-hooks").rglob("index.html"))
            result["sizes"][n] = {
                "pages": pages,
                "without_hooks": plain,
                "with_hooks": hooks,
                "both_editions": both,
                "hooks_overhead": hooks["seconds"] / plain["seconds"] - 1,
                "ms_per_page": hooks["seconds"] * 1000 / pages,
                "editions_ratio": both["seconds"] / hooks["seconds"],
                "hook_ms_per_page": hook_timings(timings, pages),
            }
            print(n, json.dumps(result["sizes"][n], ensure_ascii=False)[:400], flush=True)
            if n == SERVE_SIZE:
                result["serve_rebuild_seconds"] = serve_rebuilds(root, edited)
            shutil.rmtree(root)
    sizes = result["sizes"]
    big, small = max(sizes), min(sizes)
    checks = {
        "hooks_overhead": sizes[big]["hooks_overhead"] <= BUDGET["hooks_overhead"],
        "editions_ratio": sizes[big]["editions_ratio"] <= BUDGET["editions_ratio"],
        "per_page_growth": sizes[big]["ms_per_page"] / sizes[small]["ms_per_page"] <= BUDGET["per_page_growth"],
        "peak_mb": all(s[k]["peak_mb"] < BUDGET["peak_mb"] for s in sizes.values() for k in ("without_hooks", "with_hooks", "both_editions")),
    }
    if "serve_rebuild_seconds" in result:
        checks["serve_rebuild_s"] = statistics.median(result["serve_rebuild_seconds"]) < BUDGET["serve_rebuild_s"]
    result["checks"] = checks
    lines = [
        "# Build performance at scale",
        "",
        "The project with N imported articles made from the family fixtures (scripts/corpus.py), strict builds, this machine. Pages: every built page (guide, lists, articles).",
        "",
        "| pages | without hooks | with hooks (Simplified) | hooks add | ms / page | of which in hooks | both editions | both ÷ one | peak memory (no hooks / hooks / both) |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for n, s in sizes.items():
        in_hooks = sum(s["hook_ms_per_page"].get("zh-Hans", {}).values())
        lines.append(
            f"| {s['pages']} | {s['without_hooks']['seconds']:.1f} s | {s['with_hooks']['seconds']:.1f} s | {s['hooks_overhead'] * 100:+.1f} % | {s['ms_per_page']:.1f} | {in_hooks:.1f} | "
            f"{s['both_editions']['seconds']:.1f} s | {s['editions_ratio']:.2f} × | {s['without_hooks']['peak_mb']:.0f} / {s['with_hooks']['peak_mb']:.0f} / {s['both_editions']['peak_mb']:.0f} MB |"
        )
    lines += ["", f"Hook time per page at N = {big} (ms, Simplified build; Traditional in the both-editions build is not timed here):", "", "| event | ms / page |", "|---|---|"]
    for event, ms in sizes[big]["hook_ms_per_page"].get("zh-Hans", {}).items():
        lines.append(f"| {event} | {ms:.3f} |")
    lines += ["", "| budget | measured | ok |", "|---|---|---|"]
    lines.append(f"| hooks add ≤ {BUDGET['hooks_overhead'] * 100:.0f} % at N = {big} | {sizes[big]['hooks_overhead'] * 100:+.1f} % | {reports.verdict(checks['hooks_overhead'])} |")
    lines.append(f"| both editions ≤ {BUDGET['editions_ratio']} × one at N = {big} | {sizes[big]['editions_ratio']:.2f} × | {reports.verdict(checks['editions_ratio'])} |")
    lines.append(f"| ms/page at {big} ≤ {BUDGET['per_page_growth']} × ms/page at {small} | {sizes[big]['ms_per_page'] / sizes[small]['ms_per_page']:.2f} × | {reports.verdict(checks['per_page_growth'])} |")
    peak = max(s[k]["peak_mb"] for s in sizes.values() for k in ("without_hooks", "with_hooks", "both_editions"))
    lines.append(f"| peak memory < {BUDGET['peak_mb']} MB | {peak:.0f} MB | {reports.verdict(checks['peak_mb'])} |")
    if "serve_rebuild_seconds" in result:
        r = result["serve_rebuild_seconds"]
        lines.append(f"| serve --dirtyreload rebuild < {BUDGET['serve_rebuild_s']} s at N = {SERVE_SIZE} | {statistics.median(r):.2f} s (median of {len(r)}: {', '.join(f'{x:.2f}' for x in r)}) | {reports.verdict(checks['serve_rebuild_s'])} |")
    reports.write("scale", result, lines)
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
