"""What search engines and link previews read: Open Graph and Twitter tags, JSON-LD, robots.txt.

Plain data in, plain data out; ``hooks/seo.py`` feeds it page titles and URLs.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

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
    crumbs = [{"@type": "ListItem", "position": 1, "name": facts.home_title, "item": facts.site_url}]
    if facts.url != facts.site_url:
        crumbs.append({"@type": "ListItem", "position": 2, "name": facts.title, "item": facts.url})
    graph.append({"@type": "BreadcrumbList", "itemListElement": crumbs})
    text = json.dumps({"@context": "https://schema.org", "@graph": graph}, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c")  # no "</script>" can end the element early


def robots_txt(sitemaps: list[str]) -> str:
    return "User-agent: *\nAllow: /\n\n" + "".join(f"Sitemap: {url}\n" for url in sitemaps)
