"""Guards for search, which otherwise fails silently.

The site's search engine (docs/javascripts/search/) runs in the worker Material starts for its
search box, so Material's search plugin must stay enabled (it draws the box and writes the
settings file the box reads, whose separator also drives highlighting on the result page), and
the theme must point the box at our worker (overrides/main.html): with Material's own worker the
box would search an empty index and find nothing, without an error anywhere.
"""

from __future__ import annotations

import re

WORKER = "javascripts/search/worker.js"
_CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.S)


def search_problems(separator: str | None) -> list[str]:
    """What is wrong with the search set-up, as messages that say what to do; empty if nothing."""
    if separator is None:
        return ["the search plugin is not enabled: add `- search` under plugins"]
    try:
        re.compile(separator)
    except re.error as e:
        return [f"plugins.search.separator is not a valid regular expression: {e}"]
    return []


def worker_problem(page_html: str) -> str | None:
    """None if the page's search box uses this site's worker; otherwise what is wrong."""
    import json

    m = _CONFIG.search(page_html)
    if not m:
        return "the page has no Material configuration script (__config): is the theme Material?"
    worker = json.loads(m.group(1)).get("search") or ""
    if not worker.endswith(WORKER):
        return f"the search box uses {worker!r}, not {WORKER}: overrides/main.html must keep its `config` block"
    return None
