"""Search index tuning: hidden part, phrase and query-prefix tokens; nothing visible changes."""

import jieba

from debtkb.search.tuning import HIDDEN_OPEN, candidates, tune_index

SEPARATOR = r"[\s\u200b\u3000\-、。，．？！；：（）“”‘’《》〈〉「」『』【】…—]+"


def segmented(text):
    """Text the way Material indexes it: jieba words joined by U+200B."""
    return "\u200b".join(jieba.cut(text))


def doc(location, text):
    return {"location": location, "title": location, "text": f"<p>{segmented(text)}</p>"}


def hidden(doc):
    return doc["text"].split(HIDDEN_OPEN)[1].removesuffix("</p>").split(" ") if HIDDEN_OPEN in doc["text"] else []


def test_parts_and_phrases():
    jieba.add_word("等本等息")
    parts, whole = candidates(f"<p>{segmented('选择等本等息还款，促进健康的金融生态')}</p>", jieba.cut)
    assert {"本等息", "等息"} <= set(parts)  # every suffix of a long word
    assert "等本等息" in whole and "金融生态" in whole


def test_tune_index_adds_one_hidden_paragraph_and_keeps_the_visible_text():
    index = {"config": {"separator": SEPARATOR}, "docs": [doc("a/", "以促进健康的金融生态"), {"location": "b/", "title": "乙", "text": ""}]}
    visible = index["docs"][0]["text"]
    tuned, added = tune_index(index, jieba.cut)
    text = tuned["docs"][0]["text"]
    assert added > 0 and text.startswith(visible) and text.count(HIDDEN_OPEN) == 1 and text.endswith("</p>")
    assert "金融生" in hidden(tuned["docs"][0])  # what the query 金融生态 becomes
    assert "金融" not in hidden(tuned["docs"][0])  # visible tokens are not repeated
    assert tuned["docs"][1]["text"] == ""


def test_idempotent():
    index = {"config": {"separator": SEPARATOR}, "docs": [doc("a/", "设计更灵活的还款方式")]}
    once, _ = tune_index(index, jieba.cut)
    text = once["docs"][0]["text"]
    twice, added = tune_index(once, jieba.cut)
    assert added == 0 and twice["docs"][0]["text"] == text


def test_shared_query_prefix_goes_to_the_most_used_phrase():
    index = {"config": {"separator": SEPARATOR}, "docs": [doc("a/", "还款方式"), doc("b/", "还款方式和期限"), doc("c/", "寻求合理的还款方案")]}
    tuned, _ = tune_index(index, jieba.cut)
    a, b, c = (set(hidden(d)) for d in tuned["docs"])
    assert "还款方" in a and "还款方" in b and "还款方" not in c
    assert "还款方案" in c  # the rarer phrase is still indexed


def test_reuses_materials_segmentation_instead_of_cutting_again():
    def cut(_):
        raise AssertionError("segmented text must not be cut again")

    parts, whole = candidates("<p>\u200b促进\u200b健康\u200b的\u200b金融\u200b生态\u200b</p>", cut)
    assert "金融生态" in whole and "健康的" not in whole  # adjacent two-character words only
    assert candidates("<p>金融生态</p>", lambda run: ["金融", "生态"])[1] == ["金融生态"]  # unsegmented: cut
