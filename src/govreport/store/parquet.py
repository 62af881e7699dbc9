"""The store as a Parquet dataset (`govreport export --parquet DIR`): one folder per table,
partitioned by report year and level (hive style: partition_year=2024/partition_level=county/…),
which DuckDB, Spark, Dask, Polars and pandas read as they are. The partition keys are strings with
`unknown` for a report without a year or level (pyarrow cannot read null partition keys back into
pandas); the rows keep `report_year` and `level` as they are, nulls and all. Rows stream in
batches, so memory stays bounded whatever the store's size; only current documents are written."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

import pyarrow as pa
import pyarrow.dataset as ds

from govreport.store.read import Reader

BATCH_ROWS = 50_000
PARTITIONS = ("partition_year", "partition_level")  # from report_year and level
UNKNOWN = "unknown"
_TYPES = {"INTEGER": pa.int64(), "REAL": pa.float64(), "TEXT": pa.string()}
# every table's rows carry their report's year and level (the partition keys) and its region
_REPORT = "JOIN reports r ON r.report_id = t.report_id JOIN documents d ON d.id = t.report_id WHERE d.is_current = 1"
TABLES = {
    "reports": ("SELECT r.*, d.source, d.sha256, d.format, d.encoding, d.version, d.ingested_at, d.pipeline_version,"
                " length(d.clean_text) AS chars FROM reports r JOIN documents d ON d.id = r.report_id"
                " WHERE d.is_current = 1"),
    "facts": f"SELECT t.*, r.doc, r.region, r.adcode, r.province, r.report_year, r.level FROM facts t {_REPORT}",
    "figures": f"SELECT t.*, r.doc, r.region, r.adcode, r.report_year, r.level FROM figures t {_REPORT}",
    "sections": f"SELECT t.*, r.doc, r.report_year, r.level FROM sections t {_REPORT}",
    "edits": f"SELECT t.*, r.doc, r.report_year, r.level FROM edits t {_REPORT}",
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


def _schema(reader: Reader, sql: str) -> pa.Schema:
    """Arrow types from the declared types of the columns the query reads (SQLite's are per value)."""
    declared: dict[str, Any] = {}
    for table in ("documents", "reports", "facts", "figures", "sections", "edits"):
        for _, column, kind, *_ in reader.execute(f"PRAGMA table_info({table})"):
            declared.setdefault(column, _TYPES.get(kind.upper(), pa.string()))
    names = [d[0] for d in reader.execute(f"SELECT * FROM ({sql}) LIMIT 0").description]
    computed = {"chars": pa.int64()}
    return pa.schema([(n, computed.get(n) or declared.get(n, pa.string())) for n in names]
                     + [(p, pa.string()) for p in PARTITIONS])
