"""Chinese search: guards that fail the build when segmentation would silently not work
(``guard``), and index tuning so parts of words and two-word phrases are found (``tuning``)."""
