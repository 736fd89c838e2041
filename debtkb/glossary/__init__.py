"""The glossary: a contributor-edited term list (``data/glossary.yml``), validated (``model``),
turned into a generated page (``page``), and linked from running Chinese text (``matcher`` finds
terms, ``linker`` rewrites rendered HTML)."""
