"""The report language, written once (data/lang.toml): numerals, five-year plans, speaker titles,
salutations, surnames, the words a report calls its own region by. Every stage builds its
patterns from these, so a new wording is added in one place."""

from __future__ import annotations

import re
from functools import cache

from govreport import lexicon

_DATA = lexicon.load("lang.toml")

NUMERALS: str = _DATA["numerals"]
ORDINALS: str = _DATA["ordinals"]
YEAR_DIGITS: str = _DATA["year_digits"]
FIVE_YEAR_PLANS: dict[str, int] = dict(_DATA["five_year_plans"])
TITLES: tuple[str, ...] = tuple(_DATA["speakers"]["titles"])
SALUTATIONS: tuple[str, ...] = tuple(_DATA["speakers"]["salutations"])
AFTER_NAME: tuple[str, ...] = tuple(_DATA["speakers"]["after_name"])
SPEECH_VERBS: tuple[str, ...] = tuple(_DATA["speakers"]["speech_verbs"])
SURNAMES: frozenset[str] = frozenset("".join(_DATA["speakers"]["surnames"].split()))
COMPOUND_SURNAMES: tuple[str, ...] = tuple(_DATA["speakers"]["compound_surnames"])
ETHNIC_GROUPS: tuple[str, ...] = tuple(_DATA["regions"]["ethnic_groups"])
LEVEL_WORDS: str = "".join(_DATA["regions"]["level_words"])
SELF_PREFIXES: str = "".join(_DATA["regions"]["self_prefixes"])

# longest first, so an alternation never stops at a title's tail (代市长 before 市长)
TITLE_PATTERN = "|".join(sorted(TITLES, key=len, reverse=True))
SALUTATION_PATTERN = "|".join(SALUTATIONS)
# a five-year plan's name: 十四五 (a plan with a ten, which no numeral of the text spells so) or,
# for the one-syllable plans, only inside quote marks ("九五", “十五”)
_PLAN_NAMES = sorted(FIVE_YEAR_PLANS, key=len, reverse=True)
PLAN_PATTERN = "|".join(_PLAN_NAMES)
# a plan named where a plan word goes with it: “十四五”时期, 十五期间, "九五"计划, 十三五末, 十二五规划
PLAN_NAMED = rf"({PLAN_PATTERN})”?(?:时期|期间|末|规划|计划)"


SET_AT: str = _DATA["change"]["set_at"]


def with_language(pattern: str) -> str:
    """The placeholders of a pattern in the data files, each written once here: {plan}, a five-year
    plan's name (“十五”末的); {set_at}, the words of a goal set at a figure (定在, 设为)."""
    return pattern.replace("{plan}", PLAN_PATTERN).replace("{set_at}", SET_AT)

# the words that open a list of a year's goals: 主要预期目标是：, 发展预期目标为, 主要目标建议为,
# a digest's 提出了2019年经济社会发展主要预期目标：
_INTRO_END = r"目标(?:(?:建议|确定|拟定|设定)?(?:是|为|定为)[:：]?|[:：])"
TARGET_INTRO = rf"主要(?:预期)?{_INTRO_END}|发展预期{_INTRO_END}|预期{_INTRO_END}"

# a digest's words before the list of the report's parts (报告分为三部分：)
PARTS_INTRO = _DATA["parts_intro"]

# a news page's dates: a month or day in digits or numerals (中新社广州一月十七日电), a dateline
# (人民网长沙1月11日电, 大众网青岛2月19日讯), the words a newspaper's dispatch opens on (本报讯), and a
# sentence or paragraph opening on its day (1月20日，… / 2024年1月20日上午，…)
DAY_NUMBER = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
DATELINE = rf"(?P<m>{DAY_NUMBER})月(?P<d>{DAY_NUMBER})日[电讯]"
DISPATCH = "本报讯|本网讯"
DAY_OPENING = r"[ \t\u3000]*(?:((?:19|20)\d\d)年)?(\d{1,2})月(\d{1,2})日(?:上午|下午|晚上?)?[，,]"

# one character between listed names, values or words (以及 besides): 城镇、农村, 7.7%和6.8%
JOINERS = "、和及与"

# a session of a people's congress: 第六届人民代表大会第二次会议, 十四届人大三次会议, 第十四届全国人民代表
# 大会第三次会议 (groups cong, nat, sess; a copy may set spaces between its parts)
CONGRESS_SESSION = (
    rf"(?P<cong>第?[ \t\u3000]*[{ORDINALS}]+届)[ \t\u3000]*(?P<nat>全国)?(?:人民代表大会|人大)[ \t\u3000]*"
    rf"(?P<sess>第?[{ORDINALS}]+次)会议")
# the meeting a report was delivered at: ——2023年1月4日在曲靖市麒麟区第六届人民代表大会第二次会议上 (the
# date may be in Chinese numerals or absent, and a copy may set a space after it)
MEETING_LINE = (
    rf"(?:(?P<y>\d{{4}}|[{YEAR_DIGITS}]{{4}})年(?P<m>\d{{1,2}}|[{ORDINALS}]{{1,3}})月"
    rf"(?P<d>\d{{1,2}}|[{ORDINALS}]{{1,3}})日[ \t\u3000]*)?在(?P<place>[^\n第在，。]{{0,30}}?)[ \t\u3000]*"
    + CONGRESS_SESSION)

HEADING_ENDS = "|".join(_DATA["heading_ends"])

# symbols that open the items of a list, or a digest's parts (●预计增长6%左右, ■ 2024年成绩单)
LIST_SYMBOLS = "●◆■▲★•◎"

# (depth, pattern) of each heading marker, outermost first
HEADING_MARKERS: tuple[tuple[int, str], ...] = tuple(
    (h["depth"], h["marker"].replace("{o}", ORDINALS)) for h in _DATA["headings"])

_TIME = _DATA["time"]
_NUMERAL_COUNT = f"[{_TIME['year_counts']}]"
# a count of years: 五, or one or two digits not the end of a longer number (10年来, not 2015年来)
_COUNT = rf"(?:{_NUMERAL_COUNT}|\d\d?(?<!\d{{3}}))"
_AFTER = f"(?:{_TIME['after_count']}|{_TIME['change_after_count']})"
# words that name a span of years (过去五年, 三年来, 10年来, “十四五”时期 …): the plain form
SEVERAL_YEARS = "|".join([
    *(f"{before}{_COUNT}年" for before in _TIME["before_count"]),
    f"{_COUNT}年{_AFTER}", f"{_NUMERAL_COUNT}年{_TIME['after_numeral_count']}",
    f"“?(?:{PLAN_PATTERN})”?{_TIME['plan_years']}"])


def _several_years_fast() -> str:
    """SEVERAL_YEARS as re finds fast: one class of every first character, consumed, then each
    branch chosen by a lookbehind on it (an alternation of branches opening with classes is tried
    at every position, ~0.2 ms over a report's opening). tests/test_lang.py compares the two."""
    branches = [f"(?<={b[0]}){b[1:]}{_COUNT}年" for b in _TIME["before_count"]]
    branches += [f"(?<={_NUMERAL_COUNT})年(?:{_AFTER}|{_TIME['after_numeral_count']})",
                 rf"(?<=\d)(?<!\d\d)\d?年{_AFTER}"]
    plans: dict[str, list[str]] = {}
    for name in _PLAN_NAMES:
        plans.setdefault(name[0], []).append(name[1:])
    plan_rest = "|".join(f"(?<={first})(?:{'|'.join(rests)})" for first, rests in plans.items())
    branches += [f"(?<=“)(?:{PLAN_PATTERN})”?{_TIME['plan_years']}", f"(?:{plan_rest})”?{_TIME['plan_years']}"]
    firsts = {b[0] for b in _TIME["before_count"]} | set(_TIME["year_counts"]) | {"“"} | set(plans)
    return f"[{''.join(sorted(firsts))}0-9](?:{'|'.join(branches)})"


SEVERAL_YEARS_FAST = _several_years_fast()
YEARLY_AVERAGES = "|".join(_TIME["averages"])
YEARLY_SUMS = "|".join([*_TIME["averages"], *_TIME["sums"]])  # (the averages too: a figure over the years)
# a count of years and 年, no calendar year (五年, 两年, 10年; not 2005年)
YEARS_COUNTED = rf"(?<![\d{NUMERALS}]){_COUNT}年"
PAST_YEAR = "|".join(_TIME["past_year"])
# a sentence in the government's voice that opens on a span of years looked back on (五年来，我们…;
# 过去五年，我们…): a passage of the years, not of the one under review (a sentence of figures that
# opens so, 四年来，全县累计新上…, may stand inside a paragraph on one topic)
SEVERAL_YEARS_OPENING = (rf"(?:(?:{'|'.join(_TIME['before_count'])}){_COUNT}年(?:{_TIME['after_count']})?"
                         rf"|{_COUNT}年{_TIME['after_count']})[，,]我们")
THIS_YEAR_OPENING = "|".join(_TIME["this_year_opening"])
PIVOTAL_YEAR_WORDS = "|".join(_TIME["pivotal_year"])
LIVED_YEAR = rf"(?:{'|'.join(_TIME['lived_year'])})的一年"
GROWTH_WORDS: tuple[str, ...] = tuple(_DATA["change"]["growth"])
FALL_WORDS: tuple[str, ...] = tuple(_DATA["change"]["falls"])
AMOUNT_CHANGES = "|".join(_DATA["change"]["amount_changes"])
THRESHOLD_WORDS: tuple[str, ...] = tuple(_DATA["change"]["thresholds"])
ESTIMATE_WORDS: tuple[str, ...] = tuple(_TIME["estimate_words"])
SITE_OWNER_WORDS: tuple[str, ...] = tuple(_DATA["regions"]["site_owner_words"])
SITE_MEDIA_WORDS: tuple[str, ...] = tuple(_DATA["regions"]["site_media_words"])
# a hidden name (某某县, XX市): its mask, then level words (XX县区 of a document site's copy too)
MASKED_NAME = rf"(?:{'|'.join(_DATA['regions']['name_masks'])})[{LEVEL_WORDS}]*"
WHOLE_YEAR_WORDS: tuple[str, ...] = tuple(_TIME["whole_year"])
WHOLE_YEAR = "|".join(WHOLE_YEAR_WORDS)
PART_OF_YEAR = "|".join(_TIME["part_of_year"])
GUIDED_BY = "|".join(_TIME["guided_by"])
MET_GOAL = "|".join(_TIME["met_goal"])
LOOKING_AHEAD = "|".join(_TIME["looking_ahead"])


def is_name(word: str) -> bool:
    """Whether a word reads as a person's name: a surname and one or two more Han characters."""
    if not all("\u4e00" <= c <= "\u9fff" for c in word):
        return False
    if word.startswith(COMPOUND_SURNAMES):
        return 3 <= len(word) <= 4
    return word[:1] in SURNAMES and 2 <= len(word) <= 3


@cache
def self_reference() -> re.Pattern[str]:
    """我市, 全县, 本区 …: group 1 is the level word (not 全市委, 我省市)."""
    return re.compile(f"[{SELF_PREFIXES}]([{LEVEL_WORDS}])(?![{LEVEL_WORDS}委])")


_LEVEL_SUFFIX = re.compile(r"(?:自治州|自治县|自治旗|自治区|特别行政区|地区|林区|特区|省|市|县|区|州|盟|旗)$")
# the ethnic groups an autonomous area's name holds, as written there: 白族, 土家族; 维吾尔 alone
_ETHNIC_TAILS = tuple(sorted([g + "族" for g in ETHNIC_GROUPS] + ["维吾尔"], key=len, reverse=True))


def region_stem(name: str) -> str:
    """A region's name without its level word and ethnic groups: 大理白族自治州 -> 大理, 江岸区 -> 江岸,
    新疆维吾尔自治区 -> 新疆, 湘西土家族苗族自治州 -> 湘西."""
    m = _LEVEL_SUFFIX.search(name)
    stem = name[:m.start()] if m else name
    if m and m.group().startswith("自治"):
        stripped = True
        while stripped:
            stripped = False
            for tail in _ETHNIC_TAILS:
                if stem.endswith(tail) and len(stem) > len(tail):
                    stem, stripped = stem[:-len(tail)], True
                    break
    return stem
