"""Figures: every number with a unit, and the phrase it is about (新建高标准农田 4.48 万亩).

The open set beside the canonical facts: no indicator, no kind, just what the text says, grounded.
"""

from __future__ import annotations

import re

from govreport import lang
from govreport.model import Figure, Section
from govreport.numbers import Value, find_values
from govreport.sections import section_at

# the phrase before a number, up to the clause's start (a long name like 基本公共卫生服务经费人均财政
# 补助标准 must not be cut to 共卫生…)
SUBJECT_REACH = 30
_SUBJECT_CHARS = re.compile(rf"[\u4e00-\u9fffA-Za-z“”]{{1,{SUBJECT_REACH}}}")
# words between a subject and its number (verbs, comparisons, 约 …), as many as follow one another
VERB_WORDS = (
    "同比", "比上年", "比去年", "较上年", "分别", "实际", "名义", "可比", "同口径", "增长",
    "增加到", "增加", "增", "下降到", "下降", "降低", "降幅", "降至", "减少", "上涨",
    "涨幅", "增速", "达到", "达", "完成", "实现", "为", "控制在", "稳定在", "保持在",
    "突破", "超过", "提高到", "提高", "提升到", "增至", "约", "接近", "近", "共",
    "累计", "年均", "平均", "首次", "跃上", "迈上", "跃升至", "跃升到", "再", "拟按",
    *lang.GROWTH_WORDS, *lang.FALL_WORDS,  # (the words of a change the fact grammar reads, too)
)
# the tail of verb words read from the reversed phrase: one attempt at its start instead of a search
# from every position of the phrase (property-tested against that search)
_VERB_TAIL_REVERSED = re.compile(
    f"(?:{'|'.join(sorted((w[::-1] for w in VERB_WORDS), key=len, reverse=True))})+")
# words of time and action a subject phrase may open with (全年实现地区生产总值 -> 地区生产总值)
TIME_HEAD_WORDS = (*lang.WHOLE_YEAR_WORDS, *lang.ESTIMATE_WORDS, "今年", "去年", "上年", "完成", "实现", "拟", "安排",
                   "发行")
_TIME_HEAD = re.compile(f"^(?:{'|'.join(TIME_HEAD_WORDS)})+")
_TIME_HEAD_FIRST = frozenset(w[0] for w in TIME_HEAD_WORDS)  # most subjects open otherwise: no sub to try
_DECLINE = re.compile(rf"(?:{'|'.join(lang.FALL_WORDS)})(?!到|至)")
_LIST_GLUE = re.compile(rf"[{lang.JOINERS}]$")
# read in the reversed text from just before a number: its verb words, then the rest of the run of
# word characters (verb words are word characters, so together they are that run)
_PHRASE_REVERSED = re.compile(rf"(?P<verbs>{_VERB_TAIL_REVERSED.pattern})?(?P<subject>{_SUBJECT_CHARS.pattern})?")


def _phrase_before(rev: str, pos: int) -> tuple[str, str]:
    """The run of word characters that ends at pos (at most SUBJECT_REACH long), split into the
    subject phrase and its tail of verb words. rev is the text reversed: one match, no slicing."""
    at = len(rev) - pos
    m = _PHRASE_REVERSED.match(rev, at, at + SUBJECT_REACH)
    verbs, subject = m.group("verbs", "subject")  # type: ignore[union-attr]  # it matches empty at worst
    return (subject or "")[::-1], (verbs or "")[::-1]


def extract_figures(text: str, sections: tuple[Section, ...], values: list[Value] | None = None,
                    ) -> tuple[Figure, ...]:
    starts = [s.start for s in sections]
    rev = text[::-1]
    out: list[Figure] = []
    previous: tuple[Value, str, bool] | None = None
    for v in values if values is not None else find_values(text):
        if not v.unit or v.unit == "年":
            continue
        if previous and v.start - previous[0].end <= 1 and _LIST_GLUE.search(text[previous[0].end:v.start]):
            subject, declines = previous[1], previous[2]  # 4.5%、6.2%: the list shares its subject
            start = v.start
        else:
            head, verbs = _phrase_before(rev, v.start)
            subject = _TIME_HEAD.sub("", head) if head[:1] in _TIME_HEAD_FIRST else head
            declines = bool(verbs and _DECLINE.search(verbs))
            start = v.start - len(head) - len(verbs)
            if not subject and previous and text[previous[0].end:start] in ("，", ","):
                subject = previous[1]  # 180.39亿元，同比增长0.6%: the same subject goes on
        sign = -1 if declines or v.negative else 1
        sec = section_at(sections, starts, v.start) if sections else None
        value_max = None if v.value_max is None else sign * v.value_max
        qualifier = v.post or ("以上" if v.approx else None)
        # positional, in the fields' order: keywords cost a third of the building (~80 a report)
        out.append(Figure(subject, sign * v.value, value_max, v.unit, qualifier, text[start:v.end], start, v.end,
                          sec.index if sec else None))
        previous = (v, subject, declines)
    return tuple(out)
