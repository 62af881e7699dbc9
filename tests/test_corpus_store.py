"""Issue #3's bars on a store holding the whole shared corpus."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import govreport
from govreport.ingest import iter_inputs
from govreport.store import schema, write
from tests.conftest import CORPUS, GOLD, needs_shared

pytestmark = needs_shared


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    db = tmp_path_factory.mktemp("store") / "corpus.db"
    cwd = os.getcwd()
    os.chdir(CORPUS)
    try:
        con = schema.connect(db)
        summary = write.ingest(con, list(iter_inputs(["seeds", "national", "provincial2026"])))
        con.close()
    finally:
        os.chdir(cwd)
    assert summary.failed == 0
    with govreport.open(db) as c:
        yield c


def test_every_gold_target_of_a_province_or_the_nation_is_in_the_panel(corpus) -> None:  # type: ignore[no-untyped-def]
    panel = corpus.panel(kinds=["target"])
    rows = {(r.doc, r.indicator, r.measure, r.year, r.scope if isinstance(r.scope, str) else None, r.value_as_written)
            for r in panel.itertuples()}
    quotes = set(panel["quote"])
    checked = 0
    for name in ("national-dev", "provincial2026-dev"):
        for doc in json.loads((GOLD / f"{name}.json").read_text(encoding="utf-8")):
            for f in doc["facts"]:
                if f["kind"] != "target" or f["value"] is None:
                    continue
                key = (doc["doc"], f["indicator"], f["measure"], f["period"], f["scope"], f["value"])
                assert key in rows, key
                checked += 1
    assert checked > 80
    assert all(isinstance(q, str) and q for q in quotes)


def test_targets_meet_the_next_reports_actuals(corpus) -> None:  # type: ignore[no-untyped-def]
    years = {int(p.stem) for p in (CORPUS / "national").glob("*.txt")}
    pairs = sorted(t for t in years if t + 1 in years and t >= 1990)
    targets = corpus.targets(["gdp"])
    facts = corpus.facts(indicator="gdp", measure="growth", kind="actual")
    paired = 0
    for t in pairs:
        goal = targets[(targets["year"] == t) & (targets["measure"] == "growth") & (targets["level"] == "national")]
        result = facts[(facts["period"] == t) & (facts["doc"] == f"national/{t + 1}.txt")]
        if goal.empty or result.empty:
            continue
        assert goal["actual_doc"].tolist() == [f"national/{t + 1}.txt"], t
        assert goal["actual"].iloc[0] == result["value"].iloc[0]
        paired += 1
    assert paired >= 3


@pytest.mark.parametrize("query", ["化债", "稳就业", "新质生产力", "乡村"])
def test_search_finds_exactly_the_reports_that_contain_the_words(corpus, query: str) -> None:  # type: ignore[no-untyped-def]
    texts = dict(corpus.con.execute("SELECT source, clean_text FROM documents WHERE is_current = 1"))
    expected = {doc for doc, text in texts.items() if query in text}
    assert expected, query
    assert set(corpus.search(query)["doc"]) == expected


def test_store_opens_in_plain_sqlite(corpus) -> None:  # type: ignore[no-untyped-def]
    import sqlite3

    con = sqlite3.connect(Path(corpus.path))
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"documents", "reports", "sections", "facts", "figures", "edits", "errors", "documents_fts"} <= tables
