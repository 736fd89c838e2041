"""The topic rules in data/topics.yml (debtkb.topics): one case per topic that it tags and one that it
does not, glossary aliases counting as the term, and problems named by line."""

from pathlib import Path

import pytest

from debtkb.glossary.model import load as load_glossary
from debtkb.topics import TopicsError, load, parse
from tests.paths import MKDOCS_YML, ROOT
import yaml

TOPICS = tuple(yaml.safe_load(MKDOCS_YML.read_text(encoding="utf-8").split("  guide:\n")[1].split("\n    disclaimer")[0].replace("    topics:", "topics:"))["topics"])
GLOSSARY = load_glossary(ROOT / "data" / "glossary.yml")
RULES = load(ROOT / "data" / "topics.yml", TOPICS, GLOSSARY)


@pytest.mark.parametrize(
    ("topic", "tagged", "not_tagged"),
    [
        ("逾期", "网贷逾期以后会产生罚息，逾期越久越麻烦。", "可以打 12378 投诉，也可以向金融监管部门投诉。"),  # (no rule at all would give the fallback, 逾期)
        ("征信", "逾期会上征信，信用报告里的不良记录保存 5 年。", "逾期以后平台会打电话。"),
        ("协商", "可以和平台协商还款，申请个性化分期。", "逾期以后会有罚息。"),
        ("催收", "催收电话太多，委外催收还骚扰家人。", "按时还款就好。"),
        ("利率", "年化利率 24%，利息加手续费，实际利率更高。", "按时还款就好。"),
        ("诉讼", "平台起诉以后，法院判决，可能被强制执行。", "先和平台沟通。"),
        ("投诉", "可以打 12378 投诉，也可以向金融监管部门投诉。", "先和平台沟通。"),
        ("防骗", "小心中介骗局，所谓征信修复都是诈骗。", "先和平台沟通。"),
        ("贷款机构", "借呗、花呗和微粒贷都是持牌机构的产品。", "先和平台沟通。"),
        ("应对步骤", "欠款了怎么办？第一步，先弄清欠款。", "罚息是逾期以后的利息。"),
        ("计算器", "按等额本息算月供，用计算器看还款计划表。", "先和平台沟通。"),
    ],
)
def test_each_rule(topic, tagged, not_tagged):
    assert topic in RULES.tags(tagged)
    assert topic not in RULES.tags(not_tagged)


def test_a_glossary_alias_counts_as_its_term():
    assert [r for r in RULES.rules if r.topic == "利率"][0].words.count("LPR") == 1  # 贷款市场报价利率's alias


def test_no_rule_matches_gives_the_fallback_and_at_most_max_topics():
    assert RULES.tags("今天天气很好。") == ["逾期"]
    assert len(RULES.tags("逾期罚息 征信信用报告 协商停息挂账 催收骚扰 起诉法院 投诉举报 骗局诈骗 " * 3)) == 4


def test_every_topic_of_the_site_has_a_rule():
    assert {r.topic for r in RULES.rules} == set(TOPICS) - {"参与编写"}


def test_bad_rules_name_their_line():
    text = "max: 4\nfallback: 天气\ntopics:\n  逾期:\n    words: [逾期]\n  吃饭:\n    words: [饭]\n  征信:\n    min: 0\n"
    with pytest.raises(TopicsError) as info:
        parse(text, "data/topics.yml", TOPICS, GLOSSARY)
    assert info.value.problems == [(2, "fallback must be one of extra.guide.topics, got '天气'"), (6, "topic '吃饭' is not in extra.guide.topics (" + "、".join(TOPICS) + ")"), (8, "topic '征信' needs `words:`, a list of terms or everyday words")]


def test_a_missing_file_is_reported():
    with pytest.raises(TopicsError, match="does not exist"):
        load(Path("/nonexistent/topics.yml"), TOPICS, GLOSSARY)
