"""Running the pipeline over many inputs: in this process or in N worker processes."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from govreport.ingest import iter_inputs, read_document
from govreport.model import IngestError, Report
from govreport.pipeline import Pipeline, default_pipeline

Outcome = Report | IngestError


def process_file(doc: str, path: Path, pipeline: Pipeline) -> Outcome:
    raw = read_document(path, doc)
    if isinstance(raw, IngestError):
        return raw
    try:
        return pipeline(raw)
    except Exception as e:  # one bad document must not stop a batch of thousands
        return IngestError(doc, f"internal error while processing: {type(e).__name__}: {e}")


def _work(item: tuple[str, str]) -> Outcome:
    doc, path = item
    return process_file(doc, Path(path), default_pipeline())


def run_paths(paths: Iterable[str | Path], jobs: int = 1) -> Iterator[Outcome]:
    """Every input file's Report or IngestError, in input order."""
    items = [(doc, str(p)) for doc, p in iter_inputs(paths)]
    if jobs <= 1 or len(items) < 2:
        pipeline = default_pipeline()
        for doc, p in items:
            yield process_file(doc, Path(p), pipeline)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(_work, items, chunksize=max(1, min(16, len(items) // (jobs * 4) or 1)))


def count_inputs(paths: Iterable[str | Path]) -> int:
    return sum(1 for _ in iter_inputs(paths))
