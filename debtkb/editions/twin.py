"""The Traditional edition's build, run by the Simplified one as a child process (hooks/edition.py).

The twin is ``mkdocs build -f mkdocs.zh-Hant.yml`` into ``<site>/zh-Hant/``, with the same tool as
the parent (under ProperDocs ``mkdocs`` is an alias of its package), started when the parent has
its file list so it builds on the second core. Its log is relayed line by line (its warnings count
for the parent's ``--strict``); the pages' "last updated" dates, read once from git by the parent,
are handed over in a file named by ``PAGE_DATES_ENV``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass, field

from debtkb.editions import page_dates
from debtkb.editions.settings import CANONICAL, PAGE_DATES_ENV, PREVIEW_ENV, TRADITIONAL, TRADITIONAL_CONFIG, TRADITIONAL_PATH, Edition

DATES_FILE = ".page-dates.json"  # in the site folder while both builds run; removed afterwards
RELAYED_LEVELS = ("WARNING", "ERROR")


@dataclass
class BuildState:
    """What one build of one edition knows; a new one at the start of every build (``on_config``),
    so nothing of a previous ``mkdocs serve`` rebuild (its dates, its child) survives into the next."""

    edition: Edition
    collected_dates: dict = field(default_factory=dict)  # Simplified: page → its date keys
    dates: dict | None = None  # Traditional: the dates handed over (None until read)
    dates_path: str | None = None  # Traditional: where they will be handed over
    twin: Twin | None = None  # Simplified `mkdocs build`: the running Traditional build


@dataclass
class Twin:
    process: subprocess.Popen
    dates_path: str


@dataclass(frozen=True)
class Outcome:
    """How the twin ended: the log lines to relay, and the failure to report (None if it built)."""

    relayed: list[tuple[str, str]]
    failure: str | None
    cancelled: bool = False


def command(tool: str, traditional_config: str, site_dir: str, strict: bool, dirty: bool) -> list[str]:
    """The twin's command line (``tool``: the package name of the running MkDocs)."""
    out = [sys.executable, "-m", tool, "build", "-f", traditional_config, "-d", os.path.join(site_dir, TRADITIONAL_PATH)]
    if strict:
        out.append("--strict")
    if dirty:
        out.append("--dirty")  # `mkdocs serve --dirtyreload`: only the pages edited since
    return out


class TwinError(ValueError):
    """The twin cannot be started (its configuration is missing)."""


def start(tool: str, config_file: str, site_dir: str, strict: bool, serving: bool, dirty: bool, canonical_url: str, dates: dict | None) -> Twin:
    """Start the twin for the project of ``config_file`` (mkdocs.yml). ``dates``: the pages' dates
    if already known (written now), else None (the parent writes them later with ``hand_over``;
    the twin waits for them before its first template)."""
    root = os.path.dirname(os.path.abspath(config_file))
    if not os.path.isfile(os.path.join(root, TRADITIONAL_CONFIG)):
        raise TwinError(f"{TRADITIONAL_CONFIG} is missing next to {os.path.basename(config_file)}: it configures the {TRADITIONAL} edition")
    dates_path = os.path.join(site_dir, DATES_FILE)
    os.makedirs(site_dir, exist_ok=True)  # started before the parent writes its first page
    if os.path.exists(dates_path):
        os.remove(dates_path)  # an earlier build's
    if dates is not None:
        page_dates.write(dates_path, dates)
    env = {**os.environ, PAGE_DATES_ENV: dates_path, "SITE_URL": canonical_url}
    if serving:
        env[PREVIEW_ENV] = "1"
    argv = command(tool, os.path.join(root, TRADITIONAL_CONFIG), site_dir, strict, serving and dirty)
    process = subprocess.Popen(argv, cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    return Twin(process, dates_path)


def hand_over(twin: Twin, dates: dict) -> None:
    page_dates.write(twin.dates_path, dates)


def relayed(output: str) -> list[tuple[str, str]]:
    """The twin's warnings and errors, ``(level, message)``, from MkDocs' ``LEVEL - message`` lines."""
    out = []
    for line in output.splitlines():
        level, sep, message = line.partition(" - ")
        if sep and level.strip() in RELAYED_LEVELS:
            out.append((level.strip(), message.strip()))
    return out


def outcome(returncode: int, output: str) -> Outcome:
    """What to report for a twin that exited with ``returncode`` and printed ``output``."""
    if returncode < 0:
        return Outcome([], None, cancelled=True)  # killed: a newer rebuild replaced it
    lines = relayed(output)
    if returncode == 0:
        return Outcome(lines, None)
    tail = "; see the messages above" if lines else ":\n" + "\n".join(output.strip().splitlines()[-8:])
    return Outcome(lines, f"the {TRADITIONAL} edition did not build (exit {returncode}){tail}")


def log_lines(result: Outcome) -> list[tuple[str, str]]:
    """``(level, message)`` for the parent's log: the twin's lines, then how it ended."""
    lines = [(level, f"{TRADITIONAL} edition: {message}") for level, message in result.relayed]
    if result.failure:
        lines.append(("ERROR", result.failure))
    elif not result.cancelled:
        lines.append(("INFO", f"{TRADITIONAL} edition built into {TRADITIONAL_PATH}"))
    return lines


def report(result: Outcome, log, strict: bool, error: type[Exception]) -> None:
    """Log ``log_lines`` through ``log`` (the hook's plugin logger, so the twin's warnings count
    for the parent's --strict); with ``strict``, a failure is raised as ``error`` instead."""
    for level, message in log_lines(result):
        if strict and level == "ERROR" and message == result.failure:
            raise error(message)
        getattr(log, level.lower())(message)


def cancel(process: subprocess.Popen | None) -> None:
    """Stop a twin still building an older version (``mkdocs serve``: the next edit came first)."""
    if process is not None and process.poll() is None:
        process.terminate()
        process.wait()


def finish(twin: Twin) -> Outcome:
    """Wait for the twin, remove the dates file (not published) and say how it ended."""
    output = twin.process.communicate()[0]
    if os.path.exists(twin.dates_path):
        os.remove(twin.dates_path)
    return outcome(twin.process.returncode, output)


def convert_settings(config, convert) -> None:
    """The Traditional edition's settings: the site's name, description and copyright, the
    palette toggles' names and the LPR source, converted with ``convert`` (in place)."""
    for key in ("site_name", "site_description", "copyright"):
        if config[key]:
            config[key] = convert(config[key])
    for scheme in config["theme"].get("palette") or []:
        if isinstance(scheme, dict) and "toggle" in scheme:
            scheme["toggle"]["name"] = convert(scheme["toggle"]["name"])
    lpr = config["extra"].get("lpr")
    if isinstance(lpr, dict) and "source" in lpr:
        lpr["source"] = convert(lpr["source"])


def roots(site_url: str) -> dict[str, str]:
    """Each edition's root URL (``extra.edition_roots``) from the canonical site's URL."""
    canonical = site_url if site_url.endswith("/") else site_url + "/"
    return {CANONICAL: canonical, TRADITIONAL: canonical + TRADITIONAL_PATH}
