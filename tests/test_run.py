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
