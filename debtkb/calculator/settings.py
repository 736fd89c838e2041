"""Site-wide calculator settings from mkdocs.yml ``extra`` (one place for the LPR value and date)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


class SettingsError(ValueError):
    pass


@dataclass(frozen=True)
class Lpr:
    """The one-year Loan Prime Rate, for the 4 × LPR notice."""

    rate: float  # fraction, e.g. 0.03
    date: str  # ISO date of the fixing
    source: str  # who published it / where it was read


def lpr_from_extra(extra: dict) -> Lpr:
    """Validate ``extra.lpr`` (``one_year``, ``date``, ``source``); errors name the key to fix."""
    lpr = extra.get("lpr")
    if not isinstance(lpr, dict):
        raise SettingsError("mkdocs.yml: extra.lpr is missing: add one_year (e.g. 0.03), date (YYYY-MM-DD) and source")
    problems = []
    rate = lpr.get("one_year")
    if isinstance(rate, bool) or not isinstance(rate, (int, float)) or not 0 < rate < 0.2:
        problems.append(f"extra.lpr.one_year must be a fraction between 0 and 0.2 (3% is 0.03), got {rate!r}")
    date = lpr.get("date")
    if isinstance(date, str):
        try:
            date = dt.date.fromisoformat(date)
        except ValueError:
            pass
    if not isinstance(date, dt.date):
        problems.append(f"extra.lpr.date must be a date written YYYY-MM-DD, got {lpr.get('date')!r}")
    source = lpr.get("source")
    if not isinstance(source, str) or not source.strip():
        problems.append("extra.lpr.source must name where the rate was published")
    unknown = sorted(set(lpr) - {"one_year", "date", "source"})
    if unknown:
        problems.append(f"extra.lpr has unknown keys {unknown}; allowed: one_year, date, source")
    if problems:
        raise SettingsError("mkdocs.yml: " + "; ".join(problems))
    return Lpr(float(rate), date.isoformat(), source.strip())
