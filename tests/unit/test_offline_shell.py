"""The pages a first visit saves, and publishing the worker (debtkb.offline)."""

import pytest

from debtkb import offline


def test_the_shell_is_home_each_guide_page_the_calculator_and_the_glossary():
    pages = {"index.md": 1, "guide/b.md": 1, "guide/a.md": 1, "articles/x.md": 1, "calculator.md": 1}
    titles = {"index.md": "首页", "guide/a.md": "甲", "guide/b.md": None}
    assert offline.shell_links(pages, titles.get, "glossary.md") == [
        ("首页", "index.md"), ("甲", "guide/a.md"), ("guide/b.md", "guide/b.md"), ("calculator.md", "calculator.md"), ("术语表", "glossary.md")
    ]
    assert offline.shell_links({"guide/a.md": 1}, lambda uri: "甲", "g.md") == [("甲", "guide/a.md"), ("术语表", "g.md")]  # no home or calculator page


def test_the_worker_is_published_with_the_sources_version(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "site").mkdir()
    (tmp_path / "docs" / "sw.js").write_text(f"{offline.VERSION_LINE}\nself.x = 1;\n", encoding="utf-8")
    offline.write_worker(tmp_path / "docs", tmp_path / "site", tmp_path)
    assert (tmp_path / "site" / "sw.js").read_text(encoding="utf-8") == f'const VERSION = "{offline.version(tmp_path)}";\nself.x = 1;\n'
    (tmp_path / "docs" / "sw.js").unlink()
    with pytest.raises(ValueError, match=r"^docs/sw\.js is missing: it is the offline reading worker$"):
        offline.write_worker(tmp_path / "docs", tmp_path / "site", tmp_path)
