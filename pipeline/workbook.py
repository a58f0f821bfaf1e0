"""``releases.xlsx``: the tables and the ratings grids as a workbook that opens ready to use.

A first ``contents`` sheet lists every sheet and column with a one-line description; each
sheet has its header row frozen and filtered and its columns sized to their contents. Dates
are spreadsheet dates, numbers numbers, ranks integers; text is formula-guarded like the CSV
files. The same rows give the same bytes on every run (the workbook's own dates are pinned).
"""

from __future__ import annotations

import datetime
import re
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.csvtext import guard
from pipeline.schema import TABLE_DESCRIPTIONS

_XL_MAX = 32767  # Excel's limit on the characters in one cell
_ILLEGAL_XL = {c: None for c in range(32) if chr(c) not in "\t\n\r"}
_MIN_WIDTH, _MAX_WIDTH = 6, 60
_WIDTH_SAMPLE = 2000  # rows measured per column: enough to size it, cheap on big tables
_DATE_FORMAT = "yyyy-mm-dd"


@dataclass(frozen=True, slots=True)
class Sheet:
    """One sheet: its columns as (name, Table Schema type, description), and its rows."""

    name: str
    columns: Sequence[tuple[str, str, str]]
    rows: Sequence[Sequence[Any]]


def xl_cell(value: Any) -> Any:
    """A workbook cell: formula-guarded, without control characters Excel rejects."""
    if value is None:
        return None
    kind = type(value)
    if kind is int or kind is float:
        return value
    if kind is bool:
        return "true" if value else "false"
    # Control characters go first: "\x01=cmd" must not become an unguarded "=cmd".
    return guard(str(value).translate(_ILLEGAL_XL))[:_XL_MAX] or None


def _date(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return xl_cell(value)
    return xl_cell(value)


def _converters(columns: Sequence[tuple[str, str, str]]) -> list[Callable[[Any], Any]]:
    return [_date if kind == "date" else xl_cell for _, kind, _ in columns]


def _width(values: Sequence[Any]) -> float:
    longest = max(
        (
            10 if isinstance(v, datetime.date) else max(map(len, str(v).split("\n")))
            for v in values
            if v is not None
        ),
        default=0,
    )
    return float(min(max(longest + 2, _MIN_WIDTH), _MAX_WIDTH))


def write_workbook(path: Path, sheets: Sequence[Sheet]) -> None:
    """Write ``sheets`` after a ``contents`` sheet into the workbook ``path``."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    contents = Sheet(
        "contents",
        [
            ("sheet", "string", "the sheet's name"),
            ("column", "string", "a column of that sheet (empty: the sheet itself)"),
            ("description", "string", "what it holds"),
        ],
        [
            row
            for sheet in sheets
            for row in [
                (sheet.name, None, TABLE_DESCRIPTIONS[sheet.name]),
                *((sheet.name, name, about) for name, _, about in sheet.columns),
            ]
        ],
    )
    book = Workbook(write_only=True)
    bold = Font(bold=True)
    for sheet in (contents, *sheets):
        ws = book.create_sheet(sheet.name)
        convert = _converters(sheet.columns)
        header = [xl_cell(name) for name, _, _ in sheet.columns]
        rows = [[f(v) for f, v in zip(convert, row, strict=True)] for row in sheet.rows]
        for i, name in enumerate(header):
            sample = [name, *(r[i] for r in rows[:_WIDTH_SAMPLE])]
            ws.column_dimensions[get_column_letter(i + 1)].width = _width(sample)
        ws.freeze_panes = "A2"
        last = get_column_letter(max(len(header), 1))
        ws.auto_filter.ref = f"A1:{last}{len(rows) + 1}"
        head_cells = []
        for name in header:
            cell = WriteOnlyCell(ws, value=name)
            cell.font = bold
            head_cells.append(cell)
        ws.append(head_cells)
        dated = [i for i, (_, kind, _) in enumerate(sheet.columns) if kind == "date"]
        for row in rows:
            if dated:
                row = list(row)
                for i in dated:
                    if isinstance(row[i], datetime.date):
                        cell = WriteOnlyCell(ws, value=row[i])
                        cell.number_format = _DATE_FORMAT
                        row[i] = cell
            ws.append(row)
    book.save(path)
    pin_dates(path)


# openpyxl stamps the workbook's created/modified properties and every zip entry with the
# time of writing; the run's own time is in manifest.json.
_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
_CORE_DATES = re.compile(rb"(<dcterms:(created|modified)\b[^>]*>)[^<]*(</dcterms:\2>)")


def pin_dates(path: Path) -> None:
    """Give the workbook fixed dates (1980-01-01), so that the same inputs give the same
    bytes on every run, like the other files."""
    with zipfile.ZipFile(path) as src:
        entries = [(info, src.read(info)) for info in src.infolist()]
    pinned = path.with_name(path.name + ".pinned")
    with zipfile.ZipFile(pinned, "w") as dst:
        for info, data in entries:
            if info.filename == "docProps/core.xml":
                data = _CORE_DATES.sub(rb"\g<1>1980-01-01T00:00:00Z\g<3>", data)
            entry = zipfile.ZipInfo(info.filename, date_time=_ZIP_EPOCH)
            entry.compress_type = info.compress_type
            entry.external_attr = info.external_attr
            dst.writestr(entry, data)
    pinned.replace(path)
