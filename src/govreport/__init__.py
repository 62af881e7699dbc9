"""govreport: Chinese government work reports (政府工作报告) -> trustworthy, comparable data.

    >>> import govreport
    >>> report = govreport.extract("path/to/report.txt")   # or the report's text itself
    >>> report.meta.region, [(f.indicator, f.value, f.quote) for f in report.facts]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from govreport.ingest import read_document
from govreport.model import Fact, Figure, GivenMeta, IngestError, Meta, RawDocument, Report, Section
from govreport.pipeline import Pipeline, default_pipeline

if TYPE_CHECKING:
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
]


class ReadError(ValueError):
    """An input that cannot be read as a report; the message names the file and the reason."""


def extract(source: str | Path, *, doc: str | None = None, pipeline: Pipeline | None = None,
            given: GivenMeta | None = None) -> Report:
    """One report from a file path or from the report's text; given: metadata you know of it
    (GivenMeta((("region", "嘉善县"), ("report_year", 2019)))), which overrides the text's."""
    pipe = pipeline or default_pipeline()
    if isinstance(source, Path) or _is_path(source):
        path = Path(source)
        if path.is_dir():
            raise ReadError(f"{path}: is a folder; use govreport.extract_many for folders")
        raw = read_document(path, doc or str(source))
        if isinstance(raw, IngestError):
            raise ReadError(f"{raw.doc}: {raw.reason}")
        return pipe(raw, given)
    return pipe(RawDocument(doc=doc or "<text>", text=str(source), format="txt"), given)


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


def _is_path(source: str) -> bool:
    if "\n" in source or len(source) > 1024:
        return False
    try:
        return Path(source).exists()
    except OSError:
        return False
