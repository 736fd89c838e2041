"""One article through every stage: source → evidence → repairs → damage → furniture → classify →
tree → checks. Pure: it reads the file and returns the article and its report; it writes nothing.

``load(path)`` is what the command, the linter and the tests call.
"""

from __future__ import annotations

import re
from pathlib import Path

from debtkb.importer import damage, evidence, furniture, repairs, source
from debtkb.importer.classify import classify
from debtkb.importer.report import ArticleError, Report
from debtkb.importer.source import Line
from debtkb.importer.tree import Article, Heading, build, check

# What the report says an evidence detector recognised.
EVIDENCE = {
    "pinyin": "pinyin annotations",
    "dropped_wenti": "dropped 题",
    "ascii_punctuation": "ASCII punctuation in Chinese",
    "traditional": "Traditional script",
    "financial_numerals": "壹、 numbering",
    "html_entities": "HTML entities",
    "zero_width": "invisible characters",
    "look_alikes": "look-alike characters",
}
CANDIDATE_MAX = 20  # a paragraph this short, seen in many articles, may be furniture no rule knows yet
_DECORATION = re.compile(r"^[\W_]+$")  # a line of dashes, stars or dots: a separator of the old page


def clean_lines(src: source.Source, report: Report) -> list[Line]:
    """Every line repaired as far as its article's evidence allows, damaged fragments cut out."""
    found = evidence.detect("\n".join(line.text for line in src.lines))
    for name, count in found.items():
        if count:
            report.recognised(EVIDENCE[name])
    before = repairs.applicable(repairs.BEFORE_DAMAGE, found)
    after = repairs.applicable(repairs.AFTER_DAMAGE, found)
    lines = []
    for line in src.lines:
        text = line.text
        if not text:
            continue
        for rule in before:
            if rule.notes:  # what a less certain repair is about to take, listed line by line
                for note in rule.notes(text):
                    report.add(line.number, "warning", rule.notes.__name__, note)
            text, n = rule.fn(text)
            report.repaired(rule.name, n)
        text, findings = damage.cut(text)
        for finding in findings:
            report.add(line.number, finding.kind, finding.rule, finding.text)
        for rule in after:
            text, n = rule.fn(text)
            report.repaired(rule.name, n)
        text = text.strip(source.PAD)
        if text:
            lines.append(Line(line.number, text))
    return lines


def remove_furniture(lines: list[Line], report: Report) -> tuple[list[Line], dict[str, str]]:
    """The lines without the old page's furniture (by pattern and in the footer zone), and the
    date and source site its byline gave."""
    # Fragments glued to text come off first, so a paragraph is judged without its caption.
    stripped = []
    for line in lines:
        text, fragments = furniture.strip_inline(line.text)
        for name, fragment in fragments:
            report.add(line.number, "removed", name, fragment)
        if text:
            stripped.append(Line(line.number, text))
    lines = stripped
    texts = [line.text for line in lines]
    rules = [furniture.match(text) for text in texts]
    footer = furniture.footer_start(texts, rules)
    meta: dict[str, str] = {}
    removed: dict[int, str] = {}  # index → the rule that took the line
    for i, (line, rule) in enumerate(zip(lines, rules)):
        if rule and rule.name in ("byline", "source", "date_line", "cms_residue"):
            for key, value in furniture.byline_meta(line.text).items():
                meta.setdefault(key, value)
        if footer is not None and i >= footer:
            removed[i] = rule.name if rule and i == footer else "footer_zone"
        elif rule:
            removed[i] = rule.name
        elif _DECORATION.match(line.text) and "|" not in line.text:  # a table's --- row is markup
            removed[i] = "decoration"
    for i in furniture.header_meta(texts, removed):
        removed[i] = "header_meta"
    kept = []
    for i, line in enumerate(lines):
        if i in removed:
            report.add(line.number, "removed", removed[i], line.text)
        else:
            kept.append(line)
    if footer is not None:
        report.recognised("footer zone")
    return _without_repeats(kept, report), meta


_TEASER_END = re.compile(r"(?:\.{2,}|…+|。。+)$")
REPEAT_MIN = 40  # a paragraph this long said twice is a copy, not emphasis


def _without_repeats(lines: list[Line], report: Report) -> list[Line]:
    """A teaser (the first paragraph cut off with "...") before the paragraph itself, and a long
    paragraph said a second time, are shown once."""
    kept = []
    seen: set[str] = set()
    for k, line in enumerate(lines):
        text = line.text
        teaser = _TEASER_END.sub("", text)
        if teaser != text and len(teaser) >= 15 and any(other.text.startswith(teaser) and other.text != text for other in lines[k + 1 :]):
            report.add(line.number, "repeat", "teaser", text)
            continue
        if len(text) >= REPEAT_MIN and text in seen:
            report.add(line.number, "repeat", "repeated_paragraph", text)
            continue
        seen.add(text)
        kept.append(line)
    return kept


def load(path: str | Path, raw: bytes | None = None) -> tuple[Article, Report]:
    """Read, repair, clean and parse one article file; ``ArticleError`` if nothing of it is left."""
    path = str(path)
    src = source.read(path, raw)
    report = Report(path)
    if src.encoding != "utf-8":
        report.add(1, "warning", "encoding", f"read as {src.encoding.upper()}, not UTF-8: save the file as UTF-8")
    lines = clean_lines(src, report)
    lines, meta = remove_furniture(lines, report)
    if not lines:
        raise ArticleError(path, [(1, "no article text is left once the site furniture is removed: " + "; ".join(report.lines()[:3]))])
    article = build(path, [classify(line) for line in lines], report)
    article.meta = meta
    if not article.lead and all(isinstance(item, Heading) for item in article.body):
        what = "the article has headings but no text under any of them" if article.body else "no article text is left (only a title, markup or furniture)"
        raise ArticleError(path, [(article.title.number if article.title else 1, what)])
    check(article, report)
    for item in article.lead + article.body:
        if isinstance(item, Heading):  # a marked heading several articles share is content; a guessed one may not be
            if item.style == "plain":
                report.short.append((item.line.number, item.text))
        elif item.kind == "paragraph":
            report.short += [(line.number, text) for line, text in zip(item.lines, item.texts) if len(text) <= CANDIDATE_MAX]
    return article, report


def read_lines(path: str | Path) -> list[str]:
    """The article's lines after repairs and damage cuts (furniture still in), for tests and benches."""
    src = source.read(path)
    return [line.text for line in clean_lines(src, Report(str(path)))]
