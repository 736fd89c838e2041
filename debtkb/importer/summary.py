"""The import report a pull-request reviewer reads (content/import-report.md): one table row per
article, then every removed, damaged or doubtful line as ``file:line``. Deterministic (no dates,
no timings), so an import that changes nothing leaves it as it was."""

from __future__ import annotations

from debtkb.importer.report import KINDS, Report


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


# The state each article is in, whichever run last touched it (imported now or earlier: published).
STATE = {"imported": "published", "unchanged": "published", "kept": "kept as edited", "refused": "refused"}


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
    for source, status, _, report, message in reports:
        lines = report.lines()
        if not lines and not message:
            continue
        out += ["", f"## `{source}`", ""]
        if message:
            out += [f"    {line}" for line in message.splitlines()] + [""]
        out += [f"- `{_cell(line)}`" if "`" not in line else f"- {_cell(line)}" for line in lines]
    return "\n".join(out) + "\n"
