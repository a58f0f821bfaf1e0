"""Package data: vocabularies and rating scales live in JSON, loaded once."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

# The package is installed as files (a wheel or an editable install), never zipped: a plain
# path is enough, and importing importlib.resources (with zipfile) would cost every run's
# start-up more than reading all the files.
DATA = Path(__file__).resolve().parent / "data"


@cache
def load(name: str) -> Any:
    """Return the parsed JSON file ``pipeline/data/<name>.json`` (cached)."""
    return json.loads((DATA / f"{name}.json").read_text("utf-8"))
