from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from govreport.regexfirst import branch_literals, first_chars, literal_alternation, mandatory_literal, required_words


def test_first_chars_of_alternations_and_optional_parts() -> None:
    assert first_chars("国内生产总值|GDP") == {"国", "G"}
    assert first_chars("(?:全国)?居民收入") == {"全", "居"}
    assert first_chars(r"\w+") is None  # a category cannot be listed
    assert first_chars("a?") is None  # may match empty
    assert first_chars(r"\d{4}年") == set("0123456789")


def test_required_words_group_an_alternation() -> None:
    assert required_words(r".{1,60}\.(?:docx?|pdf|pptx?)") == ((".",), ("doc", "pdf", "ppt"))
    assert required_words(r"(?:您所在位置|当前位置)[:：].*") == (("您所在位置", "当前位置"),)
    assert required_words(r".{0,30}作报告.{0,9}摄") == (("作报告",), ("摄",))
    assert required_words(r"(?:a|.)b") == (("b",),)  # a branch without a word requires nothing


def test_mandatory_literal_is_the_longest_plain_run() -> None:
    assert mandatory_literal("(?:城镇)?居民人均可支配收入") == "居民人均可支配收入"
    assert mandatory_literal("a|b") is None


def test_branch_literals_of_a_leading_alternation() -> None:
    assert branch_literals("(?:九游会|开云)[^。]{0,8}") == ["九游会", "开云"]


@given(st.lists(st.text(alphabet="国民经济生产总值a.(", min_size=1, max_size=5), min_size=1, max_size=8),
       st.text(alphabet="国民经济生产总值a.(x", max_size=30))
def test_literal_alternation_finds_the_longest_word_at_each_position(words: list[str], text: str) -> None:
    pattern = re.compile(literal_alternation(words))
    by_length = re.compile("|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)))
    assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in by_length.finditer(text)]


def test_literal_alternation_is_a_trie() -> None:
    assert literal_alternation(["国内生产总值", "国民经济", "国民"]) == "国(?:内生产总值|民(?:经济)?)"
