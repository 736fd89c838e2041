"""Portability: ProperDocs (the maintained MkDocs 1.x fork) builds the same site, both editions,
byte for byte apart from the generator tag. The hooks use only the public plugin API, so a fork
that keeps that API keeps this site building."""

from __future__ import annotations

import gzip
import re

from tests.conftest import mkdocs_build
from tests.paths import MKDOCS_YML

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')
# The generated glossary page has no git history: its "last updated" is the build time, seconds apart.
BUILD_TIME = re.compile(rb'(git-revision-date-localized-plugin-date" title=")[^"]*(")')


def normalised(path) -> bytes:
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)  # the sitemap's gzip header carries a timestamp
    data = GENERATOR.sub(b'<meta name="generator">', data)
    # Pages generated at build time (the glossary, the article lists, the offline page) carry the build time as their date.
    return BUILD_TIME.sub(rb"\1\2", data) if {"glossary", "articles", "offline"} & set(path.parts) else data


def test_properdocs_builds_the_same_site(built_site, tmp_path, site_origin):
    assert built_site.returncode == 0, built_site.output
    build = mkdocs_build(MKDOCS_YML, tmp_path / "site", {"SITE_URL": site_origin + "/"}, tool="properdocs")
    assert build.returncode == 0, build.output
    assert "ProperDocs" in (build.site / "index.html").read_text(encoding="utf-8")  # really built by the fork
    assert "ProperDocs" in (build.site / "zh-Hant" / "index.html").read_text(encoding="utf-8")  # both editions
    ours = sorted(p.relative_to(built_site.site) for p in built_site.site.rglob("*") if p.is_file())
    theirs = sorted(p.relative_to(build.site) for p in build.site.rglob("*") if p.is_file())
    assert theirs == ours
    different = [str(p) for p in ours if normalised(built_site.site / p) != normalised(build.site / p)]
    assert different == []
