"""Stale-date rules (debtkb.freshness): a guide page checked more than 12 months ago, an LPR more
than 3 months old, and the line of a nested key in mkdocs.yml."""

import datetime as dt
import logging

import pytest

from debtkb import freshness
from tests.paths import MKDOCS_YML

D = dt.date


@pytest.mark.parametrize(
    ("date", "months", "expected"),
    [
        (D(2025, 9, 22), 3, D(2025, 12, 22)),
        (D(2025, 11, 30), 3, D(2026, 2, 28)),  # clamped to February's last day
        (D(2027, 11, 30), 3, D(2028, 2, 29)),  # leap year
        (D(2026, 1, 31), 1, D(2026, 2, 28)),
        (D(2025, 12, 1), 12, D(2026, 12, 1)),
        (D(2026, 10, 15), 2, D(2026, 12, 15)),  # no year change
    ],
)
def test_months_after(date, months, expected):
    assert freshness.months_after(date, months) == expected


def test_a_guide_page_checked_12_months_ago_is_fresh_one_day_later_it_is_stale():
    assert freshness.stale_checked(D(2025, 12, 1), D(2026, 12, 1), "docs/guide/a.md:4") is None
    assert freshness.stale_checked(D(2025, 11, 30), D(2026, 12, 1), "docs/guide/a.md:4") == (
        "docs/guide/a.md:4: checked: 2025-11-30 is more than 12 months old; "
        "re-read the page's legal sources against the primary texts, then update the date"
    )


def test_an_lpr_3_months_old_is_fresh_one_day_later_it_is_stale():
    assert freshness.stale_lpr(D(2026, 9, 1), D(2026, 12, 1), "mkdocs.yml:70") is None
    assert freshness.stale_lpr(D(2026, 8, 31), D(2026, 12, 1), "mkdocs.yml:70") == (
        "mkdocs.yml:70: extra.lpr is the LPR of 2026-08-31, more than 3 months ago; "
        "look up the latest one-year LPR and update one_year, date and source"
    )


def test_yaml_key_line_finds_nested_keys_in_the_real_mkdocs_yml():
    text = MKDOCS_YML.read_text(encoding="utf-8")  # carries !ENV and !!python/name tags
    line = freshness.yaml_key_line(text, ["extra", "lpr", "date"])
    assert text.split("\n")[line - 1].strip().startswith("date: ")
    assert text.split("\n")[line - 3].strip() == "lpr:"
    assert freshness.yaml_key_line(text, ["extra", "lpr", "missing"]) is None
    assert freshness.yaml_key_line(text, ["site_name", "x"]) is None  # a scalar has no keys
    assert freshness.yaml_key_line("a: [", ["a"]) is None  # broken YAML: no line, no crash


def test_a_strict_build_prints_the_warning_without_counting_it():
    assert freshness.level(strict=False) == logging.WARNING
    assert freshness.level(strict=True) == logging.INFO
    assert freshness.message("x.md:1: old", strict=False) == "x.md:1: old"
    assert freshness.message("x.md:1: old", strict=True) == "warning (stale date, not counted by --strict): x.md:1: old"
