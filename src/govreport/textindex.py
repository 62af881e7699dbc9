"""Character bigrams for full-text search in Chinese, as Lucene's CJK analyzer indexes.

SQLite FTS5 ships no tokenizer that finds two-character Chinese words (unicode61 sees a whole
run of Han characters as one token; trigram needs three characters). Indexing every text as its
overlapping character bigrams, and turning a query into the phrase of its own bigrams, makes a
MATCH equal to a substring test within a run of word characters.
"""

from __future__ import annotations

import operator
import re

_RUN = re.compile(r"[0-9A-Za-z\u3400-\u9fff\uf900-\ufaff]+")


def grams(text: str) -> str:
    """'新质生产力，化债' -> '新质 质生 生产 产力 化债' (runs split at punctuation)."""
    out: list[str] = []
    for m in _RUN.finditer(text.lower()):
        run = m.group()
        # map over a builtin runs in C: this is on the ingest path for every character
        out.append(run if len(run) == 1 else " ".join(map(operator.add, run, run[1:])))
    return " ".join(out)


def match_expression(query: str) -> str | None:
    """An FTS5 MATCH expression equivalent to 'contains query', or None if the query has no word
    characters. A one-character query becomes a prefix query (it may miss a run's last character;
    callers confirm hits against the text)."""
    parts = [m.group() for m in _RUN.finditer(query.lower())]
    if not parts:
        return None
    if len(parts) == 1 and len(parts[0]) == 1:
        return f'"{parts[0]}"*'
    return '"' + " ".join(grams(p) for p in parts) + '"'
