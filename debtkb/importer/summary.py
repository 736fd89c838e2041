"""The import report a pull-request reviewer reads (content/import-report.md): one table row per
article, then every removed, damaged or doubtful line as ``file:line``. Deterministic (no dates,
no timings), so an import that changes nothing leaves it as it was."""

from __future__ import annotations

from debtkb.importer.report import KINDS, Report


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


# The state each article is in, whichever run last touched it (imported now or earlier: published).
STATE = {"imported": "published", "unchanged": "published", "kept": "kept as edited", "refused": "refused", "duplicate": "not published (copy)"}


def report_markdown(reports: list[tuple[str, str, dict, Report, str]]) -> str:
    """``reports``: (source, status, pages, report, message) per article."""
    out = [
        "# Import report",
        "",
        "Written by `make import` (debtkb.importer); do not edit. Every line the importer removed or doubted is listed",
        "below its article, as `file:line: kind (rule): text`. Kinds:",
        "",
        *(f"- **{kind}**: {meaning}" for kind, meaning in KINDS.items()),
        "",
        "| article | status | shape recognised | pages | repairs by rule | lines removed | warnings |",
        "|---|---|---|---|---|---|---|",
    ]
    for source, status, pages, report, _ in reports:
        repairs = ", ".join(f"{rule} {n}" for rule, n in sorted(report.repairs.items())) or "none"
        out.append(
            f"| `{source}` | {STATE.get(status, status)} | {_cell(', '.join(report.shape)) or '–'} | {len(pages)} | {repairs} | "
            f"{report.count('removed', 'repeat', 'label', 'damaged')} | {report.count('warning', 'gap', 'cut', 'candidate', 'duplicate')} |"
        )
    shared = candidates([r for _, _, _, r, _ in reports])
    if shared:
        out += ["", "## Furniture candidates", "", f"Short paragraphs found in {CANDIDATE_ARTICLES} or more articles. They were kept; if one is furniture, add a rule for it to `debtkb/importer/furniture.py` (with a test).", ""]
        for text, places in shared:
            shown = ", ".join(f"`{p}`" for p in places[:5]) + (f" and {len(places) - 5} more" if len(places) > 5 else "")
            out.append(f"- “{_cell(text)}” ({len(places)}×): {shown}")
    for source, status, _, report, message in reports:
        lines = report.lines()
        if not lines and not message:
            continue
        out += ["", f"## `{source}`", ""]
        if message:
            out += [f"    {line}" for line in message.splitlines()] + [""]
        out += [f"- `{_cell(line)}`" if "`" not in line else f"- {_cell(line)}" for line in lines]
    return "\n".join(out) + "\n"


CANDIDATE_ARTICLES = 3  # a short line in this many articles is listed as a furniture candidate


def candidates(reports: list[Report]) -> list[tuple[str, list[str]]]:
    """Short paragraphs that several articles share, with where each stands: furniture no rule
    knows yet, or a phrase the family repeats. Listed for an editor, never removed (a heading
    that several articles share is content, and headings are not counted here)."""
    where: dict[str, list[str]] = {}
    for report in reports:
        for line, text in report.short:
            where.setdefault(text, []).append(f"{report.path}:{line}")
    return sorted(((text, places) for text, places in where.items() if len({p.rsplit(":", 1)[0] for p in places}) >= CANDIDATE_ARTICLES), key=lambda c: (-len(c[1]), c[0]))
