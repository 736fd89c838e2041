"""Guide pages and topic tags (debtkb.guide) and the FAQ extraction (debtkb.seo), without MkDocs."""

import datetime

import pytest

from debtkb.guide import GuideError, Settings, checked_date, line_of, settings_from_extra, tag_problems, with_disclaimer
from debtkb.seo import faq_entries

SETTINGS = Settings(topics=("征信", "逾期"), disclaimer="不构成法律意见。", untagged=("topics.md",))
PAGE = "---\ntitle: 标题\nkind: guide\nchecked: 2026-11-30\ntags:\n  - 征信\n---\n\n# 标题\n\n正文。\n"


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({}, "extra.guide is missing"),
        ({"guide": {"topics": [], "disclaimer": "x"}}, "topics must be a non-empty list"),
        ({"guide": {"topics": ["征信", "征信"], "disclaimer": "x"}}, "lists a topic twice"),
        ({"guide": {"topics": ["征信"], "disclaimer": " "}}, "disclaimer must be"),
    ],
)
def test_bad_settings_are_refused(extra, message):
    with pytest.raises(GuideError, match=message):
        settings_from_extra(extra)


def test_settings_from_the_real_config_shape():
    s = settings_from_extra({"guide": {"topics": ["征信"], "disclaimer": " 说明。 ", "untagged": ["topics.md"]}})
    assert s == Settings(("征信",), "说明。", ("topics.md",))


def test_line_of_finds_the_front_matter_key_only():
    assert line_of(PAGE, "tags") == 5 and line_of(PAGE, "checked") == 4
    assert line_of("---\ntitle: x\n---\ntags: not front matter\n", "tags") == 1


def test_tag_problems_name_file_line_and_the_allowed_topics():
    assert tag_problems({"tags": ["征信"]}, PAGE, "docs/a.md", SETTINGS) == []
    assert tag_problems({"tags": ["征信", "利息"]}, PAGE, "docs/a.md", SETTINGS) == [
        "docs/a.md:5: unknown topic '利息'; use one of: 征信、逾期 (or add it to extra.guide.topics)"
    ]
    assert tag_problems({"kind": "guide"}, "---\ntitle: x\n---\n", "docs/b.md", SETTINGS) == ["docs/b.md:1: no topic tags; add `tags:` with one or more of: 征信、逾期"]
    assert tag_problems({}, "---\ntitle: x\n---\n", "docs/c.md", SETTINGS) == []  # an article page just imported
    assert tag_problems({"tags": "征信"}, PAGE, "docs/a.md", SETTINGS) == ["docs/a.md:5: tags must be a list of topic names"]


def test_checked_date_must_be_a_date():
    assert checked_date({"checked": datetime.date(2026, 11, 30)}, PAGE, "docs/a.md") == datetime.date(2026, 11, 30)
    with pytest.raises(GuideError, match=r"docs/a.md:4: a guide page needs `checked: YYYY-MM-DD`.*'下个月'"):
        checked_date({"checked": "下个月"}, PAGE, "docs/a.md")
    with pytest.raises(GuideError, match=r"docs/a.md:1: .*None"):
        checked_date({}, "---\ntitle: x\n---\n", "docs/a.md")


def test_disclaimer_goes_right_below_the_title_with_the_checked_date():
    out = with_disclaimer("# 标题\n\n正文。\n", "不构成法律意见。", datetime.date(2026, 11, 3))
    assert out.split("\n")[0] == "# 标题"
    assert out.index("这不是法律意见") < out.index("正文。")
    assert "    不构成法律意见。本页引用的法律法规核对于 2026 年 11 月 3 日。" in out
    assert with_disclaimer("正文。\n", "说明。", datetime.date(2026, 1, 1)).startswith('!!! info "这不是法律意见"')


def test_faq_entries_pair_each_h2_with_its_answer_without_footnotes():
    html = (
        '<h1 id="q">常见问题</h1><div class="admonition info"><p>这不是法律意见</p></div>'
        '<h2 id="a">逾期记录保留多久？<a class="headerlink" href="#a">&para;</a></h2>'
        '<p>保存 5 年。<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup></p><ul><li>期满删除。</li></ul>'
        '<h2 id="b">能停息挂账吗？</h2><p>可以申请，&ldquo;可以&rdquo;不等于必须。</p>'
        '<div class="footnote"><ol><li>《征信业管理条例》第十六条</li></ol></div>'
    )
    assert faq_entries(html) == [("逾期记录保留多久？", "保存 5 年。 期满删除。"), ("能停息挂账吗？", "可以申请，“可以”不等于必须。")]
    assert faq_entries("<h2>没有答案的问题</h2>") == []
