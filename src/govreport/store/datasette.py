"""Datasette over a store: the bundled metadata (titles, descriptions, facets, canned queries)."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any


def datasette_metadata(db: str | Path) -> dict[str, Any]:
    """The bundled Datasette metadata, keyed to this store's database name (its file stem)."""
    meta: dict[str, Any] = json.loads(resources.files("govreport").joinpath("data/datasette.json")
                                      .read_text(encoding="utf-8"))
    meta["databases"] = {Path(db).stem: meta["databases"]["govreport"]}
    return meta
