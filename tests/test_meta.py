from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govreport
from govreport.clean import clean
from govreport.gazetteer import Gazetteer, default_gazetteer
from govreport.meta import _review_heading_year, extract_meta


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return default_gazetteer()


def meta_of(text: str, gaz: Gazetteer):  # type: ignore[no-untyped-def]
    # as the pipeline reads a page: its clean text, and the raw text for the dates chrome carries
    return extract_meta(clean(text).text, gaz, raw=text)


def test_county_header(gaz: Gazetteer) -> None:
    m = meta_of("(云南省)曲靖市麒麟区人民政府工作报告(2023年1月4日)\n\n  政 府 工 作 报 告\n\n"
                "  ——2023年1月4日在曲靖市麒麟区第六届人民代表大会第二次会议上\n\n"
                "  曲靖市麒麟区人民政府区长 张忠文\n\n  各位代表:\n\n  现在,我代表区人民政府,向大会报告工作。", gaz)
    assert (m.region, m.level, m.adcode, m.province) == ("曲靖市麒麟区", "county", "530302", "云南省")
    assert (m.report_year, m.meeting_date, m.congress) == (2023, "2023-01-04", "第六届人民代表大会第二次会议")
    assert (m.speaker, m.speaker_title) == ("张忠文", "区长")


@pytest.mark.parametrize("title", ["某县政府工作报告（2022年12月23日）", "湘潭县2023年政府工作报告(20221223)"])
def test_the_day_in_brackets_after_a_titles_report_is_its_delivery(gaz: Gazetteer, title: str) -> None:
    # a December report: delivered in the year it reviews, whatever year a site's title gives
    m = meta_of(title + "\n各位代表：\n一、2022年工作回顾\n预计全县地区生产总值增长5%。\n"
                "二、2023年工作安排\n地区生产总值增长6%。", gaz)
    assert (m.meeting_date, m.report_year) == ("2022-12-23", 2022)


def test_header_split_over_lines(gaz: Gazetteer) -> None:
    m = meta_of("政 府 工 作 报 告\n\n  ——2023年2月22日在连州市第十六届\n\n  人民代表大会第三次会议上\n\n"
                "  市长 戴少枚\n\n  各位代表:\n现在,我代表市人民政府向大会报告工作。", gaz)
    assert (m.region, m.adcode, m.level, m.congress) == ("连州市", "441882", "county", "第十六届人民代表大会第三次会议")


def test_national_report(gaz: Gazetteer) -> None:
    m = meta_of("政府工作报告\n——2017年3月5日在第十二届全国人民代表大会第五次会议上\n国务院总理\n　李克强\n"
                "各位代表：\n现在，我代表国务院，向大会报告政府工作。", gaz)
    assert (m.region, m.level, m.adcode, m.province) == ("中华人民共和国", "national", "100000", None)
    assert (m.congress, m.speaker, m.speaker_title) == ("第十二届全国人民代表大会第五次会议", "李克强", "总理")


def test_year_from_the_body_when_no_heading(gaz: Gazetteer) -> None:
    m = meta_of("各位代表：\n现在，我代表区人民政府，向大会报告工作。\n一、2023年工作回顾\n2023年，全区经济增长。", gaz)
    assert (m.report_year, m.level, m.region, m.adcode) == (2024, "county", None, None)
    assert m.meeting_date is None and m.speaker is None


def test_an_older_report_reviewing_one_spelled_year_is_delivered_the_next(gaz: Gazetteer) -> None:
    body = ("各位代表：\n我代表国务院向大会作政府工作报告，请予审议。\n关于国内建设\n"
            "一年来，我国各条战线都取得了成就。一九八三年，农业生产又获得丰收，一九八三年粮食增产。\n")
    assert meta_of(body, gaz).report_year == 1984


def test_an_older_report_reviewing_several_years_gives_no_year(gaz: Gazetteer) -> None:
    # 三年来: the years since a congress; the one it names most is not the year before the report
    body = ("各位代表！\n现在，我代表国务院作政府工作报告。\n一、三年来的斗争\n"
            "去年以来形势很好。一九七六年十月，一九七六年的斗争，一九七五年和一九七四年。\n")
    assert meta_of(body, gaz).report_year is None


def test_ambiguous_name_gives_candidates_not_a_guess(gaz: Gazetteer) -> None:
    m = meta_of("——2024年1月5日在朝阳区第十七届人民代表大会第三次会议上\n各位代表：", gaz)
    assert m.region == "朝阳区" and m.adcode is None and m.ambiguous
    assert {c.adcode for c in m.candidates} >= {"110105", "220104"}


def test_names_resolve_as_of_the_report_year(gaz: Gazetteer) -> None:
    assert [c.adcode for c in gaz.resolve("成都市郫都区", 2020)] == ["510117"]
    assert gaz.resolve("成都市郫都区", 2010) == ()
    assert [c.adcode for c in gaz.resolve("成都市郫县", 2010)] == ["510124"]


def test_meeting_line_in_chinese_numerals_or_without_a_date(gaz: Gazetteer) -> None:
    m = meta_of("——二〇二三年一月十日在连州市第十六届人民代表大会第三次会议上\n市长 戴少枚\n各位代表：", gaz)
    assert (m.meeting_date, m.report_year, m.region) == ("2023-01-10", 2023, "连州市")
    m = meta_of("——在连州市第十六届人民代表大会第三次会议上\n市长 戴少枚\n各位代表：\n一、2022年工作回顾\n", gaz)
    assert (m.meeting_date, m.report_year, m.congress) == (None, 2023, "第十六届人民代表大会第三次会议")


def test_meeting_line_with_a_space_after_its_date(gaz: Gazetteer) -> None:
    m = meta_of("政府工作报告\n2019年2月26日 在眉山市第四届人民代表大会第四次会议上\n市长 张三丰\n各位代表：", gaz)
    assert (m.meeting_date, m.report_year, m.region) == ("2019-02-26", 2019, "眉山市")


@pytest.mark.parametrize("header", [
    "——在平川县第九届人民代表大会第二次会议上\n县长 周立新\n（2021年1月12日）\n",  # below the speaker
    "——在平川县第九届人民代表大会第二次会议上\n(2021年1月12日)\n县长 周立新\n",  # right below the meeting
    "2020年平川县政府工作报告——在平川县第九届人民代表大会第二次会议上县长周立新(2021年1月12日)\n",  # run together
])
def test_meeting_day_in_brackets_after_the_meeting_line(gaz: Gazetteer, header: str) -> None:
    m = meta_of("政府工作报告\n" + header + "各位代表：\n现在，我代表县人民政府向大会报告工作。", gaz)
    assert (m.meeting_date, m.report_year, m.speaker, m.speaker_title) == ("2021-01-12", 2021, "周立新", "县长")


def test_transliterated_speaker_names(gaz: Gazetteer) -> None:
    m = meta_of("2026年新疆维吾尔自治区政府工作报告\n"
                "——2026年1月25日在新疆维吾尔自治区第十四届人民代表大会第四次会议上\n"
                "自治区主席 艾尔肯·吐尼亚孜\n各位代表：\n现在，我代表自治区人民政府，向大会报告工作。", gaz)
    assert (m.speaker, m.speaker_title, m.region, m.level, m.adcode) == (
        "艾尔肯·吐尼亚孜", "主席", "新疆维吾尔自治区", "province", "650000")


def test_report_year_from_a_heading_about_the_coming_year(gaz: Gazetteer) -> None:
    m = meta_of("各位代表：\n现在，我代表国务院，向大会报告政府工作。\n一、过去五年工作回顾\n五年来，成绩显著。\n"
                "二、2018年经济社会发展总体要求和政策取向\n三、对2018年政府工作的建议\n", gaz)
    assert m.report_year == 2018


def test_report_year_of_a_headerless_five_year_review_ignores_the_goals_of_part_two() -> None:
    text = ("各位代表：\n一、五年的成就\n过去五年，经济蓬勃发展。1992年国民生产总值接近24000亿元。1992年同1987年相比，"
            "钢产量增长三成。刚刚过去的1992年，改革加快。\n二、今后五年的任务\n争取1997年粮食产量达到4.75亿吨，"
            "1997年原煤年产量达到13亿吨，1997年钢产量达到9000万吨。")
    assert govreport.extract(text).meta.report_year == 1993


@pytest.mark.parametrize("line", ["——2024年1月10日在区十八届人大四次会议上",
                                  "2024年1月10日在麒麟区第十八届人大第四次会议上"])
def test_the_congress_written_short(line: str) -> None:
    meta = govreport.extract(f"麒麟区政府工作报告\n{line}\n区长 张三\n各位代表：\n一、2023年工作回顾\n经济平稳。").meta
    assert (meta.region, meta.meeting_date, meta.congress) == (
        "麒麟区", "2024-01-10", "第十八届人民代表大会第四次会议")


def test_a_speaker_line_with_a_colon() -> None:
    meta = govreport.extract("某某县政府工作报告\n区长：王五\n各位代表：\n一、2023年工作回顾\n经济平稳。").meta
    assert (meta.speaker, meta.speaker_title) == ("王五", "区长")


_HEADING_PARTS = st.sampled_from(["2023年主要工作回顾", "2023年工作回顾", "2023年回顾", "12024", "年", "工作", "主要",
                                  "回顾", "一、", "\n", "，"])


# the plain form _review_heading_year must agree with (re would try it at every position)
REVIEW_YEAR = re.compile(r"([0-9]\d{3})年(?:主要)?(?:工作)?回顾")


@given(st.lists(_HEADING_PARTS, max_size=14).map("".join), st.integers(0, 40))
def test_the_review_heading_year_is_the_first_review_year_match(text: str, limit: int) -> None:
    # found from its 回顾 rather than by a digit class tried at every position: the same match
    expected = REVIEW_YEAR.search(text, 0, limit)
    got = _review_heading_year(text, limit)
    assert (got and (got.group(1), got.start())) == (expected and (expected.group(1), expected.start()))


def test_a_year_on_the_line_before_is_no_review_headings_year() -> None:
    assert _review_heading_year("12024年\n回顾", 9) is None  # found by the test above: $ matched before \n
    assert _review_heading_year("一、2024年回顾", 20).group(1) == "2024"  # type: ignore[union-attr]


def test_an_older_national_report_names_its_congress_in_its_opening(gaz: Gazetteer) -> None:
    m = meta_of("各位代表：\n我代表国务院，向第六届全国人民代表大会第一次会议作政府工作报告，请予审议。\n", gaz)
    assert (m.region, m.level, m.adcode, m.congress) == (
        "中华人民共和国", "national", "100000", "第六届全国人民代表大会第一次会议")
    assert m.meeting_date is None  # the text gives no date
    assert m.report_year == 1983  # the year that session met (data/npc_sessions.toml)


def test_the_session_table_covers_every_congress_in_order() -> None:
    from govreport import lexicon

    sessions = lexicon.load("npc_sessions.toml")["sessions"]
    assert [int(k) for k in sessions] == list(range(1, len(sessions) + 1))
    years = [y for k in sessions for y in sessions[k]]
    assert years == sorted(years) and len(set(years)) == len(years)


@pytest.mark.parametrize("opening", ["现在，我受国务院的委托，向全国人民代表大会报告政府工作。",
                                     "我受中共中央和国务院的委托，向大会作报告。",
                                     "我现在根据国务院的决定，向大会作政府工作报告。"])
def test_older_ways_of_speaking_for_the_state_council(gaz: Gazetteer, opening: str) -> None:
    assert meta_of(f"各位代表：\n{opening}\n", gaz).region == "中华人民共和国"


@pytest.mark.parametrize(("opening", "year", "congress"), [
    ("我们第一届全国人民代表大会第一次会议，已经完成了一件历史性的工作。现在，我代表中央人民政府作工作报告。",
     1954, "第一届全国人民代表大会第一次会议"),
    ("根据中共中央的决定，我代表国务院，向第四届全国人民代表大会作政府工作报告。", 1975, None),  # it met once
    ("从去年９月第五届全国人民代表大会第三次会议到现在，已经过去了一年零两个月。现在，我代表国务院报告。", 1981, None),
])
def test_older_national_openings_give_the_year_through_the_session_they_name(
        gaz: Gazetteer, opening: str, year: int, congress: str | None) -> None:
    m = meta_of(f"各位代表：\n{opening}\n", gaz)
    assert (m.region, m.report_year, m.congress, m.meeting_date) == ("中华人民共和国", year, congress, None)


def test_a_congress_that_met_several_times_named_without_a_session_gives_no_year(gaz: Gazetteer) -> None:
    m = meta_of("各位代表：\n现在，我代表国务院，向第五届全国人民代表大会作政府工作报告。\n", gaz)
    assert (m.region, m.report_year, m.congress) == ("中华人民共和国", None, None)


# --- local pages: news reports of the meeting, digests, titles, self-references ---------------------

def test_a_news_lede_gives_meeting_congress_region_and_speaker(gaz: Gazetteer) -> None:
    m = meta_of("富平县第十八届人民代表大会第四次会议开幕\n3月5日上午，富平县第十八届人民代表大会第四次会议在县剧院"
                "隆重开幕。\n县长王明向大会作政府工作报告。王明在回顾2018年工作时说，全县经济平稳。", gaz)
    assert (m.region, m.adcode, m.level) == ("富平县", "610528", "county")
    assert (m.meeting_date, m.report_year, m.congress) == ("2019-03-05", 2019, "第十八届人民代表大会第四次会议")
    assert (m.speaker, m.speaker_title) == ("王明", "县长")


def test_a_lede_dated_by_its_dateline_and_page(gaz: Gazetteer) -> None:
    page = ("衢州市八届人大五次会议开幕\n2016年02月18日09:20 | 来源：某某网\n某某网衢州2月18日电 今天上午，"
            "衢州市八届人大五次会议在市会议中心开幕。市委副书记、市长李强出席。\n会上，李强作市人民政府工作报告。")
    m = meta_of(page, gaz)
    assert (m.meeting_date, m.congress, m.region) == ("2016-02-18", "第八届人民代表大会第五次会议", "衢州市")
    assert (m.speaker, m.speaker_title) == ("李强", "市长")  # the title read where the text gives it
    m = meta_of("某某网绍兴1月20日电 20日，浙江省绍兴市第七届人民代表大会第四次会议拉开帷幕。市长赵刚作政府报告。"
                "赵刚说，2014年是全面深化改革的关键之年。", gaz)
    assert (m.meeting_date, m.region, m.adcode, m.speaker) == ("2014-01-20", "浙江省绍兴市", "330600", "赵刚")
    # 昨日上午 under a dispatch dated 1月19日 on a page of 2024: the day before
    m = meta_of("区二届人大四次会议开幕\n2024-01-19 07:37\n某某网2024年1月19日讯（记者 张三）昨日上午，深圳市龙华区"
                "第二届人民代表大会第四次会议在区会堂开幕。区长李明代表区人民政府向大会作政府工作报告。", gaz)
    assert (m.meeting_date, m.report_year, m.adcode, m.speaker) == ("2024-01-18", 2024, "440309", "李明")
    # on the 1st of a month, the day before is the month before's last
    m = meta_of("2月1日电 昨天上午，某某市第五届人民代表大会第三次会议开幕。\n发布时间：2019-02-01", gaz)
    assert m.meeting_date == "2019-01-31"


def test_a_lede_with_the_hour_and_a_scene_and_a_speaker_named_before_the_title(gaz: Gazetteer) -> None:
    m = meta_of("某某县第十六届人民代表大会第二次会议开幕\n发布日期：2018-01-18\n1月18日上午九时，在雄壮的国歌声中，"
                "德清县第十六届人民代表大会第二次会议在县礼堂开幕。\n周华县长代表县人民政府向大会作《某某体育》。", gaz)
    assert (m.meeting_date, m.speaker, m.speaker_title) == ("2018-01-18", "周华", "县长")
    m = meta_of("2月14日，县文化馆会议室华灯璀璨，三穗县第十五届人民代表大会第五次会议在这里隆重开幕。\n"
                "报告分四个部分：一是2010年政府工作回顾。", gaz)
    assert (m.meeting_date, m.report_year) == ("2011-02-14", 2011)


def test_news_of_the_report_the_premier_or_a_county_head_delivered(gaz: Gazetteer) -> None:
    m = meta_of("新华社北京3月22日电 新华社受权于22日全文播发李克强总理代表国务院在十三届全国人大一次会议上所作的"
                "《政府工作报告》。\n报告指出，2018年发展主要预期目标是：国内生产总值增长6.5%左右。", gaz)
    assert (m.region, m.report_year, m.speaker, m.speaker_title) == ("中华人民共和国", 2018, "李克强", "总理")
    m = meta_of("1月10日，某某县第九届人民代表大会第三次会议开幕。会议听取和审议了王小明代表县人民政府"
                "所作的政府工作报告。", gaz)
    assert (m.speaker, m.speaker_title) == ("王小明", None)
    # the government's 工作报告, without 政府 before 工作报告
    m = meta_of("1月5日，某旗第十八届人民代表大会第三次会议开幕。大会首先听取了旗长赵利民代表旗人民政府"
                "所作的工作报告。", gaz)
    assert (m.speaker, m.speaker_title) == ("赵利民", "旗长")


def test_a_dateline_of_a_news_site_and_a_caption_of_the_speaker(gaz: Gazetteer) -> None:
    m = meta_of("某某网青岛2月19日讯\n(记者 张三)今天上午，青岛市第十五届人民代表大会第三次会议在人民会堂开幕。"
                "市长王明作政府工作报告。\n王明在回顾2013年的工作中指出，全市经济平稳。", gaz)
    assert (m.meeting_date, m.report_year, m.speaker) == ("2014-02-19", 2014, "王明")
    m = meta_of("图为陈冬代市长正在作政府工作报告。\n代市长陈冬在报告中提出2010年经济社会发展的主要预期目标。", gaz)
    assert (m.speaker, m.speaker_title) == ("陈冬", "代市长")
    # the subject the sentence opens on, a clause between it and the delivery
    m = meta_of("3月2日，县十五届人大五次会议开幕。县委副书记、县长王彩莲在热烈的掌声中走上报告席，代表县政府向大会作"
                "政府工作报告。", gaz)
    assert (m.speaker, m.speaker_title) == ("王彩莲", "县长")
    m = meta_of("3月2日，县十五届人大五次会议开幕。县长李明在会上代表县政府作政府工作报告。", gaz)
    assert (m.speaker, m.speaker_title) == ("李明", "县长")
    # a flattened page whose caption the cleaner cuts, with the speaker's line run into it: read in
    # the raw page (the same in traditional script, its name then simplified)
    flat = ("2026年某市政府工作报告——2026年1月25日在某市第十六届人民代表大会第四次会议上来源：某某日报时间："
            "2026-02-02某市市长 王小强王小强同志作政府工作报告。本报记者 张三摄各位代表：现在，我代表市人民政府，"
            "向大会报告政府工作。一、2025年工作回顾2025年，全市地区生产总值增长5%。" * 3)
    for page in (flat, flat.replace("王小强", "張小強")):
        m = govreport.extract_text(page).meta
        assert (m.speaker, m.speaker_title) == (("王小强" if "王" in page else "张小强"), "市长")
    # 同志 after the name bounds it as a title does; the title set apart by a space elsewhere
    m = meta_of("会议现场图为王小明同志作政府工作报告。\n报告指出，2019年全县经济平稳。代表们认为，县长 王小明"
                "所作的报告实事求是。", gaz)
    assert (m.speaker, m.speaker_title) == ("王小明", "县长")


def test_a_page_date_spaced_out_in_the_raw_page_is_read_in_the_clean_text() -> None:
    # a PDF's letter-spaced copy: the raw page's 2 0 1 8 - 0 4 - 2 4 is no date until cleaned
    page = ("某县第十八届人民代表大会第四次会议开幕 2018-04-24\n4月20日上午，某县第十八届人民代表大会第四次会议"
            "在县文化中心开幕。会上，王明代表县人民政府向大会作政府工作报告。")
    spaced = "\n".join(" ".join(line) for line in page.split("\n"))
    assert govreport.extract_text(spaced).meta.meeting_date == "2018-04-20"


def test_a_day_alone_after_the_congress_falls_on_or_before_the_pages_date(gaz: Gazetteer) -> None:
    page = ("发布时间：2012年01月12日 10:12 | 来源：某某日报\n某某日报讯 惠州市第十一届人民代表大会第一次会议7日在"
            "会议中心开幕。代市长陈奕威代表市政府向大会作《政府工作报告》。")
    m = extract_meta(clean(page).text, gaz, raw=page)
    assert (m.meeting_date, m.report_year) == ("2012-01-07", 2012)
    later = page.replace("2012年01月12日", "2012年02月03日").replace("7日", "27日")
    assert extract_meta(clean(later).text, gaz, raw=later).meeting_date == "2012-01-27"


def test_news_of_a_meeting_dated_before_its_place_and_a_report_of_a_years_work(gaz: Gazetteer) -> None:
    m = meta_of("某某网1月9日讯 题：某某市人民政府向人民代表报告2008年工作侧记\n在元月8日开幕的七台河市第九届人民代表"
                "大会第五次会议上，《政府工作报告》向人民代表报告了2008年工作取得的成绩。", gaz)
    assert (m.region, m.report_year, m.meeting_date) == ("七台河市", 2009, "2009-01-08")
    m = meta_of("今天上午，浙江省第十一届人民代表大会第一次会议在省人民大会堂隆重举行。浙江省省长吕祖善代表省人民政府"
                "向大会作工作报告。", gaz)
    assert (m.speaker, m.speaker_title) == ("吕祖善", "省长")


def test_a_news_page_on_its_congress_and_a_resolution_on_the_report(gaz: Gazetteer) -> None:
    m = meta_of("某某网1月2日讯 1月2日上午，参加湘潭县第十六届人民代表大会第五次会议的人大代表们认真听取了政府工作"
                "报告。", gaz)
    assert (m.region, m.adcode) == ("湘潭县", "430321")
    # a congress named without a place of the table names no region
    assert meta_of("各位代表：\n一年来，我们较好地完成了市十四届人大一次会议确定的目标任务。", gaz).region is None
    m = meta_of("（2020年5月15日新乡市十三届人大三次会议第三次全体会议通过）\n听取和审议了王登喜市长代表市人民政府"
                "所作的政府工作报告。会议同意报告提出的2020年工作的主要目标任务，决定批准这个报告。", gaz)
    assert (m.region, m.report_year, m.speaker, m.speaker_title) == ("新乡市", 2020, "王登喜", "市长")


def test_a_title_that_says_today_over_a_dispatch_that_opens_on_its_day(gaz: Gazetteer) -> None:
    m = meta_of("市五届人大三次会议今日开幕\n本报讯【记者 张三 李四】2月27日的人民剧场彩旗飘扬，三百多名代表参加"
                "某某市第五届人民代表大会第三次会议。\n市长王明代表某某市人民政府向大会作政府工作报告，同时对2007年"
                "的政府工作作了部署。", gaz)
    assert (m.meeting_date, m.report_year, m.congress) == ("2007-02-27", 2007, "第五届人民代表大会第三次会议")
    # without a dispatch's day, today is no day the page gives
    m = meta_of("市五届人大三次会议今日开幕\n三百多名代表参加会议。市长王明作政府工作报告，"
                "同时对2007年的政府工作作了部署。", gaz)
    assert (m.meeting_date, m.report_year) == (None, 2007)


def test_news_of_the_day_a_county_head_delivered_the_report(gaz: Gazetteer) -> None:
    page = ("某某县人民政府\n日期：2022年01月24日 来源：某某县融媒体中心\n1月20日，牟定县人民政府县长李永军在作"
            "《政府工作报告》时，对2021年工作作了全面回顾，对2022年的主要工作作了安排部署。")
    m = extract_meta(clean(page).text, gaz, raw=page)
    assert (m.region, m.report_year, m.meeting_date, m.speaker, m.speaker_title) == (
        "牟定县", 2022, "2022-01-20", "李永军", "县长")


def test_news_that_the_premier_reported_five_years_of_work(gaz: Gazetteer) -> None:
    m = meta_of("3月5日，十三届全国人大一次会议在北京开幕。国务院总理李克强代表国务院，向大会报告过去五年政府工作，"
                "对今年工作提出建议。\n二、2018年发展主要预期目标\n1、国内生产总值增长6.5%左右。", gaz)
    assert (m.region, m.meeting_date, m.speaker, m.speaker_title) == ("中华人民共和国", "2018-03-05", "李克强", "总理")


def test_a_dateline_and_the_day_before_the_meeting_a_speaker_delivered_at(gaz: Gazetteer) -> None:
    m = meta_of("新华社长沙1月15日电 湖南省省长毛伟明15日在湖南省十四届人大二次会议上作政府工作报告时说，"
                "2024年湖南经济社会发展的主要预期目标是：地区生产总值增长6%左右。", gaz)
    assert (m.region, m.report_year, m.meeting_date) == ("湖南省", 2024, "2024-01-15")
    assert (m.speaker, m.speaker_title) == ("毛伟明", "省长")
    # a day the dateline does not confirm dates nothing
    m = meta_of("某某网1月15日电 湖南省省长毛伟明16日在湖南省十四届人大二次会议上作政府工作报告时说，"
                "2024年的主要预期目标是：地区生产总值增长6%左右。", gaz)
    assert m.meeting_date is None


def test_a_month_and_day_take_the_year_of_the_page_dated_days_after(gaz: Gazetteer) -> None:
    m = meta_of("德清县第十五届人民代表大会第二次会议开幕 | 要闻 |2017-04-24\n4月20日上午，德清县第十五届人民代表大会"
                "第二次会议在县礼堂开幕。\n会上，周华代表县人民政府向大会作政府工作报告。", gaz)
    assert (m.meeting_date, m.report_year, m.speaker, m.speaker_title) == ("2017-04-20", 2017, "周华", None)


def test_a_previous_session_named_in_the_text_is_not_the_meeting(gaz: Gazetteer) -> None:
    m = meta_of("各位代表：\n自县十五届人大一次会议以来，本届政府较好完成了县十五届人代会确定的目标任务。", gaz)
    assert (m.congress, m.meeting_date) == (None, None)


def test_a_title_line_names_region_and_year_as_the_table_stood_then(gaz: Gazetteer) -> None:
    m = meta_of("新闻热线：0000\n\n2012年苍山县两会《政府工作报告》\n\n各位代表：\n我代表县人民政府报告。", gaz)
    assert (m.region, m.adcode, m.province, m.report_year) == ("苍山县", "371324", "山东省", 2012)  # 兰陵县 since 2014
    m = meta_of("2020年桐乡市政府工作报告解读(一)：经济平稳\n\n一年来，我市经济平稳。", gaz)
    assert (m.region, m.adcode, m.level, m.report_year) == ("桐乡市", "330483", "county", 2020)
    # the place set after the title, in brackets or after a dash
    for title in ("2021年政府工作报告（宁乡市）", "政府工作报告--2021年宁乡市"):
        m = meta_of(title + "\n\n各位代表：\n一、2020年工作回顾\n地区生产总值增长5%。", gaz)
        assert (m.region, m.adcode, m.report_year) == ("宁乡市", "430182", 2021)
    # a site's tag before the title (【两会】, [转载]) names no place of its own
    m = meta_of("【两会】2021年宁乡市政府工作报告全文\n\n各位代表：\n一、2020年工作回顾\n地区生产总值增长5%。", gaz)
    assert (m.region, m.adcode, m.report_year) == ("宁乡市", "430182", 2021)


def test_the_region_a_report_calls_its_own_through_the_name_it_keeps_writing(gaz: Gazetteer) -> None:
    body = ("市长葛明作政府工作报告\n一、2015年工作回顾\n过去的一年，在中共嘉兴市委的正确领导下，"
            "我市坚持“平安嘉兴”建设，全市经济平稳。学习上海经验。")
    m = meta_of(body, gaz)
    assert (m.region, m.adcode, m.report_year, m.speaker, m.speaker_title) == ("嘉兴市", "330400", 2016, "葛明", "市长")
    # a stem of three characters counts alone; one of two (洛阳, 二道) only beside the full name
    assert meta_of("各位代表：\n我市今年工作目标确定，为全省大局作出三门峡更大贡献。", gaz).region == "三门峡市"
    assert meta_of("各位代表：\n我市今年工作目标确定，为全省大局作出洛阳更大贡献。", gaz).region is None
    assert meta_of("我区2023年工作。各位代表：\n我代表区人民政府报告。二道力度，二道速度。", gaz).region is None


def test_a_two_character_name_inside_other_words_is_no_mention(gaz: Gazetteer) -> None:
    m = meta_of("各位代表：\n我代表县人民政府报告工作。在市委、市政府和县委的领导下，全县经济平稳。", gaz)
    assert m.region is None  # 和县 (Anhui) is written inside 市政府和县委


def test_the_speakers_name_alone_on_the_line_after_the_meeting(gaz: Gazetteer) -> None:
    m = meta_of("政府工作报告\n2019年3月2日在龙游县第十六届人民代表大会第四次会议上\n欧 阳 华\n各位代表：\n报告。",
                gaz)
    assert (m.speaker, m.speaker_title, m.region) == ("欧阳华", None, "龙游县")
    m = meta_of("——2007年2月8日在嘉善县第十五届人民代表大会第一次会议上嘉善县人民政府县长  张 平\n一、回顾", gaz)
    assert (m.speaker, m.speaker_title, m.meeting_date) == ("张平", "县长", "2007-02-08")


@pytest.mark.parametrize(("page", "region"), [
    ("聚焦两会｜2024年苏州政府工作报告全文\n一、2023年工作回顾\n全市地区生产总值增长5%。", "苏州市"),
    ("一图读懂|2024年涪城政府工作报告\n2023年，全区地区生产总值增长7%。", "涪城区"),
    ("2024年朝阳政府工作报告\n2023年，全县地区生产总值增长5%。", "朝阳县"),
    ("2024年朝阳政府工作报告\n2023年，全区地区生产总值增长5%。", None),  # 朝阳区 of Beijing or of Changchun
    ("宁乡：2024年政府工作报告全文\n2023年，全市地区生产总值增长5%。", "宁乡市"),  # the name, a colon, the title
    # the level of the speaker's title where the text calls itself by none
    ("政府工作报告提出：2010年漳州经济社会发展预期目标\n图为陈冬代市长正在作政府工作报告。", "漳州市"),
])
def test_a_short_name_in_a_title_at_the_level_the_text_calls_its_own(gaz: Gazetteer, page: str,
                                                                      region: str | None) -> None:
    assert meta_of(page, gaz).region == region


@pytest.mark.parametrize("opening", [
    "从第七届全国人民代表大会第一次会议，到这次大会的召开，已经整整过去了五年。",
    "从去年三月第五届全国人民代表大会第一次会议闭幕到我们这次会议召开，已经一年零三个月了。",
])
def test_the_meeting_a_span_of_time_starts_from_is_not_this_one(gaz: Gazetteer, opening: str) -> None:
    m = meta_of(f"各位代表：\n现在，我代表国务院向大会作政府工作报告。\n{opening}", gaz)
    assert (m.region, m.congress) == ("中华人民共和国", None)


def test_a_dateline_and_a_day_in_numerals(gaz: Gazetteer) -> None:
    page = ("2008年01月17日 11:08 来源：某某网\n某某社广州一月十七日电 广东省第十一届人民代表大会第一次会议十七日上午在"
            "广州开幕，广东省省长黄华华在会上作《政府工作报告》。")
    m = extract_meta(clean(page).text, gaz, raw=page)
    assert (m.region, m.meeting_date, m.report_year, m.speaker) == ("广东省", "2008-01-17", 2008, "黄华华")


def test_an_older_national_report_that_names_neither_congress_nor_state_council(gaz: Gazetteer) -> None:
    body = "各位代表：\n刚刚过去的1984年，是我国各族人民取得伟大成就的一年。" + "我国经济稳定发展。" * 5
    assert (meta_of(body, gaz).region, meta_of(body, gaz).level) == ("中华人民共和国", "national")
    # a province's report speaks of the country too, and of itself far more
    province = "各位代表：\n" + "我国经济稳定发展。" * 5 + "我省经济平稳。全省上下团结奋进。" * 6
    assert meta_of(province, gaz).level != "national"


def test_a_headline_on_the_meeting_that_says_what_the_year_will_bring(gaz: Gazetteer) -> None:
    page = ("四川省十四届人大五次会议开幕 2026年将全力以赴拼经济搞建设\n\n  中新网成都2月4日电 (单鹏)四川省第十四届"
            "人民代表大会第五次会议3日在成都开幕。省长施小琳代表省人民政府作工作报告。")
    m = meta_of(page, gaz)
    assert (m.region, m.report_year, m.meeting_date, m.speaker, m.speaker_title) == (
        "四川省", 2026, "2026-02-03", "施小琳", "省长")


def test_a_december_meeting_of_an_autonomous_county(gaz: Gazetteer) -> None:
    m = meta_of("【两会时刻】麻阳苗族自治县第八届人民代表大会第五次会议开幕\n12月18日上午，麻阳苗族自治县第八届"
                "人民代表大会第五次会议在县民族剧院开幕。县长胡宏林代表县人民政府作工作报告。报告分为三个部分：一是2025年工作回顾；"
                "二是“十五五”期间目标任务；三是2026年工作安排。", gaz)
    assert (m.region, m.report_year, m.meeting_date, m.congress) == (
        "麻阳苗族自治县", 2025, "2025-12-18", "第八届人民代表大会第五次会议")


@pytest.mark.parametrize(("page", "year"), [
    ("1月16日，龙井市第十九届人民代表大会第五次会议开幕。报告分三部分：一、2025年工作回顾；二、“十五五”时期任务；"
     "三、2026年主要工作。", 2026),
    ("2月25日下午，镇康县第十八届人民代表大会第五次会议开幕。会议审查镇康县国民经济和社会发展第十五个五年规划纲要草案。",
     2026),
    ("1月20日，某某县第十八届人民代表大会第五次会议开幕，审查“十五五”规划纲要（草案）。", 2026),
])
def test_a_digest_dates_the_meeting_by_its_parts_or_the_plan_it_examines(gaz: Gazetteer, page: str, year: int) -> None:
    m = meta_of(page, gaz)
    assert (m.report_year, m.meeting_date[:4] if m.meeting_date else None) == (year, str(year))


def test_a_place_before_its_heads_title_is_no_name(gaz: Gazetteer) -> None:
    m = meta_of("【两会】江阴市长作政府工作报告\n1月10日，江阴市第十八届人民代表大会第三次会议开幕。", gaz)
    assert (m.region, m.speaker) == ("江阴市", None)
    m = meta_of("【两会】江阴市长作政府工作报告\n1月10日，江阴市第十八届人民代表大会第三次会议开幕。"
                "市长王明作政府工作报告。", gaz)
    assert (m.speaker, m.speaker_title) == ("王明", "市长")


def test_a_deputy_who_delivers_the_report(gaz: Gazetteer) -> None:
    m = meta_of("政府工作报告\n——2011年1月13日在县第十五届人民代表大会\n\n第五次会议上\n\n静宁县常务副县长杨晓勇\n\n"
                "各位代表：\n现在，我代表县人民政府向大会报告工作。", gaz)
    assert (m.region, m.meeting_date, m.congress, m.speaker, m.speaker_title) == (
        "静宁县", "2011-01-13", "第十五届人民代表大会第五次会议", "杨晓勇", "常务副县长")


def test_the_region_named_in_the_speakers_own_words(gaz: Gazetteer) -> None:
    m = meta_of("──2025年1月7日在市十六届人大四次会议上\n代市长 张 伟\n各位代表：\n现在，我代表东阳市人民政府，"
                "向大会报告工作。", gaz)
    assert (m.region, m.adcode, m.congress, m.speaker_title) == ("东阳市", "330783", "第十六届人民代表大会第四次会议",
                                                                 "代市长")


@pytest.mark.parametrize(("sentence", "year"), [
    ("县长在回顾2015年和“十二五”工作时说，全县经济平稳。", 2016),
    ("报告提出2022年政府主要工作安排。", 2022),
    ("一、“十二五”时期经济社会发展回顾\n过去的五年，成绩显著。", 2016),
    ("过去的五年成绩显著。2015年，预计实现地区生产总值389亿元。", 2016),
    ("县长在回顾总结2017年工作时指出，全县经济平稳。", 2018),
    ("展望2018年工作，县长强调，要稳中求进。", 2018),
    ("展望2035年，基本实现社会主义现代化。", None),
    ("报告对2005年的政府工作作了总结，同时对2006年的政府工作作了布置。", 2006),
    ("县长对2019年政府工作进行了全面部署。", 2019),
    # a pivotal year looked back on is the year under review, not the report's
    ("报告共三个部分：一是2025年和“十四五”时期工作回顾；三是2026年重点工作任务。省长指出，2025年是“十四五”"
     "收官之年，是很不平凡的一年。", 2026),
    ("2026年是“十五五”开局之年，做好今年工作意义重大。", 2026),
    ("2025年是全面学习贯彻某精神的重要之年，做好各项工作责任重大。", 2025),
    ("2022年，是迈上新征程的重要一年，也是我县发展进程中极其艰难、极不平凡的一年。", 2023),
    # a pivotal year the next sentence looks back on (一年来, 过去的一年) is the year reviewed
    ("2004年是我县实现阶段性目标的决战之年。一年来，全县上下团结奋进，成效明显。", 2005),
    ("2023年是全面贯彻党的二十大精神的开局之年。过去的一年，我们攻坚克难。", 2024),
    ("2009年是很不平凡的一年，我们经受住了考验。", 2010),
    ("各位代表：\n二、2024年主要目标任务\n今年主要预期目标是：地区生产总值增长7%左右。", 2024),
])
def test_a_digest_or_review_dates_the_report(gaz: Gazetteer, sentence: str, year: int | None) -> None:
    assert meta_of(sentence, gaz).report_year == year


def test_the_file_name_dates_a_report_the_text_does_not(gaz: Gazetteer) -> None:
    text = clean("各位代表，同志们：现在，我代表区人民政府，向大会报告工作。全区经济平稳。").text
    assert extract_meta(text, gaz).report_year is None
    assert extract_meta(text, gaz, "reports/2023年区政府工作报告.docx").report_year == 2023
    assert extract_meta(text, gaz, "reports/2023/notes.docx").report_year is None


def test_a_name_no_longer_in_the_table_is_found_in_an_earlier_one_when_no_year_is_known(gaz: Gazetteer) -> None:
    m = meta_of("綦江县人民政府政府工作报告各位代表：\n现在，我代表县人民政府，向大会作政府工作报告。", gaz)
    assert (m.region, m.adcode, m.province, m.report_year) == ("綦江县", "500222", "重庆市", None)


def test_the_file_name_names_the_region_the_text_does_not(gaz: Gazetteer) -> None:
    text = clean("各位代表：\n现在，我代表县人民政府向大会报告工作。\n一、2023年工作回顾\n全县经济平稳。").text
    assert extract_meta(text, gaz).region is None
    m = extract_meta(text, gaz, "安徽省/2024年绩溪县人民政府工作报告.docx")
    assert (m.region, m.adcode, m.province) == ("绩溪县", "341824", "安徽省")
    assert dict(m.sources)["region"] == "file_name" and dict(m.sources)["report_year"] == "text"
    assert extract_meta(text, gaz, "绩溪县/notes.docx").region is None  # a name not of the report
    # the text's own region wins over the file's
    own = clean("各位代表：\n现在，我代表泾县人民政府向大会报告工作。").text
    assert extract_meta(own, gaz, "2024年绩溪县政府工作报告.txt").region == "泾县"


@pytest.mark.parametrize(("doc", "region"), [
    ("downloads/07_绩溪县.txt", "绩溪县"), ("宣城市绩溪县-2024.html", "宣城市绩溪县"), ("绩溪县.docx", "绩溪县"),
    ("07_绩溪县新闻.txt", None), ("绩溪县和泾县.txt", None), ("2024_notes.txt", None)])
def test_a_file_named_for_its_region_alone_names_it(gaz: Gazetteer, doc: str, region: str | None) -> None:
    # numbers, a year and separators around full place names, and nothing else
    text = clean("各位代表：\n现在，我代表县人民政府向大会报告工作。\n一、2023年工作回顾\n全县经济平稳。").text
    m = extract_meta(text, gaz, doc)
    assert m.region == region
    if region:
        assert (m.adcode, dict(m.sources)["region"]) == ("341824", "file_name")


def test_a_december_meeting_is_the_years_own_report(gaz: Gazetteer) -> None:
    m = meta_of("2017年12月25日在和硕县第十七届人民代表大会第三次会议上\n各位代表：\n2017年工作回顾\n预计增长8%。",
                gaz)
    assert (m.report_year, m.meeting_date, m.region) == (2017, "2017-12-25", "和硕县")


def test_a_name_two_places_share_is_the_one_under_the_city_the_page_names(gaz: Gazetteer) -> None:
    page = ("编辑：某某 2018-01-24 16:20 内容来源：某某网\n深圳新闻网1月24日讯 1月24日上午9时，龙华区第一届人民代表大会"
            "第二次会议在区会堂开幕，区长陈清作政府工作报告。")
    m = govreport.extract(page).meta  # the page's date stands in chrome the cleaner removes
    assert (m.region, m.adcode, m.ambiguous, m.meeting_date, m.report_year) == (
        "龙华区", "440309", False, "2018-01-24", 2018)
    assert meta_of("——2024年1月5日在朝阳区第十七届人民代表大会第三次会议上\n各位代表：", gaz).ambiguous


@pytest.mark.parametrize(("footer", "adcode"), [
    ("北京市朝阳区人民政府 主办", "110105"), ("主办：长春市朝阳区人民政府办公室", "220104")])
def test_a_shared_name_is_the_one_the_page_writes_with_its_parent(gaz: Gazetteer, footer: str, adcode: str) -> None:
    m = meta_of("——2024年1月5日在朝阳区第十七届人民代表大会第三次会议上\n各位代表：\n一、2023年工作回顾\n"
                "全区地区生产总值增长5%。\n" + footer, gaz)
    assert (m.adcode, m.ambiguous) == (adcode, False)


@pytest.mark.parametrize("masked", ["某某县", "XX县", "××市", "**区", "某县"])
def test_a_name_the_copy_hides_is_no_region(gaz: Gazetteer, masked: str) -> None:
    m = meta_of(f"——2020年1月8日在{masked}第十七届人民代表大会第五次会议上\n各位代表：\n一、2019年工作回顾\n"
                "全县地区生产总值增长7%。", gaz)
    assert (m.region, m.adcode, m.report_year, m.congress) == (None, None, 2020, "第十七届人民代表大会第五次会议")


def test_a_long_news_page_dated_only_at_its_foot(gaz: Gazetteer) -> None:
    story = ("1月9日上午，某城县第十七届人民代表大会第四次会议开幕。县长作政府工作报告。\n"
             "去年，全县地区生产总值完成98.5亿元，增长8%。\n今年全县主要预期目标是：地区生产总值增长8%左右。\n")
    middle = "会议期间，代表们将审议政府工作报告和计划报告，讨论决定本县经济社会发展中的重大事项。\n" * 60
    m = meta_of(story + middle + "责任编辑：张三  2019-01-10", gaz)
    assert (m.report_year, m.meeting_date) == (2019, "2019-01-09")


def test_the_day_a_page_published_the_report_is_not_the_meeting_day(gaz: Gazetteer) -> None:
    page = ("3月22日，新华社受权全文播发李克强总理代表国务院在十三届全国人大一次会议上所作的《政府工作报告》。\n"
            "报告指出，2018年发展主要预期目标是：国内生产总值增长6.5%左右。")
    m = meta_of(page, gaz)
    assert (m.region, m.report_year, m.meeting_date) == ("中华人民共和国", 2018, None)
    delivered = "3月5日，李克强总理代表国务院在十三届全国人大一次会议上作《政府工作报告》。\n" + page.split("\n")[1]
    assert meta_of(delivered, gaz).meeting_date == "2018-03-05"


def test_a_news_report_of_the_national_congress(gaz: Gazetteer) -> None:
    m = meta_of("十四届全国人大三次会议5日上午在人民大会堂开幕，国务院总理李强向大会作政府工作报告。\n"
                "2024年工作回顾\n国内生产总值增长5%。", gaz)
    assert (m.region, m.level, m.congress, m.speaker, m.speaker_title) == (
        "中华人民共和国", "national", "第十四届全国人民代表大会第三次会议", "李强", "总理")


def test_a_region_written_with_its_parent(gaz: Gazetteer) -> None:
    m = meta_of("——2020年1月8日在乐山市沐川县第十八届人民代表大会第五次会议上\n县长 李明\n各位代表：", gaz)
    assert (m.region, m.adcode, m.province, m.level) == ("乐山市沐川县", "511129", "四川省", "county")


def test_a_digest_that_says_the_report_set_out_a_years_targets_after_a_comma() -> None:
    # 报告提出，2024年全县经济社会发展的主要预期目标是…: the comma and the longer phrase hid the year
    text = ("1月9日，长沙县第十八届人民代表大会第三次会议开幕。县长李某代表县人民政府作政府工作报告。\n"
            "报告提出，2025年全县经济社会发展的主要预期目标是：地区生产总值增长6%左右。\n")
    meta = govreport.extract_text(text).meta
    assert (meta.report_year, meta.meeting_date, meta.region) == (2025, "2025-01-09", "长沙县")


def test_the_delivery_sentence_names_the_speaker_of_a_region_with_a_long_name() -> None:
    # 代表金平苗族瑶族傣族自治县人民政府: thirteen characters before 政府 hid the speaker
    text = ("2月19日上午，金平苗族瑶族傣族自治县第十六届人民代表大会第二次会议开幕。\n"
            "县长赵某某代表金平苗族瑶族傣族自治县人民政府向大会作政府工作报告。\n")
    meta = govreport.extract_text(text).meta
    assert (meta.speaker, meta.speaker_title) == ("赵某某", "县长")


def test_a_traditional_mirrors_spelling_of_a_region_name_is_the_region() -> None:
    # 浚县 goes to 濬縣 in an s2t mirror and comes back from t2s as 濬县, which no table lists
    text = ("——2020年1月5日在濬縣第十五屆人民代表大會第五次會議上\n各位代表：\n"
            "現在，我代表縣人民政府向大會報告工作，請予審議，並請各位政協委員和其他列席人員提出意見。\n"
            "一、2019年工作回顧\n全縣地區生產總值增長5%，經濟運行穩中向好，財政收入穩步增長。\n")
    meta = govreport.extract_text(text).meta
    assert (meta.region, meta.adcode, meta.province) == ("浚县", "410621", "河南省")


def test_words_describing_the_meeting_are_no_region(gaz: Gazetteer) -> None:
    # 万众期待的县第九届…: the words before 县 praise the meeting; the page's own line names the county
    m = meta_of("盐亭县融媒体中心主办\n前天，万众期待的县第九届人民代表大会第二次会议开幕。县长王某作政府工作报告。\n"
                "过去一年，全县经济平稳。我县将继续努力。", gaz)
    assert (m.region, m.adcode) == ("盐亭县", "510723")
    m = meta_of("前天，万众期待的县第九届人民代表大会第二次会议开幕。县长王某作政府工作报告。", gaz)
    assert m.region is None


def test_a_digest_that_gives_a_years_targets_dates_the_report(gaz: Gazetteer) -> None:
    m = meta_of("县长王某作政府工作报告。\n“2020年我县经济社会发展的主要预期目标是：生产总值增长7%以上……”", gaz)
    assert m.report_year == 2020
    # a review that says last year's goals were met is not the setting of them
    assert meta_of("县长王某作政府工作报告。\n2019年主要预期目标全面完成。", gaz).report_year is None


def test_a_digest_listing_the_reports_parts_dates_it(gaz: Gazetteer) -> None:
    m = meta_of("县长某某作政府工作报告。报告分三个部分：一是2012年政府工作回顾；二是2013年工作安排；"
                "三是加强政府自身建设。", gaz)
    assert m.report_year == 2013


def test_a_december_meeting_whose_parts_name_next_years_work(gaz: Gazetteer) -> None:
    m = meta_of("12月10日下午，雷山县第十六届人民代表大会第一次会议隆重开幕。县人民政府代理县长袁刚向大会作"
                "《政府工作报告》。报告分三个部分：一是过去五年工作回顾；二是今后五年主要工作任务；三是2012年重点工作。",
                gaz)
    assert (m.report_year, m.meeting_date, m.speaker_title) == (2011, "2011-12-10", "代理县长")


def test_a_digests_heading_of_the_years_targets_dates_it(gaz: Gazetteer) -> None:
    assert meta_of("报告摘要\n■ 2022年经济社会发展的主要预期目标\n●经济增长6%左右\n", gaz).report_year == 2022


def test_what_a_digest_says_the_report_gave_for_a_year_dates_it(gaz: Gazetteer) -> None:
    page = ("1月20日上午，某省十四届人大三次会议开幕。省长某某作政府工作报告。\n报告指出：\n"
            "●2024年全省地区生产总值增长5.1%；\n")
    m = meta_of(page, gaz)
    assert (m.report_year, m.meeting_date) == (2025, "2025-01-20")
    # a year that is something (2025年是…收官之年) is the report's own year
    assert meta_of("报告指出，2025年是“十四五”规划收官之年。", gaz).report_year == 2025


def test_a_name_the_table_lacks_must_read_as_one(gaz: Gazetteer) -> None:
    # a headline run into the lede's line (…建陇东南大市⏎市四届人大…) gives no region
    m = meta_of("绘十一五蓝图 建陇东南大市\n市四届人大七次会议今日开幕\n", gaz)
    assert m.region is None


def test_the_place_in_the_speakers_offices(gaz: Gazetteer) -> None:
    m = meta_of("会议开幕。在热烈的掌声中，中共株洲市委副书记、市长毛腾飞作政府工作报告。毛腾飞说，2014年经济平稳。"
                "预计完成地区生产总值2200亿元。毛腾飞指出，2015年政府工作的总体要求是：稳中求进。", gaz)
    assert (m.region, m.adcode, m.report_year, m.speaker_title) == ("株洲市", "430200", 2015, "市长")


def test_a_title_that_names_the_meeting_with_the_day_in_brackets_below(gaz: Gazetteer) -> None:
    m = meta_of("正镶白旗第十五届人民代表大会第三次会议政府工作报告\n海青\n(2019年2月3日)\n各位代表：\n"
                "现在，我代表旗人民政府向大会作工作报告。", gaz)
    assert (m.region, m.meeting_date, m.report_year, m.congress, m.speaker) == (
        "正镶白旗", "2019-02-03", 2019, "第十五届人民代表大会第三次会议", "海青")


def test_the_dated_heading_over_a_title_that_names_the_meeting_undated(gaz: Gazetteer) -> None:
    # a repost's title (某市长在…第四次会议的政府工作报告) stands above the report's own dated line
    m = meta_of("龚正市长在上海市第十六届人民代表大会第四次会议的政府工作报告\n"
                "政府工作报告 ——2026年2月3日在上海市第十六届人民代表大会第四次会议上 上海市市长 龚正 各位代表：现在，"
                "我代表上海市人民政府，向大会报告工作。", gaz)
    assert (m.meeting_date, m.region, m.speaker) == ("2026-02-03", "上海市", "龚正")


def test_a_news_report_that_says_the_speaker_reported_on_the_work() -> None:
    # 区长某某代表某区人民政府向大会报告工作 (the report's own words) names who delivered it
    page = ("2月26日上午，章贡区第五届人民代表大会第四次会议隆重开幕。区委副书记、区长连天浪代表章贡区人民政府"
            "向大会报告工作。\n")
    m = govreport.extract(page).meta
    assert (m.speaker, m.speaker_title, m.region) == ("连天浪", "区长", "章贡区")


def test_a_transliterated_name_on_the_signature_line(gaz: Gazetteer) -> None:
    # a Mongolian name has no surname and may run to six or seven characters: the line's end bounds it
    m = meta_of("政府工作报告\n——2021年1月8日在某旗第十七届人民代表大会第五次会议上\n某旗人民政府旗长 额尔敦巴雅尔\n"
                "各位代表：\n现在，我代表旗人民政府向大会报告工作。", gaz)
    assert (m.speaker, m.speaker_title) == ("额尔敦巴雅尔", "旗长")
    m = meta_of("政府工作报告\n——2021年1月8日在某旗第十七届人民代表大会第五次会议上\n某旗人民政府旗长额尔敦巴雅尔\n"
                "各位代表：\n", gaz)
    assert m.speaker == "额尔敦巴雅尔"
    # a headline's title before the delivery is no signature (江阴市长 作政府工作报告)
    headline = "【两会】某某市长 作政府工作报告\n1月10日，某某市第十八届人民代表大会第三次会议开幕。"
    assert meta_of(headline, gaz).speaker is None


def test_a_transliterated_name_in_a_news_sentence_that_quotes_it() -> None:
    # between the title and the delivery, a long name counts when the page quotes it by it (…说：)
    lede = ("4月20日上午，阿鲁科尔沁旗第十七届人民代表大会第四次会议开幕。旗委副书记、旗长孟和乌力吉代表旗人民政府，"
            "向大会作工作报告。\n")
    m = govreport.extract(lede + "孟和乌力吉说：过去一年，全旗地区生产总值增长4.1%。\n").meta
    assert (m.speaker, m.speaker_title, m.region) == ("孟和乌力吉", "旗长", "阿鲁科尔沁旗")
    # not quoted: the words between a title and the delivery may be anything (受县长委托…)
    assert govreport.extract(lede + "过去一年，全旗地区生产总值增长4.1%。\n").meta.speaker is None


def test_news_before_the_national_session_opens_dates_the_report_by_its_session(gaz: Gazetteer) -> None:
    # 十四届全国人大四次会议将于今日开幕，国务院总理李强将作政府工作报告: the session's year (2026), and
    # 将 (will) is no part of the name
    m = meta_of("十四届全国人大四次会议将于今日上午9时在北京开幕，国务院总理李强将作政府工作报告。报告提到，"
                "今年发展主要预期目标是：经济增长4.5%—5%。", gaz)
    assert (m.region, m.report_year, m.speaker, m.speaker_title) == ("中华人民共和国", 2026, "李强", "总理")


def test_the_day_of_delivery_in_a_caption_the_cleaner_cut(gaz: Gazetteer) -> None:
    # news of the national report: the photo's caption is the only sentence giving the day it was made
    page = ("新华社受权播发《政府工作报告》\n3月5日，李强总理代表国务院在十四届全国人大四次会议上作《政府工作报告》。"
            "新华社记者 某某 摄\n新华社北京3月13日电 新华社受权于13日全文播发李强总理代表国务院在十四届全国人大四次"
            "会议上所作的《政府工作报告》。\n报告指出，今年发展主要预期目标是：经济增长4.5%-5%。\n")
    m = meta_of(page, gaz)
    assert (m.region, m.report_year, m.meeting_date) == ("中华人民共和国", 2026, "2026-03-05")


def test_estimates_under_a_paragraph_that_opens_on_its_year_date_the_digest(gaz: Gazetteer) -> None:
    m = meta_of("一图读懂政府工作报告\n2020年，在市委坚强领导下，我们保持了经济持续健康发展。\n"
                "预计地区生产总值260亿元、增长4.5%。\n", gaz)
    assert m.report_year == 2021


def test_a_digest_whose_review_and_plans_name_a_period_before_the_year(gaz: Gazetteer) -> None:
    # 回顾了“十二五”时期和2015年…，提出了“十三五”时期…和2016年重点工作; a goal's 到2035年 dates nothing
    assert meta_of("会上，主席某某作了政府工作报告，回顾了“十二五”时期和2015年经济社会发展。", gaz).report_year == 2016
    assert meta_of("报告提出了“十三五”时期的主要任务和2016年重点工作。", gaz).report_year == 2016
    assert meta_of("报告提出了到2035年基本实现现代化的目标。", gaz).report_year is None


def test_a_heading_that_reviews_one_year_and_plans_the_next_is_not_a_digest_of_the_next(gaz: Gazetteer) -> None:
    # 回顾和1994年 is no 回顾了…和1994年: the report is not taken for 1995's
    m = meta_of("各位代表：\n一、1993年国内工作的回顾和1994年工作的主要任务\n今年计划国内生产总值增长百分之九。", gaz)
    assert m.report_year != 1995


def test_a_title_naming_the_province_in_brackets_then_the_year_and_the_county(gaz: Gazetteer) -> None:
    # a document site's title: (某省)2019年某县人民政府工作报告(全文): the county, not the province
    m = meta_of("(四川省)2019年沐川县人民政府工作报告(全文)\n各位代表：\n一、2018年工作回顾\n", gaz)
    assert (m.region, m.adcode, m.province) == ("沐川县", "511129", "四川省")
    m = meta_of("（河南省）新县人民政府工作报告\n各位代表：\n", gaz)
    assert (m.region, m.province) == ("新县", "河南省")


def test_the_last_place_of_a_title_line_the_ones_before_it_place(gaz: Gazetteer) -> None:
    m = meta_of("四川省 乐山市 沐川县2019年政府工作报告\n各位代表：\n", gaz)
    assert m.adcode == "511129"


def test_the_speaker_below_a_meeting_line_that_a_pages_summary_also_holds() -> None:
    lines = ["(湖南省)2020年新晃侗族自治县政府工作报告(全文)", "2020年6月4日在县十七届人大五次会议上", "王某某",
             "各位代表：", "现在，我代表县人民政府向大会报告工作。"]
    text = "公文搜 政府报告\n" + " ".join(lines)[:50] + "\n" + "\n".join(lines) + "\n一、2019年工作回顾\n"
    m = govreport.extract_text(text).meta
    assert (m.region, m.speaker, m.meeting_date) == ("新晃侗族自治县", "王某某", "2020-06-04")


def test_a_speakers_name_the_pages_summary_cut_is_read_whole_where_the_text_gives_it() -> None:
    # the summary stops inside the name (县长 李静); the page's own lines below give it whole
    top = "政府工作报告 2021年1月6日在某某县第六届人民代表大会第六次会议上 某某县人民政府县长 "
    text = f"公文搜 政府报告\n{top}李静\n{top}李静芹\n各位代表：\n现在，我代表县人民政府向大会报告工作。\n"
    assert govreport.extract_text(text).meta.speaker == "李静芹"
    # a name followed by more words further on is no longer name (县长李静说)
    text = f"公文搜 政府报告\n{top}李静\n各位代表：\n现在，我代表县人民政府向大会报告工作。县长李静说：好。\n"
    assert govreport.extract_text(text).meta.speaker == "李静"


def test_a_page_that_names_its_autonomous_county_short_and_speaks_for_its_government() -> None:
    # 我谨代表沧源县政府 (谨, no 人民): the county, under its official name
    text = "沧源2024年工作报告\n尊敬的各位领导：\n我谨代表沧源县政府，向大家汇报2023年的工作成果。\n"
    m = govreport.extract_text(text).meta
    assert (m.region, m.adcode, m.level) == ("沧源佤族自治县", "530927", "county")


def test_a_digest_that_says_what_doing_a_years_work_well_means(gaz: Gazetteer) -> None:
    # 做好2013年的政府工作，至关重要: the report sets out that year's work (2012年，是…的一年 before it)
    text = ("2月20日，某县第十五届人民代表大会第二次会议开幕。\n报告指出，2012年，是我县快速发展的一年。\n"
            "县长在报告中指出，做好2013年的政府工作，至关重要。\n")
    assert meta_of(text, gaz).report_year == 2013


def test_a_newspaper_page_dates_the_report_it_reports_by_its_masthead(gaz: Gazetteer) -> None:
    # 2019年01月28日 星期一 over 市长作政府工作报告提出今年…目标: the report of that year
    page = "2019年01月28日 星期一\n要闻\n某某作政府工作报告提出今年主要预期目标\n■全市生产总值增长6%左右。\n"
    assert meta_of(page, gaz).report_year == 2019
    # a date without the weekday of a masthead (a repost's), or news that names no year's goals
    assert meta_of(page.replace(" 星期一", ""), gaz).report_year is None
    assert meta_of(page.replace("提出今年主要预期目标", "引起热议"), gaz).report_year is None
    # the masthead at the page's foot, the news of what the report said of last year
    news = ("本报讯 日前召开的县十七届人大三次会议上，县长王明作政府工作报告。报告显示，去年全县实现地区生产总值"
            "168亿元，增长7%。\n2024年02月27日 星期二")
    assert meta_of(news, gaz).report_year == 2024
    assert govreport.extract_text(news).facts[0].period == 2023


def test_a_year_a_digest_says_the_report_reviewed_is_not_the_reports_though_called_pivotal(gaz: Gazetteer) -> None:
    # 回顾了2018年的工作。他说，2018年，是…开局之年: a year looked back on, the report is 2019's
    text = ("3月5日，某县第十六届人民代表大会第四次会议开幕。\n县长某某向大会作《政府工作报告》。\n"
            "某某首先回顾了2018年县人民政府工作。他说，2018年，是贯彻落实新部署的开局之年。"
            "全年完成生产总值37.2亿元，增长8.4%。\n")
    assert meta_of(text, gaz).report_year == 2019
    # a pivotal year no review names stays the report's own
    assert meta_of(text.replace("首先回顾了2018年县人民政府工作", "首先作了报告"), gaz).report_year == 2018


def test_a_county_renamed_in_its_report_year_resolves_as_it_was_when_the_report_was_read(gaz: Gazetteer) -> None:
    # the division table holds each year's end: 上饶县 became 广信区 in mid-2019, its March report
    # of that year was still the county's
    text = "3月6日，上饶县第十六届人民代表大会第四次会议开幕。\n一、2018年工作回顾\n各位代表：\n"
    m = meta_of(text, gaz)
    assert (m.region, m.adcode, m.report_year) == ("上饶县", "361121", 2019)


def test_a_year_called_hard_lived_a_clause_or_two_on_is_the_one_the_digest_reviews(gaz: Gazetteer) -> None:
    # 报告指出，2022年，是…的重要一年，也是…极其艰难、极不平凡的一年: lived, the report is 2023's (its
    # targets are then dated and kept)
    text = ("2月20日，某某藏族自治州第十五届人民代表大会第四次会议开幕。\n"
            "报告指出，2022年，是迈上全面建设社会主义现代化国家新征程、向第二个百年奋斗目标进军的重要一年，"
            "也是我州发展进程中极具考验、极其艰难、极不平凡的一年。\n全州划定发展预期目标，地区生产总值增长3%。\n")
    assert meta_of(text, gaz).report_year == 2023
    assert [f.period for f in govreport.extract_text(text).facts] == [2023]


def test_a_report_on_its_governments_own_site_is_placed_by_the_sites_footer() -> None:
    # the text says only 我代表县人民政府 and 全县; the footer cleaning cuts names the site's owner
    page = ("首页 > 政务公开 > 政府工作报告\n政府工作报告\n各位代表：\n现在，我代表县人民政府向大会报告工作。\n"
            "一、2020年工作回顾\n2020年，全县地区生产总值完成85.2亿元，增长3.1%。\n"
            "版权所有：永靖县人民政府办公室 主办 陇ICP备00000000号\n")
    m = govreport.extract_text(page).meta
    assert (m.region, m.adcode) == ("永靖县", "622923")
    # a city's report on a county's site, or a footer naming two governments: no place is told
    assert govreport.extract_text(page.replace("代表县", "代表市").replace("全县", "全市")).meta.region is None
    assert govreport.extract_text(page.replace("主办", "主办：临夏县人民政府")).meta.region is None
    # a repost that names its source: 来源：某县人民政府网
    repost = page.replace("版权所有：永靖县人民政府办公室 主办", "（来源：永靖县人民政府网）")
    assert govreport.extract_text(repost).meta.region == "永靖县"


def test_a_digest_giving_the_day_of_the_report_it_is_about_is_dated_by_it(gaz: Gazetteer) -> None:
    # 编者按：…都在2016年3月2日的某县政府工作报告中做了部署: the day it was delivered
    text = ("编者按：就业、医疗、养老等民生大事，都在2016年3月2日的岚皋县政府工作报告中做了部署。\n"
            "县长李明在岚皋县十七届人大五次会议上所作的政府工作报告，得到代表们的赞许。\n"
            "主要目标\n生产总值增长9%左右，社会消费品零售总额增长12%左右。\n")
    m = meta_of(text, gaz)
    assert (m.report_year, m.meeting_date, m.speaker) == (2016, "2016-03-02", "李明")
    assert meta_of(text.replace("的岚皋县", "安康市岚皋县"), gaz).meeting_date == "2016-03-02"
    # a day of something else before the report's name dates nothing
    assert meta_of(text.replace("2016年3月2日的", "2016年3月2日开通的网站和"), gaz).report_year is None


def test_a_province_called_by_its_stem_and_全省_is_the_reports(gaz: Gazetteer) -> None:
    # 提出了2020年安徽发展预期目标…全省生产总值…美好安徽: no 安徽省 written out
    text = ("在政府工作报告中，提出了2020年安徽发展预期目标。\n今年的主要预期目标是，全省生产总值增长7.5%，"
            "深化与江苏的合作。\n加快建设美好安徽。\n")
    assert meta_of(text, gaz).region == "安徽省"
    # a county's text naming its province by the stem is no province's report
    assert meta_of(text.replace("全省", "全县"), gaz).region is None


def test_a_news_page_of_a_local_paper_is_placed_by_the_paper() -> None:
    # a city paper's page on its city's report, which names the city only as 市 and 我市
    page = ("刊发时间：2019-02-05 A2版\n2月3日上午，市五届人大二次会议开幕，市长王建国在所作的政府工作报告中"
            "回顾了过去一年的工作。报告指出，去年我市生产总值达到610亿元。\n版权所有：玉溪日报社\n")
    m = govreport.extract_text(page).meta
    assert (m.region, m.adcode, m.speaker) == ("玉溪市", "530400", "王建国")
    # a county's report in its city's paper; a district's in a national paper named like a district
    assert govreport.extract_text(page.replace("市五届", "县五届").replace("我市", "我县")).meta.region is None
    district = page.replace("市五届", "区五届").replace("我市", "我区").replace("市长", "区长")
    assert govreport.extract_text(district.replace("玉溪日报", "光明日报")).meta.region is None
    # a name of a rarer surname (续, 庹)
    for name in ("续明", "庹小平"):
        assert govreport.extract_text(page.replace("王建国", name)).meta.speaker == name
    # a county's media centre, its name written out
    county = page.replace("市五届", "县五届").replace("我市", "我县").replace("市长", "县长")
    assert govreport.extract_text(county.replace("玉溪日报社", "峨山彝族自治县融媒体中心")).meta.region == \
        "峨山彝族自治县"
    # a city paper's edition for phones (责编：某某手机报)
    assert govreport.extract_text(page.replace("版权所有：玉溪日报社", "责编：玉溪手机报")).meta.region == "玉溪市"


@pytest.mark.parametrize("heading", ["一、2020年工作和“十三五”发展回顾", "一、2020年工作和十三五时期发展成就回顾",
                                     "一、2020年和过去五年工作回顾"])
def test_a_review_heading_of_a_year_and_the_plan_it_closes_dates_the_next_years_report(
        gaz: Gazetteer, heading: str) -> None:
    # not read as 一、2020年工作, a heading of the year's work ahead
    assert meta_of(f"政府工作报告\n各位代表：\n{heading}\n全县地区生产总值完成168.5亿元。\n", gaz).report_year == 2021


def test_a_title_with_the_year_in_brackets_after_it_dates_the_report(gaz: Gazetteer) -> None:
    # 某县人民政府工作报告（2014年）: a document site's title; a full date in brackets is the day's
    body = "\n各位代表：\n现在我代表县人民政府向大会报告工作。\n过去的一年，全县地区生产总值完成186亿元。\n"
    assert meta_of("平江县人民政府工作报告（2014年）" + body, gaz).report_year == 2014
    assert meta_of("平江县人民政府工作报告(2014)" + body, gaz).report_year == 2014
    assert meta_of("平江县人民政府工作报告（2014年度）" + body, gaz).report_year is None


def test_a_web_title_that_drops_the_years_nian_dates_the_report(gaz: Gazetteer) -> None:
    body = "\n各位代表：\n过去的一年，全市地区生产总值增长6.5%。\n"
    assert meta_of("吉林市2024政府工作报告" + body, gaz).report_year == 2024
    assert meta_of("20240115政府工作报告" + body, gaz).report_year is None  # a date's digits, no year


def test_a_year_the_report_said_was_one_of_progress_then_estimated_dates_the_digest(gaz: Gazetteer) -> None:
    # 报告指出，2012年，是…的一年。…。预计实现生产总值…: the estimates are of 2012, the report is 2013's
    text = ("2月20日上午，某某自治县第十五届人民代表大会第二次会议开幕。县长某某作政府工作报告。\n"
            "政府工作报告指出，2012年，是我县经济社会快速发展、民生问题得到较好解决的一年。我们圆满完成了各项目标任务。"
            "预计实现生产总值20.4亿元，同比增长15.3%。\n")
    assert meta_of(text, gaz).report_year == 2013
    # no estimate after it: the year may be the report's own, nothing is told
    assert meta_of(text.replace("预计实现", "实现"), gaz).report_year is None


def test_what_the_report_is_said_to_have_said_of_a_year_dates_the_digest_unless_it_looks_ahead(gaz: Gazetteer) -> None:
    # 作政府工作报告时说，2017年全县实现…: the year's results; 报告中指出，2018年，全县将…: the year ahead
    lede = "1月8日上午，某某县第十七届人民代表大会第三次会议开幕。\n"
    assert meta_of(lede + "县长某某作政府工作报告时说，2017年全县实现地区生产总值158亿元。\n", gaz).report_year == 2018
    assert meta_of(lede + "某某在报告中指出，2018年，全县将迎来建县60周年。\n", gaz).report_year != 2019


def test_a_review_opening_on_this_year_is_delivered_in_the_year_it_reviews(gaz: Gazetteer) -> None:
    def year(opening: str) -> int | None:
        page = f"在某县第十八届人民代表大会第三次会议上的政府工作报告\n各位代表：\n一、2023年工作回顾\n{opening}"
        return meta_of(page, gaz).report_year
    assert year("今年是全面贯彻某精神的开局之年。预计全年地区生产总值增长6.5%。") == 2023
    assert year("今年以来，全县上下负重前行。") == 2023
    assert year("2023年，是极不平凡的一年。今年是关键之年。") == 2024


def test_a_page_date_in_full_width_digits_dates_the_news(gaz: Gazetteer) -> None:
    page = ("编辑：某某 ２０１８-０１-２４ 16:20 内容来源：某某网\n"
            "1月24日上午，某县第十八届人民代表大会第二次会议开幕，县长王明作政府工作报告。")
    m = govreport.extract(page).meta  # the page's date stands in chrome the cleaner removes
    assert (m.meeting_date, m.report_year) == ("2018-01-24", 2018)


def test_what_the_speaker_says_of_a_year_in_a_digest_dates_it(gaz: Gazetteer) -> None:
    page = ("在某县第二届人民代表大会第一次会议上，县长某某代表县人民政府作政府工作报告。他说，2021年全县地区生产总值"
            "增长8%。")
    assert meta_of(page, gaz).report_year == 2022
    assert meta_of(page.replace("他说，2021年全县", "他说，2022年全县将"), gaz).report_year is None  # a year ahead
