"""The web app in a real browser: Playwright driving the system's Chromium (never a downloaded
one) against `govreport serve`'s app on loopback, over a store of ../shared/corpus (or of
examples/ where ../shared is absent). Screenshots go to tests/artifacts/ (git-ignored)."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from govreport.ingest import iter_inputs
from govreport.store import schema, write
from tests.conftest import CORPUS, EXAMPLES, ROOT

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium on this machine (apt-get install chromium)")
ARTIFACTS = ROOT / "tests" / "artifacts"
HOSTILE = ("——2025年1月5日在星澜县第十八届人民代表大会第五次会议上\n各位代表：\n一、2024年工作回顾\n"
           "全县地区生产总值增长5.2%，城镇新增就业1.1万人。\n"
           "有人在页面里写了<script>window.pwned=1</script>和<img src=x onerror=\"window.pwned=2\">两段代码。\n")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    from govreport.web.app import create_app

    tmp = tmp_path_factory.mktemp("site")
    (tmp / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    source = CORPUS if CORPUS.is_dir() else EXAMPLES
    con = schema.connect(tmp / "g.db")
    write.ingest(con, list(iter_inputs([source, tmp / "hostile.txt"])))
    con.close()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(tmp / "g.db"), host="127.0.0.1", port=port, log_level="error"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not server.started and time.time() < deadline:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield b
        b.close()


@pytest.fixture()
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.errors = errors
    yield pg
    context.close()


def _shot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=False)


def _first_report_with_facts(page: Any, site: str) -> str:
    rows = page.request.get(f"{site}/api/facts", params={"limit": 1, "kind": "actual"}).json()["rows"]
    return f"{site}/reports/{rows[0]['report_id']}"


def test_clicking_a_fact_shows_its_fields_and_marks_its_span(page: Any, site: str) -> None:
    page.goto(_first_report_with_facts(page, site))
    link = page.locator("a.fact-link").first
    link.click()
    detail = page.locator("#fact-detail")
    assert detail.is_visible() and "indicator" in detail.inner_text()
    fact = link.get_attribute("data-fact")
    selected = page.locator("mark.fact.selected")
    assert selected.count() >= 1
    assert fact in (selected.first.get_attribute("data-facts") or "").split()
    assert selected.first.is_visible()  # scrolled to
    _shot(page, "report-fact-clicked")
    assert page.errors == []


def test_a_region_page_draws_its_charts_with_data(page: Any, site: str) -> None:
    reports = page.request.get(f"{site}/api/reports", params={"limit": 1000}).json()["rows"]
    adcode = next(r["adcode"] for r in reports if r["adcode"])
    page.goto(f"{site}/regions/{adcode}")
    chart = page.locator("div.chart").first
    chart.wait_for()
    page.wait_for_selector("div.chart[data-rendered=true] canvas")
    assert page.locator("div.chart[data-rendered=true]").count() == page.locator("div.chart").count() >= 1
    _shot(page, "region-chart")
    assert page.errors == []


def test_two_regions_compare_on_one_chart(page: Any, site: str) -> None:
    reports = page.request.get(f"{site}/api/reports", params={"limit": 1000}).json()["rows"]
    codes = list(dict.fromkeys(r["adcode"] for r in reports if r["adcode"]))[:2]
    page.goto(f"{site}/compare?adcode={','.join(codes)}&indicator=gdp&measure=growth")
    page.wait_for_selector("div.chart[data-rendered=true] canvas")
    assert page.locator("table.data tbody tr").count() >= 1
    _shot(page, "compare")
    assert page.errors == []


def test_a_search_shows_its_hits_marked(page: Any, site: str) -> None:
    page.goto(f"{site}/search")
    page.fill("form.search input[name=q]", "生产总值")
    page.click("form.search button")
    page.wait_for_selector("ol.hits li mark")
    assert page.locator("ol.hits li mark").first.inner_text() == "生产总值"
    _shot(page, "search")


def test_script_and_onerror_in_a_report_are_shown_as_text_and_run_nothing(page: Any, site: str) -> None:
    reports = page.request.get(f"{site}/api/reports", params={"limit": 1000}).json()["rows"]
    rid = next(r["report_id"] for r in reports if r["doc"].endswith("hostile.txt"))
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{site}/reports/{rid}")
    text = page.locator("article.text").inner_text()
    assert "<script>window.pwned=1</script>" in text and "onerror" in text
    assert page.evaluate("window.pwned === undefined") and dialogs == []
    assert page.locator("article.text img").count() == 0 and page.locator("article.text script").count() == 0
    _shot(page, "hostile")


def test_the_review_file_opens_offline_with_facts_on_hover(page: Any, tmp_path: Path) -> None:
    from govreport import extract
    from govreport.web.review import review_html

    out = tmp_path / "review.html"
    out.write_text(review_html(extract(EXAMPLES / "星澜县2025.txt")), encoding="utf-8")
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(out.as_uri())
    mark = page.locator("article.text mark.fact").first
    assert "indicator:" in (mark.get_attribute("title") or "")
    assert [u for u in requests if not u.startswith("file:")] == []  # nothing fetched
    _shot(page, "review-offline")


def test_the_overview_and_attention_pages_draw_their_charts(page: Any, site: str) -> None:
    for path, name in (("/", "overview"), ("/attention?dict=debt_risk", "attention")):
        page.goto(site + path)
        page.wait_for_selector("div.chart[data-rendered=true] canvas")
        _shot(page, name)
    assert page.errors == []


def test_pages_fit_a_phone_screen(browser: Any, site: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    phone = context.new_page()
    for path in ("/", "/search?q=生产总值", "/targets"):
        phone.goto(site + path)
        overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, (path, overflow)  # a wide table scrolls in its own box
    phone.goto(site + "/")
    _shot(phone, "phone-overview")
    context.close()
