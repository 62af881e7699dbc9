"""Sections: the heading tree of a report (一、 （一） 1. …) with a kind for each heading.

Section kind drives fact kind: a figure under a review heading is a result, one under the
targets heading is a goal. Kinds come from data/sections.toml.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from govreport import lang, lexicon
from govreport.model import Section
from govreport.numbers import SPELLED_YEAR, YEAR_DIGITS, year_number
from govreport.regexfirst import first_chars

_CN = lang.ORDINALS
# (depth, marker pattern) – the depth a marker opens in the usual report outline (lang.HEADING_MARKERS)
MARKERS: tuple[tuple[int, re.Pattern[str]], ...] = tuple((d, re.compile(m)) for d, m in lang.HEADING_MARKERS)
_INDENT_CHARS = " \t\u3000\u00a0"
# a top-level heading run into the paragraph before it (…工作。二、2024年工作任务): found from its
# 、 (a literal re skips to in C), the one to three numerals and the sentence end read behind it
_INLINE_TOP = re.compile(
    "、(?:" + "|".join(rf"(?<=[。！？：:][{_CN}]{{{n}}}、)" for n in (1, 2, 3)) + ")"
    rf"(?=[^。\n]{{0,30}}?(?:{lang.HEADING_ENDS}))")
# 2025年, and in older reports 一九五八年 (read by year_number)
_YEAR = re.compile(f"(?<!\\d)({YEAR_DIGITS}|{SPELLED_YEAR})年")
# a line of words with a year at its head or after a verb of a few characters (回顾2023年工作成果)
# (news digests set their parts off with a symbol: ■ 2024年成绩单, ◆ 2025年主要预期目标)
# (or in brackets: 【2023年工作回顾】; an older report's year spelled out: 二〇〇九年工作安排)
_BARE_HEADING = re.compile(rf"^(?:[{lang.LIST_SYMBOLS}][ \t\u3000]*)?[【〖\[]?"
                           rf"(?:[\u4e00-\u9fff]{{0,4}}(?:(?:19|20)\d{{2}}|{SPELLED_YEAR})年|今年|{lang.PAST_YEAR})?"
                           rf"[\u4e00-\u9fff“”\"]{{2,20}}[】〗\]]?$")
BARE_MAX = 25  # the longest line _BARE_HEADING accepts (a year and 20 characters)


def _opening_chars(marker: re.Pattern[str]) -> frozenset[str]:
    chars = first_chars(marker.pattern)
    if not chars:
        raise ValueError(f"heading marker {marker.pattern!r}: the characters it opens with cannot be listed")
    return frozenset(chars)


# every character a heading marker can open with, and the markers each one can open, in MARKERS' order
_FIRSTS = [_opening_chars(p) for _, p in MARKERS]
MARKER_FIRST: frozenset[str] = frozenset().union(*_FIRSTS)
_MARKERS_BY_FIRST: dict[str, tuple[tuple[int, re.Pattern[str]], ...]] = {
    c: tuple(mk for mk, firsts in zip(MARKERS, _FIRSTS, strict=True) if c in firsts) for c in MARKER_FIRST}
# A line that may be a heading: after its indent, a character a marker opens with, or at most
# BARE_MAX characters before the line's trailing spaces. Most lines are paragraphs; one scan finds
# the few others (a Python test of every line cost ~0.3 us each). Searched in the text with a
# newline prepended; possessive, so a long line fails without re trying shorter prefixes.
_CANDIDATE_LINE = re.compile(
    rf"\n[{_INDENT_CHARS}]*+(?:[{''.join(re.escape(c) for c in sorted(MARKER_FIRST))}]"
    rf"|[^\n]{{1,{BARE_MAX}}}+[^\S\n]*+(?![^\n]))")


@dataclass(frozen=True)
class KindRule:
    kind: str
    pattern: re.Pattern[str]


@cache
def default_rules() -> tuple[KindRule, ...]:
    data = lexicon.load("sections.toml")
    return tuple(KindRule(k["kind"], re.compile(lang.with_language(k["pattern"]))) for k in data["kinds"])


def kind_of(title: str, rules: tuple[KindRule, ...]) -> str | None:
    for rule in rules:
        if rule.pattern.search(title):
            return rule.kind
    return None


def find_sections(text: str, rules: tuple[KindRule, ...] | None = None) -> tuple[Section, ...]:
    rules = rules if rules is not None else default_rules()
    heads = sorted(_headings(text, rules), key=lambda h: h[0])
    sections: list[Section] = []
    stack: list[Section] = []
    for start, heading_end, depth, marker, title in heads:
        sibling = None
        while stack and stack[-1].depth >= depth:
            sibling = stack.pop()
        parent = stack[-1] if stack else None
        own = kind_of(title, rules)
        if parent is not None and parent.kind in ("review", "plan") and own != "plan":
            own = parent.kind  # a review's sub-headings (调整宏观经济政策…) are still review
        kind = own or _inherited(parent, sibling)
        year_m = _YEAR.search(title)
        year = year_number(year_m.group(1)) if year_m else (parent.year if parent else None)
        sec = Section(len(sections), parent.index if parent else None, depth, marker, title, kind, year,
                      start, len(text), heading_end)
        sections.append(sec)
        stack.append(sec)
    return _close(sections, len(text))


def _inherited(parent: Section | None, sibling: Section | None) -> str:
    """A heading that names no kind continues its parent; after the targets or tasks part a top-level
    topic is a task too. After a review it may be either (older reports go on with this year's work
    under topic headings), so it stays "other" and time words decide."""
    if parent is not None:
        return parent.kind
    if sibling is not None and sibling.kind in ("targets", "tasks"):
        return "tasks"
    return "other"


def _headings(text: str, rules: tuple[KindRule, ...]) -> list[tuple[int, int, int, str, str]]:
    found: list[tuple[int, int, int, str, str]] = []
    read_to = -1  # the end of a title read on the line after its marker's
    for m in _CANDIDATE_LINE.finditer("\n" + text):
        line_start = m.start()  # the newline before the line, in the text with one prepended
        if line_start < read_to:
            continue
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end < 0 else line_end
        body = text[line_start:line_end].lstrip(_INDENT_CHARS)
        body_start = line_end - len(body)
        head = _marked_heading(body)
        if head:
            if body.rstrip().endswith(_ITEM_ENDS) and _listed_part(text, line_start):
                continue  # an item of a digest's list of the report's parts
            depth, marker = head
            title = _title(body[len(marker):])
            end = body_start + len(marker) + len(title)
            if not title and not body[len(marker):].strip():
                # 一、 alone on its line, its title on the next (a copy broken at every token)
                end, title = _title_on_the_next_line(text, line_end)
                read_to = end
            if title:
                found.append((body_start, end, depth, marker, title))
        elif _BARE_HEADING.match(body.strip()) and kind_of(body, rules) in ("review", "plan", "targets", "tasks"):
            # an unnumbered heading (2022年工作回顾) stands above the numbered ones that follow it
            found.append((body_start, line_end, 0, "", body.strip()))
    if not any(d <= 1 for _, _, d, _, _ in found):
        for m in _INLINE_TOP.finditer(text):
            start = m.start()
            while text[start - 1] in _CN:
                start -= 1
            title = _title(text[m.end():m.end() + 40])
            if not _NEXT_PART.search(title):
                found.append((start, m.end() + len(title), 1, text[start:m.end()], title))
    return found


# 《报告》共分四个部分：一、2017年工作回顾；二、…: a digest listing the report's parts, no heading
_NEXT_PART = re.compile(rf"[；;][{_CN}]{{1,3}}、")
# 报告分为三部分：⏎一、2019年工作回顾；⏎二、…: the same list a line each
_PARTS_INTRO = re.compile(rf"{lang.PARTS_INTRO}\s*\Z")
PARTS_MAX = 8  # the longest list of a report's parts
_ITEM_ENDS = ("；", ";", "。")  # how the items of such a list end (a heading ends in none)


def _listed_part(text: str, line_start: int) -> bool:
    """Whether the numbered line at line_start is an item of a digest's list of the report's parts:
    the lines above it up to the one announcing the parts are items too."""
    pos = line_start
    for _ in range(PARTS_MAX):
        if pos <= 0:
            return False
        prev = text.rfind("\n", 0, pos - 1) + 1
        line = text[prev:pos - 1].strip(_INDENT_CHARS + "\n")
        if _PARTS_INTRO.search(line):
            return True
        if not _marked_heading(line):
            return False
        pos = prev
    return False


def _marked_heading(body: str) -> tuple[int, str] | None:
    for depth, pattern in _MARKERS_BY_FIRST.get(body[:1], ()):
        m = pattern.match(body)
        if m:
            return depth, m.group()
    return None


_TITLE = re.compile(r"[^。！？\n]{1,60}")


def _title_on_the_next_line(text: str, line_end: int) -> tuple[int, str]:
    """Where the title on the line after line_end ends, and the title: a line of no sentence's end
    and no longer than a heading's (NEXT_LINE_TITLE_MAX), else no title (一、⏎继续保持财政收支的平衡；: an
    item of a list, ending as one)."""
    next_end = text.find("\n", line_end + 1)
    next_end = len(text) if next_end < 0 else next_end
    line = text[line_end + 1:next_end]
    title = _title(line.lstrip(_INDENT_CHARS))
    if not title or len(title) > NEXT_LINE_TITLE_MAX or "。" in line or line.rstrip().endswith(_ITEM_ENDS):
        return line_end, ""
    return line_end + 1 + len(line) - len(line.lstrip(_INDENT_CHARS)) + len(title), title


NEXT_LINE_TITLE_MAX = 40  # the longest title read on the line after its marker


def _title(rest: str) -> str:
    """A heading's title runs to the first full stop or the line end, whichever comes first."""
    m = _TITLE.match(rest)
    return m.group().strip() if m else ""


def _close(sections: list[Section], text_len: int) -> tuple[Section, ...]:
    """Each section ends where the next heading of the same or a higher level starts."""
    out: list[Section] = []
    for i, sec in enumerate(sections):
        end = text_len
        for later in sections[i + 1:]:
            if later.depth <= sec.depth:
                end = later.start
                break
        out.append(Section(sec.index, sec.parent, sec.depth, sec.marker, sec.title, sec.kind, sec.year,
                           sec.start, end, sec.heading_end))
    return tuple(out)


def section_at(sections: tuple[Section, ...], starts: list[int], pos: int) -> Section | None:
    """The innermost section holding pos (starts: the sections' start offsets, in order)."""
    i = bisect_right(starts, pos) - 1
    while i >= 0:
        sec = sections[i]
        if sec.start <= pos < sec.end:
            return sec
        i = sec.parent if sec.parent is not None else -1
    return None
