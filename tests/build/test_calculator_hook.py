"""The calculator hook in real builds: the project's pages, and tiny sites with bad blocks."""

import json
import re
import shutil

from debtkb.assets import minify
from tests.conftest import mkdocs_build
from tests.htmltools import parse_html
from tests.paths import ROOT
from tests.search_tools import pages


def test_calculator_page_and_article_section_embed_the_widget(site):
    for page, prefix in (("calculator/index.html", "../"), ("yingdui-qiankuan-wenti-de-celue/index.html", "../")):
        html = (site / page).read_text(encoding="utf-8")
        assert html.count('class="kb-calc"') == 1, page
        assert "KBCALCULATOR" not in html and "repayment-calculator" not in html
        parsed = parse_html(html)
        assert f"{prefix}javascripts/repayment/widget.js" in parsed.resources
        assert f"{prefix}javascripts/repayment/widget.css" in parsed.resources
    section = (site / "yingdui-qiankuan-wenti-de-celue" / "index.html").read_text(encoding="utf-8")
    # The calculator sits right after the 4.2 text, before 4.3.
    assert section.index('id="42-制定还款计划"') < section.index('class="kb-calc"') < section.index('id="43-寻求专业帮助"')
    assert "按文中的 6 万元估算" in section


IMPORT = re.compile(r'^import .* from "\./([\w.-]+\.js)";$', re.M)
REPAYMENT = ROOT / "docs" / "javascripts" / "repayment"


def widget_modules() -> set[str]:
    """widget.js and every sibling module it imports, directly or not: the browser fetches each
    one relative to widget.js, so each must be published and saved for offline reading."""
    found, todo = set(), ["widget.js"]
    while todo:
        name = todo.pop()
        if name not in found:
            found.add(name)
            todo += IMPORT.findall((REPAYMENT / name).read_text(encoding="utf-8"))
    return found


def test_widget_assets_are_published_minified_and_saved_for_offline_reading(site):
    modules = widget_modules()
    assert {"widget.js", "core.js", "strings.js", "parse.js", "panels.js"} <= modules  # the imports were read
    for edition in ("", "zh-Hant/"):
        saved = set(json.loads((site / edition / "offline.json").read_text(encoding="utf-8"))["urls"])
        for name in [*sorted(modules), "widget.css"]:
            path = f"javascripts/repayment/{name}"
            assert (site / edition / path).is_file(), (edition, path)
            assert path in saved, (edition, path)
    for name in modules:
        path = f"javascripts/repayment/{name}"
        assert (site / path).read_text(encoding="utf-8") == minify(path, (REPAYMENT / name).read_text(encoding="utf-8")), path


def test_calculator_widget_is_not_in_the_search_index(site):
    indexed = pages(site / "search")
    text = " ".join(indexed.values())
    for excluded in ("计算约定", "手工计算", "kb-calc"):
        assert excluded not in text
    assert "calculator/" in indexed  # the page itself is


def test_calculator_page_is_in_the_nav(site):
    index = parse_html((site / "index.html").read_text(encoding="utf-8"))
    assert "calculator/" in index.links


CONFIG = """site_name: 测试
theme:
  name: material
  language: zh
extra:
{extra}
hooks:
  - {hook}
"""
LPR = """  lpr:
    one_year: 0.03
    date: 2025-09-22
    source: 测试"""


def tiny_site(tmp_path, pages, extra=LPR):
    (tmp_path / "docs").mkdir()
    for name, text in pages.items():
        (tmp_path / "docs" / name).write_text(text, encoding="utf-8")
    shutil.copytree(ROOT / "docs" / "javascripts", tmp_path / "docs" / "javascripts")
    config = tmp_path / "mkdocs.yml"
    config.write_text(CONFIG.format(extra=extra, hook=ROOT / "hooks" / "calculator.py"), encoding="utf-8")
    return mkdocs_build(config, tmp_path / "site")


GOOD = "---\ntitle: 甲\n---\n\n# 甲\n\n```repayment-calculator\nprincipal: 1000\nmonths: 6\n```\n"


def test_a_valid_block_builds(tmp_path):
    result = tiny_site(tmp_path, {"index.md": GOOD})
    assert result.returncode == 0, result.output
    assert 'class="kb-calc"' in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


def test_bad_blocks_on_several_pages_are_all_reported_with_file_and_line(tmp_path):
    bad_a = "---\ntitle: 甲\n---\n\n# 甲\n\n```repayment-calculator\nrate: 0.18\nmonths: 0\n```\n"
    bad_b = "# 乙\n\n!!! note\n\n    ```repayment-calculator\n    method: balloon\n    ```\n"
    result = tiny_site(tmp_path, {"index.md": GOOD, "a.md": bad_a, "b.md": bad_b})
    assert result.returncode == 1
    assert "docs/a.md:8: repayment-calculator: unknown option 'rate'" in result.output
    assert "docs/a.md:9: repayment-calculator: months: must be from 1 to 600 months, got 0" in result.output
    assert "docs/b.md:6: repayment-calculator: method: 'balloon' is not a repayment method" in result.output
    assert "3 problem(s) in repayment-calculator blocks (listed above); no page was written" in result.output
    assert not list((tmp_path / "site").rglob("*.html"))


def test_missing_lpr_setting_fails_the_build(tmp_path):
    result = tiny_site(tmp_path, {"index.md": GOOD}, extra="  other: 1")
    assert result.returncode == 1
    assert "mkdocs.yml: extra.lpr is missing" in result.output
