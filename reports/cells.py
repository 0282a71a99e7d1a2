"""Spreadsheet cells that stay text, and how much the staff pages import.

The rule, the same wherever a CSV is written or read (README, "Staff pages"; its copies in the
browser are `csvEscape`/`csvUnescape` in policypress-card.js and policypress-report.js):

- on export, a cell whose text starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
  is written with a leading apostrophe ``'``, so a spreadsheet shows it as text and never runs
  it as a formula (``=HYPERLINK(…)``, ``+cmd|…``, ``@SUM(…)``);
- on import, a cell that starts with ``'`` followed by one of those characters loses the
  apostrophe, so export then import gives back exactly what was typed.

Text typed already escaped (``'=1``) gets one more apostrophe on export (``''=1``) and loses one
on import: leading apostrophes before one of those characters count as part of its start, so
the round trip is exact for every text.

The limits are checked before a file is parsed (the browser pages get them in their config,
`policypress report xlsx` reads them from here), so a huge file is refused, not half-read.
"""

from __future__ import annotations

from calculators.core.statistics_table import MAX_UNITS

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

CARD_IMPORT_MAX_BYTES = 256 * 1024  # an identification card as JSON or CSV: a few kB in practice
REPORT_IMPORT_MAX_BYTES = 1024 * 1024  # a month's statistics table as CSV
REPORT_MAX_ROWS = MAX_UNITS  # a table has at most as many units as a report calculator checks
MAX_CELL_CHARS = 1000  # one CSV cell of the table: a unit's name, a label or a number


def _formula_like(text: str) -> bool:
    """Does the text, after any leading apostrophes, start like a formula?"""
    return text.lstrip("'").startswith(FORMULA_STARTS)


def escape_cell(text: str) -> str:
    """A cell's text as written to a CSV: an apostrophe in front of a formula's first character."""
    return "'" + text if _formula_like(text) else text


def unescape_cell(text: str) -> str:
    """A cell's text as read from a CSV: the apostrophe that `escape_cell` added, removed."""
    return text[1:] if text.startswith("'") and _formula_like(text) else text


def size_text(size: int) -> str:
    """A file size as the pages and the command state it: 256 KB, 1 MB, 1.2 MB."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f}".removesuffix(".0") + " MB"
    return f"{-(-size // 1024)} KB"
