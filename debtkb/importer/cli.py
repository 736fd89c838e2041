"""``python -m debtkb.importer [articles…]``: articles → ``docs/`` pages, nav and the import report.

With no article named, every ``content/articles/*.txt`` is imported. Exit status: 0 when every
article was imported, unchanged or kept as edited; 1 when one was refused (the others are
imported all the same); 2 for a usage error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from debtkb.importer.batch import Project, run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m debtkb.importer", description="Import articles of the family into docs/ (settings: extra.importer in mkdocs.yml).")
    parser.add_argument("sources", nargs="*", type=Path, help="articles to import (default: every content/articles/*.txt)")
    parser.add_argument("--docs", default="docs", help="the MkDocs docs_dir (default: docs)")
    parser.add_argument("--mkdocs", default="mkdocs.yml", help="config whose nav blocks are updated (default: mkdocs.yml)")
    parser.add_argument("--manifest", default="content/import-manifest.json", help="hashes of the pages last written (default: content/import-manifest.json)")
    parser.add_argument("--report", default="content/import-report.md", help="the import report for reviewers (default: content/import-report.md)")
    parser.add_argument("--force", action="store_true", help="overwrite pages even if they were edited after the last import")
    parser.add_argument("--dry-run", action="store_true", help="check and report, write nothing")
    args = parser.parse_args(argv)
    project = Project.at(Path("."), args.docs, args.mkdocs, args.manifest, args.report)
    sources = args.sources or sorted(Path("content/articles").glob("*.txt"))
    for source in sources:
        if not source.is_file():
            parser.error(f"{source}: no such file")
        if not source.resolve().is_relative_to(Path(".").resolve()):
            parser.error(f"{source}: outside this project; copy it into content/articles/ first")
    if not sources:
        parser.error("no articles: put them in content/articles/*.txt or name them")
    return run(project, sources, args.force, args.dry_run, print_=print, eprint=lambda *a: print(*a, file=sys.stderr))
