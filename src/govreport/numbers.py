"""Numbers as reports write them: 82.9%, 4.5-5%, 5%—5.5%, 1300多亿美元, 负3.9%, 百分之五, 一千二百万.

The value regex is the report grammar's own; Chinese numerals are converted with cn2an.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, lru_cache
from typing import Any, NamedTuple

from govreport import lang

CN_DIGITS = lang.NUMERALS + "点"
# 42,560 in web copies: ASCII commas between groups of exactly three digits are thousands separators
# (and in typeset copies of older reports the full-width comma does the same: 3，680亿斤, 27，203，319，000元)
_GROUPS = r"(?:[,，]\d{3}(?!\d))*"
NUM = rf"\d+{_GROUPS}(?:\.\d+)?"
CN_NUM = rf"[{CN_DIGITS}]+"
MULTIPLIER = r"(?:万亿|千亿|百亿|亿|千万|百万|万|千)"
# (台 of machines, not 台阶: 迈上5万亿台阶 is a threshold in 元)
UNIT_WORDS = (r"元|美元|吨|公斤|斤|人次|人|户|家|个|亩|公顷|平方公里|平方米|公里|千瓦时|千瓦|项|辆|套|座|所|条|"
              r"台(?!阶)|张|篇|件|立方米|标准箱|标箱|吨标准煤|人民币|床|间|处|只|头|株|册|场|批|次|倍|年|米")
RANGE_SEP = r"[-—–－~～至到]"
# unit prefixes that are multipliers, longest first: 250.2亿元 is 2.502e10 元
MULTIPLIERS: tuple[tuple[str, float], ...] = (
    ("万亿", 1e12), ("千亿", 1e11), ("百亿", 1e10), ("亿", 1e8), ("千万", 1e7), ("百万", 1e6), ("万", 1e4), ("千", 1e3))

UNIT_STARTS = "".join(sorted({w[0] for w in (UNIT_WORDS + "|万|亿|千|百").split("|")} | set("%％‰个多余")))

# The value regex opens with one character class, consumed, and branches on that character by
# lookbehind: re then skips to candidate characters in C (a leading lookahead or an optional
# group makes it try every position). A number's text is therefore text[m.start():m.end(group)].
_LEAD = "负0-9" + lang.NUMERALS.replace("万", "").replace("亿", "")
# 百分之八至九, 百分之八到百分之九: a range in Chinese numerals
_CN_PCT_MAX = rf"(?:[至到—\-](?:百分之)?(?P<{{}}>{CN_NUM}))?"
# after the lead: 负 -> a number or 百分之…; a digit -> the rest of its digits; 百 -> 分之….
# A number counts only with a unit (or as 百分之…): a bare number is a date, a rank or a code.
_DIGITS_VALUE = (
    rf"(?:(?<=负)(?:(?P<v1>{NUM})|百分之(?P<pct>{CN_NUM}){_CN_PCT_MAX.format('pct_max')})"
    rf"|(?<=\d)(?P<v1t>\d*{_GROUPS}(?:\.\d+)?)|(?<=百)分之(?P<pct2>{CN_NUM}){_CN_PCT_MAX.format('pct2_max')})"
    rf"(?P<u1>%|％)?"
    rf"(?:(?P<sep>{RANGE_SEP}{{1,2}})(?P<v2>{NUM})(?=%|％|{MULTIPLIER}|{UNIT_WORDS}))?"
    rf"(?(pct)|(?(pct2)|(?=[{UNIT_STARTS}])))"
    rf"(?P<approx>多|余)?"
    rf"(?P<unit>%|％|‰|个百分点|{MULTIPLIER}?(?:{UNIT_WORDS})|{MULTIPLIER})?"
    rf"(?P<post>左右|以上|以内|以下|上下)?"
)
# 两亿元, 五千万元, 一千二百万人: a Chinese numeral counts only before an amount's unit. The numeral
# is taken possessively: giving back a numeral character never lets a unit match (the one unit
# that opens with one, 千/百 before 元 or 户, matches as well after the whole numeral), and most of
# the ~500 numeral characters of a report (一是, 进一步) fail here, so re need not try each length.
# Older reports write large amounts in hundred millions and ten thousands: 三亿零四百七十五万吨,
# 一千三百六十九亿一千四百万元 (the part after 亿 is read as cn_inner), and 七亿多亩 (多 after 亿).
_CN = lang.NUMERALS.replace("万", "").replace("亿", "")
# Inside the unit, so only an amount that reaches its 亿 pays for reading on. The character after
# the first numeral is tested first (a numeral, 多/余 or a unit's first): most numerals stand in
# words (进一步, 一是), and one class test rejects them before the units are tried.
_CHINESE_AMOUNT = (
    # (一万零五百亿斤, 三万零六百多亿元: ten thousands of hundred millions, the 万 inside the numeral)
    rf"(?<=[{_CN}])(?=[{_CN}万亿元美吨斤户多余])"
    rf"(?P<cn>[{_CN}]{{0,7}}+(?:万(?=[{_CN}]{{1,4}}+(?:多|余)?亿)[{_CN}]{{1,4}}+)?)(?P<cn_approx>多|余)?"
    rf"(?P<cn_unit>(?:万亿|亿(?:(?P<cn_inner>[{_CN}]{{1,7}}+)(?P<cn_approx3>多|余)?万)?|万)(?P<cn_approx2>多|余)?"
    r"(?:元|美元|吨|斤|人|户|亩)|(?:千|百)?(?:元|美元|吨|斤)|(?:万|千)?户)"
    r"(?P<cn_post>左右|以上|以内|以下)?")
# one scan finds both: a regex pass over a long report costs more than the matches it yields
VALUE = re.compile(rf"[{_LEAD}](?:{_DIGITS_VALUE}|{_CHINESE_AMOUNT})")


class Value(NamedTuple):  # a tuple: built ~100 times per report, read-only
    start: int
    end: int
    value: float
    value_max: float | None
    unit: str  # as written: %, 亿元, 万人 …; "" when none
    approx: bool  # 多 / 余 between number and unit
    post: str | None  # 左右 / 以上 / 以内 / 以下 / 上下 after the unit
    negative: bool  # written 负


def parse_number(text: str) -> float:
    """'82.9' -> 82.9; '五' -> 5; '一千二百' -> 1200; '三点五' -> 3.5."""
    if _NUM_RE.fullmatch(text):
        return _digits(text)
    return _chinese_number(text)


def _digits(text: str) -> float:
    """'42,560' or '3，680' -> the number, group separators dropped."""
    return float(text.replace(",", "").replace("，", ""))


# a year as reports write it, before 年: 1984, or spelled digit by digit in older ones, 一九八四 or
# 二〇〇五 (二零零五); year_number reads both
SPELLED_YEAR = f"(?:一九|二[〇零])[{lang.YEAR_DIGITS}]{{2}}"
YEAR_DIGITS = r"(?:19|20)\d\d"


def year_number(written: str) -> int:
    """A year as reports write it: '1984' -> 1984; '一九八四', '二〇二五' (digit by digit) -> 1984, 2025.
    A character that is no digit raises ValueError."""
    if written.isdigit():
        return int(written)
    return int("".join(str("〇一二三四五六七八九".index("〇" if c == "零" else c)) for c in written))


_NUM_RE = re.compile(NUM)


@lru_cache(maxsize=4096)
def _chinese_number(text: str) -> float:
    # the same numerals recur across reports (百分之四十, 一千万); cn2an's checks cost ~10 us a call
    try:
        return float(_cn2an()(text, "strict"))
    except (ValueError, TypeError, KeyError):
        return float(_cn2an()(text, "smart"))


@lru_cache(maxsize=256)
def small_number(text: str) -> int:
    """A count written in digits or in Chinese (第十四届, 三次): the same few recur in every report
    (cn2an's checks cost ~10 us a call)."""
    return int(text) if text.isdigit() else int(_cn2an()(text, "smart"))


def chinese_numeral(n: int) -> str:
    """14 -> 十四 (cn2an's an2cn), as reports write a congress's and a session's number."""
    import cn2an

    return str(cn2an.an2cn(n))


def spelled_year(year: int) -> str:
    """2020 -> 二〇二〇, digit by digit (year_number read backwards)."""
    import cn2an

    return str(cn2an.an2cn(str(year), "direct")).replace("零", "〇")


@cache
def _cn2an() -> Callable[[str, str], Any]:
    # imported on first use: building its converters takes 0.1 s, which readers of the store
    # (and `--help`) need not pay
    import cn2an

    return cn2an.cn2an  # type: ignore[no-any-return]


# a NamedTuple's __new__ is a Python function; tuple.__new__ builds the same Value in C (~100 a report)
_new_value = tuple.__new__
_GROUPS_READ = ("cn_unit", "v1", "v1t", "unit", "u1", "pct", "pct2", "pct_max", "pct2_max", "v2", "approx", "post")


def find_values(text: str, start: int = 0, end: int | None = None) -> list[Value]:
    end = len(text) if end is None else end
    out: list[Value] = []
    for m in VALUE.finditer(text, start, end):
        # one call for all groups: ~100 matches a report, a dozen groups each
        cn_unit, v1, v1t, unit_as_written, u1, pct1, pct2, pct_max1, pct_max2, v2, approx, post = m.group(
            *_GROUPS_READ)
        if cn_unit:
            value = _chinese_amount(text, m)
            if value is not None:
                out.append(value)
            continue
        at = m.start()
        digits = v1
        if digits is None and v1t is not None:
            digits = text[at:m.end("v1t")]
        if digits and at:
            before = text[at - 1]  # inside a longer number: 12.5 read from its 2, 42,560 from its 560
            if before.isdigit() or before == "." or (before in ",，" and at > 1 and text[at - 2].isdigit()):
                continue
        unit = (unit_as_written or u1 or "").replace("％", "%")
        pct = pct1 or pct2
        pct_max = pct_max1 or pct_max2
        if pct:
            try:
                v = parse_number(pct)
                vmax_cn = parse_number(pct_max) if pct_max else None
            except (ValueError, TypeError):
                continue
            unit = "%"
        elif digits:
            v = _digits(digits)
        else:
            continue
        if unit == "年" and digits and _CALENDAR_YEAR.fullmatch(digits):
            continue  # a calendar year is a date, not a quantity
        vmax = _digits(v2) if v2 else (vmax_cn if pct else None)
        if vmax is not None and vmax <= v:
            vmax = None  # "2021-2025年"-like or a dash that is no range
        negative = text[at] == "负"
        if at and text[at - 1] in _MINUS and (at < 2 or not _IN_A_RANGE_BEFORE.match(text[at - 2])):
            at, negative = at - 1, True  # 增长-39.7%: a minus sign, not a range's dash (5%-6%, 2021-2025)
        out.append(_new_value(Value, (at, m.end(), v, vmax, unit, bool(approx), post, negative)))
    return out


_CALENDAR_YEAR = re.compile(r"(?:19|20)\d\d")
_MINUS = "-－−"
_IN_A_RANGE_BEFORE = re.compile(r"[\d%％.]")
_CN_DIGITS_SET = frozenset(lang.NUMERALS + "第")


def _chinese_amount(text: str, m: re.Match[str]) -> Value | None:
    if m.start() > 0 and text[m.start() - 1] in _CN_DIGITS_SET:
        return None  # inside a longer numeral, or an ordinal (第一户)
    unit, inner, approx_in_unit, approx_inner = m.group("cn_unit", "cn_inner", "cn_approx2", "cn_approx3")
    numeral = text[m.start():m.end("cn")]
    if len(numeral) < 2 and not unit.startswith(("万", "亿")):
        return None  # 一户一策, 一元复始: a lone numeral before a bare unit is a word, not an amount
    if numeral[0] in "百千":
        numeral = "一" + numeral  # 突破百亿元, 迈上千亿元台阶: a magnitude said without its 一
    try:
        v = parse_number(numeral)
        if inner:  # 三亿零四百七十五万吨 -> 3.0475 亿吨
            v = (v * 10_000 + parse_number(inner.lstrip("零〇"))) / 10_000
            unit = "亿" + unit[unit.rindex("万") + 1:]
    except (ValueError, TypeError, KeyError):
        return None
    if approx_in_unit:
        unit = unit.replace(approx_in_unit, "")  # 七亿多亩: 7 亿亩, and more
    if v <= 0:
        return None
    approx = bool(m.group("cn_approx") or approx_in_unit or approx_inner)
    return Value(m.start(), m.end(), v, None, unit, approx, m.group("cn_post"), False)
