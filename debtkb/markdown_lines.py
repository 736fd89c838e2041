"""Lines of a Markdown page that are not inside fenced blocks (code, calculator options)."""

from __future__ import annotations

import re
from collections.abc import Iterator

_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")


def outside_fences(text: str) -> Iterator[tuple[int, str]]:
    """(line number, line) for every line outside ``` / ~~~ fences, fence lines excluded."""
    fence = None
    for number, line in enumerate(text.split("\n"), start=1):
        marker = _FENCE.match(line)
        if fence:
            if marker and marker.group(1).startswith(fence):
                fence = None
            continue
        if marker:
            fence = marker.group(1)
            continue
        yield number, line
