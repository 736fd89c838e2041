"""Guide pages and topics: the disclaimer every guide page shows, the date its legal sources were
checked, and topic tags drawn from one list (``extra.guide`` in mkdocs.yml).

Plain functions on a page's Markdown and front matter; ``hooks/guide.py`` calls them. Problems
are reported as ``path:line: message`` so a contributor can jump to the front matter line.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from debtkb.markdown_lines import front_matter_line

GUIDE = "guide"  # front matter `kind:` of a guide page


class GuideError(ValueError):
    pass


@dataclass(frozen=True)
class Settings:
    topics: tuple[str, ...]  # the only tags a page may carry
    disclaimer: str  # shown at the top of every guide page
    untagged: tuple[str, ...]  # pages that need no tags (the topics page itself)
    article_tag: str = ""  # the hidden tag every imported article carries beside its topics

    @property
    def allowed(self) -> tuple[str, ...]:
        return self.topics + ((self.article_tag,) if self.article_tag else ())


def settings_from_extra(extra: dict) -> Settings:
    raw = extra.get("guide")
    if not isinstance(raw, dict):
        raise GuideError("mkdocs.yml: extra.guide is missing (topics, disclaimer, untagged)")
    topics = raw.get("topics")
    if not isinstance(topics, list) or not topics or not all(isinstance(t, str) and t.strip() for t in topics):
        raise GuideError("mkdocs.yml: extra.guide.topics must be a non-empty list of topic names")
    if len(set(topics)) != len(topics):
        raise GuideError("mkdocs.yml: extra.guide.topics lists a topic twice")
    disclaimer = raw.get("disclaimer")
    if not isinstance(disclaimer, str) or not disclaimer.strip():
        raise GuideError("mkdocs.yml: extra.guide.disclaimer must be a sentence or two of text")
    untagged = raw.get("untagged", [])
    if not isinstance(untagged, list):
        raise GuideError("mkdocs.yml: extra.guide.untagged must be a list of page paths")
    article_tag = raw.get("article_tag", "")
    if not isinstance(article_tag, str) or article_tag in topics:
        raise GuideError("mkdocs.yml: extra.guide.article_tag must be a tag name that is not one of the topics")
    return Settings(tuple(topics), disclaimer.strip(), tuple(untagged), article_tag)


def tag_problems(meta: dict, source: Callable[[], str], path: str, settings: Settings) -> list[str]:
    """Problems with the page's `tags:`; ``source()`` gives the file's text, read only to name a line."""
    tags = meta.get("tags")
    if tags and isinstance(tags, list) and all(isinstance(t, str) and t in settings.allowed for t in tags) and set(tags) - {settings.article_tag}:
        return []
    where = f"{path}:{front_matter_line(source(), 'tags', 1)}"
    if not tags:
        # Required on guide pages; a freshly imported article page gets its tags from an editor
        # (tests/content checks that every committed page has them).
        if meta.get("kind") != GUIDE:
            return []
        return [f"{where}: no topic tags; add `tags:` with one or more of: {'、'.join(settings.topics)}"]
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        return [f"{where}: tags must be a list of topic names"]
    unknown = [f"{where}: unknown topic '{t}'; use one of: {'、'.join(settings.topics)} (or add it to extra.guide.topics)" for t in tags if t not in settings.allowed]
    return unknown or [f"{where}: no topic tags besides '{settings.article_tag}'; add one or more of: {'、'.join(settings.topics)}"]


def checked_date(meta: dict, source: Callable[[], str], path: str) -> datetime.date:
    """A guide page's `checked:` date: when its legal sources were last checked against the text."""
    value = meta.get("checked")
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value
    raise GuideError(f"{path}:{front_matter_line(source(), 'checked', 1)}: a guide page needs `checked: YYYY-MM-DD`, the date its legal sources were last checked (got {value!r})")


def with_disclaimer(markdown: str, disclaimer: str, checked: datetime.date) -> str:
    """The page with the disclaimer as an admonition right below its title (or at the top)."""
    note = f'!!! info "这不是法律意见"\n\n    {disclaimer}本页引用的法律法规核对于 {checked.year} 年 {checked.month} 月 {checked.day} 日。\n'
    lines = markdown.split("\n")
    for i, line in enumerate(lines):
        if line.startswith("# "):
            return "\n".join(lines[: i + 1] + ["", note] + lines[i + 1 :])
    return note + "\n" + markdown
