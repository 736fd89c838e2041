"""The search guard hook, in a real MkDocs build of a tiny site."""

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
    config = tmp_path / "mkdocs.yml"
    config.write_text(CONFIG.format(hook=ROOT / "hooks" / "search.py", separator=separator), encoding="utf-8")
    return mkdocs_build(config, tmp_path / "site")


def test_separator_without_zero_width_space_fails_the_build(tmp_path):
    result = build(tmp_path, r"[\s\-、。，]+")
    assert result.returncode == 1
    assert "ERROR" in result.output and "mkdocs.yml: plugins.search.separator must match \\u200b" in result.output


def test_good_separator_builds(tmp_path):
    result = build(tmp_path, r"[\s\u200b\-、。，]+")
    assert result.returncode == 0, result.output
