"""``python -m debtkb.importer content/articles/<name>.txt``: article → ``docs/`` pages + nav.

Exit status: 0 written (or nothing to do), 1 bad input or refused, 2 usage error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from debtkb.importer.article import ArticleError, load
from debtkb.importer.render import render
from debtkb.importer.writer import ImportRefused, Planned, nav_block, plan_outcomes, read_manifest, sha256, write_atomically


def _rel(path: str | Path) -> Path:
    return Path(os.path.relpath(path))


def run(source: Path, docs: Path, into: str, mkdocs_yml: Path, manifest_path: Path, force: bool, dry_run: bool = False) -> int:
    source, docs, mkdocs_yml, manifest_path = map(_rel, (source, docs, mkdocs_yml, manifest_path))
    try:
        article = load(source)
        pages = render(article)
        out_dir = docs / into
        planned = [Planned(out_dir / page.path, page.text) for page in pages]
        nav_entries = [(Path(into) / page.path).as_posix() for page in pages]
        nav_text = mkdocs_yml.read_text(encoding="utf-8")
        new_nav_text = nav_block(nav_text, source.stem, nav_entries)
        manifest = read_manifest(manifest_path)
        recorded = manifest.get(source.as_posix(), {}).get("pages", {})
        outcomes = plan_outcomes(planned, recorded, force)
    except (ArticleError, ImportRefused) as e:
        print(f"import failed, nothing was written:\n{e}", file=sys.stderr)
        return 1

    to_write = [p for p, o in zip(planned, outcomes) if o.status != "unchanged"]
    if new_nav_text != nav_text:
        to_write.append(Planned(mkdocs_yml, new_nav_text))
    manifest[source.as_posix()] = {
        "source_sha256": sha256(source.read_bytes().decode("utf-8", "replace")),
        "pages": {p.path.as_posix(): sha256(p.text) for p in planned},
    }
    new_manifest = json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    if not manifest_path.exists() or manifest_path.read_text(encoding="utf-8") != new_manifest:
        to_write.append(Planned(manifest_path, new_manifest))

    verb = "would write" if dry_run else "wrote"
    if not dry_run:
        write_atomically(to_write)
    for outcome in outcomes:
        print(f"{verb if outcome.status != 'unchanged' else 'kept '} {outcome.path} ({outcome.status})")
    if new_nav_text != nav_text:
        print(f"{verb} {mkdocs_yml} (nav block '{source.stem}': {len(nav_entries)} pages)")
    stale = sorted(set(recorded) - {p.path.as_posix() for p in planned})
    for path in stale:
        print(f"note: {path} came from an earlier import of this article and is no longer produced; delete it if unwanted")
    changed = sum(o.status != "unchanged" for o in outcomes)
    print(f"{source}: {len(pages)} pages, {changed} {'to write' if dry_run else 'written'}, {len(pages) - changed} unchanged")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m debtkb.importer", description="Import an article (title, subtitle, 小编导语, 一、… sections, 1.1 … subsections) into docs/.")
    parser.add_argument("source", type=Path, help="the raw article, e.g. content/articles/xiaomi-finance-60k.txt")
    parser.add_argument("--docs", type=Path, default=Path("docs"), help="the MkDocs docs_dir (default: docs)")
    parser.add_argument("--into", default="", help="sub-folder of docs for this article's pages (default: docs itself)")
    parser.add_argument("--mkdocs", type=Path, default=Path("mkdocs.yml"), help="config whose nav block is updated (default: mkdocs.yml)")
    parser.add_argument("--manifest", type=Path, default=Path("content/import-manifest.json"), help="hashes of the pages last written (default: content/import-manifest.json)")
    parser.add_argument("--force", action="store_true", help="overwrite pages even if they were edited after the last import")
    parser.add_argument("--dry-run", action="store_true", help="check and report, write nothing")
    args = parser.parse_args(argv)
    if not args.source.is_file():
        parser.error(f"{args.source}: no such file")
    return run(args.source, args.docs, args.into, args.mkdocs, args.manifest, args.force, args.dry_run)
