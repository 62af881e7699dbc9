from __future__ import annotations

import os
from pathlib import Path

import pytest

from govreport.ingest import iter_inputs, parse_bytes, read_document
from govreport.model import IngestError, RawDocument

REPORT = "政府工作报告\n各位代表：地区生产总值增长5%左右。"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "utf-16-le", "utf-16-be"])
def test_encodings_are_detected(tmp_path: Path, encoding: str) -> None:
    f = tmp_path / "r.txt"
    f.write_bytes((REPORT * 20).encode(encoding))
    doc = read_document(f)
    assert isinstance(doc, RawDocument), doc
    assert doc.text.startswith("政府工作报告")


@pytest.mark.parametrize("source,misread", [("gbk", "latin-1"), ("gbk", "cp1252"), ("utf-8", "latin-1")])
def test_a_page_once_read_as_latin_1_is_read_back(source: str, misread: str) -> None:
    # mojibake: a page's GBK or UTF-8 bytes read as Latin-1 (or Windows-1252) and saved as UTF-8
    saved = (REPORT * 20).encode(source).decode(misread).encode("utf-8")
    doc = parse_bytes(saved, "mojibake.txt")
    assert isinstance(doc, RawDocument), doc
    assert doc.text == REPORT * 20 and doc.encoding and "repaired" in doc.encoding
    # a page too damaged to read back (letters of a third script among them) is an error that says so
    damaged = (REPORT * 20).encode("gbk").decode("latin-1")
    damaged = "".join(c if i % 7 else "껹" for i, c in enumerate(damaged))
    err = parse_bytes(damaged.encode("utf-8"), "damaged.txt")
    assert isinstance(err, IngestError) and "mojibake" in err.reason
    # a GBK page that declares itself Latin-1
    body = "<p>各位代表：</p>" + "".join(f"<p>第{i}段，地区生产总值增长5%左右，就业稳定。</p>" for i in range(8))
    page = f"<html><head><meta charset='iso-8859-1'></head><body><article>{body}</article></body></html>"
    doc = parse_bytes(page.encode("gbk"), "page.html", "html")
    assert isinstance(doc, RawDocument) and "地区生产总值增长5%左右" in doc.text
    # a page that is Latin text with accents is no mojibake
    assert isinstance(parse_bytes("Café résumé naïve über façade".encode() * 20, "fr.txt"), IngestError)


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


# --- what a new user ran into (issue #12) -----------------------------------------------------------

REPORT_TEXT = "各位代表：\n一、2024年工作回顾\n全县地区生产总值增长5%，财政收入增长8%。\n" * 8


def test_a_file_name_that_is_not_utf8_is_read_and_written_escaped(tmp_path: Path) -> None:
    import json

    from click.testing import CliRunner

    from govreport.cli import cli

    name = os.fsencode(tmp_path) + b"/\xb1\xa8\xb8\xe6.txt"  # 报告.txt in GBK, as an unzipped archive gives
    with open(name, "wb") as fh:
        fh.write(REPORT_TEXT.encode("utf-8"))
    [(doc, path)] = list(iter_inputs([tmp_path]))
    assert doc.endswith("\\xb1\\xa8\\xb8\\xe6.txt") and path.exists()
    out = tmp_path / "out"
    res = CliRunner().invoke(cli, ["extract", str(tmp_path), "--out", str(out)])
    assert res.exit_code == 0, res.output
    docs = [json.loads(line)["doc"] for line in (out / "meta.jsonl").read_text(encoding="utf-8").splitlines()]
    assert docs == [doc]


@pytest.mark.parametrize(("data", "codec"), [
    (REPORT_TEXT.encode()[:16] + b"\xff" + REPORT_TEXT.encode()[16:], "utf-8"),  # one stray byte
    (REPORT_TEXT.encode()[:-2], "utf-8"),  # cut inside the last character
    (REPORT_TEXT.encode("gb18030")[:11] + b"\x80" + REPORT_TEXT.encode("gb18030")[11:], "gb18030"),
])
def test_a_few_undecodable_bytes_are_replaced_each_with_an_edit(data: bytes, codec: str) -> None:
    from govreport.pipeline import default_pipeline

    raw = parse_bytes(data, "r.txt")
    assert isinstance(raw, RawDocument) and (raw.encoding, raw.replaced) == (codec, 1)
    report = default_pipeline()(raw)
    assert [e.raw for e in report.edits if e.kind == "undecodable"] == ["\ufffd"]
    assert "\ufffd" not in report.text and report.facts


def test_a_file_mostly_undecodable_stays_an_error() -> None:
    data = bytes(range(128, 256)) * 30 + REPORT_TEXT.encode()[:100]
    assert isinstance(parse_bytes(data, "x.txt"), IngestError)


def test_special_files_and_broken_links_are_errors_not_silence(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text(REPORT_TEXT, encoding="utf-8")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "loop").symlink_to(tmp_path)  # a loop of links: walked once
    found = {Path(doc).name: read_document(path, doc) for doc, path in iter_inputs([tmp_path])}
    assert set(found) == {"ok.txt", "gone.txt", "pipe.txt"}
    assert isinstance(found["ok.txt"], RawDocument)
    assert "broken symbolic link" in found["gone.txt"].reason  # type: ignore[union-attr]
    assert "not a regular file" in found["pipe.txt"].reason  # type: ignore[union-attr]


def test_a_runs_own_outputs_and_store_are_no_inputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    from click.testing import CliRunner

    from govreport.cli import cli

    (tmp_path / "r.txt").write_text(REPORT_TEXT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    assert runner.invoke(cli, ["extract", ".", "--out", "out"]).exit_code == 0
    res = runner.invoke(cli, ["extract", ".", "--out", "out"])  # again, its outputs now in the folder
    assert res.exit_code == 0 and "1 read, 0 failed" in res.output
    assert [json.loads(line)["doc"] for line in Path("out/meta.jsonl").read_text(encoding="utf-8").splitlines()] == [
        "r.txt"]
    (tmp_path / "store").mkdir()
    (tmp_path / "store" / "r.txt").write_text(REPORT_TEXT, encoding="utf-8")
    monkeypatch.chdir(tmp_path / "store")
    assert runner.invoke(cli, ["ingest", ".", "--db", "g.db"]).exit_code == 0
    res = runner.invoke(cli, ["ingest", ".", "--db", "g.db"])  # its store, WAL and all, is in the folder now
    assert res.exit_code == 0 and "1 skipped as unchanged, 0 failed" in res.output, res.output
