"""The Traditional edition built from the same Markdown: twins, identical anchors and links,
converted text (and nothing left unconverted), language declarations, and search."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import opencc
import pytest

from debtkb.editions import convert, phrases
from tests.htmltools import parse_html
from tests.paths import ROOT
from tests.search_tools import pages as search_pages
from tests.search_tools import site_search

S2TW, TW2S = opencc.OpenCC("s2tw"), opencc.OpenCC("tw2s")
WRONG = ("髮卡", "銀髮〔", "銀髮[", "金髮", "總髮", "括髮", "隻有", "籤合同", "籤於", "寫明瞭", "南方週末")
"""What plain s2tw writes in this site's words (tests/unit/test_conversions.py) and readers must not see."""


@pytest.fixture(scope="module", autouse=True)
def project_phrases():
    """convert.text with this project's phrases for these tests, and the converter's project as it
    was afterwards (it is process-wide: set at import, it changed what every later test converted)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setitem(convert._project, "root", convert._project["root"])
        convert.use_project(str(ROOT))
        yield


def pages(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*.html") if not p.relative_to(root).as_posix().startswith("zh-Hant/")}


class _Readable(HTMLParser):
    """The article's readable text (code left out), and the ids and hrefs inside it."""

    def __init__(self):
        super().__init__()
        self.text, self.ids, self.hrefs, self.code, self.depth = [], [], [], 0, 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.append(a["id"])
        if tag == "a" and a.get("href"):
            self.hrefs.append(a["href"])
        self.code += tag in ("code", "pre", "script", "style", "svg")

    def handle_endtag(self, tag):
        self.code -= tag in ("code", "pre", "script", "style", "svg")

    def handle_data(self, data):
        if not self.code:
            self.text.append(data)


def readable(path: Path) -> _Readable:
    html = path.read_text(encoding="utf-8")
    article = html[html.index("<article") : html.index("</article>")]
    parser = _Readable()
    parser.feed(article)
    return parser


@pytest.fixture(scope="module")
def hant(site) -> Path:
    return site / "zh-Hant"


def test_every_page_has_its_twin(site, hant):
    hans_pages = pages(site)
    assert len(hans_pages) == 24  # home, 7 pages of the seed, 6 guide pages, the article list and 3 topic lists, calculator, glossary, topics, style guide, the offline page, 404
    assert pages(hant) == hans_pages


def test_twins_have_the_same_anchors_and_links(site, hant):
    for page in pages(site) - {"404.html"}:
        hans, trad = readable(site / page), readable(hant / page)
        assert trad.ids == hans.ids, page
        assert trad.hrefs == hans.hrefs, page


def test_traditional_text_is_the_conversion_of_the_simplified_text(site, hant):
    for page in pages(site) - {"404.html"}:
        hans, trad = "".join(readable(site / page).text), "".join(readable(hant / page).text)
        assert trad == convert.text(hans), page  # every text node converted, exactly once
        assert TW2S.convert(trad) == hans, page  # and OpenCC's reverse conversion gives the source back
        assert trad != hans


def test_nothing_simplified_is_left_in_a_sample(hant):
    text = "".join(readable(hant / "yingdui-qiankuan-wenti-de-celue" / "index.html").text)
    for simplified in "还应对问题计划专业帮时间说为这":
        assert simplified not in text
    assert "還款計劃" in text and "問題" in text


def test_each_page_declares_its_language_and_twin(site, hant):
    for root, lang in ((site, "zh-Hans"), (hant, "zh-Hant")):
        html = (root / "calculator" / "index.html").read_text(encoding="utf-8")
        assert f'<html lang="{lang}"' in html
        links = dict(re.findall(r'<link rel="alternate " hreflang="([^"]+)" href="([^"]+)">', html))
        assert links["zh-Hans"].endswith("/calculator/") and not links["zh-Hans"].endswith("zh-Hant/calculator/")
        assert links["zh-Hant"].endswith("/zh-Hant/calculator/")
        assert links["x-default"] == links["zh-Hans"]
        assert all(url.startswith("http") for url in links.values())


def test_language_switch_links_to_the_twin(site, hant):
    hans = parse_html((site / "calculator" / "index.html").read_text(encoding="utf-8"))
    trad = parse_html((hant / "calculator" / "index.html").read_text(encoding="utf-8"))
    assert "../zh-Hant/calculator/" in hans.links
    assert "../../calculator/" in trad.links


def test_ui_titles_and_descriptions_are_converted(hant):
    html = (hant / "xiaobian-zongjie" / "index.html").read_text(encoding="utf-8")
    assert "<title>小編總結 - 消費債務知識站</title>" in html
    assert 'placeholder="搜尋"' in html  # Material's own zh-Hant strings
    assert re.search(r'<meta name="description" content="“小米金融欠 6 萬”這一話題', html)
    assert "切換到深色模式" in html


def test_calculator_words_are_converted_but_code_is_not(site, hant):
    strings = (hant / "javascripts" / "repayment" / "strings.js").read_text(encoding="utf-8")
    assert "借款本金（元）" in strings and "還款方式" in strings and "export const STRINGS" in strings
    assert (hant / "javascripts" / "repayment" / "core.js").read_bytes() == (site / "javascripts" / "repayment" / "core.js").read_bytes()
    data = re.search(r'data-kb-calc="([^"]+)"', (hant / "calculator" / "index.html").read_text(encoding="utf-8")).group(1)
    assert "全國銀行間同業拆借中心" in data  # the LPR source, converted in the settings


def test_glossary_links_work_in_the_traditional_edition(hant):
    html = (hant / "xiaomi-jinrong-de-jueqi" / "index.html").read_text(encoding="utf-8")
    link = re.search(r'<a class="glossary-term" href="\.\./glossary/#消费贷款" title="([^"]+)">消費貸款</a>', html)
    assert link and link.group(1).startswith("發放給個人")
    glossary = (hant / "glossary" / "index.html").read_text(encoding="utf-8")
    assert 'id="消费贷款"' in glossary and ">消費貸款<" in glossary
    assert "（暫未出現在其他頁面）" in glossary and "暂未" not in glossary


QUERIES = ["还款", "征信", "消费观念", "金融生态", "审批", "焦虑", "等额本息", "个性化分期", "诉讼时效", "信用记录", "家庭关系", "风险控制"]


def test_search_finds_the_same_pages_in_both_editions(site, hant):
    simplified = site_search(site / "search", QUERIES)
    traditional = site_search(hant / "search", [S2TW.convert(q) for q in QUERIES])
    for query in QUERIES:
        assert simplified[query]["pages"], query
        assert traditional[S2TW.convert(query)]["pages"] == simplified[query]["pages"], query


def test_both_editions_show_the_same_last_updated_date(site, hant):
    pattern = r'git-revision-date-localized-plugin-date"[^>]*>([^<]+)<'
    for page in ("xiaomi-jinrong-de-jueqi/index.html", "calculator/index.html"):
        hans = re.search(pattern, (site / page).read_text(encoding="utf-8"))
        trad = re.search(pattern, (hant / page).read_text(encoding="utf-8"))
        assert hans and trad and hans.group(1) == trad.group(1), page
    assert not (site / ".page-dates.json").exists()  # handed to the Traditional build, not published


def test_no_known_wrong_conversion_is_anywhere_in_the_traditional_edition(site, hant):
    checked = set()
    for path in hant.rglob("*"):
        if path.suffix in (".html", ".json", ".js", ".xml", ".webmanifest"):
            text = path.read_text(encoding="utf-8")
            assert not [w for w in WRONG if w in text], (path, [w for w in WRONG if w in text])
            checked.add(path.relative_to(hant).as_posix())
    assert {p for p in checked if p.endswith(".html")} == pages(site)  # every page has its twin read (24 pages)
    assert {"search/manifest.json", "search/search_index.json", "search/s/0.json", "search/d/0.json", "javascripts/repayment/strings.js", "offline.json", "manifest.webmanifest", "sitemap.xml"} <= checked, sorted(checked)


def test_the_project_phrases_are_converted_in_pages_search_index_and_calculator(site, hant):
    entries = [e for p in phrases.load(ROOT / phrases.SHOWN) for e in p.entries()]
    used = set()
    for page in pages(site) - {"404.html"}:
        hans, trad = "".join(readable(site / page).text), "".join(readable(hant / page).text)
        for simplified, traditional in entries:
            if simplified in hans:
                assert hans.count(simplified) == trad.count(traditional), (page, simplified)
                used.add(simplified)
    assert {"发卡", "银发〔", "签"} <= used, used
    index = "\n".join(search_pages(hant / "search").values())
    assert "發卡銀行" in index and "髮卡" not in index
    strings = (hant / "javascripts" / "repayment" / "strings.js").read_text(encoding="utf-8")
    assert "如果簽於其他時間" in strings and "按簽合同時的 LPR" in strings  # the calculator's words


@pytest.mark.parametrize("edition", ["", "zh-Hant/"])
def test_a_traditional_query_finds_the_pages_that_say_the_phrase(site, edition):
    texts = search_pages(site / edition / "search")
    saying = {page for page, text in texts.items() if "发卡银行" in TW2S.convert(text)}
    assert {"guide/xieshang-huankuan/", "guide/changjian-wenti/", "glossary/"} <= saying, saying  # the negotiation and FAQ pages and the glossary (and any article that says it)
    for query in ("發卡銀行", "发卡银行"):
        found = site_search(site / edition / "search", [query])[query]["pages"]
        assert saying <= set(found[: len(saying) + 2]), (query, found)
