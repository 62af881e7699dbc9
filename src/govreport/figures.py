"""Figures: every number with a unit, and the phrase it is about (新建高标准农田 4.48 万亩)."""

from __future__ import annotations

import re
from bisect import bisect_right

from govreport.model import Figure, Section
from govreport.numbers import find_values
from govreport.sections import section_at

_SUBJECT = re.compile(r"[\u4e00-\u9fffA-Za-z“”]{1,16}$")
_SKIP = re.compile(r"^(?:比上年|同比|分别|实际|增长|下降|达到|完成|实现|为|达|超过|突破|约|近|共|累计|年均)+")


def extract_figures(text: str, sections: tuple[Section, ...]) -> tuple[Figure, ...]:
    starts = [s.start for s in sections]
    out: list[Figure] = []
    for v in find_values(text):
        if not v.unit or v.unit in ("年",):
            continue
        m = _SUBJECT.search(text, max(0, v.start - 16), v.start)
        subject = m.group() if m else ""
        sec = section_at(sections, starts, v.start) if sections else None
        start = m.start() if m else v.start
        out.append(Figure(subject=subject, value=-v.value if v.negative else v.value, value_max=v.value_max,
                          unit=v.unit, qualifier=v.post, quote=text[start:v.end], start=start, end=v.end,
                          section=sec.index if sec else None))
    return tuple(out)


__all__ = ["bisect_right", "extract_figures"]
