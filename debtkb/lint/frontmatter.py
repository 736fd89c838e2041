"""Every page starts with front matter: a title, and a description of at most 120 characters
(shown in search results and link previews). Unknown keys are refused, so typos do not pass."""

from __future__ import annotations

import yaml

from debtkb.guide import GUIDE
from debtkb.lint import Problem
from debtkb.markdown_lines import front_matter_line

# tags: topics (checked against extra.guide.topics by hooks/guide.py); checked: the date a guide
# page's legal sources were last checked; faq: the page's h2 headings are questions (FAQPage JSON-LD).
# source, date, site, imported: where an imported article came from and when (written by the
# importer); calculator: false or an amount (debtkb.imported); listing: home | all | topics (debtkb.listing).
ALLOWED = {"title", "description", "kind", "hide", "search", "tags", "checked", "faq", "source", "date", "site", "imported", "calculator", "listing"}
KINDS = {"article", "webpage", "guide"}
DESCRIPTION_MAX = 120


def check(path: str, text: str) -> list[Problem]:
    def problem(line: int, message: str) -> Problem:
        return Problem(path, line, 0, "front matter", message)

    if not text.startswith("---\n"):
        return [problem(1, "missing front matter: start the page with ---, title: …, description: …, ---")]
    end = text.find("\n---\n", 4)
    if end < 0:
        return [problem(1, "front matter is not closed by a line with ---")]
    try:
        meta = yaml.safe_load(text[4:end]) or {}
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        return [problem((mark.line + 2) if mark else 1, f"front matter is not valid YAML: {getattr(e, 'problem', e)}")]
    if not isinstance(meta, dict):
        return [problem(2, "front matter must be key: value lines")]

    def line(key) -> int:
        return front_matter_line(text, key, 2)

    problems = [problem(line(k), f"unknown key '{k}' (allowed: {', '.join(sorted(ALLOWED))})") for k in sorted(set(meta) - ALLOWED)]
    for key in ("title", "description"):
        if not isinstance(meta.get(key), str) or not meta[key].strip():
            problems.append(problem(line(key), f"'{key}' is required"))
    description = meta.get("description")
    if isinstance(description, str) and len(description) > DESCRIPTION_MAX:
        problems.append(problem(line("description"), f"description has {len(description)} characters; at most {DESCRIPTION_MAX}"))
    if "kind" in meta and meta["kind"] not in KINDS:
        problems.append(problem(line("kind"), f"kind must be one of {', '.join(sorted(KINDS))}"))
    if meta.get("kind") == GUIDE and "checked" not in meta:
        problems.append(problem(line("kind"), "a guide page needs `checked: YYYY-MM-DD` (when its legal sources were last checked)"))
    return problems
