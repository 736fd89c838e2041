"""Editions: the canonical Simplified site, and a Traditional edition produced from the same
Markdown at build time (never committed, so it cannot drift)."""
