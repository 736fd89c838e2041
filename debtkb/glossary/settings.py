"""Glossary settings from mkdocs.yml ``extra.glossary``, validated up front."""

from __future__ import annotations

from dataclasses import dataclass


class SettingsError(ValueError):
    pass


@dataclass(frozen=True)
class GlossarySettings:
    file: str = "data/glossary.yml"  # the term list, relative to mkdocs.yml
    page: str = "glossary.md"  # the generated page, relative to docs/
    links_per_term: int = 1  # how many occurrences of a term to link on each page


def settings_from_extra(extra: dict) -> GlossarySettings:
    raw = extra.get("glossary", {})
    if not isinstance(raw, dict):
        raise SettingsError("mkdocs.yml: extra.glossary must be a mapping (file, page, links_per_term)")
    unknown = sorted(set(raw) - {"file", "page", "links_per_term"})
    if unknown:
        raise SettingsError(f"mkdocs.yml: extra.glossary has unknown keys {unknown}; allowed: file, page, links_per_term")
    settings = GlossarySettings(**raw)
    if not isinstance(settings.links_per_term, int) or isinstance(settings.links_per_term, bool) or settings.links_per_term < 1:
        raise SettingsError(f"mkdocs.yml: extra.glossary.links_per_term must be a whole number ≥ 1, got {settings.links_per_term!r}")
    if not str(settings.page).endswith(".md"):
        raise SettingsError(f"mkdocs.yml: extra.glossary.page must be a .md path, got {settings.page!r}")
    return settings
