"""Reading the store: every question a researcher asks, answered as a pandas DataFrame.

`govreport.open(db)` returns a Corpus; the CLI commands are thin wrappers over its methods.
Every frame that refers to reports carries `report_id` and `doc` (the path as ingested).
"""

from __future__ import annotations

import numbers
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from govreport import lexicon
from govreport.attention import Dictionary, chars_by_kind, find_hits, load_dictionary
from govreport.model import LEVELS, Section
from govreport.store.read import (
    REPORT_COLUMNS,
    SECTIONS_SQL,
    KwicLine,
    Query,
    QueryError,
    Reader,
    SearchHit,
    parse_query,
    region_condition,
    stored_section,
)

# the indicators of data/indicators.toml, and those whose goals are ceilings (lower_is_better there)
CANONICAL = lexicon.indicator_ids()
KINDS = ("actual", "estimate", "target", "plan")
MEASURES = ("level", "growth", "rate")
SCOPES = ("urban", "rural", "primary", "secondary", "tertiary")
LOWER_IS_BETTER = lexicon.lower_is_better()
INTEGER_COLUMNS = {"report_id", "period", "year", "report_year", "start", "end", "version", "is_current",
                   "ambiguous", "chars", "hits"}


class Corpus(Reader):
    """A govreport store opened for reading (and re-reading: every method queries afresh), every
    answer a DataFrame."""

    def __enter__(self) -> Corpus:
        return self

    def _frame(self, sql: str, params: Sequence[Any] = ()) -> pd.DataFrame:
        cur = self.execute(sql, params)
        return typed(pd.DataFrame(cur.fetchall(), columns=[d[0] for d in cur.description]))

    # --- text -----------------------------------------------------------------------------------

    def search(self, query: str, limit: int | None = None, region: str | None = None, level: str | None = None,
               year: int | None = None, width: int = 30) -> pd.DataFrame:
        """Reports whose text contains query, best first, the first hit marked 【…】 in a snippet.
        Words separated by spaces must all stand in a report, OR offers either, -word excludes."""
        hits = self.search_hits(query, limit, region, level, year, width)
        return typed(pd.DataFrame(hits, columns=list(SearchHit._fields)))

    def kwic(self, term: str, width: int = 20, region: str | None = None, level: str | None = None,
             year: int | None = None) -> pd.DataFrame:
        """Every occurrence of term as a concordance line: left context | term | right context."""
        lines = self.kwic_lines(term, width, region, level, year)
        return typed(pd.DataFrame(lines, columns=list(KwicLine._fields)))

    # --- reports and facts ----------------------------------------------------------------------

    def reports(self, current_only: bool = True, region: str | None = None, adcode: Any = None, level: Any = None,
                year: Any = None) -> pd.DataFrame:
        """The reports' metadata, one row each, with where each field came from (meta_sources) and
        what the user gave (given). Filters as in panel(); year is the report year."""
        sql = f"SELECT {REPORT_COLUMNS} FROM reports r JOIN documents d ON d.id = r.report_id"
        where, params = self._region_filters(region, adcode, level, year, "r.report_year")
        if current_only:
            where.insert(0, "d.is_current = 1")
        if where:
            sql += " WHERE " + " AND ".join(where)
        return self._frame(sql + " ORDER BY r.report_year, r.doc", params)

    def _region_filters(self, region: str | None, adcode: Any, level: Any, year: Any,
                        year_column: str) -> tuple[list[str], list[Any]]:
        """SQL conditions for the filters every table shares: region (a name or part of one, a
        province, or an adcode, as search takes it), adcode, level and year (a value or a list each)."""
        where: list[str] = []
        params: list[Any] = []
        if region:
            condition, values = region_condition(region)
            where.append(condition)
            params += values
        for column, key, value in (("r.adcode", "adcode", adcode), ("r.level", "level", level),
                                   (year_column, "year", year)):
            if value is None:
                continue
            values = _as_list(value)
            self._check_values(key, values)
            where.append(f"{column} IN ({','.join('?' * len(values))})")
            params.extend(values)
        return where, params

    def facts(self, *, place: str | None = None, **filters: Any) -> pd.DataFrame:
        """Facts with their report's metadata. Filters: indicator, kind, measure, scope, period, region,
        level, adcode, province, report_year, doc, report_id (a value or a list of values each,
        matched exactly); place: a region name or part of one, a province or an adcode (as search's
        region)."""
        sql, params = self._facts_sql(place, filters)
        return self._frame(sql, params)

    def fact_page(self, limit: int, offset: int = 0, *, place: str | None = None,
                  **filters: Any) -> tuple[int, list[dict[str, Any]]]:
        """One page of facts() as plain rows, and how many there are in all: the page is cut in
        SQL, so a page of 100 costs what 100 rows cost, not the whole answer."""
        where, params = self._facts_where(place, filters)
        # the count without the order or the sections, and the page's rows chosen before the
        # sections are joined to them: a page of 100 of 7,000 facts cost ~68 ms at 10,000 reports
        # when both queries sorted and joined every matching fact
        (total,) = self.execute(f"SELECT count(*) FROM facts f JOIN reports r ON r.report_id = f.report_id"
                                f" WHERE {where}", params).fetchone()
        page = (f"SELECT f.id FROM facts f JOIN reports r ON r.report_id = f.report_id WHERE {where}"
                f" ORDER BY {FACTS_ORDER} LIMIT ? OFFSET ?")
        sql = f"{FACTS_SELECT} WHERE f.id IN ({page}) ORDER BY {FACTS_ORDER}"
        return int(total), self.records(sql, [*params, limit, offset])

    def _facts_sql(self, place: str | None, filters: dict[str, Any]) -> tuple[str, list[Any]]:
        where, params = self._facts_where(place, filters)
        return f"{FACTS_SELECT} WHERE {where} ORDER BY {FACTS_ORDER}", params

    def _facts_where(self, place: str | None, filters: dict[str, Any]) -> tuple[str, list[Any]]:
        allowed = {"indicator": "f", "kind": "f", "measure": "f", "scope": "f", "period": "f", "region": "r",
                   "level": "r", "adcode": "r", "province": "r", "report_year": "r", "doc": "r",
                   "report_id": "f"}
        where, params = self._region_filters(place, None, None, None, "")
        where.insert(0, current("f.report_id"))
        for key, value in filters.items():
            if key not in allowed:
                raise QueryError(f"unknown filter {key!r} (use one of: {', '.join(allowed)})")
            values = _as_list(value)
            self._check_values(key, values)
            if not values:
                raise QueryError(f"filter {key!r} is given no values")
            where.append(f"{allowed[key]}.{key} IN ({','.join('?' * len(values))})")
            params.extend(values)
        return " AND ".join(where), params

    def _check_values(self, key: str, values: list[Any]) -> None:
        """A filter value that names nothing that can exist (indicator="gpd") is an error, as in the
        CLI, not an empty answer."""
        if key == "indicator" and all(v in CANONICAL for v in values):
            return  # the store is asked for its other ids (a scan of the facts) only when needed
        known: tuple[str, ...] | None = {
            "indicator": self.indicators(), "kind": KINDS, "measure": MEASURES, "level": LEVELS,
            "scope": SCOPES}.get(key)
        if key in ("year", "period", "report_year", "report_id"):
            bad = [v for v in values if not isinstance(v, numbers.Integral) or isinstance(v, bool)]
            if bad:
                raise QueryError(f"{key} takes integers, not {', '.join(map(repr, bad))}")
            return
        if known is None:
            return
        unknown = [v for v in values if v not in known]
        if unknown:
            raise QueryError(f"unknown {key} {', '.join(map(repr, unknown))} (one of: {', '.join(known)})")

    # --- panels ---------------------------------------------------------------------------------

    def indicators(self) -> tuple[str, ...]:
        """The indicator ids a query may ask for: those of indicators.toml, then any other the store
        holds facts of (from a user's --aliases file)."""
        stored = [row[0] for row in self.con.execute("SELECT DISTINCT indicator FROM facts ORDER BY indicator")]
        return tuple(dict.fromkeys([*CANONICAL, *stored]))

    def check_indicators(self, indicators: Iterable[str] | None) -> tuple[str, ...]:
        return _choose(indicators, self.indicators(), "indicator")

    def panel(self, indicators: Iterable[str] | None = None, kinds: Iterable[str] | None = None,
              wide: bool = False, *, region: str | None = None, adcode: Any = None, level: Any = None,
              year: Any = None) -> pd.DataFrame:
        """One row per region, year, indicator, measure, kind and scope, the value in its base unit.
        Where several reports state the same figure, the most recent report is used (revised figures
        supersede earlier ones) and `source_rule` says so. Where that report states two different
        values for it, `conflict` is true and `other_values` lists the others with their quotes.
        Filters: region (a name or part of one, a province, or an adcode), adcode, level, year (of the
        figure), each a value or a list."""
        inds, knds = self.check_indicators(indicators), check_kinds(kinds)
        filters = {key: value for key, value in (("adcode", adcode), ("level", level), ("period", year))
                   if value is not None}
        facts = self.facts(place=region, indicator=list(inds), kind=list(knds), **filters)
        cols = ["adcode", "region", "level", "year", "indicator", "measure", "kind", "scope", "value", "value_max",
                "unit", "qualifier", "value_as_written", "unit_as_written", "report_year", "report_id", "doc",
                "quote", "reports_stating", "source_rule", "conflict", "other_values"]
        if facts.empty:
            return pd.DataFrame(columns=cols)
        facts = facts.rename(columns={"period": "year"})
        facts["region_key"] = facts["adcode"].fillna(facts["region"]).fillna(facts["doc"])
        keys = ["region_key", "level", "year", "indicator", "measure", "kind", "scope"]
        facts = facts.sort_values(["report_year", "report_id", "start"], na_position="first")
        facts["reports_stating"] = facts.groupby(keys, dropna=False)["report_id"].transform("nunique")
        chosen = facts.drop_duplicates(keys, keep="last").copy()
        others = _other_values(facts, chosen, keys)
        chosen["other_values"] = [others.get(i) for i in chosen.index]
        chosen["conflict"] = chosen["other_values"].notna()
        chosen["source_rule"] = chosen["reports_stating"].map(
            lambda n: "the only report stating it" if n == 1 else
            f"the latest of {n} reports stating it (later reports carry revised figures)")
        chosen = chosen.rename(columns={"value": "value_as_written", "unit": "unit_as_written"})
        chosen["value"] = chosen["value_base"]
        chosen["value_max"] = chosen["value_max_base"]
        chosen["unit"] = chosen["unit_base"]
        long = chosen[cols].sort_values(["indicator", "region", "year", "kind"]).reset_index(drop=True)
        return to_wide(long) if wide else long

    def targets(self, indicators: Iterable[str] | None = None, *, region: str | None = None, adcode: Any = None,
                level: Any = None, year: Any = None) -> pd.DataFrame:
        """Each target for year t beside the result for year t reported by the same region (preferably
        in its report of t+1): target, actual, gap (actual - target) and met. Filters as in panel();
        year is the target's year."""
        inds = self.check_indicators(indicators)
        where, params = self._region_filters(region, adcode, level, year, "g.period")
        where[:0] = ["g.kind = 'target'", f"g.indicator IN ({','.join('?' * len(inds))})"]
        params[:0] = list(inds)
        cols = ["adcode", "region", "level", "year", "indicator", "measure", "scope", "target", "target_max",
                "qualifier", "unit", "actual", "actual_kind", "gap", "met", "target_report_id", "target_doc",
                "target_quote", "actual_report_id", "actual_doc", "actual_quote"]
        out = self._frame(TARGETS_SQL.format(where=" AND ".join(where)), params)
        if out.empty:
            return pd.DataFrame(columns=cols)
        out["gap"] = (out["actual"] - out["target"]).round(6)
        # (columns as lists: iterating an arrow-backed column in Python costs a few us a value)
        out["met"] = [target_met(*row) for row in zip(
            *(out[c].tolist() for c in ("indicator", "target", "target_max", "qualifier", "unit", "actual")),
            strict=True)]
        return out[cols].reset_index(drop=True)

    # --- text -----------------------------------------------------------------------------------

    # --- attention ------------------------------------------------------------------------------

    def attention_hits(self, dictionary: str | Dictionary) -> pd.DataFrame:
        return self._hits_and_sizes(dictionary)[0]

    def _hits_and_sizes(self, dictionary: str | Dictionary) -> tuple[pd.DataFrame, pd.DataFrame]:
        """Every dictionary hit, and the characters of each report by section kind: one pass over the
        stored texts for both (they are the largest thing the store holds)."""
        d = load_dictionary(dictionary) if isinstance(dictionary, str) else dictionary
        hits: list[tuple[Any, ...]] = []
        sizes: list[tuple[int, str, int]] = []
        for report_id, doc, text, sections in self._texts_with_sections():
            for h in find_hits(text, sections, d):
                hits.append((report_id, doc, d.name, d.version, h.term, h.start, h.end, h.section, h.section_kind))
            sizes.extend((report_id, kind, n) for kind, n in chars_by_kind(text, sections).items())
        return (pd.DataFrame(hits, columns=["report_id", "doc", "dictionary", "dictionary_version", "term", "start",
                                            "end", "section", "section_kind"]),
                pd.DataFrame(sizes, columns=["report_id", "section_kind", "section_chars"]))

    def attention(self, dictionary: str | Dictionary, by_section: bool = True) -> pd.DataFrame:
        """Dictionary hits per report (and section kind): raw count and per 10,000 characters. A
        bundled dictionary's hits are read from the counts stored with each report; another's (or
        where some report was stored before them) are counted over the texts."""
        d = load_dictionary(dictionary) if isinstance(dictionary, str) else dictionary
        counts, sizes = self._stored_counts(d) or self._counted_over_texts(d)
        reports = self._frame("SELECT r.report_id, r.doc, r.region, r.level, r.adcode, r.report_year FROM reports r"
                              f" WHERE {current('r.report_id')}")
        if by_section:
            frame = sizes.merge(counts, on=["report_id", "section_kind"], how="left")
        else:
            frame = sizes.groupby("report_id", as_index=False)["section_chars"].sum().merge(
                counts.groupby("report_id", as_index=False)["hits"].sum(), on="report_id", how="left")
            frame["section_kind"] = "all"
        frame["hits"] = frame["hits"].fillna(0).astype(int)
        frame["per_10k_chars"] = (frame["hits"] * 10000 / frame["section_chars"].where(frame["section_chars"] > 0)
                                  ).fillna(0.0)
        frame = reports.merge(frame, on="report_id")
        frame.insert(0, "dictionary", d.name)
        frame.insert(1, "dictionary_version", d.version)
        return frame.sort_values(["report_year", "doc", "section_kind"]).reset_index(drop=True)

    def attention_terms(self, dictionary: str | Dictionary) -> pd.DataFrame:
        """A dictionary's terms by their hits over the current reports, most first: read from the
        counts stored with each report where every report has them, else counted over the texts."""
        d = load_dictionary(dictionary) if isinstance(dictionary, str) else dictionary
        if self._counted_everywhere(d):
            return self._frame("SELECT term, sum(hits) AS hits FROM attention_terms WHERE fingerprint = ?"
                               f" AND {current()} GROUP BY term ORDER BY hits DESC, term", (d.fingerprint,))
        hits = self.attention_hits(d)
        counts = hits["term"].value_counts() if not hits.empty else pd.Series(dtype=int)
        frame = counts.rename_axis("term").rename("hits").reset_index()
        return frame.sort_values(["hits", "term"], ascending=[False, True]).reset_index(drop=True)

    def _counted_over_texts(self, d: Dictionary) -> tuple[pd.DataFrame, pd.DataFrame]:
        hits, sizes = self._hits_and_sizes(d)
        return hits.groupby(["report_id", "section_kind"]).size().rename("hits").reset_index(), sizes

    def _stored_counts(self, d: Dictionary) -> tuple[pd.DataFrame, pd.DataFrame] | None:
        """(hits, characters) by report and section kind as stored, when every current report has
        counts of exactly this dictionary (its fingerprint), else None."""
        if not self._counted_everywhere(d):
            return None
        counts = self._frame("SELECT report_id, section_kind, hits FROM attention_counts"
                             f" WHERE fingerprint = ? AND {current()}", (d.fingerprint,))
        sizes = self._frame("SELECT report_id, section_kind, chars AS section_chars FROM section_chars"
                            f" WHERE {current()}")
        return counts, sizes

    def _counted_everywhere(self, d: Dictionary) -> bool:
        """Whether every current report has stored counts of exactly this dictionary (its fingerprint)."""
        n_current, n_counted = self.execute(
            f"SELECT (SELECT count(*) FROM ({CURRENT_IDS})), (SELECT count(DISTINCT report_id)"
            f" FROM attention_counts WHERE fingerprint = ? AND {current()})", (d.fingerprint,)).fetchone()
        return bool(n_current) and n_counted == n_current

    def _texts_with_sections(self) -> Iterable[tuple[int, str, str, tuple[Section, ...]]]:
        secs: dict[int, list[Section]] = {}
        for row in self.con.execute(SECTIONS_SQL + " ORDER BY report_id, idx"):
            secs.setdefault(row[0], []).append(stored_section(row[1:]))
        for report_id, doc, text in self.con.execute(
                "SELECT r.report_id, r.doc, d.clean_text FROM reports r JOIN documents d ON d.id = r.report_id"
                " WHERE d.is_current = 1 ORDER BY r.report_id"):
            yield report_id, doc, text, tuple(secs.get(report_id, ()))




FACTS_SELECT = ("SELECT f.report_id, r.doc, r.region, r.level, r.adcode, r.province, r.report_year,"
                " f.indicator, f.measure, f.kind, f.period, f.scope, f.value, f.value_max, f.unit, f.qualifier,"
                " f.value_base, f.value_max_base, f.unit_base, f.quote, f.start, f.\"end\", s.kind AS section_kind"
                " FROM facts f JOIN reports r ON r.report_id = f.report_id"
                " LEFT JOIN sections s ON s.report_id = f.report_id AND s.idx = f.section")
FACTS_ORDER = "r.report_year, r.doc, f.start, f.id"


# the current documents, from an index (a documents row holds its texts before is_current)
CURRENT_IDS = "SELECT id FROM documents WHERE is_current = 1"


def current(column: str = "report_id") -> str:
    """The SQL test that column is the id of a current document."""
    return f"{column} IN ({CURRENT_IDS})"


# Each target beside the result of its region, year, indicator, measure and scope: each key's
# preferred result ranked first once (from the report of t+1, an actual before an estimate, then
# the newest report, then the last stated in it), then found for each goal through an index on
# the key.
TARGETS_SQL = f"""
WITH goals AS (
    SELECT g.id, g.report_id, r.doc, r.region, r.level, r.adcode, g.indicator, g.measure, g.scope, g.period,
           g.value_base, g.value_max_base, g.qualifier, g.unit_base, g.quote, g.region_key
    FROM facts g JOIN reports r ON r.report_id = g.report_id
    WHERE {current("g.report_id")} AND {{where}}
), best AS (
    SELECT a.id, a.indicator, a.region_key, a.period, a.measure, a.scope,
           row_number() OVER (PARTITION BY a.indicator, a.region_key, a.period, a.measure, a.scope ORDER BY
               (ra.report_year = a.period + 1) * 2 + (a.kind = 'actual') DESC,
               ra.report_year DESC, ra.doc DESC, a.start DESC) AS rank
    FROM facts a JOIN reports ra ON ra.report_id = a.report_id
    WHERE a.kind IN ('actual', 'estimate') AND a.region_key IS NOT NULL
      AND {current("a.report_id")}
      -- only the results a goal can be paired with are ranked
      AND (a.indicator, a.region_key, a.period) IN (SELECT indicator, region_key, period FROM goals)
)
SELECT goals.adcode, goals.region, goals.level, goals.period AS year, goals.indicator, goals.measure, goals.scope,
       goals.value_base AS target, goals.value_max_base AS target_max, goals.qualifier, goals.unit_base AS unit,
       a.value_base AS actual, a.kind AS actual_kind, goals.report_id AS target_report_id, goals.doc AS target_doc,
       goals.quote AS target_quote, a.report_id AS actual_report_id, ra.doc AS actual_doc, a.quote AS actual_quote
FROM goals
LEFT JOIN best ON best.rank = 1 AND best.indicator = goals.indicator AND best.region_key = goals.region_key
    AND best.period = goals.period AND best.measure = goals.measure AND best.scope IS goals.scope
LEFT JOIN facts a ON a.id = best.id LEFT JOIN reports ra ON ra.report_id = a.report_id
ORDER BY goals.indicator, goals.region, goals.period, goals.doc
"""


def _other_values(facts: pd.DataFrame, chosen: pd.DataFrame, keys: list[str]) -> dict[Any, str]:
    """For each chosen panel row (by index) whose report states other values for the same key:
    those values as written, each with its quote ("6.5% «…» | 7% «…»")."""
    same_report = facts.merge(chosen[[*keys, "report_id", "value_base", "value_max_base"]].reset_index(),
                              on=[*keys, "report_id"], suffixes=("", "_chosen"))
    differs = (same_report["value_base"].ne(same_report["value_base_chosen"])
               | same_report["value_max_base"].fillna(-1.0).ne(same_report["value_max_base_chosen"].fillna(-1.0)))
    found: dict[Any, list[str]] = {}
    for index, value, value_max, unit, quote in same_report.loc[
            differs, ["index", "value", "value_max", "unit", "quote"]].itertuples(index=False):
        if value is None or pd.isna(value):
            continue
        upper = "" if value_max is None or pd.isna(value_max) else f"-{float(value_max):g}"
        text = f"{float(value):g}{upper}{unit or ''} «{quote}»"
        if text not in found.setdefault(index, []):
            found[index].append(text)
    return {i: " | ".join(texts) for i, texts in found.items()}


def parse_years(value: str | None) -> list[int] | None:
    """2024, 2020,2022 or 2018-2023 (inclusive), as the CLI and the web API take years."""
    if not value:
        return None
    years: list[int] = []
    for part in value.split(","):
        m = re.fullmatch(r"\s*(\d{4})\s*(?:[-–]\s*(\d{4})\s*)?", part)
        if not m or (m.group(2) and int(m.group(2)) < int(m.group(1))):
            raise QueryError(f"{part.strip()!r} is not a year or a range of years (2024, 2018-2023)")
        years.extend(range(int(m.group(1)), int(m.group(2) or m.group(1)) + 1))
    return years


def split_list(value: str | None) -> list[str] | None:
    """gdp,cpi -> ["gdp", "cpi"]; None or empty -> None (all)."""
    return [v.strip() for v in value.split(",") if v.strip()] if value else None


def _as_list(value: Any) -> list[Any]:
    """A filter's values: one value, or any collection of them (a list, a set, range(2018, 2026))."""
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        return [value]
    return list(value)


def typed(frame: pd.DataFrame) -> pd.DataFrame:
    """Integer columns as integers beside missing values (a report without a year is <NA>, and
    1954 stays 1954, not 1954.0), text columns with None for missing (never NaN)."""
    for col in INTEGER_COLUMNS.intersection(frame.columns):
        frame[col] = frame[col].astype("Int64")
    return frame


def check_kinds(kinds: Iterable[str] | None) -> tuple[str, ...]:
    return _choose(kinds, KINDS, "kind")


def _choose(values: Iterable[str] | None, known: tuple[str, ...], what: str) -> tuple[str, ...]:
    """The values asked for (all when none are), refusing any that do not exist."""
    if values is None:
        return known
    chosen = tuple(v.strip() for v in values if v.strip())
    unknown = [v for v in chosen if v not in known]
    if unknown:
        raise QueryError(f"unknown {what} {', '.join(unknown)} (known: {', '.join(known)})")
    return chosen or known


def target_met(indicator: str, target: float | None, target_max: float | None, qualifier: str | None,
               unit: str | None, actual: float | None) -> bool | None:
    """Whether the result met the goal: 以上 at least, 以内 at most, 左右 within 0.5 points (5% for
    amounts) on the side that matters, a range from its lower end (upper end for lower-is-better)."""
    if target is None or actual is None or pd.isna(target) or pd.isna(actual):
        return None
    lower_better = indicator in LOWER_IS_BETTER or qualifier == "以内"
    slack = 0.0
    if qualifier == "左右":
        slack = 0.5 if unit == "%" else abs(target) * 0.05
    if lower_better:
        ceiling = target_max if target_max is not None and not pd.isna(target_max) else target
        return bool(actual <= ceiling + slack)
    return bool(actual >= target - slack)


def to_wide(long: pd.DataFrame) -> pd.DataFrame:
    """One row per region and year, one column per indicator/measure/kind(/scope)."""
    if long.empty:
        return long
    col = long["indicator"] + "_" + long["measure"] + "_" + long["kind"] + long["scope"].map(
        lambda s: f"_{s}" if isinstance(s, str) and s else "")
    frame = long.assign(column=col)
    wide = frame.pivot_table(index=["adcode", "region", "level", "year"], columns="column", values="value",
                             aggfunc="first", dropna=False)
    wide = wide.dropna(how="all").reset_index()
    wide.columns.name = None
    return wide


STATA_NAME_MAX = 32


def stata_names(columns: list[str]) -> list[str]:
    """Column names as Stata takes them (letters, digits, _; at most 32 characters), each unique:
    where two cut to the same name, the later ones end in _2, _3 …; the full name goes in the
    variable's label."""
    out: list[str] = []
    taken: set[str] = set()
    for column in columns:
        name = re.sub(r"[^0-9A-Za-z_]", "_", column) or "_"
        if name[0].isdigit():
            name = f"_{name}"
        candidate, k = name[:STATA_NAME_MAX], 1
        while candidate in taken:
            k += 1
            suffix = f"_{k}"
            candidate = name[:STATA_NAME_MAX - len(suffix)] + suffix
        taken.add(candidate)
        out.append(candidate)
    return out


def write_frame(frame: pd.DataFrame, path: Path, fmt: str) -> None:
    """Write a frame as csv, parquet, dta (Stata) or xlsx."""
    if fmt == "csv":
        frame.to_csv(path, index=False, encoding="utf-8-sig")
    elif fmt == "parquet":
        frame.to_parquet(path, index=False)
    elif fmt == "xlsx":
        frame.to_excel(path, index=False)
    elif fmt == "dta":
        stata = frame.copy()
        for c in stata.columns:
            values = set(stata[c].dropna().unique()) if stata[c].dtype == object else None
            if values is not None and values <= {True, False}:  # met: yes / no / unknown
                stata[c] = stata[c].map(lambda v: float(v) if isinstance(v, bool) else float("nan"))
            elif stata[c].dtype == object or str(stata[c].dtype).startswith(("string", "str")):
                stata[c] = stata[c].astype(object).where(stata[c].notna(), "").astype(str)
            elif str(stata[c].dtype) == "bool":
                stata[c] = stata[c].astype("int8")
        names = stata_names([str(c) for c in stata.columns])
        labels = {new: str(old)[:80] for new, old in zip(names, stata.columns, strict=True) if new != old}
        stata.columns = names
        stata.to_stata(path, write_index=False, version=118, variable_labels=labels)
    elif fmt == "jsonl":
        frame.to_json(path, orient="records", lines=True, force_ascii=False)
    else:
        raise QueryError(f"unknown format {fmt!r} (csv, parquet, dta, xlsx, jsonl)")


__all__ = ["CANONICAL", "Corpus", "Query", "QueryError", "parse_query", "write_frame"]
