"""Report metadata from the heading lines, and from the body where the heading is missing.

A field the text does not support stays None: nothing here guesses.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

import cn2an

from govreport import lexicon
from govreport.gazetteer import MUNICIPALITIES, Gazetteer
from govreport.model import Meta, RegionCandidate
from govreport.numbers import SPELLED_YEAR, YEAR_DIGITS, year_number

CN_ORDINAL = "一二三四五六七八九十"
_CN_DIGIT = "〇零一二三四五六七八九"
# ——2023年1月4日在曲靖市麒麟区第六届人民代表大会第二次会议上 (the date may be in Chinese numerals or absent)
MEETING = re.compile(
    rf"(?:(?P<y>\d{{4}}|[{_CN_DIGIT}]{{4}})年(?P<m>\d{{1,2}}|[{CN_ORDINAL}]{{1,3}})月"
    rf"(?P<d>\d{{1,2}}|[{CN_ORDINAL}]{{1,3}})日)?在(?P<place>[^\n第在，。]{{0,30}}?)[ \t\u3000]*"
    rf"(?P<cong>第?[{CN_ORDINAL}]+届)[ \t\u3000]*(?P<nat>全国)?(?:人民代表大会|人大)[ \t\u3000]*"
    rf"(?P<sess>第?[{CN_ORDINAL}]+次)会议"
)
# the congress is also written short: 在区十八届人大四次会议上
MEETING_WORDS = ("人民代表大会", "人大")
MEETING_REACH = 80  # the longest text MEETING allows on either side of a meeting word
TITLES = r"代理?[省市区县州]长|[省市区县州旗盟]长|总理|主席|代主席"
# a Han name of two to four characters, or a transliterated one with a middle dot (艾尔肯·吐尼亚孜)
NAME = r"[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,8}[·•・．.][\u4e00-\u9fff]{1,10}"
SPEAKER = re.compile(rf"^(?P<org>.*?)(?P<title>{TITLES})[:：]?(?P<name>{NAME})$")
TITLE_LINE = re.compile(
    r"^[(（](?P<prov>[\u4e00-\u9fff]{2,8}?(?:省|自治区|市))[)）]?(?P<region>[\u4e00-\u9fff]{2,20}?)人民政府工作报告"
    r"|^(?:\d{4}年)?(?P<region2>[\u4e00-\u9fff]{2,20}?)(?:人民)?政府工作报告"
)
SALUTATION = re.compile(r"各位代表")
# a review heading's year (2024年工作回顾), found from its 回顾 (a literal re skips to in C) and read
# behind it: a pattern opening with the year's digit class would be tried at every position
_REVIEW = re.compile("回顾")
# \Z, not $, in a pattern searched in a window that ends where a word begins: $ would also match
# before a line break at the end of the window (2024年\n回顾 is no review heading)
_YEAR_OF_REVIEW = re.compile(r"([0-9]\d{3})年(?:主要工作|工作)?\Z")
TITLE_YEAR = re.compile(r"(\d{4})年[\u4e00-\u9fff]{0,12}?政府工作报告")
# found from its 是 (a literal re skips to in C), the year read behind it: 2021年是"十四五"开局之年
PIVOTAL_YEAR = re.compile(
    r"是(?:(?<=(?:19|20)\d\d年是)|(?<=(?:19|20)\d\d年，是)|(?<=(?:19|20)\d\d年,是))[^。；]{0,40}?(?:开局|收官|关键|决胜|攻坚)")
_YEAR_BEFORE = re.compile(r"((?:19|20)\d\d)年[，,]?\Z")
# 1983年 or 一九八三年 (read by year_number); found from its 年, which re skips to in C
YEAR = re.compile(f"年(?<=({YEAR_DIGITS}|{SPELLED_YEAR})年)")
_SPELLED_YEAR = re.compile(f"年(?<={SPELLED_YEAR}年)")
_SEVERAL_YEARS_SINCE = re.compile(r"[两二三四五六七八九十]年来|过去五年|这五年")
_SINGLE_YEAR = re.compile(r"过去(?:的)?一年|一年来|去年")
# a top-level heading about a year's work ahead: 二、2004年主要任务 / 三、2011年的工作
TASK_HEADING_YEAR = re.compile(
    r"\n[ \t\u3000]*[一二三四五六七八九十]+、[ \t\u3000]*(?:关于|对)?((?:19|20)\d{2})\s*年"
    r"(?:的)?(?:主要任务|工作总体部署|工作|政府工作|政府工作任务|重点工作|经济社会发展|国民经济和社会发展)(?!回顾)")
# 我代表国务院; in older reports also 我现在代表…, 我受(中共中央和)国务院的委托, 我现在根据国务院的决定
SELF_REFERENCE = re.compile(
    r"我(?:现在)?(?:代表|受|根据)(?:中共中央和)?(?:中华人民共和国)?(?P<state>国务院|中央人民政府)"
    r"|我代表(?P<org>[\u4e00-\u9fff]{0,12}?)人民政府")
# the opening of an older national report names the congress it is addressed to, with no date:
# 我代表国务院，向第六届全国人民代表大会第一次会议作政府工作报告; 我们第一届全国人民代表大会第一次
# 会议…; 向第四届全国人民代表大会作政府工作报告 (a congress that met once: no session named)
ADDRESSED_NPC = re.compile(
    rf"(?:向|我们)[ \t\u3000]*(?P<cong>第[{CN_ORDINAL}]+届)[ \t\u3000]*(?P<nat>全国)人民代表大会[ \t\u3000]*"
    rf"(?:(?P<sess>第[{CN_ORDINAL}]+次)会议|(?=作))")
# or the session a year before: 从去年9月第五届全国人民代表大会第三次会议到现在 (the report of 1981)
PREVIOUS_NPC = re.compile(
    rf"从去年[^，。]{{0,10}}?(?P<cong>第[{CN_ORDINAL}]+届)[ \t\u3000]*(?P<nat>全国)人民代表大会[ \t\u3000]*"
    rf"(?P<sess>第[{CN_ORDINAL}]+次)会议")
ADDRESSED_REACH = 400  # characters of the body's opening the address is looked for in
NATION = "中华人民共和国"


def extract_meta(text: str, gazetteer: Gazetteer) -> Meta:
    header, body = _split_header(text)
    meeting = _find_meeting(header, len(header))
    if meeting is None:  # outside the heading only a dated mention is the report's own meeting
        later = _find_meeting(text, 3000)
        meeting = later if later is not None and later["y"] else None
    date = _meeting_date(meeting)
    addressed = ADDRESSED_NPC.search(body, 0, ADDRESSED_REACH) if meeting is None else None
    national = bool(meeting and meeting.group("nat")) or addressed is not None or \
        _self_org(text) in ("国务院", "中央人民政府")
    congress = _congress(meeting) if meeting else _congress(addressed) if addressed else None
    session_year = _npc_session_year(meeting or addressed) if national and not date else None
    if national and not date and session_year is None:
        previous = _npc_session_year(PREVIOUS_NPC.search(body, 0, ADDRESSED_REACH))
        session_year = previous + 1 if previous else None
    report_year = _report_year(text, header, body, date.year if date else session_year)
    region, province_hint = _region(header, meeting, national)
    speaker, title, speaker_org = _speaker(header)
    if region is None and speaker_org:
        region = _strip_government(speaker_org)
    meta = Meta(
        region=NATION if national else region,
        report_year=report_year,
        meeting_date=date.isoformat() if date else None,
        congress=congress,
        speaker=speaker,
        speaker_title=title,
    )
    if national:
        return _with(meta, level="national", adcode="100000", province=None)
    return _locate(meta, gazetteer, province_hint, _self_org(text))


def _split_header(text: str) -> tuple[str, str]:
    m = SALUTATION.search(text, 0, 4000)
    cut = m.start() if m else min(len(text), 600)
    return text[:cut], text[cut:]


def _self_org(text: str) -> str | None:
    m = SELF_REFERENCE.search(text, 0, 6000)
    if not m:
        return None
    return m.group("state") or m.group("org")


def _npc_session_year(m: re.Match[str] | None) -> int | None:
    """The year the named session of the National People's Congress met (data/npc_sessions.toml)."""
    if m is None or not m["nat"]:
        return None
    try:
        congress = _small_number(m["cong"][:-1].removeprefix("第"))  # 第六届 -> 6
        session = _small_number(m["sess"][:-1].removeprefix("第")) if m["sess"] else None
    except (ValueError, TypeError, KeyError):
        return None
    years: list[int] = lexicon.load("npc_sessions.toml")["sessions"].get(str(congress), [])
    if session is None:  # the congress alone: its year only if it met once
        return years[0] if len(years) == 1 else None
    return years[session - 1] if 0 < session <= len(years) else None


def _congress(m: re.Match[str]) -> str | None:
    """Written out in full whatever the text's shorthand (十八届人大四次 -> 第十八届人民代表大会第四次);
    None when the text names no session."""
    if not m["sess"]:
        return None
    cong, sess = m["cong"].removeprefix("第"), m["sess"].removeprefix("第")
    return f"第{cong}{m['nat'] or ''}人民代表大会第{sess}会议"


def _meeting_date(m: re.Match[str] | None) -> dt.date | None:
    if m is None or not m["y"]:
        return None
    try:
        return dt.date(year_number(m["y"]), _small_number(m["m"]), _small_number(m["d"]))
    except ValueError:
        return None


def _pivotal_years(text: str) -> list[int]:
    years = []
    for m in PIVOTAL_YEAR.finditer(text):
        year = _YEAR_BEFORE.search(text, max(0, m.start() - 6), m.start())
        if year:
            years.append(int(year.group(1)))
    return years


def _find_meeting(text: str, limit: int) -> re.Match[str] | None:
    """MEETING.search(text[:limit]), trying only the stretches around each 人民代表大会 or 人大
    (the pattern opens with an optional date, which re cannot skip ahead to)."""
    hits = sorted(i for word in MEETING_WORDS for i in _occurrences(text, word, limit))
    for i in hits:
        m = MEETING.search(text, max(0, i - MEETING_REACH), min(limit, i + MEETING_REACH))
        if m:
            return m
    return None


def _occurrences(text: str, word: str, limit: int) -> list[int]:
    found = []
    i = text.find(word, 0, limit)
    while i >= 0:
        found.append(i)
        i = text.find(word, i + 1, limit)
    return found


def _small_number(text: str) -> int:
    return int(text) if text.isdigit() else int(cn2an.cn2an(text, "smart"))


def _report_year(text: str, header: str, body: str, meeting_year: int | None) -> int | None:
    if meeting_year:
        return meeting_year
    review = _review_heading_year(text, 8000)
    if review:
        return int(review.group(1)) + 1
    task_heading = TASK_HEADING_YEAR.search("\n" + text)
    if task_heading:
        return int(task_heading.group(1))
    pivotal = _pivotal_years(text)
    if pivotal:
        return max(pivotal)
    titled = TITLE_YEAR.search(header)
    if titled:
        return int(titled.group(1))
    if not re.search(r"过去(?:的)?一年|一年来|去年|过去五年|五年来", body[:6000]):
        return None
    # the year under review: the one the opening names most, else the latest it keeps naming;
    # read in part one only (the review): part two's years are goals (争取1997年粮食产量达到…)
    second = body.find("\n二、", 0, 6000)
    part_one = body[:second] if second > 0 else body[:6000]
    if _SPELLED_YEAR.search(part_one) and (_SEVERAL_YEARS_SINCE.search(part_one, 0, 1500)
                                           or not _SINGLE_YEAR.search(part_one, 0, 1500)):
        # older reports (years spelled 一九八三) often review the years since a congress or a plan
        # began (三年来, 五年来): the year they name most is not the one before the report
        return None
    years = Counter(year_number(y) for y in YEAR.findall(part_one[:1500]))
    if years and not re.search(r"过去五年|五年来|这五年", part_one[:1500]):
        return years.most_common(1)[0][0] + 1
    years = Counter(year_number(y) for y in YEAR.findall(part_one))
    recurring = [y for y, n in years.items() if n >= 2]
    if recurring:
        return max(recurring) + 1
    return None


def _review_heading_year(text: str, limit: int) -> re.Match[str] | None:
    """The first NNNN年(主要工作|工作)?回顾 in text[:limit], read behind each 回顾."""
    for hit in _REVIEW.finditer(text, 0, limit):
        year = _YEAR_OF_REVIEW.search(text, max(0, hit.start() - 11), hit.start())
        if year:
            return year
    return None


def _region(header: str, meeting: re.Match[str] | None, national: bool) -> tuple[str | None, str | None]:
    if national:
        return NATION, None
    if meeting and len(meeting["place"].strip()) < 2:
        meeting = None  # 在区十八届人大…: a bare level word names no place
    province_hint = None
    for line in header.splitlines():
        flat = re.sub(r"\s", "", line)
        t = TITLE_LINE.search(flat)
        if t and t.group("prov"):
            province_hint = t.group("prov")
            if not (meeting and meeting["place"].strip()):
                return t.group("region"), province_hint
    if meeting and meeting["place"].strip():
        return re.sub(r"\s", "", meeting["place"]), province_hint
    for line in header.splitlines():
        t = TITLE_LINE.search(re.sub(r"\s", "", line))
        if t and t.group("region2"):
            name = _strip_government(t.group("region2"))
            if name and name[-1] in "省市区县州旗盟" and len(name) > 1:
                return name, province_hint
    return None, province_hint


def _speaker(header: str) -> tuple[str | None, str | None, str | None]:
    for line in header.splitlines():
        flat = re.sub(r"[\s\u3000]", "", line)
        if not flat or len(flat) > 40 or "会议" in flat:
            continue
        m = SPEAKER.match(flat)
        if m:
            return m["name"], m["title"], m["org"] or None
    return None, None, None


def _strip_government(org: str) -> str | None:
    name = re.sub(r"(?:人民)?政府$", "", org)
    return name or None


def _with(meta: Meta, **changes: object) -> Meta:
    from dataclasses import replace

    return replace(meta, **changes)  # type: ignore[arg-type]


def _locate(meta: Meta, gazetteer: Gazetteer, province_hint: str | None, self_org: str | None) -> Meta:
    level = _level_from_org(self_org)
    if not meta.region:
        return _with(meta, level=level)
    candidates = gazetteer.resolve(meta.region, meta.report_year)
    if province_hint:
        narrowed = tuple(c for c in candidates if c.province == province_hint)
        candidates = narrowed or candidates
    if level and len(candidates) > 1:
        same_level = tuple(c for c in candidates if c.level == level)
        candidates = same_level or candidates
    if len(candidates) == 1:
        c = candidates[0]
        return _with(meta, level=_level_of(c), adcode=c.adcode, province=c.province)
    return _with(meta, level=level, ambiguous=len(candidates) > 1, candidates=candidates)


def _level_of(c: RegionCandidate) -> str:
    if c.level == "province" or c.name in MUNICIPALITIES:
        return "province"
    return c.level


def _level_from_org(org: str | None) -> str | None:
    if not org:
        return None
    if org.endswith(("省", "自治区")) or org in MUNICIPALITIES:
        return "province"
    if org.endswith(("州", "盟", "地区")):
        return "prefecture"
    if org.endswith(("区", "县", "旗")):
        return "county"
    return None
