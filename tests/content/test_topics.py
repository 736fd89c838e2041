"""Every committed page carries topic tags from extra.guide.topics, so the topics page reaches it.
(The build refuses unknown topics and untagged guide pages; a freshly imported article page is
tagged by an editor, and this test is what asks for it.)"""

import re

import pytest
import yaml

from tests.paths import DOCS, MKDOCS_YML, SECTION_PAGES


def topics() -> list[str]:
    block = re.search(r"^  guide:\n(?:    .*\n)+", MKDOCS_YML.read_text(encoding="utf-8"), re.M).group(0)
    return yaml.safe_load(block)["guide"]["topics"]


PAGES = sorted(p for p in DOCS.rglob("*.md") if p.name != "topics.md")


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_every_page_has_known_topic_tags(path):
    text = path.read_text(encoding="utf-8")
    meta = yaml.safe_load(text.split("---\n", 2)[1])
    assert meta.get("tags"), f"{path.relative_to(DOCS)}: add `tags:` to the front matter"
    assert set(meta["tags"]) <= set(topics()) | {"整理文章"} and set(meta["tags"]) & set(topics())


def test_the_pages_are_found():
    # From the project root (tests/paths.py), not the working directory: the known pages are all here.
    found = {p.relative_to(DOCS).as_posix() for p in PAGES}
    guide = {f"guide/{name}.md" for name in ("yingdui-buzhou", "yuqi-houguo", "xieshang-huankuan", "nide-quanli", "changjian-wenti", "fangpian-tixing")}
    known = {"index.md", "calculator.md", "style-guide.md", "articles/index.md", "xiaomi-jinrong-qian-6-wan.md", *(f"{p}.md" for p in SECTION_PAGES), *guide}
    assert known <= found, sorted(known - found)
