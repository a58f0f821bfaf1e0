"""``datapackage.json``: the output folder described for other tools (a Frictionless data
package, https://specs.frictionlessdata.io/tabular-data-package/).

One tabular resource per CSV file, each with a Table Schema: its columns' types and
descriptions (from :mod:`pipeline.schema`), ``release_id`` as the key of ``releases.csv`` and
a foreign key into it from every other table that has one. Check an output with
``frictionless validate output/datapackage.json``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from pipeline.model import CONTRACT_VERSION
from pipeline.schema import TABLE_DESCRIPTIONS, table_columns

_TO_RELEASES = {
    "fields": "release_id",
    "reference": {"resource": "releases", "fields": "release_id"},
}


def data_package(headers: Mapping[str, Sequence[str]]) -> dict[str, Any]:
    """The data package of an output folder.

    Args:
        headers: each CSV file's name (without ``.csv``) and its header row as written
            (formula-guarded), in the order to list them.
    """
    resources = []
    for name, header in headers.items():
        schema: dict[str, Any] = {
            "fields": [
                {"name": column, "type": kind, "description": about}
                for column, kind, about in table_columns(name, header)
            ]
        }
        if name == "releases" or name.startswith("scores_wide"):
            schema["primaryKey"] = ["release_id"]
        if name != "releases" and "release_id" in header:
            schema["foreignKeys"] = [_TO_RELEASES]
        resources.append(
            {
                "name": name,
                "path": f"{name}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "description": TABLE_DESCRIPTIONS[name],
                "schema": schema,
            }
        )
    return {
        "profile": "tabular-data-package",
        "name": "pipeline-output",
        "title": "UK inspectorate press releases, extracted by pipeline",
        "description": f"The tables of `pipeline extract` (output contract {CONTRACT_VERSION}); "
        "the full records are in releases.jsonl and json/<release_id>.json.",
        "resources": resources,
    }
