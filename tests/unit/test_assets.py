"""Which files are minified for readers, and that minifying keeps the code and drops the comments."""

import pytest

from debtkb.assets import is_asset, minify


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("stylesheets/extra.css", True),
        ("javascripts/repayment/core.js", True),
        ("javascripts/repayment/widget.css", True),
        ("assets/stylesheets/main.57a0d79d.min.css", False),  # Material's, minified already
        ("assets/javascripts/bundle.a5f9d56c.min.js", False),
        ("stylesheets/notes.md", False),
    ],
)
def test_only_the_projects_own_js_and_css(path, expected):
    assert is_asset(path) is expected


def test_minify_drops_comments_and_keeps_rules():
    css = "/* why */\n.glossary-entries {\n  content-visibility: auto;\n}\n@media print {\n  .x { color: red; }\n}\n"
    assert minify("stylesheets/extra.css", css) == ".glossary-entries{content-visibility:auto}@media print{.x{color:red}}"
    js = "// why\nexport function f(a) {\n  return a + 1; // add\n}\n"
    assert minify("javascripts/repayment/core.js", js) == "export function f(a){return a+1;}"
    assert minify("x.txt", "/* kept */") == "/* kept */"
