"""What search engines and link previews read: Open Graph and Twitter tags, JSON-LD, robots.txt.

Plain data in, plain data out; ``hooks/seo.py`` feeds it page titles and URLs.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from debtkb.htmlscan import VOID

OG_LOCALE = {"zh-Hans": "zh_CN", "zh-Hant": "zh_TW"}


@dataclass
class PageFacts:
    kind: str  # "article" | "webpage" | "glossary"
    title: str
    description: str
    url: str  # absolute (canonical)
    site_name: str
    site_url: str  # absolute root of this edition
    home_title: str
    language: str  # zh-Hans | zh-Hant
    terms: list[dict] = field(default_factory=list)  # glossary only: name, description, url, aliases
    questions: list[tuple[str, str]] = field(default_factory=list)  # FAQ pages: (question, answer text)


class _FaqParser(HTMLParser):
    """Each <h2> of a page is a question; the text up to the next <h2> is its answer. Footnote
    markers, the footnote list and the headings' ¶ links are not part of either."""

    SKIP = re.compile(r"\b(headerlink|footnote-ref|footnote|admonition)\b")

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.entries: list[list[str]] = []
        self.in_question = False
        self.skip_depth = 0  # >0 inside an element whose text is skipped
        self.stack: list[bool] = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        skip = bool(self.SKIP.search(dict(attrs).get("class") or ""))
        self.stack.append(skip)
        self.skip_depth += skip
        if tag == "h2":
            self.entries.append(["", ""])
            self.in_question = True

    def handle_endtag(self, tag):
        if tag in VOID or not self.stack:
            return
        self.skip_depth -= self.stack.pop()
        if tag == "h2":
            self.in_question = False
        elif tag in ("p", "li", "dd", "dt") and self.entries and not self.in_question:
            self.entries[-1][1] += " "

    def handle_data(self, data):
        if self.skip_depth or not self.entries:
            return
        self.entries[-1][0 if self.in_question else 1] += data


def faq_entries(page_html: str) -> list[tuple[str, str]]:
    """(question, answer) pairs of an FAQ page's rendered HTML, whitespace collapsed."""
    parser = _FaqParser()
    parser.feed(page_html)
    parser.close()
    clean = [(" ".join(q.split()), " ".join(a.split())) for q, a in parser.entries]
    return [(q, a) for q, a in clean if q and a]


def meta_tags(facts: PageFacts) -> list[tuple[str, str, str]]:
    """(attribute, key, content) for <meta>: og:* use property=, twitter:* use name=."""
    return [
        ("property", "og:type", "article" if facts.kind == "article" else "website"),
        ("property", "og:site_name", facts.site_name),
        ("property", "og:title", facts.title),
        ("property", "og:description", facts.description),
        ("property", "og:url", facts.url),
        ("property", "og:locale", OG_LOCALE.get(facts.language, "zh_CN")),
        ("name", "twitter:card", "summary"),
        ("name", "twitter:title", facts.title),
        ("name", "twitter:description", facts.description),
    ]


def json_ld(facts: PageFacts) -> str:
    """JSON-LD graph for the page, safe to put inside <script type="application/ld+json">."""
    page = {"@type": "Article" if facts.kind == "article" else "WebPage", "@id": facts.url + "#page", "url": facts.url, "inLanguage": facts.language, "name": facts.title, "description": facts.description, "isPartOf": {"@type": "WebSite", "name": facts.site_name, "url": facts.site_url}}
    if facts.kind == "article":
        page["headline"] = facts.title[:110]
        page["mainEntityOfPage"] = facts.url
        page["publisher"] = {"@type": "Organization", "name": facts.site_name, "url": facts.site_url}
    graph = [page]
    if facts.kind == "glossary":
        page["mainEntity"] = {"@id": facts.url + "#terms"}
        graph.append(
            {
                "@type": "DefinedTermSet",
                "@id": facts.url + "#terms",
                "name": facts.title,
                "inLanguage": facts.language,
                "hasDefinedTerm": [
                    {"@type": "DefinedTerm", "name": t["name"], "description": t["description"], "url": t["url"], **({"alternateName": t["aliases"]} if t["aliases"] else {}), "inDefinedTermSet": {"@id": facts.url + "#terms"}}
                    for t in facts.terms
                ],
            }
        )
    if facts.questions:
        graph.append(
            {
                "@type": "FAQPage",
                "@id": facts.url + "#faq",
                "url": facts.url,
                "inLanguage": facts.language,
                "mainEntity": [{"@type": "Question", "name": q, "acceptedAnswer": {"@type": "Answer", "text": a}} for q, a in facts.questions],
            }
        )
    crumbs = [{"@type": "ListItem", "position": 1, "name": facts.home_title, "item": facts.site_url}]
    if facts.url != facts.site_url:
        crumbs.append({"@type": "ListItem", "position": 2, "name": facts.title, "item": facts.url})
    graph.append({"@type": "BreadcrumbList", "itemListElement": crumbs})
    text = json.dumps({"@context": "https://schema.org", "@graph": graph}, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c")  # no "</script>" can end the element early


def robots_txt(sitemaps: list[str]) -> str:
    return "User-agent: *\nAllow: /\n\n" + "".join(f"Sitemap: {url}\n" for url in sitemaps)
