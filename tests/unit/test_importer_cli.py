"""The importer command end to end in a scratch project: many articles, writes, kept edits,
refusals that spare the other articles, all-or-nothing per article, the report."""

import datetime
import json
import shutil
from pathlib import Path

import pytest
import yaml

from debtkb.importer.cli import main
from tests.paths import FIXTURES

SYNTHETIC = FIXTURES / "articles" / "synthetic-credit-card.txt"
MKDOCS = """site_name: 测试
extra:
  importer:
    folder: articles
    split_above: 6000
    pinned:
      synthetic-credit-card: {folder: "", split: true}
nav:
  - 首页: home.md
  # importer:begin synthetic-credit-card
  # importer:end synthetic-credit-card
  - 文章:
      # importer:begin articles
      # importer:end articles
  - 其他: other.md
"""
SHORT = "网贷逾期三个月怎么办\n逾期以后，先弄清欠款数字，再联系平台说明情况。\n一、先算清楚\n把本金、利息和罚息分开记下来。\n"
OTHER = "信用卡逾期了会怎样\n信用卡逾期以后，银行会先提醒，再收取违约金。\n"


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / "content" / "articles").mkdir(parents=True)
    shutil.copy(SYNTHETIC, tmp_path / "content" / "articles")
    (tmp_path / "content" / "articles" / "wangdai.txt").write_text(SHORT, encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(MKDOCS, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_first_import_writes_every_article_its_nav_manifest_and_report(project, capsys):
    assert main([]) == 0
    out = capsys.readouterr().out
    for page in ["index.md", "fenqi-feiyong.md", "yuqi-de-houguo.md", "yingdui-banfa.md", "articles/wangdai-yuqi-sange-yue-zenmeban.md"]:
        assert f"wrote docs/{page} (created)" in out
        assert (project / "docs" / page).is_file()
    assert "2 articles: 2 imported, 0 unchanged, 0 kept as edited, 0 copies not published, 0 refused" in out
    nav = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert "  - 首页: home.md\n  # importer:begin synthetic-credit-card\n  - index.md\n  - fenqi-feiyong.md\n" in nav
    assert "wangdai" not in nav  # articles that are not pinned are listed by the site's list pages, not the nav
    manifest = json.loads((project / "content" / "import-manifest.json").read_text(encoding="utf-8"))
    assert list(manifest["content/articles/wangdai.txt"]["pages"]) == ["docs/articles/wangdai-yuqi-sange-yue-zenmeban.md"]
    page = (project / "docs" / "articles" / "wangdai-yuqi-sange-yue-zenmeban.md").read_text(encoding="utf-8")
    today = datetime.date.today().isoformat()
    assert page.startswith(f"---\ntitle: 网贷逾期三个月怎么办\ndescription: 逾期以后，先弄清欠款数字，再联系平台说明情况。\nsource: content/articles/wangdai.txt\nimported: '{today}'\n---\n\n# 网贷逾期三个月怎么办\n")
    assert "\n## 一、先算清楚\n\n把本金、利息和罚息分开记下来。\n" in page
    report = (project / "content" / "import-report.md").read_text(encoding="utf-8")
    assert "| `content/articles/wangdai.txt` | published | title, 一、 headings | 1 | none | 0 | 0 |" in report


def test_one_article_can_be_named(project, capsys):
    assert main(["content/articles/wangdai.txt"]) == 0
    assert "1 articles: 1 imported" in capsys.readouterr().out
    assert not (project / "docs" / "index.md").exists()


def test_reimport_without_changes_writes_nothing(project, capsys):
    main([])
    before = snapshot(project)
    capsys.readouterr()
    assert main([]) == 0
    assert "2 articles: 0 imported, 2 unchanged" in capsys.readouterr().out
    assert snapshot(project) == before


def test_an_edited_page_is_kept_and_nothing_of_its_article_is_written(project, capsys):
    main([])
    page = project / "docs" / "yuqi-de-houguo.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n编者补充的一段。\n", encoding="utf-8")
    source = project / "content" / "articles" / "synthetic-credit-card.txt"
    source.write_text(source.read_text(encoding="utf-8").replace("具體標準以合同為准。", "具體標準以借款合同為准。").replace("遇到困難時", "遇到困難的時候"), encoding="utf-8")
    (project / "content" / "articles" / "wangdai.txt").write_text(SHORT.replace("先算清楚", "先算清欠款"), encoding="utf-8")
    pages_before = {k: v for k, v in snapshot(project).items() if k.startswith("docs/") and "articles/" not in k}
    capsys.readouterr()
    assert main([]) == 0  # kept is not a failure
    out = capsys.readouterr().out
    assert "docs/yuqi-de-houguo.md: edited after the last import; kept as it is" in out
    assert "fenqi-feiyong" not in out.split("kept as edited")[1].split("\n")[0]
    assert {k: v for k, v in snapshot(project).items() if k.startswith("docs/") and "articles/" not in k} == pages_before  # yingdui-banfa not updated either
    assert "先算清欠款" in (project / "docs" / "articles" / "wangdai-yuqi-sange-yue-zenmeban.md").read_text(encoding="utf-8")  # the other article is


def test_unedited_pages_are_updated_when_the_source_changes(project, capsys):
    main([])
    source = project / "content" / "articles" / "synthetic-credit-card.txt"
    source.write_text(source.read_text(encoding="utf-8").replace("具體標準以合同為准。", "具體標準以借款合同為准。"), encoding="utf-8")
    capsys.readouterr()
    assert main([]) == 0
    out = capsys.readouterr().out
    assert "wrote docs/yuqi-de-houguo.md (updated)" in out
    assert "docs/fenqi-feiyong.md" not in out  # unchanged: not rewritten
    assert "具体标准以借款合同为准。" in (project / "docs" / "yuqi-de-houguo.md").read_text(encoding="utf-8")


def test_force_overwrites_an_edited_page(project, capsys):
    main([])
    page = project / "docs" / "index.md"
    page.write_text("编辑过\n", encoding="utf-8")
    source = project / "content" / "articles" / "synthetic-credit-card.txt"
    source.write_text(source.read_text(encoding="utf-8") + "補充一句。\n", encoding="utf-8")
    assert main(["--force"]) == 0
    assert "wrote docs/index.md (overwritten (--force))" in capsys.readouterr().out
    assert page.read_text(encoding="utf-8").startswith("---\ntitle: 信用卡分期还不上怎么办\n")


def test_a_refused_article_spares_the_others_and_names_file_and_line(project, capsys):
    (project / "docs" / "index.md").write_text("别人的首页\n", encoding="utf-8")
    (project / "content" / "articles" / "empty.txt").write_bytes(b"")
    assert main([]) == 1
    err = capsys.readouterr().err
    assert "docs/index.md: exists but was not written by this importer" in err
    assert "content/articles/empty.txt:1: the file is empty" in err
    assert not (project / "docs" / "fenqi-feiyong.md").exists()  # nothing of the refused article
    assert (project / "docs" / "articles" / "wangdai-yuqi-sange-yue-zenmeban.md").is_file()  # the good one is imported
    assert "| `content/articles/empty.txt` | refused |" in (project / "content" / "import-report.md").read_text(encoding="utf-8")


def test_two_articles_with_the_same_title_get_different_urls(project):
    other = "网贷逾期三个月怎么办\n三个月没还，平台多半已经委托外面的机构来催收了。\n一、别换号码\n保持电话畅通，接到电话先问清对方是谁。\n"
    (project / "content" / "articles" / "wangdai-other.txt").write_text(other, encoding="utf-8")
    assert main([]) == 0
    assert sorted(p.name for p in (project / "docs" / "articles").iterdir()) == ["wangdai-yuqi-sange-yue-zenmeban-2.md", "wangdai-yuqi-sange-yue-zenmeban.md"]


def test_an_article_keeps_its_url_when_its_title_changes(project):
    main([])
    (project / "content" / "articles" / "wangdai.txt").write_text(SHORT.replace("网贷逾期三个月怎么办", "网贷逾期半年怎么办"), encoding="utf-8")
    assert main([]) == 0
    page = project / "docs" / "articles" / "wangdai-yuqi-sange-yue-zenmeban.md"
    assert "title: 网贷逾期半年怎么办" in page.read_text(encoding="utf-8")


def test_missing_nav_markers_of_a_pinned_article_are_explained(project, capsys):
    config = MKDOCS.split("nav:")[0] + "nav:\n  - home.md\n"
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    assert main([]) == 1
    err = capsys.readouterr().err
    assert "mkdocs.yml has no nav block for 'synthetic-credit-card'" in err
    assert "  # importer:begin synthetic-credit-card\n  - index.md\n" in err
    assert (project / "mkdocs.yml").read_text(encoding="utf-8") == config


def test_bad_settings_name_the_line(project, capsys):
    (project / "mkdocs.yml").write_text(MKDOCS.replace("split_above: 6000", "split_above: many"), encoding="utf-8")
    before = snapshot(project)
    assert main([]) == 1
    assert "mkdocs.yml:5: extra.importer.split_above must be a number" in capsys.readouterr().err
    assert snapshot(project) == before


def test_dry_run_writes_nothing(project, capsys):
    before = snapshot(project)
    assert main(["--dry-run"]) == 0
    assert "would write docs/index.md (created)" in capsys.readouterr().out
    assert snapshot(project) == before


def test_missing_source_is_a_usage_error(project, capsys):
    with pytest.raises(SystemExit) as info:
        main(["content/articles/nope.txt"])
    assert info.value.code == 2
    assert "content/articles/nope.txt: no such file" in capsys.readouterr().err


def test_a_short_line_in_many_articles_is_listed_as_a_furniture_candidate(project):
    for k in range(3):
        (project / "content" / "articles" / f"c{k}.txt").write_text(f"网贷逾期第 {k} 问怎么办\n逾期以后，先弄清欠款数字，再联系平台。\n欢迎收藏本站\n一、先算清楚\n把本金、利息和罚息分开记下来。\n", encoding="utf-8")
    assert main([]) == 0
    report = (project / "content" / "import-report.md").read_text(encoding="utf-8")
    assert "## Furniture candidates" in report
    assert "- “欢迎收藏本站” (3×): `content/articles/c0.txt:3`, `content/articles/c1.txt:3`, `content/articles/c2.txt:3`" in report
    assert "一、先算清楚" not in report.split("## Furniture candidates")[1].split("##")[0]  # a shared heading is content
    assert "欢迎收藏本站" in (project / "docs" / "articles" / "wangdai-yuqi-di-0-wen-zenmeban.md").read_text(encoding="utf-8")  # kept


def test_a_near_copy_is_reported_beside_its_original_and_not_published(project, capsys):
    main([])
    spun = "网贷逾期快三个月了怎么处理\n一、先算清楚\n把本金、利息和罚息分开记下来。\n逾期以后，先弄清欠款数字，再联系平台说明情况。\n"  # new title, reordered, a word swapped
    (project / "content" / "articles" / "wangdai-spun.txt").write_text(spun, encoding="utf-8")
    capsys.readouterr()
    assert main([]) == 0
    out = capsys.readouterr().out
    assert "content/articles/wangdai-spun.txt: not published, a copy of content/articles/wangdai.txt (similarity" in out
    assert sorted(p.name for p in (project / "docs" / "articles").iterdir()) == ["wangdai-yuqi-sange-yue-zenmeban.md"]
    report = (project / "content" / "import-report.md").read_text(encoding="utf-8")
    assert "| `content/articles/wangdai-spun.txt` | not published (copy) |" in report
    assert "content/articles/wangdai-spun.txt:1: duplicate (minhash): content/articles/wangdai-spun.txt ~ content/articles/wangdai.txt (similarity " in report
    before = snapshot(project)
    assert main([]) == 0 and snapshot(project) == before  # decided once, remembered


def test_an_editor_can_mark_two_articles_as_distinct(project):
    spun = "网贷逾期快三个月了怎么处理\n一、先算清楚\n把本金、利息和罚息分开记下来。\n逾期以后，先弄清欠款数字，再联系平台说明情况。\n"
    (project / "content" / "articles" / "wangdai-spun.txt").write_text(spun, encoding="utf-8")
    (project / "data").mkdir()
    (project / "data" / "distinct.yml").write_text("- [content/articles/wangdai.txt, content/articles/wangdai-spun.txt]\n", encoding="utf-8")
    assert main([]) == 0
    assert len(list((project / "docs" / "articles").iterdir())) == 2


def test_a_bad_distinct_file_names_its_line(project, capsys):
    (project / "data").mkdir()
    (project / "data" / "distinct.yml").write_text("# pairs\n- [content/articles/a.txt]\n", encoding="utf-8")
    assert main([]) == 1
    assert "data/distinct.yml:2: each entry must be a pair of two different source files" in capsys.readouterr().err


TOPIC_CONFIG = MKDOCS.replace("extra:\n", "extra:\n  guide:\n    topics: [逾期, 协商]\n    article_tag: 整理文章\n  glossary:\n    file: data/glossary.yml\n")


def tagged_project(project):
    (project / "mkdocs.yml").write_text(TOPIC_CONFIG, encoding="utf-8")
    (project / "data").mkdir(exist_ok=True)
    (project / "data" / "glossary.yml").write_text("- {term: 逾期, aliases: [], english: Overdue, definition: 没有按时还款。, related: [], legal: false}\n", encoding="utf-8")
    (project / "data" / "topics.yml").write_text("max: 4\nfallback: 逾期\ntopics:\n  逾期:\n    words: [逾期]\n    min: 1\n  协商:\n    words: [协商还款, 协商]\n    min: 2\n", encoding="utf-8")
    return project / "docs" / "articles" / "wangdai-yuqi-sange-yue-zenmeban.md"


def tags_of(page):
    return yaml.safe_load(page.read_text(encoding="utf-8").split("---\n")[1]).get("tags")


def test_imported_articles_get_topic_tags_by_rule(project):
    page = tagged_project(project)
    assert main([]) == 0
    assert tags_of(page) == ["逾期", "整理文章"]  # 协商 appears not at all; the hidden tag beside the topics


def test_topic_words_inside_each_other_count_once(project):
    page = tagged_project(project)
    (project / "content" / "articles" / "wangdai.txt").write_text(SHORT.replace("再联系平台", "再协商还款"), encoding="utf-8")
    assert main([]) == 0
    assert "协商" not in tags_of(page)  # one 协商还款 is one use, below min 2


def test_an_editors_choice_of_tags_survives_reimports(project):
    page = tagged_project(project)
    main([])
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("tags:\n- 逾期\n- 整理文章\n", "tags:\n- 协商\n- 整理文章\n"), encoding="utf-8")
    source = project / "content" / "articles" / "wangdai.txt"
    source.write_text(SHORT.replace("先算清楚", "先算清欠款"), encoding="utf-8")
    assert main([]) == 0
    assert tags_of(page) == ["协商", "整理文章"] and "先算清欠款" in page.read_text(encoding="utf-8")  # tags kept, text updated
    source.write_text(SHORT.replace("先算清楚", "先把账算清"), encoding="utf-8")
    assert main([]) == 0
    assert tags_of(page) == ["协商", "整理文章"] and "先把账算清" in page.read_text(encoding="utf-8")  # and the next time too


def test_an_edit_beyond_the_tags_keeps_the_article(project, capsys):
    page = tagged_project(project)
    main([])
    page.write_text(page.read_text(encoding="utf-8").replace("把本金", "请把本金"), encoding="utf-8")
    (project / "content" / "articles" / "wangdai.txt").write_text(SHORT.replace("先算清楚", "先算清欠款"), encoding="utf-8")
    capsys.readouterr()
    assert main([]) == 0
    assert "edited after the last import; kept as it is" in capsys.readouterr().out
    assert "请把本金" in page.read_text(encoding="utf-8")
