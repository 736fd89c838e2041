"""What search engines and link previews read: meta tags, JSON-LD, sitemap, robots.txt, 404."""

from __future__ import annotations

import json
import re
from html import unescape
from xml.etree import ElementTree

import pytest
import yaml

from debtkb.editions.phrases import converter
from debtkb.glossary.model import load as load_glossary
from debtkb.glossary.page import DESCRIPTION as GLOSSARY_DESCRIPTION
from tests.paths import DOCS, ROOT, SECTION_PAGES

PAGES = ["", *(f"{p}/" for p in SECTION_PAGES), "calculator/", "glossary/"]


def head(site, path):
    return (site / path / "index.html").read_text(encoding="utf-8")


def source_description(edition, path):
    """The description the page's source gives (the glossary's is the generator's), converted for
    the Traditional edition as the build converts it (the project's phrases, then s2tw)."""
    if path == "glossary/":
        text = GLOSSARY_DESCRIPTION
    else:
        source = DOCS / ("index.md" if path == "" else path.rstrip("/") + ".md")
        text = yaml.safe_load(source.read_text(encoding="utf-8").split("---\n", 2)[1])["description"]
    return converter(str(ROOT)).convert(text) if edition else text


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    return json.loads(blocks[0])


@pytest.mark.parametrize("edition", ["", "zh-Hant/"])
@pytest.mark.parametrize("path", PAGES)
def test_meta_tags(site, site_origin, edition, path):
    html = head(site, edition + path)
    url = f"{site_origin}/{edition}{path}"
    assert f'<link rel="canonical" href="{url}">' in html
    description = unescape(re.search(r'<meta name="description" content="([^"]+)">', html).group(1))
    assert description == source_description(edition, path)  # the home page's own, not the site's
    assert 0 < len(description) <= 120
    assert unescape(re.search(r'<meta property="og:description" content="([^"]+)">', html).group(1)) == description
    for key in ("og:title", "og:description", "og:type", "og:site_name", "og:locale"):
        assert re.search(rf'<meta property="{key}" content="[^"]+">', html), key
    assert f'<meta property="og:url" content="{url}">' in html
    assert '<meta name="twitter:card" content="summary">' in html


@pytest.mark.parametrize("path", PAGES)
def test_json_ld_parses_and_says_what_the_page_is(site, site_origin, path):
    graph = {node["@type"]: node for node in json_ld(head(site, path))["@graph"]}
    expected = {"": "Article", "calculator/": "WebPage", "glossary/": "WebPage"}.get(path, "Article")
    assert expected in graph and graph[expected]["url"] == f"{site_origin}/{path}"
    crumbs = graph["BreadcrumbList"]["itemListElement"]
    assert crumbs[0]["item"] == f"{site_origin}/"
    if path:
        assert crumbs[-1]["item"] == f"{site_origin}/{path}" and len(crumbs) == 2


def test_glossary_is_a_defined_term_set(site, site_origin):
    graph = {node["@type"]: node for node in json_ld(head(site, "glossary/"))["@graph"]}
    terms = graph["DefinedTermSet"]["hasDefinedTerm"]
    assert sorted(t["name"] for t in terms) == sorted(t.term for t in load_glossary(ROOT / "data" / "glossary.yml").terms)  # every entry, once
    lpr = next(t for t in terms if t["name"] == "贷款市场报价利率")
    assert lpr["alternateName"] == ["LPR"] and lpr["url"] == f"{site_origin}/glossary/#贷款市场报价利率"
    trad = {node["@type"]: node for node in json_ld(head(site, "zh-Hant/glossary/"))["@graph"]}
    assert any(t["name"] == "貸款市場報價利率" for t in trad["DefinedTermSet"]["hasDefinedTerm"])


def test_sitemaps_and_robots(site, site_origin):
    for root, prefix in ((site, f"{site_origin}/"), (site / "zh-Hant", f"{site_origin}/zh-Hant/")):
        tree = ElementTree.parse(root / "sitemap.xml")
        locs = {el.text for el in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
        assert {prefix + p for p in PAGES} <= locs
    robots = (site / "robots.txt").read_text(encoding="utf-8")
    assert robots.startswith("User-agent: *\nAllow: /\n")
    assert f"Sitemap: {site_origin}/sitemap.xml" in robots and f"Sitemap: {site_origin}/zh-Hant/sitemap.xml" in robots


def test_chinese_404_page(site):
    assert "<h1>找不到这个页面</h1>" in (site / "404.html").read_text(encoding="utf-8")
    assert "<h1>找不到這個頁面</h1>" in (site / "zh-Hant" / "404.html").read_text(encoding="utf-8")
