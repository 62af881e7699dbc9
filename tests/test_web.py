"""The web app and HTTP API, through FastAPI's test client (no socket): every endpoint, bad
parameters as 4xx with a message, untrusted report text shown as text."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from govreport.ingest import iter_inputs
from govreport.store import schema, write
from govreport.store.schema import StoreError
from govreport.web.app import CSP, create_app
from govreport.web.render import fact_marks, marked_snippet
from tests.conftest import EXAMPLES

HOSTILE = ("——2025年1月5日在星澜县第十八届人民代表大会第五次会议上\n各位代表：\n一、2024年工作回顾\n"
           "全县地区生产总值增长5.2%。<script>alert(1)</script><img src=x onerror=alert(2)>\n")


# two years of one real county (the text is made up), so region pages have something to chart
REAL = {year: f"——{year}年1月6日在长沙县第十八届人民代表大会第{n}次会议上\n各位代表：\n一、{year - 1}年工作回顾\n"
              f"全县地区生产总值增长{g}%。\n二、{year}年工作安排\n今年的主要预期目标是：地区生产总值增长{t}%左右。"
              f"推进{w}。\n"
        for year, n, g, t, w in ((2024, "三", 5.1, 6, "光伏发电"), (2025, "四", 5.6, 5.5, "新质生产力"))}


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    tmp = tmp_path_factory.mktemp("web")
    (tmp / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    for year, text in REAL.items():
        (tmp / f"长沙县{year}.txt").write_text(text, encoding="utf-8")
    db = tmp / "g.db"
    con = schema.connect(db)
    write.ingest(con, list(iter_inputs([EXAMPLES, tmp])))
    con.close()
    with TestClient(create_app(db)) as c:
        yield c


def _report_id(client: TestClient, name: str) -> int:
    rows = client.get("/api/reports", params={"limit": 100}).json()["rows"]
    return next(r["report_id"] for r in rows if r["doc"].endswith(name))


def test_every_api_endpoint_answers_json_and_csv(client: TestClient) -> None:
    listing = client.get("/api/reports").json()
    assert listing["total"] == 6 and {"report_id", "doc", "region", "report_year"} <= set(listing["rows"][0])
    rid = _report_id(client, "星澜县2025.txt")
    one = client.get(f"/api/reports/{rid}").json()
    assert one["text"] and one["sections"] and one["facts"] and "heading_end" in one["sections"][0]
    assert all(one["text"][f["start"]:f["end"]] == f["quote"] for f in one["facts"])
    raw = client.get(f"/api/reports/{rid}/raw")
    assert raw.headers["content-type"].startswith("text/plain") and "导航菜单" in raw.text  # the page's chrome too
    facts = client.get("/api/facts", params={"indicator": "gdp", "kind": "target", "limit": 2}).json()
    assert facts["limit"] == 2 and len(facts["rows"]) <= 2 and all(r["kind"] == "target" for r in facts["rows"])
    for path, params in [("/api/panel", {"indicators": "gdp"}), ("/api/targets", {"indicators": "gdp"}),
                         ("/api/search", {"q": "生产总值"}), ("/api/kwic", {"term": "生产总值"}),
                         ("/api/attention", {"dict": "green"}), ("/api/facts", {"year": "2023-2026"})]:
        answer = client.get(path, params=params)
        assert answer.status_code == 200, (path, answer.text)
        assert answer.json()["total"] > 0, path
        csv = client.get(path, params={**params, "format": "csv"})
        assert csv.status_code == 200 and csv.headers["content-type"].startswith("text/csv")
        assert len(csv.text.strip().splitlines()) == answer.json()["total"] + 1, path


def test_paging_is_capped_and_consistent(client: TestClient) -> None:
    whole = client.get("/api/facts", params={"limit": 1000}).json()
    first = client.get("/api/facts", params={"limit": 5, "offset": 0}).json()
    second = client.get("/api/facts", params={"limit": 5, "offset": 5}).json()
    assert first["rows"] + second["rows"] == whole["rows"][:10]
    assert client.get("/api/facts", params={"limit": 100000}).status_code == 422


@pytest.mark.parametrize(("path", "params", "status", "says"), [
    ("/api/facts", {"indicator": "gpd"}, 400, "unknown indicator"),
    ("/api/facts", {"kind": "guess"}, 400, "unknown kind"),
    ("/api/facts", {"level": "town"}, 400, "unknown level"),
    ("/api/facts", {"year": "next"}, 400, "not a year"),
    ("/api/panel", {"kinds": "guess"}, 400, "unknown kind"),
    ("/api/targets", {"indicators": "gpd"}, 400, "unknown indicator"),
    ("/api/search", {"q": "，"}, 400, "nothing to search for"),
    ("/api/search", {}, 422, "q"),
    ("/api/search", {"q": "化债", "level": "town"}, 422, "level"),
    ("/api/kwic", {"term": "化债 -优化"}, 400, "longer word"),
    ("/api/attention", {"dict": "../../etc/passwd"}, 422, "dict"),
    ("/api/attention", {"dict": "nosuch"}, 400, "no bundled dictionary"),
    ("/api/reports/99999", {}, 404, "no report 99999"),
    ("/api/reports/abc", {}, 422, "report_id"),
    ("/api/reports", {"format": "xml"}, 422, "format"),
])
def test_bad_parameters_are_4xx_with_a_message(client: TestClient, path: str, params: dict[str, str], status: int,
                                                says: str) -> None:
    answer = client.get(path, params=params)
    assert answer.status_code == status, answer.text
    assert says in answer.text


def test_pages_render_and_untrusted_text_stays_text(client: TestClient) -> None:
    for path in ("/", "/search?q=生产总值", "/search?q=生产总值&view=kwic", "/docs"):
        page = client.get(path)
        assert page.status_code == 200, path
        assert page.headers["content-security-policy"] == CSP and "unsafe-inline" not in CSP
        assert "<script>" not in page.text.replace('<script src="/static/report.js" defer></script>', "")
    rid = _report_id(client, "hostile.txt")
    page = client.get(f"/reports/{rid}")
    assert page.status_code == 200
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text and "<script>alert" not in page.text
    assert "&lt;img src=x onerror=alert(2)&gt;" in page.text and "<img" not in page.text
    assert 'class="fact kind-actual"' in page.text and 'id="fact-' in page.text
    missing = client.get("/reports/99999", headers={"accept": "text/html"})
    assert missing.status_code == 404 and "no report 99999" in missing.text
    assert client.get("/static/report.js").status_code == 200


def test_the_app_reads_the_store_read_only_and_refuses_a_missing_one(client: TestClient, tmp_path: Path) -> None:
    corpus = client.app.state.readers.get()  # type: ignore[attr-defined]
    with pytest.raises(sqlite3.OperationalError, match=r"readonly|read-only"):
        corpus.con.execute("CREATE TABLE intruder(x)")
    with pytest.raises(StoreError, match="no such store"):
        create_app(tmp_path / "missing.db")


def test_facts_are_cut_into_marked_pieces_that_rebuild_the_text() -> None:
    text = "全县地区生产总值250亿元，增长5.2%；其他。"
    level, growth = text.index("地区"), text.index("；")
    facts = [{"id": 1, "start": level, "end": text.index("，"), "kind": "actual"},
             {"id": 2, "start": level, "end": growth, "kind": "estimate"}]
    pieces = fact_marks(text, facts)
    assert "".join(p.text for p in pieces) == text
    assert [(p.text, p.facts, p.kind) for p in pieces if p.facts] == [
        ("地区生产总值250亿元", (2, 1), "actual"), ("，增长5.2%", (2,), "estimate")]  # outermost first
    assert [p.starts for p in pieces if p.starts] == [(2, 1)]
    assert marked_snippet("…推进【化债】工作…") == [("…推进", False), ("化债", True), ("工作…", False)]


def test_region_compare_and_targets_pages(client: TestClient) -> None:
    reports = client.get("/api/reports").json()["rows"]
    adcode = next(r["adcode"] for r in reports if r["region"] == "长沙县")
    region = client.get(f"/regions/{adcode}")
    assert region.status_code == 200 and 'id="charts"' in region.text and "/static/vendor/echarts.min.js" in region.text
    assert "下调" in region.text  # the 2025 growth target (5.5) below 2024's (6)
    assert "政策用语的出现与消失" in region.text
    assert client.get("/regions/999999").status_code == 404
    assert client.get("/regions/abc").status_code == 422
    both = ",".join(dict.fromkeys(r["adcode"] for r in reports if r["adcode"]))
    compare = client.get("/compare", params={"adcode": both, "indicator": "gdp", "measure": "growth"})
    assert compare.status_code == 200 and 'data-chart="0"' in compare.text
    assert client.get("/compare", params={"measure": "x"}).status_code == 422
    targets = client.get("/targets", params={"indicator": "gdp"})
    assert targets.status_code == 200 and "完成" in targets.text
    assert client.get("/targets", params={"level": "town"}).status_code == 400
    assert client.get("/static/vendor/echarts.min.js").status_code == 200
    assert client.get("/static/vendor/echarts.LICENSE.txt").status_code == 200


def test_what_changed_from_one_years_targets_to_the_next() -> None:
    from govreport.web.render import target_changes

    def target(year: int, indicator: str, value: float) -> dict[str, object]:
        return {"kind": "target", "year": year, "report_year": year, "indicator": indicator, "measure": "growth",
                "scope": None, "value": value}

    rows = [target(2024, "gdp", 5.0), target(2024, "cpi", 3.0), target(2025, "gdp", 5.5),
            target(2025, "exports", 2.0), {**target(2025, "cpi", 2.0), "report_year": 2026}]
    changes = {(c["indicator"], c["change"]) for c in target_changes(rows)}
    assert changes == {("gdp", "raised"), ("cpi", "dropped"), ("exports", "added")}


def test_attention_and_overview_pages(client: TestClient) -> None:
    page = client.get("/attention", params={"dict": "green"})
    assert page.status_code == 200 and 'data-chart="0"' in page.text and "每万字" in page.text
    assert client.get("/attention", params={"dict": "nosuch"}).status_code == 400
    assert client.get("/attention", params={"dict": "../x"}).status_code == 422
    overview = client.get("/")
    assert overview.status_code == 200 and "各省报告数" in overview.text and "最新年份的目标" in overview.text


def test_each_worker_process_builds_the_app_from_the_environment(client: TestClient,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from govreport.web.app import SERVE_DB, app_from_environment

    db = client.app.state.readers.db  # type: ignore[attr-defined]
    monkeypatch.setenv(SERVE_DB, str(db))
    with TestClient(app_from_environment()) as other:
        assert other.get("/api/reports").json()["total"] == client.get("/api/reports").json()["total"]


def test_uploads_are_refused_unless_allowed_and_then_stored(client: TestClient, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    from govreport.web import upload

    assert client.post("/api/reports", files={"file": ("a.txt", b"x")}).status_code == 405  # read-only app
    db = tmp_path / "u.db"
    shutil.copy(client.app.state.readers.db, db)  # type: ignore[attr-defined]
    monkeypatch.setattr(upload, "MAX_UPLOAD", 4096)
    with TestClient(create_app(db, allow_upload=True)) as writer:
        text = REAL[2025].replace("长沙县", "浏阳市").encode("utf-8")
        first = writer.post("/api/reports", files={"file": ("浏阳市2025.txt", text, "text/plain")})
        assert first.status_code == 201, first.text
        stored = first.json()
        assert stored["facts"] >= 2 and stored["new"]
        assert writer.get(stored["url"]).status_code == 200
        assert any(r["region"] == "浏阳市" for r in writer.get("/api/reports").json()["rows"])
        again = writer.post("/api/reports", files={"file": ("copy.txt", text, "text/plain")})
        assert again.status_code == 200 and again.json()["report_id"] == stored["report_id"]  # same bytes
        for name, data, status in (("x.exe", b"MZ", 415), ("e.txt", b"   ", 422), ("big.txt", b"a" * 5000, 413),
                                   ("latin.txt", b"hello world", 422)):
            answer = writer.post("/api/reports", files={"file": (name, data)})
            assert answer.status_code == status, (name, answer.text)
            assert "error" in answer.json()
        form = writer.post("/upload", files={"file": ("r.txt", REAL[2024].encode("utf-8"))}, follow_redirects=False)
        assert form.status_code == 303 and form.headers["location"].startswith("/reports/")
        assert writer.get("/upload").status_code == 200


def test_policy_terms_that_appear_or_vanish_between_years() -> None:
    from govreport.web.render import term_changes

    changes = term_changes({2024: {"化债", "光伏"}, 2025: {"化债", "新质生产力"}, 2026: {"化债", "新质生产力"}})
    assert changes == [{"from": 2024, "to": 2025, "appear": ["新质生产力"], "vanish": ["光伏"]}]
