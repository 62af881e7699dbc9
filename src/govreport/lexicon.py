"""Language data shipped with the package (TOML files in govreport/data), kept apart from algorithms."""

from __future__ import annotations

import hashlib
import tomllib
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any


def data_path(name: str) -> Path:
    return Path(str(resources.files("govreport") / "data" / name))


@cache
def load(name: str) -> dict[str, Any]:
    """Parse a bundled TOML data file. Cached: the files are read-only package data."""
    with data_path(name).open("rb") as fh:
        return tomllib.load(fh)


@cache
def data_fingerprint() -> str:
    """A hash of every bundled language data file (names and bytes): a change to any of them is a
    new version of the pipeline, and the reports made before are stale."""
    digest = hashlib.sha256()
    root = data_path("")
    for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def load_file(path: str | Path) -> dict[str, Any]:
    with Path(path).open("rb") as fh:
        return tomllib.load(fh)


def indicator_ids(data: dict[str, Any] | None = None) -> tuple[str, ...]:
    """The indicator ids of indicators.toml (or of data of its shape), in the file's order."""
    entries = (data or load("indicators.toml"))["indicator"]
    return tuple(dict.fromkeys(e["id"] for e in entries))


def lower_is_better(data: dict[str, Any] | None = None) -> frozenset[str]:
    """The ids whose targets are ceilings (CPI, unemployment, energy intensity, deficits)."""
    entries = (data or load("indicators.toml"))["indicator"]
    return frozenset(e["id"] for e in entries if e.get("lower_is_better"))
