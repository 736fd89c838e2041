"""The guard that turns silently broken Chinese search into a build error."""

from debtkb.search.guard import search_problems

GOOD = r"[\s\u200b\u3000\-、。，]+"


def test_good_setup_has_no_problems():
    assert search_problems(GOOD, jieba_importable=True) == []


def test_jieba_is_importable_in_this_environment():
    assert search_problems(GOOD) == []


def test_missing_jieba():
    [problem] = search_problems(GOOD, jieba_importable=False)
    assert problem.startswith("jieba is not installed")


def test_separator_without_zero_width_space():
    [problem] = search_problems(r"[\s\-、。，]+", jieba_importable=True)
    assert "must match \\u200b" in problem


def test_separator_that_is_not_a_regex():
    [problem] = search_problems(r"[\s\u200b", jieba_importable=True)
    assert "not a valid regular expression" in problem


def test_search_plugin_missing():
    assert search_problems(None, jieba_importable=True) == ["the search plugin is not enabled: add `- search` under plugins"]
