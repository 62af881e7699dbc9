"""synth: generated reports whose truth the extractor must recover (a property test of it)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

import govreport
from govreport.cli import cli
from govreport.numbers import chinese_numeral, spelled_year, year_number
from govreport.synth import synthesize

META = ("region", "level", "adcode", "province", "report_year", "meeting_date", "congress", "speaker",
        "speaker_title")


def _key(f: Any) -> tuple[Any, ...]:
    get = f.get if isinstance(f, dict) else lambda k: getattr(f, k)
    value, top = get("value"), get("value_max")
    return (get("indicator"), get("measure"), get("kind"), get("period"), get("scope"),
            None if value is None else round(float(value), 4), None if top is None else round(float(top), 4),
            get("unit"), get("qualifier"))


def test_the_extractor_recovers_what_was_generated(tmp_path: Path) -> None:
    gold = json.loads(synthesize(40, tmp_path, seed=3).read_text(encoding="utf-8"))
    wanted = found = hit = 0
    meta_right = meta_all = 0
    misses = []
    for truth in gold:
        report = govreport.extract(tmp_path / truth["doc"])
        want = [_key(f) for f in truth["facts"]]
        got = [_key(f) for f in report.facts]
        wanted, found = wanted + len(want), found + len(got)
        hit += sum(min(want.count(k), got.count(k)) for k in set(want))
        misses += [(truth["doc"], k) for k in set(want) - set(got)]
        for name in META:
            meta_all += 1
            meta_right += getattr(report.meta, name) == truth["meta"][name]
    recall, precision = hit / wanted, hit / found
    assert recall >= 0.99 and precision >= 0.99, (recall, precision, misses[:5])
    assert meta_right / meta_all >= 0.99


def test_the_generator_is_reproducible_and_varied(tmp_path: Path) -> None:
    a = synthesize(5, tmp_path / "a", seed=9).read_text(encoding="utf-8")
    b = synthesize(5, tmp_path / "b", seed=9).read_text(encoding="utf-8")
    assert a == b and (tmp_path / "a" / "00005.txt").read_text(encoding="utf-8")
    gold = json.loads(a)
    assert len({g["meta"]["region"] for g in gold}) >= 4 and all(g["facts"] for g in gold)
    assert [chinese_numeral(n) for n in (1, 10, 14, 20, 23)] == ["一", "十", "十四", "二十", "二十三"]
    assert spelled_year(2020) == "二〇二〇" and year_number(spelled_year(2008)) == 2008


def test_the_synth_command(tmp_path: Path) -> None:
    res = CliRunner().invoke(cli, ["synth", "--n", "3", "--out", str(tmp_path / "s"), "--seed", "1"])
    assert res.exit_code == 0, res.output
    assert len(json.loads((tmp_path / "s" / "gold.json").read_text(encoding="utf-8"))) == 3
