from __future__ import annotations

import re
from itertools import product

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govreport.numbers import VALUE, find_values, parse_number


@pytest.mark.parametrize(
    ("text", "value", "vmax", "unit", "post", "approx"),
    [
        ("增长82.9%", 82.9, None, "%", None, False),
        ("增长7%左右", 7, None, "%", "左右", False),
        ("增长5%—5.5%", 5, 5.5, "%", None, False),
        ("增长4.5-5%", 4.5, 5, "%", None, False),
        ("增长6%－6.5%", 6, 6.5, "%", None, False),
        ("5-20%之间", 5, 20, "%", None, False),
        ("1300多亿美元", 1300, None, "亿美元", None, True),
        ("7000余户", 7000, None, "户", None, True),
        ("1200万人以上", 1200, None, "万人", "以上", False),
        ("百分之五", 5, None, "%", None, False),
    ],
)
def test_value_grammar(text: str, value: float, vmax: float | None, unit: str, post: str | None,
                       approx: bool) -> None:
    (v,) = find_values(text)
    assert (v.value, v.value_max, v.unit, v.post, v.approx) == (value, vmax, unit, post, approx)


def test_negative_and_years() -> None:
    (v,) = find_values("负3.9%")
    assert v.negative and v.value == 3.9
    assert find_values("2021-2025年") == [] or all(x.unit != "年" for x in find_values("2025年"))
    assert find_values("2025年") == []


@pytest.mark.parametrize("text", ["增长-39.7%", "增长－39.7%", "增长−39.7%"])
def test_a_minus_sign_before_a_number(text: str) -> None:
    (v,) = find_values(text)
    assert (v.negative, v.value, text[v.start:v.end]) == (True, 39.7, text[2:])


def test_ten_thousands_of_hundred_millions_in_numerals() -> None:
    assert [(v.value, v.unit, v.approx) for v in find_values("粮食产量一万零五百亿斤，三万零六百多亿元，三万元")] == [
        (10500, "亿斤", False), (30600, "亿元", True), (3, "万元", False)]


def test_a_step_is_no_unit_of_machines() -> None:
    assert [(v.value, v.unit) for v in find_values("迈上5万亿台阶，新增机器人1200台")] == [(5, "万亿"), (1200, "台")]


def test_a_dash_between_numbers_is_no_minus_sign() -> None:
    assert [(v.value, v.value_max, v.negative) for v in find_values("增长5%-6%，增长5-6%")] == [
        (5, 6, False), (5, 6, False)]


def test_chinese_numerals() -> None:
    assert parse_number("一千二百") == 1200
    assert parse_number("三点五") == 3.5


@given(st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False, allow_infinity=False),
       st.sampled_from(["%", "亿元", "万人", "万吨", "亿斤", "户"]),
       st.sampled_from(["", "左右", "以上", "以内"]))
def test_written_numbers_parse_back(d, unit: str, post: str) -> None:  # type: ignore[no-untyped-def]
    text = f"增长{d}{unit}{post}，"
    (v,) = find_values(text)
    assert v.value == pytest.approx(float(d))
    assert v.unit == unit
    assert (v.post or "") == post
    assert text[v.start:v.end] == f"{d}{unit}{post}"


@pytest.mark.parametrize(("text", "expected"), [
    ("地方财政收入突破两亿元大关", [(2.0, "亿元")]),
    ("粮食产量一千二百万吨", [(1200.0, "万吨")]),
    ("新增三千户", [(3000.0, "户")]),
    ("一户一策", []),
    ("第一户", []),
    ("三年行动", []),
    ("经济总量突破百亿元", [(100.0, "亿元")]),  # a magnitude said without its 一
    ("迈上千亿元台阶", [(1000.0, "亿元")]),
    ("百元", []),
])
def test_chinese_numeral_amounts(text: str, expected: list[tuple[float, str]]) -> None:
    assert [(v.value, v.unit) for v in find_values(text)] == expected


def test_percent_ranges_in_chinese_numerals() -> None:
    found = [(v.value, v.value_max, v.unit) for v in find_values("定为百分之八至九，或百分之八到百分之九。")]
    assert found == [(8.0, 9.0, "%"), (8.0, 9.0, "%")]


def test_full_width_commas_between_digit_groups_in_typeset_copies() -> None:
    # older reports typeset 3，680亿斤 and 27，203，319，000元; a comma between clauses stays one
    text = "粮食总产量达到3，680亿斤，收入合计27，203，319，000元，增长5%，300家"
    found = [(v.value, v.unit) for v in find_values(text)]
    assert found == [(3680.0, "亿斤"), (27203319000.0, "元"), (5.0, "%"), (300.0, "家")]


def test_thousands_separators_in_web_copies() -> None:
    text = "收入42,560元，总值1,234.5亿元，共1,234,567元；2019,2020年；12,3456元"
    found = [(v.value, v.unit) for v in find_values(text)]
    assert found == [(42560.0, "元"), (1234.5, "亿元"), (1234567.0, "元")]


def _same_matches_as_backtracking(texts: list[str]) -> None:
    # the value regex takes a Chinese numeral without giving characters back (faster on the many
    # numerals that open no amount); with backtracking allowed it must find the very same matches
    backtracking = re.compile(VALUE.pattern.replace("}+", "}"))
    assert backtracking.pattern != VALUE.pattern
    for text in texts:
        assert [(m.span(), m.groups()) for m in VALUE.finditer(text)] == \
            [(m.span(), m.groups()) for m in backtracking.finditer(text)], text


_NUMERALS = "零〇一二两三四五六七八九十百千"


def test_possessive_chinese_numeral_on_every_short_string() -> None:
    # every string of up to three characters over the numerals, the characters of the amount
    # units (read from the pattern, so a unit added later is covered) and a few others
    units = VALUE.pattern[VALUE.pattern.index("(?P<cn_unit>"):VALUE.pattern.index("(?P<cn_post>")]
    alphabet = sorted(set(_NUMERALS) | {c for c in units if "\u4e00" <= c <= "\u9fff"} | set("多是1%"))
    _same_matches_as_backtracking(["".join(p) for n in (1, 2, 3) for p in product(alphabet, repeat=n)])


@given(st.lists(st.tuples(st.text(alphabet=_NUMERALS, min_size=1, max_size=9),
                          st.sampled_from(["万亿元", "亿元", "万元", "千元", "百元", "元", "美元", "吨", "户", "千户",
                                           "多", "余", "多万元", "以上", "是", "%", "1", "分之", ""])), max_size=6))
def test_possessive_chinese_numeral_on_long_numerals(parts: list[tuple[str, str]]) -> None:
    _same_matches_as_backtracking(["".join(run + after for run, after in parts)])


def test_no_value_starts_inside_a_longer_number() -> None:
    # 1.2.3亿元 is no amount (a version, a section number): its 2 and 3 open nothing either
    assert find_values("第1.2.3亿元") == []
    assert [(v.value, v.unit) for v in find_values("共1.5亿元")] == [(1.5, "亿元")]


@pytest.mark.parametrize(("text", "expected"), [
    ("粮食产量达到四亿零七百多万吨", (4.07, "亿吨", True)),
    ("总产值增加了二十七亿四千万元", (27.4, "亿元", False)),
    ("收支各为一千三百六十九亿一千四百万元", (1369.14, "亿元", False)),
    ("共达十亿零七千万亩", (10.7, "亿亩", False)),
    ("耕地七亿多亩", (7.0, "亿亩", True)),
])
def test_chinese_amounts_in_hundred_millions_and_ten_thousands(text: str, expected: tuple[float, str, bool]) -> None:
    # older reports: 三亿零四百七十五万吨 is 3.0475 亿吨, not 四百七十五万吨 inside a longer numeral
    (v,) = find_values(text)
    assert (v.value, v.unit, v.approx) == expected
    assert text[v.start:v.end].endswith(expected[1][-1])


def test_years_as_reports_write_them() -> None:
    from govreport.numbers import year_number

    assert [year_number(y) for y in ("1984", "一九八四", "二〇二五", "二零二六")] == [1984, 1984, 2025, 2026]
    with pytest.raises(ValueError):
        year_number("一九八X")
