"""govreport: Chinese government work reports (政府工作报告) -> trustworthy, comparable data.

    >>> import govreport
    >>> report = govreport.extract("path/to/report.txt")   # or the report's text itself
    >>> report.meta.region, [(f.indicator, f.value, f.quote) for f in report.facts]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from govreport.model import Fact, Figure, GivenMeta, IngestError, Meta, RawDocument, Report, Section

if TYPE_CHECKING:
    from govreport.pipeline import Pipeline
    from govreport.query import Corpus
    from govreport.usermeta import UserMeta

__version__ = "0.1.0"
__all__ = [
    "Fact",
    "Figure",
    "GivenMeta",
    "IngestError",
    "Meta",
    "Pipeline",
    "ReadError",
    "Report",
    "Section",
    "extract",
    "extract_many",
    "extract_text",
]


def __getattr__(name: str) -> Any:
    # the pipeline's modules load on first use, so `govreport --help` and the store commands
    # start without them
    if name == "Pipeline":
        from govreport.pipeline import Pipeline

        return Pipeline
    raise AttributeError(f"module 'govreport' has no attribute {name!r}")


class ReadError(ValueError):
    """An input that cannot be read as a report; the message names the file and the reason."""


def extract(source: str | Path | bytes | None = None, *, text: str | None = None, doc: str | None = None,
            pipeline: Pipeline | None = None, given: GivenMeta | None = None) -> Report:
    """One report: from a file (a Path or a path string), from a file's bytes, or from its text
    (text=..., or govreport.extract_text). given: metadata you know of it
    (GivenMeta((("region", "嘉善县"), ("report_year", 2019)))), which overrides the text's.

    A string holding a line break is taken for a report's text (no path holds one); any other
    string is a path, and a missing file raises FileNotFoundError instead of being read as text."""
    from govreport.ingest import parse_bytes, read_document
    from govreport.pipeline import default_pipeline

    if text is not None:
        if source is not None:
            raise TypeError("give either a source or text=, not both")
        return extract_text(text, doc=doc, pipeline=pipeline, given=given)
    pipe = pipeline or default_pipeline()
    if isinstance(source, bytes | bytearray):
        raw = parse_bytes(bytes(source), doc or "<bytes>")
        if isinstance(raw, IngestError):
            raise ReadError(f"{raw.doc}: {raw.reason}")
        return pipe(raw, given)
    if isinstance(source, str) and "\n" in source:
        return extract_text(source, doc=doc, pipeline=pipeline, given=given)
    if not isinstance(source, str | Path):
        raise TypeError(f"extract takes a path (str or Path), a file's bytes or text=; got {type(source).__name__}")
    path = Path(source)
    try:
        exists = path.exists()
    except OSError as e:  # a report's text in one line is no path: too long a name, a NUL in it
        raise FileNotFoundError(f"{str(source)[:40]}…: not a path ({e.strerror or e}); for a report's text, "
                                "use govreport.extract_text") from None
    if not exists:
        raise FileNotFoundError(f"{source}: no such file (for a report's text, use govreport.extract_text)")
    if path.is_dir():
        raise ReadError(f"{path}: is a folder; use govreport.extract_many for folders")
    raw = read_document(path, doc or str(source))
    if isinstance(raw, IngestError):
        raise ReadError(f"{raw.doc}: {raw.reason}")
    return pipe(raw, given)


def extract_text(text: str, *, doc: str | None = None, pipeline: Pipeline | None = None,
                 given: GivenMeta | None = None) -> Report:
    """One report from its text (already decoded)."""
    if not isinstance(text, str):
        raise TypeError(f"extract_text takes the report's text as str; got {type(text).__name__} "
                        "(bytes go to govreport.extract)")
    from govreport.pipeline import default_pipeline

    pipe = pipeline or default_pipeline()
    return pipe(RawDocument(doc=doc or "<text>", text=text, format="txt"), given)


def extract_many(paths: Iterable[str | Path], jobs: int = 1, given: UserMeta | None = None,
                 ) -> Iterator[Report | IngestError]:
    """Every report under the given files and folders, or the reason it could not be read; given:
    metadata you know (govreport.usermeta.load("list.csv", year=2019), as --meta and --year)."""
    from govreport.run import run_paths

    yield from run_paths(paths, jobs=jobs, given=given.for_file if given else None)


def open(db: str | Path = "govreport.db") -> Corpus:
    """A store for reading: .reports(), .facts(**filters), .panel(), .targets(), .search(), .attention()."""
    from govreport.query import Corpus

    return Corpus(db)
