"""Find ```repayment-calculator fenced blocks in a page's Markdown and swap them for placeholders.

Why placeholders: the block may sit inside an admonition, a list or a content tab, where raw HTML
would not survive Python-Markdown. A placeholder is a plain paragraph at the block's indentation;
after rendering, ``widget.inject`` replaces it with the widget's HTML.

Fences are tracked the CommonMark way (``` or ~~~, closed by the same character at least as long),
so an example block *inside* another fence (e.g. in a contributor guide) is left alone.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass

from debtkb.calculator.options import CalculatorOptions, parse_options
from debtkb.problems import LocatedProblems

FENCE_NAME = "repayment-calculator"
_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^\n]*)$")


@dataclass
class Calculator:
    index: int  # 1-based position on the page
    line: int  # line of the opening fence in the source file
    options: CalculatorOptions
    token: str  # the placeholder paragraph's text


class BlockErrors(LocatedProblems):
    """Every bad block on a page: ``problems`` holds ``(line, message)`` with source-file lines."""


def body_offset(source: str, markdown: str) -> int:
    """Lines before ``markdown`` in the page's ``source`` (MkDocs strips the front matter first)."""
    if source.endswith(markdown):
        return source[: len(source) - len(markdown)].count("\n")
    return 0


def extract(markdown: str, path: str, first_line: int = 1) -> tuple[str, list[Calculator]]:
    """Replace every calculator block by a placeholder; raise ``BlockErrors`` naming each bad line.

    ``first_line`` is the source-file line number of ``markdown``'s first line.
    """
    lines = markdown.split("\n")
    out: list[str] = []
    found: list[Calculator] = []
    problems: list[tuple[int, str]] = []
    nonce = secrets.token_hex(4)
    i = 0
    while i < len(lines):
        match = _FENCE.match(lines[i])
        if not match:
            out.append(lines[i])
            i += 1
            continue
        fence, indent = match["fence"], match["indent"]
        closing = re.compile(rf"^[ \t]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
        end = i + 1
        while end < len(lines) and not closing.match(lines[end]):
            end += 1
        is_calculator = match["info"].strip() == FENCE_NAME
        if not is_calculator:
            out.extend(lines[i : end + 1])
            i = end + 1
            continue
        start_line = first_line + i
        if end >= len(lines):
            problems.append((start_line, f"the ```{FENCE_NAME} block is never closed: add a line with {fence}"))
            break
        body = [(first_line + k, lines[k][len(indent):] if lines[k].startswith(indent) else lines[k].lstrip()) for k in range(i + 1, end)]
        options, block_problems = parse_options(body)
        problems += block_problems
        calc = Calculator(len(found) + 1, start_line, options, f"KBCALCULATOR{nonce}N{len(found) + 1:04d}")
        found.append(calc)
        # Blank lines around the placeholder keep it a paragraph of its own; padding keeps the line
        # count, so later lines keep their numbers for other hooks' messages.
        replacement = ["", f"{indent}{calc.token}", ""]
        out += replacement + [""] * max(0, end - i + 1 - len(replacement))
        i = end + 1
    if problems:
        raise BlockErrors(path, problems)
    return "\n".join(out), found
