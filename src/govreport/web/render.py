"""What the pages show of a report, as plain data the templates escape: the text cut where facts
begin and end, each piece with the facts covering it."""

from __future__ import annotations

from itertools import pairwise
from typing import Any, NamedTuple


class Segment(NamedTuple):
    text: str
    facts: tuple[int, ...]  # ids of the facts whose span covers this piece (innermost last)
    starts: tuple[int, ...]  # ids of the facts that begin here (the piece carries their anchors)
    kind: str | None  # the kind of the innermost covering fact (actual, estimate, target, plan)


def fact_marks(text: str, facts: list[dict[str, Any]]) -> list[Segment]:
    """The text in pieces at every fact's start and end (facts overlap: a growth rate's quote holds
    the level before it), so each piece can be marked with the facts that cover it."""
    spans = sorted(((int(f["start"]), int(f["end"]), int(f["id"]), str(f["kind"])) for f in facts
                    if 0 <= int(f["start"]) < int(f["end"]) <= len(text)), key=lambda s: (s[0], -s[1]))
    cuts = sorted({0, len(text), *(s[0] for s in spans), *(s[1] for s in spans)})
    segments = []
    for a, b in pairwise(cuts):
        covering = [s for s in spans if s[0] <= a and b <= s[1]]
        covering.sort(key=lambda s: s[1] - s[0], reverse=True)  # outermost first
        segments.append(Segment(text[a:b], tuple(s[2] for s in covering), tuple(s[2] for s in spans if s[0] == a),
                                covering[-1][3] if covering else None))
    return segments


def marked_snippet(snippet: str) -> list[tuple[str, bool]]:
    """A search snippet (its hit marked 【…】) as pieces, the hit flagged."""
    start = snippet.find("【")
    end = snippet.find("】", start + 1)
    if start < 0 or end < 0:
        return [(snippet, False)]
    return [(snippet[:start], False), (snippet[start + 1:end], True), (snippet[end + 1:], False)]


SeriesKey = tuple[str, str, str | None]  # indicator, measure, scope


def series(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Panel rows as chart series: one per indicator, measure and scope, with each year's target,
    actual and estimate (in the panel's unit) and the quote behind each value."""
    grouped: dict[SeriesKey, dict[str, Any]] = {}
    for row in rows:
        key = (row["indicator"], row["measure"], row.get("scope"))
        if row["kind"] not in ("target", "actual", "estimate") or row.get("year") is None:
            continue
        entry = grouped.setdefault(key, {"indicator": key[0], "measure": key[1], "scope": key[2],
                                         "unit": row.get("unit"), "points": {}})
        if entry["unit"] is None:
            entry["unit"] = row.get("unit")
        point = entry["points"].setdefault(int(row["year"]), {})
        point[row["kind"]] = {"value": row.get("value"), "value_max": row.get("value_max"),
                              "quote": row.get("quote"), "report_id": row.get("report_id")}
    out = []
    for key in sorted(grouped, key=lambda k: (k[0], k[1], k[2] or "")):
        entry = grouped[key]
        years = sorted(entry["points"])
        out.append({**{k: v for k, v in entry.items() if k != "points"}, "years": years,
                    "rows": [{"year": y, **entry["points"][y]} for y in years]})
    return out


def target_changes(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """From one year's report to the next, what happened to each target: raised, lowered, added,
    dropped (targets read from the report of the year they are set for)."""
    by_year: dict[int, dict[SeriesKey, float | None]] = {}
    for row in rows:
        if row["kind"] == "target" and row.get("year") is not None and row.get("report_year") == row.get("year"):
            key = (row["indicator"], row["measure"], row.get("scope"))
            by_year.setdefault(int(row["year"]), {})[key] = row.get("value")
    changes = []
    years = sorted(by_year)
    for before, after in pairwise(years):
        old, new = by_year[before], by_year[after]
        for key in sorted(set(old) | set(new), key=lambda k: (k[0], k[1], k[2] or "")):
            a, b = old.get(key, _MISSING), new.get(key, _MISSING)
            if a is _MISSING:
                change = "added"
            elif b is _MISSING:
                change = "dropped"
            elif a is None or b is None or a == b:
                continue
            else:
                change = "raised" if b > a else "lowered"
            changes.append({"from": before, "to": after, "indicator": key[0], "measure": key[1], "scope": key[2],
                            "before": None if a is _MISSING else a, "after": None if b is _MISSING else b,
                            "change": change})
    return changes


_MISSING: Any = object()


def term_changes(by_year: dict[int, set[str]]) -> list[dict[str, Any]]:
    """Policy terms that appear in one year's report and not the one before, or vanish from it."""
    out = []
    for before, after in pairwise(sorted(by_year)):
        old, new = by_year[before], by_year[after]
        if old ^ new:
            out.append({"from": before, "to": after, "appear": sorted(new - old), "vanish": sorted(old - new)})
    return out
