"""The documented time bound on big inputs (README: at most 12 s per MB on one core), shared by
the extractor and end-to-end size tests. Super-linear work breaks it long before 1 MB."""

from __future__ import annotations

import time
from collections.abc import Callable

MB = 1_000_000
SECONDS_PER_MB = 12.0
# Short lines of every kind an extractor looks at, for inputs of many lines.
SHORT_LINES = ["Criteria Score", "12 cases", "Phase 3", "", "2019/20", "9 May 2019", "£3.2m", "x"]


def assert_within_bound(run: Callable[[str], object], text: str) -> None:
    """``run(text)`` finishes within the bound (at least 5 s, for small dense inputs)."""
    started = time.perf_counter()
    run(text)
    elapsed = time.perf_counter() - started
    assert elapsed < max(5.0, SECONDS_PER_MB * len(text) / MB), f"{elapsed:.1f} s"
