"""Stage 6: what each line is — a table of small named rules, tried in order, first match wins.

Like Python-Markdown's block processors: each ``LineRule`` has a pattern and turns a match into
a ``Typed`` line. The table knows line shapes only; whether a numbered line is a heading or a list
item, and which heading is inside which, depends on the lines around it and is decided by
``tree``. The last rule (paragraph) takes whatever is left, so no line is lost.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from debtkb.importer.source import Line
from debtkb.text import HAN

CN_NUM = "一二三四五六七八九十"


@dataclass
class Typed:
    kind: str  # heading | label | numbered | bullet | table | question | paragraph
    line: Line  # the source line (number, full text)
    text: str  # the content: without marker, number or label
    style: str = ""  # numbering or heading style ("一、", "1.1", "md2", "bold"); the label's name
    number: str = ""  # the number as written ("一", "1.1", "①")
    rule: str = ""  # the classifier rule that decided
    extra: str = ""  # text fused after a heading or label, which becomes the first paragraph


# Labels a family article puts before its parts. ``role`` says what becomes of the label:
#   heading  - it titles what follows (rendered as a heading with the label's own words)
#   question - a Q&A question: the rest of the line is the question
#   answer   - a Q&A answer: the label goes, the text stays under the question
#   title    - the article's title follows it
#   drop     - scaffolding of the original page (正文:), nothing of the text is lost
LABELS = {
    "小编导语": "heading", "导语": "heading", "编者按": "heading", "简介": "heading", "摘要": "heading",
    "摘要回答": "heading", "直接回答": "heading", "简要回答": "heading", "标准答案": "heading", "答案": "heading",
    "下面是详细解答": "heading", "以下是详细解答": "heading", "详细解答": "heading", "详细回答": "heading",
    "总结": "heading", "小编总结": "heading", "结语": "heading", "结论": "heading",
    "问题": "question", "问": "question", "Q": "question",
    "回答": "answer", "答": "answer", "A": "answer",
    "标题": "title", "文章标题": "title",
    "正文": "drop", "内容": "drop", "详情": "drop",
}
_LABEL = re.compile(
    r"^[【\[]?(?P<label>" + "|".join(sorted(map(re.escape, LABELS), key=len, reverse=True)) + r")(?P<num>\s*[0-9一二三四五六七八九十]{0,3})[】\]]?"
    r"(?:\s*[:：]\s*|\s*$)(?P<rest>.*)$"
)

NUMBERED = (
    # (style, pattern); the style names are what the report shows
    ("一、", re.compile(rf"^(?P<num>[{CN_NUM}]{{1,3}})\s*[、.．]\s*(?P<t>\S.*)$")),
    ("（一）", re.compile(rf"^[(（](?P<num>[{CN_NUM}]{{1,3}})[)）]\s*[、.．]?\s*(?P<t>\S.*)$")),
    ("第一步", re.compile(rf"^(?P<num>第[{CN_NUM}\d]{{1,3}}(?:步|点|条|招|个方面|方面|部分|章|节))\s*[：:、，,.．]?\s*(?P<t>.*)$")),
    # "1.5 倍" and "3.5万元" start sentences: without a space, a unit after the number is not a title
    ("1.1", re.compile(r"^(?P<num>\d{1,2}(?:[.．]\d{1,2})+)(?:[.．、]?\s+(?P<t>\S.*)|[.．、]?(?P<t2>[^\d\s倍万千百元%％个年月日号次期天岁].*))$")),
    ("1、", re.compile(r"^(?P<num>\d{1,2})\s*、\s*(?P<t>\S.*)$")),
    ("1.", re.compile(r"^(?P<num>\d{1,2})[.．](?![\d])(?:\s+(?P<t>\S.*)|(?P<t2>[^\s倍万千百元%％].*))$")),
    ("(1)", re.compile(r"^(?:[(（](?P<num>\d{1,2})[)）]|(?P<num2>\d{1,2})[)）])\s*(?P<t>\S.*)$")),
    ("①", re.compile(r"^(?P<num>[①-⑳])\s*[、.．]?\s*(?P<t>\S.*)$")),
)

# A Markdown heading: hashes, a space (or a short title with no other #), closing hashes after a space.
# "#网贷逾期#" is a hashtag and "学习C#" keeps its "#".
_MD_HEADING = re.compile(r"^(?P<hashes>#{1,6})(?:\s+(?P<t>[^#\s].*?)(?:\s+#+)?|(?P<t2>[^#\s][^#]{0,39}))\s*$")
_BOLD = re.compile(r"^\*\*(?P<t>[^*]{1,80}?)\*\*\s*[：:]?\s*(?P<rest>.*)$")
_BULLET = re.compile(r"^(?:[•·●▪◆◇○■□►▶√✓※]|[-*+](?=\s|[" + HAN + r"]))\s*(?P<t>\S.*)$")
_TABLE = re.compile(r"^\|.*\|$|^[^|]+\|[^|]*\S.*$")
_TABLE_SEPARATOR = re.compile(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$")
_QUESTION = re.compile(r"[？?]\s*$")
QUESTION_MAX = 50


@dataclass(frozen=True)
class LineRule:
    name: str
    run: Callable[[Line], Typed | None]


def _markdown_heading(line: Line) -> Typed | None:
    m = _MD_HEADING.match(line.text)
    return Typed("heading", line, m["t"] or m["t2"], style=f"md{len(m['hashes'])}", rule="markdown_heading") if m else None


def _bold_heading(line: Line) -> Typed | None:
    m = _BOLD.match(line.text)
    if not m or len(m["t"]) > 40:
        return None
    return Typed("heading", line, m["t"].strip(), style="bold", rule="bold_heading", extra=m["rest"].strip())


def _label(line: Line) -> Typed | None:
    m = _LABEL.match(line.text)
    if not m:
        return None
    name = m["label"]
    if LABELS[name] == "question" and not (m["rest"] or m["num"].strip()):
        return None  # a line that is just "问题" is a heading or a paragraph, not a Q&A question
    return Typed("label", line, m["rest"].strip(), style=name, number=m["num"].strip(), rule=f"label_{LABELS[name]}")


def _table(line: Line) -> Typed | None:
    if "|" not in line.text:
        return None
    if _TABLE_SEPARATOR.match(line.text):
        return Typed("table", line, line.text, style="separator", rule="table_separator")
    if not _TABLE.match(line.text):
        return None
    cells = [c.strip() for c in line.text.strip().strip("|").split("|")]
    return Typed("table", line, " | ".join(cells), style="row", rule="table_row")


def _numbered(line: Line) -> Typed | None:
    for style, pattern in NUMBERED:
        m = pattern.match(line.text)
        if m:
            groups = m.groupdict()
            number = groups["num"] or groups.get("num2") or ""
            text = groups["t"] if groups["t"] is not None else groups.get("t2") or ""
            return Typed("numbered", line, text.strip(), style=style, number=number, rule=f"numbered {style}")
    return None


def _bullet(line: Line) -> Typed | None:
    m = _BULLET.match(line.text)
    return Typed("bullet", line, m["t"].strip(), rule="bullet") if m else None


def _question(line: Line) -> Typed | None:
    if _QUESTION.search(line.text) and len(line.text) <= QUESTION_MAX:
        return Typed("question", line, line.text, rule="question")
    return None


RULES = (
    LineRule("markdown_heading", _markdown_heading),
    LineRule("bold_heading", _bold_heading),
    LineRule("label", _label),
    LineRule("table", _table),
    LineRule("numbered", _numbered),
    LineRule("bullet", _bullet),
    LineRule("question", _question),
    LineRule("paragraph", lambda line: Typed("paragraph", line, line.text, rule="paragraph")),
)


def classify(line: Line) -> Typed:
    """The first rule's reading of the line (the paragraph rule always matches)."""
    for rule in RULES:
        typed = rule.run(line)
        if typed is not None:
            return typed
    raise AssertionError("the paragraph rule matches every line")
