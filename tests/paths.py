"""Where things are, for every test folder."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "content" / "articles" / "xiaomi-finance-60k.txt"
DOCS = ROOT / "docs"
MKDOCS_YML = ROOT / "mkdocs.yml"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
