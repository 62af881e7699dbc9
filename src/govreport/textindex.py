"""Character bigrams for full-text search in Chinese, as Lucene's CJK analyzer indexes.

SQLite FTS5 ships no tokenizer that finds two-character Chinese words (unicode61 sees a whole
run of Han characters as one token; trigram needs three characters). Indexing every text as its
overlapping character bigrams, and turning a query into the phrase of its own bigrams, makes a
MATCH equal to a substring test within a run of word characters.
"""

from __future__ import annotations

import re

_RUN = re.compile(r"[0-9A-Za-z\u3400-\u9fff\uf900-\ufaff]+")
_SPACE = 0x20


def grams(text: str) -> str:
    """'新质生产力，化债' -> the tokens 新质 质生 生产 产力 化债 (runs split at punctuation; a
    one-character run is its own token), separated by spaces for FTS5's ascii tokenizer. The
    tokens, in order, are all that counts (a contentless index deletes a row by its tokens).

    Written with numpy over the text's code points: this runs for every character ingested, and
    building one Python string per bigram cost more than the SQLite insert it feeds."""
    import numpy as np  # here, not at the top: every CLI command imports this module, few index text

    points = np.frombuffer(text.lower().encode("utf-32-le"), dtype=np.uint32)
    n = len(points)
    if n == 0:
        return ""
    word = (((points >= 0x30) & (points <= 0x39)) | ((points >= 0x61) & (points <= 0x7A))
            | ((points >= 0x3400) & (points <= 0x9FFF)) | ((points >= 0xF900) & (points <= 0xFAFF)))
    # slot i holds the pair (i, i+1) when both are word characters, else a lone word character i
    slots = np.full((n, 3), _SPACE, dtype=np.uint32)
    pair = word[:-1] & word[1:]
    slots[:-1, 0][pair] = points[:-1][pair]
    slots[:-1, 1][pair] = points[1:][pair]
    before = np.concatenate(([False], word[:-1]))
    after = np.concatenate((word[1:], [False]))
    lone = word & ~before & ~after
    slots[lone, 0] = points[lone]
    # runs of spaces are left in: the tokenizer skips them, and the tokens are what is indexed
    return slots.tobytes().decode("utf-32-le")


def match_expression(query: str) -> str | None:
    """An FTS5 MATCH expression equivalent to 'contains query', or None if the query has no word
    characters. A one-character query becomes a prefix query (it may miss a run's last character;
    callers confirm hits against the text)."""
    parts = [m.group() for m in _RUN.finditer(query.lower())]
    if not parts:
        return None
    if len(parts) == 1 and len(parts[0]) == 1:
        return f'"{parts[0]}"*'
    return '"' + " ".join(token for p in parts for token in grams(p).split()) + '"'
