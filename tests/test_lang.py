"""The report language, written once (data/lang.toml, lang.py)."""

from __future__ import annotations

import re

import pytest

import govreport
from govreport import lang
from govreport.regexfirst import first_chars


def test_every_five_year_plan_since_the_eighth_and_its_end_year() -> None:
    assert lang.FIVE_YEAR_PLANS == {"八五": 1995, "九五": 2000, "十五": 2005, "十一五": 2010, "十二五": 2015,
                                    "十三五": 2020, "十四五": 2025, "十五五": 2030, "十六五": 2035}
    named = re.compile(lang.PLAN_NAMED)
    assert [m.group(1) for m in named.finditer("“九五”计划，十五期间，十五五时期，第十五届人大，十五年")] == [
        "九五", "十五", "十五五"]


def test_a_plan_named_in_an_older_review_dates_its_goals() -> None:
    r = govreport.extract("——2001年3月5日在第九届全国人民代表大会第四次会议上\n各位代表：\n一、“九五”时期的成就\n"
                          "二、“十五”计划的主要任务\n“十五”期间国内生产总值年均增长7%左右，到2005年城镇登记失业率控制在5%左右。")
    assert {(f.indicator, f.kind, f.period) for f in r.facts} == {("unemployment_registered", "plan", 2005)}


@pytest.mark.parametrize(("words", "several"), [
    ("过去五年，", True), ("过去的两年", True), ("这五年", True), ("近三年", True), ("三年来", True), ("10年来", True),
    ("四年以来", True), ("“十四五”时期", True), ("九五期间", True), ("过去一年", False), ("2015年来", False),
    ("2015年以来", False), ("第十五届", False), ("五年累计完成", True), ("三年合计", True), ("2023年累计", False)])
def test_words_of_several_years(words: str, several: bool) -> None:
    assert bool(re.search(lang.SEVERAL_YEARS, words)) == several


def test_heading_markers_open_on_characters_a_scan_can_list() -> None:
    for _, marker in lang.HEADING_MARKERS:
        assert first_chars(marker), marker


@pytest.mark.parametrize(("name", "stem"), [("大理白族自治州", "大理"), ("湘西土家族苗族自治州", "湘西"),
                                            ("新疆维吾尔自治区", "新疆"), ("西藏自治区", "西藏"), ("江岸区", "江岸"),
                                            ("神农架林区", "神农架"), ("泾县", "泾")])
def test_region_stems(name: str, stem: str) -> None:
    assert lang.region_stem(name) == stem


@pytest.mark.parametrize(("word", "name"), [("贾建刚", True), ("哈热", True), ("欧阳华", True), ("宏伟", False),
                                            ("会上", False), ("政府工作", False)])
def test_names_open_on_a_surname(word: str, name: bool) -> None:
    assert lang.is_name(word) == name


def test_titles_longest_first() -> None:
    assert re.match(lang.TITLE_PATTERN, "代市长").group() == "代市长"  # type: ignore[union-attr]


_PARTS = ["过去", "的", "这", "近", "五", "两", "一", "年", "来", "以", "累计", "增长", "“", "十三五", "九五", "十五",
          "”", "时期", "期间", "12", "2015", "3", "x", "，"]


def test_the_fast_form_of_several_years_finds_what_the_plain_form_finds() -> None:
    from itertools import product

    plain, fast = re.compile(lang.SEVERAL_YEARS), re.compile(lang.SEVERAL_YEARS_FAST)
    for n in range(1, 4):
        for parts in product(_PARTS, repeat=n):
            text = "".join(parts)
            assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)], text
