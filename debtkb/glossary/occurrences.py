"""Where each term occurs, for the glossary page's "出现在" lists.

Pages are remembered by address and title (the title as the page had it when its terms were
linked, before any edition's conversion), never as MkDocs page objects, so nothing of a build's
pages outlives it. ``mkdocs serve --dirtyreload`` renders only the edited page, so the record is
kept across such rebuilds and cleared for every full build.
"""

from __future__ import annotations

from dataclasses import dataclass

from debtkb.urls import relative_url


@dataclass(frozen=True)
class Found:
    url: str
    title: str
    terms: tuple[str, ...]


class Occurrences:
    def __init__(self):
        self._by_page: dict[str, Found] = {}

    def clear(self) -> None:
        self._by_page.clear()

    def record(self, src_uri: str, url: str, title: str, terms) -> None:
        self._by_page[src_uri] = Found(url, title, tuple(terms))

    def pages_by_term(self, order: list[str], here: str) -> dict[str, list[tuple[str, str]]]:
        """{term: [(page title, its URL relative to the page at ``here``)]}, pages in ``order``
        (their sources, in navigation order; pages not in it last)."""
        rank = {src: i for i, src in enumerate(order)}
        out: dict[str, list[tuple[str, str]]] = {}
        for _, found in sorted(self._by_page.items(), key=lambda item: rank.get(item[0], len(rank))):
            for term in found.terms:
                out.setdefault(term, []).append((found.title, relative_url(found.url, here)))
        return out
