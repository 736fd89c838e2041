"""Damage (debtkb.importer.damage) and site furniture (debtkb.importer.furniture): every rule on
lines of its shape, and on the content lines it must leave alone."""

import pytest

from debtkb.importer import damage, furniture


@pytest.mark.parametrize(
    ("line", "kept", "rule", "removed"),
    [
        # only the damaged clause goes; the comma after it goes with it
        ("他说，當?shù)劂y監會表示，要还款。", "他说，要还款。", "mojibake_question_mark", "當?shù)劂y監會表示，"),
        # the last clause of a sentence: the comma before it goes, the full stop stays
        ("先打电话，再找當?shù)劂y監會。后面的话。", "先打电话。后面的话。", "mojibake_question_mark", "，再找當?shù)劂y監會"),
        # a whole damaged sentence goes with its full stop
        ("前面。當?shù)劂y監會。后面。", "前面。后面。", "mojibake_question_mark", "當?shù)劂y監會。"),
        ("还款\ufffd方式很重要，记住。", "记住。", "replacement_character", "还款\ufffd方式很重要，"),
        ("出现锟斤拷乱码，其余正常。", "其余正常。", "mojibake_sequence", "出现锟斤拷乱码，"),
        ("应(y?ng)该还", "应该还", "broken_pinyin", "(y?ng)"),
        ("欠款_x0008_了", "欠款了", "control_escape", "_x0008_"),
        ("好的&helpp;然后", "好的然后", "broken_entity", "&helpp;"),
        ("加油💪！", "加油！", "emoji", "💪"),
        ("逾期以后<br/>先别慌。", "逾期以后先别慌。", "html_tag", "<br/>"),
    ],
)
def test_damage_is_cut_to_the_clause_or_token(line, kept, rule, removed):
    text, findings = damage.cut(line)
    assert text == kept
    assert [(f.rule, f.kind, f.text) for f in findings] == [(rule, "damaged", removed)]


@pytest.mark.parametrize(
    ("line", "kept", "rule"),
    [
        ("直接在里搜“”就能找到", "直接在里搜就能找到", "empty_quotes"),
        ("这是***的事", "这是的事", "censor_marks"),
        ("保存好催收 的录音", "保存好催收 的录音", "space_in_words"),  # nothing certain fills it: kept, listed
        ("遇到突 况不要慌", "遇到突 况不要慌", "space_in_words"),
    ],
)
def test_censored_gaps_are_listed_and_only_empty_markers_go(line, kept, rule):
    text, findings = damage.cut(line)
    assert text == kept
    kinds = [(rule, "damaged"), (rule, "gap")] if kept != line else [(rule, "gap")]  # an empty marker goes, and is listed
    assert [(f.rule, f.kind) for f in findings] == kinds


@pytest.mark.parametrize(
    "line",
    [
        "为什么?因为逾期了。",  # an ASCII question mark (copywriting makes it full-width later)
        "访问 http://a.com/x.php?id=3 查看",  # a URL's query string
        "什么是 LPR?LPR 是贷款市场报价利率。",
        "本人×××，身份证号××××。",  # placeholders, not censorship
        "逾期 3 个月，罚息 1.5 倍。",
        "**一、逾期的后果**",
        "很多人担心（会不会坐牢?），其实不会。",  # an ASCII question mark before a bracket
        "什么是LPR?LPR是贷款市场报价利率。",
        '他说"好" "不好"',  # ASCII quotes, not an emptied pair
        "✓ 身份证",  # a dingbat used as a list mark
    ],
)
def test_ordinary_text_has_no_damage(line):
    assert damage.cut(line) == (line, [])


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("当前位置：首页 > 网贷知识 > 正文", "breadcrumb"),
        ("首页 > 信用卡 > 逾期", "breadcrumb"),
        ("作者：理财小编  发布时间：2024-03-18 09:12  人气：2381", "byline"),
        ("发布日期：2024年3月18日", "byline"),
        ("浏览次数：1024", "counter"),
        ("全文共1826个字，阅读预计需要4分钟", "counter"),
        ("阅读剩余 60%", "counter"),
        ("来源：某某财经网", "source"),
        ("原标题：网贷逾期怎么办", "source"),
        ("2024-03-18 09:12", "date_line"),
        ("正在加载...", "loading"),
        ("标签：网贷逾期 协商还款", "tags"),
        ("本文标签：信用卡", "tags"),
        ("版权声明：本站所有文章来自网络，如侵权请联系删除", "copyright"),
        ("联系邮箱：abc@example.com", "copyright"),
        ("发表回复", "comments"),
        ("评论功能暂时关闭", "comments"),
        ("上一篇：信用卡逾期怎么办", "related"),
        ("相关文章", "related"),
        ("猜你喜欢", "related"),
        ("大家正在看：", "related"),
        ("直接问律师", "call_to_action"),
        ("点击展开全文", "call_to_action"),
        ("往下拉查看更多", "call_to_action"),
        ("关注微信公众号“某某”，回复“协商”领取模板", "promotion"),
        ("（相关资料图）", "caption"),
        ("(资料图片仅供参考)", "caption"),
        ("admin 新闻 40 0", "cms_residue"),
        ("admin 2024-03-18 09:12", "cms_residue"),
        ("分享 收藏 点赞", "share"),
    ],
)
def test_furniture_lines(line, rule):
    found = furniture.match(line)
    assert found is not None and found.name == rule


@pytest.mark.parametrize(
    "line",
    [
        "不要扫描陌生人发来的二维码，也不要添加对方的微信号。",  # a warning, not a promotion
        "时间：逾期后 3 个月内是协商的好时机。",
        "点击 2 次就能查到还款记录。",
        "来源不明的短信不要理会。",
        "相关文章里常说停息挂账，其实要先确认自己的情况。",
        "上一篇我们讲了征信，这一篇讲催收。" + "内容" * 30,
        "小编提醒：逾期后要主动联系平台。",
        "催收公司未经授权使用借款人通讯录，属于违法行为。",  # (the copyright rule once took this, and the footer after it)
        "也可以发邮件到银保监会的投诉邮箱反映。",
        "免费咨询的渠道有哪些？",
        "LPR 2024-05-20 起下调到 3.95%",
        "这篇文章有 10000 人阅读过，说明很多人关心",
    ],
)
def test_content_that_mentions_furniture_words_stays(line):
    assert furniture.match(line) is None


def test_inline_captions_and_calls_to_action_are_cut_from_their_line():
    text, removed = furniture.strip_inline("逾期后要尽快处理（资料图片仅供参考）")
    assert text == "逾期后要尽快处理" and removed == [("inline_caption", "（资料图片仅供参考）")]
    text, removed = furniture.strip_inline("具体流程如下……点击展开全文>>")
    assert text == "具体流程如下……" and removed == [("inline_call_to_action", "点击展开全文>>")]


def test_the_footer_opens_at_related_articles_near_the_end():
    body = ["逾期以后要先弄清欠款数字，再和平台联系，说明自己的情况，争取一个能承受的方案。"] * 6
    lines = body + ["相关文章", "信用卡逾期怎么办", "网贷逾期三个月会怎样"]
    assert furniture.footer_start(lines) == 6
    early = ["上一篇：别的文章"] + body  # at the top it is one furniture line, not the footer
    assert furniture.footer_start(early) is None


def test_byline_metadata():
    assert furniture.byline_meta("作者：小编 发布时间：2024-3-8 09:12 来源：某某财经网") == {"date": "2024-03-08", "site": "某某财经网"}
    assert furniture.byline_meta("发布日期：2024年3月18日") == {"date": "2024-03-18"}


def test_a_byline_written_as_a_list_goes_with_its_category():
    lines = ["网贷逾期了怎么办？", "- 综合信息", "- 2024-11-04 06:10:10", "- 44", "网贷逾期了怎么办？随着互联网金融的快速发展，网贷已经成为越来越多人的借款选择。"]
    removed = {i: furniture.match(t).name for i, t in enumerate(lines) if furniture.match(t)}
    assert removed == {2: "date_line"}
    assert furniture.header_meta(lines, removed) == [1, 3]  # the category and the view count beside the date
    assert furniture.header_meta(["标题", "- 征信", "正文很长很长的一段话，说明了逾期以后要做的几件事情，一定要记住。"], {}) == []  # no byline beside it
    assert furniture.header_meta(["网贷逾期怎么办", "作者：小王", "正文很长很长的一段话，说明了逾期以后要做的几件事情，一定要记住。"], {1: "byline"}) == []  # a title is never metadata
    assert furniture.match("12378") is None  # a lone number is a count only inside a byline
