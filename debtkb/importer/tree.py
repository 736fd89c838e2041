"""Stage 7: typed lines → the article: a title, a lead, and a flat sequence of headings (with a
level) and blocks (paragraphs, lists, tables), every one keeping its source line.

Decisions that need the lines around a line live here, each in its own small function:
- the title and the keyword line at the head (``head``), and later repeats of the title;
- whether a numbered line is a heading or a list item (``_numbered_heading``): a line that stands
  alone between paragraphs titles them; lines of one style that follow each other are a list (a
  list item of another style under an item nests under it);
- a heading fused with its first sentence (``split_fused``);
- heading levels (``_levels``): a style seen inside another's section goes one level down, a
  style seen before comes back to its level (labels such as 小编导语 are always on top);
- checks (``check``) that warn but never refuse: numbering that skips, empty sections, a cut
  ending, duplicate headings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from debtkb.importer.classify import LABELS, QUESTION_MAX, Typed
from debtkb.importer.report import Report
from debtkb.importer.source import Line
from debtkb.text import SENTENCE_END, ends_sentence

HEADING_MAX = 40  # a heading is short; a longer numbered line is a list item or a paragraph
PLAIN_HEADING_MAX = 24  # an unnumbered line must be shorter still to be read as a heading
TITLE_MAX = 60
CUT_MIN = 15  # a last paragraph this long that does not end like a sentence was cut off
_ALWAYS_HEADINGS = {"一、", "1.1", "第一步", "bold"}  # styles that title sections even in runs


@dataclass
class Heading:
    line: Line
    text: str  # as shown: number and title, e.g. "一、小米金融的崛起"
    title: str  # without the number: "小米金融的崛起"
    style: str
    level: int = 1  # 1 = the article's top sections


@dataclass
class Block:
    kind: str  # paragraph | list | table
    lines: list[Line]  # source lines (for lists: one per item; tables: one per row)
    texts: list[str]  # what is shown, parallel to lines (list items without marker; table rows as cells joined by " | ")
    ordered: bool = False
    numbers: list[str] = field(default_factory=list)  # list item numbers as written
    depths: list[int] = field(default_factory=list)  # lists: 0, or 1 for an item nested under the one before
    nested_ordered: bool = False  # lists: whether the nested items are numbered
    styles: tuple[str, str] = ("", "")  # lists: the numbering style of the items, and of the nested ones


@dataclass
class Article:
    path: str
    title: Line | None
    keywords: Line | None
    lead: list[Block]
    body: list[Heading | Block]
    meta: dict[str, str] = field(default_factory=dict)

    @property
    def headings(self) -> list[Heading]:
        return [item for item in self.body if isinstance(item, Heading)]


def _norm(text: str) -> str:
    return re.sub(r"[\s《》“”\"'*#【】\[\]:：?？!！。，,]", "", text)


def clean_title(text: str) -> str:
    """A title as the original wrapped it: 《…》, **…**, # …, 标题：… → the words alone."""
    text = re.sub(r"^#{1,6}\s*", "", text.strip())
    text = re.sub(r"^(?:文章)?标题\s*[:：]\s*", "", text)
    for left, right in (("**", "**"), ("《", "》"), ("【", "】"), ("“", "”")):
        if text.startswith(left) and text.endswith(right) and len(text) > len(left) + len(right):
            inner = text[len(left) : -len(right)]
            if left not in inner:
                text = inner.strip()
    return text


def _is_title_candidate(typed: Typed) -> bool:
    text = typed.line.text
    if typed.kind == "label":
        return LABELS[typed.style] == "title"
    if typed.kind in ("table", "bullet"):
        return False
    if typed.kind == "numbered" and typed.style in ("一、", "1.1", "1、", "1.", "(1)", "①"):
        return False
    return len(clean_title(text)) <= TITLE_MAX and not (text.rstrip()[-1:] in "。；，," and len(text) > 30)


def _is_keywords(typed: Typed, title: str) -> bool:
    text = typed.line.text
    if typed.kind not in ("paragraph",) or len(text) > 60 or ends_sentence(text) or text.endswith(("：", ":")):
        return False
    plain, title_plain = _norm(text), _norm(title)
    if plain and (plain in title_plain or title_plain in plain):
        return True
    phrases = [p for p in re.split(r"[,，、|｜/\s;；]+", text) if p]
    return len(phrases) >= 2 and all(len(p) <= 15 for p in phrases)


def head(typed: list[Typed], report: Report) -> tuple[Line | None, Line | None, list[Typed]]:
    """Title line, keyword line and the rest. Repeats of the title are removed (with a row)."""
    if not typed:
        return None, None, []
    first = typed[0]
    title = None
    rest = typed
    if _is_title_candidate(first):
        text = first.text if first.kind == "label" else clean_title(first.line.text)
        if first.kind == "label" and not text and len(typed) > 1:  # "标题：" alone, the title on the next line
            typed = typed[1:]
            text = clean_title(typed[0].line.text)
            report.add(first.line.number, "label", "label_title", first.line.text)
        elif first.kind == "label":
            report.add(first.line.number, "label", "label_title", first.style)
        title = Line(typed[0].line.number if first.kind == "label" and not first.text else first.line.number, text)
        rest = typed[1:]
        report.recognised("title" if first.kind != "label" else "标题: label")
    keywords = None
    kept = []
    for i, item in enumerate(rest):
        if title and _norm(item.line.text) == _norm(title.text) and (i < 3 or not ends_sentence(item.line.text)):
            report.add(item.line.number, "repeat", "repeated_title", item.line.text)
            report.recognised("title repeated")
            continue
        if title and keywords is None and not kept and i < 3 and _is_keywords(item, title.text):
            keywords = item.line
            report.recognised("keyword line")
            continue
        kept.append(item)
    return title, keywords, kept


def split_fused(text: str) -> tuple[str, str]:
    """A heading run into its first sentence: ``逾期的后果：逾期后会…`` → (``逾期的后果``, ``逾期后会…``).

    Split at a colon, or at the end of a first sentence, within the first HEADING_MAX characters.
    """
    m = re.match(rf"^(?P<h>[^：:。！？!?]{{2,{HEADING_MAX}}}?)[：:](?!//)(?P<rest>.{{6,}})$", text)
    if m:
        return m["h"].strip(), m["rest"].strip()
    m = re.match(rf"^(?P<h>[^。！？!?]{{2,{HEADING_MAX}}}?[。！？!?])(?P<rest>.{{10,}})$", text)
    if m:
        return m["h"].strip(), m["rest"].strip()
    return text, ""


def _heading_like(text: str) -> bool:
    return 0 < len(text) <= HEADING_MAX and not text.rstrip()[-1:] in "。；，,、"


def _numbered_heading(typed: list[Typed], i: int) -> bool:
    """A numbered line titles the text below it when it stands alone between paragraphs (or its
    style always titles sections, 一、 and 1.1); lines of one style in a row are a list."""
    item = typed[i]
    nxt = typed[i + 1] if i + 1 < len(typed) else None
    heading, _ = split_fused(item.text) if item.text else (item.number, "")
    if not _heading_like(heading):
        return False
    if item.style in _ALWAYS_HEADINGS:
        return True
    return not _in_run(typed, i) and nxt is not None and nxt.kind in ("paragraph", "bullet", "table", "label", "numbered")


def _in_run(typed: list[Typed], i: int) -> bool:
    """Whether another line of this numbering style is next to it, past items of other list styles
    (1、… (1)… (2)… 2、… is one list with a nested one)."""
    style = typed[i].style
    for step in (-1, 1):
        k = i + step
        while 0 <= k < len(typed) and typed[k].kind in ("numbered", "bullet"):
            if typed[k].kind == "numbered" and typed[k].style == style:
                return True
            k += step
    return False


def _plain_heading(typed: list[Typed], i: int) -> bool:
    """An unnumbered short line (or a question) between paragraphs titles the text below it."""
    item = typed[i]
    text = item.line.text
    nxt = typed[i + 1] if i + 1 < len(typed) else None
    if nxt is None or nxt.kind not in ("paragraph", "bullet", "numbered", "table"):
        return False
    if item.kind == "question":
        return len(text) <= QUESTION_MAX
    if item.kind != "paragraph" or len(text) > PLAIN_HEADING_MAX or text[-1:] in SENTENCE_END + "：:，,、)）”\"" or len(text) < 2:
        return False
    return nxt.kind != "paragraph" or len(nxt.line.text) > len(text)


def build(path: str, typed: list[Typed], report: Report) -> Article:
    """The article from its typed lines (furniture already gone)."""
    title, keywords, typed = head(typed, report)
    body: list[Heading | Block] = []

    def paragraph(line: Line, text: str) -> None:
        body.append(Block("paragraph", [line], [text]))

    def add_to_list(item: Typed, ordered: bool) -> None:
        style = item.style or "bullet"
        last = body[-1] if body else None
        depth = None
        if isinstance(last, Block) and last.kind == "list":
            base, child = last.styles
            if style == base:
                depth = 0
            elif child in ("", style):  # another style right under an item: nested
                depth = 1
                last.styles = (base, style)
                last.nested_ordered = ordered
        if depth is None:
            body.append(Block("list", [item.line], [item.text], ordered=ordered, numbers=[item.number], depths=[0], styles=(style, "")))
            return
        last.lines.append(item.line)
        last.texts.append(item.text)
        last.numbers.append(item.number)
        last.depths.append(depth)

    i = 0
    while i < len(typed):
        item = typed[i]
        if item.kind == "heading":
            body.append(Heading(item.line, item.text, item.text, item.style))
            report.recognised(f"{item.style} headings" if item.style != "bold" else "**bold** headings")
            if item.extra:
                paragraph(item.line, item.extra)
        elif item.kind == "label":
            role = LABELS[item.style]
            report.recognised(f"{item.style} label")
            if role == "heading":
                body.append(Heading(item.line, item.style, item.style, "label"))
                if item.text:
                    paragraph(item.line, item.text)
            elif role == "question":
                question = item.text or item.style + item.number
                body.append(Heading(item.line, question, question, "qa"))
                report.recognised("Q&A")
            elif role in ("answer", "drop", "title"):
                report.add(item.line.number, "label", f"label_{role}", item.style + item.number)
                if item.text:
                    paragraph(item.line, item.text)
        elif item.kind == "numbered" and _numbered_heading(typed, i):
            heading, rest = split_fused(item.text) if item.text else (item.number, "")
            if not _heading_like(heading):
                add_to_list(item, ordered=True)
            else:
                shown = _numbered_heading_text(item, heading)
                body.append(Heading(item.line, shown, heading, item.style))
                report.recognised(f"{item.style} headings")
                if rest:
                    paragraph(item.line, rest)
                    report.recognised("heading fused with its text")
        elif item.kind == "numbered":
            add_to_list(item, ordered=True)
            report.recognised(f"{item.style} lists")
        elif item.kind == "bullet":
            add_to_list(item, ordered=False)
            report.recognised("bullet lists")
        elif item.kind == "table":
            run = [item]
            while i + 1 < len(typed) and typed[i + 1].kind == "table":
                i += 1
                run.append(typed[i])
            body.extend(_table(run, report))
        elif _plain_heading(typed, i):
            body.append(Heading(item.line, item.line.text, item.line.text, "question" if item.kind == "question" else "plain"))
            report.recognised("question headings" if item.kind == "question" else "unnumbered headings")
        else:
            paragraph(item.line, item.line.text)
        i += 1

    lead: list[Block] = []
    while body and isinstance(body[0], Block):
        lead.append(body.pop(0))
    _levels(body)
    return Article(path, title, keywords, lead, body)


def _numbered_heading_text(item: Typed, heading: str) -> str:
    """The heading as written: the number stays (一、…, 1.1 …) so the reader's references hold."""
    prefix = item.line.text[: len(item.line.text) - len(item.text)] if item.text else item.line.text
    return (prefix + heading).strip() if heading != item.number else prefix.strip()


def _table(run: list[Typed], report: Report) -> list[Block]:
    """A run of table lines → one table; a lone pipe line (no separator, one row) is a paragraph."""
    rows = [t for t in run if t.style == "row"]
    separators = [t for t in run if t.style == "separator"]
    if not separators and len(rows) < 2:
        return [Block("paragraph", [t.line], [t.line.text]) for t in run]
    if not rows:  # a separator with no table around it: markup only
        for sep in separators:
            report.add(sep.line.number, "removed", "table_separator", sep.line.text)
        return []
    columns = max((len(t.text.split(" | ")) for t in rows), default=1)
    if separators:
        columns = max(columns, separators[0].line.text.strip().strip("|").count("|") + 1)
    cells = [[c for c in t.text.split(" | ")] for t in rows]
    if columns > 1 and all(len(c) == 1 for c in cells):  # one cell per line: regroup into rows
        flat = [c[0] for c in cells]
        cells = [flat[k : k + columns] for k in range(0, len(flat), columns)]
        lines = [rows[k].line for k in range(0, len(flat), columns)]
        report.recognised("table with one cell per line")
    else:
        lines = [t.line for t in rows]
    for row in cells:
        row.extend([""] * (columns - len(row)))
    report.recognised("pipe table")
    for sep in separators:
        report.add(sep.line.number, "label", "table_separator", sep.line.text)
    return [Block("table", lines, [" | ".join(row) for row in cells])]


def _levels(body: list[Heading | Block]) -> None:
    """Give each heading a level: a new style goes one below the current section, a known style
    returns to its level; labels (小编导语, 总结 …) and the top style are level 1."""
    stack: list[str] = []
    for item in body:
        if not isinstance(item, Heading):
            continue
        if item.style == "label":
            stack = []
            item.level = 1
            continue
        if item.style.startswith("md"):
            # Markdown levels keep their order among themselves.
            depth = int(item.style[2:])
            stack = [s for s in stack if not (s.startswith("md") and int(s[2:]) >= depth)]
        if item.style in stack:
            del stack[stack.index(item.style) + 1 :]
        else:
            stack.append(item.style)
        item.level = len(stack)


def check(article: Article, report: Report) -> None:
    """Warnings for an editor; none of them stops the import."""
    seen: dict[str, int] = {}
    if article.title:
        seen[article.title.text] = article.title.number
    for heading in article.headings:
        if heading.text in seen:
            report.add(heading.line.number, "warning", "duplicate_heading", f"{heading.text} (also on line {seen[heading.text]})")
        else:
            seen[heading.text] = heading.line.number
    for k, item in enumerate(article.body):
        nxt = article.body[k + 1] if k + 1 < len(article.body) else None
        if isinstance(item, Heading) and (nxt is None or (isinstance(nxt, Heading) and nxt.level <= item.level)):
            report.add(item.line.number, "warning", "empty_section", f"heading with no text under it: {item.text}")
    _numbering(article, report)
    last = next((b for b in reversed(article.lead + [x for x in article.body if isinstance(x, Block)]) if b.kind == "paragraph"), None)
    if last and not ends_sentence(last.texts[-1]) and len(last.texts[-1]) > CUT_MIN:
        report.add(last.lines[-1].number, "cut", "cut_ending", last.texts[-1][-30:])
    if article.title is None:
        report.add(1, "warning", "no_title", "no title line: the title is taken from the text")


_CN = {c: i for i, c in enumerate("一二三四五六七八九十", start=1)}


def _value(style: str, number: str) -> int | None:
    if style in ("一、", "（一）"):
        if number in _CN:
            return _CN[number]
        if number.startswith("十"):
            return 10 + _CN.get(number[1:], 0)
        return None
    if style in ("1、", "1.", "(1)") and number.isdigit():
        return int(number)
    if style == "①":
        return ord(number[0]) - ord("①") + 1 if "①" <= number[0] <= "⑳" else None
    return None


def _numbering(article: Article, report: Report) -> None:
    last: dict[str, int] = {}
    for heading in article.headings:
        number = re.match(r"^[(（]?([一二三四五六七八九十\d①-⑳]{1,3})", heading.text)
        value = _value(heading.style, number.group(1)) if number else None
        if value is None:
            continue
        expected = last.get(heading.style, 0) + 1
        if value != expected and not (value == 1):
            report.add(heading.line.number, "warning", "numbering", f"{heading.text}: expected number {expected}")
        last[heading.style] = value
        # A deeper style restarts inside each section.
        for style in list(last):
            if style != heading.style and _depth(article, style) > heading.level:
                last.pop(style)


def _depth(article: Article, style: str) -> int:
    return next((h.level for h in article.headings if h.style == style), 0)
