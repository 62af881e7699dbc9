from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
import zlib
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govreport
from govreport.ingest import iter_inputs, read_document
from govreport.model import RawDocument
from govreport.store import rows, schema, write
from govreport.textindex import grams
from tests.conftest import EXAMPLES

REPORT = ("各位代表：\n一、2024年工作回顾\n全县地区生产总值增长5%，推进化债工作。\n"
          "二、2025年工作安排\n地区生产总值增长6%左右。\n")


def ingest(db: Path, paths: list[Path]) -> write.IngestSummary:
    con = schema.connect(db)
    try:
        return write.ingest(con, list(iter_inputs(paths)))
    finally:
        con.close()


def test_ingest_is_idempotent_and_versions_changed_files(tmp_path: Path) -> None:
    src = tmp_path / "r.txt"
    src.write_text(REPORT, encoding="utf-8")
    db = tmp_path / "g.db"
    assert ingest(db, [src]).ingested == 1
    again = ingest(db, [src])
    assert (again.ingested, again.unchanged) == (0, 1)
    src.write_text(REPORT.replace("6%左右", "6.5%左右"), encoding="utf-8")
    changed = ingest(db, [src])
    assert (changed.ingested, changed.new_versions) == (1, 1)
    con = sqlite3.connect(db)
    rows = con.execute("SELECT version, is_current FROM documents ORDER BY version").fetchall()
    assert rows == [(1, 0), (2, 1)]
    with govreport.open(db) as corpus:
        assert corpus.facts(kind="target")["value"].tolist() == [6.5]
        assert len(corpus.reports(current_only=False)) == 2


def test_failures_are_rows_and_the_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    (tmp_path / "in" / "ok.txt").write_text(REPORT, encoding="utf-8")
    db = tmp_path / "g.db"
    summary = ingest(db, [tmp_path / "in"])
    assert (summary.ingested, summary.failed) == (1, 1)
    ingest(db, [tmp_path / "in"])
    errors = sqlite3.connect(db).execute("SELECT source, reason FROM errors").fetchall()
    assert len(errors) == 1 and errors[0][1] == "empty file"


def test_not_a_store_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "x.db"
    bad.write_text("hello", encoding="utf-8")
    with pytest.raises(schema.StoreError, match="not a govreport store"):
        schema.connect(bad)
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t(x)")
    with pytest.raises(schema.StoreError, match="not a govreport store"):
        schema.connect(other)
    with pytest.raises(schema.StoreError, match="no such store"):
        schema.connect(tmp_path / "missing.db", create=False)


def test_reprocess_rebuilds_from_stored_raw_text(tmp_path: Path) -> None:
    src = tmp_path / "r.txt"
    src.write_text(REPORT, encoding="utf-8")
    db = tmp_path / "g.db"
    ingest(db, [src])
    src.unlink()  # the original is gone: the store has the raw text
    con = schema.connect(db)
    con.execute("DELETE FROM facts")
    con.commit()
    from govreport.pipeline import default_pipeline

    assert list(write.reprocess(con, default_pipeline())) == [1]
    con.close()
    with govreport.open(db) as corpus:
        assert len(corpus.facts()) == 2
        assert corpus.search("化债")["doc"].tolist() == [str(src)]


def test_the_raw_text_is_kept_against_its_clean_text_and_read_back_whole(tmp_path: Path) -> None:
    src = tmp_path / "r.txt"
    raw_text = "首页 > 政务公开\n" + REPORT.replace("5%", "５％") + "\n版权所有：某某县人民政府\n"
    src.write_text(raw_text, encoding="utf-8")
    db = tmp_path / "g.db"
    ingest(db, [src])
    con = schema.connect(db)
    zlib_size, delta_size, clean = con.execute(
        "SELECT raw_zlib IS NULL, length(raw_delta), clean_text FROM documents").fetchone()
    assert zlib_size == 1 and delta_size < len(zlib.compress(raw_text.encode())) / 2
    # a reprocess whose cleaning makes another clean text compresses the raw text against the new one
    from govreport.clean import default_passes
    from govreport.pipeline import Pipeline

    keep_width = Pipeline(passes=[p for p in default_passes() if p.__name__ != "normalize_width"])
    assert list(write.reprocess(con, keep_width)) == [1]
    assert con.execute("SELECT clean_text FROM documents").fetchone()[0] != clean
    con.close()
    with govreport.open(db) as corpus:
        assert corpus.raw_text(1) == raw_text


def test_a_new_store_keeps_its_texts_as_utf16_and_one_made_utf8_goes_on_the_same(tmp_path: Path) -> None:
    src = tmp_path / "r.txt"
    src.write_text(REPORT, encoding="utf-8")
    made_before = tmp_path / "utf8.db"
    con = sqlite3.connect(made_before)
    con.execute("PRAGMA encoding='UTF-8'")
    con.execute("CREATE TABLE t(x)")  # the encoding is fixed with the first table
    con.execute("DROP TABLE t")
    con.close()
    for db, encoding in ((tmp_path / "new.db", "UTF-16le"), (made_before, "UTF-8")):
        ingest(db, [src])
        with govreport.open(db) as corpus:
            assert corpus.execute("PRAGMA encoding").fetchone()[0] == encoding
            assert corpus.search("化债")["doc"].tolist() == [str(src)]
            assert corpus.raw_text(1) == REPORT
            assert len(corpus.kwic("化债")) == 1


def test_a_raw_text_stored_compressed_alone_reads_back(tmp_path: Path) -> None:
    # rows stored at schemas 7-11 keep raw_zlib (the raw text compressed by itself)
    assert schema.stored_raw("", zlib.compress("原文".encode()), None, "") == "原文"
    assert schema.stored_raw("原文", None, None, "") == "原文"
    assert schema.stored_raw(None, None, schema.compress_raw("原文", ""), "") == "原文"  # no clean text


def test_search_equals_substring_scan_on_examples(tmp_path: Path) -> None:
    db = tmp_path / "g.db"
    ingest(db, [EXAMPLES])
    with govreport.open(db) as corpus:
        texts = dict(corpus.con.execute("SELECT source, clean_text FROM documents"))
        for q in ("生产总值", "乡村", "化债", "增长", "区", "5%", "同步"):
            found = set(corpus.search(q)["doc"])
            assert found == {doc for doc, t in texts.items() if q in t}, q


def _children(pid: int) -> list[int]:
    """The child processes of pid (Linux /proc; none found elsewhere)."""
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"  # a zombie has exited; reaping it is its new parent's business


def test_sigkill_mid_ingest_leaves_a_consistent_store(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    body = EXAMPLES.joinpath("星澜县2025.txt").read_text(encoding="utf-8")
    for i in range(400):
        (folder / f"r{i:03}.txt").write_text(body.replace("215.6亿元", f"{200 + i / 10:.1f}亿元"), encoding="utf-8")
    db = tmp_path / "g.db"
    cmd = [sys.executable, "-m", "govreport.cli", "ingest", str(folder), "--db", str(db), "--batch", "10", "-q"]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
    proc = subprocess.Popen(cmd, env=env)
    deadline = time.time() + 60
    while time.time() < deadline:
        time.sleep(0.2)
        if db.exists():
            try:
                n = sqlite3.connect(db).execute("SELECT count(*) FROM documents").fetchone()[0]
            except sqlite3.OperationalError:
                continue
            if n >= 20:
                break
    workers = _children(proc.pid)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.time() + 10
    while any(_alive(pid) for pid in workers) and time.time() < deadline:
        time.sleep(0.2)
    assert not [pid for pid in workers if _alive(pid)], "a worker process outlived its killed parent"
    con = sqlite3.connect(db)
    docs = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    assert 0 < docs < 400, "the kill came too late to test anything"
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # every stored document is whole: its report row exists
    assert con.execute("SELECT count(*) FROM documents d LEFT JOIN reports r ON r.report_id = d.id"
                       " WHERE r.report_id IS NULL").fetchone()[0] == 0
    con.close()
    subprocess.run(cmd, env=env, check=True)
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 400
    assert con.execute("SELECT count(DISTINCT source) FROM documents").fetchone()[0] == 400


@given(st.integers(0, 500), st.integers(1, 100))
def test_batch_plan_covers_every_report_in_batches_no_larger_than_asked(n: int, batch: int) -> None:
    plan = write.batch_plan(n, batch)
    assert sum(plan) == n and all(0 < size <= batch for size in plan)


def test_batch_plan_starts_and_ends_small() -> None:
    assert write.batch_plan(216, 20) == [4, 8, 16, *[20] * 8, 16, 8, 4]
    assert write.batch_plan(50, 20) == [4, 8, 16, 20, 2]


def _index_config(con: sqlite3.Connection) -> dict[str, int]:
    return dict(con.execute("SELECT k, v FROM documents_fts_config WHERE k IN ('hashsize', 'automerge')"))


def _store_at_version(db: Path, version: int, paths: list[Path]) -> None:
    """A store as an older govreport left it: the migrations up to version, and each report's rows
    in the columns that version had (documents without identity, reports without sources or given)."""
    from govreport.pipeline import default_pipeline

    con = sqlite3.connect(db)
    con.execute("PRAGMA journal_mode=WAL")
    for v in range(1, version + 1):
        schema._run_step(con, v, schema.MIGRATIONS[v])
    for path in paths:
        raw = read_document(path, str(path))
        assert isinstance(raw, RawDocument)
        stored = rows.rows_of(default_pipeline()(raw))
        cur = con.execute("INSERT INTO documents(source, sha256, format, encoding, raw_text, clean_text, ingested_at,"
                          " version, is_current, pipeline_version) VALUES (?,?,?,?,CAST(? AS TEXT),CAST(? AS TEXT),"
                          "'2026-01-01T00:00:00',1,1,'0.1.0')",
                          (*stored.document[:4], raw.text.encode(), stored.document[5]))  # raw as text then
        doc_id = int(cur.lastrowid or 0)
        con.execute("INSERT INTO documents_fts(rowid, grams) VALUES (?,CAST(? AS TEXT))", (doc_id, stored.grams))
        con.execute("INSERT INTO reports VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", (doc_id, *stored.report[:-2]))
    con.commit()
    con.close()


def test_a_version_1_store_is_migrated_and_keeps_its_reports(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    db, first, second = tmp_path / "old.db", tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(REPORT, encoding="utf-8")
    second.write_text(REPORT.replace("化债", "化解债务风险、化债"), encoding="utf-8")
    _store_at_version(db, 1, [first])
    old = sqlite3.connect(db)
    assert old.execute("PRAGMA user_version").fetchone()[0] == 1
    assert _index_config(old) == {}  # FTS5's defaults: 1 MiB, merge 4 at a time
    old.close()
    assert ingest(db, [second]).ingested == 1
    con = schema.connect(db)
    assert con.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    assert con.execute("SELECT count(*) FROM reports WHERE meta_sources IS NULL").fetchone()[0] == 1  # the old one
    assert _index_config(con) == {"hashsize": 8 << 20, "automerge": 16}
    con.close()
    with govreport.open(db) as corpus:
        assert sorted(corpus.search("化债")["doc"]) == [str(first), str(second)]
        # the old row keeps its raw text as text, the new one compressed: both read back whole
        ids = dict(corpus.execute("SELECT source, id FROM documents").fetchall())
        assert corpus.raw_text(ids[str(first)]) == first.read_text(encoding="utf-8")
        assert corpus.raw_text(ids[str(second)]) == second.read_text(encoding="utf-8")
    con = sqlite3.connect(db)
    kept = dict(con.execute("SELECT source, raw_zlib IS NULL AND raw_text != '' FROM documents").fetchall())
    assert kept == {str(first): 1, str(second): 0}
    con.close()
    from govreport.pipeline import default_pipeline

    con = schema.connect(db)
    assert len(list(write.reprocess(con, default_pipeline()))) == 2  # the old row re-run from its text
    con.close()


def test_a_failed_upgrade_leaves_the_store_at_its_version(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "old.db"
    with monkeypatch.context() as m:
        m.setattr(schema, "SCHEMA_VERSION", 1)
        schema.connect(db).close()
    broken = {**schema.MIGRATIONS, 2: "INSERT INTO documents_fts(documents_fts, rank) VALUES ('automerge', 9);"
                                     "\nINSERT INTO no_such_table VALUES (1);"}
    monkeypatch.setattr(schema, "MIGRATIONS", broken)
    upgrade = rf"old\.db: cannot upgrade the store from schema 1 to {schema.SCHEMA_VERSION}"
    with pytest.raises(schema.StoreError, match=upgrade):
        schema.connect(db)
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA user_version").fetchone()[0] == 1
    assert _index_config(con) == {}  # the step's first statement was rolled back with it
    con.close()
    monkeypatch.undo()
    schema.connect(db).close()  # and the real upgrade then goes through
    con = sqlite3.connect(db)
    assert _index_config(con) == {"hashsize": 8 << 20, "automerge": 16}
    con.close()


def _every_bigram(text: str) -> str:
    """The index tokens of schema 2: every bigram of each run of word characters (or the run itself)."""
    runs = re.findall(r"[0-9a-z\u3400-\u9fff\uf900-\ufaff]+", text.lower())
    return " ".join(t for run in runs for t in ([run] if len(run) == 1 else [a + b for a, b in pairwise(run)]))


def test_a_version_2_index_is_rebuilt_with_this_versions_tokens(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    db, src = tmp_path / "v2.db", tmp_path / "a.txt"
    src.write_text(REPORT, encoding="utf-8")
    _store_at_version(db, 2, [src])
    old = sqlite3.connect(db)  # the index as schema 2 wrote it
    (doc_id, text), = old.execute("SELECT id, clean_text FROM documents").fetchall()
    old.execute("INSERT INTO documents_fts(documents_fts, rowid, grams) VALUES ('delete', ?, CAST(? AS TEXT))",
                (doc_id, grams(text)))
    old.execute("INSERT INTO documents_fts(rowid, grams) VALUES (?, ?)", (doc_id, _every_bigram(text)))
    old.commit()
    with pytest.raises(schema.StoreError, match=f"needs upgrading to {schema.SCHEMA_VERSION}: run `govreport ingest"):
        govreport.open(db)  # a reader never migrates
    schema.connect(db).close()  # the writer does
    with govreport.open(db) as corpus:
        assert corpus.search("化债")["doc"].tolist() == [str(src)]
        assert corpus.search("总值增长")["doc"].tolist() == [str(src)]
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    assert _index_config(con) == {"hashsize": 8 << 20, "automerge": 16}
    assert con.execute("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH '化债'").fetchone()[0] == 0
    con.close()


def test_a_failed_python_step_is_rolled_back_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db, src = tmp_path / "v2.db", tmp_path / "a.txt"
    src.write_text(REPORT, encoding="utf-8")
    _store_at_version(db, 2, [src])

    def half_done(con: sqlite3.Connection) -> None:
        con.execute("INSERT INTO documents_fts(documents_fts) VALUES ('delete-all')")
        con.execute("SELECT no_such_column FROM documents")

    monkeypatch.setattr(schema, "MIGRATIONS", {**schema.MIGRATIONS, 3: half_done})
    with pytest.raises(schema.StoreError, match=rf"from schema 2 to {schema.SCHEMA_VERSION} \(no such column"):
        schema.connect(db)
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA user_version").fetchone()[0] == 2
    assert con.execute("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH '\"化 债\" *'").fetchone()[0] == 1
    con.close()


def test_many_processes_opening_one_new_store_at_once_all_succeed(tmp_path: Path) -> None:
    # SQLite refuses "PRAGMA journal_mode=WAL" at once, busy timeout or not, while another
    # connection holds a lock on the new file: 2 runs in 4 of this test (4 rounds) failed before.
    script = ("import sys, pathlib\n"
              "from govreport.store import rows, schema, write\n"
              "pathlib.Path(sys.argv[3]).touch()\n"
              "while not pathlib.Path(sys.argv[2]).exists(): pass\n"
              "schema.connect(sys.argv[1]).close()\n")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
    for round_ in range(6):
        db, go = tmp_path / f"new{round_}.db", tmp_path / f"go{round_}"
        ready = [tmp_path / f"ready{round_}.{i}" for i in range(6)]
        procs = [subprocess.Popen([sys.executable, "-c", script, str(db), str(go), str(r)], env=env,
                                  stderr=subprocess.PIPE, text=True) for r in ready]
        deadline = time.time() + 30
        while not all(r.exists() for r in ready) and time.time() < deadline:
            time.sleep(0.01)
        go.touch()  # all of them imported and spinning on it
        errors = [p.communicate(timeout=60)[1] for p in procs]
        assert [p.returncode for p in procs] == [0] * 6, errors
        con = schema.connect(db, create=False)
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert con.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
        con.close()


def test_processes_creating_and_filling_the_same_store_at_once_all_succeed(tmp_path: Path) -> None:
    db, go = tmp_path / "new.db", tmp_path / "go"
    script = ("import sys, time, pathlib\n"
              "from govreport.store import rows, schema, write\n"
              "from govreport.ingest import iter_inputs\n"
              "from govreport.pipeline import default_pipeline\n"
              "default_pipeline()\n"
              "pathlib.Path(sys.argv[4]).touch()\n"
              "while not pathlib.Path(sys.argv[2]).exists(): time.sleep(0.005)\n"
              "con = schema.connect(sys.argv[1])\n"
              "write.ingest(con, list(iter_inputs([sys.argv[3]])))\n")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
    ready = [tmp_path / f"ready{i}" for i in range(3)]
    procs = [subprocess.Popen([sys.executable, "-c", script, str(db), str(go), str(EXAMPLES), str(r)], env=env,
                              stderr=subprocess.PIPE, text=True) for r in ready]
    deadline = time.time() + 60  # each loads its language data, then all start at once
    while not all(r.exists() for r in ready) and time.time() < deadline and all(p.poll() is None for p in procs):
        time.sleep(0.05)
    go.touch()
    errors = [p.communicate(timeout=120)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], errors
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    n_files = len(list(iter_inputs([EXAMPLES])))
    assert con.execute("SELECT count(*), count(DISTINCT source) FROM documents").fetchone() == (n_files, n_files)
    con.close()


def _copies(tmp_path: Path, n: int) -> list[tuple[str, Path]]:
    """The examples n times over, as files of their own (one file is one document, however named)."""
    files = []
    for k in range(n):
        (tmp_path / f"c{k}").mkdir()
        for doc, path in iter_inputs([EXAMPLES]):
            copy = tmp_path / f"c{k}" / path.name
            copy.write_bytes(path.read_bytes())
            files.append((f"{k}/{doc}", copy))
    return files


def test_a_store_in_memory_is_written_here_whatever_the_jobs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # worker processes write through connections of their own; a store in memory has no file to open
    import govreport.run as run

    def no_workers(workers: int) -> None:
        raise AssertionError(f"{workers} worker processes started for a store they cannot write")

    monkeypatch.setattr(run, "_pool", no_workers)
    con = sqlite3.connect(":memory:")
    schema.migrate(con)
    files = _copies(tmp_path, 2)
    summary = write.ingest(con, files, jobs=2, batch=2)
    assert (summary.ingested, summary.failed) == (len(files), 0)
    assert con.execute("SELECT count(*) FROM reports").fetchone()[0] == len(files)


def test_ingesting_in_worker_processes_stores_what_ingesting_here_stores(tmp_path: Path) -> None:
    files = _copies(tmp_path, 3)
    tables = "documents", "reports", "sections", "facts", "figures", "edits"

    def contents(con: sqlite3.Connection) -> dict[str, list[str]]:
        return {t: sorted(map(repr, _rows_by_source(con, t))) for t in tables}

    here = sqlite3.connect(":memory:")
    schema.migrate(here)
    write.ingest(here, files, batch=1)
    there = schema.connect(tmp_path / "g.db")
    summary = write.ingest(there, files, jobs=2, batch=1)
    assert summary.ingested == len(files)
    assert contents(here) == contents(there)
    assert there.execute("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH '\"就业\"'").fetchone()[0] > 0


def _rows_by_source(con: sqlite3.Connection, table: str) -> list[tuple[object, ...]]:
    """A table's rows with ids and times left out and the report id replaced by the source of its
    document: ids follow the order batches were committed in, which differs between runs."""
    key = "id" if table == "documents" else "report_id"
    cols = [r[1] for r in con.execute(f"PRAGMA table_info({table})") if r[1] not in (key, "id", "ingested_at")]
    rest = ", ".join(f't."{c}"' for c in cols)
    return con.execute(f"SELECT d.source, {rest} FROM {table} t JOIN documents d ON d.id = t.{key}").fetchall()


def test_a_writer_waits_for_another_ones_transaction_and_starts_when_it_ends(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    db = tmp_path / "g.db"
    second = schema.connect(db)
    first = sqlite3.connect(db, check_same_thread=False)  # committed from a timer thread
    first.execute("BEGIN IMMEDIATE")
    monkeypatch.setattr(schema, "BUSY_TIMEOUT", 0.05)
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        schema.begin_immediate(second)  # given up after BUSY_TIMEOUT
    monkeypatch.setattr(schema, "BUSY_TIMEOUT", 30.0)
    threading.Timer(0.2, first.commit).start()
    schema.begin_immediate(second)  # waits for the commit
    assert second.in_transaction
    second.rollback()
    assert second.execute("PRAGMA busy_timeout").fetchone()[0] == 30000  # SQLite's own wait is back for others
    first.close()
    second.close()


def test_the_largest_files_are_stored_first(tmp_path: Path) -> None:
    # so the processes sharing an ingest finish close together, each with small files last
    for name, copies in (("small.txt", 1), ("large.txt", 3), ("middle.txt", 2)):
        (tmp_path / name).write_text(REPORT * copies, encoding="utf-8")
    db = tmp_path / "g.db"
    ingest(db, [tmp_path / "small.txt", tmp_path / "middle.txt", tmp_path / "large.txt"])
    con = sqlite3.connect(db)
    stored = [Path(s).name for s, in con.execute("SELECT source FROM documents ORDER BY id")]
    assert stored == ["large.txt", "middle.txt", "small.txt"]


def test_one_file_reached_by_three_spellings_of_its_path_is_one_document(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    src = tmp_path / "reports" / "a.txt"
    src.parent.mkdir()
    src.write_text(REPORT, encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(src)
    monkeypatch.chdir(tmp_path)
    db = tmp_path / "g.db"
    assert ingest(db, [src]).ingested == 1  # absolute
    assert ingest(db, [Path("reports/a.txt")]).unchanged == 1  # relative
    assert ingest(db, [Path("link.txt")]).unchanged == 1  # through a link
    both = ingest(db, [Path("reports/../reports/a.txt"), src])
    assert (both.ingested, both.unchanged) == (0, 2)
    with govreport.open(db) as corpus:
        assert len(corpus.reports()) == 1
        assert len(corpus.search("化债")) == 1
    src.write_text(REPORT + "新增内容。\n", encoding="utf-8")  # changed: a new version of the same document
    assert ingest(db, [Path("link.txt")]).new_versions == 1
    with govreport.open(db) as corpus:
        assert len(corpus.reports()) == 1 and len(corpus.reports(current_only=False)) == 2


def test_a_reader_never_writes_and_refuses_a_damaged_store(tmp_path: Path) -> None:
    db, src = tmp_path / "g.db", tmp_path / "a.txt"
    src.write_text(REPORT, encoding="utf-8")
    assert ingest(db, [src]).ingested == 1
    with govreport.open(db) as corpus:
        with pytest.raises(sqlite3.OperationalError, match=r"readonly|read-only|query_only"):
            corpus.con.execute("DELETE FROM facts")
        assert len(corpus.facts()) > 0
    data = bytearray(db.read_bytes())
    page = schema.PAGE_SIZE
    for k in range(1, len(data) // page):
        data[k * page:k * page + 16] = b"\xff" * 16  # every page's header after the first broken
    db.write_bytes(bytes(data))
    for leftover in (tmp_path / "g.db-wal", tmp_path / "g.db-shm"):
        leftover.unlink(missing_ok=True)
    with pytest.raises(schema.StoreError, match=r"g\.db: (the store is damaged|not a govreport store)"), \
            govreport.open(db) as corpus:
        corpus.search("化债")


def test_a_store_that_cannot_be_read_or_written_is_one_line(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from govreport.cli import cli

    bad = tmp_path / "notes.db"
    bad.write_bytes(b"not a database at all" * 100)
    res = CliRunner().invoke(cli, ["search", "化债", "--db", str(bad)])
    assert res.exit_code != 0 and "notes.db" in res.output and "Traceback" not in res.output


def test_base_values_are_the_figures_as_written_multiplied_out() -> None:
    assert rows.base_value(1228.6, None, "亿元") == (122860000000.0, None, "元")
    assert rows.base_value(4.5, 5.5, "万人") == (45000.0, 55000.0, "人")
    assert rows.base_value(5.2, None, "%") == (5.2, None, "%")


def test_every_record_field_has_its_column_and_a_stored_report_reads_back_as_made(tmp_path: Path) -> None:
    # the store and the JSON Lines export were two mappings and had drifted: a stored section lost
    # its heading_end; both now read the one mapping of store.rows
    from govreport.export import report_records
    from govreport.pipeline import default_pipeline
    from govreport.store.read import Reader

    con = schema.connect(tmp_path / "g.db")
    for table in rows.TABLES:
        stored = {r[1] for r in con.execute(f"PRAGMA table_info({table.name})")}
        assert set(table.columns) <= stored, (table.name, set(table.columns) - stored)
    files = list(iter_inputs([EXAMPLES]))
    write.ingest(con, files)
    con.close()
    with Reader(tmp_path / "g.db") as reader:
        for doc, path in files:
            raw = read_document(path, doc)
            assert isinstance(raw, RawDocument)
            report = default_pipeline()(raw)
            (report_id,) = reader.execute("SELECT report_id FROM reports WHERE doc = ?", (doc,)).fetchone()
            assert reader.sections_of(report_id) == report.sections
            assert any(s.heading_end > s.start for s in report.sections)
            exported = report_records(report)["sections"]
            assert [{k: v for k, v in r.items() if k != "doc"} for r in exported] == [
                rows.SECTIONS.record_dict(s) for s in reader.sections_of(report_id)]


def test_a_reprocess_reruns_exactly_the_reports_an_older_pipeline_made(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    # the stored version was 0.1.0 for every grammar: a changed data file made nothing stale
    import shutil

    from govreport import lexicon
    from govreport.pipeline import Pipeline, default_pipeline, pipeline_version

    con = schema.connect(tmp_path / "g.db")
    files = list(iter_inputs([EXAMPLES]))
    write.ingest(con, files[:2])
    old = default_pipeline()
    assert write.to_reprocess(con, old, only_stale=True) == 0
    data = tmp_path / "data"
    shutil.copytree(lexicon.data_path(""), data)
    (data / "boilerplate.toml").write_text((data / "boilerplate.toml").read_text(encoding="utf-8")
                                           + "\n# one more comment is a new version\n", encoding="utf-8")
    monkeypatch.setattr(lexicon, "data_path", lambda name: data / name)
    lexicon.data_fingerprint.cache_clear()
    try:
        new = Pipeline(version=pipeline_version())
        assert new.version != old.version and new.version.startswith(govreport.__version__ + "+")
        (doc, path), = files[2:3]
        write.write_batch(con, [new(read_document(path, doc))])  # type: ignore[arg-type]
        assert write.to_reprocess(con, new, only_stale=True) == 2  # the two the old pipeline made
        assert len(list(write.reprocess(con, new, only_stale=True))) == 2
        assert write.to_reprocess(con, new, only_stale=True) == 0
        versions = {v for (v,) in con.execute("SELECT pipeline_version FROM documents")}
        assert versions == {new.version}
    finally:
        lexicon.data_fingerprint.cache_clear()
        con.close()
    aliases = tmp_path / "more.toml"
    aliases.write_text('[[indicator]]\nid = "tea_output"\naliases = ["茶叶产量"]\nunits = "吨"\n', encoding="utf-8")
    assert pipeline_version((str(aliases),)) != pipeline_version()  # a user's alias file is part of it
