"""The ratings grids: releases against criteria, for a spreadsheet.

``scores.csv`` is tidy (one row per ratings row); a person comparing releases wants the pivot:
one row per release, one column per criterion. Criteria written differently only in letter
case, quote marks or white space share a column. A release's second, third... table gets its
own columns (``Leadership [table 2]``); a row with several grade columns already carries its
column's header in its criterion (``Casework (Crown Court)``).

pandas is imported inside :func:`build_grids` only: runs that write no grid never load it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pipeline.normalize import collapse_space, fold

GRID_KEYS = ("release_id", "title", "published", "scale")


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
    name = fold(collapse_space(criterion))
    return name if table == 0 else f"{name} [table {table + 1}]"


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
    import pandas as pd

    spelling: dict[str, str] = {}  # folded key -> the header (first spelling met)
    taken = {k.casefold() for k in GRID_KEYS}
    keys = []
    for _, criterion, _, _, table in scores:
        name = criterion_column(criterion, table)
        key = name.casefold()
        if key not in spelling:
            # A criterion called "Title" must not take the title column's place.
            spelling[key] = f"{name} (criterion)" if key in taken else name
        keys.append(key)
    frame = pd.DataFrame(
        {
            "release_id": [s[0] for s in scores],
            "column": keys,
            "score": [s[2] for s in scores],
            "score_value": pd.array([s[3] for s in scores], dtype="Int64"),
        }
    )
    frame = frame.drop_duplicates(["release_id", "column"], keep="first")
    ids = [r[0] for r in releases]
    columns = list(spelling)
    cells = {}
    for what in ("score", "score_value"):
        grid = frame.pivot(index="release_id", columns="column", values=what)
        grid = grid.reindex(index=ids, columns=columns).astype(object)
        cells[what] = grid.where(grid.notna(), None).to_numpy().tolist()
    header = (*GRID_KEYS, *spelling.values())
    grades = [[*head, *row] for head, row in zip(releases, cells["score"], strict=True)]
    # Ranks as Python ints (pandas may hand back numpy integers).
    values = [
        [*head, *(None if v is None else int(v) for v in row)]
        for head, row in zip(releases, cells["score_value"], strict=True)
    ]
    return Grids(header, grades, values)
