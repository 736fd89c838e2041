"""Time spent in each hook event, for the scale benchmark (scripts/bench_scale.py).

Off unless DEBTKB_HOOK_TIMINGS names a file: then each hook module's ``on_*`` functions are
wrapped (``instrument(globals())`` at the end of the hook file) and, when the build process
exits, one JSON line per process is appended to that file: {edition, pid, events: {"glossary.
on_page_content": [seconds, calls], ...}}. When off, ``instrument`` changes nothing.
"""

from __future__ import annotations

import atexit
import functools
import json
import os
import time

ENV = "DEBTKB_HOOK_TIMINGS"
_totals: dict[str, list] = {}  # "hook.on_event" -> [seconds, calls]
_registered: list[str] = []


def instrument(namespace: dict) -> None:
    path = os.environ.get(ENV)
    if not path:
        return
    hook = os.path.splitext(os.path.basename(namespace.get("__file__", "hook")))[0]
    for name, fn in list(namespace.items()):
        if name.startswith("on_") and callable(fn):
            namespace[name] = _timed(f"{hook}.{name}", fn)  # functools.wraps keeps mkdocs_priority
    if not _registered:
        atexit.register(_write, path)
        _registered.append(path)


def _timed(key: str, fn):
    entry = _totals.setdefault(key, [0.0, 0])

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        started = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            entry[0] += time.perf_counter() - started
            entry[1] += 1

    return wrapper


def _write(path: str) -> None:
    from debtkb.editions.settings import CANONICAL, PAGE_DATES_ENV, TRADITIONAL

    edition = TRADITIONAL if os.environ.get(PAGE_DATES_ENV) else CANONICAL
    events = dict(_totals)
    with open(path, "a", encoding="utf-8") as f:
        f.write(json.dumps({"edition": edition, "pid": os.getpid(), "events": events}) + "\n")
