"""``python -m debtkb.lint [--fix] [files…]``: check docs/*.md (default), print path:line problems.

Exit status 0 when clean, 1 when there are problems.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from debtkb.lint import characters, copywriting, frontmatter, imports

CHECKS = (frontmatter.check, characters.check, copywriting.check)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m debtkb.lint")
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--fix", action="store_true", help="apply autocorrect's fixes in place, then check")
    args = parser.parse_args(argv)
    files = args.files or sorted(Path("docs").rglob("*.md"))
    problems = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        if args.fix:
            fixed = copywriting.fix(text)
            if fixed != text:
                path.write_text(fixed, encoding="utf-8")
                print(f"fixed {path}")
                text = fixed
        for check in CHECKS:
            problems += check(path.as_posix(), text)
    for problem in sorted(problems):
        print(problem)
    if not args.files:
        removed = imports.notes(Path("content/articles"))
        for note in removed:
            print(f"note: {note}")
        print(f"{len(removed)} lines of content/articles/ removed or doubted by the importer (notes, not problems; see content/import-report.md)", file=sys.stderr)
    print(f"{len(files)} files checked, {len(problems)} problems", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
