from __future__ import annotations

from pathlib import Path

import pytest

from govreport.ingest import iter_inputs, read_document
from govreport.model import IngestError, RawDocument

REPORT = "政府工作报告\n各位代表：地区生产总值增长5%左右。"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "utf-16-le", "utf-16-be"])
def test_encodings_are_detected(tmp_path: Path, encoding: str) -> None:
    f = tmp_path / "r.txt"
    f.write_bytes((REPORT * 20).encode(encoding))
    doc = read_document(f)
    assert isinstance(doc, RawDocument), doc
    assert doc.text.startswith("政府工作报告")


def test_html_article_is_extracted_without_chrome(tmp_path: Path) -> None:
    f = tmp_path / "r.html"
    body = "<p>各位代表：</p>" + "".join(f"<p>第{i}段，地区生产总值增长5%左右，就业稳定。</p>" for i in range(8))
    html = (f"<html><head><meta charset='gbk'></head><body><div class='nav'><a href='/'>首页</a></div>"
            f"<article>{body}</article><div class='footer'>版权所有 网站地图</div></body></html>")
    f.write_bytes(html.encode("gbk"))
    doc = read_document(f)
    assert isinstance(doc, RawDocument), doc
    assert doc.format == "html" and doc.encoding == "gb18030"
    assert "地区生产总值增长5%左右" in doc.text
    assert "网站地图" not in doc.text


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"   \n\n", "empty file"),
        ("binary.txt", bytes(range(256)) * 4, "binary file"),
        ("english.txt", b"This is not a report at all.", "no Chinese text"),
        ("noise.txt", bytes([0x81, 0x30, 0x81, 0x30, 0xFF, 0xFE, 0x80, 0x81]) * 10, "undecodable"),
        ("badbom.txt", b"\xff\xfe\x00\xd8\x41\x00", "invalid utf-16"),
        ("notes.md", "各位代表".encode(), "unsupported file type '.md'"),
        ("report.pdf", b"%PDF-1.4 ...", "corrupt or unreadable PDF"),
        ("report.docx", b"PK\x03\x04", "corrupt or not a .docx file"),
        ("report.rtf", b"{\\rtf1 ...}", "unsupported file type '.rtf'"),
    ],
)
def test_bad_input_becomes_an_error_with_a_reason(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    f = tmp_path / name
    f.write_bytes(data)
    err = read_document(f, name)
    assert isinstance(err, IngestError)
    assert err.doc == name
    assert reason in err.reason


def test_missing_file(tmp_path: Path) -> None:
    err = read_document(tmp_path / "nope.txt", "nope.txt")
    assert isinstance(err, IngestError) and err.reason == "no such file"


def test_folders_are_walked_and_doc_keeps_the_given_prefix(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "x.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "a" / "y.txt").write_text(REPORT, encoding="utf-8")
    docs = [d for d, _ in iter_inputs([tmp_path / "a"])]
    assert docs == [str(tmp_path / "a" / "b" / "x.txt"), str(tmp_path / "a" / "y.txt")]
