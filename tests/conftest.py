from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
GOLD = SHARED / "gold"
EXAMPLES = ROOT / "examples"

needs_shared = pytest.mark.skipif(
    not (CORPUS.is_dir() and GOLD.is_dir()),
    reason="../shared (corpus and gold) is not beside this clone; the golden tests need it",
)


@pytest.fixture(scope="session")
def pipeline():  # type: ignore[no-untyped-def]
    from govreport.pipeline import default_pipeline

    return default_pipeline()
