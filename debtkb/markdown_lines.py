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


def front_matter(text: str) -> dict:
    """A page's front matter as a dict ({} when there is none or it is not valid YAML); libyaml
    when PyYAML has it, since a build reads a thousand of them."""
    import yaml

    if not text.startswith("---\n"):
        return {}
    end = text.find("\n---\n", 4)
    if end < 0 and text.endswith("\n---"):
        end = len(text) - 4
    try:
        meta = yaml.load(text[4:end], Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) if end > 0 else {}
    except yaml.YAMLError:
        return {}
    return meta if isinstance(meta, dict) else {}


def front_matter_text(meta: dict) -> str:
    """Front matter as the importer and the generated pages write it: keys in order, one line each."""
    import yaml

    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000) + "---\n"


def front_matter_line(text: str, key: object, default: int) -> int:
    """1-based line of ``key:`` in the page's front matter; ``default`` when it is not there."""
    for number, line in enumerate(text.split("\n"), start=1):
        if number > 1 and line.strip() == "---":
            break
        if re.match(rf"{re.escape(str(key))}\s*:", line):
            return number
    return default
