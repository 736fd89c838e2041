"""Simplified → Traditional conversion of built content, and links between the editions."""

import pytest

from debtkb.editions import convert
from debtkb.editions.settings import Edition, EditionError, edition_from_extra, twin_links


def test_text_uses_taiwan_forms_without_changing_words():
    assert convert.text("随着还款计划为个人信息打印") == "隨著還款計劃為個人信息打印"  # not 資訊 / 列印
    assert convert.text("《征信业管理条例》第十六条") == "《徵信業管理條例》第十六條"
    assert convert.text("LPR 3.00%, 60000") == "LPR 3.00%, 60000"


def test_html_converts_what_readers_see_and_nothing_else():
    page = (
        '<h2 id="42-制定还款计划">4.2 制定还款计划<a class="headerlink" href="#42-制定还款计划">¶</a></h2>'
        '<p>还款 <code>还款</code> <a class="glossary-term" href="../glossary/#征信" title="依法采集信息">征信</a>&amp;里面</p>'
        '<pre><code>计算</code></pre><img alt="图表" src="图.png"><script>var a = "还款";</script>'
        '<input placeholder="请输入" data-x="还款">'
    )
    assert convert.html(page) == (
        '<h2 id="42-制定还款计划">4.2 制定還款計劃<a class="headerlink" href="#42-制定还款计划">¶</a></h2>'
        '<p>還款 <code>还款</code> <a class="glossary-term" href="../glossary/#征信" title="依法採集信息">徵信</a>&amp;裡面</p>'
        '<pre><code>计算</code></pre><img alt="圖表" src="图.png"><script>var a = "还款";</script>'
        '<input placeholder="請輸入" data-x="还款">'
    )


def test_html_without_chinese_is_returned_as_is():
    page = "<p class='x'>A &amp; B</p>"
    assert convert.html(page) is page


@pytest.mark.parametrize(
    ("url", "edition", "expected"),
    [
        ("", "zh-Hans", {"zh-Hans": "./", "zh-Hant": "zh-Hant/"}),
        ("calculator/", "zh-Hans", {"zh-Hans": "./", "zh-Hant": "../zh-Hant/calculator/"}),
        ("", "zh-Hant", {"zh-Hans": "../", "zh-Hant": "./"}),
        ("calculator/", "zh-Hant", {"zh-Hans": "../../calculator/", "zh-Hant": "./"}),
        ("404.html", "zh-Hant", {"zh-Hans": "https://x.org/kb/404.html", "zh-Hant": "https://x.org/kb/zh-Hant/404.html"}),
    ],
)
def test_twin_links(url, edition, expected):
    roots = {"zh-Hans": "https://x.org/kb/", "zh-Hant": "https://x.org/kb/zh-Hant/"}
    assert twin_links(url, Edition(edition), roots) == expected


def test_edition_setting():
    assert edition_from_extra({}) == Edition("zh-Hans")
    assert edition_from_extra({"edition": "zh-Hant"}).traditional
    with pytest.raises(EditionError, match="extra.edition must be zh-Hans or zh-Hant"):
        edition_from_extra({"edition": "zh-TW"})


def test_topic_anchors_are_the_same_in_both_editions():
    from debtkb.editions.convert import tag_slug, text

    for topic in ("征信", "应对步骤", "贷款机构", "参与编写", "计算器"):
        assert tag_slug(text(topic), "-") == tag_slug(topic, "-") == topic
    assert tag_slug("Foo Bar", "-") == "foo-bar"


def test_topics_sort_in_pinyin_order_in_both_editions():
    from types import SimpleNamespace

    from debtkb.editions.convert import text, topic_order

    topics = ["征信", "逾期", "协商", "催收", "利率", "应对步骤"]
    hans = sorted(topics, key=lambda t: topic_order(SimpleNamespace(name=t)))
    hant = sorted((text(t) for t in topics), key=lambda t: topic_order(SimpleNamespace(name=t)))
    assert hans == ["催收", "利率", "协商", "应对步骤", "逾期", "征信"]  # cui li xie ying yu zheng
    assert [text(t) for t in hans] == hant
