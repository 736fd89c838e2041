"""The guard that turns silently broken search into a build error."""

from debtkb.search.guard import search_problems, worker_problem

GOOD = r"[\s\u200b\u3000\-、。，]+"


def test_good_setup_has_no_problems():
    assert search_problems(GOOD) == []


def test_separator_that_is_not_a_regex():
    [problem] = search_problems(r"[\s\u200b")
    assert problem.startswith("plugins.search.separator is not a valid regular expression")


def test_search_plugin_missing():
    assert search_problems(None) == ["the search plugin is not enabled: add `- search` under plugins"]


def config(search):
    return f'<script id="__config" type="application/json">{{"base": ".", "search": "{search}"}}</script>'


def test_worker_check():
    assert worker_problem(config("../javascripts/search/worker.js")) is None
    assert worker_problem(config("assets/javascripts/workers/search.a7633da7.min.js")) == (
        "the search box uses 'assets/javascripts/workers/search.a7633da7.min.js', not javascripts/search/worker.js: overrides/main.html must keep its `config` block"
    )
    assert worker_problem("<html></html>").startswith("the page has no Material configuration script")
