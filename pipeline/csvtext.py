"""CSV text as the output files hold it: one formatter for every table, the grids included.

A hand-made writer: faster than ``csv.writer`` here, and one place for the formula guard.
Fields are quoted (RFC 4180) when they hold a comma, a quote mark or a line break (``\r``
included, which ``csv.writer`` leaves bare); each line ends with ``\n``. Compiled by mypyc at
install with the extractors (``setup.py``): formatting the rows is a tenth of a release's time.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Final

FORMULA_CHARS: Final = frozenset("=+-@\t\r")  # what a spreadsheet may run as a formula


def guard(cell: str) -> str:
    """Prefix ``'`` to text a spreadsheet would run as a formula."""
    return "'" + cell if cell[:1] in FORMULA_CHARS else cell


def csv_field(value: Any) -> str:
    """One CSV field: text formula-guarded, then quoted when it must be; numbers as Python
    writes them; None empty; booleans ``true``/``false``."""
    kind = type(value)
    if kind is str:
        return csv_text(value)
    if kind is int or kind is float:
        return repr(value)
    if value is None:
        return ""
    if kind is bool:
        return "true" if value else "false"
    return csv_field(str(value))


def csv_text(text: str) -> str:
    """One CSV field of text (what :func:`csv_field` writes for a string)."""
    if text[:1] in FORMULA_CHARS:
        text = "'" + text
    if '"' in text:
        return '"' + text.replace('"', '""') + '"'
    if "," in text or "\n" in text or "\r" in text:
        return '"' + text + '"'
    return text


def csv_utf8(text: str) -> bytes:
    """``csv_text(text).encode()``, made from ``text.encode()``: a text orjson has written
    keeps its UTF-8 bytes, which ``encode`` then copies, where encoding the field would
    convert every character again (the marks added are ASCII, as UTF-8 keeps them)."""
    data = text.encode()
    if text[:1] in FORMULA_CHARS:
        data = b"'" + data
    if '"' in text:
        return b'"' + data.replace(b'"', b'""') + b'"'
    if "," in text or "\n" in text or "\r" in text:
        return b'"' + data + b'"'
    return data


# Short texts whose field csv_short_text keeps (at most _SHORT_KEPT, then it starts over).
_SHORT: Final = 32
_SHORT_KEPT: Final = 4096
_short_fields: Final[dict[str, str]] = {}


def csv_short_text(text: str) -> str:
    """:func:`csv_text`, remembered for short texts. Most of a release's short fields are
    values met before (kinds, units, grades, dates, criteria): looking one up costs about a
    fifth of formatting it (a slice, a set test and up to four scans of the text)."""
    if len(text) > _SHORT:
        return csv_text(text)
    field = _short_fields.get(text)
    if field is None:
        if len(_short_fields) >= _SHORT_KEPT:
            _short_fields.clear()
        field = _short_fields[text] = csv_text(text)
    return field


def csv_lines(rows: Iterable[Sequence[Any]]) -> str:
    """The CSV lines of ``rows``."""
    return "".join([",".join([csv_field(v) for v in row]) + "\n" for row in rows])


def grid_lines(
    head: Sequence[Any], cells: Iterable[Sequence[Any]], positions: dict[str, int]
) -> tuple[str, str]:
    """A release's CSV line of each ratings grid, as ``csv_lines`` writes the rows of
    :func:`pipeline.grids.grid_rows`, made from its few cells (``positions``: each column's
    place after the head) instead of formatting every empty cell of a wide row."""
    grades = [""] * len(positions)
    ranks = [""] * len(positions)
    done = set()
    for key, score, value in cells:
        if key not in done:  # a repeated row keeps its first grade
            done.add(key)
            grades[positions[key]] = csv_field(score)
            ranks[positions[key]] = csv_field(value)
    start = [csv_field(v) for v in head]
    return ",".join(start + grades) + "\n", ",".join(start + ranks) + "\n"
