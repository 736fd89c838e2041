"""Options of one calculator block, parsed and validated line by line.

The block body is ``key: value`` lines (``#`` starts a comment). Each problem names the line, so a
contributor can fix every one in a single round. The ranges match ``core.js``, which enforces the
same rules on what a reader types.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

METHODS = ("equal-installment", "equal-principal", "interest-only", "bullet", "flat-fee")
MAX_PRINCIPAL = 100_000_000
MAX_MONTHS = 600
MAX_TITLE = 40


@dataclass
class CalculatorOptions:
    principal: float = 60_000  # the article's 6万
    annual_rate: float = 0.18
    months: int = 24
    method: str = "equal-installment"
    monthly_fee_rate: float = 0.0
    title: str = ""
    given: set[str] = field(default_factory=set)  # the options the block spelled out

    def as_json_dict(self) -> dict:
        return {
            "principal": self.principal,
            "annualRate": self.annual_rate,
            "months": self.months,
            "method": self.method,
            "monthlyFeeRate": self.monthly_fee_rate,
        }


class OptionError(ValueError):
    """One bad option value; the message says what is wrong and what is allowed."""


def _number(text: str) -> float:
    cleaned = text.replace(",", "").replace("_", "").strip()
    try:
        value = float(cleaned)
    except ValueError:
        raise OptionError(f"'{text}' is not a number") from None
    if not math.isfinite(value):
        raise OptionError(f"'{text}' is not a finite number")
    return value


def parse_principal(text: str) -> float:
    value = _number(text)
    if value <= 0:
        raise OptionError(f"must be greater than 0 (yuan), got {text}")
    if value > MAX_PRINCIPAL:
        raise OptionError(f"must be at most {MAX_PRINCIPAL} yuan, got {text}")
    if abs(round(value * 100) - value * 100) > 1e-6:
        raise OptionError(f"must be whole fen (at most 2 decimal places), got {text}")
    return value


def parse_rate(text: str) -> float:
    """``0.18`` or ``18%`` → 0.18; a bare number above 1 is refused as ambiguous."""
    text = text.strip()
    if text.endswith(("%", "％")):
        value = _number(text[:-1]) / 100
    else:
        value = _number(text)
        if value > 1:
            raise OptionError(f"'{text}' is ambiguous: write a fraction (0.18) or a percentage (18%)")
    if not 0 <= value <= 1:
        raise OptionError(f"must be between 0 and 1 (0% to 100%), got {text}")
    return round(value, 10)


def parse_months(text: str) -> int:
    if not re.fullmatch(r"\s*\d+\s*", text):
        raise OptionError(f"must be a whole number of months from 1 to {MAX_MONTHS}, got '{text}'")
    value = int(text)
    if not 1 <= value <= MAX_MONTHS:
        raise OptionError(f"must be from 1 to {MAX_MONTHS} months, got {value}")
    return value


def parse_method(text: str) -> str:
    value = text.strip()
    if value not in METHODS:
        raise OptionError(f"'{value}' is not a repayment method; use one of: {', '.join(METHODS)}")
    return value


def parse_title(text: str) -> str:
    value = text.strip()
    if not value or len(value) > MAX_TITLE:
        raise OptionError(f"must be 1 to {MAX_TITLE} characters")
    return value


PARSERS = {
    "principal": parse_principal,
    "annual_rate": parse_rate,
    "months": parse_months,
    "method": parse_method,
    "monthly_fee_rate": parse_rate,
    "title": parse_title,
}


def parse_options(lines: list[tuple[int, str]]) -> tuple[CalculatorOptions, list[tuple[int, str]]]:
    """``[(line number, text)]`` → options and ``[(line, problem)]`` (empty when all is well)."""
    options = CalculatorOptions()
    problems: list[tuple[int, str]] = []
    seen: dict[str, int] = {}
    for number, raw in lines:
        key, sep, value = raw.partition(":")
        key = key.strip()
        quoted = re.fullmatch(r"\s*([\"'])(.*)\1\s*", value)
        if quoted:  # a quoted value is taken as written, "#" included
            value = quoted.group(2)
        else:  # otherwise "#" at the start or after a space starts a comment
            value = re.sub(r"(^|\s)#.*$", "", value)
        if not key or key.startswith("#"):
            if raw.strip() and not raw.strip().startswith("#"):
                problems.append((number, f"expected 'option: value', got '{raw.strip()}'"))
            continue
        if not sep:
            problems.append((number, f"expected 'option: value', got '{raw.strip()}'"))
            continue
        if key not in PARSERS:
            problems.append((number, f"unknown option '{key}'; known options: {', '.join(PARSERS)}"))
            continue
        if key in seen:
            problems.append((number, f"option '{key}' is given twice (first on line {seen[key]})"))
            continue
        seen[key] = number
        try:
            setattr(options, key, PARSERS[key](value.strip()))
        except OptionError as e:
            problems.append((number, f"{key}: {e}"))
    options.given = set(seen)
    if options.method == "flat-fee" and "monthly_fee_rate" not in seen and "method" in seen:
        problems.append((seen["method"], "method flat-fee (等本等息) needs monthly_fee_rate, e.g. monthly_fee_rate: 0.6%"))
    if options.method == "flat-fee" and "annual_rate" in seen:
        problems.append((seen["annual_rate"], "annual_rate is ignored by method flat-fee (等本等息): remove it and give monthly_fee_rate"))
    return options, problems
