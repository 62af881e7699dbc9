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

# (depth, pattern) of each heading marker, outermost first
HEADING_MARKERS: tuple[tuple[int, str], ...] = tuple(
    (h["depth"], h["marker"].replace("{o}", ORDINALS)) for h in _DATA["headings"])

_TIME = _DATA["time"]
# a count of years: 五, or one or two digits not the end of a longer number (10年来, not 2015年来)
_COUNT = rf"(?:[{_TIME['year_counts']}]|\d\d?(?<!\d{{3}}))"
# words that name a span of years (过去五年, 三年来, 10年来, “十四五”时期 …), as one pattern whose
# every branch opens with a literal or a class (re skips ahead in C)
SEVERAL_YEARS = "|".join(w.replace("{n}", _COUNT).replace("{cn}", _TIME["year_counts"])
                         .replace("{plan}", f"(?:{PLAN_PATTERN})") for w in _TIME["several_years"])
YEARLY_SUMS = "|".join(_TIME["sums"])


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
