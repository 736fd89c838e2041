"""The importer's settings, read from ``extra.importer`` in mkdocs.yml (one place for the site's
configuration), validated before any article is read.

    extra:
      importer:
        folder: articles        # docs/<folder>/<slug>.md for each imported article
        split_above: 6000       # characters of text; a longer article gets a page per section
        pinned:                 # articles whose pages keep the layout their URLs were shared with
          xiaomi-finance-60k: {folder: "", split: true, index: xiaomi-jinrong-qian-6-wan}
        topic_rules: data/topics.yml  # topic tags by rule (debtkb.topics)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from debtkb.importer.report import ArticleError


class _Loader(yaml.SafeLoader):
    """mkdocs.yml carries tags only MkDocs constructs (!ENV, !!python/name): read them as None."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class Layout:
    folder: str  # under docs/; "" for docs/ itself
    split: bool  # a page per top-level section
    index: str = "index"  # split layout: the name of its first page
    pinned: bool = False  # its layout is fixed (URLs shared): pages keep their old front matter


@dataclass(frozen=True)
class Settings:
    folder: str = "articles"
    split_above: int = 6000
    pinned: dict[str, Layout] = field(default_factory=dict)
    nav_key: str = "articles"  # the nav block every article that is not pinned goes into
    topics: tuple[str, ...] = ()  # extra.guide.topics: the only tags a page may carry
    glossary: str = "data/glossary.yml"  # extra.glossary.file: terms the topic rules may name
    article_tag: str = ""  # extra.guide.article_tag: the hidden tag every imported article carries
    topic_rules: str = "data/topics.yml"

    def layout(self, stem: str, length: int) -> Layout:
        if stem in self.pinned:
            return self.pinned[stem]
        return Layout(self.folder, length > self.split_above)


def load(mkdocs_yml: Path) -> Settings:
    """Settings from mkdocs.yml; defaults when ``extra.importer`` is absent; errors name the key."""
    text = mkdocs_yml.read_text(encoding="utf-8")
    try:
        config = yaml.load(text, Loader=_Loader) or {}
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        raise ArticleError(str(mkdocs_yml), [((mark.line + 1) if mark else 1, f"not valid YAML: {getattr(e, 'problem', e)}")]) from None
    extra = config.get("extra") or {}
    site = {
        "topics": tuple((extra.get("guide") or {}).get("topics") or ()),
        "glossary": (extra.get("glossary") or {}).get("file", "data/glossary.yml"),
        "article_tag": str((extra.get("guide") or {}).get("article_tag") or ""),
    }
    raw = extra.get("importer")
    if raw is None:
        return Settings(**site)

    def line(key: str) -> int:
        m = re.search(rf"^\s*{re.escape(key)}\s*:", text, re.M)
        return text[: m.start()].count("\n") + 1 if m else 1

    problems = []
    folder = raw.get("folder", "articles")
    if not isinstance(folder, str) or folder.startswith("/") or ".." in folder:
        problems.append((line("folder"), f"extra.importer.folder must be a folder under docs/, got {folder!r}"))
    split_above = raw.get("split_above", 6000)
    if isinstance(split_above, bool) or not isinstance(split_above, int) or split_above < 500:
        problems.append((line("split_above"), f"extra.importer.split_above must be a number of characters (500 or more), got {split_above!r}"))
    pinned = {}
    for stem, layout in (raw.get("pinned") or {}).items():
        if not isinstance(layout, dict) or set(layout) - {"folder", "split", "index"}:
            problems.append((line(stem), f"extra.importer.pinned.{stem} must be {{folder: …, split: true|false, index: page name}}"))
            continue
        pinned[str(stem)] = Layout(str(layout.get("folder", "")), bool(layout.get("split", False)), str(layout.get("index", "index")), pinned=True)
    topic_rules = raw.get("topic_rules", "data/topics.yml")
    unknown = sorted(set(raw) - {"folder", "split_above", "pinned", "topic_rules"})
    if unknown:
        problems.append((line(unknown[0]), f"extra.importer has unknown keys {unknown}; allowed: folder, split_above, pinned, topic_rules"))
    if problems:
        raise ArticleError(str(mkdocs_yml), problems)
    return Settings(folder.strip("/"), split_above, pinned, topic_rules=str(topic_rules), **site)
