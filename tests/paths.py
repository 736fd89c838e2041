"""Where things are, for every test folder."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "content" / "articles" / "xiaomi-finance-60k.txt"
DOCS = ROOT / "docs"
MKDOCS_YML = ROOT / "mkdocs.yml"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

# The article's section pages, in article order (checked against the importer in tests/build).
SECTION_PAGES = [
    "xiaomi-jinrong-de-jueqi",
    "qiankuan-wenti-de-chengyin-fenxi",
    "qiankuan-wenti-de-yingxiang",
    "yingdui-qiankuan-wenti-de-celue",
    "xiaomi-jinrong-de-zeren-yu-gaige",
    "xiaobian-zongjie",
]
