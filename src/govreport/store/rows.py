"""One report as the rows the store holds: the one mapping from a `Report`'s records to its
tables' columns, which the JSON Lines export reads too (a record's fields are a table's columns,
renamed where SQL needs it, then the columns the store derives)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from functools import cached_property
from typing import Any, NamedTuple

from govreport import __version__
from govreport.attention import bundled_dictionaries, chars_by_kind, hit_counts
from govreport.model import Edit, Fact, Figure, GivenMeta, Report, Section
from govreport.numbers import MULTIPLIERS
from govreport.store.schema import compress_raw
from govreport.textindex import grams


@dataclass(frozen=True)
class Table:
    """A kind of record and the table that stores it."""

    name: str
    record: type
    renamed: dict[str, str] = field(default_factory=dict)  # field -> column, where they differ
    derived: tuple[str, ...] = ()  # columns the store adds after the record's own

    @cached_property
    def fields(self) -> tuple[str, ...]:
        return tuple(f.name for f in fields(self.record))

    @cached_property
    def columns(self) -> tuple[str, ...]:
        return (*(self.renamed.get(f, f) for f in self.fields), *self.derived)

    @cached_property
    def insert(self) -> str:
        names = ", ".join(f'"{c}"' for c in ("report_id", *self.columns))
        return f"INSERT INTO {self.name}({names}) VALUES ({','.join('?' * (len(self.columns) + 1))})"

    def values(self, record: Any) -> tuple[Any, ...]:
        return tuple(getattr(record, f) for f in self.fields)

    def record_dict(self, record: Any) -> dict[str, Any]:
        """The record as the JSON Lines export writes it: its fields by name."""
        return {f: getattr(record, f) for f in self.fields}


SECTIONS = Table("sections", Section, {"index": "idx"})
# region_key: the region a fact is of (its report's adcode, else the region's name), for targets
FACTS = Table("facts", Fact, derived=("value_base", "value_max_base", "unit_base", "region_key"))
FIGURES = Table("figures", Figure)
EDITS = Table("edits", Edit)
TABLES = (SECTIONS, FACTS, FIGURES, EDITS)


# the columns of a report's rows, in the order ReportRows holds their values
DOCUMENT_COLUMNS = ("source", "sha256", "format", "encoding", "raw_delta", "clean_text", "identity", "pipeline_version")
REPORT_COLUMNS = ("doc", "region", "level", "adcode", "province", "report_year", "meeting_date", "congress", "speaker",
                  "speaker_title", "ambiguous", "candidates", "meta_sources", "given")


class ReportRows(NamedTuple):
    """What storing a report writes, as plain tuples (without the report id, known only on insertion)."""

    # source, sha256, format, encoding, raw_delta, clean_text, identity, pipeline_version
    document: tuple[Any, ...]
    report: tuple[Any, ...]  # the reports row after report_id
    sections: list[tuple[Any, ...]]
    facts: list[tuple[Any, ...]]
    figures: list[tuple[Any, ...]]
    edits: list[tuple[Any, ...]]
    grams: bytes  # the full-text index tokens of clean_text (textindex.grams)
    section_chars: list[tuple[str, int]]  # (section kind, characters)
    attention: list[tuple[str, str, str, int]]  # (dictionary, fingerprint, section kind, hits)
    attention_terms: list[tuple[str, str, int]]  # (fingerprint, term, hits), the terms found

    @property
    def doc(self) -> str:
        return str(self.document[0])

    @property
    def sha256(self) -> str:
        return str(self.document[1])

    @property
    def identity(self) -> str:
        return str(self.document[6])


def given_json(given: GivenMeta | None) -> str | None:
    if given is None or not given.values:
        return None
    return json.dumps({"values": given.as_dict(), "fill_only": given.fill_only}, ensure_ascii=False, sort_keys=True)


def given_of(stored: str | None) -> GivenMeta | None:
    if not stored:
        return None
    data = json.loads(stored)
    return GivenMeta(tuple(data["values"].items()), bool(data.get("fill_only")))


def rows_of(report: Report) -> ReportRows:
    raw, m = report.raw, report.meta
    return ReportRows(
        # the raw text compressed against the clean text: a worker pays for the compression, not the writer
        (raw.doc, raw.sha256, raw.format, raw.encoding, compress_raw(raw.text, report.text), report.text,
         raw.identity or raw.doc, report.pipeline_version or __version__),
        (report.doc, m.region, m.level, m.adcode, m.province, m.report_year, m.meeting_date, m.congress, m.speaker,
         m.speaker_title, int(m.ambiguous),
         json.dumps([asdict(c) for c in m.candidates], ensure_ascii=False) if m.candidates else None,
         json.dumps(dict(m.sources), ensure_ascii=False) if m.sources else None, given_json(report.given)),
        [SECTIONS.values(s) for s in report.sections],
        [(*FACTS.values(f), *base_value(f.value, f.value_max, f.unit), m.adcode or m.region) for f in report.facts],
        [FIGURES.values(g) for g in report.figures],
        [EDITS.values(e) for e in report.edits],
        grams(report.text),
        list(chars_by_kind(report.text, report.sections).items()),
        *_attention_rows(report),
    )


def _attention_rows(report: Report) -> tuple[list[tuple[str, str, str, int]], list[tuple[str, str, int]]]:
    """Each bundled dictionary's hits in the report, by section kind and by term."""
    by_kind: list[tuple[str, str, str, int]] = []
    by_term: list[tuple[str, str, int]] = []
    for d in bundled_dictionaries():
        kinds, terms = hit_counts(report.text, report.sections, d)
        by_kind.extend((d.name, d.fingerprint, kind, n) for kind, n in kinds.items())
        by_term.extend((d.fingerprint, term, n) for term, n in terms.items())
    return by_kind, by_term


def base_value(value: float | None, value_max: float | None, unit: str | None,
               ) -> tuple[float | None, float | None, str | None]:
    """250.2, 亿元 -> 2.502e10, 元 (万, 亿, 万亿, 千 … multiplied out); % and others unchanged."""
    if value is None or not unit:
        return value, value_max, unit
    for prefix, factor in MULTIPLIERS:
        if unit.startswith(prefix) and len(unit) > len(prefix):
            return _exact(value * factor), None if value_max is None else _exact(value_max * factor), unit[len(prefix):]
    return value, value_max, unit


def _exact(product: float) -> float:
    """A decimal figure multiplied out as written (1228.6 亿 is 122860000000, not 122859999999.99998):
    rounded to the 15 significant digits a double holds exactly."""
    return float(f"{product:.15g}")
