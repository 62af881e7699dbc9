"""Metadata the user knows: a CSV file with a row per document (--meta) and values for a whole
batch (--region, --year), read into one GivenMeta per input file."""

from __future__ import annotations

import csv
import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from govreport.model import LEVELS, META_FIELDS, GivenMeta

PATH_COLUMNS = ("path", "file", "doc")
# column names a download list may use for a field
ALIASES = {"year": "report_year", "date": "meeting_date", "title": "speaker_title"}


class MetaFileError(ValueError):
    """A --meta file that cannot be used; the message names the file, the line and the reason."""


@dataclass(frozen=True)
class UserMeta:
    """What the user gave: rows of a --meta file by the file each names, and batch values."""

    rows: dict[str, tuple[tuple[str, str | int], ...]] = field(default_factory=dict)  # resolved path -> values
    names: dict[str, list[str]] = field(default_factory=dict)  # a bare file name -> the resolved paths it names
    batch: tuple[tuple[str, str | int], ...] = ()
    fill_only: bool = False

    def for_file(self, path: Path) -> GivenMeta | None:
        """The metadata given for one input file: its row (found by its resolved path, else by its
        bare file name when the file names only one row) over the batch values."""
        values = dict(self.batch)
        row = self.rows.get(_key(path))
        if row is None:
            by_name = self.names.get(path.name, [])
            row = self.rows[by_name[0]] if len(by_name) == 1 else None
        values.update(row or ())
        return GivenMeta(tuple(values.items()), self.fill_only) if values else None


def load(meta_file: str | Path | None = None, region: str | None = None, year: int | None = None,
         fill_only: bool = False) -> UserMeta:
    batch: list[tuple[str, str | int]] = []
    if region:
        batch.append(("region", region.strip()))
    if year is not None:
        batch.append(("report_year", year))
    rows: dict[str, tuple[tuple[str, str | int], ...]] = {}
    names: dict[str, list[str]] = {}
    if meta_file is not None:
        for key, values in read_meta_file(Path(meta_file)).items():
            rows[key] = values
            names.setdefault(Path(key).name, []).append(key)
    return UserMeta(rows, names, tuple(batch), fill_only)


def read_meta_file(path: Path) -> dict[str, tuple[tuple[str, str | int], ...]]:
    """Rows of a CSV (UTF-8, a BOM allowed) with a path column and any of the metadata fields;
    a path is read relative to the CSV's folder. Empty cells give nothing."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            header = [h.strip() for h in reader.fieldnames or []]
            columns = _columns(path, header)
            path_column = next(c for c, f in columns.items() if f == "path")
            out: dict[str, tuple[tuple[str, str | int], ...]] = {}
            for line, record in enumerate(reader, start=2):
                cells = {c.strip(): (v or "").strip() for c, v in record.items() if c is not None}
                where = cells.get(path_column, "")
                if not where:
                    raise MetaFileError(f"{path}:{line}: no path in column {path_column!r}")
                values = tuple((f, _value(path, line, f, cells[c])) for c, f in columns.items()
                               if f != "path" and cells.get(c))
                out[_key(path.parent / where)] = values
            return out
    except OSError as e:
        raise MetaFileError(f"{path}: cannot read ({e.strerror or e})") from None
    except UnicodeDecodeError:
        raise MetaFileError(f"{path}: not UTF-8 text (save the CSV as UTF-8)") from None
    except csv.Error as e:
        raise MetaFileError(f"{path}: not a CSV file ({e})") from None


def _columns(path: Path, header: list[str]) -> dict[str, str]:
    """Column name -> field; an unknown column is an error, so a misspelt field is not ignored."""
    columns: dict[str, str] = {}
    for name in header:
        key = name.lower()
        if key in PATH_COLUMNS and "path" not in columns.values():
            columns[name] = "path"
        elif ALIASES.get(key, key) in META_FIELDS:
            columns[name] = ALIASES.get(key, key)
        else:
            raise MetaFileError(f"{path}: unknown column {name!r} (known: path, {', '.join(META_FIELDS)}, year)")
    if "path" not in columns.values():
        raise MetaFileError(f"{path}: no path column (one of {', '.join(PATH_COLUMNS)})")
    return columns


def _value(path: Path, line: int, field_name: str, cell: str) -> str | int:
    if field_name == "report_year":
        if not (cell.isdigit() and 1949 <= int(cell) <= 2100):
            raise MetaFileError(f"{path}:{line}: year {cell!r} is not a year (1949-2100)")
        return int(cell)
    if field_name == "meeting_date":
        try:
            return dt.date.fromisoformat(cell).isoformat()
        except ValueError:
            raise MetaFileError(f"{path}:{line}: meeting_date {cell!r} is not a date (YYYY-MM-DD)") from None
    if field_name == "level" and cell not in LEVELS:
        raise MetaFileError(f"{path}:{line}: level {cell!r} is not one of {', '.join(LEVELS)}")
    return cell


def _key(path: Path) -> str:
    return os.path.realpath(path)
