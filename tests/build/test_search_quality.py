"""Chinese search measured with Material's own search worker (run in Node on the built index).

Compared with a baseline build of the same pages without the glossary words and index tuning:
every page that a query found and that really contains the query is still found; phrases typed as
one query put a page holding the phrase first; every glossary term finds its entry and its pages.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from debtkb.glossary.model import load
from debtkb.text import has_han
from debtkb.search.tuning import HIDDEN_OPEN
from tests.conftest import mkdocs_build
from tests.paths import MKDOCS_YML, ROOT

HARNESS = ROOT / "tests" / "tools" / "material_search.mjs"


def search(site: Path, queries: list[str]) -> dict[str, list[str]]:
    out = subprocess.run(["node", str(HARNESS), str(site), *queries], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def page_tokens(site: Path) -> dict[str, set[str]]:
    """Visible tokens of each page (hidden tuning tokens left out), as the worker splits them."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    separator = re.compile(index["config"]["separator"])
    pages: dict[str, set[str]] = {}
    for doc in index["docs"]:
        visible = re.sub(r"<[^>]+>", " ", doc["text"].split(HIDDEN_OPEN)[0] + " " + doc["title"])
        pages.setdefault(doc["location"].split("#")[0], set()).update(t.lower() for t in separator.split(visible) if t)
    return pages


def page_text(site: Path) -> dict[str, str]:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    pages: dict[str, str] = {}
    for doc in index["docs"]:
        visible = re.sub(r"<[^>]+>", "", doc["text"].split(HIDDEN_OPEN)[0] + doc["title"]).replace("\u200b", "")
        pages[doc["location"].split("#")[0]] = pages.get(doc["location"].split("#")[0], "") + visible
    return pages


@pytest.fixture(scope="module")
def baseline(tmp_path_factory):
    """The same site built by plain Material + jieba: no glossary words, no index tuning."""
    config = MKDOCS_YML.read_text(encoding="utf-8")
    config = config.replace("  - hooks/search.py\n", "").replace("  - hooks/glossary.py\n", "").replace("  - glossary.md\n", "")
    config = config.replace("\nvalidation:\n", "\nvalidation:\n  not_found: info  # the home page links the glossary, which this build leaves out\n")
    path = ROOT / "mkdocs.baseline-test.yml"
    path.write_text(config, encoding="utf-8")
    try:
        result = mkdocs_build(path, tmp_path_factory.mktemp("baseline") / "site")
    finally:
        path.unlink()
    assert result.returncode == 0, result.output
    return result.site


def test_nothing_findable_before_becomes_unfindable(site, baseline):
    before_tokens = page_tokens(baseline)
    queries = sorted({t for tokens in before_tokens.values() for t in tokens if has_han(t)})
    assert len(queries) > 400  # every Chinese token of the baseline index
    before, after = search(baseline, queries), search(site, queries)
    lost = []
    for query in queries:
        truly = {page for page in before[query] if query in before_tokens.get(page, set())}
        missing = truly - set(after[query])
        if missing:
            lost.append((query, sorted(missing)))
    assert lost == [], lost


# Two words typed together, each held by the page(s) named.
PHRASES = ["还款方式", "金融生态", "消费观念", "信用记录", "金融知识", "信用危机", "金融诈骗", "用户教育", "风险控制", "经济压力", "法律帮助", "生活质量", "理财投资", "个人信息", "贷款申请"]


def test_phrases_typed_as_one_query_rank_a_page_holding_them_first(site, baseline):
    texts = page_text(site)
    after = search(site, PHRASES)
    before = search(baseline, PHRASES)
    worse_before = 0
    for phrase in PHRASES:
        holders = {page for page, text in texts.items() if phrase in text}
        assert holders, f"{phrase} is not on the site: pick another phrase"
        assert after[phrase] and after[phrase][0] in holders, (phrase, after[phrase][:3], holders)
        if not before[phrase] or before[phrase][0] not in holders:
            worse_before += 1
    assert worse_before >= 5  # the baseline fails at least a third of them: the test measures something


def test_every_glossary_term_finds_its_entry_and_its_pages(site):
    glossary = load(ROOT / "data" / "glossary.yml")
    texts = page_text(site)
    # Spellings that mix Chinese and Latin letters (四倍LPR) are left out: Material's query parser
    # splits such a query into a Chinese part and a Latin part and then finds neither.
    queries = [s for t in glossary.terms for s in t.spellings if has_han(s) and not re.search("[A-Za-z0-9]", s)] + ["LPR", "APR", "IRR"]
    results = search(site, queries)
    for query in queries:
        assert "glossary/" in results[query], query
        holders = {page for page, text in texts.items() if query in text}
        assert holders <= set(results[query]), (query, holders - set(results[query]))


def test_hidden_tokens_never_show_in_result_teasers(site):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    tuned = [d for d in index["docs"] if HIDDEN_OPEN in d["text"]]
    assert len(tuned) > 10
    for doc in tuned:
        assert doc["text"].count(HIDDEN_OPEN) == 1 and doc["text"].endswith("</p>")
