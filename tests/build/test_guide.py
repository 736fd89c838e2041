"""The guide (issue #9) in the built site: disclaimer and checked date on every guide page, sourced
legal statements with well-formed links to official sites, FAQPage JSON-LD that matches the
visible questions, topics, editor's notes, and the path from the home page to the first steps."""

from __future__ import annotations

import datetime
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from tests.conftest import mkdocs_build
from tests.paths import DOCS, MKDOCS_YML, ROOT

# Where a legal or regulatory citation may link: the official databases and regulators.
OFFICIAL = {"flk.npc.gov.cn", "www.court.gov.cn", "www.nfra.gov.cn", "www.pbc.gov.cn", "www.pbccrc.org.cn", "www.china-cba.net"}
CITATION = re.compile(r"《[^》]+》|〔\d{4}〕")


def guide_pages() -> list[str]:
    nav = yaml.load(MKDOCS_YML.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["nav"]
    section = next(item["实用指南"] for item in nav if isinstance(item, dict) and "实用指南" in item)
    return [p.removesuffix(".md") + "/" for p in section]


GUIDE = guide_pages()


class Article(HTMLParser):
    """Links (href, text), h2 questions and admonition titles inside <article>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[list[str]] = []
        self.h2: list[str] = []
        self.text = ""
        self._in_article = self._in_h2 = self._in_a = False
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "article":
            self._in_article = True
        if not self._in_article:
            return
        if tag == "a" and "headerlink" in (a.get("class") or ""):
            self._skip += 1
        elif tag == "a":
            self.links.append([a.get("href", ""), ""])
            self._in_a = True
        if tag == "h2":
            self.h2.append("")
            self._in_h2 = True

    def handle_endtag(self, tag):
        if tag == "article":
            self._in_article = False
        elif tag == "a":
            if self._skip:
                self._skip -= 1
            self._in_a = False
        elif tag == "h2":
            self._in_h2 = False

    def handle_data(self, data):
        if not self._in_article or self._skip:
            return
        self.text += data
        if self._in_a and self.links:
            self.links[-1][1] += data
        if self._in_h2:
            self.h2[-1] += data


def read(site, path) -> tuple[str, Article]:
    html = (site / path / "index.html").read_text(encoding="utf-8")
    parser = Article()
    parser.feed(html)
    return html, parser


def test_the_guide_has_the_six_pages_the_issue_names():
    assert [p.split("/")[1] for p in GUIDE] == ["yingdui-buzhou", "yuqi-houguo", "xieshang-huankuan", "nide-quanli", "changjian-wenti", "fangpian-tixing"]


@pytest.mark.parametrize("edition", ["", "zh-Hant/"])
@pytest.mark.parametrize("path", GUIDE)
def test_every_guide_page_shows_the_disclaimer_and_the_checked_date(site, path, edition):
    _, page = read(site, edition + path)
    checked = yaml.safe_load((DOCS / (path.rstrip("/") + ".md")).read_text(encoding="utf-8").split("---\n")[1])["checked"]
    on = f"{checked.year} 年 {checked.month} 月 {checked.day} 日"  # the page's own `checked:` date
    expected = ("这不是法律意见", "不构成法律意见", f"核对于 {on}") if not edition else ("這不是法律意見", "不構成法律意見", f"核對於 {on}")
    for words in expected:
        assert words in page.text


@pytest.mark.parametrize("path", GUIDE)
def test_every_guide_page_cites_official_sources_with_well_formed_links(site, path):
    _, page = read(site, path)
    citations = [(href, text) for href, text in page.links if CITATION.search(text)]
    assert citations, f"{path}: no citation of a law or regulatory document"
    for href, text in citations:
        url = urlsplit(href)
        assert url.scheme in ("https", "http") and url.netloc in OFFICIAL, f"{path}: citation {text!r} links to {href!r}"
    for href, text in page.links:  # every outside link, citation or press report, is a full URL without spaces
        if href.startswith(("http:", "https:")):
            url = urlsplit(href)
            assert "." in url.netloc and " " not in href and not url.netloc.endswith("."), f"{path}: malformed link {href!r} ({text!r})"


def test_every_citation_in_the_markdown_is_a_link():
    # A document named without a link is a citation a reader cannot check.
    for path in (DOCS / "guide").glob("*.md"):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.startswith("[^") and CITATION.search(line):
                assert "](http" in line, f"{path.relative_to(ROOT)}:{number}: footnote cites a source without a link"


@pytest.mark.parametrize("edition", ["", "zh-Hant/"])
def test_faq_json_ld_parses_and_matches_the_visible_questions(site, edition):
    html, page = read(site, edition + "guide/changjian-wenti/")
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    graph = json.loads(block)["@graph"]
    faq = [g for g in graph if g["@type"] == "FAQPage"]
    assert len(faq) == 1
    questions = [q["name"] for q in faq[0]["mainEntity"]]
    source = re.findall(r"^## (.+)$", (DOCS / "guide" / "changjian-wenti.md").read_text(encoding="utf-8"), re.M)
    assert len(questions) == len(source) == 7  # every question of the page's source, in order
    assert questions == [q.strip() for q in page.h2]
    for q in faq[0]["mainEntity"]:
        answer = q["acceptedAnswer"]["text"]
        assert q["@type"] == "Question" and len(answer) > 10 and answer.split("。")[0] in page.text


def test_only_the_faq_page_has_faq_json_ld(site):
    for path in GUIDE:
        html, _ = read(site, path)
        assert ('"FAQPage"' in html) == (path == "guide/changjian-wenti/")


def test_two_clicks_from_the_home_page_to_what_to_do_next(site):
    _, home = read(site, "")
    assert any(href == "guide/yingdui-buzhou/" for href, _ in home.links)  # click 1; the page itself is click 2
    # The guide first, then the tools, then the articles (issue #17's order)
    assert home.text.index("现在就欠着钱？") < home.text.index("还款计算器") < home.text.index("术语表") < home.text.index("按主题浏览") < home.text.index("文章（")
    assert any(href == "xiaomi-jinrong-qian-6-wan/" for href, _ in home.links)  # the seed article, listed


def test_article_sections_link_to_the_guide(site):
    html = (site / "yingdui-qiankuan-wenti-de-celue" / "index.html").read_text(encoding="utf-8")
    part_42 = html.split('id="42-制定还款计划"')[1].split('id="43-寻求专业帮助"')[0]
    part_43 = html.split('id="43-寻求专业帮助"')[1]
    assert "../guide/xieshang-huankuan/" in part_42 and "../calculator/" in part_42
    assert "../guide/nide-quanli/" in part_43


@pytest.mark.parametrize("path", ["xiaomi-jinrong-de-jueqi/", "xiaomi-jinrong-de-zeren-yu-gaige/"])
def test_editor_notes_say_what_changed_with_source_and_date(site, path):
    html = (site / path / "index.html").read_text(encoding="utf-8")
    note = html.split('<p class="admonition-title">编者注</p>')[1].split("</div>")[0]
    assert "天星金融" in note and "https://ec100.cn/" in note and "核对日期：2026 年 12 月 1 日" in note


def test_topics_page_lists_every_topic_and_guide_page(site):
    html, page = read(site, "topics/")
    for path in GUIDE:
        assert f'href="../{path}"' in html
    assert {"征信", "逾期", "协商", "催收", "利率", "计算器"} <= {h.strip() for h in page.h2}
    hant = (site / "zh-Hant" / "topics" / "index.html").read_text(encoding="utf-8")
    assert "徵信" in hant and "征信" not in re.sub(r'id="[^"]*"|href="[^"]*"', "", hant.split("<article")[1])


def test_a_page_with_an_unknown_topic_fails_the_build_with_file_and_line(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("---\ntitle: 首页\ntags:\n  - 利息\n---\n\n# 首页\n", encoding="utf-8")
    (tmp_path / "docs" / "guide.md").write_text("---\ntitle: 指南\nkind: guide\ntags:\n  - 征信\n---\n\n# 指南\n", encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        f"site_name: t\nhooks:\n  - {ROOT / 'hooks' / 'guide.py'}\nextra:\n  guide:\n    topics: [征信]\n    disclaimer: 说明。\n",
        encoding="utf-8",
    )
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode == 1
    assert "docs/index.md:3: unknown topic '利息'" in result.output
    assert "docs/guide.md:1: a guide page needs `checked: YYYY-MM-DD`" in result.output
    assert not (tmp_path / "site" / "index.html").exists()  # nothing half-written


def _stale_project(tmp_path, checked: datetime.date, lpr_date: datetime.date) -> Path:
    (tmp_path / "docs" / "guide").mkdir(parents=True)
    (tmp_path / "docs" / "index.md").write_text("---\ntitle: 首页\ntags:\n  - 征信\n---\n\n# 首页\n", encoding="utf-8")
    (tmp_path / "docs" / "guide" / "a.md").write_text(
        f"---\ntitle: 指南\nkind: guide\ntags:\n  - 征信\nchecked: {checked.isoformat()}\n---\n\n# 指南\n", encoding="utf-8"
    )
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        f"site_name: t\nhooks:\n  - {ROOT / 'hooks' / 'guide.py'}\n  - {ROOT / 'hooks' / 'calculator.py'}\n"
        "extra:\n  guide:\n    topics: [征信]\n    disclaimer: 说明。\n"
        f"  lpr:\n    one_year: 0.03\n    date: {lpr_date.isoformat()}\n    source: 测试\n",
        encoding="utf-8",
    )
    return config


def test_stale_checked_and_lpr_dates_are_warnings_naming_file_and_line_that_do_not_block_a_build(tmp_path):
    today = datetime.date.today()
    config = _stale_project(tmp_path, today.replace(year=today.year - 2), today.replace(year=today.year - 1))
    loose = mkdocs_build(config, tmp_path / "site", strict=False)  # as `make serve` builds
    # (the hooks' logger names come from their paths, cut at the first dot: not part of the check)
    assert loose.returncode == 0, loose.output
    assert re.search(r"WARNING\s+-\s+[^\n]*?: docs/guide/a.md:6: checked: \d{4}-\d\d-\d\d is more than 12 months old", loose.output), loose.output
    assert re.search(r"WARNING\s+-\s+[^\n]*?: mkdocs.yml:11: extra.lpr is the LPR of \d{4}-\d\d-\d\d, more than 3 months ago", loose.output), loose.output
    strict = mkdocs_build(config, tmp_path / "strict")  # `make site`, CI: printed, not counted
    assert strict.returncode == 0, strict.output
    assert "warning (stale date, not counted by --strict): docs/guide/a.md:6: checked:" in strict.output
    assert "warning (stale date, not counted by --strict): mkdocs.yml:11: extra.lpr" in strict.output
    assert (tmp_path / "strict" / "guide" / "a" / "index.html").exists()


def test_fresh_dates_print_nothing(tmp_path):
    today = datetime.date.today()
    result = mkdocs_build(_stale_project(tmp_path, today, today), tmp_path / "site", strict=False)
    assert result.returncode == 0, result.output
    assert "months old" not in result.output and "months ago" not in result.output
