"""The real site, built once with `mkdocs build --strict`: pages, headings, hosts, search index."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from debtkb.importer.article import load
from debtkb.importer.render import split_pages, split_sections
from tests.htmltools import parse_html
from tests.search_tools import pages, site_search
from tests.paths import SECTION_PAGES, SEED



def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_strict_build_has_no_warnings(built_site):
    assert built_site.returncode == 0, built_site.output
    assert "WARNING" not in built_site.output
    assert "Documentation built" in built_site.output


def test_seven_article_pages_the_calculator_and_the_glossary(site):
    pages = {p.relative_to(site).as_posix() for p in html_pages(site) if "zh-Hant" not in p.parts}
    guide = {f"guide/{name}/index.html" for name in ("yingdui-buzhou", "yuqi-houguo", "xieshang-huankuan", "nide-quanli", "changjian-wenti", "fangpian-tixing")}
    lists = {f"articles/t/{name}/index.html" for name in ("yingduibuzhou", "yuqi", "xieshang")}  # the seed's topics
    assert pages == {"index.html", "404.html", "calculator/index.html", "glossary/index.html", "style-guide/index.html", "topics/index.html", "articles/index.html", "offline/index.html", *lists, *guide, *(f"{name}/index.html" for name in ["xiaomi-jinrong-qian-6-wan", *SECTION_PAGES])}


def test_every_heading_of_the_article_is_in_the_html(site):
    article, _ = load(SEED)
    index = parse_html((site / "xiaomi-jinrong-qian-6-wan" / "index.html").read_text(encoding="utf-8"))
    assert ("h1", "小米金融欠-6-万应该怎么处理", article.title.text) in index.headings
    assert ("h2", "小编导语", "小编导语") in index.headings
    sections = split_sections(article)
    assert len(sections) == len(SECTION_PAGES)
    for (heading, subheadings), name in zip(sections, SECTION_PAGES):
        page = parse_html((site / name / "index.html").read_text(encoding="utf-8"))
        assert page.headings[0][0] == "h1" and page.headings[0][2] == heading.text
        h2 = [(tag, text) for tag, _, text in page.headings if tag == "h2"]
        assert h2 == [("h2", sub.text) for sub in subheadings]
        assert page.title.startswith(heading.title + " - ")


def test_heading_anchors_keep_chinese(site):
    page = parse_html((site / "yingdui-qiankuan-wenti-de-celue" / "index.html").read_text(encoding="utf-8"))
    assert ("h2", "42-制定还款计划", "4.2 制定还款计划") in page.headings


def test_page_file_names_are_those_the_importer_renders(site):
    expected = [p.path.removesuffix(".md") for p in split_pages(load(SEED)[0], "", {})[1:]]
    assert expected == SECTION_PAGES


def test_meta_description_from_front_matter(site):
    html = (site / "xiaobian-zongjie" / "index.html").read_text(encoding="utf-8")
    match = re.search(r'<meta name="description" content="([^"]*)"', html)
    assert match and match.group(1).startswith("“小米金融欠 6 万”这一话题不仅反映了个别用户的困境")


def test_no_page_loads_anything_from_another_host(site, site_origin):
    own = urlsplit(site_origin).netloc
    offenders = []
    for path in html_pages(site):
        for url in parse_html(path.read_text(encoding="utf-8")).resources:
            parts = urlsplit(url)
            if parts.scheme in ("http", "https", "") and parts.netloc and parts.netloc != own:
                offenders.append(f"{path.relative_to(site)}: {url}")
    for css in site.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)|@import\s+['\"]([^'\"]+)", css.read_text(encoding="utf-8")):
            url = url[0] or url[1]
            if urlsplit(url).netloc:
                offenders.append(f"{css.relative_to(site)}: {url}")
    assert offenders == []


def test_resource_check_would_catch_a_font_link():
    # The check above must be able to fail: a Google Fonts link is found as a fetched resource.
    page = parse_html('<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto"><link rel="canonical" href="https://a.example/">')
    assert page.resources == ["https://fonts.googleapis.com/css?family=Roboto"]


def test_edit_button_without_repo_widget(site):
    html = (site / "xiaomi-jinrong-de-jueqi" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'href="https://github\.com/[^"]+/edit/main/docs/xiaomi-jinrong-de-jueqi\.md"[^>]*rel="edit"|rel="edit"[^>]*href="https://github\.com/[^"]+/edit/main/docs/xiaomi-jinrong-de-jueqi\.md"', html)
    assert 'data-md-component="source"' not in html  # no repository widget, so no api.github.com call from readers


def test_theme_language_and_font(site):
    html = (site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="zh-Hans"' in html
    assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html
    assert "切换到深色模式" in html


# Words that sit in the middle of a clause in the article (the character before them is a Han
# character, so without segmentation they would be buried inside a longer token).
MID_SENTENCE = {
    "审批": "qiankuan-wenti-de-chengyin-fenxi/",
    "消费观念": "qiankuan-wenti-de-chengyin-fenxi/",
    "焦虑": "qiankuan-wenti-de-yingxiang/",
    "还款": "yingdui-qiankuan-wenti-de-celue/",
    "诈骗": "qiankuan-wenti-de-yingxiang/",
    "年轻人": "xiaobian-zongjie/",
}


@pytest.mark.parametrize(("word", "page"), sorted(MID_SENTENCE.items()))
def test_mid_sentence_words_find_their_page(site, word, page):
    text = pages(site / "search")[page]
    assert re.search(rf"[\u4e00-\u9fff]{word}", text), f"{word} is not mid-sentence on {page}: pick another word"
    assert page in site_search(site / "search", [word])[word]["pages"]


@pytest.fixture(scope="module")
def search_index(site):
    """Material's search settings file: no documents (the site's own index is under search/)."""
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))


def test_materials_index_holds_settings_only(search_index):
    assert search_index["docs"] == [] and search_index["config"]["separator"]


def test_separator_splits_full_width_brackets(search_index):  # Material's highlighting splits ?h= with it
    separator = re.compile(search_index["config"]["separator"])
    assert [t for t in separator.split("（LPR）“先消费后付款”") if t] == ["LPR", "先消费后付款"]


def test_offline_files_and_manifest_in_both_editions(site):
    import json as _json

    worker = (site / "sw.js").read_text(encoding="utf-8")
    assert re.search(r'const VERSION = "[0-9a-f]{12}";', worker)
    assert not (site / "zh-Hant" / "sw.js").exists()  # one worker at the root serves both editions
    for edition, name in (("", "消费债务知识站"), ("zh-Hant/", "消費債務知識站")):
        manifest = _json.loads((site / edition / "manifest.webmanifest").read_text(encoding="utf-8"))
        assert (manifest["name"], manifest["start_url"], manifest["display"]) == (name, "./", "standalone")
        assert (site / edition / "icons" / "icon-192.png").is_file() and (site / edition / "icons" / "icon-512.png").is_file()
        saved = _json.loads((site / edition / "offline.json").read_text(encoding="utf-8"))
        assert {"", "calculator/", "glossary/", "offline/", "guide/yingdui-buzhou/"} <= set(saved["urls"])
        assert all((site / edition / (u + "index.html" if u.endswith("/") or not u else u)).is_file() for u in saved["urls"] + saved["search"])
        html = (site / edition / "index.html").read_text(encoding="utf-8")
        assert '<link rel="manifest" href="manifest.webmanifest">' in html and '<meta name="kb-offline" content="on"' in html


def test_a_preview_build_registers_no_offline_worker(tmp_path):
    from tests.conftest import mkdocs_build
    from tests.paths import MKDOCS_YML

    result = mkdocs_build(MKDOCS_YML, tmp_path / "site", {"DEBTKB_PREVIEW": "1", "DEBTKB_SIMPLIFIED_ONLY": "1"}, strict=False)
    assert result.returncode == 0, result.output
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="kb-offline" content="off"' in html  # register.js removes any worker left from a build
    assert not (tmp_path / "site" / "offline.json").exists()
