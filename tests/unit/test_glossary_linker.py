"""Matching terms in Chinese text and linking them in HTML: tricky cases, then properties."""

import re
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from debtkb.glossary.linker import link_terms
from debtkb.glossary.matcher import Matcher
from debtkb.glossary.model import parse

GLOSSARY = parse(
    """
- {term: 利率, aliases: [], english: Rate, definition: 利率的解释。, related: [], legal: false}
- {term: 年化利率, aliases: [APR], english: APR, definition: 年化利率的解释。, related: [], legal: false}
- {term: 分期, aliases: [], english: Instalments, definition: 分期的解释。, related: [], legal: false}
- {term: 个性化分期, aliases: [], english: Plan, definition: 个性化分期的解释。, related: [], legal: false}
- {term: 贷款市场报价利率, aliases: [LPR], english: LPR, definition: "LPR 的解释 <b>&\\"。", related: [], legal: false}
- {term: 展期, aliases: [], english: Extension, definition: 展期的解释。, related: [], legal: false, not_in: [发展期]}
- {term: 征信, aliases: [], english: Credit reporting, definition: 征信的解释。, related: [], legal: false}
"""
)
MATCHER = Matcher(GLOSSARY)


def link(html, per_term=1):
    return link_terms(html, MATCHER, href=lambda t: f"../glossary/#{t}", title=lambda t: GLOSSARY.by_term()[t].definition, per_term=per_term)


def linked(html, **kwargs):
    """[(term, text)] of the glossary links in the output."""
    out = link(html, **kwargs).html
    return re.findall(r'<a class="glossary-term" href="\.\./glossary/#([^"]+)" title="[^"]*">([^<]*)</a>', out)


def spans(text):
    return [(text[m.start : m.end], m.term) for m in MATCHER.find(text)]


def test_terms_in_the_middle_of_a_sentence():
    assert spans("借款人选择个性化分期还款后征信记录") == [("个性化分期", "个性化分期"), ("征信", "征信")]


def test_longest_match_wins():
    assert spans("实际年化利率高于名义利率") == [("年化利率", "年化利率"), ("利率", "利率")]
    assert spans("个性化分期与普通分期") == [("个性化分期", "个性化分期"), ("分期", "分期")]


def test_latin_aliases_only_as_whole_words():
    assert spans("参考LPR加点，APR为18%") == [("LPR", "贷款市场报价利率"), ("APR", "年化利率")]
    assert spans("LPRS APRIL xAPR") == []
    assert spans("(LPR)") == [("LPR", "贷款市场报价利率")]


def test_not_in_words_are_not_links():
    assert spans("在发展期间申请展期") == [("展期", "展期")]


def test_first_occurrence_only_by_default():
    assert linked("<p>征信、征信、征信</p>") == [("征信", "征信")]
    assert linked("<p>征信、征信、征信</p>", per_term=2) == [("征信", "征信"), ("征信", "征信")]


@pytest.mark.parametrize(
    "html",
    [
        '<p><a href="x">征信</a></p>',
        "<p><code>征信</code></p>",
        "<pre><code>征信</code></pre>",
        "<h2>征信</h2>",
        '<h3 id="a">说<em>征信</em></h3>',
        '<p><abbr title="x">征信</abbr></p>',
        "<script>var a = '征信';</script>",
        "<style>/* 征信 */</style>",
        '<section class="kb-calc"><p>征信</p><div><p>征信</p></div></section>',
        '<p data-glossary-skip="">征信</p>',
        "<p><button>征信</button></p>",
    ],
)
def test_never_inside_excluded_elements(html):
    assert linked(html) == []
    assert link(html).html == html


def test_excluded_element_does_not_use_up_the_first_link():
    assert linked("<h2>征信</h2><p>关于征信</p>") == [("征信", "征信")]


def test_after_the_excluded_element_closes_linking_resumes():
    assert linked('<section class="kb-calc"><div><p>甲</p></div><p>乙</p></section><p>征信</p>') == [("征信", "征信")]


def test_entities_and_markup_are_preserved():
    html = '<p class="x" data-a=\'1\'>A&amp;B&nbsp;<strong>征信</strong>&#x5229;率 利率<br/>年化利率</p>'
    out = link(html).html
    assert out == (
        '<p class="x" data-a=\'1\'>A&amp;B&nbsp;<strong><a class="glossary-term" href="../glossary/#征信" title="征信的解释。">征信</a></strong>'
        '&#x5229;率 <a class="glossary-term" href="../glossary/#利率" title="利率的解释。">利率</a><br/>'
        '<a class="glossary-term" href="../glossary/#年化利率" title="年化利率的解释。">年化利率</a></p>'
    )


def test_title_is_escaped():
    out = link("<p>LPR</p>").html
    assert 'title="LPR 的解释 &lt;b&gt;&amp;&quot;。"' in out


def test_occurrences_include_text_that_is_not_linked():
    result = link("<h2>征信</h2><p><code>展期</code>利率</p>")
    assert result.occurs == {"征信", "利率"}  # headings count, code does not
    assert result.linked == {"利率": 1}


def test_linking_twice_changes_nothing():
    once = link("<p>征信，征信，利率，LPR</p>").html
    assert link(once).html == once


# ---- properties ----------------------------------------------------------------------------

WORDS = ["征信", "利率", "年化利率", "个性化分期", "分期", "LPR", "APR", "展期", "发展期", "还款", "的", "，", " ", "A", "x1", "&amp;", "&lt;", "&#24449;"]
text = st.lists(st.sampled_from(WORDS), max_size=8).map("".join)
INLINE = ["em", "strong", "span", "mark", "sup"]
EXCLUDED = ["a", "code", "h2", "abbr", "pre", "button"]


@st.composite
def fragment(draw, depth=0):
    parts = []
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(st.sampled_from(["text", "inline", "excluded", "calc"] if depth < 3 else ["text"]))
        if kind == "text":
            parts.append(draw(text))
        elif kind == "inline":
            tag = draw(st.sampled_from(INLINE))
            parts.append(f"<{tag}>{draw(fragment(depth + 1))}</{tag}>")
        elif kind == "excluded":
            tag = draw(st.sampled_from(EXCLUDED))
            attrs = ' href="#x"' if tag == "a" else ""
            parts.append(f"<{tag}{attrs}>{draw(fragment(depth + 1))}</{tag}>")
        else:
            parts.append(f'<section class="kb-calc"><div>{draw(fragment(depth + 1))}</div></section>')
    return "".join(parts)


class _Reader(HTMLParser):
    """Visible text, and glossary links found inside excluded elements (must stay empty)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text, self.stack, self.bad = [], [], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and a.get("class") == "glossary-term" and any(t in EXCLUDED or t == "calc" for t in self.stack):
            self.bad.append(self.stack[:])
        self.stack.append("calc" if "kb-calc" in (a.get("class") or "") else tag)

    def handle_endtag(self, tag):
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def read(html):
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return "".join(reader.text), reader.bad, reader.stack


@settings(max_examples=300, deadline=None)
@given(fragment())
def test_property_text_unchanged_nothing_linked_where_excluded_idempotent(html):
    page = f"<div>{html}</div>"
    out = link(page).html
    before_text, _, _ = read(page)
    after_text, bad, open_tags = read(out)
    assert after_text == before_text  # the reader sees the same text
    assert bad == []  # no link inside an excluded element
    assert open_tags == []  # the output still parses into a balanced tree
    assert link(out).html == out  # linking twice equals linking once
    assert out.replace('<a class="glossary-term"', "").count("<a ") == page.count("<a ")
