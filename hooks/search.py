"""Chinese search: fail the build when it would silently not work, and tune the index so parts of
words and two-word phrases are found (logic: debtkb.search)."""

import json
import os

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

from debtkb.editions.settings import SOURCE_INDEX_ENV
from debtkb.search.guard import search_problems
from debtkb.search.segmentation import added_words, jieba
from debtkb.search.tuning import tune_index
from debtkb.timing import instrument

log = get_plugin_logger(__name__)


def on_config(config):
    plugin = config.plugins.get("material/search")
    problems = search_problems(plugin.config.separator if plugin else None)
    if problems:
        raise PluginError("mkdocs.yml: " + "\n  ".join(problems))


@event_priority(-100)  # after the search plugin has written the index
def on_post_build(config):
    if os.environ.get(SOURCE_INDEX_ENV):
        return  # a Traditional edition: hooks/edition.py replaces its index with the tuned Simplified one, converted
    path = os.path.join(config.site_dir, "search", "search_index.json")
    with open(path, encoding="utf-8") as f:
        index = json.load(f)
    # The glossary page is left as it is: its entries are whole words already (glossary terms are
    # jieba words), and tuning it would add a third to the index every page downloads.
    glossary_page = (config.extra.get("glossary") or {}).get("page", "glossary.md")
    module = jieba()
    index, added = tune_index(index, module.cut, skip=(glossary_page.removesuffix(".md") + "/",), added=added_words())
    with open(path, "w", encoding="utf-8") as f:
        json.dump(index, f, ensure_ascii=False, separators=(",", ":"))
    log.debug(f"search index: {added} sub-word and phrase tokens added")


instrument(globals())  # timings for scripts/bench_scale.py; no-op unless DEBTKB_HOOK_TIMINGS is set
