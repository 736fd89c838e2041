"""The generated glossary page: pinyin groups, anchors, sources, and the 出现在 lines."""

import re
from dataclasses import dataclass

import pytest

from debtkb.glossary.model import load, parse
from debtkb.glossary.page import fill_occurrences, initial, letters_only, render
from tests.paths import ROOT


@pytest.mark.parametrize(("term", "letter"), [("催收", "C"), ("还款能力", "H"), ("征信", "Z"), ("12378", "0–9"), ("LPR", "L"), ("罚息", "F")])
def test_pinyin_initial(term, letter):
    assert initial(term) == letter


def test_real_page_groups_every_term_once_in_pinyin_order():
    glossary = load(ROOT / "data" / "glossary.yml")
    markdown, tokens = render(glossary, "n0")
    assert markdown.startswith("---\ntitle: 术语表\n")
    headings = re.findall(r"^### (.+) \{ #(.+) \}$", markdown, re.M)
    assert sorted(h for h, _ in headings) == sorted(t.term for t in glossary.terms)
    assert all(h == anchor for h, anchor in headings)  # stable anchors: the term itself
    groups = re.findall(r"^## (\S+) \{ #(\S+) \}$", markdown, re.M)
    letters = [g for g, _ in groups]
    assert letters[0] == "0–9" and letters[1:] == sorted(letters[1:])
    # Within a group, entries follow pinyin: 催收 before 持牌金融机构? (chi < cui)
    c_group = markdown.split("## C { #c }")[1].split("\n## ")[0]
    c_terms = re.findall(r"^### (\S+)", c_group, re.M)
    assert c_terms == ["持牌金融机构", "催收"]
    assert len(tokens) == len(glossary.terms)


def test_each_letters_entries_are_one_block_sized_by_its_entry_count():
    """The letter heading stays outside the block (the table of contents finds it without laying
    out the entries); --entries lets the CSS estimate the block's height before it is laid out."""
    glossary = load(ROOT / "data" / "glossary.yml")
    markdown, _ = render(glossary, "n0")
    groups = re.split(r"^## \S+ \{ #\S+ \}\n\n", markdown, flags=re.M)[1:]
    assert len(groups) == len({initial(t.term) for t in glossary.terms})  # one block per letter in use
    for group in groups:
        block = re.fullmatch(r'<div class="glossary-entries" style="--entries: (\d+)" markdown>\n\n(.*)\n</div>\n\n?', group, re.S)
        assert block, group[:200]
        assert int(block[1]) == len(re.findall(r"^### ", block[2], re.M)) >= 1
        assert "<div" not in block[2] and "## " not in block[2].replace("### ", "")


def test_entry_shows_english_aliases_definition_related_and_source():
    glossary = parse(
        """
- term: 征信
  aliases: [个人征信]
  english: Credit reporting
  definition: 解释*带星号*和[方括号]。
  related: [信用报告]
  legal: true
  sources:
    - title: 《征信业管理条例》第二条
      url: https://example.org/a
- {term: 信用报告, aliases: [], english: Credit report, definition: 报告。, related: [], legal: false}
"""
    )
    markdown, tokens = render(glossary, "n0")
    entry = markdown.split("### 征信 { #征信 }")[1]
    assert "<span data-search-exclude>**英文**：Credit reporting</span>　**也写作**：个人征信" in entry  # aliases stay searchable
    assert r"解释\*带星号\*和\[方括号\]。" in entry
    assert "- <span data-search-exclude>相关术语：[信用报告](#信用报告)</span>" in entry
    assert "- <span data-search-exclude>出处：[《征信业管理条例》第二条](https://example.org/a)</span>" in entry
    assert f"- <span data-search-exclude>出现在：{tokens['征信']}</span>" in entry


def test_fill_occurrences():
    tokens = {"征信": "KBGLOSSARYOCCURSn0N0000", "信用报告": "KBGLOSSARYOCCURSn0N0001"}
    html = "<li>出现在：KBGLOSSARYOCCURSn0N0000</li><li>出现在：KBGLOSSARYOCCURSn0N0001</li>"
    out = fill_occurrences(html, tokens, {"征信": [("一、<甲>", "../a/"), ("二", "../b/")]})
    assert out == '<li>出现在：<a href="../a/">一、&lt;甲&gt;</a>、<a href="../b/">二</a></li><li>出现在：（暂未出现在其他页面）</li>'
    with pytest.raises(ValueError, match="placeholder was found 0 times"):
        fill_occurrences("<p></p>", tokens, {})


def test_long_occurrence_lists_show_the_first_pages_and_the_count():
    tokens = {"征信": "KBGLOSSARYOCCURSn0N0000"}
    pages = {"征信": [(f"第{i}篇", f"../p{i}/") for i in range(1, 41)]}
    out = fill_occurrences("<li>出现在：KBGLOSSARYOCCURSn0N0000</li>", tokens, pages)
    assert out.count("<a ") == 12 and '<a href="../p12/">' in out and "../p13/" not in out
    assert out.endswith("等 40 个页面（可用搜索找到全部）</li>")


def test_letters_only_keeps_the_letter_headings_of_the_table_of_contents():
    @dataclass
    class Item:
        title: str
        children: list

    toc = [Item("术语表", [Item("B", [Item("不良信息保存期限", [])]), Item("C", [Item("催收", []), Item("持牌金融机构", [])])])]
    letters_only(toc)
    assert [i.title for i in toc] == ["术语表"]
    assert [(i.title, i.children) for i in toc[0].children] == [("B", []), ("C", [])]
