"""Offline reading's build side (debtkb.offline): settings, lists, version, worker, manifest, icons."""

import io
import json

import pytest
from PIL import Image

from debtkb import offline
from tests.paths import ROOT


def test_settings_are_checked_up_front():
    assert offline.settings_from_extra({}) == offline.Settings(True, 120)
    assert offline.settings_from_extra({"offline": {"enabled": False, "search_kb": 0}}) == offline.Settings(False, 0)
    for raw, message in [
        ({"offline": []}, "extra.offline must be a mapping"),
        ({"offline": {"enable": True}}, r"unknown key\(s\) \['enable'\]"),
        ({"offline": {"enabled": "yes"}}, "enabled must be true or false"),
        ({"offline": {"search_kb": -1}}, "search_kb must be a whole number"),
    ]:
        with pytest.raises(offline.SettingsError, match=message):
            offline.settings_from_extra(raw)


def test_saved_list_takes_the_shell_and_the_pages_and_search_only_when_small(tmp_path):
    for path in ["assets/javascripts/bundle.abcdef12.min.js", "assets/javascripts/workers/search.1234abcd.min.js", "assets/javascripts/lunr/min/lunr.zh.min.js", "javascripts/repayment/core.js", "stylesheets/extra.css", "search/search_index.json", "search/manifest.json", "search/s/0.json", "guide/a/index.html"]:
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text("x" * 50, encoding="utf-8")
    urls = offline.saved_list(tmp_path, ["", "guide/a/"])
    assert urls == ["", "assets/javascripts/bundle.abcdef12.min.js", "guide/a/", "javascripts/repayment/core.js", "search/search_index.json", "stylesheets/extra.css"]
    assert offline.search_list(tmp_path, offline.Settings(search_kb=1)) == ["search/manifest.json", "search/s/0.json"]
    assert offline.search_list(tmp_path, offline.Settings(search_kb=0)) == []  # too big: saved as searched


def test_version_follows_the_sources(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text("甲", encoding="utf-8")
    first = offline.version(tmp_path)
    assert offline.version(tmp_path) == first and len(first) == 12
    (tmp_path / "docs" / "a.md").write_text("乙", encoding="utf-8")
    assert offline.version(tmp_path) != first


def test_worker_gets_the_version_or_the_build_says_why_not():
    template = (ROOT / "docs" / "sw.js").read_text(encoding="utf-8")
    assert 'const VERSION = "0123456789ab";' in offline.worker_source(template, "0123456789ab")
    with pytest.raises(ValueError, match="docs/sw.js must contain the line"):
        offline.worker_source("const VERSION = 1;", "x")


def test_manifest_and_icons():
    manifest = json.loads(offline.web_manifest("消费债务知识站", "债务知识站", "说明", "zh-Hans"))
    assert (manifest["name"], manifest["short_name"], manifest["start_url"], manifest["display"]) == ("消费债务知识站", "债务知识站", "./", "standalone")
    assert [i["sizes"] for i in manifest["icons"]] == ["192x192", "512x512"]
    icons = offline.icons(ROOT / "data" / "icon.png")
    assert {name: Image.open(io.BytesIO(data)).size for name, data in icons.items()} == {"icons/icon-192.png": (192, 192), "icons/icon-512.png": (512, 512)}


def test_icon_source_must_be_square_and_large(tmp_path):
    Image.new("RGB", (300, 200)).save(tmp_path / "bad.png")
    with pytest.raises(ValueError, match="must be square and at least 512 px"):
        offline.icons(tmp_path / "bad.png")


def test_fallback_page_links_every_saved_page():
    text = offline.fallback_markdown([("首页", "index.md"), ("术语表", "glossary.md")])
    assert "# 这一页还没有保存在这台手机上" in text and "- [首页](index.md)\n- [术语表](glossary.md)\n" in text
