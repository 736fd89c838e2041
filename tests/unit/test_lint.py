"""Content checks: each reports path:line[:col] and what to write instead."""

import pytest

from debtkb.editions import convert
from debtkb.lint import characters, copywriting, frontmatter
from debtkb.lint.__main__ import main
from tests.paths import DOCS, ROOT, SECTION_PAGES

GOOD = "---\ntitle: 标题\ndescription: 一句简介。\n---\n\n# 标题\n\n借款 6 万元。\n"


@pytest.fixture(autouse=True)
def project_state(monkeypatch):
    """The CLI reads the project from the working directory (as `make lint` runs it) and points
    the converter at it (debtkb.editions.convert.use_project): run it from the project root, and
    give the converter back the project it had, so no later test converts with another one."""
    monkeypatch.chdir(ROOT)
    monkeypatch.setitem(convert._project, "root", convert._project["root"])


def messages(problems):
    return [str(p) for p in problems]


def test_look_alike_radicals_and_compatibility_forms():
    text = "人⺠法院\n⼈民\n"  # U+2EA0 CJK radical, U+2F08 Kangxi radical
    assert messages(characters.check("docs/a.md", text)) == [
        "docs/a.md:1:2: characters: look-alike “⺠” (U+2EA0, a radical or compatibility form): write “民”",
        "docs/a.md:2:1: characters: look-alike “⼈” (U+2F08, a radical or compatibility form): write “人”",
    ]


def test_zero_width_characters():
    assert messages(characters.check("docs/a.md", "还\u200b款\n")) == ["docs/a.md:1:2: characters: invisible zero-width space (U+200B): delete it"]


def test_traditional_characters_in_a_simplified_page():
    assert messages(characters.check("docs/a.md", "正文\n还款問題\n")) == [
        "docs/a.md:2:3: characters: Traditional “問” in a Simplified page: write “问”",
        "docs/a.md:2:4: characters: Traditional “題” in a Simplified page: write “题”",
    ]


def test_code_is_not_checked():
    text = "`問題`\n\n```text\n⺠ \u200b\n```\n正文\n"
    assert characters.check("docs/a.md", text) == []


def test_front_matter_schema():
    assert frontmatter.check("docs/a.md", GOOD) == []
    assert messages(frontmatter.check("docs/a.md", "# 没有 front matter\n")) == ["docs/a.md:1: front matter: missing front matter: start the page with ---, title: …, description: …, ---"]
    long = GOOD.replace("一句简介。", "很长" * 61)
    assert messages(frontmatter.check("docs/a.md", long)) == ["docs/a.md:3: front matter: description has 122 characters; at most 120"]
    typo = GOOD.replace("title: 标题", "titel: 标题")
    assert messages(frontmatter.check("docs/a.md", typo)) == [
        "docs/a.md:2: front matter: unknown key 'titel' (allowed: calculator, checked, date, description, faq, hide, imported, kind, listing, search, site, source, tags, title)",
        "docs/a.md:2: front matter: 'title' is required",
    ]
    assert messages(frontmatter.check("docs/a.md", GOOD.replace("description: 一句简介。\n", "description: 一句简介。\nkind: blog\n"))) == ["docs/a.md:4: front matter: kind must be one of article, guide, webpage"]


def test_copywriting_reports_the_line_and_the_fix():
    [problem] = copywriting.check("docs/a.md", GOOD.replace("借款 6 万元", "借款6万元"))
    assert (problem.line, problem.check) == (8, "autocorrect")
    assert "“借款6万元。” → “借款 6 万元。”" in problem.message
    assert copywriting.fix("借款6万元,LPR是3%。") == "借款 6 万元，LPR 是 3%。"
    assert copywriting.check("docs/a.md", "文件号金规〔2025〕9号。\n") == []  # official numbers stay as published


def test_cli_exit_status_and_fix(tmp_path, capsys):
    page = tmp_path / "a.md"
    page.write_text(GOOD.replace("借款 6 万元", "借款6万元"), encoding="utf-8")
    assert main([str(page)]) == 1
    assert f"{page.as_posix()}:8:1: autocorrect:" in capsys.readouterr().out
    assert main(["--fix", str(page)]) == 0
    assert "借款 6 万元" in page.read_text(encoding="utf-8")


def test_the_repository_docs_are_clean(capsys):
    files = sorted(DOCS.rglob("*.md"))  # from the project root, wherever pytest was started
    names = {p.relative_to(DOCS).as_posix() for p in files}
    known = {"index.md", "calculator.md", "topics.md", "style-guide.md", "articles/index.md", "guide/yingdui-buzhou.md", *(f"{p}.md" for p in SECTION_PAGES)}
    assert known <= names, sorted(known - names)
    assert main([str(p) for p in files]) == 0
    assert f"{len(files)} files checked, 0 problems" in capsys.readouterr().err
