"""One error type for bad input in a file: every problem found, each with its line.

Stages collect ``(line, message)`` pairs and raise once, so a contributor fixes a whole round of
problems at a time; ``str()`` gives ``path:line: message`` lines an editor can jump to.
"""

from __future__ import annotations

from pathlib import Path


class LocatedProblems(Exception):
    def __init__(self, path: str | Path, problems: list[tuple[int, str]]):
        self.path = str(path)
        self.problems = sorted(problems)
        super().__init__("\n".join(f"{self.path}:{line}: {message}" for line, message in self.problems))
