"""Where the pipeline runs: here and in local worker processes (`run.py`, the default), or on a Dask
cluster (`--executor dask`: a local cluster, or an existing one with `--scheduler tcp://HOST:PORT`).

On Dask the workers run the pure pipeline on the bytes they are sent: they need no access to the
user's files or to the store. This process reads each file, sends its bytes, and takes the results
back in order, with a bounded number in flight, so memory stays bounded whatever the corpus size;
a worker that dies has its tasks run again elsewhere by the scheduler."""

from __future__ import annotations

import importlib
import logging
import socket
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from govreport.model import GivenMeta, IngestError, RawDocument

# tasks in flight per worker thread: enough to keep each busy while results are taken
AHEAD = 4


@dataclass(frozen=True)
class DaskOptions:
    scheduler: str | None = None  # tcp://HOST:PORT of a running cluster; None starts a local one
    workers: int = 2  # processes of a local cluster


class ExecutorError(RuntimeError):
    """A cluster that cannot be reached or started; the message says which and why."""


@contextmanager
def dask_client(options: DaskOptions) -> Iterator[Any]:
    try:
        # untyped: used through Any
        distributed: Any = importlib.import_module("distributed")
    except ImportError:
        raise ExecutorError("the Dask executor needs dask[distributed] (pip install 'dask[distributed]')") from None
    if options.scheduler:
        _reachable(options.scheduler)
        try:
            client = distributed.Client(options.scheduler, timeout=20)
        except OSError as e:
            raise ExecutorError(f"cannot reach the Dask scheduler at {options.scheduler} ({e})") from None
        try:
            yield client
        finally:
            client.close()
        return
    cluster = distributed.LocalCluster(n_workers=options.workers, threads_per_worker=1, processes=True,
                                       dashboard_address=None, silence_logs=logging.ERROR)
    client = distributed.Client(cluster)
    try:
        yield client
    finally:
        client.close()
        cluster.close()


def _reachable(address: str) -> None:
    """Fail at once where nothing listens (the client would retry for its whole timeout)."""
    parts = urlsplit(address if "://" in address else f"tcp://{address}")
    if parts.hostname is None or parts.port is None:
        raise ExecutorError(f"{address}: not a scheduler address (tcp://HOST:PORT)")
    try:
        socket.create_connection((parts.hostname, parts.port), timeout=5).close()
    except OSError as e:
        raise ExecutorError(f"cannot reach the Dask scheduler at {address} ({e.strerror or e})") from None


@dataclass(frozen=True)
class Scanned:
    """What a worker sends back for a scanned PDF: the driver has its pages read as tasks."""

    file: tuple[str, bytes, str, str, GivenMeta | None]  # as work_on_files took it
    pages: int


def work_on_bytes(doc: str, data: bytes, suffix: str, identity: str, given: GivenMeta | None,
                  aliases: tuple[str, ...], then: Callable[[Any], Any] | None) -> Any:
    """One file's bytes through the pipeline, on a worker: then(outcome), or the outcome; for a
    scanned PDF a Scanned, so that its pages are read on the whole cluster."""
    from govreport.formats import ScannedPdf
    from govreport.ingest import parse_file_bytes

    try:
        raw = parse_file_bytes(data, doc, suffix, ocr_here=False)
    except ScannedPdf as e:
        return Scanned((doc, data, suffix, identity, given), e.pages)
    return _outcome(raw, doc, identity, given, aliases, then)


def _outcome(raw: RawDocument | IngestError, doc: str, identity: str, given: GivenMeta | None,
             aliases: tuple[str, ...], then: Callable[[Any], Any] | None) -> Any:
    import dataclasses

    from govreport.run import pipeline_for

    if isinstance(raw, IngestError):
        outcome: Any = raw
    else:
        raw = dataclasses.replace(raw, identity=identity)
        try:
            outcome = pipeline_for(aliases)(raw, given)
        except Exception as e:  # one bad document must not stop a batch of thousands
            outcome = IngestError(doc, f"internal error while processing: {type(e).__name__}: {e}")
    return then(outcome) if then else outcome


def work_on_pages(file: tuple[str, bytes, str, str, GivenMeta | None], pages: list[str],
                  aliases: tuple[str, ...], then: Callable[[Any], Any] | None) -> Any:
    """A scanned PDF's pages, read by OCR on the cluster, through the pipeline as one document."""
    from govreport.formats import text_of_pages
    from govreport.ingest import office_document

    doc, data, suffix, identity, given = file
    return _outcome(office_document(text_of_pages(pages), data, doc, suffix), doc, identity, given, aliases, then)


# files per task: a task costs the scheduler ~1-2 ms and a round trip, a report ~5 ms to make;
# a handful a task keeps the workers busy without holding many reports in memory
FILES_PER_TASK = 8


def work_on_files(files: list[tuple[str, bytes, str, str, GivenMeta | None]], aliases: tuple[str, ...],
                  then: Callable[[Any], Any] | None) -> list[Any]:
    return [work_on_bytes(doc, data, suffix, identity, given, aliases, then)
            for doc, data, suffix, identity, given in files]


def run_on_dask(files: Iterable[tuple[str, Path]], options: DaskOptions, aliases: tuple[str, ...] = (),
                then: Callable[[Any], Any] | None = None,
                given: Callable[[Path], GivenMeta | None] | None = None) -> Iterator[Any]:
    """then(outcome) of every (doc, path), in order, computed on the cluster (a few files a task). A
    file this process cannot read is its IngestError (then of it), made here."""
    from govreport.ingest import file_identity, read_file_bytes

    with dask_client(options) as client:
        threads = max(1, sum(client.nthreads().values()))
        window: deque[Any] = deque()  # futures of lists of results, and lists of results made here
        group: list[tuple[str, bytes, str, str, GivenMeta | None]] = []

        def send() -> None:
            if group:
                window.append(client.submit(work_on_files, list(group), aliases, then, pure=False))
                group.clear()

        for doc, path in files:
            data = read_file_bytes(path, doc)
            if isinstance(data, IngestError):
                send()  # keeps the order: what was sent before comes back before this
                window.append([then(data) if then else data])
            else:
                group.append((doc, data, path.suffix.lower(), file_identity(path), given(path) if given else None))
                if len(group) >= FILES_PER_TASK:
                    send()
            while len(window) > threads * AHEAD:
                yield from _result(window.popleft(), client, aliases, then)
        send()
        while window:
            yield from _result(window.popleft(), client, aliases, then)


def _result(item: Any, client: Any, aliases: tuple[str, ...], then: Callable[[Any], Any] | None) -> list[Any]:
    """A window item's outcomes; a scanned PDF among them read page by page as tasks of their own
    (so a long one is spread over the cluster), then made a report on a worker."""
    from govreport.formats import ocr_pdf_page

    future: Any = importlib.import_module("distributed").Future
    results = item.result() if isinstance(item, future) else item
    for i, result in enumerate(results):
        if isinstance(result, Scanned):
            data = client.scatter(result.file[1])
            pages = [client.submit(ocr_pdf_page, data, n, pure=False) for n in range(1, result.pages + 1)]
            results[i] = client.submit(work_on_pages, result.file, pages, aliases, then, pure=False).result()
    return list(results)
