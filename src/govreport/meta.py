"""Report metadata from the heading lines, and from the body where the heading is missing.

A field the text does not support stays None: nothing here guesses.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from typing import NamedTuple

from govreport import lang, lexicon
from govreport.clean import normalize_characters
from govreport.gazetteer import MUNICIPALITIES, Gazetteer, NameMention, canonical_spelling
from govreport.model import META_FIELDS, GivenMeta, Meta, RegionCandidate
from govreport.numbers import SPELLED_YEAR, YEAR_DIGITS, small_number, year_number

CN_ORDINAL = lang.ORDINALS
MEETING = re.compile(lang.MEETING_LINE)
MASKED_NAME = re.compile(lang.MASKED_NAME)
# a day in brackets: (2020年1月8日)
_BRACKETED_DAY = r"[（(](?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日[)）]"
# a title that names the meeting, the speaker's name and the day in brackets on the lines below it
# (新巴尔虎左旗第十五届人民代表大会第二次会议政府工作报告⏎海青⏎(2018年2月3日)): the place is the
# title's words before the congress
TITLED_MEETING = re.compile(
    rf"(?P<place>[\u4e00-\u9fff]{{2,20}}?)[ \t\u3000]*{lang.CONGRESS_SESSION}(?:上的)?政府工作报告"
    rf"(?:\n?[ \t\u3000]*(?P<who>[^\s（(]{{1,12}}))?[ \t\u3000]*\n?[ \t\u3000]*{_BRACKETED_DAY}")
# a news report of the meeting: 3月2日上午，镇安县第十七届人民代表大会第六次会议在县城…隆重开幕; 江苏省
# 南通市第十三届人民代表大会第四次会议拉开帷幕; 长沙市十六届人大四次会议在长沙人民会堂开幕: found from
# the congress (LEDE_CONGRESS), then the words after it up to the verb (LEDE_TAIL), the place before it
LEDE_CONGRESS = re.compile(lang.CONGRESS_SESSION)
LEDE_TAIL = re.compile(r"(?!以来|确定|精神|决议|通过|上)(?P<rest>[^。\n届]{0,40}?)(?:隆重|胜利)?"
                       r"(?:开幕|召开|举行|拉开帷幕)(?!以来)")
_PLACE_BEFORE = re.compile(r"[\u4e00-\u9fff]{1,20}\Z")
LEDE_REACH = 2500  # a news report names the meeting in its first paragraphs
LEDE_ORDINALS_MAX = 8  # 第 and the ordinals before 届, with spaces
LEDE_CONGRESS_AFTER = 24  # 届 to the end of 人民代表大会第X次会议
_TODAY = "今天|今日"
_YESTERDAY = "昨天|昨日"  # (the day before the dispatch's: 某网1月19日讯 昨日上午，…会议开幕)
# the day a lede gives, before the congress (3月2日上午，/ 20日，/ 今天上午，) or after it (会议3月4下午)
_LEDE_DATE_BEFORE = re.compile(
    r"(?:(?:(?P<y>(?:19|20)\d\d)年)?(?<!\d)(?P<m>\d{1,2})月)?(?<!\d)(?P<d>\d{1,2})日(?:上午|下午|晚上?|早上)?"
    r"(?:[\d一二三四五六七八九十]{1,3}[时点](?:\d{1,2}分|半)?许?)?[，,]?"
    # (1月18日上午九时，在雄壮的国歌声中，荥经县第十六届…; 2月14日，县文化馆会议室华灯璀璨，三穗县…:
    # a clause of the scene between, not one of the day the news speaks of: 1月19日讯 昨日上午，)
    r"(?:[^，。\n\d昨今]{1,16}[，,])?\Z"
    rf"|(?:(?P<today>{_TODAY})|(?P<yesterday>{_YESTERDAY}))(?:上午|下午|晚上?)?[，,]?\Z")
_LEDE_DATE_AFTER = re.compile(r"(?<!\d)(?P<m>\d{1,2})月(?P<d>\d{1,2})日?(?:上午|下午|晚上?)?")
# right after the congress: 会议7日在会议中心开幕, 会议十七日…
_LEDE_DAY_AFTER = re.compile(rf"(?P<d>{lang.DAY_NUMBER})日")
# a news dateline: 中新网南通2月20日电, 人民网长沙1月11日电, 大众网青岛2月19日讯
_DATELINE = re.compile(rf"(?<![\d{lang.ORDINALS}]){lang.DATELINE}")
# a newspaper's dispatch opening on its day: 本报讯【记者 张三】2月28日的剧院… / 本报讯（记者 李四）1月5日，
_DISPATCH_DAY = re.compile(rf"(?:{lang.DISPATCH})[ \t\u3000]*(?:[【（(\[][^】）)\]\n]{{0,30}}[】）)\]])?[ \t\u3000]*"
                           r"(?P<m>\d{1,2})月(?P<d>\d{1,2})日")
_TODAY_AFTER = re.compile(_TODAY)


def _sentence_start(text: str, pos: int) -> int:
    """Where the sentence or line holding pos starts."""
    return max(text.rfind("。", 0, pos), text.rfind("\n", 0, pos)) + 1


def _dateline(text: str, end: int) -> re.Match[str] | None:
    """The day a news page is dated by in text[:end]: its dateline (…2月20日电) or the day its
    dispatch opens on (本报讯…2月28日)."""
    return _DATELINE.search(text, 0, end) or _DISPATCH_DAY.search(text, 0, end)


# a page's own date near its top: 2018-04-24, 2024年01月11日17:20, 2020/05/14
_PAGE_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)(?:-|/|年)(\d{1,2})(?:-|/|月)(\d{1,2})")
PAGE_DATE_REACH = 1500
PAGE_FOOT_REACH = 300  # a page's foot: the editor's line and the date under a story


def _page_dates(text: str, raw: str | None) -> list[dt.date | None]:
    """The dates near a page's top (2018-04-24, 2024年01月11日), then those near its foot (责任编辑：某某
    2019-01-10 under the story), read in its raw text, where chrome the cleaner removes keeps them."""
    found = _dates_at_top_and_foot(raw) if raw else []
    # (else in the clean text: a raw page whose digits are spaced out, 2 0 1 8 - 0 4 - 2 4, gives none)
    return found or _dates_at_top_and_foot(text)


def _dates_at_top_and_foot(page: str) -> list[dt.date | None]:
    foot = page[max(PAGE_DATE_REACH, len(page) - PAGE_FOOT_REACH):]
    return [_date(int(y), int(mo), int(d)) for y, mo, d in _PAGE_DATE.findall(_ascii_forms(page[:PAGE_DATE_REACH]))
            + _PAGE_DATE.findall(_ascii_forms(foot))]


def _page_top(text: str, raw: str | None) -> str:
    """The top of the raw page, its full-width forms as ASCII."""
    return _ascii_forms((raw or text)[:PAGE_DATE_REACH])


def _ascii_forms(part: str) -> str:
    """Full-width forms as ASCII (２０１８-０４-２４ in a page's chrome)."""
    return unicodedata.normalize("NFKC", part)


NEWS_LAG_DAYS = 120  # a page dated this long after a meeting day can be about it
# the congress is also written short: 在区十八届人大四次会议上
MEETING_WORDS = ("人民代表大会", "人大")
MEETING_REACH = 80  # the longest text MEETING allows on either side of a meeting word
TITLES = lang.TITLE_PATTERN
# a Han name of two to four characters, or a transliterated one with a middle dot (艾尔肯·吐尼亚孜)
NAME = r"[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,8}[·•・．.][\u4e00-\u9fff]{1,10}"
# a transliterated name (Mongolian: 浩毕斯嘎拉图, 阿拉坦陶亚) has no surname and may be longer; it is
# read only where the text bounds it: at the end of a signature line, or between a title and the
# delivery in a news sentence that names it again as it quotes it
LONG_NAME = r"[\u4e00-\u9fff]{5,7}"
SPEAKER = re.compile(rf"^(?P<org>.*?)(?P<title>{TITLES})[:：]?(?P<name>{NAME})$")
# a signature line with a long name: set apart from its title by a space or a colon, or after the
# government's name (某旗人民政府旗长阿拉坦陶亚), not a headline's 江阴市长作政府工作报告
LONG_SIGNATURE = re.compile(rf"^(?P<org>.*?)(?P<title>{TITLES})(?P<apart>[:：]|[ \t\u3000]+)?(?P<name>{LONG_NAME})$")
TITLE_LINE = re.compile(
    r"^[(（](?P<prov>[\u4e00-\u9fff]{2,8}?(?:省|自治区|市))[)）]?(?:\d{4}年)?(?P<region>[\u4e00-\u9fff]{2,20}?)人民政府工作报告"
    r"|^(?:\d{4}年)?(?P<region2>[\u4e00-\u9fff]{2,20}?)(?:人民)?政府工作报告"
)
SALUTATION = re.compile(lang.SALUTATIONS[0])
# a review heading's year (2024年工作回顾), found from its 回顾 (a literal re skips to in C) and read
# behind it: a pattern opening with the year's digit class would be tried at every position
_REVIEW = re.compile("回顾")
# \Z, not $, in a pattern searched in a window that ends where a word begins: $ would also match
# before a line break at the end of the window (2024年\n回顾 is no review heading)
# 2010年政府工作回顾; 2020年工作和“十三五”发展回顾 (the year and the plan it closes reviewed together)
_YEAR_OF_REVIEW = re.compile(r"([0-9]\d{3})年(?:的)?(?:政府)?(?:主要)?(?:工作)?"
                             rf"(?:[和及与、暨](?:“?(?:{lang.PLAN_PATTERN})”?|过去五年)(?:时期|期间)?(?:的)?"
                             r"(?:发展|工作)?(?:成就)?)?\Z")
REVIEW_REACH = 26  # from a review heading's year to its 回顾
# 2014年某县政府工作报告, 某县人民政府工作报告（2014年）
# (a web title may drop the 年: 2024政府工作报告, 某县2024年度政府工作报告)
TITLE_YEAR = re.compile(r"((?:19|20)\d{2})(?!\d)年?[\u4e00-\u9fff《“\"]{0,14}?政府工作报告"
                        r"|政府工作报告》?[（(]((?:19|20)\d{2})年?[）)]")
# 2025年是“十四五”收官之年，是很不平凡的一年: a year looked back on, the one the report reviews
_LIVED = lang.LIVED_YEAR
LIVED_REACH = 120
# found from its 是 (a literal re skips to in C), the year read behind it: 2021年是"十四五"开局之年
PIVOTAL_YEAR = re.compile(
    r"是(?:(?<=(?:19|20)\d\d年是)|(?<=(?:19|20)\d\d年，是)|(?<=(?:19|20)\d\d年,是))"
    # (a year looked back on may be called so a clause or two on: 2022年，是…的重要一年，也是…极不平凡的一年)
    rf"(?:[^。；]{{0,40}}?(?:{lang.PIVOTAL_YEAR_WORDS})|[^。；]{{0,{LIVED_REACH}}}?(?P<lived>{_LIVED}))")
_YEAR_BEFORE = re.compile(r"((?:19|20)\d\d)年[，,]?\Z")
# 1983年 or 一九八三年 (read by year_number); found from its 年, which re skips to in C
YEAR = re.compile(f"年(?<=({YEAR_DIGITS}|{SPELLED_YEAR})年)")
_SPELLED_YEAR = re.compile(f"年(?<={SPELLED_YEAR}年)")
# a sentence or heading that opens on a span of years (三年来，… / 一、三年来的斗争) reviews them; one that only
# names a span inside it (是近十年来增加最多的一年) does not
_SEVERAL_YEARS = re.compile(lang.SEVERAL_YEARS_FAST)
_OPENING_BEFORE = re.compile(rf"(?:^|[。！？\n])[ \t\u3000—]*(?:[{lang.ORDINALS}]+、)?\Z")
OPENING_REACH = 12  # the mark, spaces and a heading's ordinal before a span's words
_SINGLE_YEAR = re.compile(rf"{lang.PAST_YEAR}|去年")
# a top-level heading about a year's work ahead: 二、2004年主要任务 / 三、2011年的工作
TASK_HEADING_YEAR = re.compile(
    rf"\n[ \t\u3000]*[{CN_ORDINAL}]+、[ \t\u3000]*(?:关于|对)?((?:19|20)\d{{2}})\s*年"
    r"(?:的)?(?:主要任务|工作总体部署|工作|政府工作|政府工作任务|重点工作|经济社会发展|国民经济和社会发展"
    r"|(?:主要)?(?:预期)?目标)"
    r"(?!回顾|计划执行情况|执行情况)")  # 一、2007年国民经济和社会发展计划执行情况 reviews its year
# 我代表国务院; in older reports also 我现在代表…, 我受(中共中央和)国务院的委托, 我现在根据国务院的决定
SELF_REFERENCE = re.compile(
    r"我(?:现在)?(?:代表|受|根据)(?:中共中央和)?(?:中华人民共和国)?(?P<state>国务院|中央人民政府)"
    r"|我(?:谨)?代表(?P<org>[\u4e00-\u9fff]{0,12}?)(?:人民)?政府")
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


def extract_meta(text: str, gazetteer: Gazetteer, doc: str | None = None, raw: str | None = None) -> Meta:
    """The report's metadata from its clean text; doc (the file's name) may give the year when the
    text does not, and raw (the text before cleaning) the page's own date, which cleaning removes
    with the rest of the page's chrome (编辑：… 2018-01-24 16:20)."""
    header, body = _split_header(text)
    meeting = _find_meeting(header, len(header))
    if meeting is None:  # outside the heading only a dated mention is the report's own meeting
        later = _find_meeting(text, 3000)
        meeting = later if later is not None and later["y"] else None
    if meeting is None:
        meeting = _titled_meeting(header)
    date = _meeting_date(meeting)
    if date is None and meeting is not None and meeting.re is MEETING:
        date = _day_after_meeting(text, meeting)
    if date is None:
        date = _day_of_title(header)
    addressed = ADDRESSED_NPC.search(body, 0, ADDRESSED_REACH) if meeting is None else None
    ledes = _find_ledes(text) if meeting is None and addressed is None else []
    national = bool(meeting and meeting.group("nat")) or addressed is not None or \
        _self_org(text) in ("国务院", "中央人民政府") or bool(ledes and ledes[0].congress["nat"]) or \
        (meeting is None and not ledes and _speaks_as_the_country(body))
    named = meeting or addressed
    congress = _congress(named) if named else (_congress(ledes[0].congress) if ledes else None)
    # (news of the national report names its session in the lede: 十四届全国人大四次会议将于今日开幕)
    session_year = _npc_session_year(named or (ledes[0].congress if ledes else None)) if national and not date \
        else None
    if national and not date and session_year is None:
        previous = _npc_session_year(PREVIOUS_NPC.search(body, 0, ADDRESSED_REACH))
        session_year = previous + 1 if previous else None
    report_year = _report_year(text, header, body, date.year if date else session_year)
    if report_year is None:
        report_year = _year_of_news_page(text, raw)
    if report_year is None and date is None and (dated := _day_of_the_report(text)) is not None:
        report_year, date = dated.year, dated
    year_source = "text"
    if report_year is None and _year_of_name(doc) is not None:
        report_year, year_source = _year_of_name(doc), "file_name"
    if date is None and meeting is not None and report_year is not None:
        date = _day_in_meeting_place(meeting["place"] or "", report_year) or \
            _day_before_meeting(text, meeting, report_year)
    lede = None
    if ledes:
        lede, date = _find_lede(text, report_year, raw)
        if date is not None:
            report_year = date.year
        congress = _congress(lede.congress) if lede else congress
    if date is None and not ledes and report_year is not None and not body.startswith(lang.SALUTATIONS):
        date = _day_of_delivery(text, report_year, raw)  # (news of the report: not the report's own text)
        if date is None and raw:
            # a caption the cleaner cut (3月5日，某某代表国务院…作《政府工作报告》。新华社记者 某某 摄)
            date = _day_of_delivery(normalize_characters(raw[:SPEAKER_REACH]), report_year, raw)
    speaker, title, speaker_org = _speaker(header)
    if speaker is None and meeting is not None and meeting.re is TITLED_MEETING:
        speaker = _bare_name(meeting["who"] or "")
    elif speaker is None:
        speaker, title, speaker_org = _speaker_after_meeting(text, meeting)
    # news of the report names who delivered it (a national report's own text names no one so)
    if speaker is None and (ledes or not national or not body.startswith(lang.SALUTATIONS[0])):
        speaker, title, offices = _speaker_of_news(text, lambda words: bool(gazetteer.resolve(words, report_year)))
        if speaker is None and raw and not national:
            # a caption the cleaner cut as chrome (殷勇同志作政府工作报告。本报记者 某某摄), which in a page
            # that lost its line breaks carries the speaker's line with it: read in the raw page
            speaker, title, offices = _speaker_of_the_raw_page(raw, gazetteer, report_year)
        speaker_org = speaker_org or offices
    region: str | None
    province_hint: str | None
    if national:
        region, province_hint = NATION, None
    else:
        place = meeting["place"] if meeting else lede.place if lede else _congress_place(text, gazetteer, report_year)
        region, province_hint = _region(text, header, place, speaker_org, report_year, gazetteer,
                                        _level_of_title(title))
        if region is not None and MASKED_NAME.fullmatch(region):
            region = None  # a name the copy hides (某某县, XX市): not a place
    sources = {"report_year": year_source}
    if region is None and not national and raw:
        region = _site_owner(raw, text, gazetteer, report_year)
    if region is None and not national and (of_name := _region_of_name(doc, gazetteer, report_year)):
        region = of_name
        sources.update(dict.fromkeys(("region", "level", "adcode", "province"), "file_name"))
    meta = Meta(
        region=region,
        report_year=report_year,
        meeting_date=date.isoformat() if date else None,
        congress=congress,
        speaker=speaker,
        speaker_title=title,
    )
    if national:
        meta = _with(meta, level="national", adcode="100000", province=None)
    else:
        meta = _locate(meta, gazetteer, province_hint, _self_org(text), text)
    return _with(meta, sources=_sources(meta, sources))


def _sources(meta: Meta, known: dict[str, str], default: str = "text") -> tuple[tuple[str, str], ...]:
    """(field, source) for each field of meta that is not null."""
    return tuple((f, known.get(f, default)) for f in META_FIELDS if getattr(meta, f) is not None)


def apply_given(meta: Meta, given: GivenMeta, gazetteer: Gazetteer) -> Meta:
    """The text's metadata with what the user knows: each given field overrides the text's (or,
    fill_only, fills it where the text gives none). A given region is looked up in the division
    table as of the report's year, so its code, level and province follow it."""
    before = dict(meta.sources)
    values = {k: v for k, v in given.values if not (given.fill_only and getattr(meta, k) is not None)}
    if not values:
        return meta
    changes: dict[str, object] = dict(values)
    sources = {**before, **dict.fromkeys(values, "user")}
    if "region" in values:
        year = values.get("report_year", meta.report_year)
        located = _locate(Meta(region=str(values["region"]), report_year=year if isinstance(year, int) else None),
                          gazetteer, None, None)
        for field in ("level", "adcode", "province"):
            if field not in values:
                changes[field] = getattr(located, field)
                sources[field] = "table"
        changes["ambiguous"] = located.ambiguous and "adcode" not in values
        changes["candidates"] = located.candidates if changes["ambiguous"] else ()
    updated = _with(meta, **changes)
    return _with(updated, sources=tuple((f, sources[f]) for f in META_FIELDS if getattr(updated, f) is not None))


def _split_header(text: str) -> tuple[str, str]:
    m = SALUTATION.search(text, 0, 4000)
    cut = m.start() if m else min(len(text), 600)
    return text[:cut], text[cut:]


# (我国 in a report that calls itself 我省, 我市 … is the country it is part of)
NATIONAL_SELF_MIN = 5  # how often a national report that names no congress calls the country its own


def _speaks_as_the_country(body: str) -> bool:
    """A text that calls the country its own (我国) again and again, and hardly ever a province,
    city or county (我省, 全市 …): the State Council's report, as older ones open without naming
    the congress or 国务院 (刚刚过去的1984年，是我国各族人民…), or news of it."""
    ours = body.count("我国")
    return ours >= NATIONAL_SELF_MIN and ours > 2 * len(lang.self_reference().findall(body))


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
        congress = small_number(m["cong"][:-1].removeprefix("第"))  # 第六届 -> 6
        session = small_number(m["sess"][:-1].removeprefix("第")) if m["sess"] else None
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
    cong, sess = re.sub(r"\s", "", m["cong"]).removeprefix("第"), m["sess"].removeprefix("第")
    return f"第{cong}{m['nat'] or ''}人民代表大会第{sess}会议"


# 在元月8日开幕的七台河市第九届人民代表大会第五次会议上: the day the news gives the meeting, before
# its place (元月 is January)
_PLACE_DAY = re.compile(r"(元|\d{1,2})月(\d{1,2})日(?:上午|下午)?(?:开幕|召开)的")


def _day_in_meeting_place(place: str, report_year: int) -> dt.date | None:
    m = _PLACE_DAY.match(place)
    if m is None:
        return None
    month = 1 if m.group(1) == "元" else int(m.group(1))
    return _date(report_year, month, int(m.group(2)))


# 新华社长沙1月15日电 湖南省省长毛伟明15日在湖南省十四届人大二次会议上作政府工作报告: the day right
# before the meeting, the month of the dateline
_DAY_BEFORE_MEETING = re.compile(r"(?<!\d)(\d{1,2})日(?:上午|下午)?\Z")


def _day_before_meeting(text: str, meeting: re.Match[str], report_year: int) -> dt.date | None:
    day = _DAY_BEFORE_MEETING.search(text, max(0, meeting.start() - 6), meeting.start())
    dateline = _dateline(text, meeting.start()) if day else None
    if day is None or dateline is None or small_number(dateline["d"]) != int(day.group(1)):
        return None  # (a day the dateline does not confirm is read no further)
    return _date(report_year, small_number(dateline["m"]), int(day.group(1)))


# the day in brackets after the meeting, on its line or below the speaker's (——在陇县…会议上⏎县长 赵甲宏⏎
# (2020年1月8日), or run together: …会议上县长赵甲宏(2020年1月8日))
_DAY_AFTER_MEETING = re.compile(rf"[^\n（(。]{{0,30}}(?:\n[ \t\u3000]*[^\n（(。]{{0,30}})?\n?[ \t\u3000]*"
                                rf"{_BRACKETED_DAY}")


# the day in brackets after a title's 政府工作报告 (湘潭县政府工作报告（2022年12月23日）, …(20221223)):
# the day it was delivered
_TITLE_DAY = re.compile(rf"政府工作报告[^\n（(]{{0,8}}(?:{_BRACKETED_DAY}"
                        r"|[（(](?P<y2>(?:19|20)\d\d)(?P<m2>[01]\d)(?P<d2>[0-3]\d)[)）])")


def _day_of_title(header: str) -> dt.date | None:
    for line in header.split("\n", TITLE_LINES)[:TITLE_LINES]:
        m = _TITLE_DAY.search(line)
        if m is not None:
            return _meeting_date(m) if m["y"] else _date(int(m["y2"]), int(m["m2"]), int(m["d2"]))
    return None


def _day_after_meeting(text: str, meeting: re.Match[str]) -> dt.date | None:
    return _meeting_date(_DAY_AFTER_MEETING.match(text, meeting.end()))


def _meeting_date(m: re.Match[str] | None) -> dt.date | None:
    if m is None or not m["y"]:
        return None
    try:
        return dt.date(year_number(m["y"]), small_number(m["m"]), small_number(m["d"]))
    except ValueError:
        return None


def _pivotal_years(text: str) -> tuple[list[int], list[int]]:
    """The years the text calls pivotal (2024年是…关键之年): those it looks ahead to, the report's
    own, and those it looks back on, the years it reviews."""
    ahead, lived = [], []
    for m in PIVOTAL_YEAR.finditer(text):
        year = _YEAR_BEFORE.search(text, max(0, m.start() - 6), m.start())
        if year is None:
            continue
        sentence_end = text.find("。", m.end())
        sentence_end = sentence_end if sentence_end >= 0 else len(text)
        if m["lived"] or _YEAR_LIVED.search(text, m.end(), sentence_end) or \
                REVIEW_OPENER.match(text, sentence_end + 1):
            lived.append(int(year.group(1)))
        else:
            ahead.append(int(year.group(1)))
    return ahead, lived


# (2004年是…决胜之年。一年来，…: the next sentence looks back on it)
_YEAR_LIVED = re.compile(_LIVED)
REVIEW_OPENER = re.compile(rf"\s*(?:{lang.PAST_YEAR})")


def _find_meeting(text: str, limit: int) -> re.Match[str] | None:
    """MEETING.search(text[:limit]), trying only the stretches around each 人民代表大会 or 人大
    (the pattern opens with an optional date, which re cannot skip ahead to): the first dated
    mention, else the first."""
    hits = sorted(i for word in MEETING_WORDS for i in _occurrences(text, word, limit))
    first = None
    for i in hits:
        for m in MEETING.finditer(text, max(0, i - MEETING_REACH), min(limit, i + MEETING_REACH)):
            if m["y"]:
                return m  # a dated mention is the heading's (a title above it may name the meeting undated)
            first = first or m
    return first


def _titled_meeting(header: str) -> re.Match[str] | None:
    """TITLED_MEETING around each 会议政府工作报告 of the header (the pattern opens with a class)."""
    for i in _occurrences(header, "政府工作报告", len(header)):
        m = TITLED_MEETING.search(header, max(0, i - TITLED_REACH), i + TITLED_REACH)
        if m:
            return m
    return None


TITLED_REACH = 50


def _occurrences(text: str, word: str, limit: int) -> list[int]:
    found = []
    i = text.find(word, 0, limit)
    while i >= 0:
        found.append(i)
        i = text.find(word, i + 1, limit)
    return found


def _report_year(text: str, header: str, body: str, meeting_year: int | None) -> int | None:
    if meeting_year:
        return meeting_year
    review = _review_heading_year(text, 8000)
    if review:
        return int(review.group(1)) + (0 if _reviews_the_current_year(text, review) else 1)
    task_heading = TASK_HEADING_YEAR.search("\n" + text)
    if task_heading:
        return int(task_heading.group(1))
    ahead, lived = _pivotal_years(text)
    ahead = _not_reviewed(text, ahead)
    if ahead:
        return max(ahead)
    titled = TITLE_YEAR.search(header)
    if titled:
        return int(titled.group(1) or titled.group(2))
    digest = _digest_year(text)
    if digest:
        return digest
    if lived:
        return max(lived) + 1
    return _year_from_the_review(body)


_THIS_YEAR_OPENING = re.compile(rf"[ \t\u3000]*(?:{lang.THIS_YEAR_OPENING})")


def _reviews_the_current_year(text: str, heading: re.Match[str]) -> bool:
    """Whether the review under a dated heading opens on 今年 (一、2023年工作回顾\n今年是…开局之年): a
    report delivered in December, in the year it reviews."""
    line_end = text.find("\n", heading.end())
    return line_end >= 0 and _THIS_YEAR_OPENING.match(text, line_end + 1) is not None


def _not_reviewed(text: str, years: list[int]) -> list[int]:
    """The years a digest does not say it reviews: 回顾了2018年的工作。他说，2018年是…开局之年 calls
    pivotal a year the report looks back on."""
    if not years:
        return years
    reviewed = {int(m.group(1)) for m in _DIGEST_REVIEWED.finditer(text, 0, DIGEST_REACH)}
    return [year for year in years if year not in reviewed]


# a news digest of the report: 在回顾2015年和"十二五"工作时 / 回顾了2018年的工作 / 回顾总结2017年工作 /
# 刚刚过去的2014年 / 向人民代表报告2008年工作
# (the year before the report), 报告提出2022年政府主要工作安排 / 提出了2019年的目标 (the report's year)
# (回顾了“十二五”时期和2015年…, 提出了“十三五”时期的主要任务和2016年重点工作: a few words and a 和 may
# come between, not a bare 和: 1993年国内工作的回顾和1994年工作 reviews 1993; a year after 到 is a goal's)
# (each branch opens with a literal, which re skips to in C; a group of literals first is tried at
# every position)
_DIGEST_REVIEWED = re.compile(rf"(?:回顾(?:了)?(?:总结)?(?:[^。；\n\d]{{1,12}}?[{lang.JOINERS}])?"
                              rf"|总结(?:了)?(?:回顾)?(?:[^。；\n\d]{{1,12}}?[{lang.JOINERS}])?"
                              r"|刚刚过去的|刚过去的|报告(?:了)?(?=(?:19|20)\d\d年(?:的)?工作(?!报告)))"
                              r"((?:19|20)\d\d)年")
# 报告指出：●2023年广东地区生产总值达到…: what the report said of a year, its results (a year that
# 是 something, 2024年是…关键之年, is the report's own: PIVOTAL_YEAR reads it first; so is one it
# speaks ahead of: 报告中指出，2013年，全县将…)
# 报告指出, 作报告时说, 在报告中指出, and the speaker's 他说 / 她指出 in a digest of the report
_REPORT_SAID = r"(?:报告(?:中|时)?|他|她)(?:指出|显示|称|说)[，,：:]?"
_DIGEST_SAYS = re.compile(rf"{_REPORT_SAID}\s*(?:[{lang.LIST_SYMBOLS}][ \t]*)?"
                          rf"((?:19|20)\d\d)年(?![，,]?是)(?![^。；\n]{{0,30}}?(?:{lang.LOOKING_AHEAD}))")
_DIGEST_PROPOSED = re.compile(rf"提出(?:了|的)?[，,：:]?(?:[^。；\n\d]{{1,24}}?[{lang.JOINERS}])?((?:19|20)\d\d)年"
                              r"[^，。；]{0,16}?(?:工作|目标|任务|安排)"
                              # 展望2018年工作，…强调: the year whose work the report looks ahead to (展望2035年
                              # is a vision's)
                              r"|展望((?:19|20)\d\d)年(?:的)?(?:政府)?工作"
                              # 做好2013年的政府工作，至关重要: the year whose work the report sets out
                              r"|做好((?:19|20)\d\d)年(?:的)?(?:政府)?工作")
# 报告分三个部分：…三是2012年重点工作 (a part on a year's work ahead), 对2006年的政府工作作了布置 (the year
# whose work the report lays out): news digests say so in their opening paragraphs, the only stretch
# searched (the branches open on 是, 、 and 对, which re tries at every one of them)
_DIGEST_WORK_AHEAD = re.compile(
    r"[是、](?<=[一二三四五六七八九][是、])((?:19|20)\d\d)年(?:的)?(?:政府)?(?:主要|重点)?工作(?:安排|任务|部署)?[；;。，,]"
    r"|对((?:19|20)\d\d)年(?:的)?(?:政府)?(?:主要)?工作(?:任务)?(?:作了|作出了?|进行了)(?:全面)?(?:部署|布置|安排)")
WORK_AHEAD_REACH = 1500
# 2018年我县经济社会发展的主要预期目标是：, 2015年政府工作的总体要求是 (a year's goals and
# course set out: the report of that year)
_YEARS_TARGETS = re.compile(rf"((?:19|20)\d\d)年[^，。；\n]{{0,16}}?(?:{lang.TARGET_INTRO}|主要预期目标[ \t]*(?=\n)"
                            r"|总体要求(?:是|为))")
# a review of a five-year plan's years (一、"十二五"时期…回顾): the report of the year after its end
_PLAN_REVIEW = re.compile(rf"({lang.PLAN_PATTERN})”?(?:时期|期间)[^\n。]{{0,20}}?\Z")
_REVIEW_WORDS = ("回顾", "成就")


def _plan_review(text: str) -> str | None:
    """The plan whose years a heading reviews (一、"十二五"时期…回顾), read behind each 回顾 or 成就."""
    hits = sorted(i for word in _REVIEW_WORDS for i in _occurrences(text, word, DIGEST_REACH))
    for i in hits:
        m = _PLAN_REVIEW.search(text, max(0, i - PLAN_REVIEW_REACH), i)
        if m:
            return m.group(1)
    return None


PLAN_REVIEW_REACH = 30
# an estimate of a year (2015年，预计实现地区生产总值… / 预计2012年全市生产总值…): the report of the
# year after
_DATED_ESTIMATE = re.compile(r"预计(?:(?<=((?:19|20)\d\d)年，预计)|((?:19|20)\d\d)年(?=[^，。；\n]{0,8}?(?:全|我)))")
DIGEST_REACH = 6000
_DIGIT_YEAR = re.compile(f"年(?<={YEAR_DIGITS}年)")  # found from its 年, which re skips to in C


# a news headline on the meeting that says what a year will bring (四川省十四届人大五次会议开幕 2026年将
# 全力以赴拼经济搞建设): the report's year
_HEADLINE_MEETING = re.compile(r"(?:人大|人民代表大会)[^。\n]{0,12}?(?:开幕|召开)")
_HEADLINE_AHEAD = re.compile(r"((?:19|20)\d\d)年(?:将|要|力争|的?(?:主要)?(?:预期)?目标)")
HEADLINE_MAX = 60


def _headline_year(text: str) -> int | None:
    end = text.find("\n")
    end = len(text) if end < 0 else end
    if end > HEADLINE_MAX or _HEADLINE_MEETING.search(text, 0, end) is None:
        return None
    ahead = _HEADLINE_AHEAD.search(text, 0, end)
    return int(ahead.group(1)) if ahead else None


# the draft of a five-year plan the meeting examines (审查…第十五个五年规划纲要草案, “十五五”规划纲要（草案）):
# the meeting of the plan's first year
_PLAN_DRAFT = re.compile(rf"(?:“?({lang.PLAN_PATTERN})”?|第([{lang.ORDINALS}]{{1,3}})个五年)规划"
                         r"(?:和[^。；\n]{0,12}?)?(?:纲要)?[（(]?草案")


PLAN_DRAFT_REACH = 40  # the plan's name, 规划 and 纲要 before 草案


def _plan_draft_year(text: str) -> int | None:
    """_PLAN_DRAFT read behind each 草案 of the text's first part (the pattern opens on a class of
    common characters, 十 and 第, which re would try at every position)."""
    for i in _occurrences(text, "草案", DIGEST_REACH):
        m = _PLAN_DRAFT.search(text, max(0, i - PLAN_DRAFT_REACH), i + 2)
        if m is not None:
            end_year = lang.FIVE_YEAR_PLANS.get(m.group(1) or f"{m.group(2)}五")
            return end_year - 4 if end_year else None
    return None


def _digest_year(text: str) -> int | None:
    headline = _headline_year(text) or _plan_draft_year(text)
    if headline:
        return headline
    if _DIGIT_YEAR.search(text, 0, DIGEST_REACH) is None:  # what follows but a plan's review reads one
        plan = _plan_review(text)
        return lang.FIVE_YEAR_PLANS[plan] + 1 if plan else None
    found = [m for m in (_DIGEST_PROPOSED.search(text, 0, DIGEST_REACH),
                         _DIGEST_WORK_AHEAD.search(text, 0, WORK_AHEAD_REACH)) if m is not None]
    proposed = min(found, key=lambda m: m.start()) if found else _YEARS_TARGETS.search(text, 0, DIGEST_REACH)
    if proposed:
        return int(next(g for g in proposed.groups() if g))
    reviewed = _DIGEST_REVIEWED.search(text, 0, DIGEST_REACH) or _DIGEST_SAYS.search(text, 0, DIGEST_REACH)
    if reviewed:
        return int(reviewed.group(1)) + 1
    plan = _plan_review(text)
    if plan:
        return lang.FIVE_YEAR_PLANS[plan] + 1
    estimate = _DATED_ESTIMATE.search(text, 0, DIGEST_REACH)
    if estimate:
        return int(estimate.group(1) or estimate.group(2)) + 1
    return _estimate_under_a_dated_paragraph(text) or _estimate_after_a_said_year(text)


# 报告指出，2012年，是…的一年。…。预计实现生产总值…: what the report said of a year whose figures
# its paragraph then estimates (an estimate is of the year just ending)
_SAID_YEAR = re.compile(rf"{_REPORT_SAID}\s*((?:19|20)\d\d)年[，,]")
_ESTIMATE_OPENING = re.compile(r"[。；;]预计")


def _estimate_after_a_said_year(text: str) -> int | None:
    for m in _SAID_YEAR.finditer(text, 0, DIGEST_REACH):
        end = text.find("\n", m.end())
        if _ESTIMATE_OPENING.search(text, m.end(), end if end >= 0 else len(text)):
            return int(m.group(1)) + 1
    return None


# a paragraph that opens on its year, and the next one on 预计 (2018年，在市委…领导下，…。⏎预计地区生产总值
# 360亿元…): the estimates are of that year
_ESTIMATE_PARAGRAPH = re.compile(r"\n[ \t\u3000]*预计")
_OPENING_YEAR = re.compile(r"[ \t\u3000]*((?:19|20)\d\d)年[，,]")


def _estimate_under_a_dated_paragraph(text: str) -> int | None:
    for m in _ESTIMATE_PARAGRAPH.finditer(text, 0, DIGEST_REACH):
        above = text.rfind("\n", 0, m.start()) + 1
        opening = _OPENING_YEAR.match(text, above, m.start())
        if opening:
            return int(opening.group(1)) + 1
    return None


# a digest that gives the day of the report it is about (在2015年4月27日的某县政府工作报告中…): the day
# it was delivered, read where nothing else dates the report
_DATED_REPORT = re.compile(r"((?:19|20)\d\d)年(\d{1,2})月(\d{1,2})日(?:上午|下午)?的?"
                           rf"(?:[^的和与及{lang.LEVEL_WORDS}\W\d]{{1,10}}[{lang.LEVEL_WORDS}]){{0,3}}(?:人民)?政府工作报告")


def _day_of_the_report(text: str) -> dt.date | None:
    for i in _occurrences(text, "政府工作报告", DIGEST_REACH):
        m = _DATED_REPORT.search(text, max(0, i - DATED_REPORT_REACH), i + len("政府工作报告"))
        if m is not None and m.end() == i + len("政府工作报告"):
            return _date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return None


DATED_REPORT_REACH = 30  # the day, 的 and a place's name before 政府工作报告


# a file named for its report: 2023年区政府工作报告.docx, 2019年政府工作报告全文.html
_NAMED_YEAR = re.compile(r"((?:19|20)\d\d)年[^/\\]{0,20}?(?:政府)?工作报告")


def _year_of_name(doc: str | None) -> int | None:
    if not doc:
        return None
    m = _NAMED_YEAR.search(doc.replace("\\", "/").rsplit("/", 1)[-1])
    return int(m.group(1)) if m else None


def _region_of_name(doc: str | None, gazetteer: Gazetteer, year: int | None) -> str | None:
    """The region a file named for its report names (2024年绩溪县政府工作报告.docx): the last place
    written out in full (with its level word) before 工作报告."""
    if not doc:
        return None
    name = doc.replace("\\", "/").rsplit("/", 1)[-1]
    report = name.find("工作报告")
    if report < 0:
        return _region_named_alone(name, gazetteer, year)
    places = [m.name for m in gazetteer.mentions(name[:report], year) if m.full]
    return places[-1] if places else None


# a file named for its region alone (07_苍山县.txt, 乐山市沐川县-2019.html): numbers, a year and
# separators around the place names
_NAME_PADDING = re.compile(r"^[\d\s_\-.#（）()年]+|[\d\s_\-.#（）()年]+$")


def _region_named_alone(name: str, gazetteer: Gazetteer, year: int | None) -> str | None:
    """The last place of a file name that holds nothing else but full place names (with their
    level words) and numbers."""
    stem = _NAME_PADDING.sub("", name.rsplit(".", 1)[0])
    places = [m for m in gazetteer.mentions(stem, year) if m.full]
    if not places or "".join(m.name for m in places) != stem:
        return None
    return places[-1].name


def _year_from_the_review(body: str) -> int | None:
    if not (_SINGLE_YEAR.search(body, 0, 6000) or _opens_on_several_years(body, 6000)):
        return None
    # the year under review: the one the opening names most, else the latest it keeps naming;
    # read in part one only (the review): part two's years are goals (争取1997年粮食产量达到…)
    second = body.find("\n二、", 0, 6000)
    part_one = body[:second] if second > 0 else body[:6000]
    if _SPELLED_YEAR.search(part_one) and (_opens_on_several_years(part_one, 1500)
                                           or not _SINGLE_YEAR.search(part_one, 0, 1500)):
        # older reports (years spelled 一九八三) often review the years since a congress or a plan
        # began (三年来, 五年来): the year they name most is not the one before the report
        return None
    years = Counter(year_number(y) for y in YEAR.findall(part_one[:1500]))
    if years and not _opens_on_several_years(part_one, 1500):
        return years.most_common(1)[0][0] + 1
    years = Counter(year_number(y) for y in YEAR.findall(part_one))
    recurring = [y for y, n in years.items() if n >= 2]
    if recurring:
        return max(recurring) + 1
    return None


def _opens_on_several_years(text: str, limit: int) -> bool:
    """Whether a sentence or heading in text[:limit] opens on a span of years: the span's words
    found first (a pattern opening on ^ or a lookbehind is tried at every position), the opening
    read behind them."""
    for m in _SEVERAL_YEARS.finditer(text, 0, limit):
        if _OPENING_BEFORE.search(text, max(0, m.start() - OPENING_REACH), m.start()):
            return True
    return False


def _review_heading_year(text: str, limit: int) -> re.Match[str] | None:
    """The first NNNN年(主要工作|工作)?回顾 in text[:limit], read behind each 回顾."""
    for hit in _REVIEW.finditer(text, 0, limit):
        year = _YEAR_OF_REVIEW.search(text, max(0, hit.start() - REVIEW_REACH), hit.start())
        if year:
            return year
    return None


def _level_of_title(title: str | None) -> str | None:
    """The level word of a head's title (代市长 -> 市, 常务副县长 -> 县; 主席, 总理: none)."""
    office = (title or "").removeprefix("代理").removeprefix("代").removeprefix("常务").removeprefix("副")
    return office[0] if len(office) == 2 and office.endswith("长") and office[0] in lang.LEVEL_WORDS else None


def _region(text: str, header: str, place: str, speaker_org: str | None, year: int | None,
            gazetteer: Gazetteer, title_level: str | None = None) -> tuple[str | None, str | None]:
    """The region's name and a province named beside it: from the meeting's place, a title line,
    the speaker's office, 我代表某市人民政府, else the name of the level the report calls its own
    (我市, 全县) that the text keeps writing."""
    place = re.sub(r"\s", "", place)
    place_name = _place_name(place, gazetteer, year) if len(place) >= 2 else None
    province_hint = None
    for line in header.splitlines():
        flat = re.sub(r"\s", "", line)
        t = TITLE_LINE.search(flat)
        if t and t.group("prov"):
            province_hint = t.group("prov")
            if not place_name:
                return t.group("region"), province_hint
    if place_name:
        return place_name, province_hint
    for line in header.splitlines():
        t = TITLE_LINE.search(re.sub(r"\s", "", line))
        if t and t.group("region2"):
            name = _strip_government(t.group("region2"))
            if name and name[-1] in "省市区县州旗盟" and len(name) > 1:
                return name, province_hint
    for named in _named_regions(text, speaker_org, gazetteer, year):
        if named and len(named) > 1 and gazetteer.resolve(named, year):
            return named, province_hint
    return _titled_stem(text, gazetteer, year, title_level) or _region_called_own(text, gazetteer, year), province_hint


def _named_regions(text: str, speaker_org: str | None, gazetteer: Gazetteer, year: int | None,
                   ) -> Iterator[str | None]:
    """The names a text gives its region by, most telling first, each read only when the ones
    before it name no place: a title line, the speaker's office, the place in the speaker's
    offices, 我代表某市人民政府."""
    yield _titled_region(text, gazetteer, year)
    yield _strip_government(speaker_org or "")
    yield _place_of_offices(speaker_org, gazetteer, year)
    yield _self_org(text)


def _place_in_table(words: str, gazetteer: Gazetteer, year: int | None) -> str | None:
    """The longest end of words that names a place of the division table that year."""
    for k in range(len(words), 1, -1):
        if gazetteer.resolve(words[-k:], year):
            return words[-k:]
    return None


def _place_name(place: str, gazetteer: Gazetteer, year: int | None) -> str | None:
    """The longest end of the words before a congress that names a place of that year (…上午，镇安县 ->
    镇安县; 江苏省南通市 as written); a name the table lacks is kept only when it reads as one."""
    in_table = _place_in_table(place, gazetteer, year)
    if in_table:
        return in_table
    # a name reads as one: a few characters and one level word, at its end (not 备受瞩目的县, a phrase
    # praising the meeting, nor 建陇东南大市市, a headline run into the line below)
    place = place.rsplit("的", 1)[-1]
    if 1 < len(place) <= PLACE_MAX and place[-1] in lang.LEVEL_WORDS and re.fullmatch(r"[\u4e00-\u9fff]+", place) \
            and not any(char in lang.LEVEL_WORDS for char in place[:-1]):
        return place
    return None


PLACE_MAX = 8
TITLE_LINES = 6  # the lines a page's title may stand in
_TITLE_WORDS = re.compile(r"报告|两会|人代会")


def _titled_region(text: str, gazetteer: Gazetteer, year: int | None) -> str | None:
    """A full place name in a title line at the top: 2012年苍山县两会《政府工作报告》, 2020年文昌市政府
    工作报告解读, 武汉市2005年政府工作报告 (read up to the title's 报告); of several, the last, which
    the ones before it place ((湖北省)2017年监利县人民政府工作报告)."""
    for line in text.split("\n", TITLE_LINES)[:TITLE_LINES]:
        # (the last of the title's words: 【两会】2021年宁乡市政府工作报告 names its place before 报告)
        words = max(_TITLE_WORDS.finditer(line, 0, TITLE_REACH), key=lambda w: w.end(), default=None)
        if words is None:
            continue
        full = [m.name for m in gazetteer.mentions(line[:words.end()], year) if m.full]
        if not full and (tail := _TITLE_TAIL.match(line, words.end())):
            full = [m.name for m in gazetteer.mentions(tail["place"], year) if m.full and m.name == tail["place"]]
        if full:
            return full[-1]
    return None


# a place set after the title, alone in brackets or after a dash: 2021年政府工作报告（宁乡市）, 政府工作报告--
# 2021年宁乡市
_TITLE_TAIL = re.compile(r"(?:全文)?[ \t\u3000]*(?:[（(【\[]|[-—－]+)[ \t\u3000]*(?:(?:19|20)\d\d年)?"
                         r"(?P<place>[\u4e00-\u9fff]{2,20})[ \t\u3000]*[）)】\]]?[ \t\u3000]*$")


TITLE_REACH = 40
# what follows a region's short name in a title (2024年苏州政府工作报告, 涪城两会, 2010年漳州经济社会发展预期目标,
# 宁乡：2021年政府工作报告全文)
_AFTER_TITLED_STEM = ("政府工作报告", "人民政府工作报告", "两会", "人代会", "经济社会发展", "：", ":")


def _titled_stem(text: str, gazetteer: Gazetteer, year: int | None, title_level: str | None) -> str | None:
    """A short name right before 政府工作报告 in a title line (2024年苏州政府工作报告), read as the
    one place of the level the report calls its own (全市 -> 苏州市), else of its speaker's title
    (代市长); None when neither gives a level or the name fits no one place of it."""
    for line in text.split("\n", TITLE_LINES)[:TITLE_LINES]:
        if _TITLE_WORDS.search(line, 0, TITLE_REACH) is None:
            continue
        stems = [m for m in gazetteer.mentions(line[:TITLE_REACH], year)
                 if not m.full and line.startswith(_AFTER_TITLED_STEM, m.end)]
        level = (_own_level(text) or title_level) if stems else None
        for m in reversed(stems):
            own = _own_candidate(m, level) if level else None
            if own is not None:
                return own.name
    return None
# how strongly a way of writing a name says "this is the report's own region"
_OWN_FORM = re.compile(rf"(?:人民政府|政府|委|第[{CN_ORDINAL}]+届|[{CN_ORDINAL}]+届人大)")
_SELF_WEIGHTS = {"我": 3, "本": 2, "全": 1}
DELEGATE_WEIGHT = 5  # 我代表县人民政府: the level the speaker speaks for


def _region_called_own(text: str, gazetteer: Gazetteer, year: int | None) -> str | None:
    """When the text calls its region only 我市, 全县 …: the place of that level it names most
    (金华 in 中共金华市委, 平安金华); None unless one place stands out."""
    level = _own_level(text)
    if level is None:
        return None
    scores: Counter[RegionCandidate] = Counter()
    written_full: set[RegionCandidate] = set()
    stems: list[RegionCandidate] = []
    for m in gazetteer.mentions(text, year):
        own = _own_candidate(m, level)
        if own is None:
            continue
        own_form = _OWN_FORM.match(text, m.end) is not None
        if m.full and len(m.name) == 2 and not (own_form and text[m.end] != "委"):
            continue  # 和县, 沛县: two characters inside other words (市委和县委) unless 和县人民政府
        if m.full:
            written_full.add(own)
            scores[own] += 2 + 3 * own_form
        else:
            stems.append(own)
    # 金华 (平安金华) counts when 金华市 is written too, or a stem of three characters, or a province's
    # (美好安徽: a province is called by its stem more often than not, and no other has it)
    for own in stems:
        if own in written_full or len(lang.region_stem(own.name)) >= 3 or own.level == "province":
            scores[own] += 1
    ranked = scores.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[1][1] >= ranked[0][1]):
        return None
    return ranked[0][0].name


# (a site's footer: 版权所有：某县人民政府办公室, 主办：某县人民政府 …; read in the raw text, where
# cleaning has not yet cut the footer away)
_SITE_OWNER = re.compile(rf"(?:{'|'.join(lang.SITE_OWNER_WORDS)})[:：\s]*([\u4e00-\u9fff]{{2,16}}?)人民政府")


def _site_owner(raw: str, text: str, gazetteer: Gazetteer, year: int | None) -> str | None:
    """The government whose site the page is on (or whose newspaper carries it), when it is a place
    of the level the report calls its own (我代表县人民政府 on a site of 某县人民政府, 市四届人大 in
    临沧日报) and the only such place a footer or a masthead names."""
    level = _own_level(text)
    if level is None:
        return None
    owners = {m.group(1) for m in _SITE_OWNER.finditer(raw)}
    if len(owners) > 1:
        return None
    found = {c.adcode: owner for owner in owners if owner.endswith(level) for c in gazetteer.resolve(owner, year)}
    for c in _media_places(raw, gazetteer, year):
        if c.name.endswith(level):
            found.setdefault(c.adcode, c.name)
    return found.popitem()[1] if len(found) == 1 else None


MEDIA_NAME_REACH = 12  # the place a newspaper is named after, right before its 日报


def _media_places(raw: str, gazetteer: Gazetteer, year: int | None) -> list[RegionCandidate]:
    """The places local media named in the page are of: 临沧日报 -> 临沧市, 长沙县融媒体中心 ->
    长沙县 (the name right before the media word). A paper named by a stem is a prefecture's or a
    province's: 光明日报, 解放日报 and 新民晚报 are no papers of 光明区, 解放区 or 新民市."""
    places: list[RegionCandidate] = []
    for word in lang.SITE_MEDIA_WORDS:
        i = raw.find(word)
        while i >= 0:
            mentions = gazetteer.mentions(raw[max(0, i - MEDIA_NAME_REACH):i], year)
            if mentions and mentions[-1].end == min(i, MEDIA_NAME_REACH):
                places.extend(c for c in mentions[-1].candidates
                              if mentions[-1].full or c.level in STEM_MEDIA_LEVELS)
            i = raw.find(word, i + 1)
    return places


STEM_MEDIA_LEVELS = ("province", "prefecture")


def _own_candidate(m: NameMention, level: str) -> RegionCandidate | None:
    """The one place of the report's own level a name can mean (长沙 -> 长沙市 in a 市's report)."""
    if m.full:
        fits = [c for c in m.candidates if m.name.endswith(level)]
    else:
        fits = [c for c in m.candidates if c.name.endswith(level)]
    names = {c.adcode for c in fits}
    return fits[0] if len(names) == 1 else None


def _own_level(text: str) -> str | None:
    """The level word the report calls its own region by (我市 -> 市), weighed: 我 and 本 say it more
    surely than 全 (全市第一 in a county's report ranks it in its city)."""
    votes: Counter[str] = Counter()
    for m in lang.self_reference().finditer(text):
        votes[m.group(1)] += _SELF_WEIGHTS.get(text[m.start()], 1)
    for m in _DELEGATE.finditer(text, 0, 6000):
        votes[m.group(1)] += DELEGATE_WEIGHT
    ranked = votes.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


_DELEGATE = re.compile(rf"代表([{lang.LEVEL_WORDS}])(?:人民)?政府")


def _speaker(header: str) -> tuple[str | None, str | None, str | None]:
    for line in header.splitlines():
        flat = re.sub(r"[\s\u3000]", "", line)
        if not flat or len(flat) > 40 or "会议" in flat:
            continue
        m = SPEAKER.match(flat) or _long_signature(line)
        if m:
            return m["name"], m["title"], m["org"] or None
    return None, None, None


def _speaker_after_meeting(text: str, meeting: re.Match[str] | None) -> tuple[str | None, str | None, str | None]:
    """The speaker where a copy runs the lines together (…第一次会议上泾县人民政府县长 张 平) or gives
    the name alone on the line after the meeting's (哈 热, 栗 俊 昌: no title then)."""
    if meeting is None:
        return None, None, None
    line_end = text.find("\n", meeting.end())
    line_end = len(text) if line_end < 0 else line_end
    rest = re.sub(r"[\s\u3000]", "", text[meeting.end():line_end]).removeprefix("上").lstrip(")）")
    rest = rest[:rest.find(lang.SALUTATIONS[0])] if lang.SALUTATIONS[0] in rest else rest
    rest = re.sub(rf"{_BRACKETED_DAY}\Z", "", rest)
    m = (SPEAKER.match(rest) or _long_signature(rest)) if 0 < len(rest) <= 40 else None
    if m:
        return _name_cut_short(text, m["title"], m["name"], line_end), m["title"], m["org"] or None
    if rest:
        return None, None, None
    for line in text[line_end + 1:line_end + 1 + NAME_LINE_REACH].split("\n"):
        if not re.sub(r"[\s\u3000□]", "", line):
            continue
        name = _bare_name(line)
        return (name, None, None) if name else (None, None, None)
    return None, None, None


NAME_LINE_REACH = 40


def _name_cut_short(text: str, title: str, name: str, after: int) -> str:
    """The name as the text gives it again further on when a site's summary of the page's top cut
    it at the line's end (…县人民政府县长 李静 ⏎ …县人民政府县长 李静芹 各位代表): the longer one, bounded
    as a signature is (a space or the line's end after it, or the salutation)."""
    longer = re.search(rf"{re.escape(title)}[ \t\u3000]*{re.escape(name)}([\u4e00-\u9fff])"
                       rf"(?=[ \t\u3000\n]|{lang.SALUTATION_PATTERN}|\Z)", text[after:after + SPEAKER_REACH])
    return name + longer.group(1) if longer and lang.is_name(name + longer.group(1)) else name


def _long_signature(line: str) -> re.Match[str] | None:
    m = LONG_SIGNATURE.match(line.strip(" \t\u3000"))
    if m is None or not (m["apart"] or m["org"].endswith("政府")) or _DELIVERED.search(m["name"]):
        return None
    return m


def _bare_name(line: str) -> str | None:
    """A line that is a name alone (海青, 栗 俊 昌), spaces dropped."""
    flat = re.sub(r"[\s\u3000□]", "", line)
    if lang.is_name(flat) or re.fullmatch(r"[\u4e00-\u9fff]{1,8}[·•・．.][\u4e00-\u9fff]{1,10}", flat):
        return flat
    return None
# a news report of the meeting names who delivered the report: 县长贾建刚向大会作政府工作报告, 市委副书记、
# 市长丁大卫作政府报告, 曹宏伟代表县人民政府向大会作政府工作报告, 周海兵作市人民政府工作报告
# 作政府工作报告, or 代表…政府向大会报告工作 (as the report's own opening says it)
# (every branch opens with a character, which re skips to; 向大会 is read behind 报告)
_DELIVERED = re.compile(r"[作做](?:了|的)?《?(?:[省市区县州旗盟])?(?:人民)?政府(?:工作)?报告"
                        r"|报告工作(?<=向大会报告工作)|报告政府工作(?<=向大会报告政府工作)|作工作报告(?<=向大会作工作报告)"
                        r"|作工作报告(?<=政府作工作报告)|作的工作报告(?<=政府所作的工作报告)"
                        # (…李克强代表国务院，向大会报告过去五年政府工作)
                        r"|向大会报告过去[一五]年(?:政府)?工作"
                        # (…代表县人民政府向大会作《…》: the report's title, whatever a site put in it)
                        r"|作《(?<=人民政府向大会作《)")
# (…李克强总理代表国务院在十三届全国人大一次会议上所作的《政府工作报告》: the meeting and 所 between)
# (…省长毛伟明15日在…会议上作…: the day between)
_BEFORE_DELIVERY = re.compile(r"(?:\d{1,2}日(?:上午|下午)?)?(?:在(?:大会|会)上)?"
                              r"(?:代表[^，。；、]{0,24}?(?:政府|国务院)[，,]?)?"
                              # (…县长李永军在作《政府工作报告》时: while delivering it)
                              # (…市长张之政在所作的政府工作报告中回顾了…)
                              r"(?:在[^，。；、]{1,30}?会议?上)?(?:在?所)?(?:向大会|向全体代表)?(?:正在|在|即将|将)?\Z")
_NAME_BOUNDARY = frozenset("，,、：:。；\n （(“了")  # 了: 会议听取和审议了王明代表…所作的…
SPEAKER_REACH = 3000


def _speaker_of_news(text: str, is_place: Callable[[str], bool]) -> tuple[str | None, str | None, str | None]:
    """Name, title and the words of offices before them (中共长沙市委副书记、) from the sentence that
    says who delivered the report; a title not given there is read where the text sets one before
    the name (长沙市市长周海兵). A place before its head's title is no name (江阴市长作…: the mayor of
    江阴)."""
    for m in _DELIVERED.finditer(text, 0, SPEAKER_REACH):
        before = text[_sentence_start(text, m.start()):m.start()]
        before = before[:_BEFORE_DELIVERY.search(before).start()]  # type: ignore[union-attr]
        found = _name_at_end(before) or _titled_subject(before) or _long_name_quoted(before, text)
        if found is None:
            continue
        name, title = found
        if title and title[0] in lang.LEVEL_WORDS and before.endswith(name + title) and is_place(name + title[0]):
            continue
        if title is None:
            titled = re.search(rf"({TITLES})[ \t\u3000]?{name}", text)
            title = titled.group(1) if titled else None
        if not before.endswith(name):
            return name, title, None  # the title after the name (李强总理): no offices before it
        offices = before[:-len(name)]
        if title and offices.endswith(title):
            offices = offices[:-len(title)]
        return name, title, offices[-OFFICES_MAX:] or None
    return None, None, None


OFFICES_MAX = 24  # 中共长沙市委副书记、: the offices a news sentence gives before the title
# the subject the sentence opens on, its title before its name, when a clause stands between it and
# the delivery (县委副书记、县长王彩莲在热烈的掌声中走上报告席，代表县政府向大会作政府工作报告)
_TITLED_SUBJECT = re.compile(rf"(?P<title>{TITLES})(?P<name>[\u4e00-\u9fff]{{2,3}}?)(?=在|代表|向|同志|[，,])")


def _titled_subject(words: str) -> tuple[str, str | None] | None:
    m = _TITLED_SUBJECT.search(words)
    return (m["name"], m["title"]) if m and lang.is_name(m["name"]) else None


_TITLE_THEN_LONG_NAME = re.compile(rf"(?P<title>{TITLES})(?P<name>[\u4e00-\u9fff]{{4,7}})\Z")


def _long_name_quoted(words: str, text: str) -> tuple[str, str | None] | None:
    """A name of four to seven characters between a title and the delivery (旗长浩毕斯嘎拉图代表旗人民
    政府…), when the text quotes it by that name too (浩毕斯嘎拉图说：): no surname tells such a name,
    its being quoted does."""
    m = _TITLE_THEN_LONG_NAME.search(words)
    if m is None or lang.is_name(m["name"]):
        return None
    quoted = any(m["name"] + verb in text for verb in lang.SPEECH_VERBS)
    return (m["name"], m["title"]) if quoted else None


def _speaker_of_the_raw_page(raw: str, gazetteer: Gazetteer, year: int | None,
                             ) -> tuple[str | None, str | None, str | None]:
    """_speaker_of_news over the raw page's top, its name and title in the clean text's script."""
    top = normalize_characters(raw[:SPEAKER_REACH])
    return _speaker_of_news(top, lambda words: bool(gazetteer.resolve(words, year)))


# a news sentence on the report's delivery that opens on its day (1月20日，某县县长李永军在作《政府工作
# 报告》时，…)
_DAY_OPENING = re.compile(lang.DAY_OPENING)
# (3月22日，新华社受权全文播发…所作的《政府工作报告》: the day it was published, not delivered)
_PUBLISHED = re.compile("播发|刊发|刊登|发布|公布")


def _day_of_delivery(text: str, report_year: int, raw: str | None) -> dt.date | None:
    """The day a news page says the report was delivered, in the year of the page's date, else
    the report's: the day of the meeting it was delivered at."""
    for m in _DELIVERED.finditer(text, 0, SPEAKER_REACH):
        day = _DAY_OPENING.match(text, _sentence_start(text, m.start()), m.start())
        if day is None or _PUBLISHED.search(text, day.end(), m.start()):
            continue
        month, day_of_month = int(day.group(2)), int(day.group(3))
        year = int(day.group(1)) if day.group(1) else \
            _year_of_page(_page_dates(text, raw), month, day_of_month) or report_year
        return _date(year, month, day_of_month)
    return None



def _name_at_end(words: str) -> tuple[str, str | None] | None:
    """The name words end with, and the title right before it: one opening on a surname, with a
    title or a boundary (a comma, the line's start) before it."""
    if words.endswith(lang.AFTER_NAME):
        return _name_before_a_word_after_it(words)
    plain = None
    for k in (3, 2, 4):
        name, before = words[-k:], words[:-k]
        if len(name) < k or not lang.is_name(name):
            continue
        title = _TITLE_AT_END.search(before)
        if title:
            return name, title.group()
        if plain is None and (not before or before[-1] in _NAME_BOUNDARY):
            plain = name
    if plain:
        return plain, None
    # the title after the name (李蓉县长代表县人民政府向大会作…, 全文播发李强总理代表国务院…): the title
    # bounds the name, no comma need stand before it
    title_after = _TITLE_AT_END.search(words)
    if title_after:
        named = words[:title_after.start()]
        for k in (3, 2, 4):
            if len(named) >= k and lang.is_name(named[-k:]):
                return named[-k:], title_after.group()
    return None


_TITLE_AT_END = re.compile(rf"(?:{TITLES})\Z")


def _name_before_a_word_after_it(words: str) -> tuple[str, str | None] | None:
    """The name before 同志 (…北京市市长 殷勇殷勇同志): 同志 bounds it, nothing need stand before it."""
    named = next(words[:-len(w)] for w in lang.AFTER_NAME if words.endswith(w))
    for k in (3, 2, 4):
        if len(named) >= k and lang.is_name(named[-k:]):
            title = _TITLE_AT_END.search(named[:-k])
            return named[-k:], title.group() if title else None
    return None


class Lede(NamedTuple):
    """A news report's mention of the meeting: the congress, the place written before it, the
    words between it and its verb (开幕, 召开 …)."""

    start: int
    congress: re.Match[str]
    place: str
    rest: str


def _congress_place(text: str, gazetteer: Gazetteer, year: int | None) -> str:
    """The place a news page names right before the first congress it mentions, though no verb of
    its opening follows (参加湘潭县第十六届人民代表大会第五次会议的人大代表们): the region's own
    congress. Only a name of the division table counts (完成了市十四届人大…确定的 names none)."""
    for i in _occurrences(text, "届", LEDE_REACH):
        m = LEDE_CONGRESS.search(text, max(0, i - LEDE_ORDINALS_MAX), i + LEDE_CONGRESS_AFTER)
        if m is None or m.start() > i:
            continue
        words = _PLACE_BEFORE.search(text, max(0, m.start() - 20), m.start())
        in_table = _place_in_table(words.group(), gazetteer, year) if words else None
        if in_table:
            return in_table
    return ""


# a span of time from a congress to this meeting (从去年三月第五届…第一次会议闭幕到我们这次会议召开)
_SPAN_TO_NOW = re.compile(r"到(?:我们)?(?:这次|本次|现在)")


def _find_ledes(text: str) -> list[Lede]:
    """Every mention of a congress followed by its opening (开幕, 召开 …) in the text's first part,
    tried only around each 届 (the pattern opens with an optional 第: re would try every position)."""
    out: list[Lede] = []
    last_end = 0
    for i in _occurrences(text, "届", LEDE_REACH):
        m = LEDE_CONGRESS.search(text, max(last_end, i - LEDE_ORDINALS_MAX), i + LEDE_CONGRESS_AFTER)
        if m is None or m.start() > i:
            continue
        last_end = m.end()
        tail = LEDE_TAIL.match(text, m.end())
        if tail is None or _SPAN_TO_NOW.search(tail["rest"]):
            continue  # (从第七届全国人民代表大会第一次会议，到这次大会的召开: the meeting a span starts from)
        place = _PLACE_BEFORE.search(text, max(0, m.start() - 20), m.start())
        start = place.start() if place else m.start()
        out.append(Lede(start, m, place.group() if place else "", tail["rest"]))
    return out


def _find_lede(text: str, report_year: int | None = None, raw: str | None = None,
               ) -> tuple[Lede | None, dt.date | None]:
    """The meeting a news report is about, and its day: the first mention the text dates, else the
    first whose place it names, else the first."""
    ledes = _find_ledes(text)
    for lede in ledes:
        day = _lede_date(text, lede, report_year, raw)
        if day is not None:
            return lede, day
    named = [lede for lede in ledes if lede.place]
    return ((named or ledes)[0] if ledes else None), None


LEDE_DATE_REACH = 32  # 1月18日上午九时，在雄壮的国歌声中，: the day, the hour and a scene before the place


def _lede_date(text: str, lede: Lede, report_year: int | None, raw: str | None = None) -> dt.date | None:
    """The meeting's day as the news gives it (3月2日上午, 20日 under a 2月20日电 dateline, 今天 on a page
    dated 2024年01月11日, 昨日 the day before), in the year of the page's date, else the report's."""
    before = _LEDE_DATE_BEFORE.search(text, max(_sentence_start(text, lede.start), lede.start - LEDE_DATE_REACH),
                                      lede.start)
    day = _day_the_lede_gives(text, lede, before, report_year, raw)
    return day - dt.timedelta(days=1) if day is not None and before is not None and before["yesterday"] else day


def _day_the_lede_gives(text: str, lede: Lede, before: re.Match[str] | None, report_year: int | None,
                        raw: str | None) -> dt.date | None:
    after = _LEDE_DATE_AFTER.search(lede.rest)
    dateline = _dateline(text, lede.start)
    # today (or yesterday) before the congress, or after it in a title (人大七次会议今日开幕) over its dispatch
    today = bool(before and (before["today"] or before["yesterday"]))
    if before is None and after is None and _TODAY_AFTER.match(lede.rest):
        today, dateline = True, dateline or _dateline(text, LEDE_REACH)
    pages = _page_dates(text, raw)
    year = month = day = None
    if today:
        if dateline:
            month, day = small_number(dateline["m"]), small_number(dateline["d"])
        elif pages and pages[0]:
            return pages[0]
    elif before:
        year = int(before["y"]) if before["y"] else None
        month = int(before["m"]) if before["m"] else (small_number(dateline["m"]) if dateline else None)
        day = int(before["d"])
    elif after:
        month, day = int(after["m"]), int(after["d"])
    elif (day_only := _LEDE_DAY_AFTER.match(lede.rest)) is not None:
        day = small_number(day_only["d"])
        if dateline:
            month = small_number(dateline["m"])
        else:  # 惠州市第十一届人民代表大会第一次会议7日在会议中心开幕, on a page dated 2012年01月12日
            return _day_before_page(pages, day)
    if month is None or day is None:
        return None
    if year is None:
        year = _year_of_page(pages, month, day) or report_year
        if year is not None and month == 12 and report_year == year and not _year_of_page(pages, month, day):
            year -= 1  # a December meeting reviews its own year: the report's year read from it is one too late
    return _date(year, month, day) if year else None


# a newspaper's masthead (2019年01月28日 星期一, at the page's top or foot), and its news that the
# report was delivered and what it set for this year or said of the last (应勇作政府工作报告提出今年
# 上海主要预期目标; 县长王明作政府工作报告。报告显示，去年全县…)
_MASTHEAD_DATE = re.compile(r"((?:19|20)\d\d)年\d{1,2}月\d{1,2}日[ \t\u3000]*星期[一二三四五六日天]")
_NEWS_OF_THE_REPORT = re.compile(r"作(?:了)?《?政府工作报告》?[^\n]{0,24}?(?:今年|去年)")


def _year_of_news_page(text: str, raw: str | None) -> int | None:
    """A newspaper page's year, when it reports the report as news and what it set for this year."""
    page = raw or text
    masthead = _MASTHEAD_DATE.search(_page_top(text, raw)) or \
        _MASTHEAD_DATE.search(_ascii_forms(page[max(0, len(page) - PAGE_FOOT_REACH):]))
    if masthead is None or _NEWS_OF_THE_REPORT.search(text, 0, DIGEST_REACH) is None:
        return None
    return int(masthead.group(1))


def _day_before_page(pages: list[dt.date | None], day: int) -> dt.date | None:
    """The day of the month a news page gives alone (会议7日…开幕): the last such day on or before
    the page's first date."""
    page = next((p for p in pages if p is not None), None)
    if page is None:
        return None
    if day <= page.day:
        return _date(page.year, page.month, day)
    month_before = page.replace(day=1) - dt.timedelta(days=1)
    return _date(month_before.year, month_before.month, day)


def _year_of_page(pages: list[dt.date | None], month: int, day: int) -> int | None:
    """The year in which month/day falls shortly before one of the page's dates."""
    for page in pages:
        if page is None:
            continue
        for year in (page.year, page.year - 1):
            day_of = _date(year, month, day)
            if day_of and 0 <= (page - day_of).days <= NEWS_LAG_DAYS:
                return year
    return None


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _place_of_offices(offices: str | None, gazetteer: Gazetteer, year: int | None) -> str | None:
    """The place written out in full in the speaker's offices (中共长沙市委副书记、市长 -> 长沙市)."""
    for m in gazetteer.mentions(offices or "", year):
        if m.full:
            return m.name
    return None


def _strip_government(org: str) -> str | None:
    name = re.sub(r"(?:人民)?政府$", "", org)
    return name or None


def _with(meta: Meta, **changes: object) -> Meta:
    """dataclasses.replace, without its look at the fields on every call (twice a report)."""
    return Meta(**{**vars(meta), **changes})


def _locate(meta: Meta, gazetteer: Gazetteer, province_hint: str | None, self_org: str | None,
            text: str = "") -> Meta:
    level = _level_from_org(self_org)
    if not meta.region:
        return _with(meta, level=level)
    candidates = gazetteer.resolve(meta.region, meta.report_year)
    if not candidates and meta.report_year is not None:
        # the table gives the divisions at each year's end, a report is delivered early in its year:
        # 上饶县's report of March 2019 was read before the county became 广信区 that summer
        candidates = gazetteer.resolve(meta.region, meta.report_year - 1)
    if not candidates and meta.report_year is None:
        candidates = _in_earlier_tables(gazetteer, meta.region)
    if province_hint:
        narrowed = tuple(c for c in candidates if c.province == province_hint)
        candidates = narrowed or candidates
    if level and len(candidates) > 1:
        same_level = tuple(c for c in candidates if c.level == level)
        candidates = same_level or candidates
    if len(candidates) > 1:
        candidates = _under_a_named_parent(text, candidates, gazetteer, meta.report_year) or candidates
    if len(candidates) == 1:
        c = candidates[0]
        name = canonical_spelling(meta.region)
        if not name.endswith(c.name):
            name = c.name  # a shortened name (沧源县 for 沧源佤族自治县): the division's own
        return _with(meta, region=name, level=_level_of(c), adcode=c.adcode, province=c.province)
    return _with(meta, level=level, ambiguous=len(candidates) > 1, candidates=candidates)


EARLIER_TABLES = (2010, 2000, 1990)  # where a name no longer in the table is looked for when no year is known


def _in_earlier_tables(gazetteer: Gazetteer, name: str) -> tuple[RegionCandidate, ...]:
    """The divisions a name was before it changed (綦江县 until 2011), for a report the text gives no
    year: the latest of a few earlier tables that has it."""
    for year in EARLIER_TABLES:
        found = gazetteer.resolve(name, year)
        if found:
            return found
    return ()


def _under_a_named_parent(text: str, candidates: tuple[RegionCandidate, ...], gazetteer: Gazetteer,
                          year: int | None) -> tuple[RegionCandidate, ...]:
    """Of the places a name fits, the one whose city or province the text names too (龙华区 on a
    page of 深圳新闻网 is Shenzhen's), or which it names with its parent (北京市朝阳区人民政府 主办 in
    a page's footer); () unless exactly one is."""
    mentions = [m for m in gazetteer.mentions(text, year) if len(m.name) >= 2]
    named = {c.adcode for m in mentions for c in m.candidates if c.level in ("prefecture", "province")}
    fitting = {c.adcode for c in candidates}
    qualified = {c.adcode for m in mentions if len(m.candidates) == 1 for c in m.candidates} & fitting
    under = tuple(c for c in candidates
                  if f"{c.adcode[:4]}00" in named - {c.adcode} or f"{c.adcode[:2]}0000" in named - {c.adcode}
                  or c.adcode in qualified)
    return under if len(under) == 1 else ()


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
