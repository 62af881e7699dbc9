"""Every format a report arrives in gives the facts its plain text gives."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import govreport
from govreport.formats import strip_running_lines
from govreport.ingest import read_document
from govreport.model import IngestError, RawDocument
from tests.conftest import CORPUS, EXAMPLES, GOLD, SHARED, needs_ocr, needs_shared
from tests.makeformats import write_docx, write_html, write_image_pdf, write_pdf, write_scanned_pdf

EXAMPLE = (EXAMPLES / "星澜县2025.txt").read_text(encoding="utf-8")


def fact_keys(report: govreport.Report) -> set[tuple[object, ...]]:
    return {(f.indicator, f.measure, f.kind, f.period, f.scope, f.value, f.value_max, f.qualifier)
            for f in report.facts}


def test_docx_paragraphs_and_tables(tmp_path: Path) -> None:
    path = tmp_path / "r.docx"
    write_docx("各位代表：\n一、2024年工作回顾\n全县地区生产总值增长5.2%。\n二、2025年主要预期目标", path,
               table_rows=[["指标", "目标"], ["地区生产总值增长", "5.5%左右"], ["城镇调查失业率", "5.5%以内"]])
    raw = read_document(path, "r.docx")
    assert isinstance(raw, RawDocument) and raw.format == "docx"
    assert "页眉" not in raw.text
    assert "地区生产总值增长 5.5%左右。" in raw.text
    keys = fact_keys(govreport.extract(path))
    assert ("gdp", "growth", "target", 2025, None, 5.5, None, "左右") in keys
    assert ("unemployment_surveyed", "rate", "target", 2025, None, 5.5, None, "以内") in keys


def test_pdf_running_lines_and_broken_sentences(tmp_path: Path) -> None:
    path = tmp_path / "r.pdf"
    write_pdf(EXAMPLE, path, chars_per_line=17, lines_per_page=12)
    raw = read_document(path, "r.pdf")
    assert isinstance(raw, RawDocument) and raw.format == "pdf"
    assert "- 2 -" not in raw.text and "政府工作报告\n" not in raw.text
    assert fact_keys(govreport.extract(path)) == fact_keys(govreport.extract(EXAMPLES / "星澜县2025.txt"))


def test_strip_running_lines() -> None:
    pages = [f"政府工作报告\n正文第{i}页开头\n第{i}页中间{'甲' * i}\n- {i} -" for i in range(1, 5)]
    assert strip_running_lines(pages) == [f"正文第{i}页开头\n第{i}页中间{'甲' * i}" for i in range(1, 5)]


def test_bad_pdfs_say_why(tmp_path: Path) -> None:
    locked = tmp_path / "locked.pdf"
    write_pdf(EXAMPLE, locked, encrypt="secret")
    err = read_document(locked, "locked.pdf")
    assert isinstance(err, IngestError) and "encrypted" in err.reason
    scan = tmp_path / "scan.pdf"
    write_image_pdf(scan)
    err = read_document(scan, "scan.pdf")
    if shutil.which("tesseract") is None:
        assert isinstance(err, IngestError) and "no text layer" in err.reason
    cut = tmp_path / "cut.pdf"
    cut.write_bytes((tmp_path / "locked.pdf").read_bytes()[:300])
    err = read_document(cut, "cut.pdf")
    assert isinstance(err, IngestError) and "PDF" in err.reason


def test_legacy_doc_needs_libreoffice(tmp_path: Path) -> None:
    doc = tmp_path / "old.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    result = read_document(doc, "old.doc")
    assert isinstance(result, IngestError)
    if shutil.which("soffice") is None and shutil.which("libreoffice") is None:
        assert "LibreOffice" in result.reason


@needs_shared
@pytest.mark.parametrize("fmt", ["docx", "pdf", "html"])
def test_national_reports_in_every_format_score_like_the_text(tmp_path: Path, fmt: str) -> None:
    gold = json.loads((GOLD / "national-dev.json").read_text(encoding="utf-8"))
    root = tmp_path / "corpus"
    (root / "national").mkdir(parents=True)
    for doc in gold:
        text = (CORPUS / doc["doc"]).read_text(encoding="utf-8")
        out = root / doc["doc"].replace(".txt", f".{fmt}")
        {"docx": write_docx, "pdf": write_pdf, "html": write_html}[fmt](text, out)
    scores = {}
    for name, src in (("txt", CORPUS / "national"), (fmt, root / "national")):
        out = tmp_path / f"out-{name}"
        files = [src / Path(d["doc"]).name.replace(".txt", f".{name}") for d in gold]
        cmd = [sys.executable, "-m", "govreport.cli", "extract", *map(str, files), "--out", str(out), "-q"]
        env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
        subprocess.run(cmd, check=True, env=env)
        facts = out / "facts.jsonl"
        rows = [json.loads(line) for line in facts.read_text(encoding="utf-8").splitlines()]
        for r in rows:  # the scorer matches docs by name: national/2005.pdf is national/2005.txt
            r["doc"] = "national/" + Path(r["doc"]).stem + ".txt"
        facts.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        res = subprocess.run([sys.executable, str(SHARED / "tools" / "score_facts.py"), "--gold",
                              str(GOLD / "national-dev.json"), "--pred", str(facts), "--json"],
                             capture_output=True, text=True, check=True)
        scores[name] = json.loads(res.stdout.splitlines()[0])["f1"]
    assert scores[fmt] >= scores["txt"] - 0.01, scores


@needs_ocr
def test_scanned_pdf_is_read_by_ocr(tmp_path: Path) -> None:
    text = ("各位代表：\n一、2024年工作回顾\n全县地区生产总值增长5%，城镇新增就业2万人。\n"
            "二、2025年工作安排\n今年目标：地区生产总值增长6%左右。")
    scan = tmp_path / "scan.pdf"
    write_scanned_pdf(text, scan)
    raw = read_document(scan, "scan.pdf")
    assert isinstance(raw, RawDocument), raw
    assert "地区生产总值增长" in raw.text.replace(" ", "")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="legacy .doc needs LibreOffice "
                                                            "(apt-get install libreoffice-writer-nogui)")
def test_legacy_doc_through_libreoffice(tmp_path: Path) -> None:
    write_docx(EXAMPLE, tmp_path / "r.docx")
    subprocess.run(["soffice", "--headless", "--convert-to", "doc", "--outdir", str(tmp_path),
                    str(tmp_path / "r.docx")], check=True, capture_output=True, timeout=300)
    raw = read_document(tmp_path / "r.doc", "r.doc")
    assert isinstance(raw, RawDocument) and raw.format == "doc", raw
    assert fact_keys(govreport.extract(tmp_path / "r.doc")) == fact_keys(govreport.extract(EXAMPLES / "星澜县2025.txt"))
