"""What contributors break, and how the build says it: links, anchors, nav; the edit links; CI."""

from __future__ import annotations

import re
import yaml

from tests.conftest import mkdocs_build
from tests.htmltools import parse_html
from tests.paths import ROOT

CONFIG = """site_name: 测试
theme:
  name: material
validation:
  omitted_files: warn
  absolute_links: warn
  unrecognized_links: warn
  anchors: warn
nav:
  - index.md
"""


def tiny(tmp_path, pages: dict[str, str]):
    (tmp_path / "docs").mkdir()
    for name, text in pages.items():
        (tmp_path / "docs" / name).write_text(text, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    return mkdocs_build(tmp_path / "mkdocs.yml", tmp_path / "site")


def test_broken_internal_link_fails_naming_the_file(tmp_path):
    result = tiny(tmp_path, {"index.md": "# 首页\n\n见[计算器](calculater.md)。\n"})
    assert result.returncode == 1
    assert "Doc file 'index.md' contains a link 'calculater.md', but the target is not found among documentation files." in result.output


def test_broken_anchor_fails_naming_the_file(tmp_path):
    result = tiny(tmp_path, {"index.md": "# 首页\n\n## 还款\n\n见[还款](#还钱)。\n"})
    assert result.returncode == 1
    assert "Doc file 'index.md' contains a link '#还钱', but there is no such anchor on this page." in result.output


def test_page_left_out_of_the_nav_fails(tmp_path):
    result = tiny(tmp_path, {"index.md": "# 首页\n", "orphan.md": "# 孤页\n"})
    assert result.returncode == 1
    assert "not included in the \"nav\" configuration" in result.output and "orphan.md" in result.output


def test_every_edit_link_opens_a_file_that_exists(site):
    pages = [p for p in site.rglob("*.html") if p.name == "index.html"]
    edited = {"": set(), "zh-Hant/": set()}
    for page in pages:
        links = [link for link in parse_html(page.read_text(encoding="utf-8")).links if "/edit/main/" in link]
        for link in links:
            source = link.split("/edit/main/", 1)[1]
            assert (ROOT / source).is_file(), f"{page.relative_to(site)} edits {source}, which does not exist"
            edited["zh-Hant/" if page.relative_to(site).parts[0] == "zh-Hant" else ""].add(source)
    # Every page written in docs/ and the glossary's data, from both editions.
    sources = {p.relative_to(ROOT).as_posix() for p in (ROOT / "docs").rglob("*.md")} | {"data/glossary.yml"}
    assert edited == {"": sources, "zh-Hant/": sources}
    glossary = parse_html((site / "glossary" / "index.html").read_text(encoding="utf-8")).links
    assert any(link.endswith("/edit/main/data/glossary.yml") for link in glossary)


def test_pages_show_when_they_were_last_updated(site):
    html = (site / "xiaomi-jinrong-de-jueqi" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'git-revision-date-localized-plugin[^>]*>\d{4}年\d{1,2}月\d{1,2}日', html)


WORKFLOWS = ROOT / ".github" / "workflows"


def load(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.get("on", data.get(True))  # YAML 1.1 reads the key `on` as true
    return data


def test_ci_runs_lint_and_test_on_pull_requests_read_only():
    ci = load("ci.yml")
    assert "pull_request" in ci["on"]
    assert ci["permissions"] == {"contents": "read"}
    runs = [step.get("run", "") for step in ci["jobs"]["test"]["steps"]]
    assert "make lint" in runs and any(r.endswith("make test") for r in runs)
    uses = [step.get("uses", "") for step in ci["jobs"]["test"]["steps"]]
    assert any(u.startswith("actions/upload-artifact@") for u in uses)


def test_pages_deploys_main_with_full_history():
    pages = load("pages.yml")
    assert pages["on"]["push"]["branches"] == ["main"] and "pull_request" not in pages["on"]
    build = pages["jobs"]["build"]["steps"]
    assert build[0]["uses"].startswith("actions/checkout@") and build[0]["with"]["fetch-depth"] == 0
    assert any(step.get("run") == "make site" for step in build)
    assert any(step.get("uses", "").startswith("actions/deploy-pages@") for step in pages["jobs"]["deploy"]["steps"])


def test_no_workflow_uses_pull_request_target():
    for path in WORKFLOWS.glob("*.yml"):
        assert "pull_request_target" not in load(path.name)["on"], path.name


def test_issue_forms_and_pull_request_template_are_in_chinese():
    forms = sorted((ROOT / ".github" / "ISSUE_TEMPLATE").glob("*.yml"))
    names = {yaml.safe_load(p.read_text(encoding="utf-8")).get("name") for p in forms if p.name != "config.yml"}
    assert names == {"内容有误", "新术语", "计算器问题"}
    assert "检查清单" in (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
