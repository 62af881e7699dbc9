"""store.parquet: the store's tables as a partitioned Parquet dataset."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pandas as pd
from click.testing import CliRunner

from govreport.cli import cli
from govreport.ingest import iter_inputs
from govreport.store import schema, write
from govreport.store.parquet import export_parquet
from tests.conftest import EXAMPLES


def _store(tmp_path: Path) -> Path:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "undated.txt").write_text("各位代表：\n全县地区生产总值增长较快。\n", encoding="utf-8")
    db = tmp_path / "g.db"
    con = schema.connect(db)
    write.ingest(con, list(iter_inputs([EXAMPLES, tmp_path / "in"])))
    con.close()
    return db


def test_every_table_reads_back_whole_and_partitioned(tmp_path: Path) -> None:
    db = _store(tmp_path)
    out = tmp_path / "pq"
    written = {w.table: w.rows for w in export_parquet(db, out, texts=True)}
    con = sqlite3.connect(db)
    for table in ("reports", "facts", "figures", "sections", "edits"):
        assert written[table] == con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] > 0, table
        back = pd.read_parquet(out / table)  # pandas reads the folder as it is
        assert len(back) == written[table]
        assert {"report_year", "level", "partition_year", "partition_level"} <= set(back.columns)
    con.close()
    reports = pd.read_parquet(out / "reports")
    assert reports["report_year"].isna().sum() == 1  # the undated report keeps its null year
    assert (out / "reports" / "partition_year=unknown").is_dir()
    assert any(p.name.startswith("partition_year=20") for p in (out / "facts").iterdir())
    assert pd.read_parquet(out / "texts")["clean_text"].str.len().min() > 0
    facts = pd.read_parquet(out / "facts")
    in_2025 = facts[facts["partition_year"].astype(str) == "2025"]
    assert len(in_2025) and set(in_2025["report_year"]) == {2025}
    again = {w.table: w.rows for w in export_parquet(db, out)}  # an export replaces the one before
    assert len(pd.read_parquet(out / "facts")) == again["facts"] == written["facts"]


def test_the_export_command_says_what_it_wrote(tmp_path: Path) -> None:
    db = _store(tmp_path)
    res = CliRunner().invoke(cli, ["export", "--db", str(db), "--parquet", str(tmp_path / "pq")])
    assert res.exit_code == 0, res.output
    assert "4 reports" in res.output and "facts" in res.output
    missing = CliRunner().invoke(cli, ["export", "--db", str(tmp_path / "none.db"), "--parquet", str(tmp_path / "x")])
    assert missing.exit_code != 0 and "no such store" in missing.output
