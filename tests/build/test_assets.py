"""The built site publishes the project's own JS and CSS minified, in both editions."""

import gzip
import re

import pytest

from debtkb.assets import minify
from tests.paths import ROOT

ASSETS = ["stylesheets/extra.css", "javascripts/repayment/widget.css", "javascripts/repayment/core.js", "javascripts/repayment/widget.js", "javascripts/glossary/popover.js", "javascripts/glossary/place.js"]


@pytest.mark.parametrize("path", ASSETS)
def test_published_minified(site, path):
    source = (ROOT / "docs" / path).read_text(encoding="utf-8")
    assert "/*" in source or "//" in source  # the source keeps its comments
    for edition in (site, site / "zh-Hant"):
        published = (edition / path).read_text(encoding="utf-8")
        assert "/*" not in published and "\n//" not in published
        assert len(published) < len(source)
    assert (site / path).read_text(encoding="utf-8") == minify(path, source)


def gz(text: str) -> int:
    return len(gzip.compress(text.encode("utf-8"), 9))


@pytest.mark.parametrize("edition", ["", "zh-Hant"])
def test_the_glossary_popover_adds_at_most_2_kb_gzipped_to_a_page(site, edition):
    root = site / edition
    scripts = sum(gz((root / "javascripts" / "glossary" / name).read_text(encoding="utf-8")) for name in ("popover.js", "place.js"))
    css = (root / "stylesheets" / "extra.css").read_text(encoding="utf-8")
    rules = re.findall(r"[^{}]*(?:kb-term-popover|data-kb-touch|aria-expanded)[^{}]*\{[^}]*\}", css)
    assert len(rules) == 6, rules  # the popover, hidden / no tooltip, its lines, its text, its focus, the open term
    page = (root / "xiaomi-jinrong-de-jueqi" / "index.html").read_text(encoding="utf-8")
    tag = re.search(r'<script src="[^"]*glossary/popover\.js" type="module"></script>', page)
    assert tag, "the popover's script is not on the article page"
    added = scripts + gz("".join(rules)) + len(tag.group())
    assert added <= 2048, added
