"""What a position in a report is about: the review year, the target year, and the passages
(five-year summaries, coming plans, the opening) that change what a figure there means."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from govreport import lang
from govreport.model import Meta, Section
from govreport.sections import section_at

FIVE_YEAR = lang.FIVE_YEAR_PLANS
# 去年/上年 not after 比/较/从/由 (the lookbehind follows the word: opening with it, the pattern
# would be tried at every position)
PAST_MARK = re.compile(r"去年(?<![比较从由]..)(?!预算|同期)|上年(?<![比较从由]..)(?!预算|同期)"
                       rf"|{lang.PAST_YEAR}")


@dataclass(frozen=True)
class Context:
    meta: Meta
    sections: tuple[Section, ...]
    starts: list[int]
    review_year: int | None
    target_year: int | None
    plan_passages: tuple[tuple[int, int, int], ...] = ()  # start, end, the plan's end year
    multi_year_passages: tuple[tuple[int, int], ...] = ()
    first_section_start: int = 0
    preamble_is_review: bool = False
    base_year_notes: tuple[tuple[int, int, int], ...] = ()  # start, end, the year growth is compared with

    @property
    def reviews_its_own_year(self) -> bool:
        """A report read late in its year (December) reviews that year: its 今年 is the past."""
        return self.review_year is not None and self.review_year == self.meta.report_year

    def base_year_at(self, pos: int) -> int | None:
        """The year a note before pos says the growth figures after it are compared with."""
        for a, b, year in self.base_year_notes:
            if a <= pos < b:
                return year
        return None

    def section(self, pos: int) -> Section | None:
        return section_at(self.sections, self.starts, pos)

    def kind_of(self, sec: Section | None) -> str:
        """The section's kind, except that a heading naming a past year (一、2025年主要工作 in a
        2026 report, 一、攻坚克难，2022年经济社会发展… in a 2023 one) is a review whatever its words."""
        if sec is None:
            return "other"
        node: Section | None = sec
        while node is not None:
            if node.kind in ("targets", "tasks", "other") and node.year and self.target_year \
                    and node.year < self.target_year:
                return "review"
            node = self.sections[node.parent] if node.parent is not None else None
        if sec.kind == "plan" and self.target_year:
            end = self._named_plan_end(sec)
            if end is not None and end < self.target_year:
                return "review"  # 一、“十五”计划主要预期目标提前实现 in a 2006 report: a past plan's results
        return sec.kind

    def _named_plan_end(self, sec: Section) -> int | None:
        """The end year of the five-year plan the nearest heading naming one names."""
        node: Section | None = sec
        while node is not None:
            named = _FYP.search(node.title)
            if named:
                return FIVE_YEAR.get(named.group())
            node = self.sections[node.parent] if node.parent is not None else None
        return None

    def in_plan_passage(self, pos: int) -> bool:
        return any(a <= pos < b for a, b, _ in self.plan_passages)

    def plan_year(self, pos: int, sec: Section | None) -> int | None:
        """The end year of the five-year plan a goal at pos belongs to: the one its passage opens
        on, else the one its headings name (二、“十四五”时期主要目标任务), else, under a plan heading
        that names neither a plan nor a year (今后五年的奋斗目标), the last of the government's five
        years from the report's own."""
        for a, b, year in self.plan_passages:
            if a <= pos < b:
                return year
        if sec is not None and (named := self._named_plan_end(sec)) is not None:
            return named
        if sec is not None and sec.kind == "plan" and sec.year is None and self.target_year:
            return self.target_year + TERM_YEARS - 1
        return None

    def in_multi_year_passage(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self.multi_year_passages)


LATE_MONTHS = ("11", "12")
TERM_YEARS = 5  # a congress's term, the five years a first session's report looks ahead to


def make_context(text: str, meta: Meta, sections: tuple[Section, ...]) -> Context:
    review_years = [s.year for s in sections if s.kind == "review" and s.depth <= 1 and s.year]
    ry = meta.report_year
    target_years = [s.year for s in sections if s.kind in ("targets", "tasks") and s.depth <= 1 and s.year
                    and not (ry and s.year < ry)]
    # a report delivered late in its year (a new congress's first session in November or December)
    # reviews that year (预计…) and sets the next one's goals
    late = (meta.meeting_date or "")[5:7] in LATE_MONTHS
    review_year = review_years[0] if review_years else ((ry if late else ry - 1) if ry else None)
    target_year = target_years[0] if target_years else ry
    if review_year and target_year and target_year <= review_year:
        target_year = review_year + 1
    first = sections[0].start if sections else len(text)
    return Context(meta, sections, [s.start for s in sections], review_year, target_year,
                   _plan_passages(text, sections, target_year),
                   _multi_year_passages(text, sections, review_year),
                   first, PAST_MARK.search(text, 0, first) is not None, _base_year_notes(text, sections))


# 比2012年（下同）增长47.7%: the base year, with 下同, of every growth after it in its section
# (found from its 下同, rarer than 比, the year read behind it)
BASE_YEAR_NOTE = re.compile(r"下同(?<=比((?:19|20)\d\d)年[（(]下同)[）)]")


def _base_year_notes(text: str, sections: tuple[Section, ...]) -> tuple[tuple[int, int, int], ...]:
    starts = [s.start for s in sections]
    notes = []
    for m in BASE_YEAR_NOTE.finditer(text):
        sec = section_at(sections, starts, m.start()) if sections else None
        notes.append((m.start(), sec.end if sec else len(text), int(m.group(1))))
    return tuple(notes)


# words that speak of several years (lang.SEVERAL_YEARS, in the form re finds fast); read by
# speaks_of_several_years
SEVERAL_YEARS = re.compile(lang.SEVERAL_YEARS_FAST)


def speaks_of_several_years(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether text[start:end] names a span of years: 过去五年, 五年来, “十四五”时期, 10年来 …"""
    end = len(text) if end is None else end
    return SEVERAL_YEARS.search(text, start, end) is not None


@lru_cache(maxsize=64)
def single_year_opening(review_year: int | None) -> re.Pattern[str]:
    year = rf"|(?:刚刚过去的)?{review_year}年" if review_year else ""
    return re.compile(rf"(?:刚刚)?(?:{lang.PAST_YEAR})|去年|全年{year}")


def _multi_year_passages(text: str, sections: tuple[Section, ...], review_year: int | None,
                         ) -> tuple[tuple[int, int], ...]:
    """Paragraphs of a review that sum up five years run from a 过去五年 opening to a 过去一年 one."""
    single = single_year_opening(review_year)
    out: list[tuple[int, int]] = []
    for sec in sections:
        if sec.kind != "review" or sec.depth != 1:
            continue
        start: int | None = None
        for para in re.finditer(r"[^\n]+", text[sec.heading_end:sec.end]):
            a = sec.heading_end + para.start()
            opening = para.group().lstrip(" \t\u3000—")[:14]
            if start is None and speaks_of_several_years(opening):
                start = a
            elif start is not None and single.match(opening):
                out.append((start, a))
                start = None
        if start is not None:
            out.append((start, sec.end))
    return tuple(out)


FYP_OPENING = re.compile(rf"^[ \t\u3000]*(?:——)?[^。\n]{{0,6}}“?({lang.PLAN_PATTERN})”?(?:时期|期间|规划)", re.M)
# what FYP_OPENING is found from: ^ makes re try it at every position, this opens with a literal
_FYP = re.compile(lang.PLAN_PATTERN)


def _plan_passages(text: str, sections: tuple[Section, ...], target_year: int | None,
                   ) -> tuple[tuple[int, int, int], ...]:
    """In a review section, a paragraph opening on a coming five-year plan starts the plan part."""
    out = []
    for sec in sections:
        if sec.kind != "review" or sec.depth != 1 or target_year is None:
            continue
        opening = _first_plan_opening(text, sec.heading_end, sec.end, target_year)
        if opening is not None:
            out.append((opening[0], sec.end, opening[1]))
    return tuple(out)


def _first_plan_opening(text: str, start: int, end: int, target_year: int) -> tuple[int, int] | None:
    """Where the first line in text[start:end] that opens on a five-year plan not yet past starts,
    and the plan's end year: FYP_OPENING.finditer(text, start, end), tried only on the lines that
    name such a plan."""
    tried = -1
    for hit in _FYP.finditer(text, start, end):
        line_start = text.rfind("\n", 0, hit.start()) + 1
        if line_start == tried or line_start < start:
            continue  # the line was tried, or starts before the section's text (^ cannot match there)
        tried = line_start
        m = FYP_OPENING.match(text, line_start, end)
        if m and FIVE_YEAR.get(m.group(1), 0) >= target_year:
            return line_start, FIVE_YEAR[m.group(1)]
    return None


# --- mentions and values in a clause ---------------------------------------------------------------
