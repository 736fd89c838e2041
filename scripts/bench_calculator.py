"""Calculator budgets, measured (not asserted in tests): weight, compute time, re-render time.

Writes reports/calculator.json and reports/calculator.md. Run with `make bench`.
Budgets (issue #3): widget JS + CSS ≤ 15 KB gzipped; a 600-month schedule ≤ 1 ms median in
Node; re-rendering after an input change ≤ 16 ms in Chromium.
"""

from __future__ import annotations

import functools
import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from debtkb import reports

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "docs" / "javascripts" / "repayment"
BUDGET = {"gzip_bytes": 15 * 1024, "schedule_600_ms": 1.0, "rerender_ms": 16.0}

NODE_BENCH = """
import { schedule } from "%s";
const times = [];
for (let i = 0; i < 3000; i++) {
  const t = performance.now();
  schedule({ principal: 60000 + (i %% 7), annualRate: 0.18, months: 600, method: ["equal-installment", "equal-principal"][i %% 2] });
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
console.log(JSON.stringify({ median: times[times.length >> 1], p95: times[Math.floor(times.length * 0.95)] }));
"""


def weight(built: Path) -> dict:
    """gzip -9 size of what readers download (the build minifies the sources)."""
    files = {}
    for path in sorted(built.iterdir()):
        raw = path.read_bytes()
        files[path.name] = {"bytes": len(raw), "gzip": len(gzip.compress(raw, 9))}
    return {"files": files, "gzip_total": sum(f["gzip"] for f in files.values())}


def node_time() -> dict:
    out = subprocess.run(["node", "--input-type=module", "-e", NODE_BENCH % (ASSETS / "core.js").as_uri()], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def rerender_time(site: Path) -> dict:
    from playwright.sync_api import sync_playwright

    server = ThreadingHTTPServer(("127.0.0.1", 8766), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"), args=["--no-sandbox", "--disable-gpu", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"])
            page = browser.new_page()
            page.goto("http://127.0.0.1:8766/calculator/?months=600", wait_until="networkidle")
            if os.environ.get("OPEN_TABLE", "1") == "1":
                page.locator("#kb-calc-1 .kb-calc__schedule summary").click()  # worst case: 600-row table shown
            times = page.evaluate(
                """() => {
                  const input = document.getElementById("kb-calc-1-principal");
                  const times = [];
                  for (let i = 0; i < 60; i++) {
                    input.value = String(50000 + i * 137);
                    const t = performance.now();
                    input.dispatchEvent(new Event("input", { bubbles: true }));  // update() runs synchronously
                    document.body.offsetHeight;  // include style and layout
                    times.push(performance.now() - t);
                  }
                  return times;
                }"""
            )
            # The 600-row table is refreshed after the summary is painted; time that too.
            table = page.evaluate(
                """async () => {
                  const input = document.getElementById("kb-calc-1-principal");
                  const body = () => document.querySelector("#kb-calc-1 .kb-calc__table tbody");
                  const times = [];
                  for (let i = 0; i < 15; i++) {
                    const before = body();
                    input.value = String(40000 + i * 113);
                    const t = performance.now();
                    input.dispatchEvent(new Event("input", { bubbles: true }));
                    while (body() === before) await new Promise((r) => setTimeout(r, 0));
                    document.body.offsetHeight;
                    times.push(performance.now() - t);
                  }
                  return times;
                }"""
            )
            rows = page.locator("#kb-calc-1 .kb-calc__table tbody tr").count()
            browser.close()
    finally:
        server.shutdown()
    return {"median": statistics.median(times), "max": max(times), "samples": len(times), "schedule_rows": rows, "table_refresh_median": statistics.median(table), "table_refresh_max": max(table)}


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        env = {**os.environ, "SITE_URL": "http://127.0.0.1:8766/", "NO_MKDOCS_2_WARNING": "1"}
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)], cwd=ROOT, env=env, check=True, capture_output=True)
        result = {"weight": weight(site / "javascripts" / "repayment"), "schedule_600": node_time(), "rerender": rerender_time(site), "budget": BUDGET}
    checks = {
        "gzip_bytes": result["weight"]["gzip_total"] <= BUDGET["gzip_bytes"],
        "schedule_600_ms": result["schedule_600"]["median"] <= BUDGET["schedule_600_ms"],
        "rerender_ms": result["rerender"]["median"] <= BUDGET["rerender_ms"],
    }
    result["within_budget"] = checks
    lines = [
        "# Calculator budgets",
        "",
        "| measure | value | budget | ok |",
        "|---|---|---|---|",
        f"| widget JS + CSS as served (minified), gzip -9 | {result['weight']['gzip_total']:,} B | ≤ {BUDGET['gzip_bytes']:,} B | {'yes' if checks['gzip_bytes'] else 'NO'} |",
        f"| 600-month schedule, Node median (p95) | {result['schedule_600']['median']:.3f} ms ({result['schedule_600']['p95']:.3f} ms) | ≤ {BUDGET['schedule_600_ms']} ms | {'yes' if checks['schedule_600_ms'] else 'NO'} |",
        f"| re-render after an input change (summary, comparison, chart), Chromium median (max) | {result['rerender']['median']:.2f} ms ({result['rerender']['max']:.2f} ms) | ≤ {BUDGET['rerender_ms']} ms | {'yes' if checks['rerender_ms'] else 'NO'} |",
        f"| then the open {result['rerender']['schedule_rows']}-row schedule table, refreshed after paint: median (max) | {result['rerender']['table_refresh_median']:.2f} ms ({result['rerender']['table_refresh_max']:.2f} ms) | (not on the input path) | |",
        "",
        "| file | bytes | gzip |",
        "|---|---|---|",
        *(f"| {name} | {f['bytes']:,} | {f['gzip']:,} |" for name, f in result["weight"]["files"].items()),
    ]
    reports.write("calculator", result, lines)
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
