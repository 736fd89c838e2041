"""The search index's Python half (debtkb.search): terms, folding, sections, shards and manifest.
tests/js/search.test.mjs checks the browser half against the same fixture."""

import json

import pytest

from debtkb.search import extract, index
from debtkb.search.script_table import full_table, observed_pairs, shipped_table, table_with
from debtkb.search.terms import fold, terms
from tests.paths import FIXTURES

CASES = json.loads((FIXTURES / "search_terms.json").read_text(encoding="utf-8"))
TABLE = {ord(t): s for t, s in zip(CASES["table"][::2], CASES["table"][1::2])}


@pytest.mark.parametrize("case", CASES["cases"], ids=[c["text"] or "empty" for c in CASES["cases"]])
def test_fold_and_terms_match_the_shared_cases(case):
    assert fold(case["text"], TABLE) == case["folded"]
    assert terms(case["folded"]) == case["terms"]


def test_script_table_comes_from_opencc_and_is_cut_to_the_site():
    table = full_table()
    assert table[ord("還")] == "还" and table[ord("徵")] == "征" and table[ord("髮")] == "发"
    assert ord("还") not in table and len(table) > 2500  # Simplified characters are left alone
    assert shipped_table({"还", "款"}) == {"還": "还"}


def test_sections_follow_headings_and_skip_widgets_and_permalinks():
    html = (
        '<h1 id="t">标题<a class="headerlink" href="#t">¶</a></h1><p>协商<strong>还款</strong>的办法</p><p>第二段</p>'
        '<div class="kb-calc"><label>本金</label></div><h2 id="a">小节</h2><p>内容 &amp; 说明</p><script>var 还款 = 1</script>'
        '<h2 id="empty">只有标题</h2><p data-search-exclude>不要</p>'
    )
    assert extract.sections(html, "页面") == [
        extract.Section("t", "标题", "协商还款的办法 第二段"),
        extract.Section("a", "小节", "内容 & 说明"),
        extract.Section("empty", "只有标题", ""),
    ]
    assert extract.sections("<p>开头的话</p>", "页面") == [extract.Section("", "页面", "开头的话")]


def test_written_index_shards_postings_by_first_character(tmp_path):
    docs = [
        index.document("b/", "逾期", [extract.Section("", "逾期", "逾期以后先協商")]),
        index.document("a/", "协商", [extract.Section("x", "协商还款", "协商")]),
    ]
    written = index.write(tmp_path, docs, TABLE, {"fold": "", "everyday": {}, "completions": []})
    manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    assert (written.docs, manifest["docs"]) == (2, 2)
    assert json.loads((tmp_path / "d" / "0.json").read_text(encoding="utf-8")) == {"u": "a/", "t": "协商", "s": [["x", "协商还款", "协商"]]}  # URL order
    shard = json.loads((tmp_path / "s" / f"{index.shard_of('协商', written.shards)}.json").read_text(encoding="utf-8"))
    # a/: title ×3 + heading ×2 + text ×1; b/: text once, written 協商 (folded)
    assert shard["协商"] == [0, 6, 1, 1] and "協商" not in shard
    assert manifest["lengths"] == [sum(docs[1].counts.values()), sum(docs[0].counts.values())]


def test_the_editions_own_conversions_are_folded_back():
    to_traditional = {"了解\n发卡\n情况": "瞭解\n發卡\n情況"}.get
    assert observed_pairs({"情况", "了解", "发卡"}, to_traditional, True) == {ord("瞭"): "了", ord("況"): "况", ord("發"): "发"}
    back = {"乾淨\n瞭解": "干净\n了解"}.get
    assert observed_pairs({"瞭解", "乾淨"}, back, False) == {ord("瞭"): "了", ord("乾"): "干", ord("淨"): "净"}
    assert observed_pairs({"一行"}, {"一行": "一二行"}.get, True) == {}  # lengths differ: nothing lines up
    table = table_with({ord("瞭"): "了", ord("還"): "X"})
    assert table[ord("瞭")] == "了" and table[ord("還")] == "还"  # OpenCC's table wins where it has an entry


def test_a_dirty_rewrite_writes_only_what_changed_and_removes_what_went(tmp_path):
    first = [index.document(f"p{k}/", f"第{k}页", [extract.Section("", f"第{k}页", "协商还款")]) for k in range(3)]
    previous = {}
    index.write(tmp_path, first, TABLE, {}, previous)
    assert len(previous) == 3 + written_shards(tmp_path) + 1
    stamp = {p: p.stat().st_mtime_ns for p in previous}
    edited = [first[0], index.document("p1/", "第1页", [extract.Section("", "第1页", "改过的文字")])]
    index.write(tmp_path, edited, TABLE, {}, previous)
    assert not (tmp_path / "d" / "2.json").exists()  # the page that went
    assert (tmp_path / "d" / "0.json").stat().st_mtime_ns == stamp[tmp_path / "d" / "0.json"]  # unchanged: not rewritten
    assert "改过" in (tmp_path / "d" / "1.json").read_text(encoding="utf-8")


def written_shards(folder):
    return len(list((folder / "s").glob("*.json")))
