"""Stage 9: many articles at once — one loop around ``import_one``, then the shared files.

Per article, either every page is written or none is: an article that cannot be read is refused
with ``file:line`` and the others go on; an article with a page an editor changed is kept as it
is (``--force`` overwrites). The shared files — the nav blocks in mkdocs.yml, the manifest and
the import report — are written once, at the end.

A re-run with nothing changed reads each source and the manifest and stops there: an article is
processed again only when its bytes, the importer's code or its settings changed, or one of its
pages is missing.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from debtkb.importer import render, settings as settings_mod
from debtkb.importer.article import load
from debtkb.importer.report import ArticleError, Report
from debtkb.importer.summary import report_markdown
from debtkb.importer.writer import WRITES, ImportRefused, Planned, nav_block, plan_outcomes, read_manifest, sha256, write_atomically

PACKAGE = Path(__file__).resolve().parent.parent


@dataclass
class Result:
    source: str  # content/articles/x.txt
    status: str  # imported | unchanged | kept | refused
    pages: list[str] = field(default_factory=list)  # docs/... paths, in nav order
    outcomes: list[tuple[str, str]] = field(default_factory=list)  # (path, status) per page
    report: Report | None = None
    message: str = ""  # why it was kept or refused


@dataclass(frozen=True)
class Project:
    root: Path
    docs: Path
    mkdocs_yml: Path
    manifest: Path
    report: Path

    @classmethod
    def at(cls, root: Path, docs: str = "docs", mkdocs_yml: str = "mkdocs.yml", manifest: str = "content/import-manifest.json", report: str = "content/import-report.md") -> Project:
        return cls(root, root / docs, root / mkdocs_yml, root / manifest, root / report)

    def rel(self, path: Path) -> str:
        return path.resolve().relative_to(self.root.resolve()).as_posix()


def fingerprint(config: settings_mod.Settings) -> str:
    """Changes whenever the importer's code, the copywriting rules or its settings change."""
    digest = hashlib.sha256(repr(config).encode())
    files = sorted((PACKAGE / "importer").glob("*.py")) + [PACKAGE / "text.py", PACKAGE / "lint" / "copywriting.py", PACKAGE / "lint" / "characters.py", PACKAGE.parent / ".autocorrectrc"]
    for path in files:
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _pages(article, report: Report, source: str, layout: settings_mod.Layout, slug: str) -> list[render.Page]:
    fields = {"source": source, "date": article.meta.get("date"), "site": article.meta.get("site")}
    if layout.split:
        folder = "/".join(p for p in (layout.folder, slug if layout.folder else "") if p)
        return render.split_pages(article, folder, fields if layout.folder else {})
    path = f"{layout.folder}/{slug}.md" if layout.folder else f"{slug}.md"
    return [render.single_page(article, path, fields)]


def _slug(article, stem: str, recorded: dict, taken: set[str], layout: settings_mod.Layout, docs_rel: str) -> str:
    """The article's URL name: the one it had (URLs are shared), else pinyin of its title, made unique."""
    prefix = f"{docs_rel}/{layout.folder}/" if layout.folder else f"{docs_rel}/"
    for path in recorded:
        if path.startswith(prefix):
            rest = path[len(prefix) :]
            return rest.split("/")[0].removesuffix(".md")
    base = render.pinyin_slug(render.title_of(article), fallback=stem.lower())
    name, n = base, 2
    while any(t == f"{prefix}{name}.md" or t.startswith(f"{prefix}{name}/") for t in taken) or name == "index":
        name, n = f"{base}-{n}", n + 1
    return name


def import_one(project: Project, source: Path, manifest: dict, config: settings_mod.Settings, print_, taken: set[str], force: bool, dry_run: bool, stamp: str) -> Result:
    key = project.rel(source)
    recorded_entry = manifest.get(key, {})
    recorded = recorded_entry.get("pages", {})
    raw = source.read_bytes()
    source_hash = hashlib.sha256(raw).hexdigest()
    order = recorded_entry.get("nav") or list(recorded)
    if recorded_entry.get("source_sha256") == source_hash and recorded_entry.get("fingerprint") == stamp and recorded and all((project.root / p).is_file() for p in recorded):
        report = Report.from_json(key, recorded_entry.get("report", {}))
        edited = [p for p in order if sha256((project.root / p).read_text(encoding="utf-8")) != recorded[p]]
        return Result(key, "kept" if edited else "unchanged", order, [(p, "kept" if p in edited else "unchanged") for p in order], report)
    try:
        article, report = load(key, raw)
    except ArticleError as e:
        return Result(key, "refused", list(recorded), message=str(e))
    layout = config.layout(source.stem, render.text_length(article))
    docs_rel = project.rel(project.docs)
    slug = _slug(article, source.stem, recorded, taken, layout, docs_rel)
    pages = _pages(article, report, key, layout, slug)
    planned = [Planned(project.docs / page.path, page.text) for page in pages]
    outcomes = plan_outcomes(planned, {project.root.joinpath(p).as_posix(): h for p, h in recorded.items()}, force)
    paths = [project.rel(p.path) for p in planned]
    result = Result(key, "imported", paths, [(project.rel(o.path), o.status) for o in outcomes], report)
    foreign = [project.rel(o.path) for o in outcomes if o.status == "foreign"]
    edited = [project.rel(o.path) for o in outcomes if o.status == "edited"]
    if foreign:
        result.status, result.message = "refused", "\n".join(f"{p}: exists but was not written by this importer; move it, or re-run with --force to overwrite it" for p in foreign)
        result.pages = order
        return result
    if edited:
        result.status = "kept"
        result.message = "\n".join(f"{p}: edited after the last import; kept as it is (re-run with --force to overwrite it, or merge the change by hand)" for p in edited)
        result.pages = paths if set(paths) == set(recorded) else order
        # The pages keep the hashes of the last import (so the edits stay visible); the source,
        # the importer and the report are recorded, so the next run does not redo this work.
        manifest[key] = {**recorded_entry, "source_sha256": source_hash, "fingerprint": stamp, "nav": result.pages, "report": report.as_json()}
        return result
    to_write = [p for p, o in zip(planned, outcomes) if o.status in WRITES]
    if not dry_run:
        write_atomically(to_write)
    if not to_write:
        result.status = "unchanged"
    manifest[key] = {"source_sha256": source_hash, "fingerprint": stamp, "pages": {project.rel(p.path): sha256(p.text) for p in planned}, "nav": paths, "report": report.as_json()}
    stale = sorted(set(recorded) - set(paths))
    for path in stale:
        print_(f"note: {path} came from an earlier import of {key} and is no longer produced; delete it if unwanted")
    return result


def run(project: Project, sources: list[Path], force: bool = False, dry_run: bool = False, print_=print, eprint=print) -> int:
    """Import ``sources``; exit status 0 when each was imported, unchanged or kept, else 1."""
    try:
        config = settings_mod.load(project.mkdocs_yml)
        manifest = read_manifest(project.manifest)
    except (ArticleError, ImportRefused) as e:
        eprint(f"import failed, nothing was written:\n{e}")
        return 1
    stamp = fingerprint(config)
    taken = {p for entry in manifest.values() for p in entry.get("pages", {})}
    results = []
    for source in sorted(sources):
        result = import_one(project, source, manifest, config, print_, taken, force, dry_run, stamp)
        taken.update(result.pages)
        results.append(result)
        verb = "would write" if dry_run else "wrote"
        for path, status in result.outcomes:
            if status in WRITES:
                print_(f"{verb} {path} ({status})")
        if result.status == "refused":
            eprint(f"{result.source}: refused, nothing of it was written:\n{result.message}")
        elif result.status == "kept":
            print_(f"{result.source}: kept as edited{': ' + result.message if result.message else ''}")
    try:
        shared = _shared_files(project, config, manifest, results, sources)
    except ImportRefused as e:
        eprint(f"import failed, mkdocs.yml was not changed:\n{e}")
        return 1
    changed = [item for item in shared if not item.path.exists() or item.path.read_text(encoding="utf-8") != item.text]
    if not dry_run:
        write_atomically(changed)
    for item in changed:
        print_(f"{'would write' if dry_run else 'wrote'} {project.rel(item.path)}")
    counts = {s: sum(r.status == s for r in results) for s in ("imported", "unchanged", "kept", "refused")}
    print_(f"{len(results)} articles: {counts['imported']} imported, {counts['unchanged']} unchanged, {counts['kept']} kept as edited, {counts['refused']} refused; report: {project.rel(project.report)}")
    return 1 if counts["refused"] else 0


def _shared_files(project: Project, config: settings_mod.Settings, manifest: dict, results: list[Result], sources: list[Path]) -> list[Planned]:
    """mkdocs.yml's nav blocks, the manifest and the report, from every article the manifest knows."""
    by_source = {r.source: r for r in results}
    nav_text = project.mkdocs_yml.read_text(encoding="utf-8")
    docs_rel = project.rel(project.docs) + "/"
    blocks: dict[str, list[str]] = {}
    for key in sorted(set(manifest) | set(by_source)):
        stem = Path(key).stem
        pages = by_source[key].pages if key in by_source else manifest[key].get("nav") or list(manifest[key].get("pages", {}))
        block = stem if stem in config.pinned else config.nav_key
        blocks.setdefault(block, [])
        blocks[block] += [p[len(docs_rel) :] if p.startswith(docs_rel) else p for p in pages]
    for block, entries in blocks.items():
        nav_text = nav_block(nav_text, block, entries)
    reports = []
    for key in sorted(manifest):
        result = by_source.get(key)
        report = result.report if result and result.report else Report.from_json(key, manifest[key].get("report", {}))
        status = result.status if result else "not in this run"
        reports.append((key, status, manifest[key].get("pages", {}), report, result.message if result else ""))
    for result in results:
        if result.source not in manifest:
            reports.append((result.source, result.status, {}, result.report or Report(result.source), result.message))
    manifest_text = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    return [
        Planned(project.mkdocs_yml, nav_text),
        Planned(project.manifest, manifest_text),
        Planned(project.report, report_markdown(reports)),
    ]
