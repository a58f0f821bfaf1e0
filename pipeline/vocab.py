"""Package data: vocabularies and rating scales live in JSON, loaded once."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def load(name: str) -> Any:
    """Return the parsed JSON file ``pipeline/data/<name>.json`` (cached)."""
    return json.loads(resources.files("pipeline").joinpath(f"data/{name}.json").read_text("utf-8"))
