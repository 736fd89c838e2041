"""Where the project's files are, for messages that name a file the contributor can open."""

from __future__ import annotations

import os


def project_root(config_file_path: str) -> str:
    """Folder of mkdocs.yml, absolute (`mkdocs build -f mkdocs.yml` gives a relative path)."""
    return os.path.dirname(os.path.abspath(config_file_path))


def page_source(abs_src_path: str | None, src_uri: str, config_file_path: str) -> str:
    """A page's file relative to the project (docs/…/x.md); its URI for pages a hook generated."""
    return os.path.relpath(abs_src_path, project_root(config_file_path)) if abs_src_path else src_uri
