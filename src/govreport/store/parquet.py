"""The store as a Parquet dataset (`govreport export --parquet DIR`): one folder per table,
partitioned by report year and level (hive style: partition_year=2024/partition_level=county/…),
which DuckDB, Spark, Dask, Polars and pandas read as they are. The partition keys are strings with
`unknown` for a report without a year or level (pyarrow cannot read null partition keys back into
pandas); the rows keep `report_year` and `level` as they are, nulls and all. Rows stream in
batches, so memory stays bounded whatever the store's size; only current documents are written.

`govreport ingest … --to-parquet DIR` writes the same dataset straight from the pipeline's rows,
without a store (a cluster's run need not pass through one SQLite writer): the same tables and
columns, the reports numbered in the order they were written.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from itertools import chain, count
from pathlib import Path
from typing import Any, NamedTuple

import pyarrow as pa
import pyarrow.dataset as ds

from govreport.model import IngestError
from govreport.store.read import Reader
from govreport.store.rows import DOCUMENT_COLUMNS, REPORT_COLUMNS
from govreport.store.rows import TABLES as ROW_TABLES
from govreport.store.schema import migrate
from govreport.store.write import IngestSummary, Prepared, combine, now

BATCH_ROWS = 50_000
PARTITIONS = ("partition_year", "partition_level")  # from report_year and level
UNKNOWN = "unknown"
_TYPES = {"INTEGER": pa.int64(), "REAL": pa.float64(), "TEXT": pa.string()}
# every table's rows carry their report's year and level (the partition keys) and its region
REPORT_FIELDS = {"facts": ("doc", "region", "adcode", "province", "report_year", "level"),
                 "figures": ("doc", "region", "adcode", "report_year", "level"),
                 "sections": ("doc", "report_year", "level"),
                 "edits": ("doc", "report_year", "level")}
DOCUMENT_FIELDS = ("source", "sha256", "format", "encoding", "version", "ingested_at", "pipeline_version")
_REPORT = "JOIN reports r ON r.report_id = t.report_id JOIN documents d ON d.id = t.report_id WHERE d.is_current = 1"
TABLES = {
    "reports": (f"SELECT r.*, {', '.join('d.' + f for f in DOCUMENT_FIELDS)}, length(d.clean_text) AS chars"
                " FROM reports r JOIN documents d ON d.id = r.report_id WHERE d.is_current = 1"),
    **{table: f"SELECT t.*, {', '.join('r.' + f for f in fields)} FROM {table} t {_REPORT}"
       for table, fields in REPORT_FIELDS.items()},
}
TEXTS = ("SELECT r.report_id, r.doc, r.report_year, r.level, d.clean_text FROM reports r"
         " JOIN documents d ON d.id = r.report_id WHERE d.is_current = 1")


class Written(NamedTuple):
    table: str
    rows: int


def export_parquet(db: str | Path, out: str | Path, *, texts: bool = False) -> list[Written]:
    """Write the store's tables under out/<table>/ (replacing what an earlier export left there);
    texts: also the clean texts (out/texts/), the largest part of a store."""
    out = Path(out)
    written = []
    with Reader(db, threads=True) as reader:  # pyarrow's writer reads the batches from a thread of its own
        tables = {**TABLES, **({"texts": TEXTS} if texts else {})}
        for name, sql in tables.items():
            target = out / name
            if target.exists():
                shutil.rmtree(target)
            schema = _schema(reader, sql)
            count = 0

            def batches(sql: str = sql, schema: pa.Schema = schema) -> Iterator[pa.RecordBatch]:
                nonlocal count
                cur = reader.execute(sql)
                own = schema.names[:-len(PARTITIONS)]
                while rows := cur.fetchmany(BATCH_ROWS):
                    count += len(rows)
                    records = [dict(zip(own, r, strict=True)) for r in rows]
                    for rec in records:
                        rec["partition_year"] = UNKNOWN if rec["report_year"] is None else str(rec["report_year"])
                        rec["partition_level"] = rec["level"] or UNKNOWN
                    yield pa.RecordBatch.from_pylist(records, schema=schema)

            ds.write_dataset(batches(), target, schema=schema, format="parquet",
                             partitioning=ds.partitioning(pa.schema([schema.field(p) for p in PARTITIONS]),
                                                          flavor="hive"),
                             existing_data_behavior="overwrite_or_ignore",
                             basename_template=f"{name}-{{i}}.parquet")
            written.append(Written(name, count))
    return written


def _schema(reader: Reader | sqlite3.Connection, sql: str) -> pa.Schema:
    """Arrow types from the declared types of the columns the query reads (SQLite's are per value)."""
    declared: dict[str, Any] = {}
    for table in ("documents", "reports", "facts", "figures", "sections", "edits"):
        for _, column, kind, *_ in reader.execute(f"PRAGMA table_info({table})"):
            declared.setdefault(column, _TYPES.get(kind.upper(), pa.string()))
    names = [d[0] for d in reader.execute(f"SELECT * FROM ({sql}) LIMIT 0").description]
    computed = {"chars": pa.int64()}
    return pa.schema([(n, computed.get(n) or declared.get(n, pa.string())) for n in names]
                     + [(p, pa.string()) for p in PARTITIONS])


# --- straight from the pipeline -------------------------------------------------------------------

REPORTS_PER_FILE = 500  # reports a batch of Parquet files holds: few files, bounded memory


def write_dataset_of(prepared: Iterable[Prepared], out: str | Path, *, batch: int = REPORTS_PER_FILE,
                     on_progress: Callable[[int], None] | None = None) -> IngestSummary:
    """Write the pipeline's outcomes (store.write.prepare of each, made wherever they ran) as the
    dataset export_parquet writes, under out/<table>/ (replacing what an earlier run left there)."""
    out = Path(out)
    schemas = _empty_store_schemas()
    for name in schemas:
        if (out / name).exists():
            shutil.rmtree(out / name)
    total = IngestSummary()
    ids: dict[str, Iterator[int]] = {name: count(1) for name in schemas}  # report_id; facts and figures ids
    pending: list[Prepared] = []
    files = count()
    for item in chain(prepared, [None]):
        if item is not None:
            pending.append(item)
        if pending and (item is None or len(pending) >= batch):
            total = combine(total, _write_batch(pending, ids, out, schemas, next(files)))
            if on_progress:
                on_progress(len(pending))
            pending = []
    return total


def _empty_store_schemas() -> dict[str, pa.Schema]:
    """Each table's Arrow schema, read from an empty store in memory: the columns export_parquet's
    queries give, in their order and with their declared types."""
    con = sqlite3.connect(":memory:")
    try:
        migrate(con)
        return {name: _schema(con, sql) for name, sql in TABLES.items()}
    finally:
        con.close()


def _write_batch(batch: list[Prepared], ids: dict[str, Iterator[int]], out: Path, schemas: dict[str, pa.Schema],
                 number: int) -> IngestSummary:
    records: dict[str, list[dict[str, Any]]] = {name: [] for name in schemas}
    errors: list[IngestError] = []
    no_year = replaced = 0
    written = now()
    for rows, had_replaced in batch:
        if isinstance(rows, IngestError):
            errors.append(rows)
            continue
        report_id = next(ids["reports"])
        report = dict(zip(REPORT_COLUMNS, rows.report, strict=True))
        document = dict(zip(DOCUMENT_COLUMNS, rows.document, strict=True))
        keys = {"partition_year": UNKNOWN if report["report_year"] is None else str(report["report_year"]),
                "partition_level": report["level"] or UNKNOWN}
        records["reports"].append({"report_id": report_id, **report, **{f: document.get(f) for f in DOCUMENT_FIELDS},
                                   "version": 1, "ingested_at": written,
                                   "chars": len(document["clean_text"]), **keys})
        for table, values in zip(ROW_TABLES, (rows.sections, rows.facts, rows.figures, rows.edits), strict=True):
            extra = {f: report[f] for f in REPORT_FIELDS[table.name]}
            own_id = "id" in schemas[table.name].names
            records[table.name].extend({**({"id": next(ids[table.name])} if own_id else {}), "report_id": report_id,
                                        **dict(zip(table.columns, v, strict=True)), **extra, **keys} for v in values)
        no_year += report["report_year"] is None
        replaced += had_replaced
    for name, rows_of_table in records.items():
        if not rows_of_table:
            continue
        schema = schemas[name]
        ds.write_dataset(pa.Table.from_pylist(rows_of_table, schema=schema), out / name, format="parquet",
                         partitioning=ds.partitioning(pa.schema([schema.field(p) for p in PARTITIONS]),
                                                      flavor="hive"),
                         existing_data_behavior="overwrite_or_ignore",
                         basename_template=f"{name}-{number}-{{i}}.parquet")
    ingested = len(batch) - len(errors)
    return IngestSummary(ingested=ingested, failed=len(errors), errors=tuple(errors), without_year=no_year,
                         with_replaced=replaced)
