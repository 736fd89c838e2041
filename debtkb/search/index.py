"""The site's search index, written as small files a browser fetches only when a reader searches.

Layout under ``<site>/search/`` (read by docs/javascripts/search/engine.js):
- ``manifest.json``: how many documents and shards, each document's length (for ranking), URL
  and title (for results listed past the first few), the
  script table (``script_table``), readers' words (glossary ``everyday`` → the term) and the
  words offered as completions;
- ``s/<k>.json``: the postings of every term whose first character c has ord(c) % shards == k —
  {term: [doc, weight, doc, weight, …]} — so a query loads one small file per distinct first
  character, and a one-character query finds every term that starts with it in one file;
- ``d/<doc>.json``: one page, {u: URL, t: title, s: [[anchor, heading, text], …]}, fetched for
  the results shown, to cut the excerpt.
A term's weight in a document counts words in the page title three times and in headings twice.
"""

from __future__ import annotations

import json
import math
import shutil
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from debtkb.search.extract import Section
from debtkb.search.terms import add_terms, normalize

TITLE_WEIGHT = 3
HEADING_WEIGHT = 2
SHARD_BYTES = 16_000  # aim for shards of about this size (JSON, before gzip)
MAX_SHARDS = 1024
FORMAT = 1


@dataclass
class Doc:
    url: str
    title: str
    sections: list[Section]
    counts: Counter


@dataclass(frozen=True)
class Written:
    docs: int
    shards: int
    terms: int
    bytes: int  # all files written, before gzip


def document(url: str, title: str, sections: list[Section]) -> Doc:
    """A page's document, its terms counted before script folding (``write`` folds them)."""
    counts: Counter = Counter()
    add_terms(counts, normalize(title), TITLE_WEIGHT)
    for s in sections:
        if s.anchor:
            add_terms(counts, normalize(s.heading), HEADING_WEIGHT)
        add_terms(counts, normalize(s.text))
    return Doc(url, title, sections, counts)


def vocabulary(docs: list[Doc]) -> set[str]:
    return {term for d in docs for term in d.counts}


def shard_of(term: str, shards: int) -> int:
    return ord(term[0]) % shards


def write(folder: Path, docs: list[Doc], table, extra: dict, previous: dict[Path, bytes] | None = None) -> Written:
    """Write the index of ``docs`` (in URL order) into ``folder``, terms folded with ``table``;
    ``extra`` goes into the manifest as it is (script table, readers' words, completions).

    ``previous`` (the files this process last wrote there, updated in place) is for
    `mkdocs serve --dirtyreload`: unchanged files are not written again, and files no longer in
    the index are removed. Without it the folders are emptied and every file is written."""
    docs = sorted(docs, key=lambda d: d.url)
    folded_of = {term: term.translate(table) for term in vocabulary(docs)}  # each distinct term once
    postings: dict[str, list[int]] = {}
    for i, doc in enumerate(docs):
        folded: dict[str, int] = {}
        for term, weight in doc.counts.items():
            key = folded_of[term]
            folded[key] = folded.get(key, 0) + weight
        for term, weight in folded.items():  # docs in order, so each posting list is in doc order
            found = postings.get(term)
            if found is None:
                postings[term] = [i, weight]
            else:
                found += (i, weight)
    size = sum(len(t.encode()) + 6 + 4 * len(p) for t, p in postings.items())
    shards = max(1, min(MAX_SHARDS, math.ceil(size / SHARD_BYTES)))
    by_shard: list[dict[str, list[int]]] = [{} for _ in range(shards)]
    for term in sorted(postings):
        by_shard[shard_of(term, shards)][term] = postings[term]
    if previous is None:
        for sub in ("s", "d"):
            shutil.rmtree(folder / sub, ignore_errors=True)  # a rebuild may have fewer shards or pages
    for sub in ("s", "d"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    files: dict[Path, object] = {folder / "s" / f"{k}.json": shard for k, shard in enumerate(by_shard)}
    for i, doc in enumerate(docs):
        files[folder / "d" / f"{i}.json"] = {"u": doc.url, "t": doc.title, "s": [[s.anchor, s.heading, s.text] for s in doc.sections]}
    lengths = [sum(d.counts.values()) for d in docs]
    manifest = {
        "format": FORMAT,
        "docs": len(docs),
        "shards": shards,
        "lengths": lengths,
        "averageLength": (sum(lengths) / len(lengths)) if lengths else 0,
        "urls": [d.url for d in docs],  # results past the first few are listed by title alone
        "titles": [d.title for d in docs],
        **extra,
    }
    files[folder / "manifest.json"] = manifest
    written = 0
    for path, value in files.items():
        data = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        written += len(data)
        if previous is None or previous.get(path) != data:
            path.write_bytes(data)
            if previous is not None:
                previous[path] = data
    if previous is not None:
        for path in [p for p in previous if p not in files]:
            path.unlink(missing_ok=True)
            del previous[path]
    return Written(len(docs), shards, len(postings), written)
