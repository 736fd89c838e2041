"""How old the site's checked facts may get before the build says so.

Two dates say when a fact shown to readers was last confirmed: a guide page's ``checked:`` (its
legal sources were read against the primary texts) and ``extra.lpr.date`` in mkdocs.yml (the LPR
is published every month, and the calculator's 4 × LPR notice quotes it). When either is older
than the limit below, the build names the file and line. It is a warning, not an error: a stale
date must not stop an urgent fix from being published, so a ``--strict`` build prints the same
line without counting it (see :func:`level`).
"""

from __future__ import annotations

import calendar
import datetime as dt
import logging

import yaml

GUIDE_CHECKED_MONTHS = 12  # a guide page's legal sources are re-read at least once a year
LPR_MONTHS = 3  # the LPR changes monthly; a quarter without an update is worth a look


def months_after(date: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (the month's last day when it is shorter: 31 Jan + 1 → 28/29 Feb)."""
    month0 = date.month - 1 + months
    year, month = date.year + month0 // 12, month0 % 12 + 1
    return date.replace(year=year, month=month, day=min(date.day, calendar.monthrange(year, month)[1]))


def stale_checked(checked: dt.date, today: dt.date, where: str) -> str | None:
    """A message when a guide page's ``checked:`` is more than GUIDE_CHECKED_MONTHS old."""
    if months_after(checked, GUIDE_CHECKED_MONTHS) >= today:
        return None
    return (
        f"{where}: checked: {checked.isoformat()} is more than {GUIDE_CHECKED_MONTHS} months old; "
        "re-read the page's legal sources against the primary texts, then update the date"
    )


def stale_lpr(date: dt.date, today: dt.date, where: str) -> str | None:
    """A message when ``extra.lpr.date`` is more than LPR_MONTHS old."""
    if months_after(date, LPR_MONTHS) >= today:
        return None
    return (
        f"{where}: extra.lpr is the LPR of {date.isoformat()}, more than {LPR_MONTHS} months ago; "
        "look up the latest one-year LPR and update one_year, date and source"
    )


def yaml_key_line(text: str, keys: list[str]) -> int | None:
    """1-based line of the nested mapping key ``keys`` (e.g. extra → lpr → date) in a YAML file.

    Composed, not loaded: mkdocs.yml carries tags (!ENV, !!python/name) only MkDocs can construct.
    """
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    line = None
    for key in keys:
        if not isinstance(node, yaml.MappingNode):
            return None
        match = next(((k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == key), None)
        if match is None:
            return None
        line, node = match[0].start_mark.line + 1, match[1]
    return line


def lpr_location(config_file_path: str) -> str:
    """``mkdocs.yml:70``: where ``extra.lpr.date`` stands, for the stale-LPR message."""
    import os

    from debtkb.paths import project_root

    with open(config_file_path, encoding="utf-8") as f:
        line = yaml_key_line(f.read(), ["extra", "lpr", "date"]) or 1
    return f"{os.path.relpath(config_file_path, project_root(config_file_path))}:{line}"


def report(log, text: str | None, strict: bool) -> None:
    """Log a stale-date message (if any) at the level ``level`` chooses."""
    if text:
        log.log(level(strict), message(text, strict))


def level(strict: bool) -> int:
    """Logging level of a stale-date message: WARNING, except in a strict build, where a warning
    would fail the build; there it is printed at INFO (as git-revision-date-localized does with
    ``strict: false``)."""
    return logging.INFO if strict else logging.WARNING


def message(text: str, strict: bool) -> str:
    """The line to log; in a strict build it says it is a warning that does not count."""
    return f"warning (stale date, not counted by --strict): {text}" if strict else text
