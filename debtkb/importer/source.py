"""Stage 1: bytes → numbered lines. Nothing is repaired here except what the file format itself
gets wrong (a byte-order mark, CR line ends, indentation made of NBSP or U+3000).

UTF-8 is expected. A file that is not UTF-8 but decodes cleanly as GB18030 or Big5 (the encodings
many Chinese sites still serve) is read as such and says so in the report; anything else is
refused with the line and byte that failed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from debtkb.importer.report import ArticleError

_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
# Whitespace a line may be indented or padded with: ASCII, NBSP, ideographic space, thin spaces.
PAD = " \t\u00a0\u3000\u2002\u2003\u2009\u202f\u200b\ufeff"


@dataclass
class Line:
    """One source line: its number in the file (1-based) and its current text."""

    number: int
    text: str


@dataclass(frozen=True)
class Source:
    path: str
    lines: list[Line]
    encoding: str  # "utf-8", "gb18030" or "big5"


def decode(raw: bytes, path: str) -> tuple[str, str]:
    """The file's text and the encoding it was read with."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        # Mainland sites serve GB18030 (GBK); Taiwan and Hong Kong ones Big5. Bytes of the one
        # often decode as the other, into private-use characters: those betray the wrong guess.
        for encoding in ("gb18030", "big5"):
            try:
                text = raw.decode(encoding)
            except UnicodeDecodeError:
                continue
            if not _PRIVATE_USE.search(text):
                return text, encoding
        problems = []
        for number, chunk in enumerate(raw.split(b"\n"), start=1):
            try:
                chunk.decode("utf-8")
            except UnicodeDecodeError as e:
                problems.append((number, f"not valid UTF-8 (byte 0x{chunk[e.start]:02x} at byte {e.start + 1} of the line): save the file as UTF-8"))
        raise ArticleError(path, problems or [(1, f"not valid UTF-8 ({utf8_error.reason})")]) from None


def read(path: str | Path, raw: bytes | None = None) -> Source:
    """Read a source file as numbered lines, each stripped of padding. Empty files are refused."""
    path = str(path)
    raw = Path(path).read_bytes() if raw is None else raw
    text, encoding = decode(raw, path)
    if not text.strip(PAD + "\r\n"):
        raise ArticleError(path, [(1, "the file is empty: an article needs at least a title or a paragraph")])
    lines = [Line(number, part.rstrip("\r").strip(PAD)) for number, part in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1)]
    return Source(path, lines, encoding)
