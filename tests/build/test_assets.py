"""The built site publishes the project's own JS and CSS minified, in both editions."""

import pytest

from debtkb.assets import minify
from tests.paths import ROOT

ASSETS = ["stylesheets/extra.css", "javascripts/repayment/widget.css", "javascripts/repayment/core.js", "javascripts/repayment/widget.js"]


@pytest.mark.parametrize("path", ASSETS)
def test_published_minified(site, path):
    source = (ROOT / "docs" / path).read_text(encoding="utf-8")
    assert "/*" in source or "//" in source  # the source keeps its comments
    for edition in (site, site / "zh-Hant"):
        published = (edition / path).read_text(encoding="utf-8")
        assert "/*" not in published and "\n//" not in published
        assert len(published) < len(source)
    assert (site / path).read_text(encoding="utf-8") == minify(path, source)
