"""The site's own search engine run on a built site, as a browser's worker runs it
(tests/tools/site_search.mjs runs docs/javascripts/search/engine.js in Node on the index files)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.paths import ROOT

HARNESS = ROOT / "tests" / "tools" / "site_search.mjs"


def site_search(search_dir: Path, queries: list[str]) -> dict[str, dict]:
    """{query: {"pages": [page location of each result, best first], "items": …, "suggest": …}}."""
    out = {}
    for start in range(0, len(queries), 400):  # keep the command line short
        proc = subprocess.run(["node", str(HARNESS), str(search_dir), *queries[start : start + 400]], capture_output=True, text=True, check=True)
        out.update(json.loads(proc.stdout))
    return out


def pages(search_dir: Path) -> dict[str, str]:
    """{page location: its indexed text (title, headings, text)} from the index's document files."""
    out = {}
    for path in (search_dir / "d").glob("*.json"):
        doc = json.loads(path.read_text(encoding="utf-8"))
        out[doc["u"]] = doc["t"] + "\n" + "\n".join(f"{h}\n{t}" for _, h, t in doc["s"])
    return out
