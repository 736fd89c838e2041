"""The site's search measured on the built site, with the engine the browser runs
(tests/search_tools.py), beside Material's own search of the same pages (its worker in Node).

- nothing Material's search finds is lost: every Chinese word of Material's index, asked as a
  query, finds every page holding it that Material found;
- two words typed together put a page holding the phrase first;
- every glossary spelling finds its entry and every page using it;
- either script finds the same pages, in both editions;
- each reader's everyday word finds a page that uses its glossary term (one test per word).
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import opencc
import pytest

from debtkb.glossary.model import load
from debtkb.text import has_han
from tests.conftest import mkdocs_build
from tests.paths import MKDOCS_YML, ROOT
from tests.search_tools import pages, site_search

MATERIAL = ROOT / "tests" / "tools" / "material_search.mjs"
GLOSSARY = load(ROOT / "data" / "glossary.yml")
S2TW = opencc.OpenCC("s2tw")


def material_search(site: Path, queries: list[str]) -> dict[str, list[str]]:
    out = subprocess.run(["node", str(MATERIAL), str(site), *queries], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


@pytest.fixture(scope="module")
def material(tmp_path_factory):
    """The same pages indexed by plain Material + jieba (no project hooks)."""
    config = MKDOCS_YML.read_text(encoding="utf-8")
    config = re.sub(r"\nhooks:\n(  - .*\n)+", "\n", config).replace("  - glossary.md\n", "")
    config = config.replace("\nvalidation:\n", "\nvalidation:\n  not_found: info  # the home page links the glossary, which this build leaves out\n")
    folder = tmp_path_factory.mktemp("material")
    for name in ("docs", "overrides", "data"):
        (folder / name).symlink_to(ROOT / name)
    path = folder / "mkdocs.yml"
    path.write_text(config, encoding="utf-8")
    result = mkdocs_build(path, folder / "site")
    assert result.returncode == 0, result.output
    return result.site


@pytest.fixture(scope="module")
def texts(site):
    return pages(site / "search")


def material_tokens(site: Path) -> list[str]:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    separator = re.compile(index["config"]["separator"])
    found = set()
    for doc in index["docs"]:
        visible = re.sub(r"<[^>]+>", " ", doc["text"] + " " + doc["title"])
        found |= {t.lower() for t in separator.split(visible) if t and has_han(t)}
    return sorted(found)


def test_nothing_materials_search_finds_is_lost(site, material, texts):
    queries = material_tokens(material)
    assert len(queries) > 1000  # every Chinese word of Material's index
    before, after = material_search(material, queries), site_search(site / "search", queries)
    lost = []
    for query in queries:
        truly = {page for page in before[query] if query in texts.get(page, "").lower()}
        missing = truly - set(after[query]["pages"])
        if missing:
            lost.append((query, sorted(missing)))
    assert lost == [], lost[:20]


PHRASES = ["还款方式", "金融生态", "消费观念", "信用记录", "金融知识", "信用危机", "金融诈骗", "用户教育", "风险控制", "经济压力", "法律帮助", "生活质量", "理财投资", "个人信息", "贷款申请"]


def test_phrases_typed_as_one_query_rank_a_page_holding_them_first(site, texts):
    results = site_search(site / "search", PHRASES)
    for phrase in PHRASES:
        holders = {page for page, text in texts.items() if phrase in text}
        assert holders, f"{phrase} is not on the site: pick another phrase"
        assert results[phrase]["pages"][0] in holders, (phrase, results[phrase]["pages"][:3], holders)


def test_every_glossary_spelling_finds_its_entry_and_its_pages(site, texts):
    queries = [s for t in GLOSSARY.terms for s in t.spellings]
    results = site_search(site / "search", queries)
    for query in queries:
        assert "glossary/" in results[query]["pages"], query
        holders = {page for page, text in texts.items() if query.lower() in text.lower()}
        assert holders <= set(results[query]["pages"]), (query, holders - set(results[query]["pages"]))


def article_words(texts: dict[str, str]) -> list[str]:
    """Two- to four-character words of the article pages that Traditional writes differently."""
    words = set()
    for page, text in texts.items():
        if page.startswith(("guide/", "glossary/")) or not page:
            continue
        for run in re.findall(r"[\u4e00-\u9fff]{2,}", text):
            for size in (2, 4):
                for i in range(0, len(run) - size + 1, size):
                    word = run[i : i + size]
                    if S2TW.convert(word) != word:
                        words.add(word)
    return sorted(words)


@pytest.mark.parametrize("edition", ["", "zh-Hant"])
def test_either_script_finds_the_same_pages(site, texts, edition):
    words = article_words(texts)
    assert len(words) > 300
    folder = site / edition / "search" if edition else site / "search"
    other = {w: S2TW.convert(w) for w in words}
    simplified = site_search(folder, words)
    traditional = site_search(folder, sorted(set(other.values())))
    for word in words:
        holders = {page for page, text in texts.items() if word in text}
        assert set(simplified[word]["pages"][:5]) & holders, (edition, word)
        assert traditional[other[word]]["pages"] == simplified[word]["pages"], (edition, word, other[word])


EVERYDAY = [(word, t.term) for t in GLOSSARY.terms for word in t.everyday]


def test_every_term_has_readers_words():
    assert [t.term for t in GLOSSARY.terms if not t.everyday] == []


@pytest.fixture(scope="module")
def everyday_results(site):
    """Each word in either script, on either edition: {(edition, query): pages}."""
    queries = sorted({w for w, _ in EVERYDAY} | {S2TW.convert(w) for w, _ in EVERYDAY})
    out = {}
    for edition in ("", "zh-Hant"):
        for query, result in site_search(site / edition / "search" if edition else site / "search", queries).items():
            out[edition, query] = result["pages"]
    return out


@pytest.mark.parametrize(("word", "term"), EVERYDAY, ids=[w for w, _ in EVERYDAY])
def test_readers_word_finds_a_page_that_uses_the_term(everyday_results, texts, word, term):
    spellings = next(t.spellings for t in GLOSSARY.terms if t.term == term)
    users = {page for page, text in texts.items() if any(s.lower() in text.lower() for s in spellings) and page != "glossary/"}
    expected = users or {"glossary/"}  # a term no page uses yet: its glossary entry
    for edition in ("", "zh-Hant"):
        for query in (word, S2TW.convert(word)):
            found = everyday_results[edition, query][:5]
            assert set(found) & expected, (edition, query, term, found)
