"""The term list: the real file is valid, and each kind of bad data is reported with its line."""

import pytest

from debtkb.glossary.model import GlossaryError, load, parse
from debtkb.glossary.settings import GlossarySettings, SettingsError, settings_from_extra
from tests.paths import ROOT

REQUIRED_TERMS = "征信 信用报告 逾期 罚息 复利 违约金 年化利率 内部收益率 等额本息 等额本金 先息后本 等本等息 贷款市场报价利率 协商还款 停息挂账 个性化分期 催收 诉讼时效 失信被执行人 消费金融公司 小额贷款公司 最低还款额".split()

ENTRY = """- term: {term}
  aliases: {aliases}
  english: {english}
  definition: 一句解释。
  related: {related}
  legal: false
"""


def entry(term="甲", aliases="[]", english="A", related="[]"):
    return ENTRY.format(term=term, aliases=aliases, english=english, related=related)


def problems(text):
    with pytest.raises(GlossaryError) as info:
        parse(text, "data/glossary.yml")
    return info.value.problems, str(info.value)


def test_the_real_glossary_is_valid_and_complete():
    glossary = load(ROOT / "data" / "glossary.yml")
    terms = glossary.by_term()
    entries = (ROOT / "data" / "glossary.yml").read_text(encoding="utf-8").count("\n- term: ")
    assert len(terms) == len(glossary.terms) == entries  # every entry of the file, none merged or lost
    assert set(REQUIRED_TERMS) <= set(terms)
    assert {"LPR": "贷款市场报价利率", "APR": "年化利率", "IRR": "内部收益率"} == {a: t.term for t in glossary.terms for a in t.aliases if a in ("LPR", "APR", "IRR")}
    for t in glossary.terms:
        assert t.english and 0 < len(t.definition) <= 200
        if t.legal:
            assert t.sources, t.term


def test_valid_minimal_entries():
    glossary = parse(entry("甲", related="[乙]") + entry("乙", aliases="[B]"))
    assert [t.term for t in glossary.terms] == ["甲", "乙"]
    assert glossary.terms[1].line == 7 and glossary.terms[1].aliases == ("B",)


def test_malformed_yaml_names_the_line():
    found, message = problems(entry("甲") + "- term: 乙\n  aliases: [未闭合\n  english: B\n")
    assert found[0][0] == 8 and "malformed YAML" in found[0][1]  # where the unclosed "[" is
    assert message.startswith("data/glossary.yml:8: malformed YAML")
    assert "while parsing a flow sequence that starts on line 8" in message


def test_missing_field_names_entry_and_line():
    text = entry("甲") + "- term: 乙\n  aliases: []\n  definition: 解释。\n  related: []\n  legal: false\n"
    assert problems(text)[0] == [(7, "entry '乙': missing field 'english'")]


def test_unknown_field():
    text = entry("甲").replace("legal: false", "legal: false\n  sorce: 笔误")
    assert problems(text)[0] == [(1, "entry '甲': unknown field 'sorce' (allowed: term, aliases, english, definition, related, legal, sources, not_in, everyday)")]


def test_duplicate_term():
    assert problems(entry("甲") + entry("甲"))[0] == [(7, "entry '甲': duplicate term (also on line 1)")]


def test_duplicate_alias_across_entries():
    assert problems(entry("甲", aliases="[A]") + entry("乙", aliases="[A]"))[0] == [(7, "entry '乙': duplicate alias 'A' (also an alias of '甲', line 1)")]


def test_alias_equal_to_another_term():
    assert problems(entry("甲", aliases="[乙]") + entry("乙"))[0] == [(1, "entry '甲': alias '乙' is itself a term (line 7)")]


def test_related_term_that_does_not_exist():
    assert problems(entry("甲", related="[丙]"))[0] == [(1, "entry '甲': related term '丙' does not exist; add it or fix the spelling")]


def test_legal_term_needs_a_source():
    text = entry("甲").replace("legal: false", "legal: true")
    assert problems(text)[0] == [(1, "entry '甲': a legal or regulatory term needs 'sources' (law and article, or regulator document)")]
    ok = text + "  sources:\n    - title: 《某法》第一条\n      url: https://example.org/law\n"
    assert parse(ok).terms[0].sources[0].url == "https://example.org/law"


def test_source_url_must_be_https():
    text = entry("甲") + "  sources:\n    - title: 某文件\n      url: ftp://x\n"
    assert problems(text)[0] == [(8, "entry '甲': source url must start with https://")]


def test_not_in_must_contain_the_term():
    text = entry("展期") + "  not_in: [发展]\n"
    assert problems(text)[0] == [(1, "entry '展期': every 'not_in' word must contain the term '展期'")]


def test_every_problem_at_once():
    text = entry("甲", related="[丁]") + entry("甲") + "- term: 丙\n"
    lines = [line for line, _ in problems(text)[0]]
    assert lines == sorted(lines) and len(lines) == 7  # 丁 unknown, 甲 twice, 丙 misses five fields


def test_not_a_list():
    assert problems("term: 甲\n")[0] == [(1, "the glossary must be a YAML list of entries (each starting with '- term: …')")]


def test_settings():
    assert settings_from_extra({}) == GlossarySettings()
    assert settings_from_extra({"glossary": {"links_per_term": 2}}).links_per_term == 2
    for bad, message in (
        ({"links_per_term": 0}, r"extra\.glossary\.links_per_term must be a whole number ≥ 1, got 0"),
        ({"links_per_term": True}, r"links_per_term must be a whole number ≥ 1, got True"),
        ({"page": "glossary.html"}, r"extra\.glossary\.page must be a \.md path, got 'glossary\.html'"),
        ({"fiel": "x"}, r"extra\.glossary has unknown keys \['fiel'\]; allowed: file, page, links_per_term"),
    ):
        with pytest.raises(SettingsError, match=message):
            settings_from_extra({"glossary": bad})
    with pytest.raises(SettingsError, match="extra.glossary must be a mapping"):
        settings_from_extra({"glossary": ["file"]})
