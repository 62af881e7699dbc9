from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from tests.conftest import ROOT


def test_datasette_metadata_names_real_tables_and_valid_queries(tmp_path: Path) -> None:
    from govreport import store

    meta = json.loads((ROOT / "datasette" / "metadata.json").read_text(encoding="utf-8"))
    db = meta["databases"]["govreport"]
    con = store.connect(tmp_path / "govreport.db")
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    assert set(db["tables"]) <= tables
    for name, q in db["queries"].items():
        params = {p: "x" for p in ("q", "indicator")}
        try:
            con.execute(q["sql"], params).fetchall()
        except sqlite3.Error as e:  # pragma: no cover - the message is the point
            raise AssertionError(f"canned query {name}: {e}") from e
