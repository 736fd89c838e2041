"""The importer generalises: a second article of another size becomes a site that builds strictly."""

import shutil

from debtkb.importer.cli import main
from tests.build.test_family import copy_project
from tests.conftest import mkdocs_build
from tests.htmltools import parse_html
from tests.paths import FIXTURES


def test_synthetic_article_builds(tmp_path, monkeypatch):
    copy_project(tmp_path)  # the real project: its config, guide, glossary and the seed
    shutil.copy(FIXTURES / "articles" / "synthetic-credit-card.txt", tmp_path / "content" / "articles")
    monkeypatch.chdir(tmp_path)
    assert main(["content/articles/synthetic-credit-card.txt"]) == 0

    result = mkdocs_build(tmp_path / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 0, result.output
    assert "WARNING" not in result.output
    slug = "articles/xinyongka-fenqi-hai-bu-shang-zenmeban"
    pages = sorted(p.relative_to(tmp_path / "site").as_posix() for p in (tmp_path / "site" / "articles").rglob("index.html") if "zh-Hant" not in p.parts)
    assert f"{slug}/index.html" in pages and not [p for p in pages if p.startswith(slug + "/") and p != f"{slug}/index.html"]  # one page
    assert (tmp_path / "site" / "zh-Hant" / slug / "index.html").is_file()  # and its twin
    page = parse_html((tmp_path / "site" / slug / "index.html").read_text(encoding="utf-8"))
    assert [(tag, text) for tag, _, text in page.headings][:4] == [("h1", "信用卡分期还不上怎么办"), ("h2", "小编导语"), ("h2", "一、分期费用"), ("h3", "1.1 手续费的计算")]
    assert "遇到困难时先与银行沟通，说明情况并保留记录。" in (tmp_path / "site" / slug / "index.html").read_text(encoding="utf-8")
