"""``python -m debtkb.lint [--fix] [--record-conversions] [files…]``: check docs/*.md (default),
print path:line problems, and warnings for the Traditional edition's unchecked words (pages, the
glossary, the calculator's strings; report in reports/conversions.md).

Exit status 0 when clean, 1 when there are problems (warnings do not count).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from debtkb import reports
from debtkb.editions import ambiguous
from debtkb.lint import Problem, characters, conversions, copywriting, frontmatter, imports
from debtkb.problems import LocatedProblems

CHECKS = (frontmatter.check, characters.check, copywriting.check)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m debtkb.lint")
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--fix", action="store_true", help="apply autocorrect's fixes in place, then check")
    parser.add_argument("--record-conversions", action="store_true", help=f"add the words warned about (once you have checked them) to {ambiguous.REVIEWED}")
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
    root = Path.cwd().resolve()
    try:
        warnings, rows, known = conversions.scan(root, [p for p in args.files if p.suffix in (".md", ".yml", ".js")] if args.files else ambiguous.files(root))
    except LocatedProblems as e:  # a bad phrase dictionary or reviewed list: a problem like any other
        print(e)
        problems += [Problem(e.path, line, 0, "conversions", message) for line, message in e.problems]
        warnings, rows, known = [], {}, {}
    for warning in sorted(warnings):
        print(f"{warning.path}:{warning.line}:{warning.col}: warning: {warning.check}: {warning.message}")
    if not args.files and rows:
        reports.write_markdown("conversions", ambiguous.report_lines(rows, known), root / "reports")
    if args.record_conversions and rows:
        print(f"{conversions.record(root, rows, known)} words added to {ambiguous.REVIEWED}", file=sys.stderr)
    unchecked = len({k for k in rows if known.get(k[0]) != k[1]})
    print(f"{len(rows)} words with a choice of Traditional forms, {unchecked} not checked by an editor ({len(warnings)} warnings; all in reports/conversions.md)", file=sys.stderr)
    if not args.files:
        removed = imports.notes(Path("content/articles"))
        for note in removed:
            print(f"note: {note}")
        print(f"{len(removed)} lines of content/articles/ removed or doubted by the importer (notes, not problems; see content/import-report.md)", file=sys.stderr)
    print(f"{len(files)} files checked, {len(problems)} problems", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
