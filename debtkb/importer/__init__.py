"""The importer: a raw article (``content/articles/*.txt``) → cleaned, structured ``docs/`` pages.

Modules, in the order data flows through them: ``cleaning`` (repair conversion artefacts),
``article`` (parse into a tree with line numbers), ``render`` (tree → Markdown),
``writer`` (safe, all-or-nothing writes), ``cli`` (the command).
"""
