"""The importer command end to end in a scratch project: writes, refusals, all-or-nothing."""

import json
import shutil
from pathlib import Path

import pytest

from debtkb.importer.cli import main
from tests.paths import FIXTURES

SYNTHETIC = FIXTURES / "articles" / "synthetic-credit-card.txt"
MKDOCS = """site_name: 测试
nav:
  - 首页: home.md
  # importer:begin synthetic-credit-card
  # importer:end synthetic-credit-card
  - 其他: other.md
"""


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / "content" / "articles").mkdir(parents=True)
    shutil.copy(SYNTHETIC, tmp_path / "content" / "articles")
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(MKDOCS, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*extra):
    return main(["content/articles/synthetic-credit-card.txt", *extra])


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_first_import_writes_pages_nav_and_manifest(project, capsys):
    assert run() == 0
    out = capsys.readouterr().out
    pages = ["index.md", "fenqi-feiyong.md", "yuqi-de-houguo.md", "yingdui-banfa.md"]
    for page in pages:
        assert f"wrote docs/{page} (created)" in out
        assert (project / "docs" / page).is_file()
    assert "4 pages, 4 written, 0 unchanged" in out
    nav = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert "  - 首页: home.md\n  # importer:begin synthetic-credit-card\n  - index.md\n  - fenqi-feiyong.md\n" in nav
    assert nav.endswith("  # importer:end synthetic-credit-card\n  - 其他: other.md\n")
    manifest = json.loads((project / "content" / "import-manifest.json").read_text(encoding="utf-8"))
    assert sorted(manifest["content/articles/synthetic-credit-card.txt"]["pages"]) == sorted(f"docs/{p}" for p in pages)
    section = (project / "docs" / "fenqi-feiyong.md").read_text(encoding="utf-8")
    assert "# 一、分期费用\n\n分期手续费按月收取，看上去费率不高。\n\n## 1.1 手续费的计算\n" in section


def test_into_a_subfolder(project):
    assert run("--into", "cards") == 0
    assert (project / "docs" / "cards" / "index.md").is_file()
    assert "  - cards/index.md\n" in (project / "mkdocs.yml").read_text(encoding="utf-8")


def test_reimport_without_changes_writes_nothing(project, capsys):
    run()
    before = snapshot(project)
    capsys.readouterr()
    assert run() == 0
    assert "4 pages, 0 written, 4 unchanged" in capsys.readouterr().out
    assert snapshot(project) == before


def test_refuses_to_overwrite_an_edited_page(project, capsys):
    run()
    page = project / "docs" / "yuqi-de-houguo.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n编者补充的一段。\n", encoding="utf-8")
    source = project / "content" / "articles" / "synthetic-credit-card.txt"
    source.write_text(source.read_text(encoding="utf-8").replace("具體標準以合同為准。", "具體標準以借款合同為准。"), encoding="utf-8")
    before = snapshot(project)
    capsys.readouterr()
    assert run() == 1
    err = capsys.readouterr().err
    assert "nothing was written" in err
    assert "docs/yuqi-de-houguo.md: edited after the last import; re-run with --force" in err
    assert "fenqi-feiyong" not in err  # only the edited file is named
    assert snapshot(project) == before


def test_unedited_pages_are_updated_when_the_source_changes(project, capsys):
    run()
    source = project / "content" / "articles" / "synthetic-credit-card.txt"
    source.write_text(source.read_text(encoding="utf-8").replace("具體標準以合同為准。", "具體標準以借款合同為准。"), encoding="utf-8")
    capsys.readouterr()
    assert run() == 0
    out = capsys.readouterr().out
    assert "wrote docs/yuqi-de-houguo.md (updated)" in out
    assert "kept  docs/fenqi-feiyong.md (unchanged)" in out
    assert "具体标准以借款合同为准。" in (project / "docs" / "yuqi-de-houguo.md").read_text(encoding="utf-8")


def test_force_overwrites_an_edited_page(project, capsys):
    run()
    page = project / "docs" / "index.md"
    page.write_text("编辑过\n", encoding="utf-8")
    assert run("--force") == 0
    assert "wrote docs/index.md (overwritten (--force))" in capsys.readouterr().out
    assert page.read_text(encoding="utf-8").startswith("---\ntitle: 信用卡分期还不上怎么办\n")


def test_refuses_a_file_it_did_not_write(project, capsys):
    (project / "docs" / "index.md").write_text("别人的首页\n", encoding="utf-8")
    assert run() == 1
    assert "docs/index.md: exists but was not written by this importer" in capsys.readouterr().err
    assert not (project / "docs" / "fenqi-feiyong.md").exists()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (b"", "synthetic-credit-card.txt:1: the file is empty"),
        ("标题\n副标题\n小编导语\n正文。\n一、甲\n2.1 乙\n正文。\n".encode(), "synthetic-credit-card.txt:6: subsection 2.1 is inside section 一、"),
        ("标题\n副标题\n小编导语\n正文。\n一、甲\n".encode(), "synthetic-credit-card.txt:5: section '一、甲' has no text"),
        ("标题\n副标题\n小编导语\n".encode() + "正文。\n".encode("gb18030"), "synthetic-credit-card.txt:4: not valid UTF-8"),
    ],
)
def test_bad_input_writes_nothing(project, capsys, text, message):
    (project / "content" / "articles" / "synthetic-credit-card.txt").write_bytes(text)
    before = snapshot(project)
    assert run() == 1
    err = capsys.readouterr().err
    assert "import failed, nothing was written" in err and message in err
    assert snapshot(project) == before


def test_missing_nav_markers_are_explained(project, capsys):
    (project / "mkdocs.yml").write_text("site_name: 测试\nnav:\n  - home.md\n", encoding="utf-8")
    assert run() == 1
    err = capsys.readouterr().err
    assert "mkdocs.yml has no nav block for 'synthetic-credit-card'" in err
    assert "  # importer:begin synthetic-credit-card\n  - index.md\n" in err
    assert list((project / "docs").iterdir()) == []


def test_dry_run_writes_nothing(project, capsys):
    before = snapshot(project)
    assert run("--dry-run") == 0
    assert "would write docs/index.md (created)" in capsys.readouterr().out
    assert snapshot(project) == before


def test_missing_source_is_a_usage_error(project, capsys):
    with pytest.raises(SystemExit) as info:
        main(["content/articles/nope.txt"])
    assert info.value.code == 2
    assert "content/articles/nope.txt: no such file" in capsys.readouterr().err
