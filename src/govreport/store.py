"""The embedded store: one SQLite file holding documents, reports, sections, facts, figures,
cleaning edits, errors and a Chinese full-text index. Any SQLite tool can open it.

Writing is idempotent (the same bytes from the same source add nothing), versioned (a changed
file becomes a new version; the old one stays queryable with is_current = 0), and safe (WAL,
one transaction per batch, so a killed process leaves the last committed batch and nothing half).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
import urllib.parse
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from functools import partial
from importlib import resources
from itertools import chain, count, islice, repeat, takewhile
from pathlib import Path
from typing import Any, NamedTuple

from govreport import __version__
from govreport.fetch import FetchOptions, fetch_all
from govreport.ingest import file_identity
from govreport.model import GivenMeta, IngestError, RawDocument, Report
from govreport.numbers import MULTIPLIERS
from govreport.pipeline import Pipeline
from govreport.textindex import grams

SCHEMA_VERSION = 5
# 16 KiB pages: each report stores two texts of ~60 KB; bigger pages mean fewer overflow pages
# (storing the corpus took 15% less time than with the default 4 KiB)
PAGE_SIZE = 16384
BUSY_TIMEOUT = 30.0  # seconds a writer waits for another process's lock
# reports per transaction when ingesting: larger batches cost less to write, but processes wait
# longer for each other's and the last ones finish alone (bench/ingest.py over the corpus, time
# over extract-only: +48% at 10, +27% at 20, +37% at 40)
BATCH = 20
PIPELINE_VERSION = __version__


def _index_text(con: sqlite3.Connection, doc_id: int, tokens: bytes) -> None:
    """Add a document's tokens (textindex.grams, UTF-8) to the full-text index."""
    con.execute("INSERT INTO documents_fts(rowid, grams) VALUES (?,CAST(? AS TEXT))", (doc_id, tokens))


def _reindex_text(con: sqlite3.Connection) -> None:
    """Rebuild the full-text index from every stored clean text, with the tokens of this version."""
    con.execute("INSERT INTO documents_fts(documents_fts) VALUES ('delete-all')")  # keeps the index's settings
    for doc_id, text in con.execute("SELECT id, clean_text FROM documents").fetchall():
        _index_text(con, doc_id, grams(text))


# a step is a SQL script, or a function given the connection; each runs in one transaction
MIGRATIONS: dict[int, str | Callable[[sqlite3.Connection], None]] = {
    1: """
    CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        source TEXT NOT NULL,            -- the path as ingested (doc)
        sha256 TEXT NOT NULL,            -- of the raw bytes
        format TEXT NOT NULL,            -- txt | html
        encoding TEXT,
        raw_text TEXT NOT NULL,
        clean_text TEXT NOT NULL,
        ingested_at TEXT NOT NULL,       -- ISO 8601, UTC
        version INTEGER NOT NULL,        -- 1, 2, … per source
        is_current INTEGER NOT NULL,     -- 1 for the newest version of a source
        pipeline_version TEXT NOT NULL,
        UNIQUE (source, sha256)
    );
    CREATE INDEX documents_source ON documents(source, is_current);
    CREATE TABLE reports (
        report_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        doc TEXT NOT NULL,
        region TEXT, level TEXT, adcode TEXT, province TEXT, report_year INTEGER,
        meeting_date TEXT, congress TEXT, speaker TEXT, speaker_title TEXT,
        ambiguous INTEGER NOT NULL DEFAULT 0,
        candidates TEXT                  -- JSON list when the region name fits several places
    );
    CREATE INDEX reports_year ON reports(report_year, level);
    CREATE TABLE sections (
        report_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL, parent INTEGER, depth INTEGER NOT NULL, marker TEXT, title TEXT,
        kind TEXT NOT NULL, year INTEGER, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        PRIMARY KEY (report_id, idx)
    );
    CREATE TABLE facts (
        id INTEGER PRIMARY KEY,
        report_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        indicator TEXT NOT NULL, measure TEXT NOT NULL, kind TEXT NOT NULL, period INTEGER,
        value REAL, value_max REAL, unit TEXT, qualifier TEXT, scope TEXT,
        value_base REAL, value_max_base REAL, unit_base TEXT,   -- value in the unit without 万/亿
        quote TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, section INTEGER
    );
    CREATE INDEX facts_lookup ON facts(indicator, kind, period);
    CREATE INDEX facts_report ON facts(report_id);
    CREATE TABLE figures (
        id INTEGER PRIMARY KEY,
        report_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        subject TEXT, value REAL, value_max REAL, unit TEXT, qualifier TEXT,
        quote TEXT, start INTEGER, "end" INTEGER, section INTEGER
    );
    CREATE INDEX figures_report ON figures(report_id);
    CREATE TABLE edits (
        report_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        kind TEXT, raw_start INTEGER, raw_end INTEGER, raw TEXT, replacement TEXT
    );
    CREATE INDEX edits_report ON edits(report_id);
    CREATE TABLE errors (
        id INTEGER PRIMARY KEY, source TEXT NOT NULL, reason TEXT NOT NULL, at TEXT NOT NULL,
        UNIQUE (source, reason)
    );
    -- full-text index of clean_text (textindex.grams: space-separated tokens, so the plain ascii
    -- tokenizer splits them), rowid = documents.id; contentless: the tokens are recomputed from
    -- clean_text when a row must be deleted
    CREATE VIRTUAL TABLE documents_fts USING fts5(grams, content='', tokenize='ascii');
    """,
    # writing the full-text index: FTS5 keeps new tokens in memory and flushes them as a segment,
    # merging segments as they pile up. A batch of 20 reports was ~400,000 bigrams: with the 1 MiB
    # default it was flushed as several segments, each soon merged again; 8 MiB flushes a batch as
    # one. Merging 16 segments at a time instead of 4 rewrites each token half as often (log16 vs
    # log4 levels) for a few more segments read per query term.
    2: f"""
    INSERT INTO documents_fts(documents_fts, rank) VALUES ('hashsize', {8 << 20});
    INSERT INTO documents_fts(documents_fts, rank) VALUES ('automerge', 16);
    """,
    # the index holds single characters and the commonest bigrams instead of every bigram
    # (textindex): a third of the cost to write, as selective to query
    3: _reindex_text,
    # where each metadata field came from (text, file name, user), and what the user gave (--meta,
    # --region, --year), which a reprocess applies again
    4: """
    ALTER TABLE reports ADD COLUMN meta_sources TEXT;
    ALTER TABLE reports ADD COLUMN given TEXT;
    """,
    # a document is its resolved path (or URL) and its bytes: the same file reached by another
    # spelling of its path is not stored again (stores made before keep their source as identity)
    5: """
    ALTER TABLE documents ADD COLUMN identity TEXT;
    UPDATE documents SET identity = source;
    CREATE INDEX documents_identity ON documents(identity, is_current);
    """,
}


class StoreError(Exception):
    """A store that cannot be opened or used; the message names the file and the reason."""


@dataclass(frozen=True)
class IngestSummary:
    ingested: int = 0
    unchanged: int = 0
    failed: int = 0
    new_versions: int = 0
    errors: tuple[IngestError, ...] = ()
    remade: int = 0  # stored documents made again with other metadata the user gave
    without_year: int = 0  # reports stored without a report year (their numbers are figures only)
    with_replaced: int = 0  # reports stored with undecodable bytes replaced


def connect(path: str | Path, *, create: bool = True) -> sqlite3.Connection:
    """Open (and migrate) a store; a missing store is created only when create is true."""
    p = Path(path)
    if not create and not p.exists():
        raise StoreError(f"{p}: no such store (run `govreport ingest` first)")
    new = not p.exists() or p.stat().st_size == 0
    try:
        con = sqlite3.connect(p, timeout=BUSY_TIMEOUT)
        if new:
            con.execute(f"PRAGMA page_size={PAGE_SIZE}")  # settable only before the first table
        _enter_wal(con)
        con.execute("PRAGMA foreign_keys=ON")
        con.execute("PRAGMA synchronous=NORMAL")
    except sqlite3.DatabaseError as e:
        if "readonly" in str(e) or "read-only" in str(e) or "unable to open" in str(e):
            raise StoreError(f"{p}: cannot write the store here ({e}): ingest needs a writable file and folder; "
                             "reading commands open it read-only") from None
        raise StoreError(f"{p}: not a govreport store ({e})") from None
    try:
        migrate(con)
    except StoreError as e:
        con.close()
        raise StoreError(f"{p}: {e}") from None
    return con


# below this size a store opened for reading is checked page by page first (quick_check reads
# every page once: ~0.1 s a 100 MB): a damaged page must be an error, not a silent empty answer
QUICK_CHECK_MAX = 256 << 20


def open_read_only(path: str | Path) -> sqlite3.Connection:
    """A connection that reads the store and never writes or migrates it: it opens on read-only
    media and files (where SQLite cannot make the WAL's shared-memory file, the store is read as
    immutable), says when the store needs upgrading first, and refuses a damaged one."""
    p = Path(path)
    if not p.exists():
        raise StoreError(f"{p}: no such store (run `govreport ingest` first)")
    uri = f"file:{urllib.parse.quote(str(p.resolve()))}?mode=ro"
    last: Exception | None = None
    for suffix in ("", "&immutable=1"):
        try:
            con = sqlite3.connect(uri + suffix, uri=True, timeout=BUSY_TIMEOUT)
            con.execute("PRAGMA query_only=ON")
            version, tables = con.execute("SELECT (SELECT user_version FROM pragma_user_version), "
                                          "(SELECT count(*) FROM sqlite_master WHERE type='table')").fetchone()
            break
        except sqlite3.DatabaseError as e:
            last = e
    else:
        raise StoreError(f"{p}: not a govreport store, or it cannot be read ({last})")
    try:
        if version == 0:
            raise StoreError(f"{p}: not a govreport store ({'a SQLite file with other tables' if tables else 'empty'})")
        if version > SCHEMA_VERSION:
            raise StoreError(f"{p}: store schema {version} is newer than this govreport ({SCHEMA_VERSION})")
        if version < SCHEMA_VERSION:
            raise StoreError(f"{p}: the store is at schema {version} and needs upgrading to {SCHEMA_VERSION}: "
                             f"run `govreport ingest --db {p}` once where it can be written")
        if p.stat().st_size <= QUICK_CHECK_MAX:
            found = con.execute("PRAGMA quick_check").fetchone()[0]
            if found != "ok":
                raise StoreError(f"{p}: the store is damaged ({found})")
    except sqlite3.DatabaseError as e:
        con.close()
        raise StoreError(f"{p}: the store is damaged ({e})") from None
    except StoreError:
        con.close()
        raise
    return con


def _enter_wal(con: sqlite3.Connection) -> None:
    """Switch to WAL, waiting for other processes. SQLite answers this pragma with "database is
    locked" at once, without calling the busy handler, while another connection holds a lock on a
    store still in rollback mode (processes creating the same new store together)."""
    _execute_when_unlocked(con, "PRAGMA journal_mode=WAL", pause=0.002, longest=0.1)


def _execute_when_unlocked(con: sqlite3.Connection, statement: str, pause: float, longest: float) -> None:
    """Run statement, trying again while SQLite answers "database is locked", for up to
    BUSY_TIMEOUT: after pause seconds, doubling up to longest."""
    deadline = time.monotonic() + BUSY_TIMEOUT
    while True:
        try:
            con.execute(statement)
            return
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) or time.monotonic() > deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, longest)


def migrate(con: sqlite3.Connection) -> int:
    # One statement, so one snapshot: read apart, another process creating the same store could
    # commit its tables between the two reads and this one would take them for foreign ones.
    current, tables = con.execute("SELECT (SELECT user_version FROM pragma_user_version), "
                                  "(SELECT count(*) FROM sqlite_master WHERE type='table')").fetchone()
    if current > SCHEMA_VERSION:
        raise StoreError(f"store schema {current} is newer than this govreport ({SCHEMA_VERSION})")
    if current == 0 and tables:
        raise StoreError("not a govreport store (a SQLite file with other tables)")
    for version in range(current + 1, SCHEMA_VERSION + 1):
        try:
            _run_step(con, version, MIGRATIONS[version])
        except sqlite3.Error as e:
            if con.in_transaction:
                con.rollback()
            # e.g. an older store opened where it cannot be written (a read-only file or disk)
            raise StoreError(f"cannot upgrade the store from schema {version - 1} to {SCHEMA_VERSION} ({e}); "
                             "it needs to be opened once where it can be written") from None
    return SCHEMA_VERSION


def _run_step(con: sqlite3.Connection, version: int, step: str | Callable[[sqlite3.Connection], None]) -> None:
    """One transaction a step, the version stamp in it: a step that fails or is killed leaves the
    store at the version before it. The write lock is taken first and the version read again under
    it: another process creating or upgrading the same store may have done the step meanwhile."""
    _begin_immediate(con)
    if con.execute("PRAGMA user_version").fetchone()[0] >= version:
        con.rollback()
        return
    if isinstance(step, str):
        for statement in _statements(step):  # not executescript: it commits before it starts
            con.execute(statement)
    else:
        step(con)
    con.execute(f"PRAGMA user_version={version}")
    con.commit()


def _statements(script: str) -> Iterator[str]:
    """The statements of a SQL script, one by one (sqlite3.complete_statement decides where they end)."""
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            yield pending
            pending = ""
    if pending.strip():
        yield pending


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


# --- writing -----------------------------------------------------------------------------------

def datasette_metadata(db: str | Path) -> dict[str, Any]:
    """The bundled Datasette metadata, keyed to this store's database name (its file stem)."""
    meta: dict[str, Any] = json.loads(resources.files("govreport").joinpath("data/datasette.json")
                                      .read_text(encoding="utf-8"))
    meta["databases"] = {Path(db).stem: meta["databases"]["govreport"]}
    return meta


def known(con: sqlite3.Connection, identity: str, sha256: str) -> bool:
    """Whether the document (its resolved path or URL) is stored with these bytes."""
    row = con.execute("SELECT 1 FROM documents WHERE identity=? AND sha256=?", (identity, sha256)).fetchone()
    return row is not None


def stored_source(con: sqlite3.Connection, identity: str) -> bool:
    return con.execute("SELECT 1 FROM documents WHERE identity=? LIMIT 1", (identity,)).fetchone() is not None


class ReportRows(NamedTuple):
    """What storing a report writes, as plain tuples (without the report id, known only on insertion)."""

    document: tuple[Any, ...]  # source, sha256, format, encoding, raw_text, clean_text (UTF-8 bytes), identity
    report: tuple[Any, ...]  # the reports row after report_id
    sections: list[tuple[Any, ...]]
    facts: list[tuple[Any, ...]]
    figures: list[tuple[Any, ...]]
    edits: list[tuple[Any, ...]]
    grams: bytes  # the full-text index tokens of clean_text (textindex.grams)

    @property
    def doc(self) -> str:
        return str(self.document[0])

    @property
    def sha256(self) -> str:
        return str(self.document[1])

    @property
    def identity(self) -> str:
        return str(self.document[6])


def given_json(given: GivenMeta | None) -> str | None:
    if given is None or not given.values:
        return None
    return json.dumps({"values": given.as_dict(), "fill_only": given.fill_only}, ensure_ascii=False, sort_keys=True)


def given_of(stored: str | None) -> GivenMeta | None:
    if not stored:
        return None
    data = json.loads(stored)
    return GivenMeta(tuple(data["values"].items()), bool(data.get("fill_only")))


def rows_of(report: Report) -> ReportRows:
    raw, m = report.raw, report.meta
    return ReportRows(
        # the long texts as UTF-8 bytes, the bytes SQLite stores (CAST(? AS TEXT) makes them text again)
        (raw.doc, raw.sha256, raw.format, raw.encoding, raw.text.encode(), report.text.encode(),
         raw.identity or raw.doc),
        (report.doc, m.region, m.level, m.adcode, m.province, m.report_year, m.meeting_date, m.congress, m.speaker,
         m.speaker_title, int(m.ambiguous),
         json.dumps([asdict(c) for c in m.candidates], ensure_ascii=False) if m.candidates else None,
         json.dumps(dict(m.sources), ensure_ascii=False) if m.sources else None, given_json(report.given)),
        [(s.index, s.parent, s.depth, s.marker, s.title, s.kind, s.year, s.start, s.end) for s in report.sections],
        [(f.indicator, f.measure, f.kind, f.period, f.value, f.value_max, f.unit, f.qualifier, f.scope,
          *base_value(f.value, f.value_max, f.unit), f.quote, f.start, f.end, f.section) for f in report.facts],
        [(g.subject, g.value, g.value_max, g.unit, g.qualifier, g.quote, g.start, g.end, g.section)
         for g in report.figures],
        [(e.kind, e.raw_start, e.raw_end, e.raw, e.replacement) for e in report.edits],
        grams(report.text),
    )


@contextmanager
def _writing(con: sqlite3.Connection) -> Iterator[None]:
    """One write transaction, the write lock taken first: BEGIN IMMEDIATE waits for another process's
    transaction to end (a deferred one that had read before the other wrote would fail instead), so
    what the transaction reads is current."""
    _begin_immediate(con)
    with con:
        yield


def _begin_immediate(con: sqlite3.Connection) -> None:
    """BEGIN IMMEDIATE, waiting up to BUSY_TIMEOUT for another connection's write transaction to
    end, and starting within a millisecond of its end. SQLite's own busy handler sleeps 1, 2, 5, 10,
    15, 20, 25 … ms between tries: processes storing batches of reports in turn (a batch takes
    ~50 ms to write) each waited up to ~20 ms past the other's commit, a tenth of an ingest's time."""
    con.execute("PRAGMA busy_timeout=0")
    try:
        _execute_when_unlocked(con, "BEGIN IMMEDIATE", pause=0.001, longest=0.001)
    finally:
        con.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT * 1000)}")


def write_batch(con: sqlite3.Connection, outcomes: Iterable[Report | IngestError]) -> IngestSummary:
    """Store a batch of pipeline outcomes in one transaction."""
    # the rows (and the index tokens, ~0.4 ms a report) are made before the write lock is taken:
    # processes ingesting together hold it in turn, and for 80% of the time when it was made in it
    outcomes = list(outcomes)
    prepared = [o if isinstance(o, IngestError) else rows_of(o) for o in outcomes]
    replaced = [not isinstance(o, IngestError) and o.raw.replaced > 0 for o in outcomes]
    ingested = unchanged = failed = versions = no_year = with_replaced = 0
    errors: list[IngestError] = []
    with _writing(con):  # "is it stored already" is read under the lock: another ingest may have stored it
        for rows, had_replaced in zip(prepared, replaced, strict=True):
            if isinstance(rows, IngestError):
                errors.append(rows)
                con.execute("INSERT INTO errors(source, reason, at) VALUES (?,?,?)"
                            " ON CONFLICT(source, reason) DO UPDATE SET at = excluded.at",
                            (rows.doc, rows.reason, now()))
                failed += 1
                continue
            if known(con, rows.identity, rows.sha256):
                unchanged += 1
                continue
            versions += _insert_document(con, rows)
            ingested += 1
            no_year += rows.report[5] is None
            with_replaced += had_replaced
    return IngestSummary(ingested, unchanged, failed, versions, tuple(errors), without_year=no_year,
                         with_replaced=with_replaced)


def _insert_document(con: sqlite3.Connection, rows: ReportRows) -> int:
    """Insert a report as the current version of its source; 1 when it supersedes an older one."""
    prev = con.execute("SELECT max(version) FROM documents WHERE identity=?", (rows.identity,)).fetchone()[0]
    if prev:
        con.execute("UPDATE documents SET is_current=0 WHERE identity=?", (rows.identity,))
    cur = con.execute(
        "INSERT INTO documents(source, sha256, format, encoding, raw_text, clean_text, identity, ingested_at,"
        " version, is_current, pipeline_version) VALUES (?,?,?,?,CAST(? AS TEXT),CAST(? AS TEXT),?,?,?,1,?)",
        (*rows.document, now(), (prev or 0) + 1, PIPELINE_VERSION))
    report_id = int(cur.lastrowid or 0)
    _index_text(con, report_id, rows.grams)
    _insert_derived(con, report_id, rows)
    return 1 if prev else 0


def _insert_derived(con: sqlite3.Connection, report_id: int, rows: ReportRows) -> None:
    con.execute("INSERT INTO reports(report_id, doc, region, level, adcode, province, report_year, meeting_date,"
                " congress, speaker, speaker_title, ambiguous, candidates, meta_sources, given)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", (report_id, *rows.report))
    con.executemany("INSERT INTO sections VALUES (?,?,?,?,?,?,?,?,?,?)", [(report_id, *r) for r in rows.sections])
    con.executemany(
        "INSERT INTO facts(report_id, indicator, measure, kind, period, value, value_max, unit, qualifier, scope,"
        " value_base, value_max_base, unit_base, quote, start, \"end\", section)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", [(report_id, *r) for r in rows.facts])
    con.executemany(
        "INSERT INTO figures(report_id, subject, value, value_max, unit, qualifier, quote, start, \"end\", section)"
        " VALUES (?,?,?,?,?,?,?,?,?,?)", [(report_id, *r) for r in rows.figures])
    con.executemany("INSERT INTO edits VALUES (?,?,?,?,?,?)", [(report_id, *r) for r in rows.edits])


def _delete_derived(con: sqlite3.Connection, report_id: int) -> None:
    for table in ("edits", "figures", "facts", "sections", "reports"):
        con.execute(f"DELETE FROM {table} WHERE report_id=?", (report_id,))


def base_value(value: float | None, value_max: float | None, unit: str | None,
               ) -> tuple[float | None, float | None, str | None]:
    """250.2, 亿元 -> 2.502e10, 元 (万, 亿, 万亿, 千 … multiplied out); % and others unchanged."""
    if value is None or not unit:
        return value, value_max, unit
    for prefix, factor in MULTIPLIERS:
        if unit.startswith(prefix) and len(unit) > len(prefix):
            return value * factor, None if value_max is None else value_max * factor, unit[len(prefix):]
    return value, value_max, unit


def reprocess(con: sqlite3.Connection, pipeline: Pipeline, *, only_stale: bool = False,
              batch: int = BATCH) -> Iterator[int]:
    """Re-run the pipeline over stored raw text (no original files needed). Yields report ids done."""
    query = ("SELECT d.id, d.source, d.format, d.encoding, d.sha256, d.raw_text, d.clean_text, r.given, d.identity"
             " FROM documents d LEFT JOIN reports r ON r.report_id = d.id")
    if only_stale:
        query += " WHERE d.pipeline_version != ?"
        rows = con.execute(query, (PIPELINE_VERSION,)).fetchall()
    else:
        rows = con.execute(query).fetchall()
    for i in range(0, len(rows), batch):
        with _writing(con):
            for doc_id, source, fmt, enc, sha, raw_text, old_clean, given, identity in rows[i:i + batch]:
                raw = RawDocument(source, raw_text, fmt, enc, sha, identity=identity)
                _redo(con, doc_id, raw, old_clean, pipeline, given_of(given))
                yield doc_id


def _redo(con: sqlite3.Connection, doc_id: int, raw: RawDocument, old_clean: str, pipeline: Pipeline,
          given: GivenMeta | None) -> None:
    """Re-run the pipeline over a stored document and replace what was made of it (in a transaction)."""
    report = pipeline(raw, given)
    new = rows_of(report)
    _delete_derived(con, doc_id)
    con.execute("INSERT INTO documents_fts(documents_fts, rowid, grams)"
                " VALUES ('delete', ?, CAST(? AS TEXT))", (doc_id, grams(old_clean)))
    _index_text(con, doc_id, new.grams)  # rows_of made them
    con.execute("UPDATE documents SET clean_text=?, pipeline_version=? WHERE id=?",
                (report.text, PIPELINE_VERSION, doc_id))
    _insert_derived(con, doc_id, new)


def _given_again(con: sqlite3.Connection, documents: list[tuple[str, GivenMeta | None]], pipeline: Pipeline) -> int:
    """Stored documents (by identity) given other metadata than they were stored with: made again
    in place (their bytes are the same: no new version). The number made again."""
    done = 0
    for identity, given in documents:
        with _writing(con):
            row = con.execute("SELECT id, source, format, encoding, sha256, raw_text, clean_text, identity"
                              " FROM documents WHERE identity=? AND is_current=1", (identity,)).fetchone()
            if row is None:
                continue
            doc_id, source, fmt, enc, sha, raw_text, old_clean, identity = row
            _redo(con, doc_id, RawDocument(source, raw_text, fmt, enc, sha, identity=identity), old_clean,
                  pipeline, given)
            done += 1
    return done



def ingest(con: sqlite3.Connection, files: list[tuple[str, Path]], jobs: int = 1, aliases: tuple[str, ...] = (),
           batch: int = BATCH, on_progress: Callable[[int], None] | None = None,
           given: Callable[[Path], GivenMeta | None] | None = None) -> IngestSummary:
    """Run the pipeline over files not yet stored with these bytes and store the outcomes in batches.

    The work runs in `jobs` worker processes and in this one, each storing the batches it extracted
    (the write lock taken in turn). Files go largest first, so the processes finish close together
    (the small ones last): reports are numbered in the order they were stored, not as given.
    given(path): the metadata the user gave for a file; a stored file given other metadata than
    it was stored with is made again in place."""
    from govreport.run import pipeline_for, run_groups

    todo: list[tuple[str, Path, GivenMeta | None]] = []
    again: list[tuple[str, GivenMeta | None]] = []
    unchanged = 0
    for doc, path in files:
        meta = given(path) if given else None
        identity = file_identity(path)
        if not stored_source(con, identity):
            todo.append((doc, path, meta))  # a new source has no stored bytes to compare: no need to hash it here
            continue
        try:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            todo.append((doc, path, meta))  # the pipeline reports why it cannot be read
            continue
        if not known(con, identity, digest):
            todo.append((doc, path, meta))
        elif _stored_given(con, identity) != given_json(meta):
            again.append((identity, meta))
        else:
            unchanged += 1
    remade = _given_again(con, again, pipeline_for(aliases)) if again else 0
    if on_progress and unchanged + remade:
        on_progress(unchanged + remade)
    total = IngestSummary(unchanged=unchanged, remade=remade)
    todo.sort(key=lambda item: -_size(item[1]))  # stable: files of one size keep their order
    groups, k = [], 0
    for size in batch_plan(len(todo), batch):
        groups.append(todo[k:k + size])
        k += size
    path = con.execute("SELECT file FROM pragma_database_list WHERE name='main'").fetchone()[0]
    # each process that runs the pipeline stores what it made through a connection of its own, so
    # reports (~0.3 MB each) do not travel between processes; a store without a file (in memory)
    # can only be written through con, here
    write = partial(write_to, path) if path else partial(write_batch, con)
    for summary in run_groups(groups, write, jobs if path else 0, aliases):
        total = combine(total, summary)
        if on_progress:
            on_progress(summary.ingested + summary.unchanged + summary.failed)
    return total


def store_files(db: str | Path) -> list[Path]:
    """The files a store at db is made of (the database, its WAL and shared-memory files)."""
    p = Path(db)
    return [p, p.with_name(p.name + "-wal"), p.with_name(p.name + "-shm"), p.with_name(p.name + "-journal")]


def _stored_given(con: sqlite3.Connection, doc: str) -> str | None:
    row = con.execute("SELECT r.given FROM reports r JOIN documents d ON d.id = r.report_id"
                      " WHERE d.identity=? AND d.is_current=1", (doc,)).fetchone()
    return row[0] if row else None


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def write_to(path: str, outcomes: list[Report | IngestError]) -> IngestSummary:
    """Store a batch of outcomes in the store at path, through a connection of this process's own."""
    con = connect(path)
    try:
        return write_batch(con, outcomes)
    finally:
        con.close()


def batch_plan(n: int, batch: int) -> list[int]:
    """Transaction sizes for n reports: 4, 8, 16, … up to batch, then batch, and down again at the
    end. A process writes a batch once it has extracted all of it, so small first batches make the
    first writes (and progress) come early, and small last ones let the processes finish close
    together instead of one writing its last batch while the others are done."""
    ramp = list(takewhile(lambda size: size < batch, (4 << k for k in count())))
    middle = n - 2 * sum(ramp)
    if middle >= 0:
        full, rest = divmod(middle, batch)
        return [*ramp, *[batch] * full, *([rest] if rest else []), *ramp[::-1]]
    plan: list[int] = []  # too few reports to come down again: up only
    sizes = chain(ramp, repeat(batch))
    while n:
        plan.append(min(next(sizes), n))
        n -= plan[-1]
    return plan


def combine(a: IngestSummary, b: IngestSummary) -> IngestSummary:
    return IngestSummary(a.ingested + b.ingested, a.unchanged + b.unchanged, a.failed + b.failed,
                         a.new_versions + b.new_versions, a.errors + b.errors, a.remade + b.remade,
                         a.without_year + b.without_year, a.with_replaced + b.with_replaced)


def ingest_urls(con: sqlite3.Connection, urls: list[str], cache: Path, options: FetchOptions | None = None,
                pipeline: Pipeline | None = None, batch: int = BATCH) -> IngestSummary:
    """Fetch pages (conditionally, into cache) and store them with the URL as their source."""
    from govreport.ingest import parse_bytes
    from govreport.pipeline import default_pipeline

    pipe = pipeline or default_pipeline()

    def outcomes() -> Iterator[Report | IngestError]:
        for page in fetch_all(urls, cache, options):
            if page.error or not page.path:
                yield IngestError(page.url, page.error or "nothing fetched")
                continue
            raw = parse_bytes((cache / page.path).read_bytes(), page.url, "html", page.charset)
            yield raw if isinstance(raw, IngestError) else pipe(raw)

    total = IngestSummary()
    stream = outcomes()
    while pending := list(islice(stream, batch)):
        total = combine(total, write_batch(con, pending))
    return total
