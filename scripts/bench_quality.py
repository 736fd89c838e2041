"""Reader quality, measured beside a plain Material build of the same Markdown, in one run.

For the home page, one section page, the calculator page and the glossary page of each build:
- Lighthouse 12.2.3 (mobile and desktop, median of RUNS): the four category scores, FCP, LCP,
  TBT, CLS and total bytes;
- axe-core violations in real Chromium (Playwright);
- every request the page makes, and the bytes the server sent for it, counted at the server (so
  the search worker and index count too, which Lighthouse undercounts).
Both sites are served with gzip, as a static host would (each file compressed once, then served
from memory, so the server does not compete with the browser for this machine's two cores). The
plain build uses Material with the same Markdown, nav, Markdown extensions and search (jieba),
`font: false` (Google Fonts cannot be reached here), and none of the project's hooks, overrides
or CSS.

Lighthouse's timing scores vary from run to run on a shared VM, so the runs are arranged to keep
that noise fair and visible: the axe/request checks run first and their browser is closed before
any Lighthouse run; one Lighthouse run warms the machine up and is discarded; then the project and
plain runs alternate (run 1 of each, run 2 of each, ...), so a slow minute hurts both builds; the
report gives every run's mobile score beside the median.

Writes reports/quality.json and reports/quality.md. Run with `make bench` (about 15 minutes;
QUALITY_RUNS=1 for a quick look).
"""

from __future__ import annotations

import functools
import gzip
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from debtkb import reports

ROOT = Path(__file__).resolve().parent.parent
RUNS = int(os.environ.get("QUALITY_RUNS", "3"))
PAGES = {"home": "", "section": "yingdui-qiankuan-wenti-de-celue/", "calculator": "calculator/", "glossary": "glossary/"}
if os.environ.get("QUALITY_PAGES"):  # e.g. QUALITY_PAGES=home,glossary for a quicker look
    PAGES = {k: v for k, v in PAGES.items() if k in os.environ["QUALITY_PAGES"].split(",")}
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync"
BUDGET = {"accessibility": 1.0, "best-practices": 1.0, "seo": 1.0, "performance_mobile": 0.95, "performance_desktop": 1.0, "extra_kb": 25}
TEXT_TYPES = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", "/")


class GzipHandler(SimpleHTTPRequestHandler):
    """Static files, gzip-compressed when the client accepts it; counts bytes sent per request."""

    log: list[tuple[str, int]]  # set per server: (path, bytes of body sent)

    def log_message(self, *args):
        pass

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        if not self.path.split("?")[0].endswith(TEXT_TYPES) or "gzip" not in self.headers.get("Accept-Encoding", "") or not os.path.isfile(path):
            return super().send_head()
        body = compressed(path)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self._body = body
        return None

    def do_GET(self):
        self._body = None
        f = self.send_head()
        if self._body is not None:
            self.wfile.write(self._body)
            self.log.append((self.path, len(self._body)))
        elif f:
            data = f.read()
            f.close()
            self.wfile.write(data)
            self.log.append((self.path, len(data)))


@functools.cache
def compressed(path: str) -> bytes:
    return gzip.compress(Path(path).read_bytes(), 6)


def serve(directory: Path, port: int) -> tuple[ThreadingHTTPServer, list]:
    log: list = []
    handler = type("Handler", (GzipHandler,), {"log": log})
    server = ThreadingHTTPServer(("127.0.0.1", port), functools.partial(handler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, log


def build_project(out: Path, port: int) -> None:
    env = {**os.environ, "SITE_URL": f"http://127.0.0.1:{port}/", "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)], cwd=ROOT, env=env, check=True, capture_output=True)


def build_plain(work: Path, out: Path, port: int) -> None:
    """Stock Material on the same Markdown: no hooks, no overrides, no extra CSS."""
    shutil.copytree(ROOT / "docs", work / "docs", ignore=shutil.ignore_patterns("javascripts", "stylesheets"))
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"\nhooks:\n(  - .*\n)+", "\n", config)
    config = re.sub(r"\nextra_css:\n(  - .*\n)+", "\n", config)
    config = re.sub(r"\nextra:\n(?:  .*\n|\n)+?(?=\S)", "\n", config)
    config = re.sub(r"\nwatch:\n(  - .*\n)+", "\n", config)
    config = config.replace("  custom_dir: overrides\n", "").replace("  language: zh-Hans\n", "  language: zh\n").replace("  - glossary.md\n", "")
    config = re.sub(r"site_url: .*", f"site_url: http://127.0.0.1:{port}/", config)
    (work / "mkdocs.yml").write_text(config, encoding="utf-8")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-d", str(out)], cwd=work, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, check=True, capture_output=True)


def lighthouse(url: str, desktop: bool, out: Path) -> dict:
    command = [str(ROOT / "node_modules" / ".bin" / "lighthouse"), url, "--quiet", "--output=json", f"--output-path={out}", f"--chrome-flags={CHROME_FLAGS}"]
    if desktop:
        command.append("--preset=desktop")
    subprocess.run(command, env={**os.environ, "CHROME_PATH": os.environ.get("CHROMIUM", "/usr/bin/chromium")}, check=True, capture_output=True, timeout=180)
    report = json.loads(out.read_text(encoding="utf-8"))
    audits = report["audits"]
    return {
        **{key: report["categories"][key]["score"] for key in ("performance", "accessibility", "best-practices", "seo")},
        "FCP_ms": audits["first-contentful-paint"]["numericValue"],
        "LCP_ms": audits["largest-contentful-paint"]["numericValue"],
        "TBT_ms": audits["total-blocking-time"]["numericValue"],
        "CLS": audits["cumulative-layout-shift"]["numericValue"],
        "total_bytes": audits["total-byte-weight"]["numericValue"],
        # Lighthouse's own measure of how fast this machine was at the start of the run (higher is
        # faster): shows when a slow stretch of this shared VM, not the page, moved the scores.
        "benchmark_index": report["environment"]["benchmarkIndex"],
        "failed_audits": sorted(
            ref["id"]
            for key in ("accessibility", "best-practices", "seo")
            for ref in report["categories"][key]["auditRefs"]
            if audits[ref["id"]].get("score") is not None and audits[ref["id"]]["score"] < 1
        ),
    }


def medians(runs: list[dict]) -> dict:
    out = {}
    for key in runs[0]:
        values = [r[key] for r in runs]
        out[key] = statistics.median(values) if isinstance(values[0], (int, float)) else sorted({v for vs in values for v in vs})
    return out


def browser_checks(browser, origin: str, path: str, log: list) -> dict:
    """axe violations, hosts contacted, and bytes sent by the server for one cold page load."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    urls: list[str] = []
    context.on("request", lambda r: urls.append(r.url))
    start = len(log)
    page.goto(origin + "/" + path, wait_until="networkidle")
    page.wait_for_timeout(500)  # the search worker fetches its index after load
    sent = sum(size for _, size in log[start:])
    page.add_script_tag(path=str(ROOT / "node_modules" / "axe-core" / "axe.min.js"))
    violations = page.evaluate("axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a','wcag2aa','wcag21a','wcag21aa','wcag22aa','best-practice']}}).then(r => r.violations.map(v => v.id))")
    context.close()
    hosts = sorted({re.sub(r"^\w+://([^/]+).*", r"\1", u) for u in urls if not u.startswith(("data:", "blob:"))})
    return {"axe_violations": violations, "hosts": hosts, "requests": len(urls), "bytes_sent": sent}


def main() -> int:
    from playwright.sync_api import sync_playwright

    ports = {"project": 8811, "plain": 8812}
    results: dict = {"runs": RUNS, "pages": PAGES, "budget": BUDGET, "sites": {}}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        build_project(tmp / "project", ports["project"])
        build_plain(tmp / "plain-src", tmp / "plain", ports["plain"])
        servers = {name: serve(tmp / name, port) for name, port in ports.items()}
        pages = {"project": dict(PAGES), "plain": {label: path for label, path in PAGES.items() if label != "glossary"}}
        if "glossary" in PAGES:  # the plain build has no glossary page: its home page is the baseline
            pages["plain"].setdefault("home", "")
        origin = {name: f"http://127.0.0.1:{port}" for name, port in ports.items()}
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"), args=CHROME_FLAGS.replace("--headless=new ", "").split())
                sites = {name: {label: browser_checks(browser, origin[name], path, servers[name][1]) for label, path in pages[name].items()} for name in ports}
                browser.close()
            lighthouse(origin["project"] + "/", False, tmp / "warm-up.json")  # discarded
            for label in PAGES:
                for form in ("mobile", "desktop"):
                    runs: dict[str, list] = {name: [] for name in ports if label in pages[name]}
                    for i in range(RUNS):
                        for name, site_runs in runs.items():
                            site_runs.append(lighthouse(origin[name] + "/" + pages[name][label], form == "desktop", tmp / f"{name}-{label}-{form}-{i}.json"))
                    for name, site_runs in runs.items():
                        sites[name][label][form] = medians(site_runs)
                        sites[name][label][form]["performance_runs"] = [r["performance"] for r in site_runs]
                        sites[name][label][form]["benchmark_index_runs"] = [r["benchmark_index"] for r in site_runs]
                print(f"{label}: done", flush=True)
            results["sites"] = sites
        finally:
            for server, _ in servers.values():
                server.shutdown()

    project, plain = results["sites"]["project"], results["sites"]["plain"]
    checks = {}
    for label, entry in project.items():
        base = plain.get(label) or plain.get("home") or next(iter(plain.values()))  # no plain glossary page: its home page
        extra_kb = (entry["bytes_sent"] - base["bytes_sent"]) / 1024
        entry["extra_kb_vs_plain"] = extra_kb
        checks[label] = {
            "lighthouse_a11y_bp_seo": all(entry[f][k] >= BUDGET[k] for f in ("mobile", "desktop") for k in ("accessibility", "best-practices", "seo")),
            "performance": entry["mobile"]["performance"] >= BUDGET["performance_mobile"] and entry["desktop"]["performance"] >= BUDGET["performance_desktop"],
            "axe": entry["axe_violations"] == [],
            "local_only": entry["hosts"] == [f"127.0.0.1:{ports['project']}"],
            "transfer": extra_kb <= BUDGET["extra_kb"],
        }
    results["checks"] = checks
    results["within_budget"] = all(all(c.values()) for c in checks.values())

    def row(site_name, label, entry):
        m, d = entry["mobile"], entry["desktop"]
        return (
            f"| {site_name} | {label} | {m['performance']:.2f} / {d['performance']:.2f} | {m['accessibility']:.2f} / {d['accessibility']:.2f} | {m['best-practices']:.2f} / {d['best-practices']:.2f} | {m['seo']:.2f} / {d['seo']:.2f} "
            f"| {m['FCP_ms']:.0f} / {d['FCP_ms']:.0f} | {m['LCP_ms']:.0f} / {d['LCP_ms']:.0f} | {m['TBT_ms']:.0f} / {d['TBT_ms']:.0f} | {m['CLS']:.3f} | {m['total_bytes']:,.0f} | {entry['bytes_sent']:,} | {len(entry['axe_violations'])} | {', '.join(entry['hosts'])} |"
        )

    speed_runs = {
        name: [x for entry in entries.values() for form in ("mobile", "desktop") if form in entry for x in entry[form]["benchmark_index_runs"]]
        for name, entries in (("project", project), ("plain", plain))
    }
    lines = [
        "# Reader quality: project vs plain Material (same Markdown)",
        "",
        f"Lighthouse 12.2.3, median of {RUNS} runs, mobile / desktop. Bytes sent = counted at the gzip server for one cold page load, search worker and index included.",
        "",
        "| build | page | perf (median) | a11y | best practices | SEO | FCP ms | LCP ms | TBT ms | CLS (mobile) | LH bytes (mobile) | bytes sent | axe | hosts |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
        *(row("project", label, entry) for label, entry in project.items()),
        *(row("plain", label, entry) for label, entry in plain.items() if "mobile" in entry),
        "",
        "| page | a11y, best practices, SEO = 1.00 | perf ≥ 0.95 mobile, 1.00 desktop | axe 0 | local only | extra vs plain (≤ 25 KB) |",
        "|---|---|---|---|---|---|",
        *(f"| {label} | {'yes' if c['lighthouse_a11y_bp_seo'] else 'NO'} | {'yes' if c['performance'] else 'NO'} | {'yes' if c['axe'] else 'NO'} | {'yes' if c['local_only'] else 'NO'} | {project[label]['extra_kb_vs_plain']:+.1f} KB {'yes' if c['transfer'] else 'NO'} |" for label, c in checks.items()),
        "",
        "Mobile performance, every run (project / plain): " + "; ".join(f"{label}: {' '.join(f'{v:.2f}' for v in e['mobile']['performance_runs'])} / {' '.join(f'{v:.2f}' for v in plain.get(label, {}).get('mobile', {}).get('performance_runs', [])) or '–'}" for label, e in project.items()),
        "",
        "Machine speed during the runs (Lighthouse benchmarkIndex, higher is faster), lowest–highest: "
        + ", ".join(f"{name} {min(speeds)}–{max(speeds)}" for name, speeds in speed_runs.items() if speeds),
        "",
        "Audits below 1 (project, union over runs): " + "; ".join(f"{label}: {', '.join(sorted(set(e['mobile']['failed_audits']) | set(e['desktop']['failed_audits']))) or 'none'}" for label, e in project.items()),
    ]
    reports.write("quality", results, lines)
    return 0 if results["within_budget"] else 1


if __name__ == "__main__":
    sys.exit(main())
