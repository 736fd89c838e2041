"""Where terms occur (debtkb.glossary.occurrences) and the glossary page's JSON-LD terms."""

from debtkb.glossary.model import parse
from debtkb.glossary.occurrences import Occurrences
from debtkb.glossary.page import defined_terms


def test_pages_are_listed_per_term_in_navigation_order_with_relative_urls():
    found = Occurrences()
    found.record("b.md", "b/", "乙页", ["征信", "罚息"])
    found.record("a.md", "a/", "甲页", {"征信"})
    found.record("extra.md", "extra/", "未列入导航", ["征信"])
    assert found.pages_by_term(["a.md", "b.md"], "glossary/") == {
        "征信": [("甲页", "../a/"), ("乙页", "../b/"), ("未列入导航", "../extra/")],
        "罚息": [("乙页", "../b/")],
    }


def test_a_page_rendered_again_replaces_its_record_and_clear_forgets_all():
    found = Occurrences()
    found.record("a.md", "a/", "甲页", ["征信"])
    found.record("a.md", "a/", "甲页（改）", ["罚息"])  # `serve --dirtyreload` renders the edited page again
    assert found.pages_by_term(["a.md"], "glossary/") == {"罚息": [("甲页（改）", "../a/")]}
    found.clear()
    assert found.pages_by_term(["a.md"], "glossary/") == {}


def test_the_json_ld_terms_name_each_entry_with_its_address():
    glossary = parse("- {term: 征信, aliases: [信用报告], english: Credit reporting, definition: 记录个人借贷和还款情况。, related: [], legal: false}\n")
    assert defined_terms(glossary, "https://example.org/glossary/") == [
        {"name": "征信", "description": "记录个人借贷和还款情况。", "url": "https://example.org/glossary/#征信", "aliases": ["信用报告"]}
    ]
