from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from govreport.figures import _VERB_TAIL_REVERSED, SUBJECT_REACH, VERB_WORDS, _phrase_before, extract_figures

# the longest tail of verb words, by the plain definition: a search from every position
_VERB_TAIL = re.compile(f"(?:{'|'.join(VERB_WORDS)})+$")


def figures(text: str) -> list[tuple[str, float, str]]:
    out = []
    for f in extract_figures(text, ()):
        assert text[f.start:f.end] == f.quote
        out.append((f.subject, f.value, f.unit))
    return out


def test_subject_unit_and_sign() -> None:
    assert figures("新建高标准农田4.48万亩，固定资产投资同比下降3.4%。") == [
        ("新建高标准农田", 4.48, "万亩"), ("固定资产投资", -3.4, "%")]


def test_every_word_of_a_fall_signs_a_figure() -> None:
    assert figures("工业产值下滑5%，出口回落2%，进口增幅3%。") == [
        ("工业产值", -5, "%"), ("出口", 2, "%"), ("进口", 3, "%")]


def test_lists_and_continuations_keep_their_subject() -> None:
    assert figures("全年完成地区生产总值180.39亿元，同比增长0.6%；存、贷款余额分别增长6.6%、7.5%。") == [
        ("地区生产总值", 180.39, "亿元"), ("地区生产总值", 0.6, "%"),
        ("贷款余额", 6.6, "%"), ("贷款余额", 7.5, "%")]


def test_years_and_bare_numbers_are_not_figures() -> None:
    assert figures("2025年是关键之年，我们有信心。") == []


def test_subjects_lose_time_and_verb_words_but_keep_long_names() -> None:
    assert figures("粮食产量首次跃上1.4万亿斤。城镇调查失业率平均为5.1%。拟发行超长期特别国债1.3万亿元。"
                   "居民医保和基本公共卫生服务经费人均财政补助标准再提高30元。") == [
        ("粮食产量", 1.4, "万亿斤"), ("城镇调查失业率", 5.1, "%"), ("超长期特别国债", 1.3, "万亿元"),
        ("居民医保和基本公共卫生服务经费人均财政补助标准", 30.0, "元")]


@given(st.lists(st.sampled_from(["地区", "生产", "总值", "增", "达", "实现", "实", "际"]), max_size=4),
       st.lists(st.sampled_from(VERB_WORDS), max_size=4))
def test_the_reversed_verb_tail_is_the_longest_tail_of_verb_words(head: list[str], verbs: list[str]) -> None:
    phrase = "".join(head + verbs)
    longest = _VERB_TAIL.search(phrase)
    reversed_tail = _VERB_TAIL_REVERSED.match(phrase[::-1])
    assert (longest.start() if longest else len(phrase)) == len(phrase) - (reversed_tail.end() if reversed_tail else 0)


_WORD_CHARS = re.compile(rf"[\u4e00-\u9fffA-Za-z“”]{{1,{SUBJECT_REACH}}}$")


_PARTS = ["地区生产总值", "，", "“", "”", "GDP", "5", "增", "全年", "实现", "长", "达到", "%", *VERB_WORDS]


@given(st.lists(st.sampled_from(_PARTS), max_size=12).map("".join), st.data())
def test_the_phrase_before_a_number_is_its_word_run_split_at_the_verb_tail(text: str, data: st.DataObject) -> None:
    # by the plain definition: the run of word characters ending at pos (at most SUBJECT_REACH),
    # then the longest tail of verb words in it
    pos = data.draw(st.integers(0, len(text)))
    run = _WORD_CHARS.search(text, max(0, pos - SUBJECT_REACH), pos)
    phrase = run.group() if run else ""
    tail = _VERB_TAIL.search(phrase)
    cut = tail.start() if tail else len(phrase)
    assert _phrase_before(text[::-1], pos) == (phrase[:cut], phrase[cut:])


def test_the_phrase_before_a_number_reaches_back_subject_reach_characters() -> None:
    text = "基本公共卫生服务经费人均财政补助标准" * 2 + "提高到"
    assert _phrase_before(text[::-1], len(text)) == (text[-SUBJECT_REACH:-3], "提高到")
