"""The ratings grids: releases against criteria, for a spreadsheet.

``scores.csv`` is tidy (one row per ratings row); a person comparing releases wants the pivot:
one row per release, one column per criterion. Criteria written differently only in letter
case, quote marks or white space share a column. A release's second, third... table gets its
own columns (``Leadership [table 2]``); a row with several grade columns already carries its
column's header in its criterion (``Casework (Crown Court)``).

The writer (:class:`pipeline.export.OutputWriter`) keeps only the columns while releases
are written (:class:`Columns`) and makes each release's rows at the end (:func:`grid_rows`);
:func:`build_grids` does the same for rows held in memory.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Final

from pipeline.normalize import collapse_space, fold

GRID_KEYS = ("release_id", "title", "published", "scale")
# One ratings row as the grids need it: (column key, grade as written, rank).
Cell = tuple[str, str, int | None]


@dataclass(frozen=True, slots=True)
class Grids:
    """The two grids as header + rows: grades as written, and their ranks."""

    header: tuple[str, ...]
    grades: list[list[Any]]
    values: list[list[Any]]


def criterion_column(criterion: str, table: int) -> str:
    """The grid column of a criterion: quotes, dashes and white space folded, and the table
    named from the second on (``Leadership [table 2]``). Letter case is folded by the caller,
    which keeps the first spelling met for the header."""
    name = folded_criterion(criterion)
    return name if table == 0 else f"{name} [table {table + 1}]"


# Criteria whose folded name folded_criterion keeps (at most _FOLDED_KEPT, then it starts over).
_FOLDED_KEPT: Final = 4096
_folded: Final[dict[str, str]] = {}


def folded_criterion(criterion: str) -> str:
    """``fold(collapse_space(criterion))``, remembered: a run's criteria are a few dozen names
    met in release after release, and folding one (a regular expression search, a split and
    a join) costs about twenty times a look-up."""
    name = _folded.get(criterion)
    if name is None:
        if len(_folded) >= _FOLDED_KEPT:
            _folded.clear()
        name = _folded[criterion] = fold(collapse_space(criterion))
    return name


def named_cells(
    scores: Iterable[tuple[str, str, str, int | None, int]],
) -> list[tuple[str, str, int | None]]:
    """Score rows ``(release_id, criterion, score, score_value, table)`` as cells named by
    their column (:func:`criterion_column`): what a release's grid rows are made of, before
    its columns take their place among the others'."""
    return [(criterion_column(c, table), score, value) for _, c, score, value, table in scores]


class Columns:
    """The criterion columns met so far, in order of first appearance: folded key -> header
    (the first spelling met)."""

    def __init__(self) -> None:
        self.spelling: dict[str, str] = {}
        self._taken = {k.casefold() for k in GRID_KEYS}

    def cells(self, scores: Iterable[tuple[str, str, str, int | None, int]]) -> list[Cell]:
        """A release's score rows ``(release_id, criterion, score, score_value, table)`` as
        cells, their columns added to the header."""
        return self.keyed(named_cells(scores))

    def keyed(self, named: Iterable[Sequence[Any]]) -> list[Cell]:
        """Cells ``(column name, grade, rank)`` (:func:`named_cells`) with their column's key
        instead of its name, their columns added to the header."""
        found, names = keyed_cells(named)
        self.add(names)
        return found

    def add(self, names: Iterable[tuple[str, str]]) -> None:
        """Add columns ``(key, name)`` not met before, in order (what :func:`keyed_cells`
        gives; a worker process makes them, see :mod:`pipeline.jobs`)."""
        for key, name in names:
            if key not in self.spelling:
                # A criterion called "Title" must not take the title column's place.
                self.spelling[key] = f"{name} (criterion)" if key in self._taken else name

    @property
    def header(self) -> tuple[str, ...]:
        return (*GRID_KEYS, *self.spelling.values())


def keyed_cells(named: Iterable[Sequence[Any]]) -> tuple[list[Cell], list[tuple[str, str]]]:
    """Cells ``(column name, grade, rank)`` with their column's key (the folded name) instead
    of its name, and each cell's column ``(key, name)``."""
    found, names = [], []
    for name, score, value in named:
        key = name.casefold()
        names.append((key, name))
        found.append((key, score, value))
    return found, names


def grid_rows(
    head: Sequence[Any], cells: Iterable[Sequence[Any]], columns: Columns
) -> tuple[list[Any], list[Any]]:
    """One release's row of each grid: its head, then its grade (rank) under each column; a
    criterion met twice in one table (a repeated row) keeps its first grade."""
    grades: dict[str, str] = {}
    ranks: dict[str, int | None] = {}
    for key, score, value in cells:
        if key not in grades:
            grades[key] = score
            ranks[key] = value
    keys = columns.spelling
    return [*head, *(grades.get(k) for k in keys)], [*head, *(ranks.get(k) for k in keys)]


def build_grids(
    releases: Sequence[Sequence[Any]], scores: Sequence[tuple[str, str, str, int | None, int]]
) -> Grids:
    """Pivot the score rows into the two grids.

    Args:
        releases: one row per release, the values of :data:`GRID_KEYS`, in output order.
        scores: ``(release_id, criterion, score, score_value, table)`` per ratings row.

    Returns:
        One row per release (those without scores too), in ``releases`` order; criterion
        columns in order of first appearance. A criterion met twice in one table of one
        release (a repeated row) keeps its first grade.
    """
    columns = Columns()
    cells: dict[str, list[Cell]] = {}
    for row in scores:
        cells.setdefault(row[0], []).extend(columns.cells([row]))
    grades, values = [], []
    for head in releases:
        grade_row, value_row = grid_rows(head, cells.get(head[0], []), columns)
        grades.append(grade_row)
        values.append(value_row)
    return Grids(columns.header, grades, values)
