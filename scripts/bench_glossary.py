"""Glossary linking budget, measured: at most 5 ms per page of 5,000 characters with 200 terms.

The page is built from the article's own sentences in paragraphs of three (with headings, a code
span and a link, so the excluded-element paths run too). The 200 terms are the real glossary plus
two-word phrases taken from the article (金融服务平台, 还款压力 …), so they really occur on the page;
the report gives how many matches the page holds.
Writes reports/glossary.json and reports/glossary.md. Run with `make bench`.
"""

from __future__ import annotations

import html
import statistics
import sys
import time
from pathlib import Path

import jieba

from debtkb import reports
from debtkb.glossary.linker import link_terms
from debtkb.glossary.matcher import Matcher
from debtkb.glossary.model import Glossary, Term, load
from debtkb.importer.article import read_lines
from debtkb.importer.render import sentences

ROOT = Path(__file__).resolve().parent.parent
BUDGET_MS = 5.0
TERMS = 200
PAGE_CHARS = 5000


def corpus() -> list[str]:
    lines = [line for line in read_lines(ROOT / "content" / "articles" / "xiaomi-finance-60k.txt") if line.strip()]
    return [s for line in lines for s in sentences(line)]


def glossary_of_200(sentences_: list[str]) -> Glossary:
    real = load(ROOT / "data" / "glossary.yml")
    taken = {s for t in real.terms for s in t.spellings}
    extra: list[Term] = []
    jieba.setLogLevel(60)
    for sentence in sentences_:
        words = [w for w in jieba.cut(sentence) if len(w) >= 2 and all("\u4e00" <= c <= "\u9fff" for c in w)]
        for left, right in zip(words, words[1:]):
            phrase = left + right
            if phrase not in taken:
                taken.add(phrase)
                extra.append(Term(phrase, (), "x", "释义", (), False))
    terms = real.terms + extra[: TERMS - len(real.terms)]
    assert len(terms) == TERMS, f"only {len(terms)} terms available"
    return Glossary(terms)


def page(sentences_: list[str]) -> str:
    parts, chars, i = [], 0, 0
    while chars < PAGE_CHARS:
        paragraph = "".join(sentences_[(i + k) % len(sentences_)] for k in range(3))
        if i % 12 == 0:
            parts.append(f"<h2>{html.escape(paragraph[:12])}</h2>")
        extra = ' <code>征信</code> <a href="#x">逾期</a>' if i % 9 == 0 else ""
        parts.append(f"<p>{html.escape(paragraph)}{extra}</p>")
        chars += len(paragraph)
        i += 3
    return "\n".join(parts)


def main() -> int:
    sentences_ = corpus()
    glossary = glossary_of_200(sentences_)
    started = time.perf_counter()
    matcher = Matcher(glossary)
    compile_ms = (time.perf_counter() - started) * 1000
    text = page(sentences_)
    definitions = {t.term: t.definition for t in glossary.terms}
    times, links = [], 0
    for _ in range(200):
        t = time.perf_counter()
        result = link_terms(text, matcher, lambda term: f"../glossary/#{term}", definitions.__getitem__)
        times.append((time.perf_counter() - t) * 1000)
        links = sum(result.linked.values())
    visible = sum(len(s) for s in sentences_)  # not used for the budget; for context
    result = {
        "terms": TERMS,
        "page_characters": PAGE_CHARS,
        "html_bytes": len(text.encode()),
        "links_made": links,
        "matches_on_page": sum(1 for _ in matcher.spans(text)),
        "median_ms": statistics.median(times),
        "max_ms": max(times),
        "min_ms": min(times),
        "matcher_compile_ms": compile_ms,
        "budget_ms": BUDGET_MS,
        "within_budget": statistics.median(times) <= BUDGET_MS,
        "article_characters": visible,
    }
    lines = [
        "# Glossary linking budget",
        "",
        "| measure | value | budget | ok |",
        "|---|---|---|---|",
        f"| link one page ({PAGE_CHARS:,} characters, {TERMS} terms), median (min – max) of 200 | {result['median_ms']:.2f} ms ({result['min_ms']:.2f} – {result['max_ms']:.2f} ms) | ≤ {BUDGET_MS} ms | {'yes' if result['within_budget'] else 'NO'} |",
        f"| compile the matcher once per build | {compile_ms:.2f} ms | | |",
        f"| links made on the page / term matches on it | {links} / {result['matches_on_page']} | | |",
    ]
    reports.write("glossary", result, lines)
    return 0 if result["within_budget"] else 1


if __name__ == "__main__":
    sys.exit(main())
