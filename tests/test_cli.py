from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from govreport.cli import cli as main
from tests.conftest import EXAMPLES


def rows(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def test_extract_examples_writes_every_file(tmp_path: Path) -> None:
    res = CliRunner().invoke(main, ["extract", str(EXAMPLES), "--out", str(tmp_path)])
    assert res.exit_code == 0, res.output
    for name in ("facts", "figures", "meta", "sections", "edits", "errors"):
        assert (tmp_path / f"{name}.jsonl").exists()
    metas = rows(tmp_path / "meta.jsonl")
    assert {Path(str(m["doc"])).name for m in metas} == {p.name for p in EXAMPLES.iterdir()}
    facts = rows(tmp_path / "facts.jsonl")
    assert len(facts) > 20 and all(next(iter(f)) == "doc" for f in facts)
    assert rows(tmp_path / "errors.jsonl") == []


def test_bad_files_are_reported_and_the_run_goes_on(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "empty.txt").write_bytes(b"")
    (src / "scan.pdf").write_bytes(b"%PDF-1.4")
    (src / "ok.txt").write_text("各位代表：\n一、2024年工作回顾\n地区生产总值增长5%。", encoding="utf-8")
    out = tmp_path / "out"
    res = CliRunner().invoke(main, ["extract", str(src), "--out", str(out)])
    assert res.exit_code == 0, res.output
    errors = rows(out / "errors.jsonl")
    assert {Path(str(e["doc"])).name for e in errors} == {"empty.txt", "scan.pdf"}
    assert all(e["reason"] for e in errors)
    assert len(rows(out / "facts.jsonl")) == 1


def test_nothing_readable_exits_non_zero(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    res = CliRunner().invoke(main, ["extract", str(tmp_path / "empty.txt"), "--out", str(tmp_path / "o")])
    assert res.exit_code == 1
    missing = CliRunner().invoke(main, ["extract", str(tmp_path / "missing"), "--out", str(tmp_path / "o")])
    assert missing.exit_code == 1
    assert "Traceback" not in missing.output


def test_jobs_gives_the_same_output(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    assert CliRunner().invoke(main, ["extract", str(EXAMPLES), "--out", str(a), "-q"]).exit_code == 0
    assert CliRunner().invoke(main, ["extract", str(EXAMPLES), "--out", str(b), "-q", "--jobs", "2"]).exit_code == 0
    assert (a / "facts.jsonl").read_text(encoding="utf-8") == (b / "facts.jsonl").read_text(encoding="utf-8")


def test_user_aliases_extend_the_grammar(tmp_path: Path) -> None:
    src = tmp_path / "r.txt"
    src.write_text("各位代表：\n一、2024年工作回顾\n全县数字经济规模达到120亿元。", encoding="utf-8")
    aliases = tmp_path / "more.toml"
    aliases.write_text('[[indicator]]\nid = "digital_economy"\naliases = [\'数字经济规模\']\nunits = ["money"]\n',
                       encoding="utf-8")
    out = tmp_path / "out"
    res = CliRunner().invoke(main, ["extract", str(src), "--out", str(out), "--aliases", str(aliases), "-q"])
    assert res.exit_code == 0, res.output
    facts = rows(out / "facts.jsonl")
    assert [(f["indicator"], f["value"], f["unit"]) for f in facts] == [("digital_economy", 120.0, "亿元")]


def test_bad_alias_file_is_one_clear_line(tmp_path: Path) -> None:
    src = tmp_path / "r.txt"
    src.write_text("各位代表：增长5%。", encoding="utf-8")
    bad = tmp_path / "bad.toml"
    bad.write_text('[[indicator]]\nid = "x"\naliases = [\'(unclosed\']\n', encoding="utf-8")
    res = CliRunner().invoke(main, ["extract", str(src), "--out", str(tmp_path / "o"), "--aliases", str(bad)])
    assert res.exit_code != 0
    assert "bad.toml: bad regular expression" in res.output
    assert "Traceback" not in res.output
    bad.write_text("not = [toml", encoding="utf-8")
    res = CliRunner().invoke(main, ["extract", str(src), "--out", str(tmp_path / "o"), "--aliases", str(bad)])
    assert res.exit_code != 0 and "not valid TOML" in res.output


def test_store_commands_end_to_end(tmp_path: Path) -> None:
    db = tmp_path / "g.db"
    runner = CliRunner()
    res = runner.invoke(main, ["ingest", str(EXAMPLES), "--db", str(db)])
    assert res.exit_code == 0, res.output
    assert "3 ingested" in res.output
    again = runner.invoke(main, ["ingest", str(EXAMPLES), "--db", str(db)])
    assert "3 skipped as unchanged" in again.output
    found = runner.invoke(main, ["search", "生产总值", "--db", str(db), "--limit", "2"])
    assert found.exit_code == 0 and found.output.count("【生产总值】") == 2
    lines = runner.invoke(main, ["kwic", "同步", "--db", str(db)])
    assert lines.exit_code == 0 and " | 同步 | " in lines.output
    out = tmp_path / "panel.parquet"
    res = runner.invoke(main, ["panel", "--db", str(db), "--indicators", "gdp", "--kind", "target", "--out", str(out)])
    assert res.exit_code == 0, res.output
    assert out.stat().st_size > 0
    res = runner.invoke(main, ["attention", "--dict", "green", "--db", str(db), "--whole"])
    assert res.exit_code == 0 and res.output.startswith("dictionary,dictionary_version,report_id,doc")
    res = runner.invoke(main, ["targets", "--db", str(db), "--indicators", "gdp"])
    assert res.exit_code == 0 and res.output.startswith("adcode,region")


def test_store_commands_bad_input_is_one_line(tmp_path: Path) -> None:
    runner = CliRunner()
    db = tmp_path / "g.db"
    assert runner.invoke(main, ["ingest", str(EXAMPLES), "--db", str(db), "-q"]).exit_code == 0
    not_db = tmp_path / "x.db"
    not_db.write_text("hello", encoding="utf-8")
    cases = [
        (["search", "化债", "--db", str(tmp_path / "missing.db")], "no such store"),
        (["search", "化债", "--db", str(not_db)], "not a govreport store"),
        (["search", "，", "--db", str(db)], "nothing to search for"),
        (["panel", "--indicators", "gdpp", "--db", str(db)], "unknown indicator gdpp"),
        (["panel", "--kind", "guess", "--db", str(db)], "unknown kind guess"),
        (["attention", "--dict", "nope", "--db", str(db)], "no such dictionary"),
        (["targets", "--db", str(db), "--out", str(tmp_path / "t.xyz")], "unknown format"),
        (["ingest", str(tmp_path / "missing"), "--db", str(db)], "missing: no such file"),
        (["ingest", "--db", str(db)], "give files or folders"),
    ]
    for args, message in cases:
        res = runner.invoke(main, args)
        assert res.exit_code != 0, args
        assert message in res.output, (args, res.output)
        assert "Traceback" not in res.output
        assert len(res.output.strip().splitlines()) <= 3, res.output


def test_search_and_kwic_show_years_as_integers_and_say_when_nothing_is_found(tmp_path: Path) -> None:
    # a report without a year beside dated ones: headers and CSV said [nan …] and 2024.0
    (tmp_path / "undated.txt").write_text("各位代表：\n全年地区生产总值增长较快，就业稳定。\n", encoding="utf-8")
    db = tmp_path / "g.db"
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", str(EXAMPLES), str(tmp_path / "undated.txt"), "--db", str(db), "-q"]
                         ).exit_code == 0
    found = runner.invoke(main, ["search", "生产总值", "--db", str(db)])
    assert found.exit_code == 0 and "undated.txt" in found.output
    assert "nan" not in found.output and "<NA>" not in found.output and ".0 " not in found.output
    out = tmp_path / "hits.csv"
    assert runner.invoke(main, ["search", "生产总值", "--db", str(db), "--out", str(out)]).exit_code == 0
    years = {row["doc"]: row["report_year"] for row in csv.DictReader(out.open(encoding="utf-8-sig"))}
    assert years[str(tmp_path / "undated.txt")] == "" and "2024" in years.values()
    none = runner.invoke(main, ["kwic", "不存在之词", "--db", str(db)])
    assert none.exit_code == 0 and "0 lines" in none.output
    some = runner.invoke(main, ["kwic", "生产总值", "--db", str(db)])
    assert some.output.strip().splitlines()[-1].endswith("reports")


def test_help_and_the_store_readers_load_neither_the_pipeline_nor_pandas_nor_httpx() -> None:
    # `govreport --help` took 0.3 s and a one-file extract ~2 s (cnloc's loader imports pandas);
    # which modules load is what decides it, and it is checked here instead of a time
    heavy = ("pandas", "httpx", "cnloc", "cn2an", "govreport.pipeline", "govreport.fetch", "trafilatura",
             "fastapi", "uvicorn", "dask", "distributed")
    script = ("import sys\nfrom govreport.cli import cli\n"
              "try:\n    cli.main(['--help'], standalone_mode=False)\nexcept SystemExit:\n    pass\n"
              f"print(sorted(m for m in sys.modules if m.split('.')[0] in {heavy!r} or m in {heavy!r}))")
    res = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert res.stdout.strip().splitlines()[-1] == "[]"
    script = ("import sys\nimport govreport.query\nfrom govreport.gazetteer import default_gazetteer\n"
              "default_gazetteer().resolve('长沙市', 2020)\n"
              "print(sorted(m for m in sys.modules if m in ('govreport.pipeline', 'govreport.fetch', "
              "'govreport.store.write', 'cnloc', 'httpx')))")
    res = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert res.stdout.strip() == "[]"


def test_reports_panel_and_targets_filter_and_export(tmp_path: Path) -> None:
    db = tmp_path / "g.db"
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", str(EXAMPLES), "--db", str(db), "-q"]).exit_code == 0
    listed = runner.invoke(main, ["reports", "--db", str(db)])
    assert listed.exit_code == 0 and listed.output.startswith("report_id,doc,region,level,adcode")
    assert len(listed.output.strip().splitlines()) == 1 + 3
    one = runner.invoke(main, ["reports", "--db", str(db), "--year", "2025-2025"])
    assert len(one.output.strip().splitlines()) == 2
    out = tmp_path / "reports.xlsx"
    assert runner.invoke(main, ["reports", "--db", str(db), "--out", str(out)]).exit_code == 0 and out.stat().st_size
    panel = runner.invoke(main, ["panel", "--db", str(db), "--indicators", "gdp", "--year", "2024,2025"])
    years = {row["year"] for row in csv.DictReader(panel.output.splitlines())}
    assert panel.exit_code == 0 and years and years <= {"2024", "2025"}
    assert "conflict" in panel.output.splitlines()[0]
    bad = runner.invoke(main, ["targets", "--db", str(db), "--year", "next"])
    assert bad.exit_code != 0 and "not a year" in bad.output
    assert "gdp_per_capita" in runner.invoke(main, ["panel", "--help"]).output  # the ids are listed


def test_search_and_kwic_print_without_loading_pandas(tmp_path: Path) -> None:
    # every store command took 0.6-1.0 s to start, pandas alone 0.42 s, for a 5 ms query
    db = tmp_path / "g.db"
    assert CliRunner().invoke(main, ["ingest", str(EXAMPLES), "--db", str(db), "-q"]).exit_code == 0
    for command in (["search", "生产总值"], ["kwic", "生产总值"]):
        script = ("import sys\nfrom govreport.cli import cli\n"
                  f"cli.main({[*command, '--db', str(db)]!r}, standalone_mode=False)\n"
                  "print('pandas' in sys.modules, 'govreport.pipeline' in sys.modules)")
        res = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
        assert "【生产总值】" in res.stdout or " | 生产总值 | " in res.stdout
        assert res.stdout.strip().splitlines()[-1] == "False False"


def test_review_writes_one_offline_page(tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    res = CliRunner().invoke(main, ["review", str(EXAMPLES / "星澜县2025.txt"), "--html", str(out)])
    assert res.exit_code == 0, res.output
    html = out.read_text(encoding="utf-8")
    assert "<mark class=\"fact kind-" in html and "<script" not in html
    assert "<style>" in html and 'href="/static' not in html  # the style is inside: it opens offline
    missing = CliRunner().invoke(main, ["review", str(tmp_path / "nope.txt"), "--html", str(out)])
    assert missing.exit_code != 0 and "no such file" in missing.output.lower()


def test_reprocess_reruns_the_stale_reports_and_all_with_all(tmp_path: Path) -> None:
    db = tmp_path / "g.db"
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", str(EXAMPLES), "--db", str(db), "-q"]).exit_code == 0
    none = runner.invoke(main, ["ingest", "--reprocess", "--db", str(db)])
    assert none.exit_code == 0 and "reprocessed 0 stored reports an older pipeline made" in none.output
    every = runner.invoke(main, ["ingest", "--reprocess", "--all", "--db", str(db)])
    assert every.exit_code == 0 and "reprocessed 3 stored reports" in every.output
    alone = runner.invoke(main, ["ingest", str(EXAMPLES), "--all", "--db", str(db)])
    assert alone.exit_code != 0 and "--all goes with --reprocess" in alone.output


def test_an_ingest_with_workers_ends_without_a_word_on_stderr(tmp_path: Path) -> None:
    # the process pool was left to wind down at exit, which raced the interpreter's own shutdown
    # and printed "Exception ignored … OSError: Bad file descriptor" after a long ingest
    folder = tmp_path / "reports"
    folder.mkdir()
    text = (EXAMPLES / "星澜县2025.txt").read_text(encoding="utf-8")
    for i in range(40):
        (folder / f"{i:02}.txt").write_text(text + f"\n第{i}份。", encoding="utf-8")
    govreport = Path(sys.executable).with_name("govreport")
    res = subprocess.run([str(govreport), "ingest", str(folder), "--db", str(tmp_path / "r.db"), "-q", "--jobs", "2"],
                         capture_output=True, text=True)
    assert (res.returncode, res.stderr) == (0, "")
