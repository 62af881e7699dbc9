"""Plain data passed between the pipeline stages: frozen dataclasses, no behaviour beyond views."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple


@dataclass(frozen=True)
class RawDocument:
    """What ingest read: the decoded text of one input, before any cleaning."""

    doc: str  # the path as found under the given input (relative stays relative)
    text: str
    format: str  # "txt" | "html"
    encoding: str | None = None
    sha256: str = ""


@dataclass(frozen=True)
class IngestError:
    doc: str
    reason: str


@dataclass(frozen=True)
class Edit:
    """One change the cleaner made, stated against the raw text so a user can audit it."""

    kind: str
    raw_start: int
    raw_end: int
    raw: str
    replacement: str


class Layer(NamedTuple):
    """The edits of one cleaning pass: input spans [starts, ends) became output spans
    [out_starts, out_ends) (sorted, non-overlapping); text between edits was copied."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]
    out_starts: tuple[int, ...]
    out_ends: tuple[int, ...]


@dataclass(frozen=True)
class CleanText:
    text: str
    raw: str
    layers: tuple[Layer, ...]  # one per pass that edited, oldest first
    edits: tuple[Edit, ...]

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Map a clean span back to the raw span it was made from."""
        from govreport.offsets import clean_span_to_raw

        return clean_span_to_raw(self.layers, start, end, len(self.raw))


@dataclass(frozen=True)
class RegionCandidate:
    name: str
    adcode: str
    province: str | None
    level: str


@dataclass(frozen=True)
class Meta:
    region: str | None = None
    level: str | None = None
    adcode: str | None = None
    province: str | None = None
    report_year: int | None = None
    meeting_date: str | None = None
    congress: str | None = None
    speaker: str | None = None
    speaker_title: str | None = None
    ambiguous: bool = False
    candidates: tuple[RegionCandidate, ...] = ()


@dataclass(frozen=True)
class Section:
    """A heading and the text it governs; kind drives the kind of the facts inside."""

    index: int
    parent: int | None
    depth: int
    marker: str
    title: str
    kind: str  # review | targets | tasks | self_building | plan | other
    year: int | None
    start: int
    end: int
    heading_end: int


@dataclass(frozen=True)
class Fact:
    indicator: str
    measure: str
    kind: str
    period: int | None
    value: float | None
    value_max: float | None
    unit: str | None
    qualifier: str | None
    scope: str | None
    quote: str
    start: int
    end: int
    section: int | None = None


@dataclass(frozen=True)
class Figure:
    """Any other number in the text with its unit and the phrase it is about."""

    subject: str
    value: float
    value_max: float | None
    unit: str
    qualifier: str | None
    quote: str
    start: int
    end: int
    section: int | None = None


@dataclass(frozen=True)
class Report:
    doc: str
    raw: RawDocument
    clean: CleanText
    meta: Meta
    sections: tuple[Section, ...]
    facts: tuple[Fact, ...]
    figures: tuple[Figure, ...] = field(default=())

    @property
    def text(self) -> str:
        return self.clean.text

    @property
    def edits(self) -> tuple[Edit, ...]:
        return self.clean.edits
