from __future__ import annotations

from concurrent.futures import Future
from typing import Any

import pytest

from govreport.ingest import iter_inputs
from govreport.model import IngestError, Report
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
            f.set_result(fn(chunk))
            return f

    stub = Stub()
    out = list(_in_order(stub, sum, [[1, 2], [3], [4, 5], [6], [7]], ahead=2))  # type: ignore[arg-type]
    assert out == [3, 3, 9, 6, 7]
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


def docs_and_facts(outcomes: list[Report | IngestError]) -> list[tuple[str, int]]:
    """A top-level function, as run_groups needs: what a worker hands back of a group."""
    return [(o.doc, len(o.facts) if isinstance(o, Report) else -1) for o in outcomes]


def test_groups_run_in_workers_and_here_give_every_group_in_order() -> None:
    import govreport.run as run

    files = list(iter_inputs([EXAMPLES])) * 4
    groups = [files[i:i + 2] for i in range(0, len(files), 2)]
    out = list(run.run_groups([[(doc, path, None) for doc, path in g] for g in groups], docs_and_facts, jobs=1))
    expected = [[(doc, len(r.facts)) for (doc, _), r in zip(g, run.run_items(g), strict=True)] for g in groups]
    assert sorted(out) == sorted(expected)  # as groups finish: in any order, each group once
    assert all(n for group in out for _, n in group)


def test_while_no_result_is_ready_the_consumer_runs_the_first_task_no_worker_started() -> None:
    import govreport.run as run

    here: list[int] = []

    def work(task: int) -> int:
        here.append(task)
        return task * 10

    class Stub:
        """Odd tasks are done by a worker at once; even ones wait in the queue (for ever, here)."""

        def submit(self, fn: Any, task: int) -> Future[int]:
            f: Future[int] = Future()
            if task % 2:
                f.set_result(task * 10)
            return f

    out = list(run._as_done(Stub(), work, [2, 4, 1, 6, 3, 8, 5], ahead=3))  # type: ignore[arg-type]
    assert sorted(out) == [10, 20, 30, 40, 50, 60, 80]
    assert here == [2, 4, 6, 8]  # front first; none of the workers' tasks run twice


def test_more_jobs_than_inputs_start_no_idle_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    # --jobs 16 on a few reports started 16 workers, each ~1.3 s of CPU before any work
    import govreport.run as run

    asked: list[int] = []

    def counted(workers: int) -> None:
        asked.append(workers)  # and no pool: the work runs here

    monkeypatch.setattr(run, "_pool", counted)
    files = list(iter_inputs([EXAMPLES]))
    assert len(list(run.run_items(files, jobs=16))) == len(files)
    groups = [[(doc, path, None)] for doc, path in files * 2]
    assert len(list(run.run_groups(groups, docs_and_facts, jobs=16))) == len(groups)
    assert asked == [len(files), len(groups) - 1]  # one chunk a worker; this process takes groups too
