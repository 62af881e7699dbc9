"""Plain data passed between the pipeline stages: frozen dataclasses, no behaviour beyond views."""

from __future__ import annotations

from dataclasses import MISSING, dataclass, field, fields
from typing import NamedTuple, TypeVar

T = TypeVar("T")


def one_call_init(cls: type[T]) -> type[T]:
    """The same frozen dataclass, with an __init__ that fills the instance's dict in one call.

    For records made by the hundred per report (edits, sections, facts, figures): the generated
    __init__ of a frozen dataclass calls object.__setattr__ once per field, which made building them
    ~5% of the pipeline's time; this one takes the same arguments and defaults and costs half.
    Instances stay frozen (assignment still raises) and dataclass tools (asdict, replace) work."""
    params, items, defaults = [], [], {}
    for f in fields(cls):  # type: ignore[arg-type]
        if f.default_factory is not MISSING or not f.init:
            raise TypeError(f"{cls.__name__}.{f.name}: one_call_init needs plain fields")
        if f.default is MISSING:
            params.append(f.name)
        else:
            defaults[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
        items.append(f"{f.name!r}: {f.name}")
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__}: one_call_init does not run __post_init__")
    namespace = {"_set": object.__setattr__, **defaults}
    exec(f"def __init__(self, {', '.join(params)}):\n    _set(self, '__dict__', {{{', '.join(items)}}})",
         namespace)
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__doc__ = cls.__init__.__doc__
    cls.__init__ = init  # type: ignore[method-assign]
    return cls


@dataclass(frozen=True)
class RawDocument:
    """What ingest read: the decoded text of one input, before any cleaning."""

    doc: str  # the path as found under the given input (relative stays relative)
    text: str
    format: str  # "txt" | "html"
    encoding: str | None = None
    sha256: str = ""
    replaced: int = 0  # bytes no encoding fitted, read as U+FFFD (the cleaner removes each, with an edit)
    identity: str = ""  # what names the document in a store: its resolved path (or URL); "" = doc


@dataclass(frozen=True)
class IngestError:
    doc: str
    reason: str


@one_call_init
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


# the levels of government a report can be of, highest first
LEVELS = ("national", "province", "prefecture", "county")
META_FIELDS = ("region", "level", "adcode", "province", "report_year", "meeting_date", "congress", "speaker",
               "speaker_title")


@dataclass(frozen=True)
class GivenMeta:
    """Metadata a user knows about a document (a row of a --meta file, --region/--year for a
    batch): it overrides what the text gives, or with fill_only fills only what the text leaves null."""

    values: tuple[tuple[str, str | int], ...] = ()
    fill_only: bool = False

    def as_dict(self) -> dict[str, str | int]:
        return dict(self.values)


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
    # where each field that is not null came from: "text", "file_name" (the year in the file's
    # name), "user" (GivenMeta), "table" (adcode, level, province looked up for a user's region)
    sources: tuple[tuple[str, str], ...] = ()


@one_call_init
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


@one_call_init
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


@one_call_init
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
    given: GivenMeta | None = None  # what the user gave of the metadata (meta holds the outcome)
    pipeline_version: str | None = None  # the code and language data that made it (Pipeline.version)

    @property
    def text(self) -> str:
        return self.clean.text

    @property
    def edits(self) -> tuple[Edit, ...]:
        return self.clean.edits
