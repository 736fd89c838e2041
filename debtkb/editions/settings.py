"""Which edition a build makes, and where each edition lives."""

from __future__ import annotations

from dataclasses import dataclass

CANONICAL = "zh-Hans"
TRADITIONAL = "zh-Hant"
TRADITIONAL_PATH = "zh-Hant/"  # below the canonical site's root
TRADITIONAL_CONFIG = "mkdocs.zh-Hant.yml"
PAGE_DATES_ENV = "DEBTKB_PAGE_DATES"  # each page's "last updated" from the Simplified build (same source files)
PREVIEW_ENV = "DEBTKB_PREVIEW"  # set for the Traditional build that `mkdocs serve` runs: it is a preview too
SIMPLIFIED_ONLY_ENV = "DEBTKB_SIMPLIFIED_ONLY"  # set (to anything) to skip the Traditional edition, e.g. in benchmarks
DATE_PLUGIN = "git-revision-date-localized"
DATE_KEYS = ("git_revision_date_localized", "git_site_revision_date_localized")


class EditionError(ValueError):
    pass


@dataclass(frozen=True)
class Edition:
    code: str

    @property
    def traditional(self) -> bool:
        return self.code == TRADITIONAL


def twin_links(page_url: str, edition: Edition, roots: dict[str, str]) -> dict[str, str]:
    """Link from this page to the same page in each edition. Relative (so a copy of the site
    works anywhere), except on the 404 page, which is served at whatever URL was missing."""
    from debtkb.urls import relative_url

    if page_url == "404.html":
        return {code: root + page_url for code, root in roots.items()}
    here = TRADITIONAL_PATH if edition.traditional else ""  # this edition's root, from the canonical root
    links = {}
    for code in (CANONICAL, TRADITIONAL):
        there = TRADITIONAL_PATH if code == TRADITIONAL else ""
        links[code] = relative_url(there + page_url, here + page_url)
    return links


def edition_from_extra(extra: dict) -> Edition:
    code = extra.get("edition", CANONICAL)
    if code not in (CANONICAL, TRADITIONAL):
        raise EditionError(f"mkdocs.yml: extra.edition must be {CANONICAL} or {TRADITIONAL}, got {code!r}")
    return Edition(code)
