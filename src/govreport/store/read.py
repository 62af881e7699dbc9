"""Reading the store without pandas: the connection a reader opens, full-text search and
concordance lines as plain rows. `govreport.query.Corpus` builds its DataFrames on this; the
CLI prints search and kwic hits from it directly, so those commands start without pandas.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, NamedTuple

from govreport.clean import normalize_characters
from govreport.model import Section
from govreport.sections import section_at
from govreport.store.schema import StoreError, open_read_only, stored_raw
from govreport.textindex import match_expression

_WORD = re.compile(r"[0-9A-Za-z\u3400-\u9fff\uf900-\ufaff]")
_ASCII_LETTER = re.compile(r"[A-Za-z]")
# a report's metadata and its document's, as every listing of reports gives them
REPORT_COLUMNS = ("r.report_id, r.doc, r.region, r.level, r.adcode, r.province, r.report_year, r.meeting_date,"
                  " r.congress, r.speaker, r.speaker_title, r.ambiguous, r.candidates, r.meta_sources, r.given,"
                  " d.sha256, d.version, d.is_current, d.ingested_at, d.format, d.encoding,"
                  " length(d.clean_text) AS chars")
SECTIONS_SQL = ("SELECT report_id, idx, parent, depth, marker, title, kind, year, start, \"end\", heading_end"
                " FROM sections")


class QueryError(ValueError):
    """A query that cannot be answered as asked; the message says why."""


class SearchHit(NamedTuple):
    report_id: int
    doc: str
    region: str | None
    level: str | None
    report_year: int | None
    section_kind: str
    start: int
    end: int
    hits: int  # occurrences of the first term found in the report
    snippet: str  # the first hit marked 【…】 in its context
    rank: float  # FTS5's bm25 rank (lower is better); 0 where the text was scanned


class KwicLine(NamedTuple):
    report_id: int
    doc: str
    region: str | None
    level: str | None
    report_year: int | None
    section_kind: str
    start: int
    left: str
    term: str
    right: str


class Reader:
    """A govreport store opened for reading (and re-reading: every method queries afresh)."""

    def __init__(self, path: str | Path, *, check: bool = True, threads: bool = False) -> None:
        self.path = Path(path)
        # a reader never writes or migrates the store
        self.con = open_read_only(self.path, check=check, threads=threads)

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Any:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def execute(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
        """A query on the store; a store that fails to answer is a StoreError naming the file."""
        try:
            return self.con.execute(sql, tuple(params))
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{self.path}: the store cannot be read ({e})") from None

    def search_hits(self, query: str, limit: int | None = None, region: str | None = None,
                    level: str | None = None, year: int | None = None, width: int = 30) -> list[SearchHit]:
        """Reports whose text contains query, best first, the first hit marked 【…】 in a snippet.
        Words separated by spaces must all stand in a report, OR offers either, -word excludes."""
        q = parse_query(query)
        out = []
        for report_id, doc, reg, lvl, ry, text, rank in self.documents_containing(q, region, level, year, limit):
            i, needle = q.first_hit(text)
            a, b = max(0, i - width), min(len(text), i + len(needle) + width)
            snippet = ("…" if a else "") + text[a:i] + "【" + needle + "】" + text[i + len(needle):b] + (
                "…" if b < len(text) else "")
            out.append(SearchHit(report_id, doc, reg, lvl, ry, _kind_at(self.sections_of(report_id), i), i,
                                 i + len(needle), text.count(needle), snippet.replace("\n", " "), rank))
        return out

    def kwic_lines(self, term: str, width: int = 20, region: str | None = None, level: str | None = None,
                   year: int | None = None) -> list[KwicLine]:
        """Every occurrence of term as a concordance line: left context | term | right context.
        `化债 -优化债 -化债转股`: occurrences inside the longer words after a - are left out."""
        needle, contexts = _term_and_stop_contexts(term)
        flags = re.IGNORECASE if _ASCII_LETTER.search(needle) else 0
        out = []
        for report_id, doc, reg, lvl, ry, text, _ in self.documents_containing(Query(((needle,),)), region, level,
                                                                                year, None):
            sections = self.sections_of(report_id)  # once a report, not once a line
            starts = [sec.start for sec in sections]
            inside = [(m.start(), m.end()) for c in contexts for m in re.finditer(re.escape(c), text, flags)]
            for m in re.finditer(re.escape(needle), text, flags):
                if any(a <= m.start() and m.end() <= b for a, b in inside):
                    continue
                left = text[max(0, m.start() - width):m.start()].replace("\n", " ")
                right = text[m.end():m.end() + width].replace("\n", " ")
                out.append(KwicLine(report_id, doc, reg, lvl, ry, _kind_at(sections, m.start(), starts), m.start(),
                                    left, m.group(), right))
        # by report year (reports without one first), document and place, as the frame sorts
        return sorted(out, key=lambda line: (line.report_year is not None, line.report_year or 0, line.doc,
                                             line.start))

    def records(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Rows as dicts by column name."""
        cur = self.execute(sql, params)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def report(self, report_id: int) -> dict[str, Any] | None:
        """One stored report whole: its metadata, clean text, sections, facts, figures and edits
        (None when no report has that id)."""
        found = self.records(f"SELECT {REPORT_COLUMNS}, d.clean_text AS text FROM reports r"
                             " JOIN documents d ON d.id = r.report_id WHERE r.report_id = ?", (report_id,))
        if not found:
            return None
        report = found[0]
        for key in ("candidates", "meta_sources", "given"):
            report[key] = json.loads(report[key]) if report[key] else None
        report["sections"] = [asdict(s) for s in self.sections_of(report_id)]
        for table in ("facts", "figures"):
            report[table] = self.records(f"SELECT * FROM {table} WHERE report_id = ? ORDER BY start", (report_id,))
        report["edits"] = self.records("SELECT * FROM edits WHERE report_id = ? ORDER BY raw_start", (report_id,))
        return report

    def raw_text(self, report_id: int) -> str | None:
        row = self.execute("SELECT raw_text, raw_zlib, raw_delta, clean_text FROM documents WHERE id = ?",
                           (report_id,)).fetchone()
        return None if row is None else stored_raw(*row)

    def sections_of(self, report_id: int) -> tuple[Section, ...]:
        rows = self.execute(SECTIONS_SQL + " WHERE report_id = ? ORDER BY idx", (report_id,))
        return tuple(stored_section(row[1:]) for row in rows)

    def documents_containing(self, q: Query, region: str | None, level: str | None, year: int | None,
                              limit: int | None) -> list[tuple[Any, ...]]:
        where, params = ["d.is_current = 1"], []
        for col, val in (("r.level", level), ("r.report_year", year)):
            if val is not None:
                where.append(f"{col} = ?")
                params.append(val)
        if region:
            condition, values = region_condition(region)
            where.append(condition)
            params += values
        detail = ("SELECT d.id, r.doc, r.region, r.level, r.report_year, d.clean_text"
                  " FROM documents d JOIN reports r ON r.report_id = d.id WHERE ")
        expr = _index_expression(q)
        if expr is None:
            # only single characters (or no word the index can narrow to): scan the text
            first = q.groups[0]
            scan = ["instr(d.clean_text, ?) > 0"] if len(first) == 1 and not _ASCII_LETTER.search(first[0]) else []
            sql = detail + " AND ".join([*scan, *where]) + " ORDER BY r.report_year, d.id"
            scanned = [(*row, 0.0) for row in self.con.execute(sql, [*first[:len(scan)], *params])
                       if q.matches(row[5])]
            return scanned[:limit] if limit is not None else scanned
        # rank in the index alone (cheap), then read details and text only for the best candidates
        rows: list[tuple[Any, ...]] = []
        chunk = 500 if limit is None else max(limit, 10)
        k = None if limit is None else max(50, limit * 4)
        seen = 0
        while True:
            ranked = self.con.execute(
                "SELECT rowid, rank FROM documents_fts WHERE documents_fts MATCH ? ORDER BY rank"
                + ("" if k is None else f" LIMIT {int(k)}"), (expr,)).fetchall()
            fresh = ranked[seen:]
            by_id = dict(fresh)
            for i in range(0, len(fresh), chunk):
                ids = [doc_id for doc_id, _ in fresh[i:i + chunk]]
                sql = detail + " AND ".join([f"d.id IN ({','.join('?' * len(ids))})", *where])
                found = {row[0]: row for row in self.con.execute(sql, [*ids, *params])}
                for doc_id in ids:
                    row = found.get(doc_id)
                    if row is not None and q.matches(row[5]):  # the index narrows, the text decides
                        rows.append((*row, by_id[doc_id]))
                        if limit is not None and len(rows) >= limit:
                            return rows
            if k is None or len(ranked) < k:
                return rows
            seen, k = len(ranked), k * 4


def region_condition(region: str) -> tuple[str, list[Any]]:
    """A region as every query takes it (a name or part of one, a province, or an adcode), as a
    condition on the reports table `r`, and its parameters."""
    return "(r.region LIKE ? OR r.province LIKE ? OR r.adcode = ?)", [f"%{region}%", f"%{region}%", region]


def stored_section(row: Sequence[Any]) -> Section:
    """A stored section (idx … heading_end) as the pipeline's Section; a section stored before its
    heading's end was kept (schema 5) has its start for it."""
    idx, parent, depth, marker, title, kind, year, start, end, heading_end = row
    return Section(idx, parent, depth, marker, title, kind, year, start, end,
                   start if heading_end is None else heading_end)


def _kind_at(sections: tuple[Section, ...], pos: int, starts: list[int] | None = None) -> str:
    starts = starts if starts is not None else [s.start for s in sections]
    sec = section_at(sections, starts, pos) if sections else None
    return sec.kind if sec else "other"


def _term_and_stop_contexts(term: str) -> tuple[str, tuple[str, ...]]:
    """A concordance term and the longer words (after -) it is not to be shown inside."""
    words = term.split()
    kept = [w for w in words if not (w.startswith("-") and len(w) > 1)]
    if len(kept) != 1:
        raise QueryError(f"kwic takes one term (then -longer words to leave out), not {term!r}")
    needle = check_query(kept[0])
    contexts = tuple(check_query(w[1:]) for w in words if w.startswith("-") and len(w) > 1)
    for context in contexts:
        if needle.lower() not in context.lower() or len(context) <= len(needle):
            raise QueryError(f"-{context}: a word to leave out must hold {needle!r} within a longer word")
    return needle, contexts


def check_query(query: str) -> str:
    """One term, written as the stored text is (full-width forms, ○ for 〇, traditional script)."""
    needle = normalize_characters(query.strip())
    if not needle or not _WORD.search(needle):
        raise QueryError(f"nothing to search for in {query!r}: give a word or phrase")
    if len(needle) > 200:
        raise QueryError("the query is longer than 200 characters")
    return needle


@dataclass(frozen=True)
class Query:
    """What a search asks for: every group is a term or several joined by OR, and a text matches
    when it holds one of each group's terms and none of the excluded ones (乡村 振兴 OR 农业 -脱贫)."""

    groups: tuple[tuple[str, ...], ...]
    excluded: tuple[str, ...] = ()

    def matches(self, text: str) -> bool:
        return all(any(_holds(text, t) for t in group) for group in self.groups) and \
            not any(_holds(text, t) for t in self.excluded)

    def first_hit(self, text: str) -> tuple[int, str]:
        """Where the earliest term of the query stands in text, and that term as written there."""
        hits = [(_find(text, t), t) for group in self.groups for t in group]
        i, term = min(((i, t) for i, t in hits if i >= 0), default=(-1, self.groups[0][0]))
        return i, text[i:i + len(term)] if i >= 0 else term


def _index_expression(q: Query) -> str | None:
    """An FTS5 MATCH expression every text matching q matches: its groups the index can narrow
    (terms of two word characters or more), ANDed; None when no group can be."""
    parts = []
    for group in q.groups:
        exprs = [match_expression(t) if len(_WORD.findall(t)) >= 2 else None for t in group]
        if all(exprs):
            parts.append("(" + " OR ".join(e for e in exprs if e) + ")")
    return " AND ".join(parts) or None


def parse_query(query: str) -> Query:
    """Words separated by spaces must all stand in a report; OR between words offers either; a
    word after - must not stand in it. Each term written as the stored text is."""
    groups: list[list[str]] = []
    excluded: list[str] = []
    pending_or = False
    for word in query.split():
        if word == "OR":
            pending_or = bool(groups)
            continue
        if word.startswith("-") and len(word) > 1:
            excluded.append(check_query(word[1:]))
        elif pending_or:
            groups[-1].append(check_query(word))
        else:
            groups.append([check_query(word)])
        pending_or = False
    if not groups:
        raise QueryError(f"nothing to search for in {query!r}: give a word or phrase")
    return Query(tuple(tuple(g) for g in groups), tuple(excluded))


def _holds(text: str, term: str) -> bool:
    return _find(text, term) >= 0


def _find(text: str, term: str) -> int:
    """text.find(term), ASCII letters of any case (gdp finds GDP, as the index does)."""
    if _ASCII_LETTER.search(term):
        return text.lower().find(term.lower())
    return text.find(term)


_ASCII_LETTER = re.compile(r"[A-Za-z]")
