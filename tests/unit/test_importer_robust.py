"""Whatever lines an article is made of, the importer either imports it or refuses it with a
file:line, and what it writes is Markdown that renders the words as written: Hypothesis builds
articles from the family's line shapes, shuffled and mixed with Markdown and HTML syntax."""

import re

import markdown
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from debtkb.importer.article import load
from debtkb.importer.render import single_page, split_pages
from debtkb.importer.report import ArticleError
from tests.paths import FIXTURES

POOL = sorted({line.strip() for path in (FIXTURES / "family").glob("*.txt") for line in path.read_text(encoding="utf-8").splitlines() if line.strip()})
SYNTAX = ["# 井号开头", "1. 列表", "> 引用", "[链接](a.md)", "<script>x</script>", "{: #id }", "[^1]: 脚注", "---", "```", "~~~", "!!! note", "| a | b |", ":   定义", "*斜体*", "__下划线__", "\\", "&amp;", "&bogus;", "http://example.com/a_b?x=1", "\ufffd", "_x0008_", "👉"]
EXTENSIONS = ["toc", "admonition", "attr_list", "md_in_html", "tables", "footnotes", "def_list", "pymdownx.details", "pymdownx.superfences"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(POOL), st.sampled_from(SYNTAX), st.text(alphabet="网贷逾期，。？！：、()（）|*#-1一、 \u3000", max_size=30)), min_size=1, max_size=25))
def test_any_mix_of_lines_imports_or_is_refused_with_a_line(lines):
    raw = "\n".join(lines).encode("utf-8")
    try:
        article, report = load("a.txt", raw)
    except ArticleError as e:
        assert e.problems and all(isinstance(line, int) and line >= 1 for line, _ in e.problems)
        return
    for page in [single_page(article, "a.md", {"source": "content/articles/a.txt"}), *split_pages(article, "a", {})]:
        body = page.text.split("---\n", 2)[2]
        html = markdown.markdown(body, extensions=EXTENSIONS)
        assert "<script" not in html and "<blockquote" not in html and 'class="footnote' not in html and "<dl" not in html
        assert "\ufffd" not in html and "_x0008_" not in html and "&bogus;" not in html
        assert not re.search(r"<h1", html[html.find("<h1") + 1 :] if "<h1" in html else "")  # one h1
    for row in report.rows:
        assert 1 <= row.line <= len(lines)
