"""Golden tests on the shared corpus: the scorer's bars and grounding of every quote."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from govreport.cli import cli as main
from tests.conftest import CORPUS, GOLD, SHARED, needs_shared

pytestmark = needs_shared

BARS = {"seeds": 0.90, "national-dev": 0.95, "provincial2026-dev": 0.95}


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    import os

    cwd = os.getcwd()
    os.chdir(CORPUS)
    try:
        res = CliRunner().invoke(main, ["extract", "seeds", "national", "provincial2026", "--out", str(out), "-q"])
    finally:
        os.chdir(cwd)
    assert res.exit_code == 0, res.output
    return out


def score(gold: str, out: Path) -> dict[str, object]:
    cmd = [sys.executable, str(SHARED / "tools" / "score_facts.py"), "--gold", str(GOLD / f"{gold}.json"),
           "--pred", str(out / "facts.jsonl"), "--meta", str(out / "meta.jsonl"), "--json"]
    res = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(res.stdout.splitlines()[0])


@pytest.mark.parametrize("gold", sorted(BARS))
def test_scorer_bars(extracted: Path, gold: str) -> None:
    r = score(gold, extracted)
    assert r["f1"] >= BARS[gold], r
    if gold != "seeds":
        acc = r["metadata_accuracy"]
        assert isinstance(acc, dict)
        assert all(v >= 0.95 for v in acc.values()), acc


def test_every_quote_is_the_clean_text_span(pipeline) -> None:  # type: ignore[no-untyped-def]
    from govreport.ingest import iter_inputs, read_document
    from govreport.model import RawDocument

    n = 0
    for doc, path in iter_inputs([CORPUS]):
        raw = read_document(path, doc)
        assert isinstance(raw, RawDocument), raw
        report = pipeline(raw)
        for f in report.facts:
            assert report.text[f.start:f.end] == f.quote
            n += 1
        for fig in report.figures:
            assert report.text[fig.start:fig.end] == fig.quote
    assert n > 300
