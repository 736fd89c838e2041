"""The pages' "last updated" dates, handed from the Simplified build to the Traditional one.

The two builds run side by side; the Simplified build knows the dates (from git) once it has read
every page, and writes them in one step (a temporary file renamed), so the Traditional build,
which needs them only for its templates, never reads half a file.
"""

from __future__ import annotations

import json
import os
import time

WAIT_SECONDS = 900


def write(path: str, dates: dict) -> None:
    partial = path + ".part"
    with open(partial, "w", encoding="utf-8") as f:
        json.dump(dates, f, ensure_ascii=False)
    os.replace(partial, path)


def wait_for(path: str, timeout: float = WAIT_SECONDS, step: float = 0.05) -> dict:
    """The dates, once the Simplified build has written them."""
    deadline = time.monotonic() + timeout
    while not os.path.exists(path):
        if time.monotonic() > deadline:
            raise TimeoutError(f"{path}: the Simplified build did not write the pages' dates within {timeout:.0f} s")
        time.sleep(step)
    with open(path, encoding="utf-8") as f:
        return json.load(f)
