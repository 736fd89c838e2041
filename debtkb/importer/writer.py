"""Write imported pages safely: never clobber a contributor's edit, never leave half an import.

The importer records the SHA-256 of every page it writes in a manifest. On the next import a page
may be replaced only if it still has the recorded hash (nobody edited it) or ``force`` is given.
Hashes, not modification times: a git checkout resets mtimes, a hash survives it.

All checks run before the first write; files are then written to temporary siblings and renamed
into place, so an error leaves the tree as it was.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

NAV_BEGIN = "# importer:begin {key}"
NAV_END = "# importer:end {key}"


class ImportRefused(Exception):
    """Writing would lose work or the target is not prepared; the message names each file."""


@dataclass(frozen=True)
class Planned:
    path: Path
    text: str


@dataclass(frozen=True)
class Outcome:
    path: Path
    status: str  # see plan_outcomes


WRITES = {"created", "updated", "overwritten (--force)"}


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_manifest(path: Path) -> dict:
    if not path.exists():
        return {}
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        raise ImportRefused(f"{path}:{e.lineno}: the import manifest is not valid JSON ({e.msg}); restore it from git") from e


def nav_block(text: str, key: str, entries: list[str]) -> str:
    """Replace the lines between the ``# importer:begin/end <key>`` markers of mkdocs.yml.

    Everything outside the markers (comments included) is kept byte for byte.
    """
    begin, end = NAV_BEGIN.format(key=key), NAV_END.format(key=key)
    pattern = re.compile(rf"^(?P<indent>[ \t]*){re.escape(begin)}[ \t]*\n.*?^[ \t]*{re.escape(end)}[ \t]*$", re.M | re.S)
    match = pattern.search(text)
    if not match:
        snippet = "\n".join(["nav:", f"  {begin}", *(f"  - {e}" for e in entries[:3]), f"  {end}"])
        raise ImportRefused(
            f"mkdocs.yml has no nav block for '{key}'. Add these lines under nav: (the importer keeps what is "
            f"between the markers):\n{snippet}"
        )
    indent = match["indent"]
    block = "\n".join([f"{indent}{begin}", *(f"{indent}- {e}" for e in entries), f"{indent}{end}"])
    return text[: match.start()] + block + text[match.end() :]


def plan_outcomes(planned: list[Planned], recorded: dict[str, str], force: bool) -> list[Outcome]:
    """What happens to each file. Statuses:

    - ``created`` / ``updated``: written (an updated page still had the hash the importer wrote);
    - ``unchanged``: the file already says this; ``kept``: an editor changed the page, but the
      importer's output is the same as last time, so there is nothing to bring in;
    - ``edited``: an editor changed the page and the output changed too: the article is kept
      as it is unless ``force`` (``overwritten (--force)``);
    - ``foreign``: a file the importer did not write is in the way.
    """
    outcomes = []
    for item in planned:
        key = item.path.as_posix()
        if not item.path.exists():
            outcomes.append(Outcome(item.path, "created"))
            continue
        current = item.path.read_text(encoding="utf-8")
        if current == item.text:
            outcomes.append(Outcome(item.path, "unchanged"))
        elif recorded.get(key) == sha256(current):
            outcomes.append(Outcome(item.path, "updated"))
        elif force:
            outcomes.append(Outcome(item.path, "overwritten (--force)"))
        elif recorded.get(key) == sha256(item.text):
            outcomes.append(Outcome(item.path, "kept"))
        elif key in recorded:
            outcomes.append(Outcome(item.path, "edited"))
        else:
            outcomes.append(Outcome(item.path, "foreign"))
    return outcomes


def write_atomically(items: list[Planned]) -> None:
    """Write every file to a temporary sibling first, then rename all into place."""
    temps: list[tuple[Path, Path]] = []
    try:
        for item in items:
            item.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = item.path.with_name(f".{item.path.name}.importing")
            tmp.write_text(item.text, encoding="utf-8")
            temps.append((tmp, item.path))
    except BaseException:
        for tmp, _ in temps:
            tmp.unlink(missing_ok=True)
        raise
    for tmp, final in temps:
        os.replace(tmp, final)
