from __future__ import annotations

from concurrent.futures import Future
from typing import Any

import pytest

from govreport.ingest import iter_inputs
from govreport.model import Report
from govreport.run import _in_order
from tests.conftest import EXAMPLES


def test_worker_results_come_in_order_with_a_bounded_number_in_flight() -> None:
    class Stub:
        """An executor that runs at once and counts chunks submitted and not yet taken."""

        def __init__(self) -> None:
            self.in_flight = self.most = 0

        def submit(self, fn: Any, chunk: list[int]) -> Future[list[int]]:
            stub = self

            class Taken(Future[list[int]]):
                def result(self, timeout: float | None = None) -> list[int]:
                    stub.in_flight -= 1
                    return super().result(timeout)

            self.in_flight += 1
            self.most = max(self.most, self.in_flight)
            f = Taken()
            f.set_result([x * 10 for x in chunk])
            return f

    stub = Stub()
    out = list(_in_order(stub, [[1, 2], [3], [4, 5], [6], [7]], ahead=2))  # type: ignore[arg-type]
    assert out == [10, 20, 30, 40, 50, 60, 70]
    assert stub.most == 2 and stub.in_flight == 0


def test_without_worker_processes_the_work_runs_here(monkeypatch: pytest.MonkeyPatch) -> None:
    import govreport.run as run

    def no_pool(*args: Any, **kwargs: Any) -> None:
        raise OSError("no semaphores here")

    monkeypatch.setattr(run, "ProcessPoolExecutor", no_pool)
    files = list(iter_inputs([EXAMPLES]))
    out = list(run.run_items(files, jobs=2))
    assert [o.doc for o in out] == [doc for doc, _ in files]
    assert all(isinstance(o, Report) for o in out)


def test_a_waiting_consumer_runs_the_chunks_no_worker_started_and_keeps_the_order(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import govreport.run as run

    here: list[list[int]] = []

    def work_here(chunk: list[int]) -> list[int]:
        here.append(chunk)
        return [x * 10 for x in chunk]

    monkeypatch.setattr(run, "_work_chunk", work_here)

    class Running(Future[list[int]]):
        """A chunk a worker has started: its result is there when asked for."""

        def __init__(self, chunk: list[int]) -> None:
            super().__init__()
            self.chunk = chunk
            self.set_running_or_notify_cancel()

        def result(self, timeout: float | None = None) -> list[int]:
            if not self.done():
                self.set_result([x * 10 for x in self.chunk])
            return super().result(timeout)

    class Queued(Future[list[int]]):
        """A chunk no worker has started (nor ever will, here)."""

        def result(self, timeout: float | None = None) -> list[int]:
            raise AssertionError("waited for a chunk no worker had started")

    class Stub:
        """Odd chunks are running in a worker; even ones wait in the queue."""

        def submit(self, fn: Any, chunk: list[int]) -> Future[list[int]]:
            return Running(chunk) if chunk[0] % 2 else Queued()

    out = list(run._in_order(Stub(), [[1], [2], [3], [4], [5], [6]], ahead=3, share=True))  # type: ignore[arg-type]
    assert out == [10, 20, 30, 40, 50, 60]
    assert here == [[2], [4], [6]]  # taken back from the queue; the started ones were left to the worker


def test_a_background_run_with_shared_work_gives_every_outcome_in_order() -> None:
    import govreport.run as run

    files = list(iter_inputs([EXAMPLES])) * 4
    out = list(run.run_items(files, jobs=1, background=True))
    assert [o.doc for o in out] == [doc for doc, _ in files]
    serial = list(run.run_items(files[:3]))
    assert [o.facts for o in out[:3]] == [o.facts for o in serial]
