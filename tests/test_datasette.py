from __future__ import annotations

import json
import sqlite3
from pathlib import Path


def test_datasette_metadata_names_real_tables_and_valid_queries(tmp_path: Path) -> None:
    from govreport.store import datasette, schema

    meta = datasette.datasette_metadata(tmp_path / "corpus.db")
    db = meta["databases"]["corpus"]
    con = schema.connect(tmp_path / "corpus.db")
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    assert set(db["tables"]) <= tables
    for name, q in db["queries"].items():
        params = {p: "x" for p in ("q", "indicator")}
        try:
            con.execute(q["sql"], params).fetchall()
        except sqlite3.Error as e:  # pragma: no cover - the message is the point
            raise AssertionError(f"canned query {name}: {e}") from e


def test_cli_prints_metadata_keyed_to_the_store_file(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from govreport.cli import cli

    result = CliRunner().invoke(cli, ["datasette-metadata", "--db", str(tmp_path / "my store.db")])
    assert result.exit_code == 0, result.output
    assert list(json.loads(result.output)["databases"]) == ["my store"]
