"""The search hook's guards, in real MkDocs builds of a tiny site (the project's glossary)."""

import shutil

from tests.conftest import mkdocs_build
from tests.paths import ROOT

CONFIG = """site_name: 测试
theme:
  name: material
  language: zh
hooks:
  - {hook}
plugins:
  - search:
      separator: '{separator}'
"""


def build(tmp_path, separator):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# 首页\n\n借款人应当按时还款。\n", encoding="utf-8")
    shutil.copytree(ROOT / "data", tmp_path / "data")
    config = tmp_path / "mkdocs.yml"
    config.write_text(CONFIG.format(hook=ROOT / "hooks" / "search.py", separator=separator), encoding="utf-8")
    return mkdocs_build(config, tmp_path / "site")


def test_a_separator_that_is_not_a_regex_fails_the_build(tmp_path):
    result = build(tmp_path, r"[\s\u200b")
    assert result.returncode == 1
    assert "ERROR" in result.output and "mkdocs.yml: plugins.search.separator is not a valid regular expression" in result.output


def test_a_search_box_not_wired_to_the_sites_worker_fails_the_build(tmp_path):
    result = build(tmp_path, r"[\s\u200b\-、。，]+")  # plain Material theme: no overrides/main.html
    assert result.returncode == 1
    assert "index.md: the search box uses 'assets/javascripts/workers/search." in result.output
    assert "overrides/main.html must keep its `config` block" in result.output
