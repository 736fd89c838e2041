"""A standard-library HTML parser that knows where each token starts in the source string, so
callers can splice changes into the original HTML and leave every other byte as it was (the
glossary linker and the Traditional conversion both work this way)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})


class OffsetParser(HTMLParser):
    def __init__(self, source: str):
        super().__init__(convert_charrefs=False)  # entities arrive apart from text and stay as written
        self.line_starts = [0, *(m.end() for m in re.finditer("\n", source))]

    def position(self) -> int:
        """Position in the source of the token being handled (not `offset`: HTMLParser uses that name)."""
        line, col = self.getpos()
        return self.line_starts[line - 1] + col
