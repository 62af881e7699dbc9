from __future__ import annotations

from govreport.sections import find_sections

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


def test_unmarked_heading_and_following_items_stay_review() -> None:
    secs = find_sections("各位代表：\n2022年工作回顾\n正文。\n一、稳防控、保安全\n正文。\n")
    assert [s.kind for s in secs] == ["review", "review"]
