from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

import govreport
from tests.conftest import EXAMPLES


def test_extract_from_path_and_text_agree() -> None:
    path = EXAMPLES / "星澜县2025.txt"
    from_path = govreport.extract(path)
    from_text = govreport.extract(path.read_text(encoding="utf-8"), doc=str(path))
    assert from_path.facts == from_text.facts
    assert from_path.meta.region == "星澜县"


def test_report_is_frozen() -> None:
    r = govreport.extract(EXAMPLES / "星澜县2025.txt")
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.doc = "x"  # type: ignore[misc]


def test_unreadable_input_raises_a_clear_error(tmp_path: Path) -> None:
    f = tmp_path / "empty.txt"
    f.write_bytes(b"")
    with pytest.raises(govreport.ReadError, match=r"empty\.txt: empty file"):
        govreport.extract(f)
    with pytest.raises(govreport.ReadError, match="is a folder"):
        govreport.extract(tmp_path)


def test_extract_many_yields_reports_and_errors(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"")
    out = list(govreport.extract_many([EXAMPLES, tmp_path / "bad.txt"]))
    assert sum(isinstance(o, govreport.Report) for o in out) == 3
    assert sum(isinstance(o, govreport.IngestError) for o in out) == 1



def test_a_mistyped_path_is_no_report_text() -> None:
    with pytest.raises(FileNotFoundError, match=r"typo/path\.txt: no such file"):
        govreport.extract("typo/path.txt")
    with pytest.raises(FileNotFoundError):
        govreport.extract(Path("typo/path.txt"))
    # a report's text in one line (a doc site's copy) is too long for a file name: said so, no OSError
    with pytest.raises(FileNotFoundError, match=r"not a path.*extract_text"):
        govreport.extract("各位代表：现在，我代表县人民政府向大会报告工作。" * 30)


def test_text_bytes_and_wrong_types() -> None:
    body = "各位代表：\n一、2024年工作回顾\n地区生产总值增长5%。"
    assert govreport.extract_text(body).facts == govreport.extract(text=body).facts == govreport.extract(body).facts
    assert govreport.extract(body.encode("gb18030")).facts == govreport.extract_text(body).facts
    assert govreport.extract_text("地区生产总值增长5%。").text == "地区生产总值增长5%。"  # one line of text
    with pytest.raises(TypeError, match=r"a path .* got NoneType"):
        govreport.extract(None)
    with pytest.raises(TypeError, match="got int"):
        govreport.extract(5)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"bytes go to govreport\.extract"):
        govreport.extract_text(b"x")  # type: ignore[arg-type]
