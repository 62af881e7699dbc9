"""Exports: JSON Lines files, one per kind of record, each record's `doc` first."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from types import TracebackType
from typing import IO, Any, NamedTuple

from govreport.model import IngestError, Report
from govreport.store.rows import EDITS, FACTS, FIGURES, SECTIONS

FILES = ("facts", "figures", "meta", "sections", "edits", "errors")


def report_records(report: Report) -> dict[str, list[dict[str, Any]]]:
    doc = report.doc
    meta = asdict(report.meta)
    meta["candidates"] = [asdict(c) for c in report.meta.candidates]
    meta["sources"] = dict(report.meta.sources)
    # facts, figures, sections and edits are flat records of plain values, written by the
    # store's own mapping of them (store.rows), so the two cannot drift apart; asdict's recursive
    # copying cost a third of an extract run's time
    return {
        "facts": [{"doc": doc, **FACTS.record_dict(f)} for f in report.facts],
        "figures": [{"doc": doc, **FIGURES.record_dict(f)} for f in report.figures],
        "meta": [{"doc": doc, **meta, "format": report.raw.format, "encoding": report.raw.encoding,
                  "sha256": report.raw.sha256, "pipeline_version": report.pipeline_version}],
        "sections": [{"doc": doc, **SECTIONS.record_dict(s)} for s in report.sections],
        "edits": [{"doc": doc, **EDITS.record_dict(e)} for e in report.edits],
    }


def error_record(error: IngestError) -> dict[str, Any]:
    return {"doc": error.doc, "reason": error.reason}


class Exported(NamedTuple):
    """One input's JSON lines, ready to write: made where the report was made (a worker process),
    so plain strings cross between processes instead of a whole Report."""

    doc: str
    error: str | None  # the reason, when the input could not be read
    facts: int
    lines: dict[str, list[str]]
    without_year: bool = False  # read, but no report year: its numbers are figures only
    replaced: int = 0  # undecodable bytes read as U+FFFD


def exported(outcome: Report | IngestError) -> Exported:
    if isinstance(outcome, IngestError):
        return Exported(outcome.doc, outcome.reason, 0, {"errors": [_line(error_record(outcome))]})
    lines = {name: [_line(row) for row in rows] for name, rows in report_records(outcome).items()}
    return Exported(outcome.doc, None, len(outcome.facts), lines, outcome.meta.report_year is None,
                    outcome.raw.replaced)


def _line(row: dict[str, Any]) -> str:
    return json.dumps(row, ensure_ascii=False) + "\n"


class JsonlWriter:
    """Writes the six files of an extract run into one folder."""

    def __init__(self, out_dir: Path) -> None:
        out_dir.mkdir(parents=True, exist_ok=True)
        self.out_dir = out_dir
        self._files: dict[str, IO[str]] = {
            name: (out_dir / f"{name}.jsonl").open("w", encoding="utf-8") for name in FILES}

    def write_exported(self, item: Exported) -> None:
        for name, lines in item.lines.items():
            self._files[name].writelines(lines)

    def close(self) -> None:
        for fh in self._files.values():
            fh.close()

    def __enter__(self) -> JsonlWriter:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()
