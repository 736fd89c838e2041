"""Logic of the consumer-debt knowledge site, kept apart from MkDocs so it can be unit-tested.

Hooks in ``hooks/`` call into this package; it imports nothing from MkDocs.
"""
