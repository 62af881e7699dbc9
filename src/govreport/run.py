"""Running the pipeline over many inputs: in this process or in N worker processes."""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from functools import cache
from itertools import islice
from pathlib import Path
from typing import Any, TypeVar

from govreport.grammar import grammar_with
from govreport.ingest import iter_inputs, read_document
from govreport.model import GivenMeta, IngestError, Report
from govreport.pipeline import Pipeline, default_pipeline, pipeline_version

Outcome = Report | IngestError
# one file's work as sent to a worker: doc, path, the metadata the user gave for it, alias files,
# what to make of the outcome there
Item = tuple[str, str, GivenMeta | None, tuple[str, ...], Callable[[Outcome], Any] | None]
# a file of a group: doc, path, the metadata the user gave for it
GroupFile = tuple[str, Path, GivenMeta | None]
# a group of files as sent to a worker: its files, alias files, what to make of their outcomes there
Group = tuple[list[tuple[str, str, GivenMeta | None]], tuple[str, ...], Callable[[list[Outcome]], Any]]
# the metadata the user gave for an input file (usermeta.UserMeta.for_file)
GivenFor = Callable[[Path], GivenMeta | None]
T = TypeVar("T")
R = TypeVar("R")


def process_file(doc: str, path: Path, pipeline: Pipeline, given: GivenMeta | None = None) -> Outcome:
    raw = read_document(path, doc)
    if isinstance(raw, IngestError):
        return raw
    try:
        return pipeline(raw, given)
    except Exception as e:  # one bad document must not stop a batch of thousands
        return IngestError(doc, f"internal error while processing: {type(e).__name__}: {e}")


@cache
def pipeline_for(aliases: tuple[str, ...] = ()) -> Pipeline:
    """The pipeline for a set of user alias files (built once per process)."""
    if not aliases:
        return default_pipeline()
    return Pipeline(grammar=grammar_with(list(aliases)), version=pipeline_version(aliases))


def _work(item: Item) -> Any:
    doc, path, given, aliases, then = item
    outcome = process_file(doc, Path(path), pipeline_for(aliases), given)
    return then(outcome) if then else outcome


def run_paths(paths: Iterable[str | Path], jobs: int = 1, aliases: tuple[str, ...] = (),
              then: Callable[[Outcome], Any] | None = None, given: GivenFor | None = None) -> Iterator[Any]:
    """Every input file's Report or IngestError (or then() of it, see run_items), in input order."""
    yield from run_items(list(iter_inputs(paths)), jobs, aliases, then, given)


# below this many files a worker process costs more than it saves
BACKGROUND_MIN = 4


def run_items(files: list[tuple[str, Path]], jobs: int = 1, aliases: tuple[str, ...] = (),
              then: Callable[[Outcome], Any] | None = None, given: GivenFor | None = None) -> Iterator[Any]:
    """The pipeline over (doc, path) pairs, in order: each outcome, or then(outcome) computed where
    the outcome was made (a top-level function, so only its result crosses between processes)."""
    items: list[Item] = [(doc, str(p), given(p) if given else None, aliases, then) for doc, p in files]
    chunk = max(1, min(16, len(items) // (jobs * 4) or 1))
    chunks = [items[i:i + chunk] for i in range(0, len(items), chunk)]
    workers = min(jobs, len(chunks))  # no worker without a chunk to do
    if workers > 1:
        _load_before_fork(aliases)
    pool = _pool(workers) if workers > 1 else None
    if pool is None:
        yield from map(_work, items)
        return
    with _shut_down_when_done(pool):
        for results in _in_order(pool, _work_chunk, chunks, ahead=jobs * AHEAD):
            yield from results


def run_groups(groups: list[list[GroupFile]], then: Callable[[list[Outcome]], R], jobs: int = 1,
               aliases: tuple[str, ...] = ()) -> Iterator[R]:
    """The pipeline over groups of (doc, path) pairs: then(outcomes of a group) for each group, as
    groups finish (not in order), each computed in the process that made the outcomes (then is a
    top-level function or a partial of one), so only what it returns crosses between processes.

    The groups run in `jobs` worker processes (one even when jobs is 1; none when it is 0, for a
    then that cannot leave this process) and in this one, all taking the first group not yet
    started. Made for storing: each process writes what it extracted, instead of sending reports
    (~0.3 MB each) to one process that then does all of SQLite's work."""
    tasks: list[Group] = [([(doc, str(p), given) for doc, p, given in group], aliases, then) for group in groups]
    # this process takes groups too: more workers than the other groups would sit idle
    workers = min(jobs, len(tasks) - 1) if sum(map(len, groups)) >= BACKGROUND_MIN else 0
    if workers:
        _load_before_fork(aliases)
    pool = _pool(workers) if workers else None
    if pool is None:
        yield from map(_work_group, tasks)
        return
    with _shut_down_when_done(pool):
        yield from _as_done(pool, _work_group, tasks, ahead=workers * AHEAD)


def _load_before_fork(aliases: tuple[str, ...]) -> None:
    """Where workers fork, the pipeline is loaded here first: they inherit it (and share its pages)
    instead of each spending ~0.15 s and ~20 MB loading it again. Where they are spawned each loads
    its own, and this process loads it only when it does work itself."""
    if multiprocessing.get_start_method() == "fork":
        pipeline_for(aliases)


@contextmanager
def _shut_down_when_done(pool: ProcessPoolExecutor) -> Iterator[None]:
    try:
        yield
    except BaseException:
        # on Ctrl-C or an early stop, queued work is dropped instead of run to the end first
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    # every result is in. Waiting for the workers to exit costs ~15 ms; not waiting let the
    # interpreter's exit race the pool's management thread, which then printed a traceback
    # (OSError: Bad file descriptor, from concurrent.futures' exit hook) after a long ingest
    pool.shutdown(wait=True)


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


# tasks in flight per worker: enough to keep it busy while the consumer takes results, few
# enough that results not yet taken do not pile up over a corpus of 100k files when the consumer
# is the slower side
AHEAD = 8


def _in_order(pool: ProcessPoolExecutor, fn: Callable[[T], R], tasks: list[T], ahead: int) -> Iterator[R]:
    """fn(task) for every task, in order, submitting one more task as each result is taken, so no
    more than `ahead` are ever in flight."""
    todo = iter(tasks)
    pending: deque[Future[R]] = deque(pool.submit(fn, t) for t in islice(todo, ahead))
    while pending:
        result = pending.popleft().result()
        nxt = next(todo, None)
        if nxt is not None:
            pending.append(pool.submit(fn, nxt))
        yield result


def _as_done(pool: ProcessPoolExecutor, fn: Callable[[T], R], tasks: list[T], ahead: int) -> Iterator[R]:
    """fn(task) for every task, as each is done, with no more than `ahead` in flight. Whenever no
    result is ready, this process runs the first task no worker has started, so this process and
    the workers all work from the front of the list, and finish close together."""
    todo = iter(tasks)
    window: list[tuple[Future[R], T]] = []
    while True:
        window.extend((pool.submit(fn, t), t) for t in islice(todo, ahead - len(window)))
        if not window:
            return
        done = [slot for slot in window if slot[0].done()]
        if not done:
            mine = next((slot for slot in window if slot[0].cancel()), None)
            if mine is None:
                wait([f for f, _ in window], return_when=FIRST_COMPLETED)
                continue
            window.remove(mine)
            yield fn(mine[1])
        for slot in done:
            window.remove(slot)
            yield slot[0].result()


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


def _work_group(task: Group) -> Any:
    files, aliases, then = task
    pipeline = pipeline_for(aliases)
    return then([process_file(doc, Path(path), pipeline, given) for doc, path, given in files])
