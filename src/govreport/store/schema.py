"""The store's schema: its tables, the migrations from one version to the next, and the two ways to
open it: `connect` for the one writer (creating and migrating), `open_read_only` for readers
(never writing or migrating, refusing a damaged or outdated store).
"""

from __future__ import annotations

import sqlite3
import time
import urllib.parse
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

import zstandard

from govreport.textindex import grams

SCHEMA_VERSION = 12
# 16 KiB pages: each report stores two texts of ~60 KB; bigger pages mean fewer overflow pages
# (storing the corpus took 15% less time than with the default 4 KiB)
PAGE_SIZE = 16384
BUSY_TIMEOUT = 30.0  # seconds a writer waits for another process's lock
TEXT_ENCODING = "UTF-16le"  # of a new store (see connect)


RAW_LEVEL = 3  # zstd's default: the dictionary does the work, higher levels save a few bytes


def compress_raw(raw: str, clean: str) -> bytes:
    """The raw text as a zstd frame compressed against the clean text made of it (a dictionary of
    raw content): the two differ by the cleaner's edits, so a report's ~50 KB of raw text takes
    under 1 KB, where compressed alone (zlib, schema 7-11) it took ~21 KB."""
    return _zstd_compressor(clean.encode()).compress(raw.encode())


def stored_raw(raw_text: str | None, raw_zlib: bytes | None, raw_delta: bytes | None = None,
               clean_text: str = "") -> str:
    """A document's raw text as stored: against its clean text (schema 12 on), compressed alone
    (schema 7-11), or in rows stored before, as text."""
    if raw_delta is not None:
        return _zstd_decompressor(clean_text.encode()).decompress(raw_delta).decode()
    return zlib.decompress(raw_zlib).decode() if raw_zlib is not None else (raw_text or "")


def _zstd_compressor(dictionary: bytes) -> zstandard.ZstdCompressor:
    if not dictionary:
        return zstandard.ZstdCompressor(level=RAW_LEVEL)
    content = zstandard.ZstdCompressionDict(dictionary, dict_type=zstandard.DICT_TYPE_RAWCONTENT)
    return zstandard.ZstdCompressor(level=RAW_LEVEL, dict_data=content)


def _zstd_decompressor(dictionary: bytes) -> zstandard.ZstdDecompressor:
    if not dictionary:
        return zstandard.ZstdDecompressor()
    content = zstandard.ZstdCompressionDict(dictionary, dict_type=zstandard.DICT_TYPE_RAWCONTENT)
    return zstandard.ZstdDecompressor(dict_data=content)


class StoreError(Exception):
    """A store that cannot be opened or used; the message names the file and the reason."""


def index_text(con: sqlite3.Connection, doc_id: int, tokens: bytes) -> None:
    """Add a document's tokens (textindex.grams, UTF-8) to the full-text index (bound as text: a
    store's text encoding may be UTF-16)."""
    con.execute("INSERT INTO documents_fts(rowid, grams) VALUES (?,?)", (doc_id, tokens.decode()))


def _reindex_text(con: sqlite3.Connection) -> None:
    """Rebuild the full-text index from every stored clean text, with the tokens of this version."""
    con.execute("INSERT INTO documents_fts(documents_fts) VALUES ('delete-all')")  # keeps the index's settings
    for doc_id, text in con.execute("SELECT id, clean_text FROM documents").fetchall():
        index_text(con, doc_id, grams(text))


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
    # where a section's heading ends and its text begins, as the export has it (a reprocess fills
    # it in for reports stored before; until then a reader takes the section's start)
    6: """
    ALTER TABLE sections ADD COLUMN heading_end INTEGER;
    """,
    # the raw text compressed (zlib: a report's ~50 KB of raw text takes ~20 KB); a row stored
    # from this version on keeps raw_text '' and raw_zlib the bytes (rows.stored_raw reads both)
    7: """
    ALTER TABLE documents ADD COLUMN raw_zlib BLOB;
    """,
    # the region a fact is of (its report's adcode, else its region's name), kept with the fact:
    # targets() pairs a goal with the results of its region in one query on facts alone (at 10,000
    # reports it took ~1 s fetching every fact and joining them in pandas)
    8: """
    ALTER TABLE facts ADD COLUMN region_key TEXT;
    UPDATE facts SET region_key = (SELECT coalesce(r.adcode, r.region) FROM reports r
                                   WHERE r.report_id = facts.report_id);
    """,
    # what attention() reads, counted when a report is stored (tables keyed by their primary key,
    # WITHOUT ROWID: no second copy of the key): its characters by section kind, and
    # the hits of each bundled dictionary by section kind (0 where none, so a report counted is
    # told from one not counted). attention() over 10,000 reports read every text (2.2 s); a
    # dictionary of the user's, or one whose terms changed since, is still counted over the texts
    9: """
    CREATE TABLE section_chars (
        report_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        section_kind TEXT NOT NULL, chars INTEGER NOT NULL,
        PRIMARY KEY (report_id, section_kind)
    ) WITHOUT ROWID;
    CREATE TABLE attention_counts (
        report_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        dictionary TEXT NOT NULL, fingerprint TEXT NOT NULL, section_kind TEXT NOT NULL, hits INTEGER NOT NULL,
        PRIMARY KEY (fingerprint, report_id, section_kind)
    ) WITHOUT ROWID;
    CREATE INDEX attention_counts_report ON attention_counts(report_id);
    """,
    # the facts index covers the current-document test (report_id): counting a page's facts reads
    # the index alone (19 -> 7 ms for 7,399 facts of 10,000 reports)
    10: """
    DROP INDEX facts_lookup;
    CREATE INDEX facts_lookup ON facts(indicator, kind, period, report_id);
    """,
    # each bundled dictionary's hits by term, the terms a report holds (the attention page's
    # commonest terms read every text before). A report counted is one with attention_counts rows,
    # so the counts made before the terms were are dropped: those reports are counted over the texts
    # until a reprocess, as reports stored before 9 are
    11: """
    DELETE FROM attention_counts;
    CREATE TABLE attention_terms (
        report_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        fingerprint TEXT NOT NULL, term TEXT NOT NULL, hits INTEGER NOT NULL,
        PRIMARY KEY (fingerprint, report_id, term)
    ) WITHOUT ROWID;
    CREATE INDEX attention_terms_report ON attention_terms(report_id);
    """,
    # the raw text compressed against the clean text made of it (compress_raw: ~21 KB a report
    # -> under 1 KB); rows stored from this version on keep raw_zlib NULL and raw_delta the frame
    12: """
    ALTER TABLE documents ADD COLUMN raw_delta BLOB;
    """,
}


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
            # texts as UTF-16: a Han character takes two bytes instead of UTF-8's three, and a
            # store's texts are Han (the clean text, quotes, subjects: 107.7 -> 92.8 KB a report);
            # a store made before keeps UTF-8, which every reader and writer handles the same
            con.execute(f"PRAGMA encoding='{TEXT_ENCODING}'")
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


def open_read_only(path: str | Path, *, check: bool = True, threads: bool = False) -> sqlite3.Connection:
    """A connection that reads the store and never writes or migrates it: it opens on read-only
    media and files (where SQLite cannot make the WAL's shared-memory file, the store is read as
    immutable), says when the store needs upgrading first, and refuses a damaged one (check=False
    skips reading every page, for a server that checked the store once when it started).
    threads: the connection may be used from other threads than this one (one at a time)."""
    p = Path(path)
    if not p.exists():
        raise StoreError(f"{p}: no such store (run `govreport ingest` first)")
    uri = f"file:{urllib.parse.quote(str(p.resolve()))}?mode=ro"
    last: Exception | None = None
    for suffix in ("", "&immutable=1"):
        try:
            con = sqlite3.connect(uri + suffix, uri=True, timeout=BUSY_TIMEOUT, check_same_thread=not threads)
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
        if check and p.stat().st_size <= QUICK_CHECK_MAX:
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


def store_files(db: str | Path) -> list[Path]:
    """The files a store at db is made of (the database, its WAL and shared-memory files)."""
    p = Path(db)
    return [p, p.with_name(p.name + "-wal"), p.with_name(p.name + "-shm"), p.with_name(p.name + "-journal")]


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


def begin_immediate(con: sqlite3.Connection) -> None:
    """BEGIN IMMEDIATE, waiting up to BUSY_TIMEOUT for another connection's write transaction to
    end, and starting within a millisecond of its end. SQLite's own busy handler sleeps 1, 2, 5, 10,
    15, 20, 25 … ms between tries: processes storing batches of reports in turn (a batch takes
    ~50 ms to write) each waited up to ~20 ms past the other's commit, a tenth of an ingest's time."""
    con.execute("PRAGMA busy_timeout=0")
    try:
        _execute_when_unlocked(con, "BEGIN IMMEDIATE", pause=0.001, longest=0.001)
    finally:
        con.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT * 1000)}")


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
    begin_immediate(con)
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
