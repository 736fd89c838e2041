"""The Traditional edition's own phrases (data/conversions.yml through OpenCC) and the report of
words with a choice of forms (debtkb.editions.ambiguous, make lint's warnings)."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import opencc
import pytest

from debtkb.editions import ambiguous, convert, phrases
from debtkb.editions.phrases import ConversionsError, Phrase
from tests.paths import ROOT

convert.use_project(str(ROOT))
PHRASES = phrases.load(ROOT / phrases.SHOWN)
s2tw = opencc.OpenCC("s2tw")

# Sentences of this site's kind that plain s2tw gets wrong: (Simplified, right, s2tw's wrong form).
KNOWN_WRONG = [
    ("请联系发卡银行申请分期", "聯繫發卡銀行", "髮卡"),
    ("信用卡发卡量逐年增加", "發卡量", "髮卡量"),
    ("见银发〔2003〕251号文", "銀發〔2003〕251號", "銀髮〔"),
    ("按银发[2003]251号执行", "銀發[2003]", "銀髮["),
    ("不是只有一个办法", "不是只有", "是隻有"),
    ("借款金额发放到账", "金額發放", "額髮放"),
    ("平台的资金发放很快", "資金發放", "金髮放"),
    ("贷款总发放额", "總發放", "總髮放"),
    ("催收包括发短信、寄信", "包括發短信", "括髮"),
    ("通知里写明了欠款金额", "寫明了", "明瞭"),
    ("从本金里扣除", "本金裡扣除", "本金里扣"),
    ("信用卡里的钱", "卡裡的錢", "卡里的"),
    ("你的合同如果签于其他时间", "簽於", "籤於"),
    ("按签合同时的利率算", "簽合同", "籤合同"),
    ("据南方周末报道", "南方周末", "南方週末"),
    ("这是只能靠自己的事", "這是只能", "是隻能"),
    ("逾期一出现就会上报", "一出現", "一齣現"),
    ("合同载明了利率", "載明了", "明瞭"),
    ("钱被划走了", "劃走", "划走"),
]


@pytest.mark.parametrize("phrase", PHRASES, ids=lambda p: p.simplified + ("〔" if p.document else ""))
def test_every_entry_converts_as_written_inside_a_sentence(phrase):
    for simplified, traditional in phrase.entries():
        assert traditional in convert.text(f"这里说到{simplified}2003〕的事")


@pytest.mark.parametrize(("simplified", "right", "wrong"), KNOWN_WRONG, ids=[k[0] for k in KNOWN_WRONG])
def test_a_known_wrong_conversion_of_plain_s2tw_is_right_in_the_edition(simplified, right, wrong):
    assert wrong in s2tw.convert(simplified)  # the case is real: OpenCC alone gets it wrong
    converted = convert.text(simplified)
    assert right in converted and wrong not in converted, converted


def test_a_document_code_keeps_its_character_only_before_a_bracket():
    assert convert.text("银发族") == "銀髮族"  # the ordinary word is left to OpenCC
    assert convert.text("银发〔2003〕251号和金规〔2025〕9号") == "銀發〔2003〕251號和金規〔2025〕9號"
    assert [e for e in PHRASES if e.simplified == "银发"][0].entries()[:2] == [("银发〔", "銀發〔"), ("银发[", "銀發[")]


def test_outside_the_project_phrases_the_conversion_is_s2tw():
    text = "头发、理发店、了解、干什么、面条、联系、关系、宽松、征信、复利"
    assert convert.text(text) == s2tw.convert(text) == "頭髮、理髮店、瞭解、幹什麼、麵條、聯繫、關係、寬鬆、徵信、複利"


def test_the_configuration_is_s2tw_with_the_project_dictionary_first(tmp_path):
    path = phrases.config(tmp_path, PHRASES, ["不是", "资金"])
    made = json.loads(path.read_text(encoding="utf-8"))
    base = json.loads((Path(opencc.__file__).parent / "clib/share/opencc/s2tw.json").read_text(encoding="utf-8"))
    segmentation, first = made["segmentation"]["dict"]["dicts"], made["conversion_chain"][0]["dict"]["dicts"]
    assert segmentation[0]["file"] == first[0]["file"] == str(tmp_path / "phrases.txt")  # the project's phrases come first
    assert segmentation[1]["file"] == str(tmp_path / "vocabulary.txt")  # words only cut the text: not in the conversion
    assert [Path(d["file"]).name for d in segmentation[2]["dicts"]] == [d["file"] for d in base["segmentation"]["dict"]["dicts"]]
    assert len(made["conversion_chain"]) == len(base["conversion_chain"])
    assert "发卡\t發卡\n" in (tmp_path / "phrases.txt").read_text(encoding="utf-8")
    assert (tmp_path / "vocabulary.txt").read_text(encoding="utf-8") == "不是\t不是\n资金\t资金\n"


def test_a_phrase_the_converter_changes_afterwards_is_an_error_naming_its_line():
    # TWVariants turns 裏 into 裡 after the project's phrases: the entry would never show as written.
    with pytest.raises(ConversionsError, match=r"data/conversions.yml:7: '里面' converts to '裡面', not '裏面'"):
        phrases.build([Phrase("里面", "裏面", "test", 7)], [])


def entries(text: str) -> list[tuple[int, str]]:
    with pytest.raises(ConversionsError) as raised:
        phrases.parse(text)
    return raised.value.problems


def test_bad_dictionary_entries_are_each_reported_with_their_line():
    text = "phrases:\n  - simplified: 发卡\n    traditional: 發卡\n  - simplified: 发卡\n    traditional: 髮夾\n    why: x\n  - simplified: 总发\n    traditional: 總發\n    why: y\n    note: z\n"
    assert entries(text) == [
        (2, "phrases: missing or empty field 'why'"),
        (4, "'髮夾' is not a Traditional spelling of '发卡' (OpenCC reads it back as '发夹')"),
        (7, "phrases: unknown field 'note'"),
    ]
    assert entries("phrases:\n  - simplified: 发\n    traditional: 發卡\n    why: x\n  - simplified: 发\n    traditional: 發\n    why: x\n") == [
        (2, "'发' → '發卡': both must have the same number of characters"),
        (5, "'发' is listed twice (first on line 2)"),
    ]
    assert entries("words:\n  - 发卡\n") == [(1, "the file must be a mapping with the sections phrases, document_numbers")]


def test_malformed_yaml_names_the_line_where_it_starts():
    problems = entries("phrases:\n  - simplified: 发卡\n    traditional: [發卡\n")
    assert len(problems) == 1 and problems[0][0] == 3 and problems[0][1].startswith("malformed YAML")


# --- the report of words with a choice of forms ---------------------------------------------


def test_opencc_lists_the_characters_with_several_forms():
    forms = ambiguous.forms()
    assert forms["发"] == ("發", "髮") and {"乾", "幹"} <= set(forms["干"]) and {"裡", "里"} & set(forms["里"])
    assert set("发干面里台余只系冲卷松准制征复历范钟获周表") <= set(forms)
    assert "银" not in forms and len(forms) > 200


def test_each_word_holding_such_a_character_is_found_with_its_form_and_place():
    text = "# 标题\n\n请联系发卡银行。\n\n```\n发卡\n```\n"
    found = list(ambiguous.occurrences("docs/a.md", text, convert.text))
    assert [(o.line, o.col, o.word, o.traditional) for o in found] == [(3, 2, "联系", "聯繫"), (3, 4, "发卡", "發卡")]  # not in the code block


def test_the_form_is_the_one_the_line_gets_converted_whole():
    # 包括 / 发短信 are separate words, but OpenCC sees the line: the report shows what readers see.
    [found] = [o for o in ambiguous.occurrences("x.md", "包括发短信", s2tw.convert) if o.word == "发短信"]
    assert found.traditional == "髮短信"


def test_comments_of_data_and_script_files_are_not_words_of_the_site():
    assert not list(ambiguous.occurrences("data/glossary.yml", "# 发卡\n", convert.text))
    assert not list(ambiguous.occurrences("docs/javascripts/repayment/strings.js", "  // 发卡\n", convert.text))
    assert [o.word for o in ambiguous.occurrences("data/glossary.yml", "  definition: 发卡\n", convert.text)] == ["发卡"]


def test_a_word_no_editor_checked_is_a_warning_naming_file_line_word_and_form():
    found = ambiguous.Occurrence(3, 4, "发卡", "髮卡")
    warning = ambiguous.problem("docs/a.md", found, {})
    assert str(warning) == (
        "docs/a.md:3:4: conversions: '发卡' → '髮卡' is not reviewed (发（發 髮）): if right, add '发卡 髮卡' to "
        "data/reviewed-conversions.txt; if wrong, add a phrase to data/conversions.yml"
    )
    assert ambiguous.problem("docs/a.md", found, {"发卡": "髮卡"}) is None
    changed = ambiguous.problem("docs/a.md", found, {"发卡": "發卡"})
    assert changed.message == "'发卡' converts to '髮卡' here, but was reviewed as '發卡': add a phrase to data/conversions.yml"


def test_the_phrase_dictionary_counts_as_checked():
    known = ambiguous.known_words({"联系": "聯繫"}, PHRASES)
    assert known["发卡"] == "發卡" and known["联系"] == "聯繫"


def test_the_reviewed_list_reads_pairs_and_reports_bad_lines():
    assert ambiguous.parse_reviewed("# 注释\n发生 發生\n想象 想像  # 像 is a form of 象\n") == {"发生": "發生", "想象": "想像"}
    with pytest.raises(ambiguous.ReviewedError) as raised:
        ambiguous.parse_reviewed("发生 發生\n发生 發生\n发卡\n发卡 髮夾\n")
    assert raised.value.problems == [
        (2, "'发生' is listed twice (first on line 1)"),
        (3, "expected a Simplified word and its Traditional form, e.g. '发生 發生'; got '发卡'"),
        (4, "'髮夾' is not a Traditional spelling of '发卡'"),
    ]


def test_the_site_has_no_unchecked_word():
    from debtkb.lint import conversions

    warnings, rows, known = conversions.scan(ROOT, ambiguous.files(ROOT))
    assert not warnings, "\n".join(map(str, warnings[:20]))
    assert len(rows) > 300  # pages, glossary and calculator words were all read


def lint(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "debtkb.lint", *args], cwd=root, capture_output=True, text=True)


def test_make_lint_warns_about_a_new_articles_unchecked_word_and_records_it(tmp_path):
    for name in ("conversions.yml", "reviewed-conversions.txt", "glossary.yml"):
        (tmp_path / "data").mkdir(exist_ok=True)
        shutil.copy(ROOT / "data" / name, tmp_path / "data" / name)
    (tmp_path / "docs" / "articles").mkdir(parents=True)
    (tmp_path / "docs" / "articles" / "new.md").write_text("---\ntitle: 新文章\ndescription: 一篇新文章。\n---\n\n# 新文章\n\n他用发胶固定头发。\n", encoding="utf-8")
    first = lint(tmp_path)
    assert first.returncode == 0, first.stdout + first.stderr  # a warning, not a problem
    assert "docs/articles/new.md:8:3: warning: conversions: '发胶' → '髮膠' is not reviewed" in first.stdout, first.stdout
    assert (tmp_path / "reports" / "conversions.md").read_text(encoding="utf-8").count("| 发胶 | 髮膠 | 1 | docs/articles/new.md:8 | **no** |") == 1
    recorded = lint(tmp_path, "--record-conversions")
    assert "发胶 髮膠\n" in (tmp_path / "data" / "reviewed-conversions.txt").read_text(encoding="utf-8"), recorded.stderr
    assert "warning" not in lint(tmp_path).stdout


def test_a_broken_reviewed_list_fails_lint_with_its_line(tmp_path):
    (tmp_path / "data").mkdir()
    shutil.copy(ROOT / "data" / "conversions.yml", tmp_path / "data")
    (tmp_path / "data" / "reviewed-conversions.txt").write_text("发卡 發卡\n头发\n", encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text("---\ntitle: 甲\n---\n\n# 甲\n\n头发。\n", encoding="utf-8")
    result = lint(tmp_path)
    assert result.returncode == 1 and "data/reviewed-conversions.txt:2: expected a Simplified word" in result.stdout, result.stdout
