from __future__ import annotations

import sqlite3
from pathlib import Path

import pandas as pd
import pytest

import govreport
from govreport.attention import DictionaryError, find_hits, load_dictionary, parse_dictionary
from govreport.ingest import iter_inputs
from govreport.query import QueryError, target_met, write_frame
from govreport.store import schema, write

Y1 = "各位代表：\n一、2024年工作回顾\n全县地区生产总值250.2亿元，增长5.2%；居民消费价格上涨0.3%。\n" \
     "二、2025年工作安排\n今年主要预期目标是：地区生产总值增长6%左右，居民消费价格涨幅3%左右，新质生产力加快发展。\n"
Y2 = "各位代表：\n一、2025年工作回顾\n全县地区生产总值265亿元，增长5.6%；居民消费价格上涨3.4%。\n" \
     "二、2026年工作安排\n今年主要预期目标是：地区生产总值增长5.5%左右。推进化债，稳妥化解地方政府债务风险。\n"


def _store_of(tmp_path: Path, reports: dict[str, str]) -> Path:
    for name, text in reports.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    db = tmp_path / "g.db"
    con = schema.connect(db)
    write.ingest(con, list(iter_inputs([tmp_path / name for name in reports])))
    con.close()
    return db


@pytest.fixture()
def corpus(tmp_path: Path):  # type: ignore[no-untyped-def]
    reports = {"2025.txt": "——2025年1月5日在星澜县第十八届人民代表大会第五次会议上\n" + Y1,
               "2026.txt": "——2026年1月6日在星澜县第十八届人民代表大会第六次会议上\n" + Y2}
    with govreport.open(_store_of(tmp_path, reports)) as c:
        yield c


def test_facts_filters_and_report_columns(corpus) -> None:  # type: ignore[no-untyped-def]
    f = corpus.facts(indicator="gdp", kind="actual")
    assert {"report_id", "doc", "region", "quote"} <= set(f.columns)
    assert sorted(f["value"]) == [5.2, 5.6, 250.2, 265.0]
    with pytest.raises(QueryError, match="unknown filter"):
        corpus.facts(colour="red")


def test_panel_long_and_wide(corpus) -> None:  # type: ignore[no-untyped-def]
    long = corpus.panel(indicators=["gdp"], kinds=["actual"])
    level = long[(long["measure"] == "level") & (long["year"] == 2025)]
    assert level["value"].tolist() == [2.65e10] and level["unit"].tolist() == ["元"]
    assert level["value_as_written"].tolist() == [265.0] and level["unit_as_written"].tolist() == ["亿元"]
    assert level["source_rule"].iloc[0] == "the only report stating it"
    wide = corpus.panel(indicators=["gdp"], kinds=["actual", "target"], wide=True)
    assert {"gdp_growth_actual", "gdp_growth_target", "gdp_level_actual"} <= set(wide.columns)
    with pytest.raises(QueryError, match="unknown indicator"):
        corpus.panel(indicators=["gdpp"])


def test_targets_pair_goal_and_result(corpus) -> None:  # type: ignore[no-untyped-def]
    t = corpus.targets(["gdp", "cpi"]).set_index(["indicator", "year"])
    gdp = t.loc[("gdp", 2025)]
    assert (gdp["target"], gdp["actual"], gdp["gap"], gdp["met"]) == (6.0, 5.6, -0.4, True)  # 左右: within 0.5
    cpi = t.loc[("cpi", 2025)]
    assert (cpi["target"], cpi["actual"], cpi["met"]) == (3.0, 3.4, True)
    assert t.loc[("gdp", 2026)]["actual"] is None or pd.isna(t.loc[("gdp", 2026)]["actual"])


def test_target_met_rules() -> None:
    assert target_met("gdp", 6.0, None, "以上", "%", 5.9) is False
    assert target_met("gdp", 6.0, None, None, "%", 6.0) is True
    assert target_met("cpi", 3.0, None, "左右", "%", 3.6) is False
    assert target_met("unemployment_surveyed", 5.5, None, "以内", "%", 5.2) is True
    assert target_met("gdp", 5.0, 5.5, None, "%", 5.2) is True
    assert target_met("gdp", 5.0, None, None, "%", None) is None


def test_search_kwic_and_attention(corpus) -> None:  # type: ignore[no-untyped-def]
    hits = corpus.search("化债")
    assert hits["snippet"].str.contains("【化债】").all() and len(hits) == 1
    assert corpus.search("化债", year=2025).empty
    lines = corpus.kwic("生产总值", width=4)
    assert len(lines) == 4 and set(lines["term"]) == {"生产总值"}
    att = corpus.attention("innovation", by_section=False)
    assert att.set_index("report_year").loc[2025, "hits"] == 1
    hits = corpus.attention_hits("debt_risk")
    # whole terms that do not overlap: 地方政府债务风险 is one hit (地方政府债务), not also 债务风险
    assert hits["term"].tolist() == ["化债", "地方政府债务"]
    assert (hits["section_kind"] == "tasks").all()
    with pytest.raises(QueryError):
        corpus.search("，")


def test_dictionaries() -> None:
    d = parse_dictionary("# version: 1\n新质生产力\n生产力\n\n", "mine")
    assert d.version == "1" and d.terms == ("新质生产力", "生产力")
    assert [m.group() for m in d.pattern.finditer("发展新质生产力和生产力")] == ["新质生产力", "生产力"]
    with pytest.raises(DictionaryError, match="no terms"):
        parse_dictionary("# only comments\n", "empty")
    with pytest.raises(DictionaryError, match="no such dictionary"):
        load_dictionary("no-such-dictionary")
    assert load_dictionary("green").version is not None


@pytest.mark.parametrize("fmt", ["csv", "parquet", "dta", "xlsx", "jsonl"])
def test_every_export_format_reads_back(corpus, tmp_path: Path, fmt: str) -> None:  # type: ignore[no-untyped-def]
    frame = corpus.targets(["gdp"])
    out = tmp_path / f"t.{fmt}"
    write_frame(frame, out, fmt)
    back = {"csv": pd.read_csv, "parquet": pd.read_parquet, "dta": pd.read_stata, "xlsx": pd.read_excel,
            "jsonl": lambda p: pd.read_json(p, lines=True)}[fmt](out)
    assert len(back) == len(frame)
    assert list(back["target"]) == list(frame["target"])


def test_the_indicators_a_query_knows_come_from_the_grammar_and_the_store(tmp_path: Path) -> None:
    from govreport import lexicon
    from govreport.grammar import default_grammar

    assert set(lexicon.indicator_ids()) == {e.id for e in default_grammar().entries}
    assert lexicon.lower_is_better() == {"cpi", "unemployment_surveyed", "unemployment_registered",
                                         "energy_intensity", "deficit_ratio", "deficit"}
    aliases = tmp_path / "more.toml"
    aliases.write_text('[[indicator]]\nid = "tourism_revenue"\naliases = ["旅游总收入"]\nunits = ["money"]\n',
                       encoding="utf-8")
    (tmp_path / "r.txt").write_text("各位代表：\n一、2024年工作回顾\n旅游总收入19.7亿元，地区生产总值增长5%。",
                                    encoding="utf-8")
    db = tmp_path / "g.db"
    con = schema.connect(db)
    write.ingest(con, list(iter_inputs([tmp_path / "r.txt"])), aliases=(str(aliases),))
    con.close()
    with govreport.open(db) as c:
        assert c.indicators()[-1] == "tourism_revenue"
        assert c.panel(["tourism_revenue"])["value"].tolist() == [1.97e9]
        with pytest.raises(QueryError, match="unknown indicator"):
            c.panel(["tourism"])



def test_filters_naming_nothing_that_can_exist_are_errors(corpus) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(QueryError, match="unknown indicator 'gpd'"):
        corpus.facts(indicator="gpd")
    with pytest.raises(QueryError, match="unknown kind 'targets'"):
        corpus.facts(kind=["target", "targets"])
    with pytest.raises(QueryError, match="unknown level"):
        corpus.facts(level="city")
    assert len(corpus.facts(indicator="gdp", kind="target")) > 0


def test_stata_names_that_collide_at_32_characters_stay_apart(tmp_path: Path) -> None:
    frame = pd.DataFrame({"public_budget_expenditure_growth_target": [1.0],
                          "public_budget_expenditure_growth_actual": [2.0], "2x": [3.0]})
    out = tmp_path / "w.dta"
    write_frame(frame, out, "dta")
    back = pd.read_stata(out)
    assert list(back.columns) == ["public_budget_expenditure_growth", "public_budget_expenditure_grow_2", "_2x"]
    assert back.iloc[0].tolist() == [1.0, 2.0, 3.0]
    with pd.io.stata.StataReader(out) as reader:
        labels = reader.variable_labels()
    assert labels["public_budget_expenditure_grow_2"] == "public_budget_expenditure_growth_actual"


def test_a_wide_panel_of_every_indicator_writes_to_stata(corpus, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write_frame(corpus.panel(wide=True), tmp_path / "p.dta", "dta")
    assert len(pd.read_stata(tmp_path / "p.dta")) > 0


@pytest.fixture()
def words_store(tmp_path: Path):  # type: ignore[no-untyped-def]
    texts = {"a.txt": "各位代表：\n一、2024年工作回顾\n推进乡村振兴，一九八〇年以来经济发展，GDP增长5%左右。",
             "b.txt": "各位代表：\n一、2024年工作回顾\n振兴乡村产业，农业增产，乡村建设。",
             "c.txt": "各位代表：\n一、2024年工作回顾\n农业现代化，脱贫攻坚。"}
    with govreport.open(_store_of(tmp_path, texts)) as c:
        yield c


def _names(frame: pd.DataFrame) -> list[str]:
    return sorted(Path(d).name for d in frame["doc"])


def test_words_apart_are_all_required_or_offered_or_excluded(words_store) -> None:  # type: ignore[no-untyped-def]
    assert _names(words_store.search("乡村振兴")) == ["a.txt"]
    assert _names(words_store.search("乡村 振兴")) == ["a.txt", "b.txt"]  # both words, anywhere
    assert _names(words_store.search("乡村 OR 农业")) == ["a.txt", "b.txt", "c.txt"]
    assert _names(words_store.search("农业 -脱贫")) == ["b.txt"]
    assert _names(words_store.search("乡 -振兴")) == []  # one character: the scan, filtered alike


@pytest.mark.parametrize("query", ["一九八○年", "增长5％左右", "ＧＤＰ", "gdp", "經濟發展"])
def test_a_query_is_written_as_the_stored_text_is(words_store, query: str) -> None:  # type: ignore[no-untyped-def]
    assert _names(words_store.search(query)) == ["a.txt"]
    assert len(words_store.kwic(query)) == 1


def test_panel_flags_a_report_that_states_two_values_for_one_figure(tmp_path: Path) -> None:
    # one report, two different growth rates for the same year: the panel took one and said nothing
    db = _store_of(tmp_path, {"a.txt": "——2025年1月5日在星澜县第十八届人民代表大会第五次会议上\n各位代表：\n"
                                       "一、2024年工作回顾\n全县地区生产总值增长5.2%。\n"
                                       "回顾全年，全县地区生产总值增长5.8%，好于预期。\n"})
    with govreport.open(db) as c:
        growth = c.panel(["gdp"], ["actual"]).query("measure == 'growth'")
    assert len(growth) == 1 and bool(growth["conflict"].iloc[0])
    chosen, other = growth["value_as_written"].iloc[0], growth["other_values"].iloc[0]
    assert {chosen, float(other.split("%")[0])} == {5.2, 5.8} and "«" in other
    (tmp_path / "again").mkdir()
    again = _store_of(tmp_path / "again", {
        "b.txt": "——2025年1月5日在星澜县第十八届人民代表大会第五次会议上\n各位代表：\n一、2024年工作回顾\n"
                 "全县地区生产总值增长5.2%。\n回顾全年，全县地区生产总值增长5.2%，好于预期。\n"})
    with govreport.open(again) as c:  # the same value stated twice is no conflict
        same = c.panel(["gdp"], ["actual"]).query("measure == 'growth'")
    assert len(same) == 1 and not same["conflict"].any() and same["other_values"].isna().all()


def test_panel_targets_and_reports_take_region_level_adcode_and_year_filters(corpus) -> None:  # type: ignore[no-untyped-def]
    assert set(corpus.panel(["gdp"], year=2025)["year"]) == {2025}
    assert set(corpus.panel(["gdp"], year=[2024, 2026])["year"]) == {2024, 2026}
    assert set(corpus.panel(["gdp"], year=range(2024, 2026))["year"]) == {2024, 2025}
    assert corpus.panel(["gdp"], region="星澜").shape[0] == corpus.panel(["gdp"]).shape[0]
    assert corpus.panel(["gdp"], region="长沙").empty
    assert corpus.panel(["gdp"], level="province").empty
    assert set(corpus.targets(["gdp"], year=2026)["year"]) == {2026}
    assert list(corpus.reports(year=2026)["report_year"]) == [2026]
    with pytest.raises(QueryError, match="unknown level"):
        corpus.panel(["gdp"], level="town")
    with pytest.raises(QueryError, match="takes integers"):
        corpus.reports(year="2025")


def test_a_term_does_not_count_inside_its_stop_contexts() -> None:
    # 化债 counted 优化债务, 优化债券 and 法治化债转股: 4 of 7 hits were not debt resolution
    d = load_dictionary("debt_risk")
    text = "推进化债工作，优化债务期限结构，优化债券资金投向，推进市场化法治化债转股，落实一揽子化债方案。"
    hits = find_hits(text, (), d)
    before = [text[h.start - 2:h.start] for h in hits if h.term == "化债"]
    assert before == ["推进", "揽子"]
    own = parse_dictionary("債務 ! 優化債務\n", "mine")  # written as the stored text is: simplified
    assert own.terms == ("债务",) and [h.start for h in find_hits("优化债务，化解债务", (), own)] == [7]
    for bad in ("化债 ! 优化", "化债 ! 化债", "化 债\n"):
        with pytest.raises(DictionaryError, match="line 1"):
            parse_dictionary(bad, "bad")


def test_kwic_leaves_out_a_term_inside_the_longer_words_given_after_a_dash(tmp_path: Path) -> None:
    # kwic 化债 showed 优化债务, 优化债券 and 法治化债转股 beside debt resolution itself
    db = _store_of(tmp_path, {"a.txt": "——2025年1月5日在星澜县第十八届人民代表大会第五次会议上\n各位代表：\n"
                                       "推进化债工作，优化债务结构，推进市场化法治化债转股，落实化债方案。\n"})
    with govreport.open(db) as c:
        assert len(c.kwic("化债")) == 4
        lines = c.kwic("化债 -优化债 -化债转股")
        assert [left[-2:] for left in lines["left"]] == ["推进", "落实"]
        for bad in ("化债 农业", "化债 -优化"):
            with pytest.raises(QueryError):
                c.kwic(bad)


def test_one_common_character_is_answered_by_a_scan_not_the_index(words_store) -> None:  # type: ignore[no-untyped-def]
    # 的 or 发 on a 10,000-report store took 1.2 s through the index against 0.19 s for a scan:
    # a one-character term asks the index nothing, and the scan finds what the index would
    statements: list[str] = []
    words_store.con.set_trace_callback(statements.append)
    assert _names(words_store.search("业")) == ["b.txt", "c.txt"]
    assert not any("MATCH" in s for s in statements)
    statements.clear()
    assert _names(words_store.search("农业")) == ["b.txt", "c.txt"]
    assert any("MATCH" in s for s in statements)  # two characters: the index narrows


def test_targets_are_paired_only_within_a_region(tmp_path: Path) -> None:
    # two reports that name no region are not one region: neither's goal meets the other's result
    reports = {"a.txt": Y1, "b.txt": Y2}  # b's result for 2025 is no answer to a's goal for 2025
    with govreport.open(_store_of(tmp_path, reports)) as corpus:
        assert corpus.reports()["region"].isna().all()
        assert len(corpus.targets(["gdp"])) == 2 and corpus.targets(["gdp"])["actual"].isna().all()


def test_attention_reads_the_counts_stored_with_each_report(corpus, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # a bundled dictionary is read from attention_counts, and the figures are those of the texts
    d = load_dictionary("debt_risk")
    stored, scanned = corpus._stored_counts(d), corpus._counted_over_texts(d)
    assert stored is not None
    for mine, theirs in zip(stored, scanned, strict=True):  # hits (where not 0), then characters
        key = list(mine.columns[:2])
        left, right = (frame[frame.iloc[:, -1] > 0].sort_values(key).reset_index(drop=True)
                       for frame in (mine, theirs))
        pd.testing.assert_frame_equal(left, right, check_dtype=False)
    # the user's own dictionary (other terms, so another fingerprint) is counted over the texts
    mine = parse_dictionary("化债\n", "mine")
    assert corpus._stored_counts(mine) is None
    assert corpus.attention(mine, by_section=False)["hits"].sum() == 1
    # and with the counts at hand the texts are not read
    monkeypatch.setattr(type(corpus), "_texts_with_sections", lambda self: pytest.fail("read the texts"))
    whole = corpus.attention("debt_risk", by_section=False)
    assert whole.set_index("report_year")["hits"].to_dict() == {2025: 0, 2026: 2}


def test_attention_counts_over_the_texts_when_a_report_has_no_stored_counts(tmp_path: Path) -> None:
    # a report stored before the counts were (schema 8 and older): the whole store is counted anew
    db = _store_of(tmp_path, {"a.txt": Y1, "b.txt": Y2})
    con = sqlite3.connect(db)
    con.execute("DELETE FROM attention_counts WHERE report_id = (SELECT min(report_id) FROM attention_counts)")
    con.commit()
    con.close()
    with govreport.open(db) as corpus:
        d = load_dictionary("debt_risk")
        assert corpus._stored_counts(d) is None
        assert corpus.attention(d, by_section=False)["hits"].sum() == 2


def test_a_dictionarys_terms_counted_at_ingest_or_over_the_texts(corpus, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    stored = corpus.attention_terms("debt_risk")
    assert list(stored.itertuples(index=False, name=None)) == [("化债", 1), ("地方政府债务", 1)]
    # a dictionary of the user's is counted over the texts, with the same answer for the same terms
    mine = parse_dictionary("化债\n地方政府债务\n", "mine")
    assert list(corpus.attention_terms(mine).itertuples(index=False, name=None)) == [("化债", 1), ("地方政府债务", 1)]
    monkeypatch.setattr(type(corpus), "_texts_with_sections", lambda self: pytest.fail("read the texts"))
    corpus.attention_terms("debt_risk")
