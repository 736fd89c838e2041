"""Parse an article of the seed's shape into a small tree, keeping every source line number.

Shape (after cleaning)::

    标题                      title line
    副标题                    subtitle line
    小编导语                  intro heading, then one or more paragraphs
    一、节标题                section heading (Chinese numeral + 、), optional lead paragraphs
    1.1 小节标题              subsection heading (section.number + space), one or more paragraphs
    …

Every problem is collected with its line number before anything is raised, so a contributor
sees all of them in one round; nothing here touches the file system except ``read_lines``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from debtkb.importer.cleaning import clean_line

INTRO_HEADING = "小编导语"
_NUMERALS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SENTENCE_END = "。！？；…"
# Headings are short and never end like a sentence; the length cap keeps a paragraph that happens
# to start with "1.5 倍…" or "三、" from being read as a heading.
_MAX_HEADING = 40
_SECTION = re.compile(rf"^(?P<num>[一二三四五六七八九十]{{1,3}})、(?P<title>\S.{{0,{_MAX_HEADING}}})$")
_SUBSECTION = re.compile(rf"^(?P<major>\d{{1,2}})\.(?P<minor>\d{{1,2}})\s+(?P<title>\S.{{0,{_MAX_HEADING}}})$")


class ArticleError(Exception):
    """Bad input. ``problems`` holds ``(line, message)`` pairs; ``str()`` gives ``path:line: message`` lines."""

    def __init__(self, path: str | Path, problems: list[tuple[int, str]]):
        self.path = str(path)
        self.problems = sorted(problems)
        super().__init__("\n".join(f"{self.path}:{line}: {msg}" for line, msg in self.problems))


@dataclass(frozen=True)
class Line:
    text: str
    number: int


@dataclass
class Subsection:
    major: int
    minor: int
    heading: Line  # full heading as written, e.g. "1.1 小米金融的背景"
    title: str  # without the number
    paragraphs: list[Line] = field(default_factory=list)


@dataclass
class Section:
    number: int
    heading: Line  # e.g. "一、小米金融的崛起"
    title: str
    paragraphs: list[Line] = field(default_factory=list)  # lead text before the first subsection
    subsections: list[Subsection] = field(default_factory=list)


@dataclass
class Article:
    title: Line
    subtitle: Line
    intro_heading: Line
    intro: list[Line]
    sections: list[Section]


def chinese_numeral(text: str) -> int | None:
    """一 … 九十九 → int; None for anything else."""
    if text in _NUMERALS:
        return _NUMERALS[text]
    if "十" not in text:
        return None
    tens, _, ones = text.partition("十")
    if tens and tens not in _NUMERALS or ones and ones not in _NUMERALS or len(text) > 3:
        return None
    return (_NUMERALS[tens] if tens else 1) * 10 + (_NUMERALS[ones] if ones else 0)


def numeral_text(n: int) -> str:
    """int → Chinese numeral, the inverse of ``chinese_numeral`` (for messages)."""
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")


def read_lines(path: str | Path) -> list[str]:
    """Read a source file as cleaned lines. Empty files and invalid UTF-8 raise ``ArticleError``."""
    raw = Path(path).read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if not raw.strip():
        raise ArticleError(path, [(1, "the file is empty: an article needs a title line, a subtitle line and sections")])
    problems = []
    lines = []
    for number, chunk in enumerate(raw.split(b"\n"), start=1):
        try:
            lines.append(chunk.decode("utf-8").rstrip("\r"))
        except UnicodeDecodeError as e:
            problems.append((number, f"not valid UTF-8 (byte 0x{chunk[e.start]:02x} at byte {e.start + 1} of the line): save the file as UTF-8"))
    if problems:
        raise ArticleError(path, problems)
    return [clean_line(line) for line in lines]


def _ends_like_sentence(text: str) -> bool:
    return text.rstrip()[-1:] in _SENTENCE_END


def parse(lines: list[str], path: str | Path = "<article>") -> Article:
    """Build the article tree from cleaned lines, or raise ``ArticleError`` with every problem found."""
    problems: list[tuple[int, str]] = []
    content = [Line(text.strip(), n) for n, text in enumerate(lines, start=1) if text.strip()]
    if len(content) < 3:
        raise ArticleError(path, [(len(lines), "too short: expected a title line, a subtitle line and the 小编导语 intro")])
    title, subtitle, intro_heading = content[:3]
    if intro_heading.text != INTRO_HEADING:
        problems.append((intro_heading.number, f"expected the intro heading '{INTRO_HEADING}' as the third line, found '{intro_heading.text}'"))

    intro: list[Line] = []
    sections: list[Section] = []
    for line in content[3:]:
        section_match = _SECTION.match(line.text)
        sub_match = _SUBSECTION.match(line.text)
        if section_match and not _ends_like_sentence(line.text):
            number = chinese_numeral(section_match["num"])
            expected = len(sections) + 1
            if number != expected:
                problems.append((line.number, f"section '{line.text}' is numbered {section_match['num']}, expected {numeral_text(expected)}、"))
            sections.append(Section(expected, line, section_match["title"].strip()))
        elif sub_match and not _ends_like_sentence(line.text):
            major, minor = int(sub_match["major"]), int(sub_match["minor"])
            if not sections:
                problems.append((line.number, f"subsection '{line.text}' comes before the first section heading (一、…)"))
                continue
            section = sections[-1]
            expected_minor = len(section.subsections) + 1
            if major != section.number:
                problems.append((line.number, f"subsection {major}.{minor} is inside section {numeral_text(section.number)}、 (line {section.heading.number}): number it {section.number}.{expected_minor} or move it under section {numeral_text(major)}、"))
            elif minor != expected_minor:
                problems.append((line.number, f"subsection {major}.{minor} is out of order: expected {section.number}.{expected_minor}"))
            section.subsections.append(Subsection(major, minor, line, sub_match["title"].strip()))
        elif not sections:
            intro.append(line)
        elif sections[-1].subsections:
            sections[-1].subsections[-1].paragraphs.append(line)
        else:
            sections[-1].paragraphs.append(line)

    if not intro:
        problems.append((intro_heading.number, "the intro (小编导语) has no text"))
    if not sections:
        problems.append((intro_heading.number, "no section headings (一、… 二、…) found"))
    for section in sections:
        if not section.paragraphs and not section.subsections:
            problems.append((section.heading.number, f"section '{section.heading.text}' has no text"))
        for sub in section.subsections:
            if not sub.paragraphs:
                problems.append((sub.heading.number, f"subsection '{sub.heading.text}' has no text"))

    seen: dict[str, int] = {title.text: title.number, INTRO_HEADING: intro_heading.number}
    for heading, name in _headings(sections):
        if name in seen:
            problems.append((heading.number, f"heading '{heading.text}' duplicates the heading on line {seen[name]}: headings must be unique (they become page titles and anchors)"))
        else:
            seen[name] = heading.number

    if problems:
        raise ArticleError(path, problems)
    return Article(title, subtitle, intro_heading, intro, sections)


def _headings(sections: list[Section]):
    for section in sections:
        yield section.heading, section.title
        for sub in section.subsections:
            yield sub.heading, sub.title


def load(path: str | Path) -> Article:
    """Read, clean and parse one article file."""
    return parse(read_lines(path), path)
