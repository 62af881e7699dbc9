"""The store's one writer: ingest files and pages, reprocess stored reports, make documents again
with the metadata a user gives.

Writing is idempotent (the same bytes from the same source add nothing), versioned (a changed
file becomes a new version; the old one stays queryable with is_current = 0), and safe (WAL,
one transaction per batch, so a killed process leaves the last committed batch and nothing half).
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from itertools import chain, count, islice, repeat, takewhile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from govreport.ingest import file_identity
from govreport.model import GivenMeta, IngestError, RawDocument, Report
from govreport.store.rows import DOCUMENT_COLUMNS, REPORT_COLUMNS, TABLES, ReportRows, given_json, given_of, rows_of
from govreport.store.schema import begin_immediate, connect, index_text, stored_raw
from govreport.textindex import grams

if TYPE_CHECKING:  # the pipeline, the fetcher and Dask load when a write needs them
    from govreport.executors import DaskOptions
    from govreport.fetch import FetchOptions
    from govreport.pipeline import Pipeline

# reports per transaction when ingesting: larger batches cost less to write, but processes wait
# longer for each other's and the last ones finish alone (bench/ingest.py over the corpus, time
# over extract-only: +48% at 10, +27% at 20, +37% at 40)
BATCH = 20


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


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def known(con: sqlite3.Connection, identity: str, sha256: str) -> bool:
    """Whether the document (its resolved path or URL) is stored with these bytes."""
    row = con.execute("SELECT 1 FROM documents WHERE identity=? AND sha256=?", (identity, sha256)).fetchone()
    return row is not None


def stored_source(con: sqlite3.Connection, identity: str) -> bool:
    return con.execute("SELECT 1 FROM documents WHERE identity=? LIMIT 1", (identity,)).fetchone() is not None


@contextmanager
def _writing(con: sqlite3.Connection) -> Iterator[None]:
    """One write transaction, the write lock taken first: BEGIN IMMEDIATE waits for another process's
    transaction to end (a deferred one that had read before the other wrote would fail instead), so
    what the transaction reads is current."""
    begin_immediate(con)
    with con:
        yield


# what storing one outcome writes, made where the outcome was made: its rows (or the error), and
# whether undecodable bytes were replaced in it
Prepared = tuple[ReportRows | IngestError, bool]


def prepare(outcome: Report | IngestError) -> Prepared:
    if isinstance(outcome, IngestError):
        return outcome, False
    return rows_of(outcome), outcome.raw.replaced > 0


def write_batch(con: sqlite3.Connection, outcomes: Iterable[Report | IngestError]) -> IngestSummary:
    """Store a batch of pipeline outcomes in one transaction."""
    # the rows (and the index tokens, ~0.4 ms a report) are made before the write lock is taken:
    # processes ingesting together hold it in turn, and for 80% of the time when it was made in it
    return write_prepared(con, [prepare(o) for o in outcomes])


def write_prepared(con: sqlite3.Connection, batch: list[Prepared]) -> IngestSummary:
    """Store a batch of prepared outcomes (prepare(), wherever it ran) in one transaction."""
    prepared = [rows for rows, _ in batch]
    replaced = [had for _, had in batch]
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
        "INSERT INTO documents(source, sha256, format, encoding, raw_delta, clean_text, identity, pipeline_version,"
        " ingested_at, version, is_current, raw_text) VALUES (?,?,?,?,?,?,?,?,?,?,1,'')",
        (*rows.document, now(), (prev or 0) + 1))
    report_id = int(cur.lastrowid or 0)
    index_text(con, report_id, rows.grams)
    _insert_derived(con, report_id, rows)
    return 1 if prev else 0


def _insert_derived(con: sqlite3.Connection, report_id: int, rows: ReportRows) -> None:
    con.execute(f"INSERT INTO reports(report_id, {', '.join(REPORT_COLUMNS)})"
                f" VALUES (?{',?' * len(REPORT_COLUMNS)})", (report_id, *rows.report))
    for table, rows_of_table in zip(TABLES, (rows.sections, rows.facts, rows.figures, rows.edits), strict=True):
        con.executemany(table.insert, [(report_id, *r) for r in rows_of_table])
    con.executemany("INSERT INTO section_chars(report_id, section_kind, chars) VALUES (?,?,?)",
                    [(report_id, *r) for r in rows.section_chars])
    con.executemany("INSERT INTO attention_counts(report_id, dictionary, fingerprint, section_kind, hits)"
                    " VALUES (?,?,?,?,?)", [(report_id, *r) for r in rows.attention])
    con.executemany("INSERT INTO attention_terms(report_id, fingerprint, term, hits) VALUES (?,?,?,?)",
                    [(report_id, *r) for r in rows.attention_terms])


def _delete_derived(con: sqlite3.Connection, report_id: int) -> None:
    for table in ("attention_terms", "attention_counts", "section_chars", "edits", "figures", "facts", "sections",
                  "reports"):
        con.execute(f"DELETE FROM {table} WHERE report_id=?", (report_id,))


def to_reprocess(con: sqlite3.Connection, pipeline: Pipeline, *, only_stale: bool = False) -> int:
    """How many stored documents reprocess() would re-run."""
    where, params = _to_redo(pipeline, only_stale)
    return int(con.execute(f"SELECT count(*) FROM documents d{where}", params).fetchone()[0])


def _to_redo(pipeline: Pipeline, only_stale: bool) -> tuple[str, tuple[str, ...]]:
    """Which documents a reprocess re-runs: all, or those another pipeline version made."""
    return (" WHERE d.pipeline_version != ?", (pipeline.version,)) if only_stale else ("", ())


def reprocess(con: sqlite3.Connection, pipeline: Pipeline, *, only_stale: bool = False,
              batch: int = BATCH) -> Iterator[int]:
    """Re-run the pipeline over stored raw text (no original files needed); only_stale: only the
    documents another version of the pipeline made (pipeline.version). Yields report ids done."""
    where, params = _to_redo(pipeline, only_stale)
    rows = con.execute(f"SELECT {STORED_DOCUMENT}, r.given FROM documents d LEFT JOIN reports r"
                       f" ON r.report_id = d.id{where}", params).fetchall()
    for i in range(0, len(rows), batch):
        with _writing(con):
            for *stored, given in rows[i:i + batch]:
                doc_id, raw, old_clean = _stored_document(stored)
                _redo(con, doc_id, raw, old_clean, pipeline, given_of(given))
                yield doc_id


# a stored document as _stored_document reads it
STORED_DOCUMENT = ("d.id, d.source, d.format, d.encoding, d.sha256, d.raw_text, d.raw_zlib, d.raw_delta, d.clean_text,"
                   " d.identity")


def _stored_document(row: Sequence[Any]) -> tuple[int, RawDocument, str]:
    """(id, the raw document, its clean text) of a row of STORED_DOCUMENT."""
    doc_id, source, fmt, enc, sha, raw_text, raw_zlib, delta, clean_text, identity = row
    raw = RawDocument(source, stored_raw(raw_text, raw_zlib, delta, clean_text), fmt, enc, sha, identity=identity)
    return doc_id, raw, clean_text


def _redo(con: sqlite3.Connection, doc_id: int, raw: RawDocument, old_clean: str, pipeline: Pipeline,
          given: GivenMeta | None) -> None:
    """Re-run the pipeline over a stored document and replace what was made of it (in a transaction)."""
    report = pipeline(raw, given)
    new = rows_of(report)
    _delete_derived(con, doc_id)
    con.execute("INSERT INTO documents_fts(documents_fts, rowid, grams)"
                " VALUES ('delete', ?, ?)", (doc_id, grams(old_clean).decode()))
    index_text(con, doc_id, new.grams)  # rows_of made them
    # the raw text is kept against the clean text: compressed again against the new one
    con.execute("UPDATE documents SET clean_text=?, pipeline_version=?, raw_delta=?, raw_zlib=NULL, raw_text=''"
                " WHERE id=?", (report.text, pipeline.version, new.document[DOCUMENT_COLUMNS.index("raw_delta")],
                                doc_id))
    _insert_derived(con, doc_id, new)


def _given_again(con: sqlite3.Connection, documents: list[tuple[str, GivenMeta | None]], pipeline: Pipeline) -> int:
    """Stored documents (by identity) given other metadata than they were stored with: made again
    in place (their bytes are the same: no new version). The number made again."""
    done = 0
    for identity, given in documents:
        with _writing(con):
            row = con.execute(f"SELECT {STORED_DOCUMENT} FROM documents d WHERE d.identity=? AND d.is_current=1",
                              (identity,)).fetchone()
            if row is None:
                continue
            doc_id, raw, old_clean = _stored_document(row)
            _redo(con, doc_id, raw, old_clean, pipeline, given)
            done += 1
    return done


def ingest(con: sqlite3.Connection, files: list[tuple[str, Path]], jobs: int = 1, aliases: tuple[str, ...] = (),
           batch: int = BATCH, on_progress: Callable[[int], None] | None = None,
           given: Callable[[Path], GivenMeta | None] | None = None, dask: DaskOptions | None = None,
           ) -> IngestSummary:
    """Run the pipeline over files not yet stored with these bytes and store the outcomes in batches.

    The work runs in `jobs` worker processes and in this one, each storing the batches it extracted
    (the write lock taken in turn). Files go largest first, so the processes finish close together
    (the small ones last): reports are numbered in the order they were stored, not as given.
    given(path): the metadata the user gave for a file; a stored file given other metadata than
    it was stored with is made again in place. dask: run the pipeline on a Dask cluster instead,
    which sends back each report's rows for this process to store."""
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
    if dask is not None:
        return combine(total, _ingest_on_dask(con, todo, dask, aliases, batch, on_progress))
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


def _ingest_on_dask(con: sqlite3.Connection, todo: list[tuple[str, Path, GivenMeta | None]], options: DaskOptions,
                    aliases: tuple[str, ...], batch: int, on_progress: Callable[[int], None] | None) -> IngestSummary:
    from govreport.executors import run_on_dask

    meta = {path: given for _, path, given in todo}
    total = IngestSummary()
    results = run_on_dask([(doc, path) for doc, path, _ in todo], options, aliases, then=prepare, given=meta.get)
    while pending := list(islice(results, batch)):
        summary = write_prepared(con, pending)
        total = combine(total, summary)
        if on_progress:
            on_progress(len(pending))
    return total


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
    from govreport.fetch import fetch_all
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
