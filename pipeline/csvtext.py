"""CSV text as the output files hold it: one formatter for every table, the grids included.

A hand-made writer: faster than ``csv.writer`` here, and one place for the formula guard.
Fields are quoted (RFC 4180) when they hold a comma, a quote mark or a line break (``\r``
included, which ``csv.writer`` leaves bare); each line ends with ``\n``. Compiled by mypyc at
install with the extractors (``setup.py``): formatting the rows is a tenth of a release's time.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Final, final

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
    text = guard(text)
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


# A field and the separator after it, in UTF-8, as a table's line (render.table_lines) is made
# of them: joined as bytes, a line is neither formatted nor encoded piece by piece (formatting
# a line and encoding it took three fifths of making it). Short texts' pieces are remembered
# (most of a release's short fields are values met before: kinds, units, grades, dates,
# criteria), and so are small whole numbers' pieces, for each separator.
_SHORT: Final = 32  # a text of at most this many characters is short
_SHORT_KEPT: Final = 4096  # short texts' pieces kept per separator (then its table starts over)
_INTS_KEPT: Final = 8192  # whole numbers from 0 to this (not included) have their pieces kept


@final
class Separator:
    """What follows a field in a line (``,`` or ``\\n``), and the pieces remembered of fields
    followed by it: short texts' (:func:`text_piece`) and small whole numbers'
    (:func:`int_piece`)."""

    def __init__(self, text: str) -> None:
        self.text: Final = text
        self.data: Final = text.encode()
        self.texts: Final[dict[str, bytes]] = {}  # short text -> its piece
        self.ints: Final[list[bytes | None]] = [None] * _INTS_KEPT  # n -> its piece (or None)


COMMA: Final = Separator(",")  # a field that a line's next field follows
LINE_END: Final = Separator("\n")  # a line's last field


def text_piece(text: str, sep: Separator) -> bytes:
    """``(csv_text(text) + sep.text).encode()``, remembered for short texts (a look-up costs
    about a third of formatting and encoding it: a slice, a set test, up to four scans of the
    text and the encoding)."""
    if len(text) > _SHORT:
        return csv_utf8(text) + sep.data
    piece = sep.texts.get(text)
    if piece is None:
        kept = sep.texts
        if len(kept) >= _SHORT_KEPT:
            kept.clear()
        piece = kept[text] = (csv_text(text) + sep.text).encode()
    return piece


def int_piece(n: int, sep: Separator) -> bytes:
    """``(csv_field(n) + sep.text).encode()``, remembered for whole numbers from 0 to
    ``_INTS_KEPT`` (offsets and counts, most of them met again): a list's item instead of a
    number's decimal text, its string and its bytes."""
    if 0 <= n < _INTS_KEPT:
        piece = sep.ints[n]
        if piece is None:
            piece = sep.ints[n] = f"{n}{sep.text}".encode()
        return piece
    return f"{n}{sep.text}".encode()


def csv_lines(rows: Iterable[Sequence[Any]]) -> str:
    """The CSV lines of ``rows``."""
    return "".join([",".join([csv_field(v) for v in row]) + "\n" for row in rows])


def grid_lines(
    head: Sequence[Any], cells: Iterable[Sequence[Any]], positions: dict[str, int]
) -> tuple[str, str]:
    """A release's CSV line of each ratings grid, as ``csv_lines`` writes the rows of
    :func:`pipeline.grids.grid_rows`, made from its few cells (``positions``: each column's
    place after the head) instead of formatting every empty cell of a wide row: the empty
    fields between two cells are one run of commas (a run's grids have a column per
    criterion met in any release, a hundred and more, and joining them all cost more than
    rendering the release; tests/test_speed_tricks.py holds it to ``csv_lines``)."""
    filled: dict[int, tuple[str, str]] = {}
    for key, score, value in cells:
        at = positions[key]
        if at not in filled:  # a repeated row keeps its first grade
            filled[at] = (csv_field(score), csv_field(value))
    start = ",".join([csv_field(v) for v in head])
    grades, ranks = [start], [start]
    # The column after the last cell written. A column's field is written with the comma
    # before it, but for the first column's when there is no head: counting from 1 leaves
    # that comma out.
    after = 0 if head else 1
    for at in sorted(filled):
        grade, rank = filled[at]
        commas = "," * (at - after + 1)  # the empty columns' fields and this one's comma
        grades.append(commas)
        grades.append(grade)
        ranks.append(commas)
        ranks.append(rank)
        after = at + 1
    end = "," * (len(positions) - after) + "\n"
    grades.append(end)
    ranks.append(end)
    return "".join(grades), "".join(ranks)
