"""executors: the pipeline on a real Dask cluster (distributed.LocalCluster, 2 worker processes)
gives what the local run gives, and a worker killed mid-run loses nothing."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from govreport.cli import cli
from govreport.export import exported
from govreport.ingest import iter_inputs
from govreport.run import run_items
from tests.conftest import CORPUS, EXAMPLES, needs_ocr

distributed = pytest.importorskip("distributed", reason="dask[distributed] is not installed")
SOURCE = CORPUS / "national" if CORPUS.is_dir() else EXAMPLES


def _lines(out: Path, name: str) -> list[str]:
    return sorted((out / f"{name}.jsonl").read_text(encoding="utf-8").splitlines())


def test_extract_on_dask_writes_what_the_local_run_writes(tmp_path: Path) -> None:
    runner = CliRunner()
    local = runner.invoke(cli, ["extract", str(SOURCE), "--out", str(tmp_path / "local"), "-q"])
    dask = runner.invoke(cli, ["extract", str(SOURCE), "--out", str(tmp_path / "dask"), "-q",
                               "--executor", "dask", "--jobs", "2"])
    assert local.exit_code == dask.exit_code == 0, dask.output
    for name in ("facts", "figures", "meta", "sections", "edits", "errors"):
        assert _lines(tmp_path / "dask", name) == _lines(tmp_path / "local", name), name
    assert _lines(tmp_path / "dask", "facts")


def _contents(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """What a store holds, without what differs from run to run (ids, times)."""
    con = sqlite3.connect(db)
    queries = {
        "documents": "SELECT source, sha256, identity, clean_text, pipeline_version FROM documents",
        "reports": "SELECT doc, region, adcode, report_year, speaker, meta_sources FROM reports",
        "facts": "SELECT d.source, f.indicator, f.kind, f.period, f.value, f.quote, f.start FROM facts f"
                 " JOIN documents d ON d.id = f.report_id",
        "figures": "SELECT d.source, g.value, g.start FROM figures g JOIN documents d ON d.id = g.report_id",
        "edits": "SELECT d.source, e.kind, e.raw_start FROM edits e JOIN documents d ON d.id = e.report_id",
        "index": "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH '\"生 产\"'",
    }
    out = {name: sorted(con.execute(sql).fetchall(), key=repr) for name, sql in queries.items()}
    con.close()
    return out


def test_ingest_on_dask_stores_what_the_local_run_stores(tmp_path: Path) -> None:
    runner = CliRunner()
    for name, extra in (("local", []), ("dask", ["--executor", "dask", "--jobs", "2"])):
        res = runner.invoke(cli, ["ingest", str(SOURCE), "--db", str(tmp_path / f"{name}.db"), "-q", *extra])
        assert res.exit_code == 0, res.output
    assert _contents(tmp_path / "dask.db") == _contents(tmp_path / "local.db")


def kill_the_worker_once(flag: str) -> Any:
    """A then() that kills the worker process running it the first time it runs anywhere."""
    def then(outcome: Any) -> Any:
        if not os.path.exists(flag):
            Path(flag).touch()
            os._exit(1)
        return exported(outcome)
    return then


def test_a_worker_killed_mid_run_loses_nothing(tmp_path: Path) -> None:
    from govreport.executors import DaskOptions, run_on_dask

    files = list(iter_inputs([EXAMPLES]))
    expected = [e.lines for e in run_items(files, then=exported)]
    got = list(run_on_dask(files, DaskOptions(workers=2), then=kill_the_worker_once(str(tmp_path / "killed"))))
    assert (tmp_path / "killed").exists()  # a worker did die
    assert [e.lines for e in got] == expected  # and its task ran again elsewhere


def test_an_unreachable_scheduler_is_one_line(tmp_path: Path) -> None:
    res = CliRunner().invoke(cli, ["extract", str(EXAMPLES), "--out", str(tmp_path / "o"),
                                   "--scheduler", "tcp://127.0.0.1:9"])
    assert res.exit_code != 0 and "cannot reach the Dask scheduler" in res.output


def test_ingest_to_parquet_on_dask_writes_what_the_local_run_writes(tmp_path: Path) -> None:
    import pandas as pd

    runner = CliRunner()
    for name, extra in (("local", []), ("dask", ["--executor", "dask", "--jobs", "2"])):
        res = runner.invoke(cli, ["ingest", str(SOURCE), "--to-parquet", str(tmp_path / name), "-q", *extra])
        assert res.exit_code == 0, res.output
    for table in ("reports", "facts", "figures"):
        local, dask = (pd.read_parquet(tmp_path / name / table).drop(columns=["ingested_at"], errors="ignore")
                       for name in ("local", "dask"))
        assert len(local) > 0
        pd.testing.assert_frame_equal(dask.sort_values(list(dask.columns[:3])).reset_index(drop=True),
                                      local.sort_values(list(local.columns[:3])).reset_index(drop=True),
                                      check_categorical=False)


@needs_ocr
def test_a_scanned_pdf_is_read_page_by_page_on_the_cluster(tmp_path: Path) -> None:
    # the worker that opens a scanned PDF sends it back; its pages are read as tasks of their own
    from govreport.executors import Scanned, work_on_bytes
    from tests.makeformats import write_scanned_pdf

    text = ("各位代表：\n一、2024年工作回顾\n全县地区生产总值增长5%，城镇新增就业2万人。\n" * 3 +
            "二、2025年工作安排\n今年目标：地区生产总值增长6%左右。")
    folder = tmp_path / "in"
    folder.mkdir()
    scan = folder / "scan.pdf"
    write_scanned_pdf(text, scan, lines_per_page=3)
    sent = work_on_bytes("scan.pdf", scan.read_bytes(), ".pdf", str(scan), None, (), None)
    assert isinstance(sent, Scanned) and sent.pages >= 3
    runner = CliRunner()
    for name, extra in (("local", []), ("dask", ["--executor", "dask", "--jobs", "2"])):
        res = runner.invoke(cli, ["extract", str(folder), "--out", str(tmp_path / name), "-q", *extra])
        assert res.exit_code == 0, res.output
    assert _lines(tmp_path / "dask", "facts") == _lines(tmp_path / "local", "facts")
    assert any('"gdp"' in line for line in _lines(tmp_path / "dask", "facts"))
