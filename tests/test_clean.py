from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govreport.clean import _line_patterns, clean, compile_patterns, default_passes, normalize_characters


def kinds(raw: str) -> set[str]:
    return {e.kind for e in clean(raw).edits}


def test_site_chrome_and_footer_go() -> None:
    raw = ("导航菜单\n\n各位代表:\n\n  正文第一段。\n\n本文仅代表作者观点,不代表本站立场。\n\n"
           "本文地址:/a/1.html\n\n留言与评论(共有 条评论)\n验证码:")
    c = clean(raw)
    assert c.text == "各位代表：\n\n  正文第一段。"  # the ASCII colon after Chinese text is read as ：
    assert "boilerplate" in kinds(raw)


def test_spam_anchor_inside_a_sentence_is_cut() -> None:
    c = clean("建议您到相关地区政府九游会俱乐部j9入口官网浏览。")
    assert c.text == "建议您到相关地区政府官网浏览。"
    assert [e.raw for e in c.edits if e.kind == "spam"] == ["九游会俱乐部j9入口"]


def test_ocr_digit_slips_are_repaired() -> None:
    c = clean("新增市场主体IL9万户，绿化覆盖率达到4L6%。")
    assert "11.9万户" in c.text and "41.6%" in c.text
    assert {e.raw for e in c.edits if e.kind == "ocr_digit"} == {"IL9", "4L6"}


def test_an_o_read_for_a_zero_inside_a_number_is_one() -> None:
    c = clean("2O19年，地区生产总值3OO亿元，增长6.O%，高于预期1O个百分点。")
    assert c.text == "2019年，地区生产总值300亿元，增长6.0%，高于预期10个百分点。"
    assert clean("CO2排放下降，H2O循环，5G基站。").text == "CO2排放下降，H2O循环，5G基站。"


def test_latin_words_are_not_digits() -> None:
    assert clean("L2级自动驾驶和GDP。").text == "L2级自动驾驶和GDP。"


def test_page_markers_that_split_words_are_removed() -> None:
    body = "甲" * 200
    raw = f"1、开头{body}\n2、中间{body}资金4\n3、.3亿元{body}\n4、结尾。"
    c = clean(raw)
    assert "资金4.3亿元" in c.text
    assert "\n2、" not in c.text
    # in a copy that sets every line in, the indent goes with the marker
    indent = "\u3000\u3000"
    c = clean(f"{indent}1、开头{body}\n{indent}2、中间{body}资金4\n{indent}3、.3亿元{body}\n{indent}4、结尾。")
    assert "资金4.3亿元" in c.text and "2、" not in c.text


def test_entities_are_read_before_the_lines_are() -> None:
    # a line of &nbsp; alone is a blank line; an indent of them, an indent
    raw = ("政 府 工 作 报 告\n&nbsp;&nbsp;\n&nbsp;&nbsp;  ——2023年2月22日在连州市第十六届\n&nbsp;&nbsp;\n"
           "&nbsp;&nbsp;  人民代表大会第三次会议上\n&nbsp;&nbsp;\n&nbsp;&nbsp;  市长 戴少枚\n&nbsp;&nbsp;\n"
           "&nbsp;&nbsp;  各位代表：\n&nbsp;&nbsp;\n&nbsp;&nbsp;  现在，我代表市人民政府向大会报告工作。")
    c = clean(raw)
    assert "——2023年2月22日在连州市第十六届人民代表大会第三次会议上\n" in c.text and "&nbsp;" not in c.text


def test_a_full_width_dot_a_page_marker_stood_before_is_a_decimal_point() -> None:
    body = "甲" * 200
    c = clean(f"1、开头{body}\n2、中间{body}资金４\n3、．３亿元{body}\n4、结尾。")
    assert "资金4.3亿元" in c.text


def test_a_short_numbered_list_is_not_page_markers() -> None:
    raw = "重点工作：\n1、抓项目。\n2、稳就业。\n3、保民生。"
    assert "1、抓项目" in clean(raw).text


def test_double_one_dash_width_and_spaces() -> None:
    c = clean("建设完成。一一枢纽功能完备，增长１２．５％，人口1 9 9 3人。")
    assert "——枢纽" in c.text
    assert "12.5%" in c.text
    assert "1993人" in c.text


def test_zero_width_and_broken_lines_are_joined() -> None:
    c = clean("各位代表：\n国内生产总值达到74.4\n\u200b\n万亿元，增长6.7%。\n一、回顾\n正文。")
    assert "达到74.4万亿元，增长6.7%" in c.text
    assert "\n一、回顾\n" in c.text


def test_a_paragraph_that_opens_on_its_day_is_no_continuation_of_the_headline_above() -> None:
    c = clean("《政府工作报告》摘要：全县各项目标任务全面完成\n\n1月20日，县长李永军作政府工作报告。")
    assert "全面完成\n" in c.text and "\n1月20日，县长" in c.text
    assert "会议于1月20日召开" in clean("各位代表：\n会议于\n1月20日召开。").text  # a date inside a sentence


def test_a_copy_broken_at_every_token_joins_numbers_to_their_units_and_headings_that_go_on() -> None:
    c = clean("各位代表：\n一、“十三五”发展成就和\n2020\n年工作回顾\n地区生产总值从\n497.8\n亿元增加到\n779\n亿元。\n"
              "二、\n主要任务\n")
    assert "一、“十三五”发展成就和2020年工作回顾\n" in c.text
    assert "地区生产总值从497.8亿元增加到779亿元。" in c.text
    assert "\n二、\n主要任务" in c.text  # a marker alone on its line stays a heading's line


def test_a_year_spelled_with_digits_for_its_zeros() -> None:
    assert clean("由二00二年的一万亿元增加到二00七年，一九九0年。").text == \
        "由二〇〇二年的一万亿元增加到二〇〇七年，一九九〇年。"
    assert clean("12000年和十00年").text == "12000年和十00年"  # no spelled year


def test_a_dispatch_opening_on_its_dateline_is_no_continuation_of_its_headline() -> None:
    c = clean("某省十四届人大五次会议开幕 2026年将拼经济\n\n  某某网成都2月4日电 (记者)会议3日开幕。")
    assert "拼经济\n" in c.text
    assert "拼经济\n本报讯 会议开幕。" in clean("某县人大会议开幕 全力拼经济\n本报讯 会议开幕。").text


def test_a_pinyin_gloss_with_a_space_before_its_bracket() -> None:
    assert clean("第十三屆人民代表大會(huì )第五次會(huì )議開(kāi)幕。").text == "第十三屆人民代表大會第五次會議開幕。"


def test_a_gloss_a_kept_line_break_cuts_or_pushes_to_the_next_line() -> None:
    # a glossed mirror that kept its page's width: 經(jīn⏎g)費, 現⏎(xiàn)代化
    got = clean("研發(fā)經(jīn\ng)費投入強度2%以上，中國式現\n(xiàn)代化建設，經(jīng)濟增長6.5%。").text
    assert got == "研发经费投入强度2%以上，中国式现代化建设，经济增长6.5%。"
    # or right after its bracket: 與(⏎huì)
    assert clean("居民收入增長與(\nhuì)經(bào)濟增長(chǎn)基本同步。").text == "居民收入增长与经济增长基本同步。"


def test_ascii_double_quotes_around_chinese_text_are_chinese_ones() -> None:
    got = clean('"十四五"时期，打好"发展六仗"，他说 "OK" 了。').text
    assert got == '“十四五”时期，打好“发展六仗”，他说 "OK" 了。'


def test_ascii_full_stops_after_a_character_even_before_a_digit_and_heading_dots_stay() -> None:
    got = clean("各位代表:\n一.2023年工作回顾\n经济稳步攀升.2023年生产总值增长5.2%.排名第四.这一年,我们前进.").text
    assert got == "各位代表：\n一.2023年工作回顾\n经济稳步攀升。2023年生产总值增长5.2%。排名第四。这一年，我们前进。"


def test_double_prime_quotes_are_quote_marks() -> None:
    # a doc site's font sets the closing quote as 〞: “十五〞时期 is “十五”时期, a plan's name
    assert clean("一、“十五〞时期发展回顾\n〝九五〞期间").text == "一、“十五”时期发展回顾\n“九五”期间"


def test_every_edit_points_at_raw_text() -> None:
    raw = "导航菜单\n\n  各位代表:\n增长４.５％，IL9万户"
    c = clean(raw)
    for e in c.edits:
        assert raw[e.raw_start:e.raw_end] == e.raw


def test_clean_spans_map_back_into_raw() -> None:
    raw = "导航菜单\n各位代表：\n一般公共预算收入增长１２％。"
    c = clean(raw)
    i = c.text.index("12%")
    a, b = c.to_raw(i, i + 3)
    assert raw[a:b] == "１２％"


def test_traditional_script_becomes_simplified_with_offsets() -> None:
    raw = "各位代表：\n國內生產總值增長5%左右，城鎮調查失業率5.5%左右；居民消費價格漲幅3%左右，經濟發展。"
    c = clean(raw)
    assert "国内生产总值增长5%左右，城镇调查失业率5.5%左右；居民消费价格涨幅3%左右，经济发展。" in c.text
    i = c.text.index("国内生产总值")
    a, b = c.to_raw(i, i + 6)
    assert raw[a:b] == "國內生產總值"
    assert {e.kind for e in c.edits} == {"simplified"}


def test_a_white_circle_among_chinese_numerals_is_zero() -> None:
    raw = "一九八○年，也就是第五个五年计划的最后一年，二○○五年翻两番。○ 要点：○○"
    c = clean(raw)
    assert c.text == "一九八〇年，也就是第五个五年计划的最后一年，二〇〇五年翻两番。○ 要点：○○"
    assert [(e.kind, e.raw, e.replacement) for e in c.edits] == [("zero", "○", "〇")] * 3
    i = c.text.index("二〇〇五")
    assert c.to_raw(i, i + 4) == (raw.index("二○○五"), raw.index("二○○五") + 4)


def test_simplified_text_is_left_alone() -> None:
    raw = "著名的乾隆年间，发展经济。" * 3
    assert clean(raw).text == raw


def test_line_end_stamps_and_entities() -> None:
    lines = [f"第{i}段正文，在区委的坚强领导下完成了目标任务。F9f" for i in range(6)]
    raw = "各位代表：F9f\n" + "\n".join(lines) + "\n煤炭消费控制在655.9万吨以内，&l\ndquo;十三五&rdquo;任务完成。"
    c = clean(raw)
    assert "F9f" not in c.text
    assert "“十三五”任务完成" in c.text
    assert {"line_tag", "entity"} <= {e.kind for e in c.edits}


def test_five_stamped_lines_are_enough_the_last_one_without_a_line_break() -> None:
    # the count before the line-by-line look includes the last line, which no break follows
    raw = "\n".join(f"第{i}段正文，完成了目标任务。F9f" for i in range(5))
    assert "F9f" not in clean(raw).text
    four = "\n".join(f"第{i}段正文，完成了目标任务。F9f" for i in range(4))
    assert clean(four).text.count("F9f") == 4


def test_stamps_left_where_the_breaks_were_in_a_copy_that_ran_its_lines_together() -> None:
    # the stamp and the spaces after it stand where each line ended (…县长 某某C6m   各位代表：C6m   …)
    paragraphs = [f"第{i}段正文，在县委的坚强领导下，全县上下团结一心，攻坚克难，较好完成了年初确定的各项目标任务。" * 3
                  for i in range(8)]
    raw = "政府工作报告C6m   县长 某某C6m   各位代表：C6m   " + "C6m   ".join(paragraphs) + "C6m   "
    c = clean(raw)
    assert "C6m" not in c.text and c.text.count("第") == 24
    # a token that also stands elsewhere is a word, not a stamp
    assert clean(raw.replace("第0段正文", "第0段C6m正文")).text.count("C6m") == 11 + 3
    # where a line ended in letters or digits, the stamp is read off their end (…增长GDPC6m   )
    ends_in_letters = raw.replace("各项目标任务。C6m", "各项目标任务GDPC6m", 1)
    assert "C6m" not in clean(ends_in_letters).text and "GDP" in clean(ends_in_letters).text


def test_stamps_alone_on_the_blank_lines_between_paragraphs() -> None:
    # a document site stamps its tag after each paragraph and on the empty line below it
    paras = [f"第{i}段正文，在县委的坚强领导下完成了目标任务。qWe\nqWe" for i in range(4)]
    raw = "代县长某某某qWe\nqWe\n各位代表：qWe\n" + "\n".join(paras)
    c = clean(raw)
    assert "qWe" not in c.text
    assert "第3段正文，在县委的坚强领导下完成了目标任务。" in c.text
    assert "代县长某某某\n" in c.text


def test_a_pages_summary_repeating_its_header_in_one_line_goes() -> None:
    header = ["(某省)2020年某某县人民政府工作报告(全文)", "政 府 工 作 报 告", "2020年6月4日在县十七届人大五次会议上",
              "张某某", "各位代表：", "现在，我代表县人民政府向大会报告工作。"]
    summary = " ".join(header)[:60]  # run together and cut short
    c = clean("公文搜 政府报告\n" + summary + "\n" + "\n".join(header))
    assert "\n张某某\n各位代表：" in c.text
    assert c.text.count("工作报告(全文)") == 1
    assert [e.kind for e in c.edits if e.kind == "summary"] == ["summary"]
    # a line that the text below does not repeat stays
    kept = clean("公文搜 政府报告\n" + summary + "另有一句话。\n" + "\n".join(header)).text
    assert kept.count("工作报告(全文)") == 2


def test_keycap_numbers_of_a_pages_list_become_list_symbols() -> None:
    c = clean("以下是2023年工作回顾：\n1\ufe0f\u20e3 全年GDP增长8.5%。\n2\u20e3 财政收入增长10%。")
    assert c.text == "以下是2023年工作回顾：\n● 全年GDP增长8.5%。\n● 财政收入增长10%。"
    assert {e.kind for e in c.edits} == {"pictograph"}


def test_a_short_bulleted_headline_keeps_its_line_over_a_paragraph() -> None:
    c = clean("●全县综合实力上升到百强县第67位\n2012年，某县紧紧围绕发展目标，全年实现地区生产总值450亿元，增长10%。")
    assert c.text.startswith("●全县综合实力上升到百强县第67位\n2012年，")
    # a bulleted item cut at the page's width runs on into its next line
    wrapped = clean("●地区生产总值增长5%左右，一般公共预算收入增长6%，社会消费品零售总额\n增长7%。")
    assert "社会消费品零售总额增长7%。" in wrapped.text


def test_a_summarys_list_run_into_one_line_gets_its_items_back() -> None:
    c = clean("2025年工作回顾 - 地区生产总值增长5.5% [4] - 规上工业增加值增长7.6%，增长5 - 6%。")
    assert c.text == "2025年工作回顾\n●地区生产总值增长5.5% [4]\n●规上工业增加值增长7.6%，增长5 - 6%。"


def test_a_word_that_also_stands_inside_lines_is_no_stamp() -> None:
    raw = "\n".join(f"第{i}段采用5G技术。5G" for i in range(6))
    assert clean(raw).text.count("5G") == 12


def test_dots_between_digits_are_decimal_points() -> None:
    c = clean("各位代表：\n全社会固定资产投资增长14·1％，物价上涨４・５％，由艾尔肯·吐尼亚孜报告。完。")
    assert "增长14.1%，物价上涨4.5%，由艾尔肯·吐尼亚孜报告。完。" in c.text
    i = c.text.index("14.1%")
    a, b = c.to_raw(i, i + 5)
    assert c.raw[a:b] == "14·1％"


def test_a_spaced_full_width_point_between_digits() -> None:
    assert "经济增长8.8%，年均5.4%。" in clean("各位代表：\n去年经济增长8 ．8%，年均5 ．4%。").text
    # a letter-spaced copy cut at its width: the dot among a word's gap on the next line
    assert "经济增长6.5%左右" in clean("各位代表：\n主 要 目 标 是 ： 经 济 增 长 ６ \n  ．   ５ ％ 左 右 。").text


def test_a_short_ordinal_heading_line_stays_apart() -> None:
    text = clean("各位代表：\n第三，继续加强和改善宏观调控\n今年的主要目标是：经济增长速度8%。").text
    assert "第三，继续加强和改善宏观调控\n今年" in text


def test_an_app_advert_in_title_marks_is_spam_even_mid_word() -> None:
    c = clean("各位代表：\n今年粮食产量保持1.4万亿斤左《鸿运APP下载》右，《政府工作报告》提出。")
    assert "1.4万亿斤左右，《政府工作报告》提出。" in c.text


@given(st.text(alphabet="12.  \u3000\t万年月日%a", max_size=30))
def test_number_spaces_found_by_str_find_equal_the_plain_regex(text: str) -> None:
    from govreport.clean import _NUM_SPACE, join_number_spaces

    def joins(m: re.Match[str]) -> bool:
        before, after = text[m.start() - 1], text[m.end()]
        if before in ".年月" and not after.isdigit():
            return False
        run = re.match(r"\d+", text[m.end():])
        if not before.isdigit() or run is None:
            return True
        # a group of thousands, or one digit after one digit (spaced out): not after a longer number
        return len(run.group()) == 3 or (len(run.group()) == 1 and not text[m.start() - 2:m.start() - 1].isdigit())

    reference = [(m.start(), m.end(), "", "number_space") for m in _NUM_SPACE.finditer(text) if joins(m)]
    assert list(join_number_spaces(text)) == reference


def test_spaced_dates_join_but_a_page_number_before_a_year_stays_apart() -> None:
    c = clean("各位代表：\n2021 年 2 月 4 日在某县会议上。1 2021 年报告。农村人均收入3 054元，1 9 9 3年。")
    assert "2021年2月4日在某县会议上。1 2021年报告。农村人均收入3054元，1993年。" in c.text


def test_a_page_number_left_inside_an_amount_at_a_pages_foot() -> None:
    # 社会消费品零售总额完成16.11 1⏎⏎亿元: the page's number goes, the amount is whole again
    c = clean("各位代表：\n全年社会消费品零售总额完成16.11 1\n\n亿元，增长14.6%。\n")
    assert "社会消费品零售总额完成16.11亿元，增长14.6%。" in c.text
    # or inside a word or a number the page's last line cut, before the blank line of the page break
    cut = clean("各位代表：\n城镇登记失 3\n\n业率控制在4 13\n\n.6%以内。")
    assert cut.text.endswith("城镇登记失业率控制在4.6%以内。")
    assert clean("各位代表：\n收入26096元和1 1\n\n0736元。").text.endswith("收入26096元和10736元。")
    # a count before its unit stays (新增 3⏎⏎个), and a number spaced out goes on
    assert clean("各位代表：\n全年新增 3\n\n个园区。").text.endswith("新增 3个园区。")
    # a digit after a number of several, a space between, is no part of it (a spaced-out one is)
    assert clean("各位代表：\n共有16.11 1个。").text.endswith("16.11 1个。")
    assert clean("各位代表：\n增长1 2 . 5 %。").text.endswith("增长12.5%。")


def test_a_question_mark_set_apart_at_a_line_end_is_debris() -> None:
    c = clean("政府工作报告 ?\n某县人民政府县长 张三 ?\n各位代表：\n这是问题吗?\n")
    assert c.text == "政府工作报告\n某县人民政府县长 张三\n各位代表：\n这是问题吗?"


# --- what local pages carry (paraphrased constructions, not corpus text) -----------------------------

def test_pinyin_glosses_go_before_the_script_is_simplified() -> None:
    raw = "各位代表：\n預(yù)計(jì)全縣生產(chǎn)總值增長(zhǎng)6%，財(cái)政收入增長(de)5%。"
    c = clean(raw)
    assert "预计全县生产总值增长6%，财政收入增长5%。" in c.text
    assert {e.raw for e in c.edits if e.kind == "pinyin"} >= {"(yù)", "(jì)", "(chǎn)", "(de)"}
    i = c.text.index("生产总值")
    a, b = c.to_raw(i, i + 4)
    assert raw[a:b] == "生產(chǎn)總值"


def test_brackets_that_are_no_glosses_stay() -> None:
    # an abbreviation, an unmarked word in a text with no toned glosses, an English aside
    raw = "各位代表：\n国内生产总值(GDP)增长5%，平台(app)上线，经济(de)发展。"
    assert clean(raw).text == raw


_SYLLABLES = st.sampled_from(["jīng", "jì", "zhǎng", "cái", "huì", "bào", "yù"])  # toned: a gloss anywhere


@settings(deadline=None)  # the first example loads the pipeline's data
@given(st.lists(st.tuples(st.integers(0, 60), _SYLLABLES), max_size=25))
def test_glosses_anywhere_leave_every_fact_grounded_in_both_texts(glosses: list[tuple[int, str]]) -> None:
    import govreport

    plain = "各位代表：\n一、2024年工作回顾\n全县地区生产总值增长5.2%，一般公共预算收入13.9亿元、增长1.2%。"
    glossed = list(plain)
    for pos, syllable in sorted({p % len(plain): s for p, s in glosses}.items(), reverse=True):  # one a character
        if "\u4e00" <= plain[pos] <= "\u9fff":
            glossed.insert(pos + 1, f"({syllable})")
    raw = "".join(glossed)
    want = govreport.extract(plain).facts
    report = govreport.extract(raw)
    assert [(f.indicator, f.measure, f.value) for f in report.facts] == [(f.indicator, f.measure, f.value)
                                                                           for f in want]
    for f in report.facts:
        assert report.text[f.start:f.end] == f.quote
        a, b = report.clean.to_raw(f.start, f.end)
        assert re.sub(r"\([a-zāáǎàīíǐìūúǔùēéěèōóǒò]+\)", "", raw[a:b]) == f.quote


def test_percent_signs_typed_otherwise_and_spaced_decimals() -> None:
    c = clean("各位代表：\n经济增长6 . 5%左右，投资增长8℅，消费增长7﹪。")
    assert "经济增长6.5%左右，投资增长8%，消费增长7%。" in c.text


def test_lost_separators_between_percentages_are_put_back() -> None:
    c = clean("各位代表：\n三项指标分别增长3.5%6%5%，人口增长2%。")
    assert "分别增长3.5%、6%、5%，" in c.text
    assert [e.kind for e in c.edits if e.raw == ""] == ["separator", "separator"]
    assert "%20" in clean("见http://a.cn/b%20c。").text  # no list: an escaped URL


def test_ascii_punctuation_standing_for_chinese() -> None:
    c = clean("各位代表:\n财政收入2.01亿元,较上年增长26.4%;投资218,是上年的2倍.时间17:30,人口42,560人.")
    assert c.text == "各位代表：\n财政收入2.01亿元，较上年增长26.4%；投资218，是上年的2倍。时间17:30，人口42,560人。"
    assert "一.过去一年" in clean("一.过去一年回顾").text  # a heading's marker stays
    # a mark a page's width put at a line's start: the text before the break says what it is
    c = clean("各位代表:\n民生改善更加可感可及\n.\n\"十五五\"时期是关键时期\n,战略机遇和风险挑战并存.")
    assert c.text == "各位代表：\n民生改善更加可感可及。\n“十五五”时期是关键时期，战略机遇和风险挑战并存。"


def test_a_caption_naming_its_photographer_after_a_space_goes() -> None:
    c = clean("大会现场 王小明 摄\n【某某网讯】2月19日，某某区第六届人民代表大会第四次会议开幕。\n"
              "区长作政府工作报告 李四摄\n区长在报告中说，全区生产总值增长9%。")
    assert c.text == ("【某某网讯】2月19日，某某区第六届人民代表大会第四次会议开幕。\n"
                      "区长在报告中说，全区生产总值增长9%。")
    assert clean("各位代表：\n这是一次拍摄。").text == "各位代表：\n这是一次拍摄。"


def test_a_news_pages_stamp_widget_and_captions_in_a_double_spaced_copy() -> None:
    # the stamp line (day and time | 来源) stays a line of its own, not joined to the next; the
    # widget's two buttons (字号变大 | 字号变小) and a caption opening on 图为 and closing on 摄 go
    c = clean("新华社受权播发《政府工作报告》\n\n2026-03-16 10:40:34 | 来源:某某日报\n\n字号变大 | 字号变小\n\n"
              "  图为会场外景，代表们步入会场。摄\n\n  新华社北京3月13日电 新华社受权于13日全文播发报告。\n")
    lines = [line.strip() for line in c.text.split("\n") if line.strip()]
    assert lines == ["新华社受权播发《政府工作报告》", "2026-03-16 10:40:34 | 来源：某某日报",
                     "新华社北京3月13日电 新华社受权于13日全文播发报告。"]
    assert clean("各位代表：\n图为我们的目标，摄取营养。").text == "各位代表：\n图为我们的目标，摄取营养。"


def test_a_comma_put_before_every_mark_goes() -> None:
    c = clean("一,、2007年工作回顾\n过去的一年,,在市委领导下,实现生产总值863.73亿元,,增长15.2%,。请提出意见,。")
    assert c.text == "一、2007年工作回顾\n过去的一年，在市委领导下，实现生产总值863.73亿元，增长15.2%。请提出意见。"
    # or after one
    # (ASCII marks too)
    assert clean("增长60%.,,全省贷款余额13万亿元,,,增长8%.").text == "增长60%。全省贷款余额13万亿元，增长8%。"
    c = clean("服务业作用更加明显，,,增加值跨上3万亿元台阶，,对经济增长贡献率超60%。,,全省贷款余额13万亿元。")
    assert c.text == "服务业作用更加明显，增加值跨上3万亿元台阶，对经济增长贡献率超60%。全省贷款余额13万亿元。"


def test_the_markdown_of_a_pasted_summary_goes() -> None:
    c = clean("### 一、2023年工作回顾\n- **经济回升向好**：地区生产总值增长5.2%[4]。\n### 二、2024年目标\n正文。")
    assert c.text == "一、2023年工作回顾\n●经济回升向好：地区生产总值增长5.2%。\n二、2024年目标\n正文。"
    assert "markdown" in {e.kind for e in c.edits}
    # one stray mark is no markdown
    assert "markdown" not in {e.kind for e in clean("各位代表：\n增长5%[1]。\n# 正文。").edits}


def test_an_official_documents_running_header_goes() -> None:
    c = clean("各位代表：\n全县经济平稳，\n- 3 -\n某某县人民政府文件\n增长5%。\n关于某某县人民政府文件管理的说明。")
    assert c.text == "各位代表：\n全县经济平稳，增长5%。\n关于某某县人民政府文件管理的说明。"


def test_page_numbers_of_pdf_and_document_site_copies_go() -> None:
    c = clean("第1页共18页各位代表：\n营盘路隧道建成通车；地铁第2页共18页1、2号线建成，\n- 3 -\n全面运营。\n"
              "第 4 页 共 18 页\n正文。")
    assert c.text == "各位代表：\n营盘路隧道建成通车；地铁1、2号线建成，全面运营。\n正文。"
    assert clean("各位代表：\n增长-3 -5%之间。第一，要稳增长。").text == "各位代表：\n增长-3 -5%之间。第一，要稳增长。"


def test_the_markup_of_a_page_saved_as_text_goes_its_blocks_ending_lines() -> None:
    raw = ('<h3> 2月26日，某区第五届人民代表大会第四次会议开幕。</h3><h3></h3>'
           '<h1 style="text-align: center;"><b>2018年工作回顾</b></h1><p>全区生产总值增长<b>9.1%</b>。</p>')
    c = clean(raw)
    assert c.text == "2月26日，某区第五届人民代表大会第四次会议开幕。\n\n2018年工作回顾\n全区生产总值增长9.1%。"
    assert {e.kind for e in c.edits} >= {"markup"}
    # a lone < or two tag-like words are no page's markup
    assert clean("各位代表：\n增速<5%，<b>稳定</b>。").text == "各位代表：\n增速<5%，<b>稳定</b>。"


def test_a_pages_links_onward_and_comments_end_it() -> None:
    body = "各位代表：\n" + "全县地区生产总值增长7.5%。" * 4 + "\n"
    c = clean(body + "分享到：\n上一篇：某某市2019年政府工作报告\n下一篇：某某县2018年政府工作报告\n"
                     "猜你喜欢\n0条评论\n")
    assert c.text == body.strip()
    assert "footer" in {e.kind for e in c.edits}


def test_quote_marks_lost_as_double_semicolons_are_put_back() -> None:
    c = clean("各位代表：\n;;十二五;;时期，全县实施;;强县工程;;，生产总值增长8%;;另起一句。")
    assert c.text == "各位代表：\n“十二五”时期，全县实施“强县工程”，生产总值增长8%；；另起一句。"
    assert [e.raw for e in c.edits if e.kind == "punctuation" and e.raw == ";;"] == [";;"] * 4


def test_debris_of_copying_goes() -> None:
    c = clean("各位代表：\n□某某市人民政府市长\n发展态势：?D?D经济增长。坚持精神,*贯彻部署。")
    assert "某某市人民政府市长" in c.text and "□" not in c.text
    assert "：——经济增长。" in c.text and "，贯彻部署。" in c.text


def test_page_chrome_of_local_sites() -> None:
    raw = ("您现在所在的位置: 网站首页> 信息公开 > 政府工作报告\n"
           "您当前的位置: 某某新闻 > 时政要闻\n"
           "首页 > 专题 > 两会 > 报告解读\n"
           "发布时间:2020-05-14 来源:某某县人民政府 浏览次数: 字体:[ 大 中 小 ]\n"
           "来源:某某日报 发布日期:2020-05-14 责任编辑:张三 分享到:\n"
           "会议现场。 本网记者 李四摄\n"
           "各位代表：\n一般公共预算收入增长8%，社会(下转第四版)消费品零售总额增长6%。")
    c = clean(raw)
    assert c.text == "各位代表：\n一般公共预算收入增长8%，社会消费品零售总额增长6%。"
    # an edition's page of letter and number (下转A2版)
    assert clean("各位代表：\n社会消费品零售总额（下转A2版）增长6%。").text == "各位代表：\n社会消费品零售总额增长6%。"


def test_a_footer_marker_in_a_pages_header_opens_no_footer() -> None:
    raw = "责任编辑：张三\n各位代表：\n" + "全县经济平稳增长。" * 20 + "\n相关报道：\n链接一"
    c = clean(raw)
    assert c.text.startswith("各位代表：") and c.text.endswith("全县经济平稳增长。")


def test_a_government_sites_widgets_and_footer_go() -> None:
    raw = ("【字体：大 中 小】 打印本页 关闭窗口\n扫一扫在手机打开当前页\n2024年某县政府工作报告\n各位代表：\n"
           + "全县经济平稳增长。" * 20 + "\n（责任编辑：李四）\n分享到：微信 微博 QQ空间\n相关链接：人民网 新华网\n"
           "版权所有：某县人民政府 ICP备案号：浙ICP备12345678号")
    assert clean(raw).text == "2024年某县政府工作报告\n各位代表：\n" + "全县经济平稳增长。" * 20
    # a copyright line alone, without the markers above it
    body = "各位代表：\n" + "正文。" * 30
    assert clean(body + "\n版权所有 © 2024 某县人民政府").text == body


def test_a_government_sites_catalogue_entry_and_buttons_go() -> None:
    body = "各位代表：\n" + "全县经济平稳增长。" * 20
    raw = ("索引号：11341723003/2024-00012 主题分类：政府工作报告\n发布机构：县政府办 成文日期：2024-01-20\n"
           "【打印本页】【关闭窗口】\n阅读次数：1234\n" + body + "\n【打印】 【关闭】")
    assert clean(raw).text == body
    raw = ("• 无障碍\n  • 长辈版\n索引号: 003257952/200808-00011 组配分类: 政府工作报告\n名称: 2007年政府工作报告 "
           "文号: 200808_PF0010\n发布日期: 2007-03-02 00:00\n" + body)
    assert clean(raw).text == body


def test_a_forum_reposts_breadcrumb_post_header_and_replies_go() -> None:
    body = "政府工作报告\n各位代表：\n" + "全县经济平稳增长。" * 20
    raw = ("某某论坛 › 时政 › 查看内容\n楼主  发表于 2013-1-20 10:12:33 | 只看该作者 | 倒序浏览\n" + body
           + "\n回复 使用道具 举报\n沙发 发表于 2013-1-20 11:00\n顶一个")
    assert clean(raw).text == body


def test_a_newspaper_pages_header_goes_and_a_spaced_title_keeps_its_line() -> None:
    # (its spaces go with those of any letter-spaced line; its line stays)
    c = clean("第A3版：要闻总第393期 >2019-01-17编印\n一 图 读 懂 政 府 工 作 报 告\n2018年，全区经济平稳。")
    assert c.text == "一图读懂政府工作报告\n2018年，全区经济平稳。"


def test_letter_spaced_lines_lose_their_spaces() -> None:
    # a PDF viewer's copy of a letter-spaced page; a wider gap is a word's and stays one space
    c = clean("各位代表：\n地 区 生 产 总 值 增 长 5 . 2 % ， 财 政 收 入 增 长 3 % 。\n"
              "县 长   张 海 文 主 持 了 会 议 。\n正文。")
    assert c.text == "各位代表：\n地区生产总值增长5.2%，财政收入增长3%。\n县长 张海文主持了会议。\n正文。"
    assert {e.kind for e in c.edits} == {"letter_space"}
    # a spaced header (its salutation too), but not a name of two characters or a short spaced stretch
    c = clean("政 府 工 作 报 告\n区 长  张 海 文\n各 位 代 表 ：\n现在，我代表区人民政府报告工作。")
    assert c.text == "政府工作报告\n区长 张海文\n各位代表：\n现在，我代表区人民政府报告工作。"
    kept = "政府工作报告\n哈   热\n各位代表：\n正文 一 二。"
    assert clean(kept).text == kept
    # a glossed mirror's spaced line: the glosses go, then the spaces
    c = clean("各位代表：\n地 區(qū) 生 產(chǎn) 總 值 增 長(zhǎng) 5 % 。\n正文。")
    assert c.text == "各位代表：\n地区生产总值增长5%。\n正文。"
    # a mirror that doubled the commas after its marks, of a spaced copy: the line is spaced still
    c = clean("各位代表：\n地 区 生 产 总 值 增 长 5 % ，,, 财 政 收 入 增 长 3 % 。,,\n正文。")
    assert c.text == "各位代表：\n地区生产总值增长5%，财政收入增长3%。\n正文。"



def test_a_letter_spaced_page_cut_at_its_width_reads_as_its_sentences() -> None:
    # a PDF's letter-spaced lines, cut at the page's width: a space left at each line's end, a line of
    # a list's last figures with no three characters in a row, a short line after a comma that ends on
    # a heading's word (目标): one paragraph, no heading in it
    page = ("各位代表：\n一、2024年工作回顾\n全 县 经 济 运 行 稳 中 有 进 ， \n较 好 地 完 成 了 全 年 主 要 目 标 \n"
            "任 务 。 城 乡 居 民 人 均 可 支 配 收 入 分 别 增 长 4 . 4 % \n、 5 . 6 % 。\n")
    c = clean(page)
    assert c.text == ("各位代表：\n一、2024年工作回顾\n全县经济运行稳中有进，较好地完成了全年主要目标任务。"
                      "城乡居民人均可支配收入分别增长4.4%、5.6%。")
    assert all(c.raw[e.raw_start:e.raw_end] == e.raw for e in c.edits)
    # a glossed header cut inside a gloss, the short line after it; a cut among a word's wider gap
    # (6   .   5 cut after 6 ): the spaces and the break go, the glosses after them
    page = ("2 0 1 7 年 1 2 月 2 5 日 在 和 碩 縣 第 十 七 屆 \n人 民 代 表 大 會 ( h u ì ) 第 三 次 會 ( h u ì \n"
            ") 議 上\n哈   熱\n各 位 代 表 :\n主 要 預 期 目 標 是 : 經 濟 增 長 6 \n  .   5 % 左 右 。")
    assert clean(page).text == ("2017年12月25日在和硕县第十七届人民代表大会第三次会议上\n哈   热\n各位代表：\n"
                                "主要预期目标是：经济增长6.5%左右。")
    # a cut right before a paragraph's last mark, the mark alone on its line (an ASCII period too): the
    # mark ends the paragraph, the next opens on its own line
    page = "各位代表：\n取 得 新 的 重 大 成 就 \n.\n五 年 来 , 我 们 坚 定 推 动 高 质 量 发 展 .\n"
    assert clean(page).text == "各位代表：\n取得新的重大成就。\n五年来，我们坚定推动高质量发展。"
    # blank lines between a PDF's cut lines: the line goes on past them
    page = "各位代表：\n全 县 经 济 运 行 稳 中 有 进 ， \n\n较 好 地 完 成 了 全 年 主 要 目 标 \n\n任 务 。\n"
    assert clean(page).text == "各位代表：\n全县经济运行稳中有进，较好地完成了全年主要目标任务。"
    # a page's number and running header between two cut lines, inside a number: they go, the number
    # is whole again (its dot no full stop)
    page = ("各位代表：\n是 2 0 1 0 年 的 2 \n- 2 -\n某某县人民政府文件\n. 3 倍 ; 财 政 收 入 增 长 \n"
            "2 2 . 5 6 % 。")
    assert clean(page).text == "各位代表：\n是2010年的2.3倍；财政收入增长22.56%。"


def test_a_resolution_reposted_before_the_report_goes() -> None:
    raw = ("某县第十届人民代表大会第三次会议关于政府工作报告的决议（2020年1月9日通过）会议同意报告，"
           "决定批准这个报告。\n政府工作报告——2020年1月7日在某县第十届人民代表大会第三次会议上\n各位代表：\n正文。")
    c = clean(raw)
    assert c.text.startswith("政府工作报告——2020年1月7日")
    assert [e.kind for e in c.edits] == ["resolution"]
    c = clean("关于政府工作报告的决议\n会议同意报告。\n政府工作报告\n各位代表：\n正文。")
    assert c.text == "政府工作报告\n各位代表：\n正文。"


def test_news_that_the_meeting_passed_its_resolution_stays() -> None:
    raw = ("新华社北京3月13日电 新华社全文播发总理在会议上所作的《政府工作报告》。3月12日，会议表决通过了"
           "关于政府工作报告的决议，批准了这个报告。\n报告指出，今年经济增长5%左右。\n两会受权发布|政府工作报告\n")
    assert "报告指出，今年经济增长5%左右。" in clean(raw).text


def test_an_unnumbered_heading_after_a_line_it_would_run_into_stays_a_line() -> None:
    assert "要点速读↓\n2024年工作回顾\n" in clean("各位代表：\n要点速读↓\n2024年工作回顾\n国内生产总值增长5%。").text
    assert "2018-04-24\n4月20日" in clean("开幕 | 要闻 |2018-04-24\n4月20日上午，会议开幕。").text


def test_breadcrumbs_go_but_a_paragraph_with_markup_or_arrows_stays() -> None:
    crumbs = "首页 > 政务公开 > 政府工作报告\n"
    para = "全县地区生产总值增长5.2%。<b>重点</b>工作<i>推进</i>有力。\n"
    long_line = "项目A>项目B>" + "全年完成投资增长百分之十，" * 10 + "\n"
    text = clean("各位代表：\n" + crumbs + para + long_line).text
    assert "政务公开" not in text
    assert "重点工作推进有力" in text and "全年完成投资" in text  # (its tags go as markup)


def test_a_full_width_decimal_point_at_a_line_break_is_a_decimal_point() -> None:
    # 115．⏎6亿元 in a copy that kept its page's lines: the dot was not between digits when the
    # width pass ran, stayed full-width, and the number was lost once the line was joined
    text = clean("全年地区生产总值１１５．\n６亿元，比上年增长４．６％。\n").text
    assert "115.6亿元" in text and "4.6%" in text


def test_chrome_lines_opening_anywhere_are_tried_only_where_their_characters_are() -> None:
    patterns = compile_patterns([r"首页", r".{1,20}\.(?:docx?|pdf)", r"[\u4e00-\u9fff]{2,4}日报"], [], [])
    plain = "增长5.2%。\n首页\n经济运行稳定。"
    assert len(_line_patterns(patterns, plain)) == 1  # the .docx and 日报 lines are not tried
    page = "工作报告全文.docx\n四川日报\n首页\n正文。"
    cleaned = clean(page, default_passes(patterns))
    assert cleaned.text == "正文。"


def test_pictographs_go_and_the_line_ends_they_hid_stand_again() -> None:
    # a repost decorated with emoji: 📈 after the full stop kept the next line joined to this one
    raw = "回顾2021年工作成效🏆\n全县经济增长5%。📈\n展望2022年工作目标🎯\n力争增长7%。💪🌟\n"
    cleaned = clean(raw)
    assert cleaned.text == "回顾2021年工作成效\n全县经济增长5%。\n展望2022年工作目标\n力争增长7%。"
    assert [e.raw for e in cleaned.edits if e.kind == "pictograph"] == ["🏆", "📈", "🎯", "💪🌟"]
    five = cleaned.text.index("5%")
    start, end = cleaned.to_raw(five, five + 2)
    assert raw[start:end] == "5%"


def test_list_items_opened_by_a_symbol_stay_lines_of_their_own() -> None:
    cleaned = clean("■ 2021年成绩单\n●预计全省经济增长6%左右\n●粮食总产达到520亿斤\n").text
    assert cleaned.splitlines() == ["■ 2021年成绩单", "●预计全省经济增长6%左右", "●粮食总产达到520亿斤"]


def test_a_full_stop_standing_for_a_decimal_point() -> None:
    # a page that turned every period into 。: between digits, before a unit, it is a decimal point
    cleaned = clean("同比增长8。5%，总额213。15亿元。2024年，增长10。").text
    assert cleaned == "同比增长8.5%，总额213.15亿元。2024年，增长10。"


def test_a_stamp_that_a_pages_summary_line_repeats_inline_goes_too() -> None:
    lines = ["某县政府工作报告Qk7 现在，我代表县人民政府Qk7 向大会报告工作", "政府工作报告Qk7",
             "——2019年3月1日在某县会议上Qk7", "各位代表:Qk7", "一、2018年工作回顾Qk7", "过去一年，经济平稳。Qk7",
             "地区生产总值增长5%。Qk7"]
    cleaned = clean("\n".join(lines)).text
    assert "Qk7" not in cleaned and "各位代表：\n" in cleaned


def test_a_number_broken_over_two_lines_is_joined_after_a_paragraph_that_opens_on_a_marker() -> None:
    # (一)… opens a paragraph, not a heading line: its number broken at the line's end is one number
    assert "生产总值340亿元" in clean("（一）经济较快发展。2016年，全县生产总值34\n0亿元，增长5%。\n").text
    assert clean("（一）经济较快发展\n2016年，全县经济平稳。").text == "（一）经济较快发展\n2016年，全县经济平稳。"


def test_clauses_cut_from_a_paragraph_that_end_on_a_headings_word_are_no_heading() -> None:
    got = clean("各位代表：\n年均增长20%；全社会固定资产投资15.\n5亿元，较上年增长20.4%，高于年初人代会18%的目标\n"
                "2.4个百分点。\n").text
    assert got == "各位代表：\n年均增长20%；全社会固定资产投资15.5亿元，较上年增长20.4%，高于年初人代会18%的目标" \
        "2.4个百分点。"


def test_a_break_is_decided_on_the_line_as_joined_so_far() -> None:
    # a heading broken inside a word (2022年工作回⏎顾) is a heading once joined: the break after it stays
    opening = "各位代表：\n现在，我代表市人民政府向大会报告工作。\n\n"
    got = clean(opening + "2022年工作回\n顾\n\n  2022\n年是关键之年，经济平稳。").text
    assert got == opening + "2022年工作回顾\n\n  2022年是关键之年，经济平稳。"
    # while a number and its unit still join on the line's own piece (…发展成就和⏎2020⏎年工作回顾)
    got = clean("各位代表：\n一、“十三五”发展成就和\n2020\n年工作回顾\n正文。").text
    assert "一、“十三五”发展成就和2020年工作回顾\n" in got


def test_a_headings_title_broken_over_two_lines_is_one() -> None:
    got = clean("各位代表：\n正文。\n二、“十四五”时\n期发展成就和“十五五”时期主要目标任务\n正文。").text
    assert got == "各位代表：\n正文。\n二、“十四五”时期发展成就和“十五五”时期主要目标任务\n正文。"
    kept = "各位代表：\n正文。\n二、2025年工作回顾\n2025年是关键之年。"  # a whole heading, then its text
    assert clean(kept).text == kept
    # broken inside its last word, blank lines before the text (一、2024年工作回⏎顾⏎⏎⏎过去一年，…)
    got = clean("各位代表：\n正文。\n一、2024年工作回\n顾\n\n\n过去一年，经济平稳。").text
    assert got == "各位代表：\n正文。\n一、2024年工作回顾\n\n\n过去一年，经济平稳。"


def test_a_note_in_brackets_before_an_amount_at_a_line_break() -> None:
    got = clean("各位代表：\n财政收入(不含基金)\n2.01亿元，增长26.4%。\n(2023年1月4日)\n2023年是关键之年。").text
    assert got == "各位代表：\n财政收入(不含基金)2.01亿元，增长26.4%。\n(2023年1月4日)\n2023年是关键之年。"


def test_a_line_the_next_goes_on_from_is_no_heading() -> None:
    # a page cut at its width left a line that reads like a heading, the line after it opens on a comma
    got = clean("各位代表：\n我们保持经济平稳较快发展，胜利完\n成“十一五”规划的主要目标和任务\n，国民经济迈上新台阶。\n"
                "二、2011年工作回顾\n").text
    assert got == ("各位代表：\n我们保持经济平稳较快发展，胜利完成“十一五”规划的主要目标和任务，国民经济迈上新台阶。\n"
                   "二、2011年工作回顾")
    assert clean("各位代表：\n正文。\n2023年工作回顾\n过去一年，经济平稳。").text == \
        "各位代表：\n正文。\n2023年工作回顾\n过去一年，经济平稳。"


# a doc site's copy that lost its line breaks: title, meeting line, speaker, salutation, headings and
# paragraphs run into one line (paraphrased, a fictional county)
FLATTENED = ("某县2021年政府工作报告——2021年1月8日在某县第十七届人民代表大会第五次会议上县长王明"
             "各位代表：现在，我代表县人民政府向大会报告工作，请予审议。一、2020年工作回顾2020年，全县地区生产总值完成168.5亿元，增长3.1%；固定资产投资增长"
             "6.2%；社会消费品零售总额完成52.3亿元，增长2.5%。一年来，我们坚持稳中求进，较好完成了县十七届人大四次会议确定的"
             "目标任务，经济社会发展取得新成效。全县上下团结一心，攻坚克难，各项事业取得新进展，人民生活水平持续提高，社会大局"
             "保持和谐稳定。二、2021年主要目标任务2021年全县经济社会发展的主要预期目标是：地区生产总值增长7%左右，固定资产投资"
             "增长8%，社会消费品零售总额增长8%，一般公共预算收入增长6%，城乡居民人均可支配收入分别增长7%和8%。")


def test_a_page_that_lost_its_line_breaks_gets_its_lines_back() -> None:
    c = clean(FLATTENED)
    lines = c.text.split("\n")
    assert lines[:4] == ["某县2021年政府工作报告", "——2021年1月8日在某县第十七届人民代表大会第五次会议上", "县长王明",
                         "各位代表：现在，我代表县人民政府向大会报告工作，请予审议。"]
    assert "一、2020年工作回顾" in lines and "二、2021年主要目标任务" in lines
    assert all(c.raw[e.raw_start:e.raw_end] == e.raw for e in c.edits)


def test_the_facts_of_a_flattened_page_are_read_by_its_headings() -> None:
    import govreport

    r = govreport.extract(text=FLATTENED)
    assert [(s.title, s.kind) for s in r.sections] == [("2020年工作回顾", "review"), ("2021年主要目标任务", "targets")]
    assert (r.meta.speaker, r.meta.speaker_title, r.meta.meeting_date) == ("王明", "县长", "2021-01-08")
    kinds = {(f.indicator, f.kind, f.period) for f in r.facts}
    assert ("retail_sales", "actual", 2020) in kinds and ("retail_sales", "target", 2021) in kinds


def test_a_breadcrumb_does_not_take_a_flattened_page_with_it() -> None:
    crumbs = "您所在的位置：主页 > 工作报告 > 市长某某作政府工作报告 发布日期：2018-04-05 "
    page = crumbs + FLATTENED[FLATTENED.index("一、"):]
    assert clean(page).text.startswith("一、2020年工作回顾\n2020年，全县地区生产总值完成168.5亿元")


@pytest.mark.parametrize("title,kind", [("2025年经济社会发展总体要求和政策取向", "targets"),
                                        ("2025年工作总体部署", "targets"), ("2025年重点工作", "tasks")])
def test_a_flattened_headings_title_ends_on_its_last_word(title: str, kind: str) -> None:
    # 二、…政策取向今年是“十四五”规划收官之年。: the title ends at 取向, not at the plan's name after it
    import govreport

    page = ("政府工作报告——2025年3月5日在某省第十四届人民代表大会第三次会议上各位代表：现在，我代表省人民政府向大会"
            "报告工作。一、2024年工作回顾2024年，全省地区生产总值增长5%，经济运行总体平稳，发展质量稳步提升。"
            + "全省上下团结奋斗，改革开放不断深化，民生保障更加有力，社会大局和谐稳定。" * 3 +
            f"二、{title}今年是“十四五”规划收官之年。今年主要预期目标是：地区生产总值增长5%左右。")
    r = govreport.extract(text=page)
    assert [(s.title, s.kind) for s in r.sections][-1] == (title, kind)
    assert ("gdp", "target", 2025) in {(f.indicator, f.kind, f.period) for f in r.facts}


# the top of a province's report as a doc site flattens it, and what its clean text and facts give
_FLAT_TOP = ("政府工作报告——2026年1月20日在某省第十四届人民代表大会第五次会议上各位代表：现在，"
             "我代表省人民政府向大会报告工作。")


def _flat_lines_and_facts(page: str) -> tuple[list[str], set[tuple[object, ...]]]:
    import govreport

    kinds = {(f.indicator, f.kind, f.period, f.value) for f in govreport.extract(text=page).facts}
    return clean(page).text.split("\n"), kinds


def test_a_flattened_review_gets_the_paragraph_breaks_its_passages_are_read_by() -> None:
    # a province's flattened review of five years, then of the year just past, then the next plan:
    # each of those paragraphs opens on its own line again (五年来， inside a paragraph tells none)
    page = (_FLAT_TOP + "一、“十四五”时期和2025年工作回顾过去五年，我们砥砺奋进，全省地区生产总值年均增长5.5%。"
            "五年来，城镇新增就业累计300万人。刚刚过去的2025年，是“十四五”收官之年。全省地区生产总值增长5.2%，"
            "城镇新增就业65万人。——扎实推进稳增长，经济运行稳中有进。规模以上工业增加值增长6.1%。"
            "“十五五”时期是基本实现社会主义现代化的关键时期。到2030年，全省城镇调查失业率控制在5.5%以内，"
            "常住人口城镇化率达到68%。二、2026年主要目标任务今年主要预期目标是：地区生产总值增长5%左右。")
    lines, kinds = _flat_lines_and_facts(page)
    assert any(line.startswith("刚刚过去的2025年") for line in lines)
    assert any(line.startswith("——扎实推进稳增长") for line in lines)
    assert any(line.startswith("“十五五”时期是") for line in lines)
    assert not any(line.startswith("五年来") for line in lines)
    assert ("new_urban_jobs", "actual", 2025, 65) in kinds and ("gdp", "actual", 2025, 5.2) in kinds
    assert ("industrial_value_added", "actual", 2025, 6.1) in kinds
    assert ("urbanization_rate", "plan", 2030, 68) in kinds


def test_a_flattened_review_of_five_years_in_the_governments_voice_opens_its_own_paragraph() -> None:
    # 。五年来，我们…: the passage of the years (its figures are no results of the year just past);
    # 。四年来，全县累计… inside a paragraph on one topic opens none
    page = (_FLAT_TOP + "一、2025年工作回顾过去一年，全省地区生产总值增长5.2%，城镇新增就业65万人。"
            "2025年是“十四五”规划收官之年。五年来，我们大力发展民生事业，城镇新增就业522万人，贷款余额增长83%。"
            "工业强省战略深入推进。四年来，全省累计新上项目95个。二、2026年主要目标任务今年主要预期目标是："
            "地区生产总值增长5%左右。")
    lines, kinds = _flat_lines_and_facts(page)
    assert any(line.startswith("五年来，我们") for line in lines)
    assert not any(line.startswith("四年来") for line in lines)
    assert ("new_urban_jobs", "actual", 2025, 65) in kinds
    assert ("new_urban_jobs", "actual", 2025, 522) not in kinds and ("loans", "actual", 2025, 83) not in kinds


def test_a_page_that_kept_its_lines_gets_no_new_ones() -> None:
    page = FLATTENED.replace("。", "。\n")
    assert not [e for e in clean(page).edits if e.kind == "line_break"]


def test_a_short_text_is_written_as_the_cleaner_writes_a_reports_characters() -> None:
    # a dictionary term, a query, a page's top read for its speaker: full width, ○ among numerals,
    # pinyin glosses, traditional script
    assert normalize_characters("２０２５年") == "2025年"
    assert normalize_characters("一九八○年") == "一九八〇年"
    assert normalize_characters("市長 殷(yīn)勇(yǒng)同志") == "市长 殷勇同志"
    assert normalize_characters("經濟") == "经济"
