"""Golden tests on the shared corpus: the scorer's bars and grounding of every quote."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from govreport.cli import cli as main
from tests.conftest import CORPUS, GOLD, SHARED, needs_shared

pytestmark = needs_shared

# the measured accuracy of each dev gold set, pinned (see the file's header)
FLOORS = tomllib.loads((Path(__file__).parent / "floors.toml").read_text(encoding="utf-8"))
TOLERANCE = 0.005
NOISE_FLOORS: dict[str, dict[str, float]] = FLOORS["noise"]
DEV_GOLDS = sorted(g for g in FLOORS if g != "noise")


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    import os

    cwd = os.getcwd()
    os.chdir(CORPUS)
    try:
        res = CliRunner().invoke(main, ["extract", "seeds", "national", "provincial2026", "local", "--out", str(out),
                                        "-q"])
    finally:
        os.chdir(cwd)
    assert res.exit_code == 0, res.output
    return out


def score(gold: str, out: Path) -> dict[str, object]:
    cmd = [sys.executable, str(SHARED / "tools" / "score_facts.py"), "--gold", str(GOLD / f"{gold}.json"),
           "--pred", str(out / "facts.jsonl"), "--meta", str(out / "meta.jsonl"), "--json"]
    res = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(res.stdout.splitlines()[0])


def test_every_gold_set_has_a_floor() -> None:
    """A gold set added to ../shared is gated too, not silently left out."""
    assert sorted(p.stem for p in GOLD.glob("*.json")) == DEV_GOLDS


@pytest.mark.parametrize("gold", DEV_GOLDS)
def test_scorer_bars(extracted: Path, gold: str) -> None:
    r = score(gold, extracted)
    floor = FLOORS[gold]
    assert r["f1"] >= floor["f1"] - TOLERANCE, f"{gold}: facts F1 {r['f1']:.3f} < floor {floor['f1']:.3f}"
    acc = r["metadata_accuracy"]
    assert isinstance(acc, dict)
    low = {k: v for k, v in acc.items() if v < floor["meta"][k] - TOLERANCE}
    assert not low, f"{gold}: metadata below its floor: {low} (floors {floor['meta']})"
    assert set(acc) == set(floor["meta"]), f"{gold}: metadata fields changed: {sorted(acc)}"


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


# the dev sets read through what copying does to a report (govreport.synth.NOISES), each alone and
# against the same gold: the rules must hold for a traditional mirror, a glossed one, a doc site's
# copy in one line … as for the page the gold was made from


def test_every_noise_has_floors() -> None:
    from govreport.synth import NOISES

    assert sorted(NOISE_FLOORS) == sorted(NOISES)
    assert all(sorted(floors) == DEV_GOLDS for floors in NOISE_FLOORS.values())


@pytest.fixture(scope="module")
def gold_docs() -> list[str]:
    return sorted({d["doc"] for g in DEV_GOLDS for d in json.loads((GOLD / f"{g}.json").read_text(encoding="utf-8"))})


@pytest.mark.parametrize("noise", sorted(NOISE_FLOORS))
def test_noise_keeps_the_scores(noise: str, gold_docs: list[str], tmp_path: Path) -> None:
    import os
    import random

    from govreport.synth import NOISES

    for doc in gold_docs:
        copy = tmp_path / doc
        copy.parent.mkdir(parents=True, exist_ok=True)
        text = (CORPUS / doc).read_text(encoding="utf-8")
        copy.write_text(NOISES[noise](text, random.Random(doc)), encoding="utf-8")
    out = tmp_path / "_out"
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        dirs = sorted({doc.split("/")[0] for doc in gold_docs})
        res = CliRunner().invoke(main, ["extract", *dirs, "--out", str(out), "-q"])
    finally:
        os.chdir(cwd)
    assert res.exit_code == 0, res.output
    low = {}
    for gold in DEV_GOLDS:
        f1 = score(gold, out)["f1"]
        assert isinstance(f1, float)
        if f1 < NOISE_FLOORS[noise][gold] - TOLERANCE:
            low[gold] = round(f1, 3)
    assert not low, f"{noise}: facts F1 below its floor: {low} (floors {NOISE_FLOORS[noise]})"
