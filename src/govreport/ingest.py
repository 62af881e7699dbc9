"""Ingest: files and folders -> decoded text, or a clear reason why a file cannot be read.

Encodings are detected with charset-normalizer (after BOMs and strict UTF-8); HTML text comes
from trafilatura. Nothing here raises for bad input: a bad file becomes an IngestError.
"""

from __future__ import annotations

import codecs
import dataclasses
import hashlib
import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from govreport.model import IngestError, RawDocument

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
OFFICE_SUFFIXES = {".docx", ".pdf", ".doc"}
_GB_FAMILY = {"gb2312", "gbk", "gb18030", "hz", "cp936", "euc_cn", "ms936"}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_CJK = re.compile(r"[\u4e00-\u9fff]")


def iter_inputs(paths: Iterable[str | Path], exclude: Iterable[str | Path] = ()) -> Iterator[tuple[str, Path]]:
    """(doc name, file) for every entry under the given paths that is not a folder: files, and
    also special files and broken links, which read_document reports. doc keeps the path as
    given, with the bytes of a name that is not UTF-8 (a GBK-named archive unzipped) written as
    \\xNN. exclude: files and folders that are the run's own (its output folder, its store)."""
    skipped = {os.path.realpath(e) for e in exclude}
    for given in paths:
        p = Path(given)
        if p.is_dir():
            for f in sorted(_entries(p, skipped)):
                yield printable_name(str(Path(given) / f.relative_to(p))), f
        elif os.path.realpath(p) not in skipped:
            yield printable_name(str(given)), p


def _entries(folder: Path, skipped: set[str]) -> Iterator[Path]:
    """Everything below folder but folders, hidden names and what is skipped; links to folders are
    followed once (a loop of links ends where a folder comes round again)."""
    seen: set[str] = set()
    for root, dirs, files in os.walk(folder, followlinks=True):
        real = os.path.realpath(root)
        if real in seen or real in skipped:
            dirs[:] = []
            continue
        seen.add(real)
        dirs[:] = [d for d in dirs if not d.startswith(".") and os.path.realpath(os.path.join(root, d)) not in skipped]
        for name in files:
            path = Path(root) / name
            if not name.startswith(".") and os.path.realpath(path) not in skipped:
                yield path


def printable_name(name: str) -> str:
    """A file name as text every output can hold: the OS's undecodable bytes (surrogate escapes)
    written as \\xNN, the rest as it is."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(name).decode("utf-8", "backslashreplace")
    return name


def read_document(path: Path, doc: str | None = None) -> RawDocument | IngestError:
    """The decoded text of one file, named doc; its identity is the file's resolved path, so the
    same file reached by another spelling of its path (relative, absolute, a link) is one document."""
    raw = _read_document(path, printable_name(str(path)) if doc is None else doc)
    if isinstance(raw, RawDocument):
        return dataclasses.replace(raw, identity=file_identity(path))
    return raw


def file_identity(path: Path) -> str:
    """A file's resolved path, as text (bytes that are not UTF-8 written as \\xNN)."""
    return printable_name(os.path.realpath(path))


def _read_document(path: Path, doc: str) -> RawDocument | IngestError:
    data = read_file_bytes(path, doc)
    return data if isinstance(data, IngestError) else parse_file_bytes(data, doc, path.suffix.lower(), path)


def read_file_bytes(path: Path, doc: str) -> bytes | IngestError:
    """A file's bytes, or why they cannot be read (a link to nothing, a FIFO …)."""
    if path.is_symlink() and not path.exists():
        return IngestError(doc, "a link to nothing (broken symbolic link)")
    if not path.exists():
        return IngestError(doc, "no such file")
    if not path.is_file():
        return IngestError(doc, "not a regular file (a FIFO, socket or device)")
    try:
        return path.read_bytes()
    except OSError as e:
        return IngestError(doc, f"cannot read file: {e.strerror or e}")


def parse_file_bytes(data: bytes, doc: str, suffix: str, path: Path | None = None, *,
                     ocr_here: bool = True) -> RawDocument | IngestError:
    """A file's bytes read as the file would be (by its suffix and content), where the file itself
    may not be at hand (a worker on another machine is sent the bytes). path: the file, when the
    reader of a legacy .doc can open it in place. ocr_here false: a scanned PDF raises
    formats.ScannedPdf instead of being read by OCR here (a cluster reads its pages as tasks)."""
    if suffix in OFFICE_SUFFIXES:
        return read_office(path, data, doc, suffix, ocr_here=ocr_here)
    fmt = "html" if suffix in HTML_SUFFIXES or _looks_like_html(data) else "txt"
    if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES and fmt == "txt" and suffix:
        return IngestError(doc, f"unsupported file type '{suffix}' (read: .txt, .html, .docx, .pdf, .doc)")
    return parse_bytes(data, doc, fmt)


def read_office(path: Path | None, data: bytes, doc: str, suffix: str, *,
                ocr_here: bool = True) -> RawDocument | IngestError:
    from govreport import formats

    if not data.strip():
        return IngestError(doc, "empty file")
    try:
        if suffix == ".docx":
            text = formats.docx_to_text(data)
        elif suffix == ".pdf":
            text = formats.pdf_to_text(data, ocr_here=ocr_here)
        elif path is not None:
            text = formats.doc_to_text(path)
        else:  # the bytes alone: LibreOffice reads a file
            with tempfile.TemporaryDirectory() as tmp:
                copy = Path(tmp) / f"document{suffix}"
                copy.write_bytes(data)
                text = formats.doc_to_text(copy)
    except formats.FormatError as e:
        return IngestError(doc, str(e))
    return office_document(text, data, doc, suffix)


def office_document(text: str, data: bytes, doc: str, suffix: str) -> RawDocument | IngestError:
    """The document an office file's text makes (or why it is none)."""
    if not _CJK.search(text):
        return _no_chinese_text(doc, text)
    return RawDocument(doc=doc, text=text, format=suffix.lstrip("."), encoding=None,
                       sha256=hashlib.sha256(data).hexdigest())


def parse_bytes(data: bytes, doc: str, fmt: str = "txt", declared: str | None = None) -> RawDocument | IngestError:
    """Decode and (for HTML) extract; declared is a charset from outside, e.g. an HTTP header."""
    if not data.strip():
        return IngestError(doc, "empty file")
    charset = (_declared_charset(data) if fmt == "html" else None) or _known_codec(declared)
    decoded = decode_bytes(data, charset)
    if isinstance(decoded, _Undecodable):
        return IngestError(doc, decoded.reason)
    text, encoding = decoded
    repaired = repair_mojibake(text)
    if repaired is not None:
        text, encoding = repaired[0], f"{repaired[1]} (repaired: its bytes had been read as Latin-1)"
    replaced = text.count(REPLACEMENT) - data.decode("utf-8", "ignore").count(REPLACEMENT) \
        if REPLACEMENT in text else 0
    if fmt == "html":
        extracted = html_to_text(text)
        if not extracted:
            return IngestError(doc, "no article text found in the HTML page")
        text = extracted
    if not _CJK.search(text):
        return _no_chinese_text(doc, text)
    return RawDocument(doc=doc, text=text, format=fmt, encoding=encoding,
                       sha256=hashlib.sha256(data).hexdigest(), replaced=max(0, replaced))


def _no_chinese_text(doc: str, text: str) -> IngestError:
    if _looks_like_mojibake(text):
        return IngestError(doc, "no Chinese text found: the text looks like Chinese once read as Latin-1 (mojibake) "
                                "and is too damaged to be read back; save the page again in its own encoding")
    return IngestError(doc, "no Chinese text found: not a government work report")


# a page whose GBK or UTF-8 bytes were once read as Latin-1 or Windows-1252 and saved as that text
# (¾¡¹Ü2004Äê… for 尽管2004年…): most of its letters are of U+0080-U+00FF, where no Chinese page has
# more than a few; read back as the bytes they stand for, in the encoding that makes text of them
MOJIBAKE_SHARE = 0.3
MOJIBAKE_SAMPLE = 4000
MOJIBAKE_LOST_SHARE = 0.02  # of its characters, those neither Latin-1 nor Windows-1252 has


def repair_mojibake(text: str) -> tuple[str, str] | None:
    """The text and codec a page of mojibake was made from, or None when it is no such page."""
    if not _looks_like_mojibake(text):
        return None
    data = _as_latin_bytes(text)
    if data.count(b"?") - text.count("?") > MOJIBAKE_LOST_SHARE * len(text):
        return None  # letters of other scripts too: no page of one misreading
    for codec in ("utf-8", "gb18030"):
        fixed = data.decode(codec, "replace")
        if _plausible(fixed) and _CJK.search(fixed):
            return fixed, codec
    return None


def _looks_like_mojibake(text: str) -> bool:
    sample = text[:MOJIBAKE_SAMPLE]
    high = len(_LATIN_HIGH.findall(sample))  # (first: in a Chinese page it is none, and found in C)
    return high >= MOJIBAKE_SHARE * len(sample) and len(_CJK.findall(sample)) * 10 <= high


_LATIN_HIGH = re.compile("[\x80-\xff]")


def _as_latin_bytes(text: str) -> bytes:
    """The bytes each character is in Latin-1, or else in Windows-1252 (€ for 0x80, ‰ for 0x89 …);
    '?' for one in neither (a copy of the misread page may have lost or changed a few)."""
    out = bytearray()
    for c in text:
        if ord(c) < 256:
            out.append(ord(c))
        else:
            out += c.encode("cp1252", "replace")
    return bytes(out)


class _Undecodable:
    def __init__(self, reason: str) -> None:
        self.reason = reason


Decoded = tuple[str, str]  # text, codec


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded | _Undecodable:
    """BOM first, then a declared charset, then strict UTF-8, then the detector."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            text = _try_decode(data, codec)
            return (text, codec) if text is not None else _Undecodable(
                f"invalid {codec} text after its byte-order mark")
    for codec in ([_widen(declared)] if declared else []) + ["utf-8"]:
        text = _try_decode(data, codec)
        if text is not None:
            return text, codec
    if b"\x00" in data[:4096]:
        for codec in ("utf-16-le", "utf-16-be"):  # UTF-16 without a byte-order mark
            text = _try_decode(data, codec)
            if text is not None and _plausible(text):
                return text, codec
        return _Undecodable("binary file, not text")
    found = _detect(data)
    if isinstance(found, _Undecodable):
        return _nearly(data, declared) or found
    return found


REPLACEMENT = "\ufffd"
# a text with at most this share of its bytes undecodable (a stray byte, a copy cut mid-character)
# is read with them replaced; more is no text of that encoding
STRAY_BYTES_SHARE = 0.001
STRAY_BYTES_MIN = 8


def _nearly(data: bytes, declared: str | None) -> Decoded | None:
    """The text of a file that one encoding reads but for a few bytes, those read as U+FFFD."""
    allowed = max(STRAY_BYTES_MIN, int(len(data) * STRAY_BYTES_SHARE))
    before = data.decode("utf-8", "ignore").count(REPLACEMENT)  # U+FFFD written in the file itself
    for codec in dict.fromkeys(([_widen(declared)] if declared else []) + ["utf-8", "gb18030", "big5"]):
        text = data.decode(codec, "replace")
        if text.count(REPLACEMENT) - before <= allowed and _plausible(text):
            return text, codec
    return None


def _try_decode(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _plausible(text: str) -> bool:
    """Decoded text of a Chinese report is mostly Han characters, ASCII and punctuation."""
    sample = text[:4000]
    if not sample:
        return False
    ok = sum(1 for c in sample if c.isascii() or "\u4e00" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f"
             or "\uff00" <= c <= "\uffef" or "\u2000" <= c <= "\u206f")
    return ok / len(sample) >= 0.9


def _detect(data: bytes) -> Decoded | _Undecodable:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    guess = _widen(best.encoding) if best is not None else None
    # GB18030 is the usual legacy encoding of these reports and the detector often mistakes short
    # GBK text for something else; only a Big5 verdict (traditional characters) goes first
    order = [guess, "gb18030"] if guess and guess.startswith(("big5", "cp950")) else ["gb18030", guess]
    for codec in order:
        text = _try_decode(data, codec) if codec else None
        if codec and text is not None and _plausible(text):
            return text, codec
    return _Undecodable("undecodable: no text encoding fits the bytes")


def _widen(encoding: str) -> str:
    """GB2312 and GBK pages use GB18030 characters freely; GB18030 reads them all."""
    name = codecs.lookup(encoding).name
    return "gb18030" if name in _GB_FAMILY or encoding.lower() in _GB_FAMILY else name


def _declared_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    if not m:
        return None
    name = m.group(1).decode("ascii", "ignore")
    try:
        codecs.lookup(name)
    except LookupError:
        return None
    return name


def _known_codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        codecs.lookup(name)
    except LookupError:
        return None
    return name


def _looks_like_html(data: bytes) -> bool:
    head = data[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<body" in data[:4096].lower()


def html_to_text(html: str) -> str | None:
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=True, favor_recall=True,
                               deduplicate=False)
    return text if text and text.strip() else None
