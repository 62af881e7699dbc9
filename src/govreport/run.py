"""Running the pipeline over many inputs: in this process or in N worker processes."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from functools import cache
from pathlib import Path

from govreport.grammar import grammar_with
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


@cache
def pipeline_for(aliases: tuple[str, ...] = ()) -> Pipeline:
    """The pipeline for a set of user alias files (built once per process)."""
    return Pipeline(grammar=grammar_with(list(aliases))) if aliases else default_pipeline()


def _work(item: tuple[str, str, tuple[str, ...]]) -> Outcome:
    doc, path, aliases = item
    return process_file(doc, Path(path), pipeline_for(aliases))


def run_paths(paths: Iterable[str | Path], jobs: int = 1, aliases: tuple[str, ...] = ()) -> Iterator[Outcome]:
    """Every input file's Report or IngestError, in input order."""
    yield from run_items(list(iter_inputs(paths)), jobs, aliases)


def run_items(files: list[tuple[str, Path]], jobs: int = 1, aliases: tuple[str, ...] = ()) -> Iterator[Outcome]:
    """The pipeline over (doc, path) pairs, in order."""
    items = [(doc, str(p), aliases) for doc, p in files]
    if jobs <= 1 or len(items) < 2:
        pipeline = pipeline_for(aliases)
        for doc, p, _ in items:
            yield process_file(doc, Path(p), pipeline)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(_work, items, chunksize=max(1, min(16, len(items) // (jobs * 4) or 1)))
