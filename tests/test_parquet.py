"""store.parquet: the store's tables as a partitioned Parquet dataset."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pandas as pd
import pytest
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


def _sorted_tables(folder: Path) -> dict[str, pd.DataFrame]:
    """Each table of a dataset, without what numbers rows (ids differ between a store and a run)."""
    out = {}
    for table in ("reports", "facts", "figures", "sections", "edits"):
        frame = pd.read_parquet(folder / table)
        frame = frame.drop(columns=[c for c in ("id", "report_id", "ingested_at") if c in frame.columns])
        key = [c for c in ("doc", "start", "idx", "raw_start") if c in frame.columns]
        out[table] = frame.sort_values(key).reset_index(drop=True)
    return out


def test_ingest_to_parquet_writes_what_export_writes_from_a_store(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    db = _store(tmp_path)
    export_parquet(db, tmp_path / "exported")
    here = tmp_path / "cwd"
    here.mkdir()
    monkeypatch.chdir(here)
    res = CliRunner().invoke(cli, ["ingest", str(EXAMPLES), str(tmp_path / "in"), "--to-parquet",
                                   str(tmp_path / "direct"), "-q", "--jobs", "2"])
    assert res.exit_code == 0, res.output
    assert list(here.iterdir()) == []  # no store made on the way
    exported, direct = _sorted_tables(tmp_path / "exported"), _sorted_tables(tmp_path / "direct")
    for table, frame in exported.items():
        assert list(direct[table].columns) == list(frame.columns), table
        pd.testing.assert_frame_equal(direct[table], frame, check_dtype=False, check_categorical=False)
    facts = pd.read_parquet(tmp_path / "direct" / "facts")
    assert facts["id"].is_unique and facts["report_id"].min() == 1
    # a second run replaces the first's files instead of adding to them
    CliRunner().invoke(cli, ["ingest", str(EXAMPLES), "--to-parquet", str(tmp_path / "direct"), "-q"])
    assert len(pd.read_parquet(tmp_path / "direct" / "reports")) == len(list(iter_inputs([EXAMPLES])))
