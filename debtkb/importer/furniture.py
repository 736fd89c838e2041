"""Stage 5: the original site's furniture — navigation, bylines, counters, comment boxes, related
articles, promotions — recognised by pattern and by position, removed, and listed.

Each ``Rule`` is a named pattern with its own tests. ``line`` rules take the whole line; ``inline``
rules take a fragment glued to text (a caption at the end of a paragraph). A ``footer`` rule also
opens the footer zone: near the end of the article, everything after 上一篇 or 相关文章 is the
original page's footer (titles of other articles, comments), and goes with it. Nothing is removed
without a report row naming the rule; a byline's date and source site are kept as page metadata.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from debtkb.text import han_count

_C = r"\s*[:：]"  # a label's colon, full- or half-width
DATE = re.compile(r"(?P<y>(?:19|20)\d\d)\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?")
_SHORT = 90  # furniture lines are short; a longer line is content even when it mentions 来源 or 评论


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern
    scope: str = "line"  # "line" or "inline"
    footer: bool = False  # opens the footer zone when it matches near the end
    max_len: int = _SHORT  # furniture lines are short: a longer line is content
    unless: re.Pattern | None = None  # content that looks like it (a warning against scams)


def _r(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.I)


RULES = (
    Rule("breadcrumb", _r(r"^(?:当前位置|您的位置|你的位置|您现在的位置|现在位置|所在位置)" + _C + r"|^(?:首页|主页|网站首页)\s*[>»›＞→/|]")),
    Rule("byline", _r(r"^(?:作者|文\s*[/／]|编辑|责任编辑|责编|小编|发布者|发布人|发表人)" + _C + r"|^(?:发布|发表|更新|上传)(?:时间|日期|于)" + _C + r"?|^(?:时间|日期)" + _C + r"\s*(?:19|20)\d\d")),
    Rule("counter", _r(r"(?:人气|浏览(?:次数|量)?|阅读(?:量|数|次数)?|点击(?:量|数|次数)?|访问量)\s*[:：(（]\s*\d+|^\d+\s*(?:次浏览|人阅读|次阅读|人浏览|人看过)$|全文(?:共)?\s*\d+\s*个?字|阅读(?:预计|大约|约)?(?:需要|需|约)\s*\d+\s*分钟|阅读剩余\s*\d+\s*%|预计阅读(?:时间)?\s*[:：\d]|本文(?:约|共)\s*\d+\s*字"), max_len=60),
    Rule("source", _r(r"^(?:来源|出处|文章来源|本文来源|信息来源|原标题|原文标题|原文链接|原文地址)" + _C)),
    Rule("date_line", _r(r"^(?:19|20)\d\d\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s+\d{1,2}:\d\d(?::\d\d)?)?$")),
    Rule("loading", _r(r"^(?:正在加载|加载中|loading)")),
    Rule("tags", _r(r"^(?:标签|本文标签|文章标签|关键词|关键字|tags?)" + _C)),
    # The site's own notices: about 本站/本网/转载/作者/原文, or a line that is only a notice.
    Rule("copyright", _r(r"^(?:版权声明|免责声明|特别声明|声明)" + _C + r"|^版权所有|本站所有文章|本[站网](?:文章|内容|部分内容|信息)(?:均)?(?:来自|来源于|转载|整理)|转载请注明|未经(?:本站|本网|作者)?.{0,6}(?:授权|许可).{0,6}(?:不得)?(?:转载|复制)|如(?:有|涉及)?侵权.{0,10}(?:联系|删除)|侵权(?:必究|请联系)|侵删$|^(?:联系|投诉|合作)邮箱" + _C + r"|邮箱" + _C + r"\s*\S+@|本站(?:仅|只)(?:提供|作为)(?:信息)?存储|不代表本[站网](?:观点|立场)|仅代表作者(?:本人)?(?:观点|立场)"), footer=True, max_len=100),
    Rule("comments", _r(r"^(?:发表(?:回复|评论)|评论列表|最新评论|精彩评论|网友评论|热门评论|我要评论|暂无评论|全部评论|用户评论|评论功能(?:暂时|已)?关闭|评论已关闭|共\s*\d+\s*条评论|\d+\s*条评论|已有\s*\d+\s*(?:人|条)评论)"), footer=True),
    Rule("related", _r(r"^(?:上一篇|下一篇|上一篇文章|下一篇文章|上一条|下一条|相关文章|相关阅读|相关推荐|相关内容|推荐内容|推荐阅读|推荐文章|猜你喜欢|大家(?:正在|都在)(?:看|读)|扩展阅读|延伸阅读|热门文章|热门推荐|热门阅读|最新文章|最新发布|精选文章|你可能(?:还)?(?:感兴趣|喜欢)|更多(?:相关)?(?:文章|内容|精彩|推荐))(?:\s*[:：>»]|\s*$)"), footer=True),
    Rule("call_to_action", _r(r"^(?:直接问律师|问律师|点击展开全文|展开全文|阅读全文|点击(?:查看|阅读)(?:全文|更多|详情)|往下拉(?:查看更多)?|继续阅读|查看更多|免费咨询|在线咨询|立即咨询|一键咨询|咨询律师|点击咨询|马上咨询|返回顶部|返回首页|返回列表|打印本页|关闭窗口|收藏本文|分享到)\s*[>》»:：!！.。…]*$"), max_len=40),
    Rule("promotion", _r(r"(?:关注|搜索|添加|扫码|扫描|长按).{0,12}(?:公众号|微信号|二维码)|(?:公众号|微信号)" + _C + r"|长按(?:识别|扫描)?二维码|扫一扫|扫码(?:关注|添加|咨询)"), max_len=50, unless=_r(r"不要|别|谨防|小心|警惕|切勿|千万|陌生|骗")),
    Rule("caption", _r(r"^[(（]?\s*(?:相关)?(?:资料)?图(?:片)?(?:来源[^)）]*|仅供参考|来自网络|源于网络)?\s*[)）]?$|^(?:图片来源|图源|配图|图文来源)" + _C + r"|^[(（](?:相关资料图|资料图|资料图片[^)）]*|图片[^)）]{0,12}|配图[^)）]{0,12}|图[:：][^)）]{0,20})[)）]$")),
    Rule("share", _r(r"^(?:分享|收藏|点赞|举报|赞|踩)(?:\s*[|/·]?\s*(?:分享|收藏|点赞|举报|评论|赞|踩|打赏))+$|^(?:分享|打赏)(?:到)?" + _C)),
    Rule("cms_residue", _r(r"^[A-Za-z0-9_]{2,20}\s+\S{1,8}\s+\d+\s+\d+$|^[A-Za-z0-9_]{2,20}\s+(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d\d(?::\d\d)?)?$")),
    # Fragments glued to the text they follow: a caption, a "read more" at the end of a paragraph.
    Rule("inline_caption", _r(r"[(（]\s*(?:相关资料图|资料图|资料图片仅供参考|图片仅供参考|图片来源于?网络|图片来自网络|配图来源于?网络)\s*[)）]|[(（][^()（）]{0,16}(?:侵删|侵权删除|图片来源|图源)[^()（）]{0,16}[)）]"), scope="inline"),
    Rule("inline_call_to_action", _r(r"(?:点击展开全文|展开全文|阅读全文|点击查看全文|往下拉查看更多|点击咨询律师)\s*[>》»]*$"), scope="inline"),
)

FOOTER_FROM = 1 / 3  # a footer rule opens the footer only after a third of the article's text
FOOTER_LINE_MAX = 60  # and only on a line of furniture's length, never on a paragraph


_LIST_MARK = re.compile(r"^(?:[-*•·●▪]\s*)+")


def match(line: str) -> Rule | None:
    """The first line rule that matches the line (each rule says how long a furniture line can be).
    A byline written as a list (``- 2024-11-04 06:10``) is still a byline."""
    line = _LIST_MARK.sub("", line)
    for rule in RULES:
        if rule.scope != "line" or len(line) >= rule.max_len:
            continue
        if rule.pattern.search(line) and not (rule.unless and rule.unless.search(line)):
            return rule
    return None


def strip_inline(line: str) -> tuple[str, list[tuple[str, str]]]:
    """The line without inline furniture, and (rule, fragment) for each fragment removed."""
    removed = []
    for rule in RULES:
        if rule.scope != "inline":
            continue
        for m in list(rule.pattern.finditer(line)):
            removed.append((rule.name, m.group(0)))
        line = rule.pattern.sub("", line)
    return line.strip(), removed


def footer_start(lines: list[str], rules: list[Rule | None] | None = None) -> int | None:
    """Index of the line that opens the footer zone, or None. ``rules`` is ``match`` of each line,
    when the caller has it already.

    A footer rule opens it once a third of the article's Chinese text lies before it, or when no
    paragraph of prose (a line of 25 characters or more ending in 。！…) follows it.
    """
    rules = rules if rules is not None else [match(t) for t in lines]
    total = sum(han_count(t) for t in lines) or 1
    before = 0
    for i, (text, rule) in enumerate(zip(lines, rules)):
        if rule and rule.footer and len(text) < FOOTER_LINE_MAX and not (text.rstrip()[-1:] in "。！？" and rule.name == "copyright" and len(text) > 30):
            after = lines[i + 1 :]
            # Prose ends like a sentence; titles of other articles (often questions) do not.
            prose_after = any(len(t) >= 25 and t.rstrip().rstrip("”’」")[-1:] in "。！…" for t in after)
            if before / total >= FOOTER_FROM or not prose_after:
                return i
        before += han_count(text)
    return None


def byline_meta(line: str) -> dict[str, str]:
    """A date (YYYY-MM-DD) and a source site found in a byline or source line."""
    meta = {}
    date = DATE.search(line)
    if date:
        meta["date"] = f"{date['y']}-{int(date['m']):02d}-{int(date['d']):02d}"
    site = re.search(r"(?:来源|出处|文章来源|本文来源)\s*[:：]\s*(?P<site>[^\s|丨/，,]{2,30})", line)
    if site:
        meta["site"] = site["site"]
    return meta


BYLINE_RULES = {"byline", "counter", "date_line", "source", "cms_residue", "header_meta"}
HEADER_META_MAX = 8
_COUNT = re.compile(r"^\d{1,7}$")


def header_meta(lines: list[str], removed: dict[int, str]) -> list[int]:
    """Short lines of the header (before the first line of prose) that sit inside a byline run:
    the category beside the date and the view count (``- 综合信息`` / ``- 2024-11-04`` / ``- 44``).
    Never the first line (a title), and a word only when it is written as part of the list."""
    found = []
    marked = dict(removed)
    for i, text in enumerate(lines):
        if len(text) >= 25 and text.rstrip()[-1:] in "。！？…":
            break  # the prose has begun
        plain = _LIST_MARK.sub("", text)
        if i == 0 or i in removed or len(plain) > HEADER_META_MAX or re.search(r"[。，！？；：,.!?;:]", plain):
            continue
        beside = marked.get(i - 1) in BYLINE_RULES or marked.get(i + 1) in BYLINE_RULES
        if beside and (_COUNT.match(plain) or plain != text):  # a count, or an item of the byline's list
            found.append(i)
            marked[i] = "header_meta"
    return found
