"""Uploads (`govreport serve --allow-upload`): a file in, its report out and stored.

The one place the web app writes: each upload runs the pipeline over the file and stores it
through the store's writer, one upload at a time; without --allow-upload nothing here is mounted
and the app never opens the store for writing."""

from __future__ import annotations

import dataclasses
import hashlib
import re
import threading
from pathlib import Path
from typing import NamedTuple

from govreport.model import IngestError, RawDocument

MAX_UPLOAD = 20 << 20  # bytes
SUFFIXES = (".txt", ".html", ".htm", ".docx", ".pdf")


class UploadError(ValueError):
    """An upload that cannot become a report; status is the HTTP answer that says so."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


class Stored(NamedTuple):
    report_id: int
    facts: int
    new: bool  # false when the same bytes were uploaded before


class Uploads:
    def __init__(self, db: Path) -> None:
        self.db = db
        self.lock = threading.Lock()  # one writer at a time, in this process

    def store(self, filename: str, data: bytes) -> Stored:
        if len(data) > MAX_UPLOAD:
            raise UploadError(413, f"the file is larger than {MAX_UPLOAD >> 20} MB")
        name = _safe_name(filename)
        raw = _read(name, data)
        from govreport.pipeline import default_pipeline
        from govreport.store import schema, write

        report = default_pipeline()(raw)
        with self.lock:
            con = schema.connect(self.db, create=False)
            try:
                summary = write.write_batch(con, [report])
                (report_id,) = con.execute("SELECT id FROM documents WHERE identity = ? AND is_current = 1",
                                           (raw.identity,)).fetchone()
            finally:
                con.close()
        return Stored(int(report_id), len(report.facts), summary.ingested == 1)


def _safe_name(filename: str) -> str:
    base = Path(filename or "upload.txt").name
    base = re.sub(r"[\x00-\x1f/\\:]", "_", base)[:120] or "upload.txt"
    if Path(base).suffix.lower() not in SUFFIXES:
        raise UploadError(415, f"{base}: not a file type govreport reads ({', '.join(SUFFIXES)})")
    return base


def _read(name: str, data: bytes) -> RawDocument:
    from govreport.ingest import parse_file_bytes

    if not data.strip():
        raise UploadError(422, f"{name}: the file is empty")
    raw = parse_file_bytes(data, f"upload/{name}", Path(name).suffix.lower())  # the content decides (sniffed)
    if isinstance(raw, IngestError):
        raise UploadError(422, f"{name}: {raw.reason}")
    # an upload is known by its bytes: the same file uploaded again is the same document
    return dataclasses.replace(raw, identity=f"upload:{hashlib.sha256(data).hexdigest()}")
