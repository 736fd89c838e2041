"""Stage 9: many articles at once — read and parse each, set copies aside, then write each.

Per article, either every page is written or none is: an article that cannot be read is refused
with ``file:line`` and the others go on; an article with a page an editor changed is kept as it
is (``--force`` overwrites), except that an editor's change to a page's topic tags is carried into
the new import. A near-copy of an article already published is reported and not published. The
shared files — the nav block of pinned articles in mkdocs.yml, the manifest and the import report —
are written once, at the end.

A re-run with nothing changed reads each source and the manifest and stops there: an article is
processed again only when its bytes, the importer's code, its settings or its data changed, or
one of its pages is missing.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import re
import time
from dataclasses import dataclass, field
from pathlib import Path


from debtkb import topics as topics_mod
from debtkb.glossary.model import GlossaryError
from debtkb.glossary.model import load as load_glossary
from debtkb.importer import duplicates, render
from debtkb.importer import settings as settings_mod
from debtkb.importer.article import load
from debtkb.importer.report import ArticleError, Report
from debtkb.importer.summary import report_markdown
from debtkb.importer.tree import Article
from debtkb.markdown_lines import front_matter
from debtkb.importer.writer import WRITES, ImportRefused, Planned, nav_block, plan_outcomes, read_manifest, sha256, write_atomically

PACKAGE = Path(__file__).resolve().parent.parent


@dataclass
class Result:
    source: str  # content/articles/x.txt
    status: str  # imported | unchanged | kept | refused | duplicate
    pages: list[str] = field(default_factory=list)  # docs/... paths, in nav order
    outcomes: list[tuple[str, str]] = field(default_factory=list)  # (path, status) per page
    report: Report | None = None
    message: str = ""  # why it was kept, refused or not published


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


@dataclass
class Context:
    """What every article of one run shares."""

    project: Project
    config: settings_mod.Settings
    rules: topics_mod.Rules | None
    distinct: set
    stamp: str
    force: bool
    dry_run: bool
    today: str
    taken: set[str] = field(default_factory=set)  # page paths in use


@dataclass
class Pending:
    key: str
    sha: str
    entry: dict  # the manifest's record of the last import
    article: Article
    report: Report


def fingerprint(config: settings_mod.Settings, project: Project) -> str:
    """Changes whenever the importer's code, the copywriting rules, its settings or data change."""
    digest = hashlib.sha256(repr(config).encode())
    files = sorted((PACKAGE / "importer").glob("*.py")) + [PACKAGE / "text.py", PACKAGE / "topics.py", PACKAGE / "lint" / "copywriting.py", PACKAGE / "lint" / "characters.py", PACKAGE.parent / ".autocorrectrc"]
    files += [project.root / config.glossary, project.root / config.topic_rules, project.root / "data" / "distinct.yml"]
    for path in files:
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


# --- front matter tags ------------------------------------------------------------------------


def with_meta(text: str, key: str, value) -> str:
    """The page with one front matter key set (None: removed), written as the renderer writes it."""
    meta = front_matter(text)
    end = text.find("\n---\n", 4)
    if not meta or end < 0:
        return text
    meta = {k: v for k, v in meta.items() if k != key}
    if value is not None and value != []:
        meta[key] = value
    return render.front_matter(meta) + text[end + 5 :]


def with_tags(text: str, tags: list[str] | None) -> str:
    """The page with its front matter's ``tags:`` replaced."""
    return with_meta(text, "tags", list(tags) if tags else None)


# --- one article --------------------------------------------------------------------------------


def _slug(ctx: Context, article: Article, stem: str, recorded: dict, layout: settings_mod.Layout) -> str:
    """The article's URL name: the one it had (URLs are shared), else pinyin of its title, made unique."""
    docs_rel = ctx.project.rel(ctx.project.docs)
    prefix = f"{docs_rel}/{layout.folder}/" if layout.folder else f"{docs_rel}/"
    for path in recorded:
        if path.startswith(prefix):
            return path[len(prefix) :].split("/")[0].removesuffix(".md")
    base = render.pinyin_slug(render.title_of(article), fallback=stem.lower())
    name, n = base, 2
    while any(t == f"{prefix}{name}.md" or t.startswith(f"{prefix}{name}/") for t in ctx.taken) or name in ("index", "t") or re.fullmatch(r"page-\d+", name):
        name, n = f"{base}-{n}", n + 1
    return name


def _pages(ctx: Context, p: Pending, layout: settings_mod.Layout, slug: str) -> list[render.Page]:
    if layout.pinned:  # the seed: byte for byte what it has always been
        return render.split_pages(p.article, layout.folder, {}, index=layout.index)
    fields = {"source": p.key, "date": p.article.meta.get("date"), "site": p.article.meta.get("site"), "imported": p.entry.get("imported", ctx.today)}
    if layout.split:  # one calculator per article, on its first page
        pages = render.split_pages(p.article, "/".join(x for x in (layout.folder, slug) if x), fields)
        return pages[:1] + [render.Page(x.path, x.title, with_meta(x.text, "calculator", False)) for x in pages[1:]]
    path = f"{layout.folder}/{slug}.md" if layout.folder else f"{slug}.md"
    return [render.single_page(p.article, path, fields)]


def _tag(ctx: Context, pages: list[render.Page], layout: settings_mod.Layout) -> tuple[list[render.Page], list[str] | None]:
    """Topic tags by rule (data/topics.yml), on every page of an article that is not pinned."""
    if layout.pinned or ctx.rules is None:
        return pages, None
    generated = ctx.rules.tags("\n".join(page.text.split("---\n", 2)[-1] for page in pages))
    if ctx.config.article_tag:
        generated.append(ctx.config.article_tag)
    return [render.Page(p.path, p.title, with_tags(p.text, generated)) for p in pages], generated


def _editors_tags(planned: list[Planned], entry: dict, recorded: dict[str, str], project: Project) -> tuple[list[Planned], dict[str, str], dict[str, list]]:
    """Carry an editor's choice of tags into the new pages. A page whose only change since the
    last import is its ``tags:`` is not an edit that keeps the article back: its tags win."""
    written_tags = entry.get("tags", {})
    generated_before = entry.get("generated_tags", {})
    out, effective, tags = [], dict(recorded), {}
    for item in planned:
        key = project.rel(item.path)
        new = item
        if item.path.exists() and key in recorded:
            disk = item.path.read_text(encoding="utf-8")
            chosen = None
            if sha256(disk) == recorded[key]:
                if key in written_tags and written_tags[key] != generated_before.get(key):  # an earlier choice of the editor's
                    chosen = written_tags[key] or []
            elif sha256(with_tags(disk, written_tags.get(key))) == recorded[key]:  # only the tags changed
                chosen = front_matter(disk).get("tags") or []
                effective[key] = sha256(disk)  # treat the page as unedited
            if chosen is not None:
                new = Planned(item.path, with_tags(item.text, chosen))
        tags[key] = front_matter(new.text).get("tags") or []
        out.append(new)
    return out, effective, tags


def write_one(ctx: Context, p: Pending, print_) -> Result:
    project = ctx.project
    recorded = p.entry.get("pages", {})
    order = p.entry.get("nav") or list(recorded)
    layout = ctx.config.layout(Path(p.key).stem, render.text_length(p.article))
    slug = _slug(ctx, p.article, Path(p.key).stem, recorded, layout)
    pages, generated = _tag(ctx, _pages(ctx, p, layout, slug), layout)
    planned = [Planned(project.docs / page.path, page.text) for page in pages]
    planned, effective, tags = _editors_tags(planned, p.entry, recorded, project)
    outcomes = plan_outcomes(planned, {project.root.joinpath(k).as_posix(): h for k, h in effective.items()}, ctx.force)
    paths = [project.rel(x.path) for x in planned]
    result = Result(p.key, "imported", paths, [(project.rel(o.path), o.status) for o in outcomes], p.report)
    foreign = [project.rel(o.path) for o in outcomes if o.status == "foreign"]
    edited = [project.rel(o.path) for o in outcomes if o.status == "edited"]
    if foreign:
        result.status, result.pages = "refused", order
        result.message = "\n".join(f"{x}: exists but was not written by this importer; move it, or re-run with --force to overwrite it" for x in foreign)
        return result
    manifest_entry = {"source_sha256": p.sha, "fingerprint": ctx.stamp, "imported": p.entry.get("imported", ctx.today), "report": p.report.as_json()}
    if edited:
        result.status = "kept"
        result.message = "\n".join(f"{x}: edited after the last import; kept as it is (re-run with --force to overwrite it, or merge the change by hand)" for x in edited)
        result.pages = paths if set(paths) == set(recorded) else order
        # The pages keep the hashes of the last import (so the edits stay visible); the source,
        # the importer and the report are recorded, so the next run does not redo this work.
        p.entry.update({**manifest_entry, "nav": result.pages, "pages": recorded, "message": result.message})
        return result
    to_write = [x for x, o in zip(planned, outcomes) if o.status in WRITES]
    if not ctx.dry_run:
        write_atomically(to_write)
    if not to_write:
        result.status = "unchanged"
    p.entry.clear()
    p.entry.update({**manifest_entry, "pages": {project.rel(x.path): sha256(x.text) for x in planned}, "nav": paths})
    if generated is not None:
        p.entry["tags"] = tags
        p.entry["generated_tags"] = {path: generated for path in paths}
    for path in sorted(set(recorded) - set(paths)):
        print_(f"note: {path} came from an earlier import of {p.key} and is no longer produced; delete it if unwanted")
    return result


# --- the run ------------------------------------------------------------------------------------


def _cached(ctx: Context, key: str, sha: str, entry: dict) -> Result | None:
    """The last import's result, when nothing it depends on changed (and --force was not given)."""
    if ctx.force or entry.get("source_sha256") != sha or entry.get("fingerprint") != ctx.stamp:
        return None
    report = Report.from_json(key, entry.get("report", {}))
    if entry.get("duplicate_of"):
        return Result(key, "duplicate", [], [], report, f"a copy of {entry['duplicate_of']} (similarity {entry.get('similarity', 0):.2f})")
    recorded = entry.get("pages", {})
    if not recorded or not all((ctx.project.root / x).is_file() for x in recorded):
        return None
    order = entry.get("nav") or list(recorded)
    edited = [x for x in order if sha256((ctx.project.root / x).read_text(encoding="utf-8")) != recorded[x]]
    message = entry.get("message", "") if edited else ""
    return Result(key, "kept" if edited else "unchanged", order, [(x, "kept" if x in edited else "unchanged") for x in order], report, message)


def _copies(ctx: Context, manifest: dict, pending: list[Pending]) -> dict[str, duplicates.Copy]:
    """New articles (never published) that copy an article already published or earlier in the run."""
    new = [p for p in pending if not p.entry.get("pages")]  # never published (copies found before are checked again)
    if not new:
        return {}
    index = duplicates.Index(ctx.distinct)
    fresh = {p.key for p in new}
    for key, entry in sorted(manifest.items()):
        if key in fresh or not entry.get("pages"):
            continue
        text = "".join((ctx.project.root / x).read_text(encoding="utf-8") for x in entry["pages"] if (ctx.project.root / x).is_file())
        index.add(key, duplicates.signature(text))
    copies = {}
    for p in new:
        sig = duplicates.signature("".join(t for item in p.article.lead + p.article.body if hasattr(item, "texts") for t in item.texts))
        copy = index.check(p.key, sig)
        if copy:
            copies[p.key] = copy
        else:
            index.add(p.key, sig)
    return copies


def run(project: Project, sources: list[Path], force: bool = False, dry_run: bool = False, print_=print, eprint=print, today: str | None = None) -> int:
    """Import ``sources``; exit status 0 when each was imported, unchanged, kept or set aside as a copy, else 1."""
    try:
        config = settings_mod.load(project.mkdocs_yml)
        manifest = read_manifest(project.manifest)
        rules = None
        if config.topics and (project.root / config.topic_rules).is_file():
            rules = topics_mod.load(project.root / config.topic_rules, config.topics, load_glossary(project.root / config.glossary, config.glossary), config.topic_rules)
        distinct = duplicates.load_distinct(project.root / "data" / "distinct.yml")
    except (ArticleError, ImportRefused, topics_mod.TopicsError, GlossaryError, duplicates.DistinctError) as e:
        eprint(f"import failed, nothing was written:\n{e}")
        return 1
    ctx = Context(project, config, rules, distinct, fingerprint(config, project), force, dry_run, today or datetime.date.today().isoformat())
    ctx.taken = {x for entry in manifest.values() for x in entry.get("pages", {})}
    results: dict[str, Result] = {}
    pending: list[Pending] = []
    for source in sorted(sources):
        key = project.rel(source)
        raw = source.read_bytes()
        sha = hashlib.sha256(raw).hexdigest()
        entry = manifest.setdefault(key, {})
        cached = _cached(ctx, key, sha, entry)
        if cached:
            results[key] = cached
            continue
        try:
            article, report = load(key, raw)
        except Exception as e:  # noqa: BLE001 - one article's failure must not stop the others
            message = str(e) if isinstance(e, ArticleError) else f"{key}:1: the importer failed on this article ({type(e).__name__}: {e}); please report it with the file"
            results[key] = Result(key, "refused", entry.get("nav") or list(entry.get("pages", {})), message=message)
            if not entry:
                del manifest[key]
            continue
        pending.append(Pending(key, sha, entry, article, report))
    started = time.perf_counter()
    copies = _copies(ctx, manifest, pending)
    compared = time.perf_counter() - started
    for p in pending:
        copy = copies.get(p.key)
        if copy:
            p.report.add(1, "duplicate", "minhash", f"{p.key} ~ {copy.original} (similarity {copy.similarity:.2f}): not published; if they are different articles, add the pair to data/distinct.yml")
            p.entry.clear()
            p.entry.update({"source_sha256": p.sha, "fingerprint": ctx.stamp, "duplicate_of": copy.original, "similarity": copy.similarity, "pages": {}, "report": p.report.as_json()})
            results[p.key] = Result(p.key, "duplicate", [], [], p.report, f"a copy of {copy.original} (similarity {copy.similarity:.2f})")
            continue
        result = write_one(ctx, p, print_)
        ctx.taken.update(result.pages)
        results[p.key] = result
    ordered = [results[project.rel(s)] for s in sorted(sources)]
    verb = "would write" if dry_run else "wrote"
    for result in ordered:
        for path, status in result.outcomes:
            if status in WRITES:
                print_(f"{verb} {path} ({status})")
        if result.status == "refused":
            eprint(f"{result.source}: refused, nothing of it was written:\n{result.message}")
        elif result.status == "kept":
            print_(f"{result.source}: kept as edited{': ' + result.message if result.message else ''}")
        elif result.status == "duplicate" and result.source in copies:
            print_(f"{result.source}: not published, {result.message}")
    try:
        shared = _shared_files(project, config, manifest, ordered)
    except ImportRefused as e:
        eprint(f"import failed, mkdocs.yml was not changed:\n{e}")
        return 1
    changed = [item for item in shared if not item.path.exists() or item.path.read_text(encoding="utf-8") != item.text]
    if not dry_run:
        write_atomically(changed)
    for item in changed:
        print_(f"{verb} {project.rel(item.path)}")
    counts = {s: sum(r.status == s for r in ordered) for s in ("imported", "unchanged", "kept", "duplicate", "refused")}
    checked = f"; copies checked in {compared:.2f} s" if pending else ""
    print_(f"{len(ordered)} articles: {counts['imported']} imported, {counts['unchanged']} unchanged, {counts['kept']} kept as edited, {counts['duplicate']} copies not published, {counts['refused']} refused{checked}; report: {project.rel(project.report)}")
    return 1 if counts["refused"] else 0


def _shared_files(project: Project, config: settings_mod.Settings, manifest: dict, results: list[Result]) -> list[Planned]:
    """mkdocs.yml's nav blocks (pinned articles), the manifest and the report, from every article the manifest knows."""
    by_source = {r.source: r for r in results}
    nav_text = project.mkdocs_yml.read_text(encoding="utf-8")
    docs_rel = project.rel(project.docs) + "/"
    for key in sorted(set(manifest) | set(by_source)):
        stem = Path(key).stem
        if stem not in config.pinned:
            continue  # listed by the article pages the site builds (debtkb.listing), not in the nav
        pages = by_source[key].pages if key in by_source else manifest[key].get("nav") or list(manifest[key].get("pages", {}))
        nav_text = nav_block(nav_text, stem, [x[len(docs_rel) :] if x.startswith(docs_rel) else x for x in pages])
    reports = []
    for key in sorted(set(manifest) | set(by_source)):
        result = by_source.get(key)
        entry = manifest.get(key, {})
        report = result.report if result and result.report else Report.from_json(key, entry.get("report", {}))
        status = result.status if result else ("duplicate" if entry.get("duplicate_of") else "not in this run")
        reports.append((key, status, entry.get("pages", {}), report, result.message if result else ""))
    manifest_text = json.dumps({k: v for k, v in manifest.items() if v}, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    return [
        Planned(project.mkdocs_yml, nav_text),
        Planned(project.manifest, manifest_text),
        Planned(project.report, report_markdown(reports)),
    ]
