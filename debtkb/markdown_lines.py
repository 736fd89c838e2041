"""Finding lines in a Markdown page: those outside fenced blocks (code, calculator options), and
the line of a front matter key (for `file:line` messages)."""

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


def front_matter_line(text: str, key: object, default: int) -> int:
    """1-based line of ``key:`` in the page's front matter; ``default`` when it is not there."""
    for number, line in enumerate(text.split("\n"), start=1):
        if number > 1 and line.strip() == "---":
            break
        if re.match(rf"{re.escape(str(key))}\s*:", line):
            return number
    return default
