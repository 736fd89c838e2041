"""Build performance at scale: a synthetic site of N pages, with and without the project's hooks.

For N = 100, 500, 2000 (BENCH_SCALE_SIZES=100,500 for a quicker look) it generates pages of
Chinese text made from the article's own sentences (so glossary terms occur as they do on real
pages), one page in ten with a repayment calculator, in sections of 10 folders of 20 pages (the
site's navigation.prune keeps each page's nav to what is visible from it), and measures in one run:
- build time and peak memory (whole process tree) of the same site built
  (a) without hooks (same pages, theme, Markdown extensions and search with jieba),
  (b) with the hooks, Simplified edition only (DEBTKB_SIMPLIFIED_ONLY),
  (c) with the hooks, both editions (the real `mkdocs build`);
- time spent in each hook event per page (DEBTKB_HOOK_TIMINGS, debtkb/timing.py);
- `mkdocs serve --dirtyreload` at N = 500: seconds from saving an edited page to the rebuilt
  Simplified pages (what the browser reloads), median of 3 edits.
Budgets (issue #8): hooks add ≤ 10 % at N = 2000 (b vs a); time per page at 2000 within 1.2× of
N = 100 (b); peak memory < 1.5 GB; serve rebuild < 3 s at N = 500.

The synthetic config is mkdocs.yml with `nav:` removed (MkDocs lists the folders) and the git
date plugin disabled (the pages are not in git; it is a third-party plugin, not a hook).
Writes reports/scale.json and reports/scale.md. Run with `make bench-scale` (about 10 minutes).
"""

from __future__ import annotations

import json
import os
import random
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

from debtkb import reports
from debtkb.editions.settings import SIMPLIFIED_ONLY_ENV
from debtkb.timing import ENV as TIMINGS_ENV

ROOT = Path(__file__).resolve().parent.parent
SIZES = [int(n) for n in os.environ.get("BENCH_SCALE_SIZES", "100,500,2000").split(",")]
SERVE_SIZE = int(os.environ.get("BENCH_SCALE_SERVE", "500"))
BUDGET = {"hooks_overhead": 0.10, "per_page_growth": 1.2, "peak_mb": 1536, "serve_rebuild_s": 3.0}
PER_FOLDER = 20
CALCULATOR = """```repayment-calculator
principal: {principal}
annual_rate: {rate}%
months: {months}
method: equal-installment
```
"""


def sentences() -> list[str]:
    """The article's sentences, from the imported pages (front matter, headings, blocks dropped)."""
    found = []
    for path in sorted((ROOT / "docs").glob("*.md")):
        text = re.sub(r"^---\n.*?\n---\n", "", path.read_text(encoding="utf-8"), flags=re.S)
        text = re.sub(r"```.*?```", "", text, flags=re.S)
        for line in text.splitlines():
            if line and not line.startswith(("#", "!", "|", "<", "-", "*", " ", ">", ":", "[")):
                found += [part for part in re.split(r"(?<=。)", line) if len(part) > 8]
    return found


TOPICS = ["逾期", "征信", "协商", "催收", "利率"]


def page(i: int, rng: random.Random, pool: list[str]) -> str:
    title = f"第 {i + 1} 篇：" + rng.choice(pool)[:12].rstrip("，。、")
    tags = [f"  - {t}" for t in rng.sample(TOPICS, 2)]
    lines = ["---", f"title: {json.dumps(title, ensure_ascii=False)}", f"description: {json.dumps(rng.choice(pool)[:60], ensure_ascii=False)}", "tags:", *tags, "---", "", f"# {title}", ""]
    for s in range(3):
        lines += [f"## 第 {s + 1} 部分", ""]
        for _ in range(rng.randint(3, 5)):
            lines += ["".join(rng.sample(pool, rng.randint(2, 4))), ""]
        if s == 1 and i % 10 == 0:
            lines += [CALCULATOR.format(principal=rng.choice([30000, 60000, 100000]), rate=rng.choice([7.2, 18, 24]), months=rng.choice([12, 24, 36])), ""]
    return "\n".join(lines)


def make_site(root: Path, n: int) -> None:
    for name in ("hooks", "overrides", "data"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copytree(ROOT / "docs", root / "docs", ignore=lambda d, names: [x for x in names if x.endswith(".md")])
    (root / "docs" / "index.md").write_text("---\ntitle: 首页\ndescription: 合成的测试站点\ntags:\n  - 协商\n---\n\n# 首页\n\n" + "这是用来测量构建速度的合成站点。\n", encoding="utf-8")
    rng, pool = random.Random(8), sentences()
    for i in range(n):  # sections of 10 folders of 20 pages, as a grown site would be organised
        folder = root / "docs" / f"part-{i // (PER_FOLDER * 10) + 1:02d}" / f"group-{i // PER_FOLDER + 1:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"page-{i + 1:04d}.md").write_text(page(i, rng, pool), encoding="utf-8")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"\nnav:\n(?:  .*\n|\n)+", "\n", config)
    config = config.replace("  - git-revision-date-localized:\n", "  - git-revision-date-localized:\n      enabled: false\n")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    (root / "mkdocs.no-hooks.yml").write_text(re.sub(r"\nhooks:\n(  - .*\n)+", "\n", config), encoding="utf-8")
    shutil.copy(ROOT / "mkdocs.zh-Hant.yml", root / "mkdocs.zh-Hant.yml")


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


def serve_rebuilds(root: Path, edits: int = 3) -> list[float]:
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
        target = root / "docs" / "part-01" / "group-001" / "page-0002.md"
        seconds = []
        for i in range(edits):
            count = len(built)
            saved = time.perf_counter()
            with target.open("a", encoding="utf-8") as f:
                f.write(f"\n补充说明第 {i + 1} 条：逾期之前先和贷款机构协商还款。\n")
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
            make_site(root, n)
            pages = n + 1
            timings = root / "timings.jsonl"
            build(root, "mkdocs.no-hooks.yml", root / "out-warm", {})  # warm caches (jieba, OpenCC, .pyc)
            plain = build(root, "mkdocs.no-hooks.yml", root / "out-plain", {})
            hooks = build(root, "mkdocs.yml", root / "out-hooks", {SIMPLIFIED_ONLY_ENV: "1", TIMINGS_ENV: str(timings)})
            both = build(root, "mkdocs.yml", root / "out-both", {})
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
                result["serve_rebuild_seconds"] = serve_rebuilds(root)
            shutil.rmtree(root)
    sizes = result["sizes"]
    big, small = max(sizes), min(sizes)
    checks = {
        "hooks_overhead": sizes[big]["hooks_overhead"] <= BUDGET["hooks_overhead"],
        "per_page_growth": sizes[big]["ms_per_page"] / sizes[small]["ms_per_page"] <= BUDGET["per_page_growth"],
        "peak_mb": all(s[k]["peak_mb"] < BUDGET["peak_mb"] for s in sizes.values() for k in ("without_hooks", "with_hooks", "both_editions")),
    }
    if "serve_rebuild_seconds" in result:
        checks["serve_rebuild_s"] = statistics.median(result["serve_rebuild_seconds"]) < BUDGET["serve_rebuild_s"]
    result["checks"] = checks
    lines = [
        "# Build performance at scale",
        "",
        "Synthetic pages from the article's sentences (1 in 10 with a calculator), strict builds, this machine.",
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
