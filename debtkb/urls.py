"""URLs between built pages (MkDocs ``page.url`` style: "" for the home page, "dir/" otherwise)."""

from __future__ import annotations

import posixpath
from urllib.parse import urlsplit, urlunsplit


def relative_url(target: str, page_url: str) -> str:
    """URL of site path ``target`` as seen from the page at ``page_url``."""
    fragment = ""
    if "#" in target:
        target, fragment = target.split("#", 1)
        fragment = "#" + fragment
    base = page_url if page_url.endswith("/") else posixpath.dirname(page_url)
    rel = posixpath.relpath(target or ".", base or ".")
    if (not target or target.endswith("/")) and not rel.endswith("/"):
        rel += "/"  # a directory URL stays one
    return rel + fragment


def without_dot_segments(url: str) -> str:
    """``https://h/a/docs/../data/x.yml`` → ``https://h/a/data/x.yml`` (what a browser requests)."""
    parts = urlsplit(url)
    path = posixpath.normpath(parts.path) if parts.path else parts.path
    if parts.path.endswith("/") and not path.endswith("/"):
        path += "/"
    return urlunsplit(parts._replace(path=path))
