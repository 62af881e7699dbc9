"""Metadata the user knows: --meta FILE.csv, --region, --year, --fill-only (extract and ingest)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

import govreport
from govreport.cli import cli as main
from govreport.model import GivenMeta
from govreport.usermeta import MetaFileError, load, read_meta_file

UNDATED = "各位代表：\n现在，我代表县人民政府向大会报告工作。\n过去一年，全县地区生产总值增长6%，财政收入增长8%。"
DATED = "——2024年1月10日在龙游县第十七届人民代表大会第四次会议上\n各位代表：\n一、2023年工作回顾\n地区生产总值增长6%。"


def rows(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(UNDATED, encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text(DATED, encoding="utf-8")
    return tmp_path


def test_a_download_list_gives_region_and_year_and_says_so(folder: Path) -> None:
    (folder / "list.csv").write_text("path,region,year\nin/a.txt,嘉善县,2019\n", encoding="utf-8-sig")
    out = folder / "out"
    res = CliRunner().invoke(main, ["extract", str(folder / "in"), "--out", str(out),
                                    "--meta", str(folder / "list.csv")])
    assert res.exit_code == 0, res.output
    meta = {Path(str(m["doc"])).name: m for m in rows(out / "meta.jsonl")}
    a = meta["a.txt"]
    assert (a["region"], a["adcode"], a["province"], a["level"], a["report_year"]) == (
        "嘉善县", "330421", "浙江省", "county", 2019)
    assert a["sources"] == {"region": "user", "report_year": "user", "adcode": "table", "level": "table",
                            "province": "table"}
    assert meta["b.txt"]["sources"]["region"] == "text"  # no row for it: the text's own
    facts = [f for f in rows(out / "facts.jsonl") if str(f["doc"]).endswith("a.txt")]
    assert {(f["indicator"], f["period"], f["value"]) for f in facts} == {("gdp", 2018, 6),
                                                                          ("public_budget_revenue", 2018, 8)}


def test_a_batch_year_and_the_count_of_reports_without_one(folder: Path) -> None:
    out = folder / "out"
    res = CliRunner().invoke(main, ["extract", str(folder / "in"), "--out", str(out)])
    assert "1 without a report year" in res.output
    res = CliRunner().invoke(main, ["extract", str(folder / "in"), "--out", str(out), "--year", "2020"])
    assert res.exit_code == 0 and "without a report year" not in res.output
    years = {Path(str(m["doc"])).name: m["report_year"] for m in rows(out / "meta.jsonl")}
    assert years == {"a.txt": 2020, "b.txt": 2020}  # a given year overrides the text's
    CliRunner().invoke(main, ["extract", str(folder / "in"), "--out", str(out), "--year", "2020", "--fill-only"])
    years = {Path(str(m["doc"])).name: m["report_year"] for m in rows(out / "meta.jsonl")}
    assert years == {"a.txt": 2020, "b.txt": 2024}  # fill only: the text's year stays


@pytest.mark.parametrize(("csv", "message"), [
    ("path,regoin\na.txt,某县\n", "unknown column 'regoin'"),
    ("region,year\n某县,2019\n", "no path column"),
    ("path,year\na.txt,19\n", ":2: year '19' is not a year"),
    ("path,meeting_date\na.txt,2019/3/2\n", ":2: meeting_date '2019/3/2' is not a date"),
])
def test_a_bad_meta_file_is_one_line_naming_it(tmp_path: Path, csv: str, message: str) -> None:
    (tmp_path / "m.csv").write_text(csv, encoding="utf-8")
    with pytest.raises(MetaFileError, match=message):
        read_meta_file(tmp_path / "m.csv")
    (tmp_path / "r.txt").write_text(UNDATED, encoding="utf-8")
    res = CliRunner().invoke(main, ["extract", str(tmp_path / "r.txt"), "--out", str(tmp_path / "o"),
                                    "--meta", str(tmp_path / "m.csv")])
    assert res.exit_code != 0 and "m.csv" in res.output and "Traceback" not in res.output


def test_the_python_api_takes_the_same_metadata(folder: Path) -> None:
    report = govreport.extract(folder / "in" / "a.txt", given=GivenMeta((("report_year", 2019),)))
    assert report.meta.report_year == 2019 and {f.period for f in report.facts} == {2018}
    got = {Path(r.doc).name: r.meta.report_year for r in govreport.extract_many([folder / "in"], given=load(year=2022))}
    assert got == {"a.txt": 2022, "b.txt": 2022}


def test_rows_are_found_by_path_or_by_a_file_name_they_alone_use(tmp_path: Path) -> None:
    (tmp_path / "m.csv").write_text("file,year,speaker\nsub/x.txt,2019,\nelsewhere/y.txt,2020,李四\n", encoding="utf-8")
    user = load(tmp_path / "m.csv", region="嘉善县")
    assert user.for_file(tmp_path / "sub" / "x.txt") == GivenMeta((("region", "嘉善县"), ("report_year", 2019)))
    assert user.for_file(tmp_path / "moved" / "y.txt") == GivenMeta(
        (("region", "嘉善县"), ("report_year", 2020), ("speaker", "李四")))
    assert user.for_file(tmp_path / "z.txt") == GivenMeta((("region", "嘉善县"),))


def test_the_store_keeps_what_was_given_through_a_reprocess_and_takes_new_values(folder: Path) -> None:
    db = folder / "s.db"
    res = CliRunner().invoke(main, ["ingest", str(folder / "in" / "a.txt"), "--db", str(db), "--year", "2019"])
    assert res.exit_code == 0, res.output
    assert CliRunner().invoke(main, ["ingest", "--reprocess", "--all", "--db", str(db)]).exit_code == 0
    with govreport.open(db) as corpus:
        assert corpus.reports()["report_year"].tolist() == [2019]
        assert set(corpus.facts()["period"]) == {2018}
    res = CliRunner().invoke(main, ["ingest", str(folder / "in" / "a.txt"), "--db", str(db), "--year", "2021"])
    assert "1 made again with the metadata given" in res.output
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*), max(report_year) FROM reports").fetchone() == (1, 2021)
    sources = json.loads(con.execute("SELECT meta_sources FROM reports").fetchone()[0])
    assert sources["report_year"] == "user"
    con.close()
