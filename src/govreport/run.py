"""Running the pipeline over many inputs: in this process or in N worker processes."""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import cache
from itertools import islice
from pathlib import Path
from typing import Any

from govreport.grammar import grammar_with
from govreport.ingest import iter_inputs, read_document
from govreport.model import IngestError, Report
from govreport.pipeline import Pipeline, default_pipeline

Outcome = Report | IngestError
# one file's work as sent to a worker: doc, path, alias files, what to make of the outcome there
Item = tuple[str, str, tuple[str, ...], Callable[[Outcome], Any] | None]


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


def _work(item: Item) -> Any:
    doc, path, aliases, then = item
    outcome = process_file(doc, Path(path), pipeline_for(aliases))
    return then(outcome) if then else outcome


def run_paths(paths: Iterable[str | Path], jobs: int = 1, aliases: tuple[str, ...] = (),
              then: Callable[[Outcome], Any] | None = None) -> Iterator[Any]:
    """Every input file's Report or IngestError (or then() of it, see run_items), in input order."""
    yield from run_items(list(iter_inputs(paths)), jobs, aliases, then)


# below this many files a worker process costs more than it saves
BACKGROUND_MIN = 4


def run_items(files: list[tuple[str, Path]], jobs: int = 1, aliases: tuple[str, ...] = (),
              then: Callable[[Outcome], Any] | None = None, background: bool = False) -> Iterator[Any]:
    """The pipeline over (doc, path) pairs, in order: each outcome, or then(outcome) computed where
    the outcome was made (a top-level function, so only its result crosses between processes).
    background: with one job, run the pipeline in a worker process all the same, so the caller's
    own work on the results (writing a store) overlaps with it; and when the caller is ahead of
    the workers, it runs a chunk of the pipeline itself instead of waiting."""
    items: list[Item] = [(doc, str(p), aliases, then) for doc, p in files]
    workers = jobs if jobs > 1 else (1 if background and len(items) >= BACKGROUND_MIN else 0)
    if workers and background and multiprocessing.get_start_method() == "fork":
        # loaded here before the workers fork, so they inherit it and this process has it for its share;
        # where workers are spawned they load their own, and this process loads it only if it shares
        pipeline_for(aliases)
    pool = _pool(workers) if workers and len(items) >= 2 else None
    if pool is None:
        yield from map(_work, items)
        return
    # a background worker hands over small chunks, so the caller's writing keeps pace with it
    chunk = 4 if jobs <= 1 else max(1, min(16, len(items) // (workers * 4) or 1))
    chunks = [items[i:i + chunk] for i in range(0, len(items), chunk)]
    try:
        yield from _in_order(pool, chunks, ahead=workers * AHEAD, share=background)
    except BaseException:
        # on Ctrl-C or an early stop, queued files are dropped instead of run to the end first
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    # every result is in: the workers exit on their own (tearing down a worker's heap took ~15 ms,
    # which the caller, still writing the last results, need not wait for)
    pool.shutdown(wait=False)


def _pool(workers: int) -> ProcessPoolExecutor | None:
    """Worker processes, started now so a system that cannot run them (no working semaphores,
    process limits) is known before any work is handed out: then None, and the work runs here."""
    try:
        pool = ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(os.getpid(),))
    except (OSError, ImportError, NotImplementedError):
        return None
    try:
        pool.submit(int).result()
    except (OSError, BrokenProcessPool):
        pool.shutdown(wait=False, cancel_futures=True)
        return None
    return pool


# chunks in flight per worker: enough to keep it busy while the consumer writes a batch (20
# reports), few enough that results not yet taken (each report's rows are ~0.5 MB) do not pile
# up over a corpus of 100k files when the consumer is the slower side
AHEAD = 8


class _InFlight:
    """A chunk handed to the pool, and its results once this process ran it instead."""

    __slots__ = ("chunk", "future", "results")

    def __init__(self, chunk: list[Item], future: Future[list[Any]]) -> None:
        self.chunk, self.future = chunk, future
        self.results: list[Any] | None = None


def _in_order(pool: ProcessPoolExecutor, chunks: list[list[Item]], ahead: int, share: bool = False,
              ) -> Iterator[Any]:
    """The results of every chunk, in order, submitting one more chunk as each is taken, so no more
    than `ahead` are ever in flight. share: when the next results are not ready, run a chunk no
    worker has started here rather than wait (the newest one: the workers go on in order)."""
    todo = iter(chunks)
    pending: deque[_InFlight] = deque(_InFlight(c, pool.submit(_work_chunk, c)) for c in islice(todo, ahead))
    while pending:
        head = pending[0]
        while share and head.results is None and not head.future.done() and _run_one_here(pending):
            pass
        results = head.results if head.results is not None else head.future.result()
        pending.popleft()
        nxt = next(todo, None)
        if nxt is not None:
            pending.append(_InFlight(nxt, pool.submit(_work_chunk, nxt)))
        yield from results


def _run_one_here(pending: deque[_InFlight]) -> bool:
    """Take back the newest chunk no worker has started and run it in this process; False if none."""
    for slot in reversed(pending):
        if slot.results is None and slot.future.cancel():
            slot.results = _work_chunk(slot.chunk)
            return True
    return False


def _init_worker(parent: int) -> None:
    # Ctrl-C is the parent's to handle (it cancels the queue and says so once); a worker that took
    # it too would print a traceback of its own
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_when_orphaned, args=(parent,), daemon=True).start()


def _exit_when_orphaned(parent: int) -> None:
    """A worker whose parent was killed (SIGKILL leaves it no time to stop its pool) would wait
    for work forever, holding a few hundred MB: it leaves once its parent is gone."""
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


def _work_chunk(chunk: list[Item]) -> list[Any]:
    return [_work(item) for item in chunk]
