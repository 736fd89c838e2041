"""The importer: raw articles (``content/articles/*.txt``) → cleaned, structured ``docs/`` pages.

Modules, in the order data flows through them: ``source`` (bytes → numbered lines), ``evidence``
(which artefacts this article shows), ``repairs`` (certain repairs, only with evidence), ``damage``
(what cannot be repaired: cut clause by clause), ``furniture`` (the original site's navigation,
bylines, comments, footers), ``classify`` (a table of line rules), ``tree`` (the article: headings,
blocks, checks), ``render`` (Markdown pages), ``duplicates`` (near-copies), ``writer`` (safe,
all-or-nothing writes), ``batch`` (many articles, the manifest, nav), ``cli`` (the command);
``article`` runs one article through the stages, ``report``/``summary`` record what was done, and
``settings`` reads ``extra.importer`` from mkdocs.yml.
"""
