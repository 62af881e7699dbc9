from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import govreport
from govreport import lang
from govreport.model import Fact
from govreport.numbers import year_number
from govreport.sections import find_sections

HEAD = "各位代表：\n现在，我代表县人民政府，向大会报告工作。\n一、2024年工作回顾\n"
TARGET = "\n二、2025年工作安排\n"


def facts(body: str, target: str = "") -> list[Fact]:
    r = govreport.extract(HEAD + body + (TARGET + target if target else ""))
    for f in r.facts:
        assert r.text[f.start:f.end] == f.quote
    return list(r.facts)


def brief(fs: list[Fact]) -> set[tuple[object, ...]]:
    return {(f.indicator, f.measure, f.kind, f.period, f.scope, f.value, f.value_max, f.qualifier) for f in fs}


def test_level_and_growth_in_one_statement() -> None:
    assert brief(facts("全年完成地区生产总值180.39亿元，同比增长0.6%。")) == {
        ("gdp", "level", "actual", 2024, None, 180.39, None, None),
        ("gdp", "growth", "actual", 2024, None, 0.6, None, None)}


def test_every_word_of_a_fall_is_connective_and_signs_the_growth() -> None:
    assert brief(facts("规模以上工业增加值同比下滑3.5%。")) == {
        ("industrial_value_added", "growth", "actual", 2024, None, -3.5, None, None)}
    assert brief(facts("固定资产投资负增长1.2%。")) == {  # 负增长: a growth below zero
        ("fixed_asset_investment", "growth", "actual", 2024, None, -1.2, None, None)}


def test_a_threshold_in_a_bare_magnitude_before_a_step() -> None:
    assert brief(facts("全省地区生产总值迈上5万亿台阶，达5.38万亿元、增长8.2%。")) == {
        ("gdp", "level", "actual", 2024, None, 5.38, None, None),
        ("gdp", "growth", "actual", 2024, None, 8.2, None, None)}


@pytest.mark.parametrize("goal", ["城乡居民收入增速与经济增速保持同步", "居民收入增长与GDP增长同步",
                                  "居民人均可支配收入增长与地区生产总值增长基本同步"])
def test_income_keeping_pace_with_the_economy_in_other_words(goal: str) -> None:
    assert brief(facts("正文。", goal + "。")) == {
        ("disposable_income", "growth", "target", 2025, None, None, None, "同步")}


def test_income_keeping_pace_among_the_years_goals_without_an_intro() -> None:
    # 某州划定发展预期目标，…: no 是： after the intro, but the sentence's figures are the year's goals
    r = govreport.extract("2023年2月26日，某州第十五届人民代表大会第四次会议开幕。州长作政府工作报告。\n"
                          "2022年，全州地区生产总值增长2.7%。\n"
                          "全州划定发展预期目标，地区生产总值增长3%；居民人均可支配收入增长与地区生产总值增长基本同步；"
                          "社会消费品零售总额增长7%。\n2022年，居民收入增长与经济增长同步，地区生产总值增长2.7%。")
    assert {(f.indicator, f.kind, f.period, f.qualifier) for f in r.facts if f.indicator == "disposable_income"} == {
        ("disposable_income", "target", 2023, "同步")}


@pytest.mark.parametrize("goal", ["地区生产总值增长目标定在6.5%以上", "地区生产总值的增长目标设定为6.5%以上",
                                  "地区生产总值增长目标确定为6.5%以上", "GDP增长目标定为6.5%以上",
                                  "地区生产总值增长目标设为6.5%以上"])
def test_a_growth_goal_set_at_a_figure(goal: str) -> None:
    # a news digest: 武汉将2023年GDP增长目标定在6.5%以上 (the goal's words, then 定在/设定为/确定为)
    assert brief(facts("正文。", f"今年{goal}。")) == {("gdp", "growth", "target", 2025, None, 6.5, None, "以上")}


def test_a_rate_set_at_a_figure() -> None:
    # 报告还将今年城镇调查失业率设为5.5%左右 (a news digest's 设为 between a rate and its goal)
    assert brief(facts("正文。", "报告还将今年城镇调查失业率设为5.5%左右。")) == {
        ("unemployment_surveyed", "rate", "target", 2025, None, 5.5, None, "左右")}


def test_a_digests_lines_of_a_name_a_colon_and_its_figure() -> None:
    # an infographic's or a pasted summary's list: ●地区生产总值：1200亿元 / ●生产总值增长：5.5%左右
    assert brief(facts("●地区生产总值：1200亿元，增长5%\n●一般公共预算收入：85亿元\n")) == {
        ("gdp", "level", "actual", 2024, None, 1200, None, None),
        ("gdp", "growth", "actual", 2024, None, 5, None, None),
        ("public_budget_revenue", "level", "actual", 2024, None, 85, None, None)}
    assert brief(facts("正文。", "●生产总值增长：5.5%左右\n●居民消费价格涨幅：3%以内\n")) == {
        ("gdp", "growth", "target", 2025, None, 5.5, None, "左右"),
        ("cpi", "growth", "target", 2025, None, 3, None, "以内")}


def test_a_growth_net_of_some_factor() -> None:
    assert brief(facts("一般公共预算收入剔除一次性特殊收入因素影响同比增长2.7%。")) == {
        ("public_budget_revenue", "growth", "actual", 2024, None, 2.7, None, None)}
    # restated after the growth as written, it is no second growth
    assert brief(facts("进出口总额达到1201亿元，比上年增长39.7%，扣除价格和汇率变动因素，实际增长19.6%。")) == {
        ("foreign_trade", "level", "actual", 2024, None, 1201, None, None),
        ("foreign_trade", "growth", "actual", 2024, None, 39.7, None, None)}


def test_a_level_reached_over_five_years_in_a_digest_without_headings() -> None:
    r = govreport.extract("2月25日下午，镇康县第十八届人民代表大会第五次会议开幕。会议审查第十五个五年规划纲要草案。\n"
                          "报告指出，五年来，综合实力稳步提升。经济总量从2020年的59.94亿元增至88.08亿元，年均增长5.8%。")
    assert {(f.indicator, f.measure, f.kind, f.period, f.value) for f in r.facts} == {
        ("gdp", "level", "actual", 2025, 88.08)}  # the average over the five years is none


def test_trade_and_goods_exports_are_the_exports() -> None:
    assert brief(facts("固定资产投资71.53亿元、贸易出口总额2.42亿美元，分别比增2.3%和3.8%；货物出口增长5%。")) == {
        ("fixed_asset_investment", "level", "actual", 2024, None, 71.53, None, None),
        ("exports", "level", "actual", 2024, None, 2.42, None, None),
        ("fixed_asset_investment", "growth", "actual", 2024, None, 2.3, None, None),
        ("exports", "growth", "actual", 2024, None, 3.8, None, None),
        ("exports", "growth", "actual", 2024, None, 5, None, None)}
    assert brief(facts("正文。", "商品出口总值增长5%左右。")) == {
        ("exports", "growth", "target", 2025, None, 5, None, "左右")}


def test_a_growth_written_with_a_minus_sign() -> None:
    assert brief(facts("外贸出口106.6亿元，增长-39.7%；实际利用外资增长7.3%。")) == {
        ("exports", "level", "actual", 2024, None, 106.6, None, None),
        ("exports", "growth", "actual", 2024, None, -39.7, None, None),
        ("foreign_investment", "growth", "actual", 2024, None, 7.3, None, None)}


def test_by_how_much_a_level_beat_its_plan_between_the_level_and_its_growth() -> None:
    assert brief(facts("固定资产投资完成17亿元，超额完成年度任务2.1亿元，增长20.6%。")) == {
        ("fixed_asset_investment", "level", "actual", 2024, None, 17, None, None),
        ("fixed_asset_investment", "growth", "actual", 2024, None, 20.6, None, None)}
    assert brief(facts("地方财政收入完成5.6亿元，超年初预算0.3亿元，增长12%。")) == {  # or its budget
        ("public_budget_revenue", "level", "actual", 2024, None, 5.6, None, None),
        ("public_budget_revenue", "growth", "actual", 2024, None, 12, None, None)}


def test_herders_income_is_the_rural_income_of_a_pastoral_region() -> None:
    assert brief(facts("城镇居民人均可支配收入44574元，牧民人均可支配收入32668元。")) == {
        ("disposable_income", "level", "actual", 2024, "urban", 44574, None, None),
        ("disposable_income", "level", "actual", 2024, "rural", 32668, None, None)}


def test_a_figure_the_review_expects_the_year_to_reach_is_an_estimate() -> None:
    assert brief(facts("全年地区生产总值有望达到120亿元，增长7%左右。")) == {
        ("gdp", "level", "estimate", 2024, None, 120, None, None),
        ("gdp", "growth", "estimate", 2024, None, 7, None, "左右")}


def test_the_source_a_figure_is_given_by_between_its_name_and_its_verb() -> None:
    assert brief(facts("初步统计，全市地区生产总值根据省统计局的修订结果预计完成4725亿元，增长7.5%。")) == {
        ("gdp", "level", "estimate", 2024, None, 4725, None, None),
        ("gdp", "growth", "estimate", 2024, None, 7.5, None, None)}


@pytest.mark.parametrize("sentence", [
    "全省生产总值由2019年的13500亿元增加到2024年的30600亿元，五年年均增长14.5%，2024年比上年增长6.5%。",
    "全省生产总值由二〇一九年的一万三千五百亿元增加到二〇二四年的三万零六百亿元，五年年均增长百分之十四点五，"
    "二〇二四年比上年增长百分之六点五。",
])
def test_a_five_year_average_between_the_level_reached_and_the_years_growth(sentence: str) -> None:
    assert brief(facts(sentence)) == {("gdp", "level", "actual", 2024, None, 30600, None, None),
                                      ("gdp", "growth", "actual", 2024, None, 6.5, None, None)}


def test_a_year_singled_out_of_a_five_year_average_by_its_qizhong() -> None:
    # 年均增长7.5%，其中2020年完成…，增长…: the clause after 其中 is that year's
    r = govreport.extract("各位代表：\n一、“十三五”时期和2020年工作回顾\n"
                          "“十三五”期间，全县生产总值年均增长7.5%，其中2020年完成36.2亿元，增长3.1%。\n")
    assert brief(list(r.facts)) == {("gdp", "level", "actual", 2020, None, 36.2, None, None),
                                    ("gdp", "growth", "actual", 2020, None, 3.1, None, None)}


def test_a_list_item_with_a_colon_after_the_name() -> None:
    assert brief(facts("1.地区生产总值：完成85.2亿元，增长6.1%；\n2.一般公共预算收入：3.5亿元。")) == {
        ("gdp", "level", "actual", 2024, None, 85.2, None, None),
        ("gdp", "growth", "actual", 2024, None, 6.1, None, None),
        ("public_budget_revenue", "level", "actual", 2024, None, 3.5, None, None)}


def test_a_note_in_brackets_between_the_verb_and_its_number() -> None:
    assert brief(facts("社会消费品零售总额52.3亿元，同比下降（现价）3.2%。")) == {
        ("retail_sales", "level", "actual", 2024, None, 52.3, None, None),
        ("retail_sales", "growth", "actual", 2024, None, -3.2, None, None)}


def test_a_name_after_a_spelled_year_is_the_reports_own() -> None:
    # 进出口贸易总额 could be some sector's: a year right before it says it is the whole's
    r = govreport.extract("——一九五八年二月一日在第一届全国人民代表大会第五次会议上\n各位代表：\n"
                          "三、一九五八年国民经济计划的安排\n"
                          "在对外贸易方面，一九五八年进出口贸易总额安排为一百一十亿元，比上一年增长百分之八点六。\n")
    assert brief(list(r.facts)) == {("foreign_trade", "level", "target", 1958, None, 110, None, None),
                                    ("foreign_trade", "growth", "target", 1958, None, 8.6, None, None)}


def test_a_figure_dated_by_the_words_before_it_under_a_topic_heading() -> None:
    r = govreport.extract("——2025年1月10日在某县第十届人民代表大会第五次会议上\n各位代表：\n一、当前的经济形势\n"
                          "财政赤字从2022年的170亿元、2024年的127亿元，降低到今年的27亿元。\n")
    got = brief([f for f in r.facts if f.value in (170, 127)])
    assert got == {("deficit", "level", "actual", 2024, None, 127, None, None)}  # 2022's is no fact


def test_one_amount_for_deposits_and_loans_together_is_neither() -> None:
    # 存贷款余额103亿元 is their sum: no deposits, no loans (城乡居民收入 alone is the whole's figure)
    assert facts("金融机构人民币存贷款余额完成103.42亿元，增长9.4%。") == []
    got = brief(facts("存贷款余额分别达到500亿元、300亿元。"))
    assert got == {("deposits", "level", "actual", 2024, None, 500, None, None),
                   ("loans", "level", "actual", 2024, None, 300, None, None)}


def test_respectively_and_compound_names() -> None:
    got = brief(facts("城乡居民人均可支配收入分别增长3%、7%左右；金融机构存、贷款余额分别增长6.6%、7.5%。"))
    assert ("disposable_income", "growth", "actual", 2024, "urban", 3, None, "左右") in got
    assert ("disposable_income", "growth", "actual", 2024, "rural", 7, None, "左右") in got
    assert ("deposits", "growth", "actual", 2024, None, 6.6, None, None) in got
    assert ("loans", "growth", "actual", 2024, None, 7.5, None, None) in got


def test_respectively_over_separate_names() -> None:
    got = brief(facts("城镇居民人均可支配收入9422元，农村居民人均纯收入2936元，扣除价格因素，分别实际增长7.7%和6.8%。"))
    assert ("disposable_income", "growth", "actual", 2024, "urban", 7.7, None, None) in got
    assert ("disposable_income", "growth", "actual", 2024, "rural", 6.8, None, None) in got
    assert ("disposable_income", "level", "actual", 2024, "rural", 2936, None, None) in got


def test_declines_estimates_and_coordinated_names() -> None:
    got = brief(facts("预计全年，一般公共预算收入同比下降33.8%；社会消费品零售总额、固定资产投资增长4%左右。"))
    assert ("public_budget_revenue", "growth", "estimate", 2024, None, -33.8, None, None) in got
    assert ("retail_sales", "growth", "estimate", 2024, None, 4, None, "左右") in got
    assert ("fixed_asset_investment", "growth", "estimate", 2024, None, 4, None, "左右") in got


def test_targets_ranges_and_qualifiers() -> None:
    got = brief(facts("正文。", "主要预期目标是：地区生产总值增长5%—5.5%，城镇调查失业率控制在5.5%以内，"
                                  "城镇新增就业不少于28万人，居民消费价格涨幅2%左右，居民收入增长和经济增长同步，"
                                  "单位地区生产总值能耗降低3%左右。"))
    assert got == {
        ("gdp", "growth", "target", 2025, None, 5, 5.5, None),
        ("unemployment_surveyed", "rate", "target", 2025, None, 5.5, None, "以内"),
        ("new_urban_jobs", "level", "target", 2025, None, 28, None, "以上"),
        ("cpi", "growth", "target", 2025, None, 2, None, "左右"),
        ("disposable_income", "growth", "target", 2025, None, None, None, "同步"),
        ("energy_intensity", "growth", "target", 2025, None, -3, None, "左右"),
    }


@pytest.mark.parametrize("sentence", [
    "开发区规上工业增加值增长12.5%。",  # a part of the region
    "规上工业增加值年均增长8%。",  # a multi-year average
    "城镇化率提高1.2个百分点。",  # a change in points
    "道路交通事故起数和伤亡人数分别同比下降10.06%、30.33%。",  # no indicator
    "对全球经济增长的贡献率保持在30%左右。",  # another subject between name and number
    "出口退税1.5万亿元。",  # a word that is no connective
    "经济总量超500亿元的县域增至12个。",  # an amount that marks out some subjects
    "营业收入突破百亿元的企业达到20家，地区生产总值突破5000亿元的县达到3个。",
    "地区生产总值比2020年增加超7400亿元。",  # a change, not a level
    "全口径财政收入21.3亿元。",  # full-scope revenue, taxes shared upward included: not the budget's
])
def test_not_facts(sentence: str) -> None:
    assert facts(sentence) == []


def test_from_to_takes_the_result() -> None:
    got = brief(facts("财政收入从3.16万亿元增加到8.31万亿元。赤字率从2019年的2.8%降到去年的1.5%左右。"))
    assert got == {("public_budget_revenue", "level", "actual", 2024, None, 8.31, None, None),
                   ("deficit_ratio", "rate", "actual", 2024, None, 1.5, None, "左右")}


def test_a_fact_stated_twice_is_one_fact() -> None:
    assert len(facts("粮食产量31.2万吨。粮食产量31.2万吨。")) == 1


def test_five_year_passage_keeps_levels_but_not_growth_or_counts() -> None:
    body = ("过去一年，国内生产总值增长5%。\n过去五年，我国发展取得新成就。\n"
            "——经济实力跃升。国内生产总值增加到121万亿元，城镇新增就业5000万人，单位国内生产总值能耗下降8.1%。\n")
    got = brief(facts(body))
    assert got == {("gdp", "growth", "actual", 2024, None, 5, None, None),
                   ("gdp", "level", "actual", 2024, None, 121, None, None)}


def test_elliptical_names_need_their_subject_just_before() -> None:
    got = brief(facts("正文。", "粮食播种面积1530万亩、总产量125亿斤；财政赤字9500亿元，占国内生产总值比重在3%以内，"
                                  "国债余额占国内生产总值比重20%左右。"))
    assert ("grain_output", "level", "target", 2025, None, 125, None, None) in got
    assert ("deficit_ratio", "rate", "target", 2025, None, 3, None, "以内") in got
    assert not any(f[5] == 20 for f in got)


def test_last_year_in_the_forward_part() -> None:
    got = brief(facts("正文。", "过去一年，我们取得了很大成绩。国内生产总值增长10.3%。"
                                  "今年赤字率拟按3%安排，比去年提高0.2个百分点。"))
    assert ("gdp", "growth", "actual", 2024, None, 10.3, None, None) in got
    assert ("deficit_ratio", "rate", "target", 2025, None, 3, None, None) in got


def test_last_years_goal_is_not_a_result() -> None:
    assert facts("全国没有实现年初确定的单位国内生产总值能耗降低4%左右、主要污染物排放总量减少2%的目标。") == []
    assert facts("进出口总额达4743亿美元，比1995年增长69%。")[0].measure == "level"
    assert len(facts("进出口总额达4743亿美元，比1995年增长69%。")) == 1


@pytest.mark.parametrize("sentence", [
    "泸州经济总量突破3000亿元。",
    "成都平原经济区经济总量达到4万亿元。",
    "新能源汽车、光伏产品、锂电池“新三样”出口增长69.4%。",
])
def test_generic_words_after_another_subject_are_not_the_regions(sentence: str) -> None:
    assert facts(sentence) == []


def test_generic_words_for_the_region() -> None:
    got = brief(facts("全省经济总量突破6万亿元，进出口总额达到10318亿元，出口增长5%。"))
    assert ("gdp", "level", "actual", 2024, None, 6, None, "以上") in got
    assert ("foreign_trade", "level", "actual", 2024, None, 10318, None, None) in got
    assert ("exports", "growth", "actual", 2024, None, 5, None, None) in got


def test_a_glossing_abbreviation_is_part_of_the_name() -> None:
    got = brief(facts("正文。", "国内生产总值（GDP）增长6.5%左右，居民消费价格(CPI)涨幅3%左右。"))
    assert got == {("gdp", "growth", "target", 2025, None, 6.5, None, "左右"),
                   ("cpi", "growth", "target", 2025, None, 3, None, "左右")}


def test_what_one_strives_for_beyond_the_goal_is_not_a_second_goal() -> None:
    got = brief(facts("正文。", "地区生产总值增长7%以上，力争达到8%；"
                                  "城镇居民、农村居民人均可支配收入预计分别增长4.5%、6.7%。"))
    assert ("gdp", "growth", "target", 2025, None, 7, None, "以上") in got
    assert not any(f[0] == "gdp" and f[5] == 8 for f in got)
    assert ("disposable_income", "growth", "target", 2025, "urban", 4.5, None, None) in got
    assert ("disposable_income", "growth", "target", 2025, "rural", 6.7, None, None) in got


@pytest.mark.parametrize("goal", ["确保增长7%、力争增长8%", "确保增长7%，力争8%", "确保增长7%，争取增长8%"])
def test_the_goal_a_report_makes_sure_of_and_one_it_strives_for(goal: str) -> None:
    assert brief(facts("正文。", f"地区生产总值{goal}。")) == {("gdp", "growth", "target", 2025, None, 7, None, None)}


def test_respectively_over_names_some_unknown() -> None:
    got = brief(facts("正文。", "财政总收入和地方财政收入分别增长10.6%和12.3%左右，"
                                  "城镇登记失业率、人口自然增长率分别控制在4.2%、5‰以内，外贸出口增长15%，万元GDP能耗下降3.5%。"))
    assert got == {("public_budget_revenue", "growth", "target", 2025, None, 12.3, None, "左右"),
                   ("unemployment_registered", "rate", "target", 2025, None, 4.2, None, "以内"),
                   ("exports", "growth", "target", 2025, None, 15, None, None),
                   ("energy_intensity", "growth", "target", 2025, None, -3.5, None, None)}


@pytest.mark.parametrize(("review_heading", "targets_opening"), [
    ("一、2025年主要工作", "二、2026年主要工作\n"),  # a heading naming the past year's work
    ("一、攻坚克难，2025年经济社会行稳致远", "二、2026年工作安排\n"),  # naming the past year at all
    ("一、2025年工作回顾", "各位代表，今年经济社会发展的主要预期目标是："),  # targets with no heading
    ("一、2025年工作回顾", "今年经济社会发展的主要预期目标是：\n"),  # … and a line break after the colon
])
def test_where_the_review_ends_and_the_targets_begin(review_heading: str, targets_opening: str) -> None:
    text = (f"——2026年1月20日在某某县第十八届人民代表大会第六次会议上\n各位代表：\n{review_heading}\n"
            f"全县地区生产总值增长5.4%。\n{targets_opening}地区生产总值增长6%左右。\n")
    assert brief(list(govreport.extract(text).facts)) == {
        ("gdp", "growth", "actual", 2025, None, 5.4, None, None),
        ("gdp", "growth", "target", 2026, None, 6, None, "左右")}


def test_one_number_for_a_compound_name_is_about_the_whole() -> None:
    # 城乡居民收入增长与经济增长同步 is scope null; so is one figure for 城乡 without 分别
    got = brief(facts("全年经济平稳。",
                      "城乡居民人均可支配收入增长8%以上，城镇和农村居民人均可支配收入分别增长5%和7%。"))
    assert ("disposable_income", "growth", "target", 2025, None, 8, None, "以上") in got
    assert ("disposable_income", "growth", "target", 2025, "urban", 5, None, None) in got
    assert ("disposable_income", "growth", "target", 2025, "rural", 7, None, None) in got
    assert not any(f[4] in ("urban", "rural") and f[5] == 8 for f in got)


@pytest.mark.parametrize("name", ["全社会研发经费支出相当于全市生产总值的比例", "研发经费投入占全省生产总值比重",
                                  "研究与试验发展经费支出与国内生产总值之比", "全社会研发投入强度"])
def test_rd_intensity_names(name: str) -> None:
    assert ("rd_intensity", "rate", "target", 2025, None, 4.5, None, "左右") in brief(
        facts("全年经济平稳。", f"{name}达到4.5%左右。"))


@pytest.mark.parametrize("name", ["城镇和农村常住居民人均可支配收入", "城镇常住居民和农村常住居民人均可支配收入",
                                  "城乡常住居民人均可支配收入"])
def test_urban_and_rural_names_with_resident_wording(name: str) -> None:
    got = brief(facts("全年经济平稳。", f"{name}分别增长5%、7%。"))
    assert ("disposable_income", "growth", "target", 2025, "urban", 5, None, None) in got
    assert ("disposable_income", "growth", "target", 2025, "rural", 7, None, None) in got


def test_older_target_wording_with_regulation_targets() -> None:
    # 1990s national reports: 经济增长速度的调控目标定为8%, 全社会固定资产投资调控目标为25300亿元
    got = brief(facts("全年经济平稳。", "今年经济增长速度的调控目标定为8%，全社会固定资产投资调控目标为25300亿元。"))
    assert ("gdp", "growth", "target", 2025, None, 8, None, None) in got
    assert ("fixed_asset_investment", "level", "target", 2025, None, 25300, None, None) in got


def test_older_review_wording() -> None:
    got = brief(facts("2024年进出口总额达4743亿美元，其中出口2492亿美元。"
                      "城镇居民人均可支配收入，考虑价格下降因素比上年实际增长9.3%。外商直接投资468亿美元，增长14.9%。"))
    assert ("foreign_trade", "level", "actual", 2024, None, 4743, None, None) in got
    assert ("exports", "level", "actual", 2024, None, 2492, None, None) in got
    assert ("disposable_income", "growth", "actual", 2024, "urban", 9.3, None, None) in got
    assert ("foreign_investment", "level", "actual", 2024, None, 468, None, None) in got
    assert ("foreign_investment", "growth", "actual", 2024, None, 14.9, None, None) in got


def test_macro_regulation_target_in_chinese_numerals() -> None:
    got = brief(facts("全年经济平稳。",
                      "今年经济增长速度的宏观调控目标，定为百分之八至九。全社会固定资产投资总规模为5700亿元。"))
    assert ("gdp", "growth", "target", 2025, None, 8, 9, None) in got
    assert ("fixed_asset_investment", "level", "target", 2025, None, 5700, None, None) in got


def test_nationwide_names_are_the_nations_own_in_its_report() -> None:
    head = "政府工作报告\n——1992年3月20日在第七届全国人民代表大会第五次会议上\n国务院总理 李鹏\n各位代表：\n"
    r = govreport.extract(head + "一、1991年工作回顾\n全国财政收入3600亿元。\n二、1992年的任务\n"
                                 "今年全国固定资产投资总规模为5700亿元。")
    got = {(f.indicator, f.kind, f.period, f.value) for f in r.facts}
    assert ("fixed_asset_investment", "target", 1992, 5700) in got
    # in a county's report the nation's figure is no fact of the county
    assert [f.indicator for f in facts("全国固定资产投资增长5%，全县地区生产总值增长6%。")] == ["gdp"]


def test_a_flows_stock_is_not_the_flow() -> None:
    got = brief(facts("新增市场主体5200户，总量达到5.6万户。"))
    assert got == {("new_market_entities", "level", "actual", 2024, None, 5200, None, None)}


def test_comparable_scope_wording() -> None:
    got = brief(facts("一般公共预算收入8.5亿元，可比口径增长3.2%。"))
    assert ("public_budget_revenue", "growth", "actual", 2024, None, 3.2, None, None) in got


def test_retail_sales_above_quota_is_a_part() -> None:
    assert brief(facts("限额以上社会消费品零售总额增长10%。")) == set()


def test_a_sentence_naming_the_review_year_states_results_even_under_a_task_heading() -> None:
    got = brief(facts("全年经济平稳。",
                      "2024年同2016年相比，地区生产总值由3480亿元增加到9380亿元，按可比价格计算增长102%。"))
    assert got == {("gdp", "level", "actual", 2024, None, 9380, None, None)}  # the growth is over eight years


def test_the_paragraph_opening_sets_the_time_of_later_sentences() -> None:
    got = brief(facts("全年经济平稳。",
                      "在经济领域，过去一年里取得了重要成绩。全县社会总产值有所增长。工业稳定。粮食产量达到39万吨。"))
    assert ("grain_output", "level", "actual", 2024, None, 39, None, None) in got


def test_a_figure_given_for_another_year_is_no_fact_of_this_report() -> None:
    got = brief(facts("农民人均纯收入，2019年为270元，2024年提高到463元。"))
    assert got == {("disposable_income", "level", "actual", 2024, "rural", 463, None, None)}


def test_household_savings_are_a_part_of_deposits() -> None:
    assert brief(facts("去年末居民储蓄存款余额增长8.5%。住户存款余额增长9%。")) == set()


def test_bullets_after_a_targets_intro_line_are_targets_wherever_they_stand() -> None:
    got = brief(facts("全年经济平稳。今年全县经济社会发展的主要预期目标是：\n——地区生产总值增长5.5%左右；\n"
                      "——一般公共预算收入增长3%。\n"))
    assert ("gdp", "growth", "target", 2025, None, 5.5, None, "左右") in got
    assert ("public_budget_revenue", "growth", "target", 2025, None, 3, None, None) in got


def test_a_main_targets_sentence_without_the_word_expected() -> None:
    got = brief(facts("全年经济平稳。今年经济社会发展的主要目标是：地区生产总值增长5.5%左右。"))
    assert got == {("gdp", "growth", "target", 2025, None, 5.5, None, "左右")}


@pytest.mark.parametrize("intro", ["主要预期目标建议为：", "主要预期目标确定为", "预期目标定为"])
def test_proposed_targets_wording(intro: str) -> None:
    got = brief(facts(f"全年经济平稳。今年全省经济社会发展{intro}地区生产总值增长5.5%左右。"))
    assert got == {("gdp", "growth", "target", 2025, None, 5.5, None, "左右")}


@pytest.mark.parametrize("years", ["前三年", "前两年", "前几年"])
def test_a_change_from_earlier_years_gives_the_new_level_only(years: str) -> None:
    got = brief(facts(f"单位地区生产总值能耗由{years}分别上升4.9%、5.5%，转为下降1.2%。"))
    assert got == {("energy_intensity", "growth", "actual", 2024, None, -1.2, None, None)}


def test_planned_exceeding_and_nearly_are_connective() -> None:
    got = brief(facts("经济总量超9万亿元。地区生产总值接近2400亿元。", target="全社会固定资产投资预定增长10%。"))
    assert got == {("gdp", "level", "actual", 2024, None, 9, None, "以上"),  # in 万亿元, as written
                   ("gdp", "level", "actual", 2024, None, 2400, None, None),
                   ("fixed_asset_investment", "growth", "target", 2025, None, 10, None, None)}


def test_a_round_threshold_passed_on_the_way_is_connective() -> None:
    got = brief(facts("财政收入比上年增加1501亿元，总额首次突破万亿元，达到11377亿元。"
                      "地区生产总值突破3000亿元大关，比上年增长6.5%。"))
    assert ("public_budget_revenue", "level", "actual", 2024, None, 11377, None, None) in got
    assert ("gdp", "growth", "actual", 2024, None, 6.5, None, None) in got
    assert not any(v == 1501 for *_, v, _, _ in got)  # the change is no level


@pytest.mark.parametrize("verb", ["首破", "首超", "迈过", "越过", "突破"])
def test_a_level_given_only_as_a_threshold_crossed(verb: str) -> None:
    assert brief(facts(f"一般公共预算收入{verb}10亿元。")) == {
        ("public_budget_revenue", "level", "actual", 2024, None, 10, None, "以上")}


def test_thresholds_crossed_over_five_years_restate_the_estimated_level() -> None:
    r = govreport.extract("各位代表：\n一、过去五年工作回顾\n五年来，经济总量跨越了两千亿元和三千亿元两个台阶。"
                          "预计2012年全市生产总值完成3440亿元左右，是2007年的2.1倍；"
                          "社会消费品零售总额完成960亿元以上，年均增长17.6%。\n")
    assert r.meta.report_year == 2013  # the year estimated is the one before the report
    assert {(f.indicator, f.kind, f.period, f.value, f.qualifier) for f in r.facts} == {
        ("gdp", "estimate", 2012, 3440, "左右"), ("retail_sales", "estimate", 2012, 960, "以上")}


def test_investment_actually_arrived_or_its_actual_amount() -> None:
    got = brief(facts("外商直接投资保持增长势头，实际到位400多亿美元。"))
    assert got == {("foreign_investment", "level", "actual", 2024, None, 400, None, "以上")}
    got = brief(facts("外商直接投资保持良好势头，实际金额达到330亿美元。外商直接投资协议金额120亿美元。"))
    assert got == {("foreign_investment", "level", "actual", 2024, None, 330, None, None)}


def test_a_rate_averaged_over_the_year_but_not_over_five() -> None:
    assert brief(facts("城镇新增就业12万人，年均城镇调查失业率5.2%。")) == {
        ("new_urban_jobs", "level", "actual", 2024, None, 12, None, None),
        ("unemployment_surveyed", "rate", "actual", 2024, None, 5.2, None, None)}
    assert brief(facts("过去五年，年均城镇调查失业率5.3%。")) == set()
    assert brief(facts("年均城镇新增就业12万人。")) == set()  # a count averaged is still not one year's


def test_a_later_year_before_the_name_makes_a_plan_for_that_year() -> None:
    # 争取2028年粮食产量达到…: the year the figure is for stands before the name
    got = brief(facts("粮食产量增长2%。", "今年地区生产总值增长5%左右。争取2028年粮食产量达到60万吨。"))
    assert ("grain_output", "level", "plan", 2028, None, 60, None, None) in got
    assert ("gdp", "growth", "target", 2025, None, 5, None, "左右") in got
    # the year of the report itself leaves a target a target
    assert ("grain_output", "level", "target", 2025, None, 58, None, None) in brief(
        facts("粮食产量增长2%。", "2025年粮食产量达到58万吨。"))


def test_a_goal_by_the_end_of_a_plan_is_a_plan_for_its_last_year() -> None:
    # 到“十三五”末，…达到… after the goals' intro, on a page without headings: for 2020, not the year's
    page = ("政府工作报告\n——2016年11月28日在洞口县第十七届人民代表大会第一次会议上\n各位代表：\n"
            "今后五年的主要目标是：到“十三五”末，地区生产总值达到214亿元，年均增长10%；"
            "农村居民人均可支配收入达到1.3万元。\n")
    got = brief(list(govreport.extract(page).facts))
    assert ("gdp", "level", "plan", 2020, None, 214, None, None) in got
    assert ("disposable_income", "level", "plan", 2020, "rural", 1.3, None, None) in got
    assert not any(kind == "target" for _, _, kind, *_ in got)


def test_a_clause_naming_the_month_a_change_began_may_stand_before_the_figure() -> None:
    got = brief(facts("外贸出口从7月份开始大幅度回升，全年达到19.5亿元，比上年增长6.1%。"))
    assert ("exports", "level", "actual", 2024, None, 19.5, None, None) in got
    assert ("exports", "growth", "actual", 2024, None, 6.1, None, None) in got
    # another number in that clause is another statement: no link across it
    assert not brief(facts("外贸出口有3个月下降，全年达到19.5亿元。"))


OLD_STYLE = "2025年政府工作报告\n各位代表：\n一、关于经济形势\n"


def test_the_year_under_review_named_as_a_number_marks_the_past() -> None:
    # older reports say 1984年 where newer ones say 去年: under a topic heading it decides the kind
    r = govreport.extract(OLD_STYLE + "2024年，我县农业又获得了大丰收。粮食产量达到四亿零七百多万斤，比上年增长5.1%。\n"
                          "2025年，粮食产量要达到四亿二千万斤。\n")
    got = brief(list(r.facts))
    assert ("grain_output", "level", "actual", 2024, None, 4.07, None, "以上") in got
    assert ("grain_output", "growth", "actual", 2024, None, 5.1, None, None) in got
    assert ("grain_output", "level", "target", 2025, None, 4.2, None, None) in got


def test_a_sentence_on_a_sector_keeps_its_generic_names() -> None:
    # 机械工业…，出口额增长30.8%: the machinery industry's exports, not the region's
    assert not brief(facts("机械工业全年计划任务不足，总产值比上年增长8.1%，出口额增长30.8%。"))
    assert ("exports", "growth", "actual", 2024, None, 30.8, None, None) in brief(
        facts("全年生产总值比上年增长8.1%，出口额增长30.8%。"))


def test_an_amount_gained_or_lost_is_no_level() -> None:
    assert not brief(facts("提高收购价格，共计减少财政收入五百二十亿元。"))


# The plain forms of patterns searched in every figure's sentence; the package writes them to
# open with a literal or a class (re skips ahead in C), and must find the same.
_PLAIN_YEAR = r"(?:(?:19|20)\d{2}|[一二][九〇零][〇零一二三四五六七八九]{2})"
_PLAIN_GOAL_YEAR = re.compile(rf"到({_PLAIN_YEAR})年|({_PLAIN_YEAR})年前"
                              r"|到“?(十[一二三四五六]五|[八九]五|十五)”?(?:规划)?(?:期末|末)")
_PLAIN_TIME_YEAR = re.compile(rf"({_PLAIN_YEAR})年(?!代|前|以前|以来|之前)")
_PLAIN_SENTENCE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})年(?!代|前|以前|以来|之前)")
_PLAIN_TARGET_INTRO = re.compile(r"(?:(?:主要|发展)?预期|主要)目标(?:建议|确定|拟定|设定)?(?:是|为|定为)[:：]?")
_PLAIN_FYP = re.compile(r"“?(十[一二三四五六]五|[八九]五|十五)”?(?:时期|期间|末|规划|计划)")
# a count of years: a numeral, or one or two digits that end no longer number
_PLAIN_COUNT = r"(?:[两二三四五六七八九十]|(?<!\d)\d\d?)"
_PLAIN_SENT_MULTI_YEAR = re.compile(
    rf"累计[，,]|年均|(?:过去的?|这|近){_PLAIN_COUNT}年|{_PLAIN_COUNT}年来|[两二三四五六七八九十]年以来"
    r"|“?(?:十[一二三四五六]五|[八九]五|十五)”?(?:时期|期间|以来)")
_SENTENCE_PARTS = st.sampled_from([
    "到2030年", "2030年前", "1984年", "12024年", "到一九八五年", "二〇二五年", "二零二六年前", "比1983年",
    "1979年以来", "八十年代",
    "发展预期目标是", "主要预期目标为", "主要目标定为：", "预期目标建议为", "“十四五”时期", "十五规划", "十三五末",
    "这五年", "过去五年", "过去的两年", "12年来", "2015年来", "近三年", "三年来", "四年以来", "累计，", "年均", "期间",
    "“九五”计划", "八五期间", "第十五届", "“十四五”期末",
    "到", "2030", "年", "前", "目标", "是", "主要", "预期", "，", "1", "字"])


@settings(max_examples=300)
@given(st.lists(_SENTENCE_PARTS, max_size=8).map("".join))
def test_sentence_patterns_find_what_their_plain_forms_find(text: str) -> None:
    from govreport import facts as F

    plain = _PLAIN_GOAL_YEAR.search(text)
    goal = F._goal_year(text)
    plain_year = None
    if plain and plain.group(3):
        plain_year = lang.FIVE_YEAR_PLANS[plain.group(3)]
    elif plain:
        plain_year = year_number(plain.group(1) or plain.group(2))
    assert goal == plain_year
    assert [(m.start(), m.group(1)) for m in F.TIME_YEAR.finditer(text)] == \
        [(m.start(), m.group(1)) for m in _PLAIN_TIME_YEAR.finditer(text)]
    assert [m.span(1) for m in F.SENTENCE_YEAR.finditer(text)] == \
        [m.span(1) for m in _PLAIN_SENTENCE_YEAR.finditer(text)]
    assert [m.span() for m in F.TARGET_INTRO.finditer(text)] == [m.span() for m in _PLAIN_TARGET_INTRO.finditer(text)]
    fyp, plain_fyp = F.FYP.search(text), _PLAIN_FYP.search(text)
    assert (fyp and fyp.group(1)) == (plain_fyp and plain_fyp.group(1))
    assert F.multi_year_words(text) == bool(_PLAIN_SENT_MULTI_YEAR.search(text))


def test_a_plan_goal_takes_the_end_year_of_the_plan_its_heading_names() -> None:
    r = govreport.extract("2026年政府工作报告\n各位代表：\n一、2025年工作回顾\n地区生产总值增长5%。\n"
                          "二、“十五五”时期主要目标任务\n常住人口城镇化率提高到70%，城镇调查失业率控制在5.5%以内。\n")
    got = brief(list(r.facts))
    assert ("urbanization_rate", "rate", "plan", 2030, None, 70, None, None) in got
    assert ("unemployment_surveyed", "rate", "plan", 2030, None, 5.5, None, "以内") in got


@pytest.mark.parametrize(("sentence", "growth"), [
    ("全年完成地方财政一般预算收入4.6亿元，增收0.7亿元，增长17.9%。", 17.9),
    ("地方财政收入2.4亿元，比上年减收0.2亿元，下降7.7%。", -7.7),
    ("农民人均纯收入5100元，增加620元，增长13.8%。", 13.8),
])
def test_a_change_by_an_amount_between_a_level_and_its_growth(sentence: str, growth: float) -> None:
    got = {(f.measure, f.value) for f in facts(sentence)}
    assert ("growth", growth) in got and len(got) == 2  # the amount of the change is no fact


def test_a_heading_of_a_plan_whose_years_are_over_reviews_it() -> None:
    # 一、“十五”计划主要预期目标提前实现 in a 2006 report: the plan's results, the last year's actual
    body = "地区生产总值达到1266亿元，比上年增长17.3%。\n"
    r = govreport.extract("2006年某市政府工作报告\n各位代表：\n一、“十五”计划主要预期目标提前实现\n" + body +
                          "二、“十一五”时期的奋斗目标\n地区生产总值年均增长12%，到2010年达到2400亿元。\n")
    assert {(f.kind, f.period, f.value) for f in r.facts} == {
        ("actual", 2005, 1266), ("actual", 2005, 17.3), ("plan", 2010, 2400)}
    # in the plan's own last year its heading still sets goals
    r = govreport.extract("2005年某市政府工作报告\n各位代表：\n一、2004年工作回顾\n生产总值增长15%。\n"
                          "二、“十五”计划的目标\n地区生产总值达到1200亿元。\n")
    assert ("plan", 2005, 1200) in {(f.kind, f.period, f.value) for f in r.facts}


def test_no_fact_without_the_year_it_is_about() -> None:
    # no title, meeting or year in the text: the kind may be told, the period not; period is an int
    r = govreport.extract("各位代表：\n一、关于今后的任务\n今年粮食产量要达到六百万吨。\n")
    assert r.meta.report_year is None
    assert all(f.period is not None for f in r.facts) and not r.facts
    assert [(f.value, f.unit) for f in r.figures] == [(600, "万吨")]  # the number is still there, as a figure


def test_a_figure_of_an_earlier_year_named_before_its_name_is_no_fact() -> None:
    # 一九三六年的粮食产量是三千亿斤 in a review: history quoted for comparison, not last year's result
    got = brief(facts("二〇二〇年的粮食产量是三千亿斤，去年粮食产量达到三千五百亿斤。"))
    assert got == {("grain_output", "level", "actual", 2024, None, 3500, None, None)}


# --- local reports, digests and provincial reviews (paraphrased constructions) ------------------------

def test_an_estimate_heads_the_list_of_lines_it_introduces() -> None:
    got = brief(facts("经济总量稳步增长。预计完成生产总值418亿元，增长13%；\n\n地方财政收入19.1亿元，增长15.6%；\n\n"
                      "万元生产总值能耗降低4.2%。经济结构优化，城镇居民人均可支配收入21040元。"))
    assert {(i, m, k, v) for i, m, k, _, _, v, _, _ in got} == {
        ("gdp", "level", "estimate", 418), ("gdp", "growth", "estimate", 13),
        ("public_budget_revenue", "level", "estimate", 19.1), ("public_budget_revenue", "growth", "estimate", 15.6),
        ("energy_intensity", "growth", "estimate", -4.2),
        ("disposable_income", "level", "actual", 21040)}  # after the list's full stop: no longer the estimate


def test_an_estimate_after_an_items_name_marks_that_item_only() -> None:
    # results stated first, then one item estimated (its figure not yet final): the items after it
    # are results again
    got = brief(facts("全县完成生产总值90亿元，增长5%；税收收入8.2亿元；城乡居民人均可支配收入预计2.9万元，"
                      "增长6%；城镇登记失业率3.1%。"))
    assert {(i, m, k) for i, m, k, *_ in got} == {
        ("gdp", "level", "actual"), ("gdp", "growth", "actual"),
        ("disposable_income", "level", "estimate"), ("disposable_income", "growth", "estimate"),
        ("unemployment_registered", "rate", "actual")}
    # one that heads an item goes on over the rest of the list
    got = brief(facts("全县完成生产总值90亿元，增长5%；预计一般公共预算收入7亿元；社会消费品零售总额31亿元。"))
    assert {(i, k) for i, _, k, *_ in got} == {
        ("gdp", "actual"), ("public_budget_revenue", "estimate"), ("retail_sales", "estimate")}


def test_a_word_of_several_years_speaks_for_its_own_clause() -> None:
    got = brief(facts("2024年地区生产总值26.8亿元，较上年增长12%，年均增长11%；全社会固定资产投资15.5亿元，"
                      "较上年增长20.4%，“十四五”以来年均增长9%；规上工业增加值增长7.6%。"))
    assert {(i, m, v) for i, m, _, _, _, v, _, _ in got} == {
        ("gdp", "level", 26.8), ("gdp", "growth", 12), ("fixed_asset_investment", "level", 15.5),
        ("fixed_asset_investment", "growth", 20.4), ("industrial_value_added", "growth", 7.6)}
    assert all(v != 9 for *_, v, _, _ in got)
    # a sentence opening on several years still covers all its clauses
    assert not [f for f in facts("五年来，全县生产总值年均增长8%；地方财政收入增长12%。") if f.measure == "growth"]


def test_a_note_in_brackets_between_name_and_value() -> None:
    assert brief(facts("财政收入(不含基金)2.01亿元，较上年增长26.4%；全年地区生产总值同比(下同)增长4.5%。")) == {
        ("public_budget_revenue", "level", "actual", 2024, None, 2.01, None, None),
        ("public_budget_revenue", "growth", "actual", 2024, None, 26.4, None, None),
        ("gdp", "growth", "actual", 2024, None, 4.5, None, None)}


@pytest.mark.parametrize(("sentence", "fact"), [
    ("农牧民人均纯收入达16260元。", ("disposable_income", "level", "rural", 16260)),
    ("城镇居民收入增长4.4%。", ("disposable_income", "growth", "urban", 4.4)),
    ("农村居民收入增长6.3%。", ("disposable_income", "growth", "rural", 6.3)),
    ("农村人均收入3 054元。", ("disposable_income", "level", "rural", 3054)),
    ("农民人均收入达到5000元。", ("disposable_income", "level", "rural", 5000)),
    ("城镇人均可支配收入2万元。", ("disposable_income", "level", "urban", 2)),
    ("研发经费占GDP比重提升至4.18%。", ("rd_intensity", "rate", None, 4.18)),
    ("全社会研发投入占比达到3.1%。", ("rd_intensity", "rate", None, 3.1)),
    ("城镇新增就业人员8600人。", ("new_urban_jobs", "level", None, 8600)),
    ("全县经济总量突破百亿元。", ("gdp", "level", None, 100)),
    ("全县gdp达到1050亿元。", ("gdp", "level", None, 1050)),  # lowercased by a site
    ("人均gdp超过8万元。", ("gdp_per_capita", "level", None, 8)),
])
def test_names_local_and_older_reports_use(sentence: str, fact: tuple[object, ...]) -> None:
    assert {(f.indicator, f.measure, f.scope, f.value) for f in facts(sentence)} == {fact}


def test_a_digest_without_headings_dates_its_figures_by_its_time_words() -> None:
    page = ("市长在会上说，2024年全市上下齐心协力完成了市十届人大三次会议确定的目标任务。地区生产总值3417亿元，"
            "增长13%；城镇登记失业率2.75%。\n一年来，我市经济平稳。\n全市社会消费品零售总额88亿元，增长5.8%。\n"
            "这一年，全社会研发投入强度首次超过3%。\n2025年是“十四五”收官之年。")
    r = govreport.extract(page)
    assert r.meta.report_year == 2025
    assert {(f.indicator, f.kind, f.period, f.value) for f in r.facts} == {
        ("gdp", "actual", 2024, 3417), ("gdp", "actual", 2024, 13), ("unemployment_registered", "actual", 2024, 2.75),
        ("retail_sales", "actual", 2024, 88), ("retail_sales", "actual", 2024, 5.8),
        ("rd_intensity", "actual", 2024, 3)}


def test_respectively_over_the_amounts_before_it() -> None:
    got = brief(facts("财政总收入150.7亿元，其中地方财政收入81.45亿元，分别增长21.2%和19.7%。"))
    assert got == {("public_budget_revenue", "level", "actual", 2024, None, 81.45, None, None),
                   ("public_budget_revenue", "growth", "actual", 2024, None, 19.7, None, None)}


def test_a_revised_figure_of_the_year_before_and_a_nominal_beside_the_real() -> None:
    got = brief(facts("完成经济普查，2023年全县地区生产总值修订为1943.3亿元，2024年地区生产总值可比增长2.5%、"
                      "现价增长3.5%。"))
    assert got == {("gdp", "level", "actual", 2023, None, 1943.3, None, None),
                   ("gdp", "growth", "actual", 2024, None, 2.5, None, None)}


def test_a_threshold_restating_an_exact_level_is_that_fact() -> None:
    got = brief(facts("地区生产总值迈上6万亿元台阶，达到62661亿元；地方一般公共预算收入突破400亿元、达到421亿元；"
                      "农村居民人均可支配收入突破2万元。"))
    assert got == {("gdp", "level", "actual", 2024, None, 62661, None, None),
                   ("public_budget_revenue", "level", "actual", 2024, None, 421, None, None),
                   ("disposable_income", "level", "actual", 2024, "rural", 2, None, "以上")}


def test_a_level_held_over_five_years_is_no_years() -> None:
    r = govreport.extract("各位代表：\n一、“十四五”时期工作回顾\n五年来，发展成就显著。\n粮食总产量稳定在550亿斤左右，"
                          "地区生产总值达到62661亿元。\n刚刚过去的2025年，是收官之年。粮食总产量达到560亿斤。\n"
                          "二、2026年工作安排\n")
    assert {(f.indicator, f.period, f.value) for f in r.facts} == {("gdp", 2025, 62661), ("grain_output", 2025, 560)}


def test_a_digest_that_names_the_goals_with_a_colon_after_a_review_sentence() -> None:
    r = govreport.extract("2月19日，某某县第六届人民代表大会第四次会议开幕，县长张三作政府工作报告。\n"
                          "张三对过去一年的工作进行了全面回顾：一是稳增长；二是惠民生。\n"
                          "张三在报告中提出了2019年经济社会发展主要预期目标：地区生产总值增长9%，"
                          "城、乡居民人均可支配收入分别增长8%、9%，城镇登记失业率控制在4%以内。")
    assert {(f.indicator, f.kind, f.period, f.scope, f.value) for f in r.facts} == {
        ("gdp", "target", 2019, None, 9), ("disposable_income", "target", 2019, "urban", 8),
        ("disposable_income", "target", 2019, "rural", 9), ("unemployment_registered", "target", 2019, None, 4)}


def test_the_goals_of_a_new_governments_five_years_are_plans_to_its_last_year() -> None:
    r = govreport.extract("2017年4月22日，某某市第八届人民代表大会第一次会议开幕。\n今后五年的重点目标\n"
                          "地区生产总值突破3000亿元；\n居民人均可支配收入超过5万元。\n2017年主要工作\n"
                          "全市经济社会发展主要预期目标：\n地区生产总值增长7.5%以上；\n")
    assert {(f.indicator, f.measure, f.kind, f.period, f.value) for f in r.facts} == {
        ("gdp", "level", "plan", 2021, 3000), ("disposable_income", "level", "plan", 2021, 5),
        ("gdp", "growth", "target", 2017, 7.5)}
    # a heading that names the year too is the year's
    assert find_sections("二、今后五年和2017年的工作\n正文。")[0].kind != "plan"


def test_a_goal_the_years_work_was_guided_by_does_not_make_its_results_goals() -> None:
    r = govreport.extract("县长代表县人民政府向大会作政府工作报告。报告分两个部分：一是2010年政府工作回顾；"
                          "二是奋斗目标。\n"
                          "报告指出：2010年，我们紧紧围绕富民强县目标，完成了目标任务。初步核算，全县生产总值实现131487万元，"
                          "同比增长15%。")
    assert {(f.measure, f.kind, f.period) for f in r.facts} == {("level", "actual", 2010), ("growth", "actual", 2010)}


@pytest.mark.parametrize("sentence", [
    "一般公共预算收入完成10亿元，为预算的105%，增长8%。",
    "一般公共预算收入完成10亿元，完成年度目标任务的110%，增长8%。",
    "一般公共预算收入完成10亿元，占全市的15%，增长8%。",
])
def test_the_share_of_a_plan_or_a_whole_between_a_level_and_its_growth(sentence: str) -> None:
    assert {(f.measure, f.value) for f in facts(sentence)} == {("level", 10), ("growth", 8)}


def test_on_a_page_without_headings_a_sentence_of_this_year_sets_goals() -> None:
    r = govreport.extract("2024年1月5日，某某县第十届人民代表大会第三次会议开幕。县长张三作政府工作报告。\n"
                          "他说，过去一年全县地区生产总值增长7%。\n今年，全县将力争地区生产总值增长7.5%。\n"
                          "新的一年，一般公共预算收入增长6%。")
    assert {(f.kind, f.period, f.value) for f in r.facts} == {
        ("actual", 2023, 7), ("target", 2024, 7.5), ("target", 2024, 6)}


def test_an_estimate_covers_the_run_of_figure_sentences_it_opens() -> None:
    r = govreport.extract("各位代表：\n一、2008年工作回顾\n这一年，是经济增长明显加快的一年。"
                          "预计地区生产总值实现187亿元，增长26%。社会消费品零售总额36亿元，增长20%。\n"
                          "一年来，全社会固定资产投资增长15%。\n"
                          "二、2009年工作安排\n")
    assert {(f.indicator, f.measure, f.kind) for f in r.facts} == {
        ("gdp", "level", "estimate"), ("gdp", "growth", "estimate"), ("retail_sales", "level", "estimate"),
        ("retail_sales", "growth", "estimate"), ("fixed_asset_investment", "growth", "actual")}
    # a sentence with a word of time of its own is no more of the run
    r = govreport.extract("各位代表：\n一、2008年工作回顾\n预计地区生产总值增长26%。全年社会消费品零售总额增长20%。\n"
                          "二、2009年工作安排\n")
    assert {(f.indicator, f.kind) for f in r.facts} == {("gdp", "estimate"), ("retail_sales", "actual")}


def test_the_day_of_the_meeting_is_no_time_a_figure_speaks_of() -> None:
    lede = "2018年1月17日，理县第十三届人民代表大会第二次会议开幕。报告共分两部分：2017年工作回顾；2018年主要工作。\n"
    # a figure with no word of time of its own is of no year the page tells (not the meeting's)
    assert govreport.extract(lede + "全县实现地区生产总值25.23亿元，同比增长8.5%。").facts == ()
    # 预计 in its own words: the estimate of the year under review, whatever the paragraph above says
    r = govreport.extract(lede + "全年预计实现地区生产总值25.23亿元，同比增长8.5%。")
    assert {(f.kind, f.period) for f in r.facts} == {("estimate", 2017)}


def test_a_sum_over_five_years_is_no_years_but_a_whole_years_sum_is() -> None:
    r = govreport.extract("各位代表：\n一、“十四五”时期工作回顾\n五年来，累计完成全社会固定资产投资962亿元，"
                          "地区生产总值达到800亿元。\n刚刚过去的2025年，全年累计完成全社会固定资产投资210亿元。\n"
                          "二、2026年工作安排\n")
    assert {(f.indicator, f.period, f.value) for f in r.facts} == {
        ("gdp", 2025, 800), ("fixed_asset_investment", 2025, 210)}


def test_a_sum_in_its_own_clause_of_a_passage_over_years_is_the_passages() -> None:
    # the sentence opens on the year, but a clause after a semicolon that sums (累计完成) is the
    # term's sum, in a December report reviewing its four years
    r = govreport.extract("——2024年11月28日在某县第九届人民代表大会第一次会议上\n各位代表：\n"
                          "四年来，我们推动经济提质增效。2024年预计实现地区生产总值86.2亿元，年均增长7%；"
                          "累计完成固定资产投资180.4亿元；累计实现社会消费品零售总额99.5亿元。\n")
    assert {(f.indicator, f.kind, f.period, f.value) for f in r.facts} == {("gdp", "estimate", 2024, 86.2)}
    # in a review of one year, a clause's 累计完成 is still that year's sum
    assert brief(facts("全年实现地区生产总值86.2亿元；累计完成固定资产投资18.4亿元。")) >= {
        ("fixed_asset_investment", "level", "actual", 2024, None, 18.4, None, None)}


@pytest.mark.parametrize("sentence", [
    "软件和信息技术服务业增加值增长9.6%。",  # a sector whose name ends in the indicator's
    "发行用于项目建设的专项债券1833亿元。",  # a subset of the bonds
    "成渝地区双城经济圈建设走深走实，经济总量超9万亿元。",  # a grouping of regions
    "市区城镇居民人均可支配收入17806元。",  # the city proper
    "城乡居民人均存款余额增长10%。",  # a per-capita figure of an aggregate
    "人均地方财政收入达到3000元。",
    "五年累计完成固定资产投资500亿元。",  # a sum over five years
    "五年完成全社会固定资产投资201.3亿元。",  # a count of years before the name: their sum
    "三年城镇新增就业2.1万人。",
    "辖内财政收入迈过千亿大关，达1330亿元。",  # all revenue raised in the region, the centre's too
    "三级财政收入50亿元。",  # the revenue of the three levels of government, not the district's own
])
def test_another_subjects_figure_is_no_fact(sentence: str) -> None:
    assert facts(sentence) == []


def test_fiscal_revenue_gives_way_to_the_budget_revenue_the_report_also_states() -> None:
    got = brief(facts("预计财政收入110.67亿元，增长22.56%，其中公共财政预算收入82.42亿元，增长27.2%。"))
    assert {v for *_, v, _, _ in got} == {82.42, 27.2}
    assert {v for *_, v, _, _ in brief(facts("财政收入6.02亿元，增长9%。"))} == {6.02, 9}  # alone, it is the indicator


def test_a_level_of_governments_own_revenue() -> None:
    # 区级 in a district is the district's revenue; 市级 beside 全市 is the city government's part of
    # it; 本级 (the government's own level alone) is never the region's
    got = brief(facts("区级一般公共预算收入完成45.6亿元，增长5.2%。"))
    assert {v for *_, v, _, _ in got} == {45.6, 5.2}
    assert [f.quote for f in facts("区级一般公共预算收入完成45.6亿元。")] == ["区级一般公共预算收入完成45.6亿元"]
    got = brief(facts("全市一般公共预算收入100亿元，增长5%，其中市级一般公共预算收入40亿元，增长3%。"))
    assert {v for *_, v, _, _ in got} == {100, 5}
    assert not facts("市本级一般公共预算收入40亿元，增长3%。")


def test_public_revenue_gives_way_to_the_local_public_revenue() -> None:
    # county reports before 2015: 公共财政收入 is what the county collects, upper levels' shares
    # included; the local one is its budget revenue
    got = brief(facts("全年完成公共财政收入12.4亿元，增长9%；地方公共财政收入7.3亿元，增长6%；"
                      "财政收入15.1亿元。"))
    assert {v for *_, v, _, _ in got} == {7.3, 6}
    assert {v for *_, v, _, _ in brief(facts("公共财政预算收入8.4亿元，增长20%。"))} == {8.4, 20}


def test_a_statement_in_a_list_of_goals_on_a_page_without_headings() -> None:
    r = govreport.extract_text("报告提出2022年主要工作安排。主要预期目标是：全市生产总值增长6%以上，"
                          "全体居民人均可支配收入与经济增长同步。")
    assert {(f.indicator, f.kind, f.period, f.qualifier) for f in r.facts} == {
        ("gdp", "target", 2022, "以上"), ("disposable_income", "target", 2022, "同步")}


def test_a_rate_from_mid_year_to_the_years_end() -> None:
    assert brief(facts("城镇调查失业率从上半年5.5%降到5.3%。")) == {
        ("unemployment_surveyed", "rate", "actual", 2024, None, 5.3, None, None)}


def test_without_the_reports_year_a_figure_its_own_words_date_is_kept() -> None:
    r = govreport.extract("2019年，全县实现地区生产总值85亿元，同比增长6%。\n财政收入增长8%。\n"
                          "2020年，力争地区生产总值增长7%。五年合计财政支出为600亿元，其中2020年为130亿元。")
    assert r.meta.report_year is None
    assert {(f.indicator, f.kind, f.period, f.value) for f in r.facts} == {
        ("gdp", "actual", 2019, 85), ("gdp", "actual", 2019, 6)}  # undated, a goal, a plan's sum: figures only
    assert any(fig.value == 8 for fig in r.figures)


def test_a_paragraph_opening_on_its_year_dates_the_sentences_after() -> None:
    r = govreport.extract_text("2009年，我市经济平稳较快增长。完成财政总收入50.8亿元，其中一般预算收入18.8亿元，"
                          "分别增长26.7%和18.9%。")
    assert {(f.indicator, f.period, f.value) for f in r.facts} == {
        ("public_budget_revenue", 2009, 18.8), ("public_budget_revenue", 2009, 18.9)}


def test_an_estimate_on_a_page_without_headings_is_of_the_year_under_review() -> None:
    r = govreport.extract("2018-01-24 某某网\n1月24日，某某区第一届人民代表大会第二次会议开幕。\n区政府成立一年以来，"
                          "圆满完成了全年目标任务。\n预计地区生产总值超过2100亿元，增长8.8%左右；全社会固定资产投资616亿元。")
    assert {(f.indicator, f.kind, f.period, f.value, f.qualifier) for f in r.facts} == {
        ("gdp", "estimate", 2017, 2100, "以上"), ("gdp", "estimate", 2017, 8.8, "左右"),
        ("fixed_asset_investment", "estimate", 2017, 616, None)}


@pytest.mark.parametrize("sentence", [
    "脱贫地区农村居民人均可支配收入增长8%。",  # a part of the region's people
    "全县地区生产总值5年增长18.7%，年均增长3.5%。",  # a change over five years
    "地区生产总值三年累计增长25%。",
])
def test_figures_of_a_part_or_of_several_years_are_no_fact(sentence: str) -> None:
    assert facts(sentence) == []


def test_a_sentence_naming_the_year_under_review_after_a_five_year_summary() -> None:
    r = govreport.extract("1月20日上午，某某省十二届人大一次会议开幕，省长王明作政府工作报告。"
                          "报告提出，2013年主要预期目标：全省生产总值增长10%左右。\n报告首先总结了过去五年的工作。王明说，初步统计，2012年全省"
                          "生产总值19701亿元，增长11.4%；五年全省生产总值增长80%。")
    assert {(f.indicator, f.measure, f.kind, f.period, f.value) for f in r.facts} == {
        ("gdp", "growth", "target", 2013, 10), ("gdp", "level", "actual", 2012, 19701),
        ("gdp", "growth", "actual", 2012, 11.4)}  # the five years' change is no year's


def test_a_year_singled_out_of_an_amount_over_years_is_that_years() -> None:
    # 五年完成…201.3亿元，其中2024年完成59.15亿元: the total is no year's, the part singled out is the year's
    assert brief(facts("五年完成全社会固定资产投资201.3亿元，其中2024年完成59.15亿元。")) == {
        ("fixed_asset_investment", "level", "actual", 2024, None, 59.15, None, None)}
    assert facts("五年完成全社会固定资产投资201.3亿元，其中2023年完成50亿元。") == []  # an earlier year's


def test_the_older_series() -> None:
    got = brief(facts("规模以上固定资产投资91.4亿元；公共财政预算收入82.4亿元；农民人均纯收入7950元。",
                      "居民消费价格指数控制在3%以内。"))
    assert got == {("fixed_asset_investment", "level", "actual", 2024, None, 91.4, None, None),
                   ("public_budget_revenue", "level", "actual", 2024, None, 82.4, None, None),
                   ("disposable_income", "level", "actual", 2024, "rural", 7950, None, None),
                   ("cpi", "growth", "target", 2025, None, 3, None, "以内")}


def test_a_short_clause_between_a_level_and_its_growth_rate() -> None:
    # 完成126亿元，五年内翻了两番，增长35%: the remark on the level does not cut it from its growth
    for remark in ("五年内翻了两番", "居全市第一"):
        got = brief(facts(f"全社会固定资产投资完成126.4亿元，{remark}，增长35.5%。"))
        assert ("fixed_asset_investment", "growth", "actual", 2024, None, 35.5, None, None) in got
    # a clause with a change of its own may be the growth's subject
    for remark in ("税收占比提高", "非税收入下降"):
        got = brief(facts(f"一般公共预算收入完成3.6亿元，{remark}，增长5%。"))
        assert got == {("public_budget_revenue", "level", "actual", 2024, None, 3.6, None, None)}


def test_items_of_a_list_under_a_line_that_names_the_year_reviewed() -> None:
    # a page without headings: 以下是2023年工作回顾：⏎● …; each item is of the year its intro names
    text = ("沧源2024年工作报告\n我们迎来了2024年，向大家汇报2023年的工作成果。\n以下是2023年工作回顾：\n"
            "● 经济发展稳中向好，全年GDP同比增长8.5%。\n● 民生持续改善，城乡居民人均可支配收入分别增长9%和10%。\n")
    got = brief(list(govreport.extract_text(text).facts))
    assert got == {("gdp", "growth", "actual", 2023, None, 8.5, None, None),
                   ("disposable_income", "growth", "actual", 2023, "urban", 9, None, None),
                   ("disposable_income", "growth", "actual", 2023, "rural", 10, None, None)}
    # items of no intro, no word of time: no kind can be told
    bare = "沧源2024年工作报告\n汇报工作如下。\n● 经济发展稳中向好，GDP增长8.5%。\n"
    assert list(govreport.extract_text(bare).facts) == []


def test_a_digests_paragraphs_without_a_time_word_take_the_nearest_one_before() -> None:
    # a page without headings: 2018年，…。⏎预计…，经济运行在预期的合理区间。⏎全社会固定资产投资…
    text = ("一图读懂政府工作报告\n2018年，我们保持了经济持续健康发展。\n"
            "预计地区生产总值360亿元、增长8.5%，经济运行在预期的合理区间。\n"
            "全社会固定资产投资172亿元、增长13%。\n城乡居民收入分别达到33550元、15200元，均增长8.5%。\n")
    got = brief(list(govreport.extract_text(text, doc="2019年政府工作报告.txt").facts))
    assert got == {("gdp", "level", "estimate", 2018, None, 360, None, None),
                   ("gdp", "growth", "estimate", 2018, None, 8.5, None, None),
                   ("fixed_asset_investment", "level", "actual", 2018, None, 172, None, None),
                   ("fixed_asset_investment", "growth", "actual", 2018, None, 13, None, None),
                   ("disposable_income", "level", "actual", 2018, "urban", 33550, None, None),
                   ("disposable_income", "level", "actual", 2018, "rural", 15200, None, None),
                   ("disposable_income", "growth", "actual", 2018, "urban", 8.5, None, None),
                   ("disposable_income", "growth", "actual", 2018, "rural", 8.5, None, None)}


def test_one_value_for_each_scope_of_a_compound_name() -> None:
    # 均 (or 分别 before one value) gives it to each scope; alone it is the whole's
    assert brief(facts("城乡居民人均可支配收入均增长8%。")) == {
        ("disposable_income", "growth", "actual", 2024, "urban", 8, None, None),
        ("disposable_income", "growth", "actual", 2024, "rural", 8, None, None)}
    whole = ("disposable_income", "growth", "actual", 2024, None, 8, None, None)
    assert brief(facts("城乡居民收入增长8%。")) == {whole}


def test_an_undated_digests_topic_paragraphs_under_one_that_opens_on_its_year() -> None:
    # no report year in the text: 2012年，某县紧紧围绕…建设目标 (a guiding goal, no figure's) dates the
    # paragraphs on topics after it that speak of the whole year (全年), unless it speaks of what is to
    # come; the headline above it stays undated
    text = ("●全年实现地区生产总值450亿元\n2012年，某县紧紧围绕“幸福某县”建设目标，全年实现地区生产总值450亿元。\n"
            "经济发展稳中有进。全年完成固定资产投资335亿元，城镇居民人均可支配收入达到28800元。\n")
    got = brief(list(govreport.extract_text(text).facts))
    assert got == {("gdp", "level", "actual", 2012, None, 450, None, None),
                   ("fixed_asset_investment", "level", "actual", 2012, None, 335, None, None),
                   ("disposable_income", "level", "actual", 2012, "urban", 28800, None, None)}
    ahead = text.replace("全年实现地区生产总值450亿元。", "今年要实现地区生产总值500亿元。")
    assert list(govreport.extract_text(ahead).facts) == []


@pytest.mark.parametrize(("text", "met", "ahead", "fact"), [
    # a digest of the year's results: 超年度计划目标13.9% is a result beating its plan, so the next
    # paragraph's figure is the year's too, not a goal
    ("某省政府2025年政府工作报告新鲜出炉。\n2024年，全省经济运行总体平稳。地区生产总值增长5.8%。\n"
     "着力抓好政策落实，省重大项目投资7300亿元、超年度计划目标13.9%。\n着力增进民生福祉，城镇新增就业143万人。\n",
     "超年度计划目标13.9%", "力争完成年度计划目标", ("new_urban_jobs", "level", "actual", 2024, None, 143, None, None)),
    # a page that lost its headings: 提前两年完成“十一五”目标 is a result, so the clause after it is too
    ("2009年政府工作报告\n县长 某某\n各位代表：\n过去的一年，县人民政府较好地完成了各项任务。"
     "全县实现生产总值36.8亿元；农民人均纯收入4878元，提前两年完成“十一五”目标；全社会固定资产投资15.24亿元。",
     "提前两年完成“十一五”目标", "力争完成“十一五”目标",
     ("fixed_asset_investment", "level", "actual", 2008, None, 15.24, None, None)),
])
def test_a_goal_met_beaten_or_met_ahead_of_time_is_no_goal_ahead(text: str, met: str, ahead: str,
                                                                  fact: tuple[object, ...]) -> None:
    assert fact in brief(list(govreport.extract_text(text).facts))
    assert fact not in brief(list(govreport.extract_text(text.replace(met, ahead)).facts))


def test_investment_brought_in_by_canvassing_is_not_the_regions_investment() -> None:
    assert facts("", "今年计划招引20个过亿项目，招商引资到位固定资产投资15亿元以上。") == []


def test_budget_revenue_short_of_its_first_word_beside_total_fiscal_revenue() -> None:
    # 公共预算收入 is 一般公共预算收入 without 一般; 财政总收入 (with what is paid up the levels) is no
    # indicator, so of the pair only the second amount is a fact
    got = brief(facts("财政总收入、公共预算收入分别完成6.1亿元、3.6亿元，分别是2019年的1.6倍、1.8倍。"))
    assert got == {("public_budget_revenue", "level", "actual", 2024, None, 3.6, None, None)}


def test_a_bracketed_estimate_note_marks_its_figures_and_with_xiatong_those_after_it() -> None:
    # 达5600亿元（预计数，下同）: the note cut the chain to the growth rate, the level came out as a
    # result, and the figures after it (下同: the same below) were results too
    got = brief(facts("综合实力明显增强。地区生产总值达到742亿元（预计数，下同），增长7.5%；"
                      "一般公共预算收入51.3亿元，增长4%。\n"))
    assert got == {("gdp", "level", "estimate", 2024, None, 742, None, None),
                   ("gdp", "growth", "estimate", 2024, None, 7.5, None, None),
                   ("public_budget_revenue", "level", "estimate", 2024, None, 51.3, None, None),
                   ("public_budget_revenue", "growth", "estimate", 2024, None, 4, None, None)}
    alone = brief(facts("地区生产总值达到742亿元（预计），增长7.5%。\n一般公共预算收入51.3亿元，增长4%。\n"))
    assert ("gdp", "level", "estimate", 2024, None, 742, None, None) in alone
    assert ("public_budget_revenue", "level", "actual", 2024, None, 51.3, None, None) in alone  # no 下同


def test_a_threshold_passed_then_the_level_reached() -> None:
    # 跨越700亿元，达742亿元: the threshold restates the level (one fact), and the growth follows
    assert brief(facts("地区生产总值跨越700亿元，达到742亿元，增长7.5%。\n")) == {
        ("gdp", "level", "actual", 2024, None, 742, None, None),
        ("gdp", "growth", "actual", 2024, None, 7.5, None, None)}


@pytest.mark.parametrize("body", ["地区生产总值增速达到6.1%。", "地区生产总值增幅达到了6.1%。",
                                  "全年地区生产总值增长达到6.1%，高于全市平均水平0.8个百分点。"])
def test_a_growth_word_then_reached_is_still_growth(body: str) -> None:
    # the 到 of 达到 was read as a change-to (增加到), which cut the growth word off the value
    assert brief(facts(body)) == {("gdp", "growth", "actual", 2024, None, 6.1, None, None)}


def test_a_sentence_runs_on_over_lines_that_end_in_a_semicolon() -> None:
    # a digest that put each clause on a line of its own: the year and the target intro stand on
    # the line above, and the figures below them were dated by nothing
    r = govreport.extract("1月9日上午，长沙县第十八届人民代表大会第三次会议开幕。\n县长李某作政府工作报告。\n"
                          "报告指出，2024年，全县地区生产总值增长5.5%；\n社会消费品零售总额达到113亿元，增长9.4%。\n"
                          "报告提出，2025年全县经济社会发展的主要预期目标是：地区生产总值增长6%左右；\n"
                          "一般公共预算收入增长3%；固定资产投资增长10%。\n")
    got = brief(list(r.facts))
    assert ("retail_sales", "level", "actual", 2024, None, 113, None, None) in got
    assert ("public_budget_revenue", "growth", "target", 2025, None, 3, None, None) in got
    assert ("fixed_asset_investment", "growth", "target", 2025, None, 10, None, None) in got


def test_a_change_from_the_end_of_a_plan_period_gives_the_level_it_reached() -> None:
    # 由“十二五”末的X增加到Y: X stands at the plan's end, Y is the level now
    got = brief(facts("全县生产总值由“十二五”末的56.3亿元增加到88.1亿元，年均增长7.2%。"))
    assert got == {("gdp", "level", "actual", 2024, None, 88.1, None, None)}


def test_industrial_value_added_of_the_enterprises_above_the_scale() -> None:
    assert brief(facts("规模以上工业企业增加值增长8.1%。")) == {
        ("industrial_value_added", "growth", "actual", 2024, None, 8.1, None, None)}


def test_a_sectors_value_added_with_its_verb_inside_and_growth_over_the_same_period() -> None:
    # 第一产业实现增加值X亿元 (the verb between sector and measure); 比上年同期增长 before a growth
    got = brief(facts("全年完成地区生产总值(GDP)86.5亿元，比上年同期增长4.6%。"
                      "其中：第一产业实现增加值12.1亿元，增长3.3%。"))
    assert got == {
        ("gdp", "level", "actual", 2024, None, 86.5, None, None),
        ("gdp", "growth", "actual", 2024, None, 4.6, None, None),
        ("value_added", "level", "actual", 2024, "primary", 12.1, None, None),
        ("value_added", "growth", "actual", 2024, "primary", 3.3, None, None)}


def test_a_sentence_opening_on_the_service_sector_names_its_value_added_bare() -> None:
    # 服务业…，增加值…: the sector is the subject the clause leaves out; elsewhere a bare 增加值 is no one's
    got = brief(facts("第三产业较快发展，增加值达到120亿元，增长7%。"))
    assert got == {("value_added", "level", "actual", 2024, "tertiary", 120.0, None, None),
                   ("value_added", "growth", "actual", 2024, "tertiary", 7.0, None, None)}
    assert ("value_added", "level", "actual", 2024, "tertiary", 3.0, None, "以上") in brief(
        facts("服务业带动作用增强，增加值迈上3万亿元台阶。"))
    assert not brief(facts("工业经济稳中有进，增加值增长6%。"))
    assert brief(facts("地区生产总值增长5%、高技术产业增加值增长10%。")) == {
        ("gdp", "growth", "actual", 2024, None, 5.0, None, None)}


def test_a_sentence_opening_on_industry_above_designated_size_names_its_value_added_bare() -> None:
    # 全县规模以上工业企业达到N家…；完成增加值X亿元: the enterprises' value added, after a verb
    got = brief(facts("2024年，全县规模以上工业企业达到120家，比上年净增9家；完成增加值41.5亿元，增长8.2%。"))
    assert got == {("industrial_value_added", "level", "actual", 2024, None, 41.5, None, None),
                   ("industrial_value_added", "growth", "actual", 2024, None, 8.2, None, None)}
    assert brief(facts("规上工业企业实现增加值66亿元。")) == {
        ("industrial_value_added", "level", "actual", 2024, None, 66.0, None, None)}
    assert brief(facts("2024年我县规模以上工业完成增加值70亿元。")) == {
        ("industrial_value_added", "level", "actual", 2024, None, 70.0, None, None)}
    # the bare name in the middle of another subject's words is nobody's, and so is one in a
    # sentence that opens on all industry (工业总产值…，增加值…: not the enterprises above size)
    assert not brief(facts("规上工业企业数量增加，高技术产业增加值增长12%。"))
    assert not [f for f in facts("全县完成工业总产值58.2亿元，增加值15.1亿元；其中规模以上工业实现产值"
                                 "20.4亿元，增加值6.1亿元。") if f.indicator == "industrial_value_added"]


def test_thresholds_crossed_one_after_another_give_the_last_as_the_level() -> None:
    # 连续跨越A、B两个台阶: as many thresholds as the count after them, the last one reached
    assert brief(facts("全县地区生产总值连续跨越150亿元、200亿元两个台阶。")) == {
        ("gdp", "level", "actual", 2024, None, 200.0, None, "以上")}
    # a count that does not match is no such list, and 分别 gives each name its own
    assert not brief(facts("全县地区生产总值跨越150亿元、200亿元三个台阶。"))
    assert brief(facts("地区生产总值、财政收入分别突破150亿元、20亿元两个台阶。")) == {
        ("gdp", "level", "actual", 2024, None, 150.0, None, "以上"),
        ("public_budget_revenue", "level", "actual", 2024, None, 20.0, None, "以上")}


def test_thresholds_crossed_without_a_count_and_the_level_reached_after_them() -> None:
    # 先后跨越A、B台阶 / 突破A、B大关: no count, the last threshold still the level reached
    assert brief(facts("全区生产总值先后跨越80亿元、90亿元台阶。")) == {
        ("gdp", "level", "actual", 2024, None, 90.0, None, "以上")}
    assert brief(facts("地方财政收入相继突破3亿元、4亿元大关。")) == {
        ("public_budget_revenue", "level", "actual", 2024, None, 4.0, None, "以上")}
    # the exact level after them is the fact (the thresholds restate it)
    for said in ("先后跨越80亿元、90亿元台阶，达到93.5亿元", "跨越80亿元、90亿元两个台阶，预计达到93.5亿元"):
        assert {(f.measure, f.value, f.qualifier) for f in facts(f"全区生产总值{said}。")} == {("level", 93.5, None)}


def test_a_bare_magnitude_after_an_amounts_name_is_in_yuan() -> None:
    # 突破5万 after an income, 跨越…万亿 after the product: the 元 is left out; a mass is not guessed
    assert brief(facts("农村居民人均可支配收入突破2万，增长7%。")) == {
        ("disposable_income", "level", "actual", 2024, "rural", 2.0, None, "以上"),
        ("disposable_income", "growth", "actual", 2024, "rural", 7.0, None, None)}
    assert [f.unit for f in facts("全市生产总值连续跨越1万亿、2万亿两个台阶。")] == ["万亿元"]
    assert not brief(facts("全年粮食总产量达到1亿。"))


def test_respectively_after_an_amount_of_a_name_the_lexicon_does_not_know() -> None:
    # the unknown 支出 closes the chain, but 分别 gives the rates, in order, to the amounts' subjects
    got = brief(facts("一般预算收入完成5209万元，累计支出43338万元，同比分别增长21.6%和12.4%。"))
    assert got == {("public_budget_revenue", "level", "actual", 2024, None, 5209, None, None),
                   ("public_budget_revenue", "growth", "actual", 2024, None, 21.6, None, None)}


def test_the_farmers_net_income_without_per_capita() -> None:
    assert brief(facts("农民纯收入达到2107元，增长12.2%。")) == {
        ("disposable_income", "level", "actual", 2024, "rural", 2107, None, None),
        ("disposable_income", "growth", "actual", 2024, "rural", 12.2, None, None)}


def test_a_december_report_without_headings_sets_the_next_years_goals() -> None:
    # delivered in December 2022: its 预计 figures are 2022's, its goals 2023's
    r = govreport.extract("——2022年12月19日在鄂城区第十届人民代表大会第二次会议上\n各位代表：\n"
                          "预计全年地区生产总值增长5%。明年主要预期目标是：固定资产投资增长16%以上。\n")
    assert r.meta.report_year == 2022
    assert brief(list(r.facts)) == {("gdp", "growth", "estimate", 2022, None, 5, None, None),
                                    ("fixed_asset_investment", "growth", "target", 2023, None, 16, None, "以上")}


def test_the_amount_completed_of_fixed_asset_investment() -> None:
    # 固定资产投资完成额 (the amount of investment completed), in older reports beside 规模以上
    assert brief(facts("规模以上固定资产投资完成额增长11.5%。")) == {
        ("fixed_asset_investment", "growth", "actual", 2024, None, 11.5, None, None)}


def test_a_news_paragraph_keeps_the_time_its_earlier_sentences_named() -> None:
    # 好于预期 judges the past year (no goal), and the year named two sentences back dates the figures
    r = govreport.extract("1月20日，鄂州市第七届人民代表大会第六次会议开幕。市长叶贤林作政府工作报告。\n"
                          "他说，刚刚过去的2014年，是很不平凡的一年。全市上下取得了好于预期的成绩。"
                          "全年实现地区生产总值590亿元，同比增长8.5%。\n")
    assert brief(list(r.facts)) == {("gdp", "level", "actual", 2014, None, 590, None, None),
                                    ("gdp", "growth", "actual", 2014, None, 8.5, None, None)}


def test_a_change_since_a_plan_periods_end_is_no_years_result() -> None:
    got = brief(facts("全市生产总值达到136.2亿元，比“九五”末增长了58.1%，年均增长9.9%。"))
    assert got == {("gdp", "level", "actual", 2024, None, 136.2, None, None)}


def test_energy_intensity_written_as_overall_consumption() -> None:
    assert brief(facts("单位地区生产总值综合能耗下降4%。")) == {
        ("energy_intensity", "growth", "actual", 2024, None, -4, None, None)}


def test_the_pastoral_residents_are_the_rural_series() -> None:
    # Inner Mongolia's banners write 牧区 (or 农村牧区) for the countryside
    got = brief(facts("城镇、牧区常住居民人均可支配收入分别达到24683元和19649元，增长7.9%和8.5%。"))
    assert got == {("disposable_income", "level", "actual", 2024, "urban", 24683, None, None),
                   ("disposable_income", "level", "actual", 2024, "rural", 19649, None, None),
                   ("disposable_income", "growth", "actual", 2024, "urban", 7.9, None, None),
                   ("disposable_income", "growth", "actual", 2024, "rural", 8.5, None, None)}


def test_a_level_that_jumped_to_a_named_years_figure() -> None:
    # 由2010年的77亿元跃升到2015年的161.1亿元: the level reached, in a review of five years
    r = govreport.extract("——2016年2月26日在某某州第十二届人民代表大会第六次会议上\n各位代表：\n"
                          "一、“十二五”时期工作回顾\n全州地区生产总值由2010年的57亿元跃升到2015年的121.1亿元，年均增长13.8%。\n")
    assert brief(list(r.facts)) == {("gdp", "level", "actual", 2015, None, 121.1, None, None)}


def test_a_november_report_of_a_new_congress_reviews_its_own_year() -> None:
    # delivered in November 2016: its 预计（下同） figures are 2016's; 比2012年（下同） makes every growth
    # after it one over four years, no year's result
    r = govreport.extract("2016年11月25日在桂阳县第十七届人民代表大会第一次会议上\n各位代表：\n一、本届政府工作回顾\n"
                          "（一）县域经济较快发展。2016年，预计（下同）全县生产总值34\n0亿元，比2012年（下同）"
                          "增长47.7%；固定资产投资353.7亿元，增长125.1%。\n")
    assert r.meta.report_year == 2016
    assert brief(list(r.facts)) == {("gdp", "level", "estimate", 2016, None, 340, None, None),
                                    ("fixed_asset_investment", "level", "estimate", 2016, None, 353.7, None, None)}


def test_a_plan_reports_execution_part_reviews_its_year() -> None:
    # 一、2007年国民经济和社会发展计划执行情况 reviews 2007 (it is no heading of 2007's tasks); the
    # three sectors' current-price value added 分别…
    r = govreport.extract("各位代表：\n一、2007年国民经济和社会发展计划执行情况\n2007年，全县经济平稳。预计（下同）"
                          "一、二、三产业现价增加值分别达到9.98亿元、4.2亿元、10.72亿元。\n")
    assert brief(list(r.facts)) == {("value_added", "level", "estimate", 2007, "primary", 9.98, None, None),
                                    ("value_added", "level", "estimate", 2007, "secondary", 4.2, None, None),
                                    ("value_added", "level", "estimate", 2007, "tertiary", 10.72, None, None)}


def test_a_growth_whose_goal_words_stand_between_the_verb_and_the_number() -> None:
    assert brief(facts("", "地区生产总值增长的预期目标为7%左右，居民消费价格涨幅目标为3%左右。")) == {
        ("gdp", "growth", "target", 2025, None, 7, None, "左右"),
        ("cpi", "growth", "target", 2025, None, 3, None, "左右")}


def test_growth_against_a_year_long_past_written_with_jiao() -> None:
    # 较2015年分别增长…: a change over five years, whatever verb of comparison the text uses
    got = brief(facts("全县实现生产总值109.7亿元、一般公共预算收入4.86亿元，较2019年分别增长26.8%和0.6%。"))
    assert got == {("gdp", "level", "actual", 2024, None, 109.7, None, None),
                   ("public_budget_revenue", "level", "actual", 2024, None, 4.86, None, None)}


def test_a_sentence_that_opens_on_a_park_gives_the_parks_figures() -> None:
    # 天易经开区…；完成地区生产总值430亿元: the park's GDP, not the county's; 全县 names the county again
    assert facts("园区发展势头良好。某某经开区实现技工贸总收入1200亿元；完成地区生产总值430亿元；"
                 "固定资产投资165亿元，增长10%。") == []
    assert brief(facts("某某经开区建设成效明显，全县地区生产总值530亿元。")) == {
        ("gdp", "level", "actual", 2024, None, 530, None, None)}


def test_an_estimate_note_that_names_the_measure_too_and_a_net_increase() -> None:
    # （预计，同比，下同）: estimates from its clause on; 净增110.8亿元 is a change, the growth follows it
    got = brief(facts("全年完成地区生产总值595亿元，增长5.5%（预计，同比，下同）；固定资产投资307亿元，增长8%。"))
    assert got == {("gdp", "level", "estimate", 2024, None, 595, None, None),
                   ("gdp", "growth", "estimate", 2024, None, 5.5, None, None),
                   ("fixed_asset_investment", "level", "estimate", 2024, None, 307, None, None),
                   ("fixed_asset_investment", "growth", "estimate", 2024, None, 8, None, None)}
    assert brief(facts("全县地区生产总值达到417亿元，净增110.8亿元，同比（下同）增长9.4%。")) == {
        ("gdp", "level", "actual", 2024, None, 417, None, None),
        ("gdp", "growth", "actual", 2024, None, 9.4, None, None)}


@pytest.mark.parametrize("sentence", [
    "前三季度，规模以上工业增加值增长9.1%。",
    "1-11月，社会消费品零售总额完成32亿元，增长10.2%。",
    "1至10月份全县固定资产投资增长6.5%。",
    "截至11月底，一般公共预算收入完成4.6亿元。",
])
def test_a_result_of_part_of_the_year_is_no_years_result(sentence: str) -> None:
    # a December report's latest months: the year's result is not known from them
    assert facts(sentence) == []


def test_a_whole_years_result_after_a_part_of_the_year() -> None:
    assert brief(facts("上半年经济增长较快，全年地区生产总值增长7%。")) == {
        ("gdp", "growth", "actual", 2024, None, 7, None, None)}


def test_this_year_in_a_digest_of_a_december_report_is_the_year_it_reviews() -> None:
    # read on 28 December: 今年以来…预计全年… estimates that year, 明年…目标 sets the next one's goals
    text = ("某县第十七届人民代表大会第五次会议开幕\n发布时间：2019-12-29\n"
            "12月28日，某县第十七届人民代表大会第五次会议开幕。县长某某作政府工作报告。\n"
            "报告指出，今年以来，全县上下攻坚克难，预计全年实现地区生产总值98.6亿元，增长7.5%。\n"
            "报告提出，明年全县经济社会发展的主要预期目标是：地区生产总值增长7%左右。\n")
    r = govreport.extract(text)
    assert brief(list(r.facts)) == {("gdp", "level", "estimate", 2019, None, 98.6, None, None),
                                    ("gdp", "growth", "estimate", 2019, None, 7.5, None, None),
                                    ("gdp", "growth", "target", 2020, None, 7, None, "左右")}


@pytest.mark.parametrize("goals", ["2021年全县经济社会发展的主要预期目标是：地区生产总值增长8%以上。",
                                   "2021年全县经济社会发展的主要预期目标是：\n地区生产总值增长8%以上；\n",
                                   "今年全县经济社会发展的主要预期目标是：地区生产总值增长8%以上。"])
def test_the_years_goals_under_a_heading_of_the_plan_and_the_year_are_targets(goals: str) -> None:
    r = govreport.extract("——2021年1月20日在某县第十八届人民代表大会第五次会议上\n各位代表：\n"
                          "一、2020年工作和“十三五”发展回顾\n2020年，全县地区生产总值完成168.5亿元。\n"
                          "二、“十四五”时期主要目标任务和2021年重点工作\n"
                          "“十四五”时期，到2025年城镇居民人均可支配收入达到5万元。\n" + goals)
    assert brief(list(r.facts)) == {("gdp", "level", "actual", 2020, None, 168.5, None, None),
                                    ("disposable_income", "level", "plan", 2025, "urban", 5, None, None),
                                    ("gdp", "growth", "target", 2021, None, 8, None, "以上")}


@pytest.mark.parametrize(("sentence", "value"), [
    ("居民消费价格指数为101.5%。", 1.5), ("居民消费价格指数为99.2%。", -0.8), ("居民消费价格指数上涨1.5%。", 1.5),
    ("居民消费价格总指数上涨2.1%。", 2.1), ("居民消费价格指数为102.7，失业率下降。", 2.7),
    ("居民消费价格总指数101.9。", 1.9)])
def test_a_price_index_on_the_year_before_is_read_as_its_change(sentence: str, value: float) -> None:
    # 101.5% is the index (上年=100), not a rise of 101.5%; after a change word the figure is the change
    assert brief(facts(sentence)) == {("cpi", "growth", "actual", 2024, None, value, None, None)}


def test_a_price_index_target() -> None:
    assert brief(facts("", "居民消费价格指数控制在103%左右。")) == {
        ("cpi", "growth", "target", 2025, None, 3, None, "左右")}
    assert brief(facts("", "居民消费价格总指数控制在103左右。")) == {
        ("cpi", "growth", "target", 2025, None, 3, None, "左右")}


def test_a_bare_number_after_an_index_of_no_base_is_no_fact() -> None:
    # 空气质量综合指数为95, 指数为1.3: not a price index on the year before
    assert facts("空气质量综合指数为95，居民消费价格指数为1.3，增加12个。") == []


def test_another_regions_figure_quoted_beside_the_reports_own_is_theirs() -> None:
    # a news page on 武汉's report that quotes other capitals' (2022年郑州全市生产总值…, 长沙2022年预计…):
    # their figures; a province's own stem (广西) and a city's full name in its own report stay its own
    page = ("政府工作报告\n——2023年1月5日在武汉市第十五届人民代表大会第二次会议上\n各位代表：\n一、2022年工作回顾\n"
            "2022年郑州全市生产总值预计增长2%左右。长沙2022年预计地区生产总值预计增长4.8%。武汉市地区生产总值增长4%。\n")
    assert {(f.indicator, f.value) for f in govreport.extract_text(page).facts} == {("gdp", 4)}
    own = page.replace("武汉市第十五届", "广西壮族自治区第十四届").replace("武汉市地区", "广西地区")
    assert ("gdp", 4) in {(f.indicator, f.value) for f in govreport.extract_text(own).facts}
    # a county's report quoting its city's figure: the city's
    county = ("政府工作报告\n——2023年1月5日在沐川县第十八届人民代表大会第三次会议上\n各位代表：\n一、2022年工作回顾\n"
              "乐山市地区生产总值增长5%，全县地区生产总值增长6%。\n")
    assert {(f.indicator, f.value) for f in govreport.extract_text(county).facts} == {("gdp", 6)}


def test_the_figures_after_another_regions_in_its_sentence_are_theirs_too() -> None:
    # a news page on 武汉's report: 襄阳市地区生产总值增长6.1%，一般公共预算收入增长8.2%；社会消费品… are
    # 襄阳's, the sentence naming it once; the next sentence, or the region's own named again, is 武汉's
    page = ("1月10日，武汉市第十五届人民代表大会第三次会议开幕。市长某某作政府工作报告。报告显示，2023年全市"
            "地区生产总值增长5.7%。同日，襄阳市地区生产总值增长6.1%，一般公共预算收入增长8.2%；社会消费品零售总额增长7.9%。"
            "武汉全市固定资产投资增长5%。\n")
    assert {(f.indicator, f.value) for f in govreport.extract_text(page).facts} == {
        ("gdp", 5.7), ("fixed_asset_investment", 5)}
    county = ("政府工作报告\n——2023年1月5日在沐川县第十八届人民代表大会第三次会议上\n各位代表：\n一、2022年工作回顾\n"
              "乐山市地区生产总值增长5%，全县一般公共预算收入增长6%。\n")
    assert {(f.indicator, f.value) for f in govreport.extract_text(county).facts} == {("public_budget_revenue", 6)}
