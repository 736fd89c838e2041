"""The Traditional edition's build as a child process (debtkb.editions.twin), without MkDocs: its
command, the log lines relayed to the parent, how a failure is reported, the dates handed over,
and a state that starts afresh with every build (hooks/edition.py, hooks/twin.py)."""

import importlib.util
import json
import sys
import textwrap

import pytest

from debtkb.editions import twin
from debtkb.editions.settings import PAGE_DATES_ENV, PREVIEW_ENV
from tests.paths import ROOT


def test_the_command_builds_the_traditional_config_into_the_sites_subfolder():
    assert twin.command("mkdocs", "/p/mkdocs.zh-Hant.yml", "/p/site", strict=True, dirty=False) == [
        sys.executable, "-m", "mkdocs", "build", "-f", "/p/mkdocs.zh-Hant.yml", "-d", "/p/site/zh-Hant/", "--strict"
    ]
    assert twin.command("properdocs", "c.yml", "s", strict=False, dirty=True)[2:] == ["properdocs", "build", "-f", "c.yml", "-d", "s/zh-Hant/", "--dirty"]


OUTPUT = """INFO    -  Building documentation to directory: site/zh-Hant
WARNING -  Doc file 'a.md' contains a link 'b.md', but the target is not found
INFO    -  see https://example.org - a page
ERROR   -  Config value 'nav': bad
"""


def test_only_warnings_and_errors_are_relayed_as_level_and_message():
    assert twin.relayed(OUTPUT) == [("WARNING", "Doc file 'a.md' contains a link 'b.md', but the target is not found"), ("ERROR", "Config value 'nav': bad")]


def test_a_failure_points_at_the_relayed_messages_or_quotes_the_output():
    assert twin.outcome(0, OUTPUT) == twin.Outcome(twin.relayed(OUTPUT), None)
    assert twin.outcome(1, OUTPUT).failure == "the zh-Hant edition did not build (exit 1); see the messages above"
    quiet = "\n".join(f"line {i}" for i in range(12)) + "\nTraceback: boom\n"
    assert twin.outcome(1, quiet).failure == "the zh-Hant edition did not build (exit 1):\n" + "\n".join([*(f"line {i}" for i in range(5, 12)), "Traceback: boom"])
    assert twin.outcome(-15, OUTPUT) == twin.Outcome([], None, cancelled=True)  # killed by a newer rebuild: nothing to say


def test_the_parent_logs_the_twins_lines_then_how_it_ended():
    assert twin.log_lines(twin.outcome(0, OUTPUT)) == [
        ("WARNING", "zh-Hant edition: Doc file 'a.md' contains a link 'b.md', but the target is not found"),
        ("ERROR", "zh-Hant edition: Config value 'nav': bad"),
        ("INFO", "zh-Hant edition built into zh-Hant/"),
    ]
    assert twin.log_lines(twin.outcome(2, "x"))[-1] == ("ERROR", "the zh-Hant edition did not build (exit 2):\nx")
    assert twin.log_lines(twin.outcome(-9, OUTPUT)) == []


FAKE_TOOL = textwrap.dedent(
    """
    import json, os, sys, time
    path = os.environ["DEBTKB_PAGE_DATES"]
    for _ in range(200):  # like the real twin: wait for the dates before the first template
        if os.path.exists(path):
            break
        time.sleep(0.01)
    print("WARNING -  seen", json.dumps({"argv": sys.argv[1:], "dates": json.load(open(path)), "preview": os.environ.get("DEBTKB_PREVIEW")}))
    sys.exit(3 if "--strict" in sys.argv else 0)
    """
)


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / "fake_mkdocs.py").write_text(FAKE_TOOL, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    (tmp_path / "mkdocs.zh-Hant.yml").write_text("INHERIT: mkdocs.yml\n", encoding="utf-8")
    monkeypatch.setenv("PYTHONPATH", str(tmp_path))
    return tmp_path


def run(project, **kwargs):
    args = dict(strict=False, serving=False, dirty=False, canonical_url="https://example.org/", dates=None) | kwargs
    return twin.start("fake_mkdocs", str(project / "mkdocs.yml"), str(project / "site"), **args)


def test_the_twin_gets_the_dates_handed_over_and_its_dates_file_is_removed(project):
    started = run(project)
    twin.hand_over(started, {"a.md": {"git_revision_date_localized": "2026-12-01"}})
    result = twin.finish(started)
    assert result.failure is None and not (project / "site" / twin.DATES_FILE).exists()
    [(level, message)] = result.relayed
    seen = json.loads(message.removeprefix("seen "))
    assert level == "WARNING" and seen["dates"] == {"a.md": {"git_revision_date_localized": "2026-12-01"}}
    assert seen["argv"] == ["build", "-f", str(project / "mkdocs.zh-Hant.yml"), "-d", str(project / "site" / "zh-Hant") + "/"]
    assert seen["preview"] is None


def test_a_preview_twin_is_marked_and_its_failure_reported(project):
    started = run(project, serving=True, dirty=True, strict=True, dates={})  # `mkdocs serve --dirtyreload`: dates known already
    result = twin.finish(started)
    seen = json.loads(result.relayed[0][1].removeprefix("seen "))
    assert seen["preview"] == "1" and seen["argv"][-2:] == ["--strict", "--dirty"] and seen["dates"] == {}
    assert result.failure == "the zh-Hant edition did not build (exit 3); see the messages above"


def test_a_project_without_the_traditional_config_cannot_start_it(project):
    (project / "mkdocs.zh-Hant.yml").unlink()
    with pytest.raises(twin.TwinError, match=r"^mkdocs\.zh-Hant\.yml is missing next to mkdocs\.yml: it configures the zh-Hant edition$"):
        run(project)


def test_the_settings_a_reader_sees_are_converted():
    config = {"site_name": "消费债务知识站", "site_description": "还款", "copyright": None, "theme": {"palette": [{"toggle": {"name": "切换到深色模式"}}, "x"]}, "extra": {"lpr": {"source": "全国银行间同业拆借中心"}}}
    twin.convert_settings(config, lambda s: f"<{s}>")
    assert config == {"site_name": "<消费债务知识站>", "site_description": "<还款>", "copyright": None, "theme": {"palette": [{"toggle": {"name": "<切换到深色模式>"}}, "x"]}, "extra": {"lpr": {"source": "<全国银行间同业拆借中心>"}}}


def test_each_editions_root():
    assert twin.roots("https://example.org/kb") == {"zh-Hans": "https://example.org/kb/", "zh-Hant": "https://example.org/kb/zh-Hant/"}


class Config(dict):
    """Just enough of a MkDocs config for the edition hook's on_config."""

    __getattr__ = dict.__getitem__


def load_hook(name):
    spec = importlib.util.spec_from_file_location(f"hook_{name}", ROOT / "hooks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class DatePlugin:
    def __init__(self):
        self.config = {"enabled": True}


def test_a_rebuild_starts_from_a_fresh_state(monkeypatch, tmp_path):
    """`mkdocs serve` rebuilds in one process: what a previous build read must not survive."""
    edition = load_hook("edition")
    config = lambda: Config(  # noqa: E731
        extra={"edition": "zh-Hant", "alternate": []}, config_file_path=str(ROOT / "mkdocs.yml"), site_url="https://example.org/",
        site_name="站", site_description="", copyright="", theme={}, plugins={"git-revision-date-localized": DatePlugin()},
    )
    monkeypatch.setenv(PAGE_DATES_ENV, str(tmp_path / "dates.json"))
    monkeypatch.delenv(PREVIEW_ENV, raising=False)
    edition.on_config(config())
    assert edition._build.dates is None and edition._build.dates_path == str(tmp_path / "dates.json")  # to be read when needed
    edition._build.dates = {"a.md": {"git_revision_date_localized": "2026-11-01"}}  # read by this build's first page
    edition.on_config(config())
    assert edition._build.dates is None  # the next build reads the dates of its own source files again
    simplified = load_hook("twin")
    simplified.on_config(Config(extra={}))
    simplified._build.collected_dates["a.md"] = {"git_revision_date_localized": "2026-11-01"}
    simplified.on_config(Config(extra={}))
    assert simplified._build.collected_dates == {}


class Log:
    def __init__(self):
        self.lines = []

    def __getattr__(self, level):
        return lambda message: self.lines.append((level, message))


def test_report_logs_the_lines_and_raises_a_failure_only_when_strict():
    failed = twin.outcome(1, OUTPUT)
    log = Log()
    with pytest.raises(RuntimeError, match=r"^the zh-Hant edition did not build \(exit 1\); see the messages above$"):
        twin.report(failed, log, strict=True, error=RuntimeError)
    assert [level for level, _ in log.lines] == ["warning", "error"]  # the twin's own lines first
    log = Log()
    twin.report(failed, log, strict=False, error=RuntimeError)
    assert log.lines[-1] == ("error", failed.failure)
