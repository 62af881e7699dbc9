from __future__ import annotations

import hashlib
import re
import sqlite3

from hypothesis import given
from hypothesis import strategies as st

from govreport.lexicon import data_path
from govreport.textindex import BOUNDARY, VOCABULARY, VOCABULARY_SHA256, grams, match_expression, vocabulary

WORD = re.compile(r"[0-9a-z\u3400-\u9fff\uf900-\ufaff]")


def _reference_tokens(text: str) -> list[str]:
    """The tokens by the plain definition, one position at a time."""
    text = "".join(c.lower() if "A" <= c <= "Z" else c for c in text)
    vocab = vocabulary()
    out: list[str] = []
    for i, char in enumerate(text):
        if WORD.match(char):
            pair = text[i:i + 2]
            out.append(pair if len(pair) == 2 and WORD.match(pair[1]) and pair in vocab else char)
        elif i == 0 or WORD.match(text[i - 1]):
            out.append(BOUNDARY)
    return out


def test_common_bigrams_are_tokens_and_other_characters_stand_alone() -> None:
    assert {"新质", "质生", "生产", "产力", "经济"} <= vocabulary() and "化债" not in vocabulary()
    assert grams("新质生产力，化债").decode().split() == ["新质", "质生", "生产", "产力", "力", BOUNDARY, "化", "债"]
    assert grams("GDP增长5%").decode().split() == ["g", "d", "p", "增长", "长5", "5", BOUNDARY]
    assert grams("") == b"" and grams("，。 ").decode().split() == [BOUNDARY]


def test_a_query_is_the_phrase_of_its_tokens_the_last_as_a_prefix_unless_a_bigram_holds_it() -> None:
    assert match_expression("新质生产力") == '"新质 质生 生产 产力"'
    assert match_expression("化债") == '"化 债" *'
    assert match_expression("稳，就业") == f'"稳 {BOUNDARY} 就业"'
    assert match_expression("化") == '"化" *'
    assert match_expression("，") is None


# characters of common bigrams and of rare ones, letters of both cases, digits, punctuation, a space
# a character beyond the BMP and a lone surrogate
ALPHABET = "发展经济建设生产力化债光伏新质，。 aZ9%\n𠀀\udc80"


@given(st.text(alphabet=ALPHABET, max_size=40))
def test_grams_are_the_tokens_of_each_position(text: str) -> None:
    assert grams(text).decode().split() == _reference_tokens(text)


@given(st.text(alphabet=ALPHABET, min_size=1, max_size=40), st.data())
def test_every_text_holding_a_query_matches_it(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    query = text[start:data.draw(st.integers(start + 1, len(text)))]
    expression = match_expression(query)
    if expression is None:
        return  # no word character: the caller scans the text
    con = sqlite3.connect(":memory:")
    con.execute("CREATE VIRTUAL TABLE t USING fts5(grams, content='', tokenize='ascii')")
    con.execute("INSERT INTO t(rowid, grams) VALUES (1, CAST(? AS TEXT))", (grams(text),))
    assert con.execute("SELECT rowid FROM t WHERE t MATCH ?", (expression,)).fetchall() == [(1,)]


def test_the_vocabulary_is_the_one_stores_are_indexed_with() -> None:
    # a changed vocabulary needs a schema migration that rebuilds every store's index
    assert hashlib.sha256(data_path(VOCABULARY).read_bytes()).hexdigest() == VOCABULARY_SHA256
    assert len(vocabulary()) == 8000 and all(len(b) == 2 and WORD.match(b[0]) and WORD.match(b[1])
                                             for b in vocabulary())
