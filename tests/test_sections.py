from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from govreport.sections import (
    _CANDIDATE_LINE,
    _INDENT_CHARS,
    BARE_MAX,
    MARKER_FIRST,
    MARKERS,
    _marked_heading,
    find_sections,
)

REPORT = """各位代表：
一、2024年工作回顾
过去一年，经济增长。
（一）调整宏观经济政策，稳住基本盘。正文。
二、2025年经济社会发展总体要求和政策取向
今年发展主要预期目标是：增长5%左右。
三、2025年政府工作任务
（一）大力提振消费。正文。
（二）加强政府自身建设。正文。
"""


def test_heading_tree_and_kinds() -> None:
    secs = find_sections(REPORT)
    got = [(s.depth, s.marker, s.kind, s.year) for s in secs]
    assert got == [(1, "一、", "review", 2024), (2, "（一）", "review", 2024),
                   (1, "二、", "targets", 2025), (1, "三、", "tasks", 2025),
                   (2, "（一）", "tasks", 2025), (2, "（二）", "self_building", 2025)]
    assert secs[1].parent == 0 and secs[4].parent == 3
    assert REPORT[secs[0].start:secs[0].end].startswith("一、2024年工作回顾")
    assert secs[0].end == secs[2].start


def test_a_heading_names_its_year_in_digits_or_spelled_out() -> None:
    secs = find_sections("各位代表：\n一、一九五七年经济战线上的胜利\n正文。\n二、争取二〇〇一年的新跃进\n正文。\n"
                         "三、二零零二年的任务\n正文。\n")
    assert [s.year for s in secs] == [1957, 2001, 2002]


def test_unmarked_heading_and_following_items_stay_review() -> None:
    secs = find_sections("各位代表：\n2022年工作回顾\n正文。\n一、稳防控、保安全\n正文。\n")
    assert [s.kind for s in secs] == ["review", "review"]


def test_bare_headings_with_the_year_spelled_out() -> None:
    # an older report's unnumbered parts: 二〇〇八年工作回顾, 二〇〇九年工作安排
    secs = find_sections("各位代表：\n二〇〇八年工作回顾\n全县经济增长。\n二〇〇九年工作安排\n力争增长10%。\n")
    assert [(s.kind, s.year) for s in secs] == [("review", 2008), ("tasks", 2009)]


def test_bare_headings_that_open_on_a_verb_before_their_year() -> None:
    # a repost's own headings: 回顾YYYY年… reviews, 展望YYYY年… sets out the year's goals
    secs = find_sections("各位代表：\n回顾2021年工作成效\n全县经济增长。\n展望2022年发展目标\n力争增长7%。\n")
    assert [(s.kind, s.year) for s in secs] == [("review", 2021), ("targets", 2022)]


def test_a_digests_parts_set_off_by_a_symbol() -> None:
    secs = find_sections("报告摘要\n■ 2021年成绩单\n●预计全省经济增长6%左右\n◆ 2022年主要预期目标\n●经济增长6%左右\n")
    assert [(s.kind, s.year) for s in secs] == [("review", 2021), ("targets", 2022)]


def test_a_pages_parts_in_brackets_and_a_years_work_plans() -> None:
    secs = find_sections("各位代表：\n【2023年工作回顾】\n全县经济平稳。\n【2024年工作安排】\n力争增长7%。\n")
    assert [(s.kind, s.year) for s in secs] == [("review", 2023), ("tasks", 2024)]
    secs = find_sections("各位代表：\n（一）2023年工作回顾\n正文。\n（二）2024年工作打算\n正文。\n")
    assert [(s.kind, s.year) for s in secs] == [("review", 2023), ("tasks", 2024)]


def test_top_headings_run_into_paragraphs_are_found() -> None:
    # some copies lose the line breaks before top-level headings: 。二、… follows the paragraph
    text = ("各位代表：一、2024年工作回顾过去一年，经济增长5%。正文。二、2025年主要预期目标增长5%左右。"
            "三、2025年政府工作任务正文。十一、加强政府自身建设正文。")
    secs = [(s.marker, s.kind) for s in find_sections(text) if s.depth == 1]
    assert secs == [("一、", "review"), ("二、", "targets"), ("三、", "tasks"), ("十一、", "self_building")]
    top = next(s for s in find_sections(text) if s.marker == "十一、")
    assert text[top.start:top.start + 3] == "十一、"


def test_a_digest_listing_the_reports_parts_has_no_headings() -> None:
    text = ("县长代表县人民政府作《政府工作报告》。《报告》共分四个部分：一、2017年工作回顾；二、2018年工作总体要求；"
            "三、2018年主要任务；四、加强政府自身建设。\n县长说，全县实现地区生产总值245亿元。")
    assert find_sections(text) == ()
    lines = ("会上，市长作政府工作报告。\n报告分为三部分：\n一、2019年工作回顾；\n二、奋力做好2020年工作；\n"
             "三、提升政府治理能力。\n")
    assert find_sections(lines + "市长说，全市经济平稳。") == ()
    assert [s.title for s in find_sections("各位代表：\n一、2019年工作回顾\n正文。")] == ["2019年工作回顾"]


_LINE_PARTS = st.sampled_from([" ", "\u3000", "\t", "\u00a0", "\r", "\u2003", "一、", "（一）", "1.", "第", "回顾",
                               "正文内容较长的一段话" * 2, "字", "。", "二"])


@given(st.lists(st.lists(_LINE_PARTS, max_size=8).map("".join), max_size=6).map("\n".join))
def test_candidate_lines_are_the_lines_worth_a_look(text: str) -> None:
    # the one-scan candidate test must pick exactly the lines the plain per-line test would
    expected, pos = [], 0
    for line in text.split("\n"):
        body = line.lstrip(_INDENT_CHARS)
        if body and (body[0] in MARKER_FIRST or len(body.rstrip()) <= BARE_MAX):
            expected.append(pos)
        pos += len(line) + 1
    assert [m.start() for m in _CANDIDATE_LINE.finditer("\n" + text)] == expected


_MARKER_PARTS = ["一、", "（一）", "(1)", "（1）", "12.", "第二部分", "一", "十", "、", ".", "（", ")", "第", "1", "字"]


@given(st.lists(st.sampled_from(_MARKER_PARTS), max_size=6).map("".join))
def test_a_marker_is_the_first_of_markers_that_matches(body: str) -> None:
    # tried by the line's first character only: the same marker as trying them all in order
    expected = next(((d, m.group()) for d, p in MARKERS if (m := p.match(body))), None)
    assert _marked_heading(body) == expected


def test_a_heading_on_a_plan_names_it_with_or_without_quotes() -> None:
    # every plan of lang.toml [five_year_plans], the one-syllable ones too (“十五”期间), and a page that
    # lost its quote marks (十二五时期的主要目标和任务)
    for title in ("“十五”期间的奋斗目标和指导方针", "十二五时期的主要目标和任务", "“九五”计划的主要任务"):
        secs = find_sections(f"各位代表：\n一、2000年工作回顾\n正文。\n二、{title}\n正文。\n")
        assert [s.kind for s in secs] == ["review", "plan"], title


def test_a_marker_alone_on_its_line_takes_its_title_from_the_next() -> None:
    # a copy broken at every token: 一、⏎2018年工作回顾 is one heading, and the sections after it are
    # its siblings (not children of a bare heading 2018年工作回顾)
    text = ("各位代表：\n一、\n2018年工作回顾\n过去一年，经济增长6.6%。\n二、2019年经济社会发展总体要求和政策取向\n"
            "今年是关键之年。\n三、2019年政府工作任务\n正文。\n")
    got = [(s.depth, s.marker, s.title, s.kind) for s in find_sections(text)]
    assert got == [(1, "一、", "2018年工作回顾", "review"),
                   (1, "二、", "2019年经济社会发展总体要求和政策取向", "targets"),
                   (1, "三、", "2019年政府工作任务", "tasks")]
    # a list's items, each on the line after its number and ending as items do, are no headings
    items = "各位代表：\n今年要做好以下工作：\n一、\n继续保持财政收支的平衡；\n二、\n扩大商品的流通；\n"
    assert find_sections(items) == ()
