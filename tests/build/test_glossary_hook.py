"""The glossary hook in real builds: the generated page, term links, and each data error."""

import json
import re

import pytest

from debtkb.glossary.model import load
from tests.conftest import mkdocs_build
from tests.htmltools import parse_html
from tests.paths import ROOT


def test_glossary_page_lists_every_term_with_a_stable_anchor(site):
    html = (site / "glossary" / "index.html").read_text(encoding="utf-8")
    page = parse_html(html)
    glossary = load(ROOT / "data" / "glossary.yml")
    entries = {(id_, text) for tag, id_, text in page.headings if tag == "h3"}
    assert entries == {(t.term, t.term) for t in glossary.terms}
    assert [text for tag, _, text in page.headings if tag == "h2"][:3] == ["0–9", "B", "C"]
    assert "KBGLOSSARY" not in html and "glossary-term" not in html  # no links to itself


def test_table_of_contents_lists_letters_not_terms(site):
    # Material renders the table of contents twice (sidebar and phone menu): 54 term entries would
    # double the page's DOM and its scroll tracking; the letters are what a reader jumps to.
    html = (site / "glossary" / "index.html").read_text(encoding="utf-8")
    toc = re.findall(r'<a href="(#[^"]+)" class="md-nav__link">', html)
    assert toc and set(toc) == {"#digits", *(f"#{c}" for c in "bcdefghkmnrstwxyz")}
    assert '<div class="md-sidebar md-sidebar--secondary" data-md-component="sidebar" data-md-type="toc" >' in html  # shown


def test_entry_shows_related_source_and_where_the_term_appears(site):
    html = (site / "glossary" / "index.html").read_text(encoding="utf-8")
    entry = html.split('id="消费贷款"')[1].split("<h3")[0]
    assert "Consumer loan" in entry
    assert '<a href="#消费金融公司">消费金融公司</a>' in entry
    appears = entry.split("出现在：")[1]
    assert '<a href="../xiaomi-jinrong-de-jueqi/">小米金融的崛起</a>' in appears
    legal = html.split('id="诉讼时效"')[1].split("<h3")[0]
    assert "出处：《中华人民共和国民法典》第一百八十八条" in legal


def test_edit_button_opens_the_yaml_file(site):
    page = parse_html((site / "glossary" / "index.html").read_text(encoding="utf-8"))
    assert any(re.fullmatch(r"https://github\.com/[^/]+/[^/]+/edit/main/data/glossary\.yml", link) for link in page.links)


def test_glossary_page_is_searchable_but_not_its_lists_of_pages(site):
    [doc] = [d for d in (json.loads(p.read_text(encoding="utf-8")) for p in (site / "search" / "d").glob("*.json")) if d["u"] == "glossary/"]
    terms = {t.term for t in load(ROOT / "data" / "glossary.yml").terms}
    assert terms <= {anchor for anchor, _, _ in doc["s"]}  # one section per entry
    text = "".join(h + t for _, h, t in doc["s"])
    assert "发放给个人" in text and "个性化分期" in text and "老赖" in text  # definitions, spellings and readers' words are searchable
    assert "出现在" not in text and "小米金融的崛起" not in text  # page titles would make every title search hit it
    # English names, related terms and sources stay on the page, out of the index.
    entries = "".join(h + t for anchor, h, t in doc["s"] if anchor in terms)
    assert "Credit report" not in entries and "相关术语" not in entries and "出处" not in entries
    html = (site / "glossary" / "index.html").read_text(encoding="utf-8")
    assert "Credit report" in html and "相关术语" in html and "出处" in html and "常有人说：" in html


def test_terms_are_linked_with_their_definition_on_article_pages(site):
    html = (site / "xiaomi-jinrong-de-jueqi" / "index.html").read_text(encoding="utf-8")
    link = re.search(r'<a class="glossary-term" href="\.\./glossary/#消费贷款" title="([^"]+)">消费贷款</a>', html)
    assert link and link.group(1).startswith("发放给个人、用于购物")
    assert html.count('href="../glossary/#消费贷款"') == 1  # first occurrence only


def test_headings_and_the_calculator_are_never_linked(site):
    html = (site / "qiankuan-wenti-de-chengyin-fenxi" / "index.html").read_text(encoding="utf-8")
    heading = re.search(r'<h2 id="22-信贷审批的宽松">(.*?)</h2>', html, re.S).group(1)
    assert "glossary-term" not in heading
    assert 'href="../glossary/#信贷审批"' in html  # linked in the text below instead
    calculator = (site / "calculator" / "index.html").read_text(encoding="utf-8")
    widget = calculator.split('<section class="kb-calc"')[1].split("</section>")[0]
    assert "glossary-term" not in widget


CONFIG = """site_name: 测试
theme:
  name: material
  language: zh
extra:
  glossary:
    file: glossary.yml
hooks:
  - {hook}
"""
GOOD = """- term: 征信
  aliases: []
  english: Credit reporting
  definition: 解释。
  related: []
  legal: false
"""


def build(tmp_path, glossary_text):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# 首页\n\n关于征信的说明。\n", encoding="utf-8")
    (tmp_path / "glossary.yml").write_text(glossary_text, encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(CONFIG.format(hook=ROOT / "hooks" / "glossary.py"), encoding="utf-8")
    return mkdocs_build(config, tmp_path / "site")


def test_a_valid_glossary_builds(tmp_path):
    result = build(tmp_path, GOOD)
    assert result.returncode == 0, result.output
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert '<a class="glossary-term" href="glossary/#征信" title="解释。">征信</a>' in index


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (GOOD + "- term: 逾期\n  aliases: [未闭合\n", "glossary.yml:8: malformed YAML"),
        (GOOD.replace("  english: Credit reporting\n", ""), "glossary.yml:1: entry '征信': missing field 'english'"),
        (GOOD + GOOD, "glossary.yml:7: entry '征信': duplicate term (also on line 1)"),
        (GOOD + GOOD.replace("征信", "信用报告").replace("aliases: []", "aliases: [征信]"), "glossary.yml:7: entry '信用报告': alias '征信' is itself a term (line 1)"),
        (GOOD.replace("related: []", "related: [不存在]"), "glossary.yml:1: entry '征信': related term '不存在' does not exist"),
    ],
)
def test_bad_glossary_data_fails_the_build_with_file_entry_and_line(tmp_path, text, message):
    result = build(tmp_path, text)
    assert result.returncode == 1
    assert "glossary data is invalid" in result.output and message in result.output
