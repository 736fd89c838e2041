"""The guide-accuracy audit (issue #15, ../shared/reference/domain-facts.md §11) on the built site.

One row per finding: the page, what it must now say, the overstatement that must be gone, and the
sources (law and article, or document number) its footnotes must cite. Every row is checked in both
editions; the Traditional phrases are the Simplified ones through the edition's own converter.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from debtkb.editions import convert
from tests.build.test_guide import read


@dataclass(frozen=True)
class Finding:
    name: str
    page: str
    says: tuple[str, ...]
    not_says: tuple[str, ...] = ()
    cites: tuple[str, ...] = ()


CRIMINAL_LAW = "《中华人民共和国刑法》第三百一十三条"
OVERDRAFT = "《中华人民共和国刑法》第一百九十六条"
DETENTION = "《中华人民共和国民事诉讼法》（2023 年修正）第一百一十四条第一款第六项、第一百一十八条"
LIMITATION_RULES = "《最高人民法院关于审理民事案件适用诉讼时效制度若干问题的规定》（2020 年修正）"
RESTRICTION_2015 = "《最高人民法院关于限制被执行人高消费及有关消费的若干规定》（2015 年修正）"
RESTRICTION_2010_TITLE = "《最高人民法院关于限制被执行人高消费的若干规定》"
BLACKLIST_2017 = "（2017 年修订，法释〔2017〕7 号）"

FINDINGS = [
    # 11.1 owing money is not a crime; what is
    Finding("faq: not a crime, and what is", "guide/changjian-wenti/",
            ("欠钱还不上本身不是犯罪", "拘留最长 15 日", "拒不执行判决、裁定罪", "经银行两次有效催收后超过三个月仍不归还", "不能单凭这一点认定非法占有目的", "确实没钱还、如实报告财产的，不构成这个罪"),
            ("有能力履行却拒不履行判决的，可能被列入失信被执行人名单并被限制高消费。",),
            (CRIMINAL_LAW, OVERDRAFT, DETENTION)),
    Finding("consequences: the '上门抓人' passage", "guide/yuqi-houguo/",
            ("“马上上门抓人”：欠钱还不上本身不是犯罪", "信用卡恶意透支", "司法拘留，拘留最长 15 日", "拒不执行判决、裁定罪"),
            ("贷款机构追讨欠款，走的是上面这条起诉和强制执行的路。刑法",),
            (CRIMINAL_LAW, OVERDRAFT, DETENTION, "《中华人民共和国民事诉讼法》（2023 年修正）第二百五十二条")),
    Finding("consequences: when 限制消费 can be ordered", "guide/yuqi-houguo/",
            ("你没有在通知指定的期间内履行，法院就可以限制消费",), (), (RESTRICTION_2015,)),
    Finding("faq: when 限制消费 can be ordered", "guide/changjian-wenti/",
            ("法院发出执行通知后没有在指定期间内履行的，法院可以限制消费",), (), (RESTRICTION_2015,)),
    # 11.2 limitation: a defence to raise, and to lose
    Finding("consequences: limitation must be raised at first instance", "guide/yuqi-houguo/",
            ("法院不会主动替你适用时效，你要在一审中自己提出", "请求延期、提出还款计划、还了一部分，都会让时效中断", "你一旦同意还款，就不能再以时效已过为由拒绝；已经自愿还了的钱，也不能要回"),
            ("催收、你同意还款、起诉等都会让时效中断",),
            ("《中华人民共和国民法典》第一百九十三条", LIMITATION_RULES + "第二条、第三条", LIMITATION_RULES + "第八条、第十四条", "《中华人民共和国民法典》第一百九十二条")),
    Finding("negotiation: the letter acknowledges the debt", "guide/xieshang-huankuan/",
            ("寄出它，就等于承认这笔欠款、同意履行", "觉得这笔欠款可能已过时效，先咨询律师或当地的法律援助机构，再决定要不要写"), (),
            ("《中华人民共和国民法典》第一百九十二条、第一百九十五条", LIMITATION_RULES + "第十四条")),
    Finding("faq: the '3 年' answer", "guide/changjian-wenti/",
            ("“过了 3 年就不用还”并不可靠", "法院不会主动适用时效，你要在一审中自己提出", "你一旦同意还款，就不能再以时效抗辩；已经自愿还了的钱，也不能要回"), (),
            ("《中华人民共和国民法典》第一百九十三条", LIMITATION_RULES + "第二条、第三条")),
    Finding("glossary: 诉讼时效", "glossary/",
            ("它是债务人要自己提出的抗辩：法院不会主动适用", "同意履行后，就不能再以时效届满抗辩；已经自愿履行的，也不能要回"),
            ("时效届满后，债务人可以拒绝履行，但自愿履行后不能再要回。",),
            ("第一百九十三条", LIMITATION_RULES + "第二条、第三条")),
    Finding("first steps: offering a plan restarts the clock", "guide/yingdui-buzhou/",
            ("提出还款计划、请求延期或者还一部分，都等于承认这笔欠款",), (), (LIMITATION_RULES + "第十四条",)),
    # 11.3 interest caps for licensed lenders
    Finding("faq: what a borrower can still do above 24 %", "guide/changjian-wenti/",
            ("不等于持牌机构怎么收都可以", "有的法院在审理金融机构的借款纠纷时，把利息、罚息、违约金等合计超过年利率 24% 的部分调减了", "不是每个案子都适用的规则"), (),
            ("《最高人民法院关于审理银行卡民事纠纷案件若干问题的规定》第二条", "《中华人民共和国民法典》第五百八十五条")),
    Finding("rights: 4 × LPR at contract time; 金规 a reading, bank 助贷 only", "guide/nide-quanli/",
            ("按的是签合同那时的 LPR，不是今天的", "据评论文章的解读", "只涉及银行的助贷业务", "有的法院把金融机构借款中利息、罚息、违约金等合计超过年利率 24% 的部分调减了"),
            ("要求商业银行互联网助贷业务的综合融资成本不超过",),
            ("金规〔2025〕9号", "第二十五条")),
    Finding("consequences: 银发〔2003〕251号 is addressed to banks", "guide/yuqi-houguo/",
            ("对商业银行的贷款，人民银行规定罚息利率是在合同利率上加收 30% 到 50%", "不是所有放贷机构都照此执行", "对象是银行"),
            ("人民银行的规定是在合同利率上加收 30% 到 50%",), ("银发〔2003〕251 号",)),
    # 11.4 the collection guideline's own terms
    Finding("rights: the CBA guideline as it states it", "guide/nide-quanli/",
            ("未经你同意，晚上 10 点到早上 8 点不得催收", "每天未接通的外呼不宜超过 6 次，双方另有约定的除外", "联系不上你（失联）时，可以联系其他人，但只能为了找到你"),
            ("至少两人", "同一号码每天外呼不超过 6 次"), ("《金融机构个人消费类贷款催收工作指引（试行）》", "本站没有核对到官方发布的原文")),
    Finding("faq: contacting family", "guide/changjian-wenti/",
            ("联系不上你（失联）时，可以联系其他人，但只能为了找到你",), ("向 12378 投诉；",), ()),
    # 11.5 complaint channels
    Finding("rights: who answers for which lender", "guide/nide-quanli/",
            ("受理对银行、保险公司和消费金融公司的投诉", "第二十五条、第三十二条", "由地方金融监管部门负责监管，投诉一般不通过 12378", "向中国人民银行征信中心提出异议，也可以直接向报送这条信息的机构提出", "情况复杂的可以延长到 30 日", "本站没能在监管机构网站上核对到说明它的官方页面"),
            ("15 个工作日", "受理对银行、消费金融公司、小额贷款公司等机构的投诉"),
            ("《最高人民法院关于新民间借贷司法解释适用范围问题的批复》", "《征信业管理条例》第二十五条")),
    Finding("glossary: 12378", "glossary/",
            ("受理对银行、保险公司和消费金融公司的收费、利率和催收等投诉", "小额贷款公司由地方金融监管部门监管"),
            ("15 个工作日", "消费金融公司、小额贷款公司等机构的收费", "2012 年 4 月 26 日"), ()),
    # 11.6 outdated citations and smaller points
    Finding("consequences: current titles of the enforcement rules", "guide/yuqi-houguo/",
            (), (RESTRICTION_2010_TITLE,), (BLACKLIST_2017, RESTRICTION_2015)),
    Finding("faq: current titles of the enforcement rules", "guide/changjian-wenti/",
            (), (RESTRICTION_2010_TITLE,), (BLACKLIST_2017, RESTRICTION_2015)),
    Finding("glossary: current titles of the enforcement rules", "glossary/",
            (), (RESTRICTION_2010_TITLE, "（2013 年）第一条"), (BLACKLIST_2017, RESTRICTION_2015)),
    Finding("editor's note: rectification 'basically' complete", "xiaomi-jinrong-de-zeren-yu-gaige/",
            ("专项整改已经基本完成",), ("完成了平台企业金融业务专项整改",), ()),
    Finding("first steps: 小米消金 opened in May 2020", "guide/yingdui-buzhou/",
            ("2020 年 5 月开业（具体日期本站未能独立核实）",), ("5 月 30 日",), ()),
    Finding("editor's note: 小米消金 opened in May 2020", "xiaomi-jinrong-de-jueqi/",
            ("2020 年 5 月开业",), ("5 月 30 日",), ()),
    Finding("rights: no 12378 opening date, correction not said to be free", "guide/nide-quanli/", (), ("2012 年 4 月 26 日", "开通", "免费查询和更正"), ()),
    Finding("consequences: the 2-year enforcement period can be interrupted", "guide/yuqi-houguo/",
            ("申请期限是 2 年，而且和诉讼时效一样可以中止、中断",), ("对方可以在 2 年内申请强制执行",), ("第二百五十条",)),
    Finding("glossary: the 2-year enforcement period can be interrupted", "glossary/",
            ("和诉讼时效一样可以中止、中断",), (), ()),
    Finding("scams: a dispute is not said to be free", "guide/fangpian-tixing/",
            ("异议你自己就可以向征信机构或信息提供者提出",), ("免费提出",), ("《征信业管理条例》第二十五条",)),
    Finding("negotiation: collection resumes on default", "guide/xieshang-huankuan/",
            ("但你没有按协议还款的，对方可以恢复催收",), (), ("《商业银行信用卡业务监督管理办法》第七十条",)),
    Finding("faq: collection resumes on default", "guide/changjian-wenti/",
            ("但你没有按协议还款的除外",), (), ("《商业银行信用卡业务监督管理办法》第七十条",)),
]


def _in_edition(phrase: str, edition: str) -> str:
    return convert.text(phrase) if edition else phrase


@pytest.mark.parametrize("edition", ["", "zh-Hant/"])
@pytest.mark.parametrize("finding", FINDINGS, ids=lambda f: f.name)
def test_the_audit_finding_is_fixed_on_the_built_page(site, finding, edition):
    _, page = read(site, edition + finding.page)
    for phrase in finding.says + finding.cites:
        assert _in_edition(phrase, edition) in page.text, f"{edition}{finding.page}: missing {phrase!r}"
    for phrase in finding.not_says:
        assert _in_edition(phrase, edition) not in page.text, f"{edition}{finding.page}: still says {phrase!r}"


def test_no_page_of_either_edition_keeps_an_audited_overstatement(site):
    # Wherever it might be copied to: the whole built site, every page, both editions.
    gone = ["至少两人", "2012 年 4 月 26 日", "5 月 30 日开业", "15 个工作日", RESTRICTION_2010_TITLE, "完成了平台企业金融业务专项整改"]
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        for phrase in gone:
            for form in {phrase, convert.text(phrase)}:
                assert form not in html, f"{path.relative_to(site)}: {form!r}"


def test_the_acknowledgement_warning_sits_right_above_the_letter_template(site):
    html = (site / "guide" / "xieshang-huankuan" / "index.html").read_text(encoding="utf-8")
    section = html.split('id="协商申请信模板"')[1]
    warning, template = section.index('class="admonition warning"'), section.index("<blockquote>")
    assert warning < template and "寄出它，就等于承认这笔欠款" in section[warning:template]
