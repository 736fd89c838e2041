"""Reading the project's YAML data files (data/*.yml) so every problem can name its line.

One loader for all of them: each mapping carries the line it starts on (key ``__line__``), and a
malformed file is reported where the broken construct starts, as ``LocatedProblems``.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from debtkb.problems import LocatedProblems

LINE = "__line__"


class _LineLoader(yaml.SafeLoader):
    """A safe loader that remembers the line of every mapping (as key ``__line__``)."""


def _construct_mapping(loader, node, deep=False):
    mapping = yaml.SafeLoader.construct_mapping(loader, node, deep=deep)
    mapping[LINE] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def parse(text: str, path: str, error: type[LocatedProblems] = LocatedProblems):
    """The data of a YAML text, every mapping with its ``__line__``; ``error`` if malformed."""
    try:
        return yaml.load(text, Loader=_LineLoader)
    except yaml.YAMLError as e:
        # Report where the broken construct starts (an unclosed "[" is noticed only at the end).
        problem, context = getattr(e, "problem_mark", None), getattr(e, "context_mark", None)
        line = (context or problem).line + 1 if (context or problem) else 1
        detail = getattr(e, "problem", None) or str(e)
        if context and problem and problem.line != context.line:
            detail += f" (noticed on line {problem.line + 1}, {e.context} that starts on line {line})"
        raise error(path, [(line, f"malformed YAML: {detail}")]) from None


def read(path: str | Path, shown: str, error: type[LocatedProblems] = LocatedProblems) -> str:
    """A data file's text; ``error`` naming the file (and the line of a bad byte) if unreadable."""
    path = Path(path)
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise error(shown, [(1, "the file does not exist")]) from None
    except UnicodeDecodeError as e:
        line = path.read_bytes()[: e.start].count(b"\n") + 1
        raise error(shown, [(line, "not valid UTF-8: save the file as UTF-8")]) from None
