from __future__ import annotations

from concurrent.futures import Future
from typing import Any

from govreport.run import _in_order


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
