"""Text out of office formats: .docx (python-docx), PDF (pdfplumber, OCR when Tesseract is
installed), legacy .doc (LibreOffice when installed). Each reader returns plain text with one
paragraph per line or raises FormatError with a reason a user can act on.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
import zipfile
from collections import Counter
from pathlib import Path


class FormatError(Exception):
    """The file cannot be turned into text; str(e) is the reason."""


# --- .docx -----------------------------------------------------------------------------------------

def docx_to_text(data: bytes) -> str:
    """Body paragraphs and tables in document order; headers, footers and comments are left out.
    A table row becomes one line of its cells (指标 目标 → 地区生产总值增长 5%左右)."""
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        doc = Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as e:
        raise FormatError(f"corrupt or not a .docx file ({e})") from None
    lines: list[str] = []
    for child in doc.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(child, doc).text)
        elif tag == "tbl":
            for row in Table(child, doc).rows:
                cells: list[str] = []
                for cell in row.cells:  # a merged cell repeats: keep it once
                    text = cell.text.strip()
                    if text and (not cells or cells[-1] != text):
                        cells.append(text)
                if cells:
                    lines.append(" ".join(cells) + "。")
    return "\n".join(lines)


# --- PDF -----------------------------------------------------------------------------------------

_PAGE_NUMBER = re.compile(r"^[-—–\s]*(?:第\s*)?\d{1,4}\s*(?:页)?(?:\s*/\s*(?:共\s*)?\d{1,4}\s*页?)?[-—–\s]*$")


class ScannedPdf(Exception):
    """A PDF without a text layer, where the caller reads its pages by OCR itself (a cluster reads
    each page as a task of its own)."""

    def __init__(self, pages: int) -> None:
        super().__init__(f"a scanned PDF of {pages} pages")
        self.pages = pages


NO_OCR = ("no text layer (a scanned PDF); install Tesseract with the chi_sim language data and poppler's "
          "pdftoppm to read it by OCR")


def pdf_to_text(data: bytes, *, ocr_here: bool = True) -> str:
    """Text of a PDF with a text layer, reading order per page, running headers, footers and page
    numbers removed. Line breaks inside sentences are joined later by the cleaner. A scanned PDF is
    read by OCR, page by page; with ocr_here false it raises ScannedPdf instead, for the caller to
    read each page where it likes (ocr_pdf_page) and join them (text_of_pages)."""
    pages = _pdf_pages(data)
    if sum(len(p.strip()) for p in pages) < 20 * max(1, len(pages)):
        if not ocr_ready():
            raise FormatError(NO_OCR)
        if not ocr_here:
            raise ScannedPdf(len(pages))
        pages = [ocr_pdf_page(data, n) for n in range(1, len(pages) + 1)]
    return text_of_pages(pages)


def text_of_pages(pages: list[str]) -> str:
    return "\n".join(strip_running_lines(pages))


def _pdf_pages(data: bytes) -> list[str]:
    import pdfplumber

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            return [page.extract_text() or "" for page in pdf.pages]
    except Exception as e:  # pdfminer raises many types for bad files, pdfplumber wraps them
        names = " ".join(_causes(e))
        if "Password" in names or "Encrypt" in names:
            raise FormatError("encrypted PDF: it needs a password") from None
        raise FormatError(f"corrupt or unreadable PDF ({names})") from None


def _causes(e: BaseException) -> list[str]:
    out: list[str] = []
    seen: set[int] = set()
    stack: list[object] = [e]
    while stack:
        item = stack.pop()
        if not isinstance(item, BaseException) or id(item) in seen:
            continue
        seen.add(id(item))
        text = str(item)
        out.append(f"{type(item).__name__}: {text}" if text else type(item).__name__)
        stack.extend([item.__cause__, item.__context__, *item.args])
    return out


def strip_running_lines(pages: list[str]) -> list[str]:
    """Drop page numbers and lines repeated at the top or bottom of most pages."""
    split = [[line for line in page.splitlines() if line.strip()] for page in pages]
    split = [[line for i, line in enumerate(lines) if not ((i < 2 or i >= len(lines) - 2) and _PAGE_NUMBER.match(line))]
             for lines in split]
    firsts = Counter(_shape(lines[0]) for lines in split if lines)
    lasts = Counter(_shape(lines[-1]) for lines in split if len(lines) > 1)
    enough = max(3, len(split) // 2)  # on at least half the pages (and on three) it is page furniture
    out = []
    for lines in split:
        if lines and firsts[_shape(lines[0])] >= enough:
            lines = lines[1:]
        if len(lines) > 1 and lasts[_shape(lines[-1])] >= enough:
            lines = lines[:-1]
        out.append("\n".join(lines))
    return out


def _shape(line: str) -> str:
    return re.sub(r"\d+", "#", line.strip())


def ocr_ready() -> bool:
    """Whether tesseract (with chi_sim) and pdftoppm are installed."""
    tesseract, pdftoppm = shutil.which("tesseract"), shutil.which("pdftoppm")
    if not (tesseract and pdftoppm):
        return False
    langs = subprocess.run([tesseract, "--list-langs"], capture_output=True, text=True, check=False).stdout
    return "chi_sim" in langs.split()


def ocr_pdf_page(data: bytes, page: int) -> str:
    """One page (numbered from 1) of a PDF read by Tesseract (chi_sim) from a 300 dpi image."""
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "in.pdf"
        pdf.write_bytes(data)
        subprocess.run(["pdftoppm", "-r", "300", "-f", str(page), "-l", str(page), "-png", str(pdf),
                        str(Path(tmp) / "page")], check=True, capture_output=True, timeout=600)
        images = sorted(Path(tmp).glob("page*.png"))
        if not images:
            return ""
        res = subprocess.run(["tesseract", str(images[0]), "stdout", "-l", "chi_sim"], capture_output=True,
                             text=True, check=False, timeout=300)
        return res.stdout


# --- legacy .doc ---------------------------------------------------------------------------------

def doc_to_text(path: Path) -> str:
    """A Word 97-2003 file, converted by LibreOffice when it is installed."""
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        raise FormatError("legacy .doc needs LibreOffice (soffice) to convert it, and it is not installed; "
                          "save the file as .docx or install libreoffice")
    with tempfile.TemporaryDirectory() as tmp:
        res = subprocess.run([office, "--headless", "--convert-to", "txt:Text (encoded):UTF8", "--outdir", tmp,
                              str(path)], capture_output=True, text=True, check=False, timeout=300)
        out = Path(tmp) / (path.stem + ".txt")
        if res.returncode != 0 or not out.exists():
            raise FormatError(f"LibreOffice could not convert it ({(res.stderr or res.stdout).strip()[:200]})")
        return out.read_text(encoding="utf-8-sig", errors="replace")
