"""Facts: quantitative statements about canonical indicators, each grounded in a span of clean text.

The grammar, per clause (text between 。；!? and line ends):
    NAME [、NAME]* GAP VALUE ([，、] GAP VALUE)*
where NAME is an indicator alias (data/indicators.toml), GAP is made of connective words only
(同比, 增长, 达到, 控制在 …), and a value after 分别 is matched to the names in order. A value
reached through 从/由 … 到 is the starting point of a change, not the result. The section the
clause sits in decides whether a figure is a result, an estimate, a target or a plan.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from govreport import lang
from govreport.context import (
    FIVE_YEAR,
    PAST_MARK,
    Context,
    make_context,
    single_year_opening,
    speaks_of_several_years,
)
from govreport.grammar import Entry, Grammar, Mention, Statement, default_grammar, find_names
from govreport.model import Fact, Meta, Section
from govreport.numbers import (
    MULTIPLIERS,
    SPELLED_YEAR,
    YEAR_DIGITS,
    Value,
    find_values,
    small_number,
    spelled_year,
    year_number,
)

# (增长的预期目标为8%左右, 增长目标定在6.5%以上: the goal's words between the verb and its number)
# (增长（可比）8.2%: a note in brackets after them)
_THEN = (r"(?:了)?(?:的?(?:预期|主要)?目标)?"
         rf"(?:为|是|{lang.SET_AT}|到|至|在|超过|突破|达到|达|控制在|保持在|稳定在|拟按|按)?(?:了)?"
         r"(?:[（(][^（()）\d，。；]{1,8}[）)])?"
         # (a digest's line: ●生产总值增长：5.5%左右)
         r"[:：]?$")
GROWTH_VERB = re.compile(rf"(?:{'|'.join(lang.GROWTH_WORDS + lang.FALL_WORDS)}){_THEN}")
DECLINE_VERB = re.compile(rf"(?:{'|'.join(lang.FALL_WORDS)}){_THEN}")
# a pattern searched in a window that ends where a name begins (search(text, a, b)) ends in \Z:
# $ would also match before a line break that ends the window, reading across it
CHANGE_BEFORE_NAME = re.compile(rf"(?:{lang.AMOUNT_CHANGES})\Z")
_SUM_VERB = "(?:完成|实现|投入|达到)?"
SUM_BEFORE_NAME = re.compile(rf"(?:{lang.YEARLY_SUMS}){_SUM_VERB}\Z")
# a count of years right before the name (五年完成全社会固定资产投资, 三年城镇新增就业): their sum or change
YEARS_BEFORE_NAME = re.compile(rf"{lang.YEARS_COUNTED}(?:来)?(?:{lang.YEARLY_SUMS}|共)?{_SUM_VERB}\Z")
CHANGE_AMOUNT = re.compile(rf"(?:{lang.AMOUNT_CHANGES}|增长|下降|净增|多|少)(?:了)?(?:超过?|近|约)?$")
# (searched before each growth or count: every branch opens with a literal, so re skips ahead in C)
# (累计 only before a comma: 全年累计完成 is one year's sum)
EACH = re.compile(r"均|各|分别")  # 均增长8.5%: the one value is each scope's, not the whole's
SENT_MULTI_YEAR = re.compile(r"累计[，,]|年均")
BASE_YEAR = re.compile(r"(?:比|较)((?:19|20)\d{2})年")
# a sentence that opens by naming its base year: 1986年同1978年相比, 与2012年相比
COMPARED_WITH = re.compile(r"(?:同|与|和|跟)((?:19|20)\d{2})年(?:相比|比较)")
# the year a sentence says it speaks of: 1986年同1978年相比，… / 2023年，…
# (Patterns searched in each figure's sentence open with a literal or a class, so re skips ahead
# in C; the plain forms, which it would try at every position, are in tests/test_facts.py.)
SENTENCE_YEAR = re.compile(r"([12](?<!\d.)(?:(?<=1)9|(?<=2)0)\d{2})年(?!代|前|以前|以来|之前)")
# 目标 marks a goal, but not in 完成了…确定的目标任务 (last year's goals, met)
# (好于预期, 超出预期, 符合预期, 运行在预期的合理区间: a past year judged against what was expected)
THIS_YEAR = re.compile("今年")
NOW_MARK = re.compile(r"今年|目标(?<!确定的目标)(?!任务)|力争|预期(?<![于出超合在]预期)|拟|明年|新的一年"
                      r"|把[^，。；]{0,20}控制在")
PAST_TARGET = re.compile(r"^[^，,。；;]{0,24}目标")
PAST_TARGET_BEFORE = re.compile(r"(?:确定|提出|下达)的[^，,。；;]{0,12}\Z")
TO_LEVEL = re.compile(r"(?:到|至|降到|降至)$")
# the starting point of a change: 由2600万元, 从上年的, 由“十五”末的 (a point in time before it)
# a year as reports write it: 1984, or in older ones 一九八四 (read by numbers.year_number)
YEAR_WORD = rf"[12一二](?:(?<=1)9\d{{2}}|(?<=2)0\d{{2}}|(?<=[一二])[九〇零][{lang.YEAR_DIGITS}]{{2}})"
FROM_WORD = re.compile(rf"(?:从|由)(?:{YEAR_WORD}年(?:末|底)?的?|去年(?:末|底)?的?|上年(?:末|底)?的?|前[两三四五几]年"
                       rf"|上半年|一季度|前三季度|年初|[“\"]?(?:{lang.PLAN_PATTERN})[”\"]?(?:末|期末)的?)?"
                       r"(?:的)?(?:不到|近|约)?$")
# (a bare 到 is a change-to, but not the 到 of 达到)
CHANGE_TO = re.compile(r"(?:增加|提高|提升|上升|下降|降低|增长|扩大|缩小|回落)?(?<!达)(?:到|至)|转为")
# the year a figure is given for, right before it: 1980年的127亿元, 1982年为270元, 2023年末达到…
YEAR_OF = re.compile(rf"({YEAR_WORD})年(?:末|底)?(?:的|为|是|达到?|提高到|增加到|增长到|下降到)?$")
# a goal's year: 到2030年, 2030年前 (two patterns: an alternation of the two would be tried everywhere)
PLAN_TO = re.compile(rf"到({YEAR_WORD})年")
PLAN_BEFORE = re.compile(rf"({YEAR_WORD})年前")
# or the end of a five-year plan: 到“十三五”末, 到十四五期末 (its last year)
PLAN_END_TO = re.compile(rf"到“?({lang.PLAN_PATTERN})”?(?:规划)?(?:期末|末)")
# a year standing right before the indicator's name is the year the figure is for: a later one
# than the report's makes a plan (争取1997年粮食产量达到4.75亿吨 in the report of 1993)
YEAR_OF_NAME = re.compile(rf"(?<![比较于与同和到])({YEAR_WORD})年(?:的)?\Z")
# a year a sentence speaks of (1984年，我国农业又获得了大丰收), not one it compares with (比1983年,
# 同1978年相比) or a span it counts from (1979年以来)
# (the character before is tested in Python: a pattern opening with a lookbehind is tried at every position)
# (a full date, 2018年1月17日, is the day something happened, the meeting's, not a time spoken of)
TIME_YEAR = re.compile(rf"({YEAR_WORD})年(?!代|前|以前|以来|之前|\d{{1,2}}月\d{{1,2}}日)")
NOT_BEFORE_TIME_YEAR = frozenset("比较从由同与和跟到至-—~～、0123456789" + lang.YEAR_DIGITS)
FYP = re.compile(lang.PLAN_NAMED)
# (each word found from its last character behind a lookbehind: 有 opens too many words to try from)
ESTIMATE = re.compile("|".join(f"{w[-1]}(?<={w})" for w in lang.ESTIMATE_WORDS))
ASPIRATION = re.compile(r"力争|争取|努力")
# 可比增长2.5%、现价增长3.5%: the nominal figure beside the real one is not a second fact, nor
# the same growth restated net of some factor (增长39.7%，扣除价格和汇率变动因素，实际增长19.6%)
NOMINAL = re.compile(r"现价|名义|扣除|剔除")
# 2023年全州地区生产总值修订为1943.3亿元: a figure of an earlier year, revised (after a census)
REVISED = re.compile(r"(?:修订|修正|核实|核定|调整)(?:后)?为$")
TARGET_INTRO = re.compile(lang.TARGET_INTRO)
JOINERS = lang.JOINERS
COMMAS = "，,"
COORDINATOR = re.compile(rf"以及|[{JOINERS}]")
OTHER_NAMES = re.compile(rf"(?:(?:以及|[{JOINERS}])[^\d{COMMAS}。；;{JOINERS}]{{1,15}})+")
CLAUSE_DELIMS = "。\n；！？!?;"
_COMMA = re.compile(f"[{COMMAS}]")
# a gap that is exactly one joiner or comma, tested as a set member (cheaper than a regex fullmatch)
_JOINER_SET = frozenset(JOINERS)
_COMMA_SET = frozenset(COMMAS)
_DIGIT = re.compile(r"\d")
# the free clause between a name and its first value (交出了高分答卷，; 从7月份开始大幅度回升，): short,
# and no number in it but a month it speaks from
FREE_CLAUSE_MAX = 12
# the share of its plan a level met, or of a whole it makes, between the level and its growth
# (完成10亿元，为预算的105%，增长8%; 200亿元，占全市的15%，增长6%): a remark, its value no fact's
_SHARE_OF = r"(?:为|占|完成|达到?)[^，,。；;\d%]{1,10}?的"
# (增加到30600亿元，五年年均增长14.5%，2007年比上年增长14.5%: the average over the years, a remark
# between a level and the year's growth)
_AVERAGE = rf"(?:{lang.YEARS_COUNTED})?(?:{lang.YEARLY_AVERAGES})(?:增长|递增)"
# (完成17亿元，超额完成年度任务2.1亿元，增长20.6%; 完成5.6亿元，超年初预算0.3亿元，增长12%: by how
# much the level beat its plan or budget, a remark)
_PLAN_EXCEEDED = r"(?:超额完成|超出|超过|高出|超)[^，,。；;\d%]{0,12}?(?:任务|目标|计划|指标|预算)"
SHARE_GAP = re.compile(rf"[{COMMAS}](?:{_SHARE_OF}\d+(?:\.\d+)?[%％]|{_PLAN_EXCEEDED}\d+(?:\.\d+)?(?:万亿|亿|万|千)?元"
                       rf"|{_AVERAGE}(?:\d+(?:\.\d+)?|百分之[{lang.NUMERALS}点]+)[%％]?)([{COMMAS}].*)")
PLAN_EXCEEDED_BEFORE = re.compile(rf"[{COMMAS}]{_PLAN_EXCEEDED}\Z")
AVERAGE_BEFORE = re.compile(rf"[{COMMAS}]{_AVERAGE}\Z")
SHARE_BEFORE = re.compile(rf"[{COMMAS}]{_SHARE_OF}\Z")
# a year singled out of an amount over years (五年完成固定资产投资201.3亿元，其中2005年完成59.15亿元): the
# amount after it is the same name's, of that year
YEAR_SINGLED_OUT = re.compile(rf"[{COMMAS}]其中({YEAR_DIGITS}|{SPELLED_YEAR})年(?:全年)?[^{COMMAS}\d]{{0,4}}?"
                              r"(?:完成|实现|达到|达|为)?")
CLAUSE_AFTER_LEVEL = re.compile(rf"[{COMMAS}]([^{COMMAS}]{{1,{FREE_CLAUSE_MAX}}})([{COMMAS}].*)")
_MONTHS = re.compile(r"\d{1,2}月份?")
SENTENCE_DELIMS = "。\n！？!?"
CLAUSE_END = re.compile(f"[{CLAUSE_DELIMS}]")
SENTENCE_END = re.compile(f"[{SENTENCE_DELIMS}]")
YEARLY_AVERAGE = re.compile(r"年均(?:的|平均)?$")
QUAL_BEFORE_UP = re.compile(rf"(?:{'|'.join(lang.THRESHOLD_WORDS)}|达到了?以上)了?$")
# 连续跨越200亿元、300亿元两个台阶, 先后突破500亿元、600亿元大关: thresholds crossed one after another
# (as many as the count of one character after them, where one is given); the last is the level reached
THRESHOLDS_CROSSED = re.compile(rf"[ \t]*(?:([两{lang.ORDINALS}]|\d)个)?(?:大|新)?(?:台阶|大关)")
_MAGNITUDES = frozenset(word for word, _ in MULTIPLIERS)
NAME_OPENERS = "，,、；;："
QUAL_BEFORE_DOWN = re.compile(r"(?:低于|不超过|不高于|以内)$")
CONTROL = re.compile(r"控制在$|控制在[^，,]{0,4}$")
STEADY = re.compile(r"(?:稳定|保持|稳)在$")


@dataclass
class Slot:
    """One sub-indicator a name stands for (城乡居民收入: urban, then rural)."""

    mention: Mention
    scope: str | None


NATION_WORD = "全国"


PARK_OPENING_MAX = 16  # a park's name and its kind, at a sentence's opening
# 全县地区生产总值, 我市实现…: the region's own figure, whatever the sentence opened on
OWN_REGION_BEFORE = re.compile(rf"[{lang.SELF_PREFIXES}][{lang.LEVEL_WORDS}](?:实现|完成)?\Z")


def _own_region_at(text: str, start: int, s: int) -> bool:
    """Whether the name at s is called the region's own: 全县 or 我市 right before it, or opening it."""
    return OWN_REGION_BEFORE.search(text, max(start, s - 6), s) is not None or \
        OWN_REGION_BEFORE.match(text, s, s + 2) is not None


def _mentions_in(text: str, start: int, end: int, names: list[tuple[int, int, int]], starts: list[int],
                 g: Grammar, national: bool, places: frozenset[str] = frozenset(),
                 region: str | None = None, elsewhere: tuple[int, int] = (-1, -1),
                 ) -> tuple[list[Mention], tuple[int, int]]:
    """The indicator names of a clause, each marked foreign where the figure is not the region's
    own; elsewhere: where the last name another place's figure stood at ended, and the end of its
    sentence, which the clause may lie in (the figures after it are that place's too), as given
    back for the next clause."""
    out: list[Mention] = []
    park: list[int | None] = []  # where a park that opens the clause's sentence ends (found once)
    for k in range(bisect_right(starts, start - 1), bisect_right(starts, end - 1)):
        s, e, idx = names[k]
        if e > end:
            continue
        entry = g.entries[idx]
        if out and out[-1].end == s - 1 and text[s - 1] in "（(" and text[e:e + 1] in ("）", ")"):
            continue  # 国内生产总值（GDP）: the abbreviation glosses the name before it
        before = g.foreign_before.search(text, max(start, s - 8), s)
        # 全国… is another region's figure in a provincial report, the report's own in the nation's
        foreign = before is not None and not (national and before.group().startswith(NATION_WORD))
        if places and not foreign:
            if _another_place_before(text, max(start, s - PLACE_BEFORE_REACH), s, places, region):
                foreign, elsewhere = True, (e, _sentence_end(text, e))
            elif s < elsewhere[1] and not _own_region_between(text, elsewhere[0], min(e, s + 2), region):
                # (襄阳市地区生产总值增长6.1%，一般公共预算收入增长8.2%: the sentence goes on about 襄阳)
                foreign = True
        if entry.generic and s > start:
            foreign = foreign or not g.subject_before.search(text, max(start, s - 8), s) or (
                g.sector_opening is not None and g.sector_opening.match(text, _sentence_start(text, s)) is not None)
        if g.park_opening is not None and not foreign:
            if not park:  # a clause lies within one sentence: its opening is every name's
                sentence = _sentence_start(text, start)
                head = text[sentence:sentence + PARK_OPENING_MAX]  # every park word ends in 区 or 园
                opening = g.park_opening.match(text, sentence) if "区" in head or "园" in head else None
                park.append(opening.end() if opening else None)
            foreign = park[0] is not None and park[0] <= s and not _own_region_at(text, start, s)
        if entry.opened_by:
            # 服务业…，增加值跨上3万亿元台阶: a bare measure opening its clause (after a verb at most)
            # is the figure of the subject the sentence opens on, or nobody's
            owned = entry.owned_by(text, _sentence_start(text, s))
            opens = owned is not None and (_opens_clause(text, start, s)
                                           or g.gap.fullmatch(text, max(start, owned[1]), s) is not None)
            foreign = foreign or not opens
            entry = owned[0] if owned else entry
        if entry.requires_before is not None:
            sentence_start = _sentence_start(text, s)
            window_ok = entry.requires_before.search(text, max(sentence_start, s - 20), s) is not None
            foreign = foreign or not _opens_clause(text, start, s) or not window_ok
        out.append(Mention(s, e, entry, foreign))
    return out, elsewhere


def _sentence_end(text: str, pos: int) -> int:
    m = SENTENCE_END.search(text, pos)
    return m.start() if m else len(text)


SENTENCE_END = re.compile("[。！？!?\n]")


def _own_region_between(text: str, a: int, b: int, region: str | None) -> bool:
    """Whether the report's own region is named between a and b (全县, 我市, or its name; b may reach
    into an indicator's name that opens on 全县)."""
    return lang.self_reference().search(text, a, b) is not None or bool(region and region in text[a:b])


PLACE_BEFORE_REACH = 16  # a place's name, 全市 or 市, a year and 的 before an indicator's name
# what may stand between a place's name and an indicator's (郑州全市生产总值, 长沙2022年预计地区生产总值)
_AFTER_PLACE = re.compile(rf"(?:全?[{lang.LEVEL_WORDS}])?(?:(?:19|20)\d\d年)?(?:预计|的)?\Z")
_AFTER_PLACE_ENDS = frozenset(lang.LEVEL_WORDS + "年计的")  # what _AFTER_PLACE can end on
PLACE_NAME_MAX = 11  # the longest province's or prefecture's name (新疆维吾尔自治区 and the like)


def _another_place_before(text: str, a: int, s: int, places: frozenset[str], region: str | None) -> bool:
    """Whether a province's or prefecture's name other than the report's own stands right before
    the indicator's name at s, with at most 全市/市, a year, 预计 or 的 between."""
    if s <= a:
        return False
    ends = _last_characters(places)
    # (the name may end on what reads as a level word: 郑州 before 全市 ends on 州)
    tried = [s]
    if text[s - 1] in _AFTER_PLACE_ENDS and (rest := _AFTER_PLACE.search(text, a, s)) is not None:
        tried.append(rest.start())
    for end in tried:
        if end <= a or text[end - 1] not in ends:
            continue  # (most names have a comma, 全年 or 实现 before them: no place ends so)
        for k in range(min(PLACE_NAME_MAX, end - a), 1, -1):
            name = text[end - k:end]
            if name in places:
                return not (region and (name in region or region in name))
    return False


@lru_cache(maxsize=4)
def _last_characters(places: frozenset[str]) -> frozenset[str]:
    return frozenset(name[-1] for name in places)


def _opens_clause(text: str, clause_start: int, s: int) -> bool:
    """A name at s stands first in its clause or right after a comma, an enumeration comma, a
    semicolon or a colon (an elliptical name must: 、总产量125亿斤)."""
    return s == clause_start or text[s - 1] in NAME_OPENERS


def extract_facts(text: str, meta: Meta, sections: tuple[Section, ...], grammar: Grammar | None = None,
                  values: list[Value] | None = None, places: frozenset[str] = frozenset()) -> tuple[Fact, ...]:
    """Facts of a clean text. values: every number of the text (find_values), when the caller has them;
    places: names of other regions (Gazetteer.upper_places), whose figures quoted beside the report's
    own are theirs (2022年郑州全市生产总值… in a news page on 武汉's report)."""
    g = grammar or default_grammar()
    ctx = make_context(text, meta, sections)
    facts: list[tuple[Fact, int]] = []
    all_values = _with_bare_indexes(text, values if values is not None else find_values(text))
    value_starts = [v.start for v in all_values]
    # only a clause holding a number can hold a fact: about a tenth of a report. Names are looked
    # for in those clauses alone (a name cannot cross a clause's delimiter)
    rev = text[::-1]
    clauses = _clauses_of(text, rev, value_starts)
    names = [name for start, end in clauses for name in find_names(text, g, start, end)]
    starts = [n[0] for n in names]
    notes = _estimate_notes(text, ctx)
    elsewhere = (-1, -1)
    for start, end in clauses:
        if bisect_right(starts, start - 1) == bisect_right(starts, end - 1):
            continue  # no name in the clause (most clauses with a number): no fact
        estimate = _estimate_over(text, rev, start, end, value_starts, starts)
        noted = _noted_estimate(notes, start, end)
        mentions, elsewhere = _mentions_in(text, start, end, names, starts, g, meta.level == "national", places,
                                           meta.region, elsewhere)
        in_clause = [v for v in all_values[bisect_right(value_starts, start - 1):bisect_right(value_starts, end - 1)]
                     if v.end <= end]
        estimate_at = noted if noted is not None else (estimate.start() if estimate else None)
        facts.extend(_clause_facts(text, start, end, mentions, in_clause, ctx, g, estimate_at))
    goals = sorted(f.start for f, _ in facts if f.kind == "target")
    facts.extend(_statement_facts(text, g, ctx, goals))
    return _dedupe(facts)


# 5600亿元（预计数，下同）, 预计（下同）全县生产总值340亿元: the figures of the clause are estimates,
# and with 下同 every one after it in its section
# (both branches open with 预计, a literal re skips to in C; the bracket before it read behind)
# (a note may name the measure besides: （预计，同比，下同）)
ESTIMATE_NOTE = re.compile(r"预计(?:(?<=[（(]预计)|(?<=[（(][ \t]预计))(?:数|值|数据)?"
                           r"(?:[ \t]*[，,、][ \t]*(?!下同)[\u4e00-\u9fff]{1,4})*[ \t]*(?:[，,、][ \t]*(下同))?"
                           r"[ \t]*[）)]|预计[（(](下同)[）)]")


def _estimate_notes(text: str, ctx: Context) -> list[tuple[int, int]]:
    """(start, end) of the text each bracketed estimate note covers: its clause, or with 下同 the
    rest of its section."""
    spans = []
    for m in ESTIMATE_NOTE.finditer(text):  # one scan for the literal 预计 (a test for it first would be a second)
        sec = ctx.section(m.start())
        end = (sec.end if sec else len(text)) if m.group(1) or m.group(2) else m.end()
        spans.append((m.start(), end))
    return spans


def _noted_estimate(notes: list[tuple[int, int]], start: int, end: int) -> int | None:
    """Where an estimate note's cover of this clause begins (the clause's start: the note marks the
    figure before it too), or None."""
    for a, b in notes:
        if a < end and start < b:
            return start
    return None


ESTIMATE_LIST_LINES = 12  # how many list lines a 预计 at their head can cover
_LIST_LINE_END = "；;，,：:"


def _estimate_over(text: str, rev: str, start: int, end: int, value_starts: list[int], name_starts: list[int],
                   ) -> re.Match[str] | None:
    """The 预计 that covers a clause: in its sentence, or at the head of the list it is a line of
    (预计完成生产总值418亿元，增长13%；\n全口径财政收入…；\n…: each line ends in ； and goes on the
    sentence above)."""
    sentence_start = _back_to(rev, SENTENCE_END, start)
    found = ESTIMATE.search(text, sentence_start, end)
    if found is not None and _estimate_of_one_item(rev, found.start(), start, sentence_start, value_starts,
                                                   name_starts):
        found = None
    found = found or _estimate_run(text, sentence_start)
    for _ in range(ESTIMATE_LIST_LINES):
        if found is not None or sentence_start == 0 or text[sentence_start - 1] != "\n":
            break
        j = sentence_start - 1
        while j > 0 and text[j - 1] in " \t\u3000\n":
            j -= 1
        if j == 0 or text[j - 1] not in _LIST_LINE_END:
            break
        sentence_start = _back_to(rev, SENTENCE_END, j - 1)
        found = ESTIMATE.search(text, sentence_start, j)
    return found


def _estimate_of_one_item(rev: str, at: int, start: int, sentence_start: int, value_starts: list[int],
                          name_starts: list[int]) -> bool:
    """A 预计 after an item's name inside a list of results already stated (…增长0.5%；居民人均可支配
    收入预计4.6万元，增长10%；城镇登记失业率为2.3%): it marks that item, not the items after it (one
    that heads the list or an item, 预计全年…；…, covers what follows)."""
    item_start = _back_to(rev, CLAUSE_END, at)
    if item_start <= sentence_start or item_start >= start:
        return False
    named = bisect_right(name_starts, at - 1) > bisect_right(name_starts, item_start - 1)
    return named and bisect_right(value_starts, item_start - 1) > bisect_right(value_starts, sentence_start - 1)


ESTIMATE_RUN_SENTENCES = 6  # how many sentences of figures after it a 预计 sentence can cover


def _estimate_run(text: str, sentence_start: int) -> re.Match[str] | None:
    """The 预计 of a sentence earlier in the paragraph whose run of figure sentences this one goes on
    (预计地区生产总值实现187亿元，增长26%。全口径财政收入32.5亿元，增长72.2%。…): every sentence
    between holds a figure and no word of time of its own."""
    para_start = text.rfind("\n", 0, sentence_start) + 1
    if ESTIMATE.search(text, para_start, sentence_start) is None:
        return None  # (most paragraphs: a short stretch searched once)
    own_end = SENTENCE_END.search(text, sentence_start)
    if _speaks_of_a_time(text[sentence_start:own_end.start() if own_end else len(text)]):
        return None
    end = sentence_start
    for _ in range(ESTIMATE_RUN_SENTENCES):
        if end <= para_start:
            return None
        start = max(para_start, text.rfind("。", para_start, end - 1) + 1)
        found = ESTIMATE.search(text, start, end)
        if found is not None:
            return found
        sentence = text[start:end]
        if not find_values(text, start, end) or _speaks_of_a_time(sentence):
            return None
        end = start
    return None


def _speaks_of_a_time(sentence: str) -> bool:
    """A word of a time of its own: a year, 去年, 今年, 全年, a goal's word …"""
    return _last_time_mark(sentence, None, None) is not None or TIME_YEAR.search(sentence) is not None \
        or WHOLE_YEAR.search(sentence) is not None


def _back_to(rev: str, delim: re.Pattern[str], pos: int) -> int:
    """Start of the stretch holding pos: just after the nearest delimiter before it. rev is the text
    reversed, so a forward search in it is the backward search in the text, one call in C."""
    m = delim.search(rev, len(rev) - pos)
    return len(rev) - m.start() if m else 0


def _clauses_of(text: str, rev: str, positions: list[int]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for p in positions:
        if spans and spans[-1][0] <= p < spans[-1][1]:
            continue
        start = _back_to(rev, CLAUSE_END, p)
        m = CLAUSE_END.search(text, p)
        spans.append((start, m.start() if m else len(text)))
    return spans


def _clause_facts(text: str, start: int, end: int, mentions: list[Mention], values: list[Value], ctx: Context,
                  g: Grammar, estimate_at: int | None) -> list[tuple[Fact, int]]:
    if not mentions:
        return []
    items: list[tuple[int, str, Any]] = [(m.start, "m", m) for m in mentions] + [(v.start, "v", v) for v in values]
    items.sort(key=lambda t: t[0])
    out: list[tuple[Fact, int]] = []
    group: list[Slot] = []
    history: list[Slot] = []  # every slot of the clause, for 分别 over separate names
    owners: list[Slot | None] = []  # the slot each level before was given, None where no known name had it
    prev_end = start
    prev_kind = ""
    prev_unit: str | None = None
    group_start = start
    chain_open = False
    i = 0
    while i < len(items):
        pos, kind, obj = items[i]
        if pos < prev_end:
            i += 1
            continue
        if kind == "m":
            m: Mention = obj
            gap = text[prev_end:m.start]
            coordinated = prev_kind == "m" and (gap in _JOINER_SET or gap == "以及")
            if not coordinated:
                group = []
                group_start = m.start
            slots = [Slot(m, s) for s in m.entry.scopes]
            group.extend(slots)
            history.extend(slots)
            prev_end, prev_kind, chain_open = m.end, "m", True
            i += 1
            continue
        v: Value = obj
        gap = text[prev_end:v.start]
        # 一般预算收入完成7309万元，支出64338万元，同比分别增长43.6%和32.4%: an unknown name closed the
        # chain, but 分别 gives the values to the subjects of the amounts before, in order
        respectively = not chain_open and prev_kind == "v" and "分别" in gap and any(owners) \
            and g.gap.fullmatch(gap) is not None
        after_level = prev_kind == "v" and prev_unit != "%" and v.unit == "%"
        if after_level and chain_open and (SHARE_BEFORE.search(gap) or AVERAGE_BEFORE.search(gap)):
            i += 1  # the share of a plan or a whole the level makes: the growth after it is still the level's
            continue
        if prev_kind == "v" and prev_unit != "%" and chain_open and PLAN_EXCEEDED_BEFORE.search(gap):
            i += 1  # by how much the level beat its plan: likewise
            continue
        singled_out = prev_kind == "v" and v.unit not in ("%", "倍") and YEAR_SINGLED_OUT.fullmatch(gap)
        if not respectively and not (chain_open and group and singled_out) and (
                not chain_open or not group
                or not _gap_ok(gap, g, after_value=prev_kind == "v", after_level=after_level)):
            chain_open = False
            prev_end, prev_kind, prev_unit = v.end, "v", v.unit
            if v.unit != "%":
                owners.append(None)
            i += 1
            continue
        listed = _value_list(text, items, i, gap)
        count = len(listed)
        if count > 1 and len(group) == 1 and "分别" not in gap and _thresholds_crossed(text, listed):
            listed = listed[-1:]
        shared_post = listed[-1].post
        names_end = prev_end + gap.index("分别") if "分别" in gap else prev_end
        by_parts = [] if respectively else _by_coordinated_parts(text, start, names_end, listed, history)
        if not by_parts and "分别" in gap and len(listed) > 1 and len(owners) >= len(listed):
            # 财政总收入150.7亿元，其中地方财政收入81.45亿元，分别增长21.2%和19.7%: the values go, in
            # order, to the subjects of the amounts before (known names or not)
            by_parts = [(val, slot) for val, slot in zip(listed, owners[-len(listed):], strict=True) if slot]
        assigned = by_parts if respectively else _targets_for(listed, group, history, by_parts, EACH.search(gap))
        if listed[0].unit != "%":
            owners.extend(slot for _, slot in assigned)
        for val, slot in assigned:
            fact = _make_fact(text, val, slot, gap, ctx, g, group_start, listed[-1].end,
                              estimate_at, shared_post)
            if fact and not _second_aim(fact, gap, out):
                out.append((fact, slot.mention.entry.looseness))
        prev_end, prev_kind, prev_unit = listed[-1].end, "v", listed[-1].unit
        i += count
    return out


def _thresholds_crossed(text: str, listed: list[Value]) -> bool:
    m = THRESHOLDS_CROSSED.match(text, listed[-1].end)
    return m is not None and (m.group(1) is None or small_number(m.group(1)) == len(listed))


def _second_aim(fact: Fact, gap: str, earlier: list[tuple[Fact, int]]) -> bool:
    """增长7%以上，力争达到8%: the goal is the first figure; what one strives for beyond it is not
    a second goal of the same indicator, nor is the nominal growth beside the real one or a growth
    restated net of some factor."""
    if not (ASPIRATION.search(gap) or NOMINAL.search(gap)):
        return False
    key = (fact.indicator, fact.measure, fact.kind, fact.period, fact.scope)
    return any((f.indicator, f.measure, f.kind, f.period, f.scope) == key for f, _ in earlier)


def _value_list(text: str, items: list[tuple[int, str, Any]], i: int, gap: str) -> list[Value]:
    """The values that form one list from items[i] on: 3%、7%左右, 7.7%和6.8%, or after 分别 also
    separated by commas."""
    listed: list[Value] = [items[i][2]]
    for _, kind, nxt in items[i + 1:]:
        if kind != "v":
            break
        sep = text[listed[-1].end:nxt.start]
        if not (sep in _JOINER_SET or (sep in _COMMA_SET and "分别" in gap)):
            break
        listed.append(nxt)
    return listed


def _gap_ok(gap: str, g: Grammar, after_value: bool, after_level: bool = False) -> bool:
    """Connective words only; before the first value one short free clause may stand (交出了高分答卷，),
    and so between a level and its growth rate (完成126亿元，居全市第一，增长35%) when the clause
    says no change of its own or gives a share (为预算的105%); before 分别 more coordinated names the
    lexicon does not know (、人口自然增长率分别)."""
    if g.gap.fullmatch(gap):
        return True
    if after_level:
        share = SHARE_GAP.fullmatch(gap)
        if share is not None:
            return g.gap.fullmatch(share.group(1)) is not None
        m = CLAUSE_AFTER_LEVEL.fullmatch(gap)
        return m is not None and not _DIGIT.search(m.group(1)) and not GROWTH_VERB.search(m.group(1)) \
            and g.gap.fullmatch(m.group(2)) is not None
    if after_value:
        return False
    if "分别" in gap:
        head, _, rest = gap.partition("分别")
        if OTHER_NAMES.fullmatch(head) and g.gap.fullmatch(rest):
            return True
    parts = _COMMA.split(gap, maxsplit=1)
    if len(parts) == 2 and len(parts[0]) <= FREE_CLAUSE_MAX and not _DIGIT.search(_MONTHS.sub("", parts[0])):
        return g.gap.fullmatch(parts[1]) is not None
    return False


def _by_coordinated_parts(text: str, clause_start: int, names_end: int, listed: list[Value],
                          history: list[Slot]) -> list[tuple[Value, Slot]]:
    """财政总收入和地方财政收入分别增长10.6%和12.3%: count the coordinated names, known or not, and
    give each known one the value in its place."""
    if len(listed) < 2 or not history:
        return []
    last = history[-1].mention
    seg_start = max(clause_start, *(text.rfind(c, clause_start, last.start) + 1 for c in "，,：:"))
    spans = [(sl.mention.start, sl.mention.end) for sl in history]
    cuts = [m for m in COORDINATOR.finditer(text, seg_start, max(names_end, last.end))
            if not any(a <= m.start() < b for a, b in spans)]
    if len(cuts) + 1 != len(listed):
        return []
    bounds = [seg_start, *(m.end() for m in cuts)]
    out = []
    for sl in history:
        if sl.mention.start < seg_start or len(sl.mention.entry.scopes) > 1:
            continue
        place = max(i for i, b in enumerate(bounds) if b <= sl.mention.start)
        out.append((listed[place], sl))
    return out


def _targets_for(listed: list[Value], group: list[Slot], history: list[Slot],
                 by_parts: list[tuple[Value, Slot]], each: object = None) -> list[tuple[Value, Slot]]:
    """Which name each value belongs to: in order when there are as many names as values, else by
    the place of each known name among the coordinated names, else the clause's last names (分别);
    all names when one value follows coordinated names, and every scope of a compound name when
    the gap says each (均增长8.5%)."""
    if len(listed) > 1:
        if len(group) == len(listed):
            return list(zip(listed, group, strict=True))
        if by_parts:
            return by_parts
        if len(history) >= len(listed):
            return list(zip(listed, history[-len(listed):], strict=True))
        return []
    v = listed[0]
    if len(group) > 1 and len({s.scope for s in group}) == len(group) and \
            len({s.mention.start for s in group}) == 1 and not each:
        # 城乡居民收入增长8%: one number for a compound name is about the whole, as 城乡居民收入增长与
        # 经济增长同步 is, not about each scope; the sum of two indicators (存贷款余额) is neither's
        return [] if group[0].mention.entry.scopes_are_ids else [(v, Slot(group[0].mention, None))]
    return [(v, s) for s in group]


def _make_fact(text: str, v: Value, slot: Slot, gap: str, ctx: Context, g: Grammar, q_start: int,
               q_end: int, estimate_at: int | None, shared_post: str | None) -> Fact | None:
    entry = slot.mention.entry
    if slot.mention.foreign:
        return None
    tail = _tail(gap).strip()
    from_value = FROM_WORD.search(tail) is not None
    if g.exclude_gap.search(tail) or (from_value and not entry.rate):
        return None
    if entry.flow and g.stock_words is not None and g.stock_words.search(_COMMA.split(gap)[-1]):
        return None
    v = _with_elided_unit(v, entry, g.elided_unit)
    name = text[slot.mention.start:slot.mention.end]
    measure = _measure(entry, v, tail, name_says_growth=name.endswith(("增长", "增速")),
                       text_after=text[v.end:v.end + 1])
    if measure is None:
        return None
    if measure == "level" and CHANGE_BEFORE_NAME.search(text, max(0, slot.mention.start - 2), slot.mention.start):
        return None  # 共计减少财政收入五百二十亿元: an amount gained or lost, not the level
    # a year singled out of the amount over years before (…201.3亿元，其中2005年完成59.15亿元) is that year's
    singled = YEAR_SINGLED_OUT.fullmatch(gap)
    singled_out = singled is not None
    if singled is not None and year_number(singled.group(1)) != ctx.review_year:
        return None
    if YEARS_BEFORE_NAME.search(text, max(0, slot.mention.start - 8), slot.mention.start) and not singled_out:
        return None
    summed = measure != "rate" and SUM_BEFORE_NAME.search(text, max(0, slot.mention.start - 6), slot.mention.start)
    if (measure == "growth" or entry.flow or STEADY.search(tail) or summed) and not singled_out \
            and (_in_multi_year_passage(text, v.start, ctx)
                 or (summed and _summed_over_the_passage(text, v.start, ctx))):
        # over several years: a change, a sum (五年来，累计完成全社会固定资产投资962亿元), or a level
        # held (稳定在550亿斤左右) is no year's (a rate averaged over the year is weighed below)
        return None
    averaged = YEARLY_AVERAGE.search(text, max(0, slot.mention.start - 4), slot.mention.start)
    if averaged and (measure != "rate" or _in_multi_year_passage(text, averaged.start(), ctx)):
        # 年均 before the name: a multi-year figure, but for a rate in a one-year review the year's
        # average (年均城镇调查失业率5.2%); the passage is read up to the 年均, which itself marks a
        # sentence as multi-year
        return None
    base = BASE_YEAR.search(tail) or COMPARED_WITH.search(_sentence_before(text, v.start))
    base_year = int(base.group(1)) if base else ctx.base_year_at(v.start)
    if measure == "growth" and base_year and ctx.review_year and base_year < ctx.review_year - 1:
        return None  # 比1995年增长69%, 1986年同1978年相比…增长102%, 比2012年（下同）: growth over several years
    value = v.value
    if measure == "growth" and (DECLINE_VERB.search(tail) or v.negative):
        value = -value
    elif measure == "growth" and (index_base := _index_base_written(entry, v, tail)) is not None:
        value = round(value - index_base, 6)
    kind, period = _kind_period(text, v, tail, ctx, estimate_at, slot.mention.start)
    if kind is None or (entry.only_kinds and kind not in entry.only_kinds):
        return None
    if kind in ("actual", "estimate") and _of_part_of_the_year(text, slot.mention.start):
        return None
    if from_value:
        kind, period = "actual", _from_period(tail, ctx, kind)
    if period is None:
        return None  # the year it is about is not known (a report whose year the text does not give)
    qualifier = _qualifier(v, tail, kind, shared_post)
    value_max = v.value_max
    indicator = entry.id
    scope = slot.scope
    if entry.scopes_are_ids and scope is not None:
        indicator, scope = scope, None
    unit = v.unit or ("%" if measure == "growth" else None)  # a bare index is read as a change in %
    return Fact(indicator=indicator, measure=measure, kind=kind, period=period, value=value,
                value_max=value_max, unit=unit, qualifier=qualifier, scope=scope,
                quote=text[q_start:q_end], start=q_start, end=q_end,
                section=(s.index if (s := ctx.section(v.start)) else None))


def _with_elided_unit(v: Value, entry: Entry, elided: str | None) -> Value:
    """全省生产总值跨越9万亿: a bare magnitude after a name whose units want a unit after it."""
    if elided is None or v.unit not in _MAGNITUDES or entry.units is None or entry.units.search(v.unit):
        return v
    return v._replace(unit=v.unit + elided) if entry.units.fullmatch(v.unit + elided) else v


def _tail(gap: str) -> str:
    """The connective words that belong to this value: after the last comma or 到-change."""
    parts = _COMMA.split(gap)
    tail = parts[-1]
    changes = list(CHANGE_TO.finditer(tail))
    if changes and not FROM_WORD.search(tail):
        return tail[changes[-1].start():]
    return tail


def _in_multi_year_passage(text: str, pos: int, ctx: Context) -> bool:
    """Inside a passage that sums up several years, growth and counts are cumulative."""
    para_start = text.rfind("\n", 0, pos) + 1
    sent_start = _sentence_start(text, pos)
    sentence_opening = text[sent_start:sent_start + 8].lstrip("— ")
    if speaks_of_several_years(sentence_opening):
        # (…期间，生产总值年均增长7.5%，其中2020年增长3.1%: a clause that then names the year under
        # review is its)
        return not _year_named_after_the_span(text, sent_start, pos, ctx.review_year)
    para_opening = text[para_start:para_start + 16].lstrip(" \t\u3000—")
    # (a sentence that names the year under review as its time, …说，初步统计，2012年全省生产总值…, speaks
    # of that year, in whatever passage)
    if ((ctx.in_multi_year_passage(pos) and not single_year_opening(ctx.review_year).match(sentence_opening))
            or speaks_of_several_years(para_opening)) and not _dated(text, sent_start, pos, ctx.review_year):
        return True
    # a word of several years inside a sentence (…，“十四五”以来年均增长7.8%；) speaks for its own
    # clause: the next one after a semicolon is the year's again
    clause_start = _clause_start(text, pos, sent_start)
    if not multi_year_words(text, clause_start, pos):
        return False
    # (…，五年年均增长14.5%，2007年比上年增长14.5%: a clause that names the year under review is its)
    return not _year_named_after_the_span(text, clause_start, pos, ctx.review_year)


def _summed_over_the_passage(text: str, pos: int, ctx: Context) -> bool:
    """A sum (累计完成…) in a clause of its own, in a passage that opens on several years (四年来，…。
    2016年实现地区生产总值99.3亿元；…；累计完成固定资产投资200.35亿元): the passage's sum, though its
    sentence opened on the year, which dates its own clause only."""
    sent_start = _sentence_start(text, pos)
    clause_start = _clause_start(text, pos, sent_start)
    if clause_start == sent_start or _dated(text, clause_start, pos, ctx.review_year) \
            or WHOLE_YEAR.search(text, clause_start, pos):
        return False
    para_start = text.rfind("\n", 0, pos) + 1
    return ctx.in_multi_year_passage(pos) or speaks_of_several_years(
        text[para_start:para_start + 16].lstrip(" \t\u3000—"))


def _year_named_after_the_span(text: str, start: int, pos: int, year: int | None) -> bool:
    """Whether text[start:pos] names the year as a clause's time with no word of several years
    after it."""
    if year is None:
        return False
    last_own = max((m.start() for m in _own_year(year).finditer(text, start, pos)), default=None)
    return last_own is not None and not multi_year_words(text, last_own, pos)


# where a clause's time word stands: after the sentence's start or a comma
_CLAUSE_OPENING = r"(?:^|(?<=[。；;，,：:\s]))"
# 今年 as a clause's time (今年全县…主要预期目标是：), not inside a word (今年以来 is the year so far)
_THIS_YEAR_OPENING = re.compile(rf"{_CLAUSE_OPENING}今年(?!以来)", re.M)


def _names_the_target_year(words: str, ctx: Context) -> bool:
    """Whether words open a clause on the year of the goals: 2021年…, or 今年… in a report read
    early in its year."""
    if ctx.target_year is None:
        return False
    if _own_year(ctx.target_year).search(words):
        return True
    return not ctx.reviews_its_own_year and _THIS_YEAR_OPENING.search(words) is not None


INDEX_SPAN = (0.8, 1.3)  # of the base: how far an index on the year before may stand from it
# an index written as a bare number after its name (居民消费价格指数为102.7, 总指数控制在103左右): found
# from its 指数, a literal re skips to
_BARE_INDEX = re.compile(r"指数(?:为|是|达到?|控制在|保持在)?[ \t]*(\d{2,3}(?:\.\d{1,2})?)(?![\d.%％‰])"
                         r"(?![\u4e00-\u9fff]?(?:个|项|家|元|亿|万|名|人|位|分|点))(左右|以内|以下)?")


def _with_bare_indexes(text: str, values: list[Value]) -> list[Value]:
    """values and the bare numbers written as an index (unit ""), in the order of the text: only an
    indicator with an index base reads them (_measure)."""
    bare = [Value(m.start(1), m.end(), float(m.group(1)), None, "", False, m.group(2), False)
            for m in _BARE_INDEX.finditer(text)]
    if not bare:
        return values
    return sorted(values + bare, key=lambda v: v.start)


def _index_base_written(entry: Entry, v: Value, tail: str) -> float | None:
    """The base of the index a figure is written as (居民消费价格指数为101.5%, 控制在103%左右: an
    index on the year before = 100, not a change of 101.5%), else None; a figure after a change word
    (上涨1.5%, 涨幅3%) is the change itself."""
    base = entry.index_base
    if base is None or v.unit not in ("%", "") or GROWTH_VERB.search(tail):
        return None
    low, high = INDEX_SPAN
    return base if low * base <= v.value <= high * base else None


def _dated(text: str, start: int, end: int, year: int | None) -> bool:
    return year is not None and _own_year(year).search(text, start, end) is not None


@lru_cache(maxsize=64)
def _own_year(year: int) -> re.Pattern[str]:
    """The year as a clause's time: after the sentence's start, a comma or the 其中 that singles it
    out of a span (五年年均增长12.5%，其中2005年增长13.1%), not a from-value's (从2012年的) or a
    span's start (2012年以来)."""
    return re.compile(rf"(?:{_CLAUSE_OPENING}|(?<=其中))(?:{year}|{spelled_year(year)})年(?![的底末]|以来)", re.M)


def multi_year_words(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether text[start:end] holds a word of a multi-year figure: 累计，, 年均, or a span of years."""
    end = len(text) if end is None else end
    return SENT_MULTI_YEAR.search(text, start, end) is not None or speaks_of_several_years(text, start, end)


_YEAR_AT_END = re.compile(rf"({YEAR_WORD})年的?$")
_FROM_START = re.compile("[从由]")


def _reached_over_the_years(text: str, name_start: int, value_start: int, tail: str) -> bool:
    """A level reached over a span of years up to now (报告指出，五年来，…经济总量从2020年的59.94亿元
    增至88.08亿元): the level of the year under review, on a page with no heading to tell it."""
    if CHANGE_TO.search(tail) is None or _FROM_START.search(text, name_start, value_start) is None:
        return False
    para_start = text.rfind("\n", 0, name_start) + 1
    return speaks_of_several_years(text, para_start, min(name_start, para_start + SPAN_OPENING_REACH))


SPAN_OPENING_REACH = 16  # 报告指出，五年来，: the words before a span of years that opens a paragraph


def _from_period(tail: str, ctx: Context, kind: str | None) -> int | None:
    """A from-value is last year's level when the text says so, or a plan's starting point."""
    if kind == "plan":
        return ctx.review_year
    if re.search(r"(?:去年|上年)的?$", tail.replace("不到", "").replace("近", "").replace("约", "")):
        return ctx.review_year
    m = _YEAR_AT_END.search(tail)
    if m:
        y = year_number(m.group(1))
        return y if y == ctx.review_year else None
    return None


def _measure(entry: Entry, v: Value, tail: str, name_says_growth: bool, text_after: str) -> str | None:
    if v.unit == "个百分点" or v.unit == "倍":
        return None
    if not v.unit and entry.index_base is not None:
        return "growth"  # 居民消费价格指数为102.7: an index, read as its change (_index_base_written)
    if v.unit == "%":
        if entry.growth_only or name_says_growth:
            return "growth"
        if GROWTH_VERB.search(tail) and not (entry.rate and TO_LEVEL.search(tail)):
            return "growth"
        return "rate" if entry.rate else None
    if entry.units is None or not v.unit or not entry.units.search(v.unit):
        return None
    if CHANGE_AMOUNT.search(tail):
        return None  # 比上年增加7694亿元: a change, not a level
    if text_after.startswith("的"):
        return None  # 经济总量超500亿元的县域: the amount marks out some subjects, it is no one's level
    return "level"


def _kind_period(text: str, v: Value, tail: str, ctx: Context, estimate_at: int | None,
                 name_start: int) -> tuple[str | None, int | None]:
    sec = ctx.section(v.start)
    skind = ctx.kind_of(sec)
    if skind == "review" and ctx.in_plan_passage(v.start):
        skind = "plan"
    sentence_start = _sentence_start(text, v.start)
    before = text[sentence_start:v.start]
    if ctx.review_year is None:  # a report whose year the text does not give
        return _dated_by_its_words(text, v, before, sentence_start, estimate_at)
    name_year = YEAR_OF_NAME.search(text, max(sentence_start, name_start - 8), name_start)
    y = _goal_year(before) or (year_number(name_year.group(1)) if name_year else None)
    if y is not None and ctx.target_year and y > ctx.target_year:
        return "plan", y
    if name_year and ctx.review_year and year_number(name_year.group(1)) < ctx.review_year:
        if REVISED.search(tail) and skind in ("review", "other"):
            return "actual", year_number(name_year.group(1))  # the year before's figure, revised
        return None, None  # 一九三六年的粮食产量是三千亿斤: the figure of an earlier year
    fyp = FYP.search(before)
    if skind == "plan" and not fyp and ctx.target_year is not None and (
            _names_the_target_year(before, ctx) or _names_the_target_year(_list_intro(text, sentence_start), ctx)):
        # 2021年…主要预期目标是： under a heading of the plan and the year (“十四五”时期主要目标任务和
        # 2021年重点工作), in the goal's sentence or atop its list: the year's goals
        return "target", ctx.target_year
    if skind == "plan" or (fyp and skind in ("targets", "tasks")):
        end_year = FIVE_YEAR.get(fyp.group(1)) if fyp else None
        return "plan", end_year or (sec.year if sec else None) or ctx.plan_year(v.start, sec)
    year_m = YEAR_OF.search(tail)
    if sec is None and ctx.preamble_is_review and v.start < ctx.first_section_start and \
            _last_time_mark(before + "|" + tail, *_years(ctx)) != "now":
        # the opening before any heading reviews the past year, but for a sentence that speaks of
        # this year (今年，全县将力争地区生产总值增长7.5%: a page without headings)
        skind = "review"
    intro = TARGET_INTRO.search(before) or TARGET_INTRO.search(_list_intro(text, sentence_start))
    if intro and skind in ("review", "other") and not PAST_MARK.search(before, 0, intro.start()):
        return "target", ctx.target_year  # 今年…主要预期目标是：… wherever it stands
    if skind == "other" and year_m:
        # 财政赤字从1979年的170亿元、1980年的127亿元: a figure the words right before it date
        named = year_number(year_m.group(1))
        if named == ctx.review_year:
            return "actual", named
        if named != ctx.target_year:
            return None, None
    if skind == "other":
        estimated = estimate_at is not None and estimate_at < v.start
        mark = _time_of(text, name_start, tail, ctx)
        if mark is None and not estimated:  # (预计 in its own words dates it: not a paragraph above)
            mark = _time_of_paragraphs_before(text, name_start, ctx)
        if mark is None and not estimated and _reached_over_the_years(text, name_start, v.start, tail):
            mark = "past"
        if mark == "now" and not estimated:
            return "target", ctx.target_year
        if mark != "past" and not (mark is None and estimated):
            return None, None  # a topic heading and no word of time: no kind can be told
        skind = "review"  # a word of the past, or 预计 (an estimate is of the year just ending)
    if skind == "review":
        if PAST_TARGET.search(text, v.end, min(len(text), v.end + 24)) or \
                PAST_TARGET_BEFORE.search(text, max(0, name_start - 16), name_start):
            return None, None  # 实现了年初确定的…4%左右的目标: last year's goal, not its result
        if estimate_at is not None and estimate_at < v.start:
            return "estimate", ctx.review_year
        if year_m and year_number(year_m.group(1)) != ctx.review_year:
            return None, None
        return "actual", ctx.review_year
    if skind in ("targets", "tasks", "self_building"):
        if year_m and year_number(year_m.group(1)) not in (ctx.review_year, ctx.target_year):
            return None, None  # 财政赤字从1979年的170亿元…: a figure of some other year
        if _time_of(text, name_start, tail, ctx) == "past" or _names_review_year(before, ctx) or (
                year_m and year_number(year_m.group(1)) == ctx.review_year):
            return "actual", ctx.review_year
        return "target", ctx.target_year
    return None, None


def _dated_by_its_words(text: str, v: Value, before: str, sentence_start: int,
                        estimate_at: int | None) -> tuple[str | None, int | None]:
    """Without the report's year a figure is a result only where its own words date it: its
    sentence names the year (2019年，全县实现生产总值85亿元), else its paragraph opens on one, and
    no word of a goal goes with it."""
    unguided = GOAL_NOT_AHEAD.sub("", before) if "目标" in before else before
    if NOW_MARK.search(unguided) or FUTURE_MARK.search(before) or _goal_year(before) or \
            SEVERAL_YEARS_MARK.search(before) or speaks_of_several_years(before):
        return None, None
    year = _named_year(before)
    if year is None:  # a paragraph that opens on its year: 2009年，…
        para_start = text.rfind("\n", 0, sentence_start) + 1
        opening = OPENING_YEAR.match(text, para_start)
        if opening and para_start < sentence_start:
            year = year_number(opening.group(1))
        elif WHOLE_YEAR.search(before):
            year = _year_of_paragraphs_before(text, para_start)
    if year is None:
        return None, None
    return ("estimate" if estimate_at is not None and estimate_at < v.start else "actual"), year


WHOLE_YEAR = re.compile(lang.WHOLE_YEAR)  # the year the passage speaks of
PART_OF_YEAR = re.compile(lang.PART_OF_YEAR)


def _of_part_of_the_year(text: str, name_start: int) -> bool:
    """Whether the clause of a result opens on part of the year (前三季度，规上工业增加值增长9.1%;
    1-11月，社会消费品零售总额完成32亿元) with no word of the whole year after it: a December
    report's latest months, not the year's result (its period is no year)."""
    clause_start = _clause_start(text, name_start)
    last_end = max((m.end() for m in PART_OF_YEAR.finditer(text, clause_start, name_start)), default=None)
    return last_end is not None and WHOLE_YEAR.search(text, last_end, name_start) is None


def _year_of_paragraphs_before(text: str, para_start: int) -> int | None:
    """A digest's paragraph on a topic that speaks of the whole year (经济发展稳中有进。全年实现…)
    under one that opens on its year (2012年，某县紧紧围绕…): that year, when one of the few
    paragraphs before opens on it and speaks of no goal."""
    end = para_start - 1
    for _ in range(PARAGRAPHS_BACK):
        if end <= 0:
            return None
        start = text.rfind("\n", 0, end) + 1
        opening = OPENING_YEAR.match(text, start, end)
        if opening:
            paragraph = text[start:end]
            unguided = GOAL_NOT_AHEAD.sub("", paragraph) if "目标" in paragraph else paragraph
            if NOW_MARK.search(unguided) or FUTURE_MARK.search(paragraph):
                return None
            return year_number(opening.group(1))
        end = start - 1
    return None


# 紧紧围绕“幸福府谷”建设目标: a goal the year's work was guided by, no goal of a figure
# a goal the year's work was guided by (紧紧围绕富民强县目标), or one met or beaten (超年度计划目标13.9%):
# no goal ahead
GOAL_NOT_AHEAD = re.compile(rf"(?:{lang.GUIDED_BY})[^，。；]{{0,16}}目标|(?:{lang.MET_GOAL})[^，。；]{{0,12}}目标")
# words of what is to come, and of sums and spans of years: no dated result goes with them
FUTURE_MARK = re.compile(r"将|要|计划|规定|安排|争取|努力|确保")
SEVERAL_YEARS_MARK = re.compile(rf"{lang.YEARLY_SUMS}|平均|几年")
OPENING_YEAR = re.compile(rf"[ \t\u3000]*({YEAR_WORD})年[，,]")


def _named_year(text: str) -> int | None:
    """The last year text speaks of (not one it compares with or counts from: 比2018年, 2015年以来)."""
    found = None
    for m in TIME_YEAR.finditer(text):
        if not (m.start() and text[m.start() - 1] in NOT_BEFORE_TIME_YEAR):
            found = year_number(m.group(1))
    return found


BULLET = re.compile(rf"[ \t\u3000]*(?:——|—|－|-|·|[{lang.LIST_SYMBOLS}])")


def _list_intro(text: str, line_start: int) -> str:
    """The line that introduces this one with a colon (主要预期目标是：), right above it or above the
    run of bullets (——地区生产总值增长5.5%左右；) it belongs to, else ""."""
    if line_start == 0 or (text[line_start - 1] != "\n"):
        return ""
    if not BULLET.match(text, line_start):
        prev = text.rfind("\n", 0, line_start - 1) + 1
        line = text[prev:line_start - 1]
        # or a list whose items run on over lines that end in ；(主要预期目标是：地区生产总值增长5%；
        # ⏎一般公共预算收入增长7%；…): the line above it that opens the list with its colon
        for _ in range(ESTIMATE_LIST_LINES):
            if line.rstrip().endswith(("：", ":")):
                return line
            if not line.rstrip().endswith(("；", ";")):
                return ""
            if "：" in line or ":" in line:
                return line
            if prev == 0:
                return ""
            end = prev - 1
            prev = text.rfind("\n", 0, end) + 1
            line = text[prev:end]
        return ""
    pos = line_start
    while pos > 0:
        prev = text.rfind("\n", 0, pos - 1) + 1
        line = text[prev:pos - 1]
        if not BULLET.match(line):
            return line if line.rstrip().endswith(("：", ":")) else ""
        pos = prev
    return ""


def _clause_start(text: str, pos: int, sentence_start: int | None = None) -> int:
    """Just after the semicolon before pos in its sentence, else the sentence's start."""
    start = _sentence_start(text, pos) if sentence_start is None else sentence_start
    return max(start, text.rfind("；", start, pos) + 1, text.rfind(";", start, pos) + 1)


def _sentence_start(text: str, pos: int) -> int:
    """Just after the full stop or line break before pos (the sentence a position is in). A line
    that ends in ；goes on into the next (a sentence whose clauses a copy put on lines of their own:
    报告指出，2010年，…增长5.5%；⏎社会消费品零售总额…), up to ESTIMATE_LIST_LINES lines."""
    start = max(text.rfind("。", 0, pos), text.rfind("\n", 0, pos)) + 1
    for _ in range(ESTIMATE_LIST_LINES):
        if start < 2 or text[start - 1] != "\n" or text[start - 2] not in "；;":
            break
        start = max(text.rfind("。", 0, start - 1), text.rfind("\n", 0, start - 1)) + 1
    return start


def _sentence_before(text: str, pos: int) -> str:
    return text[_sentence_start(text, pos):pos]


def _names_review_year(before: str, ctx: Context) -> bool:
    """A sentence in the forward part that names the year under review as its own (1986年同1978年
    相比，… in the report of 1987) states that year's results, unless a word of now follows."""
    years = list(SENTENCE_YEAR.finditer(before))
    if not years or ctx.review_year is None:
        return False
    first = years[0]
    return int(first.group(1)) == ctx.review_year and NOW_MARK.search(before, first.end()) is None


def _time_of(text: str, name_start: int, tail: str, ctx: Context) -> str | None:
    """Whether a statement in the forward part speaks of last year: its own words, else the nearest
    sentence before it in its paragraph that names a time (他说，刚刚过去的2014年，是很不平凡的一年。
    全市上下…。全年实现地区生产总值…), else the line that introduces the list it is an item of."""
    years = _years(ctx)
    para_start = text.rfind("\n", 0, name_start) + 1
    sent_start = _sentence_start(text, name_start)
    own = _last_time_mark(text[sent_start:name_start] + "|" + tail, *years)
    if own is not None:
        return own
    end = sent_start
    while end > para_start:
        start = max(para_start, text.rfind("。", 0, end - 1) + 1)
        mark = _last_time_mark(text[start:end], *years)
        if mark is not None:
            return mark
        end = start
    # an item of a list: the line that introduces the list (以下是2023年工作回顾：⏎● …)
    return _last_time_mark(_list_intro(text, para_start), *years) if para_start else None


PARAGRAPHS_BACK = 3  # how many paragraphs of a page without headings a time word reaches over


def _time_of_paragraphs_before(text: str, pos: int, ctx: Context) -> str | None:
    """On a page without headings (a digest's paragraphs: 2018年，…。⏎预计地区生产总值…。⏎全社会固定
    资产投资…), the time of the nearest of the few paragraphs before that names one."""
    end = text.rfind("\n", 0, pos)
    for _ in range(PARAGRAPHS_BACK):
        if end <= 0:
            return None
        start = text.rfind("\n", 0, end) + 1
        mark = _last_time_mark(PARTS_LIST.sub("", text[start:end]), *_years(ctx))
        if mark is not None:
            return mark
        end = start - 1
    return None


# 报告共分两部分：2017年工作回顾；2018年主要工作。: the report's parts name both years, and tell
# nothing of the time the paragraphs after them speak of
PARTS_LIST = re.compile(rf"{lang.PARTS_INTRO}[^。\n]*")


def _years(ctx: Context) -> tuple[int | None, int | None, bool]:
    """What _last_time_mark reads time words against: the year under review, the year of the
    goals, and whether the report reviews its own year (its 今年 is then the past)."""
    return ctx.review_year, ctx.target_year, ctx.reviews_its_own_year


def _last_time_mark(text: str, review_year: int | None, target_year: int | None,
                    this_year_is_past: bool = False) -> str | None:
    """The time the last time word of text names: 去年 or the year under review is the past, 今年,
    a goal's words or the year of the report now; in a report that reviews its own year (read in
    December) 今年 is that year, the past."""
    past = [m.end() for m in PAST_MARK.finditer(text)]
    now = [m.end() for m in NOW_MARK.finditer(text)]
    if this_year_is_past:
        this_year = [m.end() for m in THIS_YEAR.finditer(text)]
        past += this_year
        now = [end for end in now if end not in this_year]
    if now and "目标" in text:  # 紧紧围绕富民强县目标: the goal the year's work was guided by is no goal ahead
        guided = [m.span() for m in GOAL_NOT_AHEAD.finditer(text)]
        now = [end for end in now if not any(a < end <= b for a, b in guided)]
    for m in TIME_YEAR.finditer(text):
        if m.start() and text[m.start() - 1] in NOT_BEFORE_TIME_YEAR:
            continue
        year = year_number(m.group(1))
        if year == review_year:
            past.append(m.end())
        elif year == target_year:
            now.append(m.end())
    if not past:
        return "now" if now else None
    return "past" if not now or max(past) > max(now) else "now"


def _goal_year(before: str) -> int | None:
    """The year of the first of 到YYYY年, YYYY年前 and 到“十三五”末 in before."""
    found = [m for m in (PLAN_TO.search(before), PLAN_BEFORE.search(before)) if m is not None]
    if "末" in before and (end := PLAN_END_TO.search(before)) is not None:
        found.append(end)
    if not found:
        return None
    first = min(found, key=lambda m: m.start())
    return FIVE_YEAR[first.group(1)] if first.re is PLAN_END_TO else year_number(first.group(1))


def _qualifier(v: Value, tail: str, kind: str, shared_post: str | None) -> str | None:
    post = v.post or shared_post
    if post in ("以内", "以下"):
        return "以内"
    if post in ("左右", "上下"):
        return "左右"
    if post == "以上" or v.approx or QUAL_BEFORE_UP.search(tail):
        return "以上"
    if QUAL_BEFORE_DOWN.search(tail):
        return "以内"
    if kind == "target" and CONTROL.search(tail):
        return "以内"
    return None


def _statement_facts(text: str, g: Grammar, ctx: Context, goals: list[int]) -> list[tuple[Fact, int]]:
    """Statements with no number (…与经济增长同步) where goals are set: in a section of goals, after
    a list's intro (主要预期目标是：), or in a sentence of the year's goals (goals: their starts)."""
    out = []
    for st in g.statements:
        for m in _statement_matches(text, st):
            sec = ctx.section(m.start())
            skind = ctx.kind_of(sec)
            sentence_start = _sentence_start(text, m.start())
            listed = bool(TARGET_INTRO.search(text, sentence_start, m.start()) or
                          TARGET_INTRO.search(_list_intro(text, sentence_start)))
            if not listed and skind not in ("targets", "tasks"):
                end = SENTENCE_END.search(text, m.end())
                i = bisect_right(goals, sentence_start - 1)
                listed = i < len(goals) and goals[i] < (end.start() if end else len(text))
            if (skind not in ("targets", "tasks") and not listed) or ctx.target_year is None:
                continue
            out.append((Fact(st.id, st.measure, "target", ctx.target_year, None, None, None, st.qualifier, None,
                             m.group(), m.start(), m.end(), sec.index if sec else None), 0))
    return out


def _statement_matches(text: str, st: Statement) -> Iterator[re.Match[str]]:
    if st.last_word is None:
        yield from st.pattern.finditer(text)
        return
    end = text.find(st.last_word)
    while end >= 0:  # a statement ends with its last word: look only just before each one
        stop = end + len(st.last_word)
        m = st.pattern.search(text, max(0, end - 60), stop)
        while m is not None and m.end() != stop:
            m = st.pattern.search(text, m.start() + 1, stop)
        if m is not None:
            yield m
        end = text.find(st.last_word, stop)


def _dedupe(facts: list[tuple[Fact, int]]) -> tuple[Fact, ...]:
    """A fact stated twice is one fact; a looser name goes when a closer one is stated for the same
    year (a part of the deficit beside the whole, 财政收入 beside 公共财政预算收入); a threshold
    that restates a level the report gives exactly (突破6万亿元 beside 62661亿元) goes."""
    seen: set[tuple[Any, ...]] = set()
    out: list[Fact] = []
    closest: dict[tuple[Any, ...], int] = {}
    for f, looseness in facts:
        year_of = (f.indicator, f.kind, f.period)
        closest[year_of] = min(looseness, closest.get(year_of, looseness))
    exact: dict[tuple[Any, ...], list[float]] = {}
    if any(f.qualifier == "以上" and f.measure == "level" for f, _ in facts):  # few reports have thresholds
        for f, _ in facts:
            amount = _amount(f)
            if f.measure == "level" and f.qualifier in (None, "左右") and amount is not None:
                exact.setdefault(_level_key(f), []).append(amount)
    for f, looseness in sorted(facts, key=lambda fp: fp[0].start):
        if looseness > closest[(f.indicator, f.kind, f.period)]:
            continue
        if exact and f.qualifier == "以上" and f.measure == "level" and \
                _restated(f, exact.get(_level_key(f), [])):
            continue
        key = (f.indicator, f.measure, f.kind, f.period, f.scope, f.value, f.value_max)
        if key in seen:
            continue
        seen.add(key)
        out.append(f)
    return tuple(out)


THRESHOLD_REACH = 1.5  # an exact level up to this many times a threshold is what the threshold rounds


def _level_key(f: Fact) -> tuple[Any, ...]:
    # a year's result, whether stated or estimated: a threshold in the one restates the other's level
    kind = "result" if f.kind in ("actual", "estimate") else f.kind
    return f.indicator, kind, f.period, f.scope, _base_unit(f.unit or "")


def _restated(threshold: Fact, exact: list[float]) -> bool:
    amount = _amount(threshold)
    return amount is not None and any(amount <= e <= amount * THRESHOLD_REACH for e in exact)


def _base_unit(unit: str) -> str:
    for prefix, _ in MULTIPLIERS:
        if unit.startswith(prefix) and len(unit) > len(prefix):
            return unit[len(prefix):]
    return unit


def _amount(f: Fact) -> float | None:
    if f.value is None:
        return None
    unit = f.unit or ""
    for prefix, factor in MULTIPLIERS:
        if unit.startswith(prefix) and len(unit) > len(prefix):
            return f.value * factor
    return f.value
