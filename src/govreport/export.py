"""Exports: JSON Lines files, one per kind of record, each record's `doc` first."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from govreport.model import IngestError, Report

FILES = ("facts", "figures", "meta", "sections", "edits", "errors")


def report_records(report: Report) -> dict[str, list[dict[str, Any]]]:
    doc = report.doc
    meta = asdict(report.meta)
    meta["candidates"] = [asdict(c) for c in report.meta.candidates]
    return {
        "facts": [{"doc": doc, **asdict(f)} for f in report.facts],
        "figures": [{"doc": doc, **asdict(f)} for f in report.figures],
        "meta": [{"doc": doc, **meta, "format": report.raw.format, "encoding": report.raw.encoding,
                  "sha256": report.raw.sha256}],
        "sections": [{"doc": doc, **asdict(s)} for s in report.sections],
        "edits": [{"doc": doc, **asdict(e)} for e in report.edits],
    }


def error_record(error: IngestError) -> dict[str, Any]:
    return {"doc": error.doc, "reason": error.reason}


class JsonlWriter:
    """Writes the six files of an extract run into one folder."""

    def __init__(self, out_dir: Path) -> None:
        out_dir.mkdir(parents=True, exist_ok=True)
        self.out_dir = out_dir
        self._files: dict[str, IO[str]] = {
            name: (out_dir / f"{name}.jsonl").open("w", encoding="utf-8") for name in FILES}

    def write_report(self, report: Report) -> None:
        for name, rows in report_records(report).items():
            self._write(name, rows)

    def write_error(self, error: IngestError) -> None:
        self._write("errors", [error_record(error)])

    def _write(self, name: str, rows: Iterable[dict[str, Any]]) -> None:
        fh = self._files[name]
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")

    def close(self) -> None:
        for fh in self._files.values():
            fh.close()

    def __enter__(self) -> JsonlWriter:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()
