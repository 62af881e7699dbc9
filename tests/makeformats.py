"""Write a report's text as .docx, PDF or an HTML page, the way they reach users (test helper)."""

from __future__ import annotations

import html
from pathlib import Path


def write_docx(text: str, path: Path, table_rows: list[list[str]] | None = None) -> None:
    from docx import Document

    doc = Document()
    doc.sections[0].header.paragraphs[0].text = "政府工作报告（页眉，不应读出）"
    for line in text.splitlines():
        doc.add_paragraph(line)
    if table_rows:
        table = doc.add_table(rows=len(table_rows), cols=len(table_rows[0]))
        for r, row in enumerate(table_rows):
            for c, cell in enumerate(row):
                table.cell(r, c).text = cell
    doc.save(str(path))


def write_pdf(text: str, path: Path, chars_per_line: int = 38, lines_per_page: int = 46,
              encrypt: str | None = None) -> None:
    """A4 pages in a CJK font, lines wrapped mid-sentence, a running header and page numbers."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=A4, encrypt=encrypt)
    lines: list[str] = []
    for para in text.splitlines():
        para = para.strip()
        while para:
            lines.append(para[:chars_per_line])
            para = para[chars_per_line:]
    for page, start in enumerate(range(0, max(1, len(lines)), lines_per_page), start=1):
        c.setFont("STSong-Light", 9)
        c.drawString(72, 810, "政府工作报告")
        c.drawString(290, 30, f"- {page} -")
        c.setFont("STSong-Light", 12)
        y = 780
        for line in lines[start:start + lines_per_page]:
            c.drawString(60, y, line)
            y -= 16
        c.showPage()
    c.save()


def write_image_pdf(path: Path) -> None:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path))
    c.rect(100, 100, 300, 500, fill=1)
    c.showPage()
    c.save()


def write_html(text: str, path: Path, encoding: str = "utf-8") -> None:
    paras = "\n".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines() if line.strip())
    page = (f"<!DOCTYPE html><html><head><meta charset=\"{encoding}\"><title>政府工作报告</title></head><body>"
            "<div class=\"nav\"><a href=\"/\">首页</a> <a href=\"/zwgk\">政务公开</a> "
            "<a href=\"/bsfw\">办事服务</a></div>"
            f"<article>{paras}</article>"
            "<div class=\"footer\">主办单位：人民政府办公室 版权所有 <a href=\"/map\">网站地图</a></div></body></html>")
    path.write_bytes(page.encode(encoding))


def write_scanned_pdf(text: str, path: Path, lines_per_page: int = 46) -> None:
    """The report as a scan: write_pdf's pages as images, with no text layer (needs pdftoppm)."""
    import subprocess
    import tempfile

    from reportlab.pdfgen import canvas

    with tempfile.TemporaryDirectory() as tmp:
        typed = Path(tmp) / "typed.pdf"
        write_pdf(text, typed, chars_per_line=30, lines_per_page=lines_per_page)
        subprocess.run(["pdftoppm", "-r", "200", "-png", str(typed), str(Path(tmp) / "p")], check=True)
        c = canvas.Canvas(str(path))
        for png in sorted(Path(tmp).glob("p*.png")):
            c.drawImage(str(png), 0, 0, width=595, height=842)
            c.showPage()
        c.save()
