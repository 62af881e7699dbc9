"""Tokens for full-text search in Chinese: every character position of the text is one token.

SQLite FTS5 ships no tokenizer that finds two-character Chinese words (unicode61 sees a whole
run of Han characters as one token; trigram needs three characters). Here each position of a
run of word characters (Han, digits, Latin letters, lower-cased) becomes a token of its own: the
bigram it opens when that bigram is one of the commonest of reports (data/bigrams.txt), else the
character alone. Each stretch of other characters (punctuation, spaces) becomes one boundary
token, so no phrase runs across it.

A query becomes the phrase of the tokens its own characters determine: the token at each of its
positions depends only on that character and the next, except the last one's, which may open a
bigram with whatever follows: it is asked for as a prefix (伏*). So every text holding the query
matches, and a match holds the query but for the characters the boundary tokens stand for (the
caller's substring test decides).

Why not every bigram, as Lucene's CJK analyzer indexes: FTS5's cost to write grows with the
distinct terms a batch of reports holds, and ~100,000 rare bigrams made the index 3 of the 5 ms a
report costs to store. With 8,000 bigrams (about 70% of bigram occurrences) and single characters
it costs a third as much, while a query's phrase stays as selective: a bigram left out is rare,
and its two characters, adjacent, are rarer still.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache
from typing import Any

from govreport.lexicon import data_path

_RUN = re.compile(r"[0-9a-z\u3400-\u9fff\uf900-\ufaff]+")
_ASCII_UPPER = re.compile("[A-Z]+")
_SPACE = 0x20
BOUNDARY = "。"  # a non-ASCII character FTS5's ascii tokenizer keeps as a token; never a word character
VOCABULARY = "bigrams.txt"
# the vocabulary every store's index was written with; a new one needs a migration that rebuilds
# the index (store.MIGRATIONS), or stores would look up tokens their index does not hold
VOCABULARY_SHA256 = "b41518f5c00e2007982fd7a1f657ee690bc1570c685f044686809bc1ebcd84de"


def word_runs(text: str) -> list[str]:
    """The runs of word characters, ASCII letters lower-cased: what is indexed."""
    return _RUN.findall(_ASCII_UPPER.sub(lambda m: m.group().lower(), text))


@cache
def vocabulary() -> frozenset[str]:
    """The bigrams indexed as bigrams (read-only package data)."""
    raw = data_path(VOCABULARY).read_bytes()
    if hashlib.sha256(raw).hexdigest() != VOCABULARY_SHA256:
        raise RuntimeError(f"{data_path(VOCABULARY)} is not the vocabulary stores are indexed with")
    lines = raw.decode("utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


@cache
def _pair_table() -> tuple[Any, Any, int]:
    """For numpy: each vocabulary character's number (0 for others) by code point, and whether
    the pair (i, j) of numbers is in the vocabulary at i * m + j. A direct lookup: a binary search
    in the sorted bigrams cost 1.5 ms a report."""
    import numpy as np

    bigrams = vocabulary()
    chars = sorted({c for b in bigrams for c in b})
    number = np.zeros(0x10000, dtype=np.intp)  # word characters are all in the BMP
    number[[ord(c) for c in chars]] = np.arange(1, len(chars) + 1)
    m = len(chars) + 1
    table = np.zeros(m * m, dtype=bool)
    table[[number[ord(b[0])] * m + number[ord(b[1])] for b in bigrams]] = True
    return number, table, m


def grams(text: str) -> bytes:
    """'新质生产力，化债' -> the tokens 新质 质生 生产 产力 力 。 化 债 (with 化债 not in the vocabulary),
    separated by spaces for FTS5's ascii tokenizer, as UTF-8 (schema.index_text binds it as text). The
    tokens, in order, are all that counts (a contentless index deletes a row by its tokens).

    Written with numpy over the text's code points: this runs for every character ingested, and
    building one Python string per token cost more than the SQLite insert it feeds."""
    import numpy as np  # here, not at the top: every CLI command imports this module, few index text

    # surrogatepass: a lone surrogate (never a word character) must not stop a report from being stored
    points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).copy()
    n = len(points)
    if n == 0:
        return b""
    points[(points >= 0x41) & (points <= 0x5A)] += 0x20  # ASCII letters folded, as word_runs folds them
    word = (((points >= 0x30) & (points <= 0x39)) | ((points >= 0x61) & (points <= 0x7A))
            | ((points >= 0x3400) & (points <= 0x9FFF)) | ((points >= 0xF900) & (points <= 0xFAFF)))
    # position i: the character at i, then the next one when the two are a common bigram; or a
    # boundary where a stretch of other characters begins; the spaces left over the tokenizer skips
    first = np.where(word, points, _SPACE)
    first[~word & np.concatenate(([True], word[:-1]))] = ord(BOUNDARY)
    number, table, m = _pair_table()  # characters outside the vocabulary are 0, and no pair has 0
    numbers = number.take(points, mode="clip")
    common = np.flatnonzero(table.take(numbers[:-1] * m + numbers[1:]))
    second = np.full(n, _SPACE, dtype=np.uint32)
    second[common] = points[common + 1]
    # written as UTF-8 in fixed places, eight bytes a position: the first character right-aligned in
    # three, the second left-aligned in three, two spaces; so a token's characters always touch
    right, left = _utf8_tables()
    tokens: bytes = (right.take(first) | left.take(second)).tobytes()
    return tokens


@cache
def _utf8_tables() -> tuple[Any, Any]:
    """By code point, its UTF-8 bytes as the low three bytes of a little-endian word (ASCII
    space-padded before it), and as bytes 3-5 (ASCII padded after it) with spaces in bytes 6-7.
    Every character written is ASCII or takes three bytes (Han, U+3002): nothing between U+0080
    and U+07FF is a word character."""
    import numpy as np

    cp = np.arange(0x10000, dtype=np.uint64)
    wide = cp >= 0x80
    b0, b1, b2 = 0xE0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3F), 0x80 | (cp & 0x3F)
    sp = np.uint64(_SPACE)
    right = np.where(wide, b0 | b1 << 8 | b2 << 16, sp | sp << 8 | cp << 16)
    left = np.where(wide, b0 << 24 | b1 << 32 | b2 << 40, cp << 24 | sp << 32 | sp << 40) | sp << 48 | sp << 56
    return right, left


def match_expression(query: str) -> str | None:
    """An FTS5 MATCH expression that every text containing query matches, or None if the query
    has no word characters (a match is a candidate: the caller tests the text)."""
    runs = word_runs(query)
    if not runs:
        return None
    vocab = vocabulary()
    tokens: list[str] = []
    for k, run in enumerate(runs):
        if k:
            tokens.append(BOUNDARY)
        tokens.extend(run[i:i + 2] if run[i:i + 2] in vocab else char for i, char in enumerate(run[:-1]))
        if k < len(runs) - 1:
            tokens.append(run[-1])  # a boundary follows it in the text: the character alone
    phrase = '"' + " ".join(tokens) + '"'
    last = runs[-1]
    if len(last) >= 2 and last[-2:] in vocab:
        return phrase  # the last bigram holds the last character
    # the last character may open a bigram with what follows it in the text: any token it begins
    return '"' + " ".join([*tokens, last[-1]]) + '" *'
