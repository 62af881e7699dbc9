from __future__ import annotations

import re
from itertools import product

from hypothesis import given, settings
from hypothesis import strategies as st

from govreport.context import (
    FIVE_YEAR,
    FYP_OPENING,
    PAST_MARK,
    _first_plan_opening,
    make_context,
    speaks_of_several_years,
)
from govreport.model import Meta
from govreport.sections import find_sections

REPORT = """各位代表：
一、2025年工作回顾
过去一年，经济增长5.2%。
“十四五”时期，经济总量跃上新台阶。
“十五五”时期是基本实现现代化夯实基础的关键时期。今后五年的主要目标是经济保持合理增长。
二、2026年工作任务
今年发展主要预期目标是：增长5%左右。
"""


def test_a_paragraph_opening_on_a_coming_plan_starts_the_plan_part() -> None:
    sections = find_sections(REPORT)
    ctx = make_context(REPORT, Meta(report_year=2026), sections)
    review = next(s for s in sections if s.kind == "review")
    coming = REPORT.index("“十五五”时期是")
    assert ctx.plan_passages == ((coming, review.end, 2030),)
    assert not ctx.in_plan_passage(REPORT.index("“十四五”时期，"))
    assert ctx.in_plan_passage(REPORT.index("今后五年"))


_PARTS = st.sampled_from(["\n", "\u3000", " ", "——", "“", "”", "十四五", "十五五", "十三五", "时期", "规划", "期间",
                          "。", "回顾", "经济", "字"])


@settings(max_examples=300)
@given(st.lists(_PARTS, max_size=30).map("".join), st.data(), st.sampled_from([2016, 2021, 2026, 2031]))
def test_the_plan_opening_is_the_first_one_the_opening_pattern_finds(
        text: str, data: st.DataObject, target_year: int) -> None:
    # found from its 十X五 instead of by trying ^ at every position: the same line either way
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    expected = next(((m.start(), FIVE_YEAR[m.group(1)]) for m in FYP_OPENING.finditer(text, start, end)
                     if FIVE_YEAR.get(m.group(1), 0) >= target_year), None)
    assert _first_plan_opening(text, start, end, target_year) == expected


def test_a_plan_opening_must_start_a_line_inside_the_searched_stretch() -> None:
    line = "——“十五五”时期是关键时期。"
    assert _first_plan_opening(line, 0, len(line), 2026) == (0, 2030)
    assert _first_plan_opening(line, 1, len(line), 2026) is None  # the line starts before the stretch
    assert _first_plan_opening("x\n" + line, 1, len(line) + 2, 2026) == (2, 2030)
    assert _first_plan_opening(line, 0, len(line), 2031) is None  # a plan already past


def test_past_mark_reads_its_lookbehind_after_the_word() -> None:
    # the plain form, which re tries at every position, finds the same on every short string
    plain = re.compile(r"(?<![比较从由])(?:去年|上年)(?!预算|同期)|过去一年")
    parts = ["比", "较", "从", "去", "上", "年", "过", "一", "预算", "同期", "x"]
    for n in range(1, 5):
        for p in product(parts, repeat=n):
            text = "".join(p)
            assert [m.span() for m in PAST_MARK.finditer(text)] == [m.span() for m in plain.finditer(text)], text


def test_words_of_several_years_are_those_of_the_plain_form() -> None:
    count = r"(?:[两二三四五六七八九十]|(?<!\d)\d\d?)"  # a numeral, or one or two digits ending no longer number
    plain = re.compile(rf"(?:过去的?|这|近){count}年|{count}年来|[两二三四五六七八九十]年以来"
                       r"|“?(?:十[一二三四五六]五|[八九]五|十五)”?(?:时期|期间|以来)")
    parts = ["过去", "的", "这", "近", "五年", "一年", "来", "“", "十三五", "九五", "”", "时期", "以来", "12", "2015",
             "年来", "x"]
    for n in range(1, 4):
        for p in product(parts, repeat=n):
            text = "".join(p)
            assert speaks_of_several_years(text) == bool(plain.search(text)), text
            # and within a stretch of a longer text
            padded = "x" + text + "x"
            assert speaks_of_several_years(padded, 1, len(padded) - 1) == bool(plain.search(padded, 1, len(padded) - 1))
