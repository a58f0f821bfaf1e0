"""Big inputs for the extractor tests: short lines of every kind an extractor looks at, and
a helper that runs an extractor over a big text to the end. No timing here (tests never assert
a duration): the time and memory bounds per input shape are measured by
``benchmarks/hostile.py`` and stated in the README."""

from __future__ import annotations

from collections.abc import Callable, Sized

MB = 1_000_000
# Short lines of every kind an extractor looks at, for inputs of many lines.
SHORT_LINES = ["Criteria Score", "12 cases", "Phase 3", "", "2019/20", "9 May 2019", "£3.2m", "x"]


def run_big(run: Callable[[str], Sized], text: str) -> None:
    """``run(text)`` finishes on a big text and finds at most one item per character."""
    assert len(run(text)) <= len(text)
