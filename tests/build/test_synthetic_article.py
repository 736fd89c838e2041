"""The importer generalises: a second article of another size becomes a site that builds strictly."""

import re
import shutil

from debtkb.importer.cli import main
from tests.conftest import mkdocs_build
from tests.htmltools import parse_html
from tests.paths import FIXTURES, MKDOCS_YML, ROOT


def test_synthetic_article_builds(tmp_path, monkeypatch):
    for folder in ("overrides", "hooks", "data", "docs/stylesheets"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    (tmp_path / "content" / "articles").mkdir(parents=True)
    shutil.copy(FIXTURES / "articles" / "synthetic-credit-card.txt", tmp_path / "content" / "articles")
    config = MKDOCS_YML.read_text(encoding="utf-8")
    config = re.sub(r"\nnav:.*", "\nnav:\n  # importer:begin synthetic-credit-card\n  # importer:end synthetic-credit-card\n  - glossary.md\n", config, flags=re.S)
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    shutil.copy(ROOT / "mkdocs.zh-Hant.yml", tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main(["content/articles/synthetic-credit-card.txt"]) == 0

    result = mkdocs_build(tmp_path / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 0, result.output
    assert "WARNING" not in result.output
    pages = sorted(p.relative_to(tmp_path / "site").as_posix() for p in (tmp_path / "site").rglob("index.html") if "zh-Hant" not in p.parts)
    assert (tmp_path / "site" / "zh-Hant" / "yingdui-banfa" / "index.html").is_file()  # and its twin
    assert pages == ["fenqi-feiyong/index.html", "glossary/index.html", "index.html", "yingdui-banfa/index.html", "yuqi-de-houguo/index.html"]
    index = parse_html((tmp_path / "site" / "index.html").read_text(encoding="utf-8"))
    assert "fenqi-feiyong/#11-手续费的计算" in index.links
    lead = (tmp_path / "site" / "yingdui-banfa" / "index.html").read_text(encoding="utf-8")
    assert "遇到困难时先与银行沟通，说明情况并保留记录。" in lead
