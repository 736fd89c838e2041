"""The committed pages say exactly what the source article says, in its order.

After cleaning, every sentence (and every heading) of the source must appear exactly once across the
article's pages, in the source's order, and the pages may add no sentence of their own. Editors'
notes are allowed: they live in admonitions (``!!! note "编者注"``), which this check skips, as it
skips front matter, attribute lists, fenced blocks (calculators, code) and the generated overview
of links.
"""

import re

from debtkb.importer.article import read_lines
from debtkb.importer.render import OVERVIEW_BEGIN, OVERVIEW_END, sentences
from debtkb.markdown_lines import outside_fences
from tests.paths import DOCS, MKDOCS_YML, SEED


def nav_pages(key: str) -> list[str]:
    text = MKDOCS_YML.read_text(encoding="utf-8")
    block = re.search(rf"# importer:begin {key}\n(.*?)# importer:end {key}", text, re.S)
    assert block, f"mkdocs.yml has no importer block for {key}"
    return re.findall(r"^\s*- (\S+\.md)\s*$", block.group(1), re.M)


def prose(markdown: str) -> list[str]:
    """The reader-visible prose of a page, one entry per line, without Markdown syntax."""
    markdown = markdown.split("---\n", 2)[2] if markdown.startswith("---\n") else markdown
    markdown = re.sub(re.escape(OVERVIEW_BEGIN) + ".*?" + re.escape(OVERVIEW_END), "", markdown, flags=re.S)
    kept, in_admonition = [], False
    for _, line in outside_fences(markdown):  # fenced blocks (calculators, code) are not prose
        if re.match(r"^(!!!|\?\?\?\+?)\s", line):
            in_admonition = True
            continue
        if in_admonition and (line.startswith("    ") or not line.strip()):
            continue
        in_admonition = False
        if not line.strip() or re.fullmatch(r"\{[^}]*\}", line.strip()):
            continue
        kept.append(re.sub(r"^#{1,6}\s+", "", line).strip())
    return kept


def split(lines: list[str]) -> list[str]:
    return [s for line in lines for s in sentences(line)]


def test_every_source_sentence_appears_once_in_order():
    source = split([line.strip() for line in read_lines(SEED) if line.strip()])
    docs_lines = []
    for page in nav_pages("xiaomi-finance-60k"):
        docs_lines += prose((DOCS / page).read_text(encoding="utf-8"))
    rendered = split(docs_lines)
    # Overview heading is the one structural line the importer adds.
    rendered = [s for s in rendered if s != "本文目录"]
    missing = [s for s in source if rendered.count(s) == 0]
    repeated = [s for s in source if rendered.count(s) > 1]
    invented = [s for s in rendered if s not in source]
    assert not missing, f"dropped from docs/: {missing}"
    assert not repeated, f"appears more than once in docs/: {repeated}"
    assert not invented, f"in docs/ but not in the source: {invented}"
    assert rendered == source  # and in the source's order
    assert len(source) == 60  # not vacuous: the seed has 60 sentences and headings


def test_prose_skips_editor_notes_and_front_matter():
    page = "---\ntitle: 标题\n---\n\n# 一、甲\n\n!!! note \"编者注\"\n\n    更新的事实。\n\n正文。\n{ .x }\n\n```repayment-calculator\nprincipal: 1\n```\n"
    assert prose(page) == ["一、甲", "正文。"]
