"""Fail the build when Chinese search would silently not work (logic: debtkb.search)."""

from mkdocs.exceptions import PluginError

from debtkb.search import search_problems


def on_config(config):
    plugin = config.plugins.get("material/search")
    problems = search_problems(plugin.config.separator if plugin else None)
    if problems:
        raise PluginError("mkdocs.yml: " + "\n  ".join(problems))
