"""Fetching against a real HTTP server on this machine (loopback only), started by the test."""

from __future__ import annotations

import gzip
import json
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from click.testing import CliRunner

import govreport
from govreport.cli import cli
from govreport.fetch import FetchOptions, Page, fetch_all, read_urls
from govreport.store import schema, write

REPORT = ("<p>——2025年1月8日在星澜县第十八届人民代表大会第五次会议上</p><p>各位代表：</p><p>一、2024年工作回顾</p>"
          "<p>全县地区生产总值增长5.2%，城镇新增就业1.2万人。</p><p>二、2025年工作安排</p>"
          "<p>今年主要预期目标是：地区生产总值增长6%左右。</p>")
CHROME = "<div class='nav'>" + " ".join(f"<a href='/c{i}'>栏目{i}</a>" for i in range(40)) + "</div>"


def page(body: str, charset: str = "utf-8", meta: bool = True) -> bytes:
    head = f"<meta charset='{charset}'>" if meta else ""
    return f"<html><head>{head}<title>政府工作报告</title></head><body>{body}</body></html>".encode(charset)


class Handler(BaseHTTPRequestHandler):
    hits: ClassVar[dict[str, int]] = {}
    manifest: ClassVar[Path] = Path("/nonexistent")
    seen_in_manifest: ClassVar[int] = -1

    def log_message(self, *args: object) -> None:  # quiet
        pass

    def send(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        n = Handler.hits[self.path] = Handler.hits.get(self.path, 0) + 1
        html = {"Content-Type": "text/html"}
        if self.path == "/robots.txt":
            self.send(200, b"User-agent: *\nDisallow: /private/\n", {"Content-Type": "text/plain"})
        elif self.path == "/gbk.html":
            self.send(200, page(REPORT, "gbk"), html)
        elif self.path == "/gbk-header.html":
            self.send(200, page(REPORT, "gbk", meta=False), {"Content-Type": "text/html; charset=GBK"})
        elif self.path == "/r1":
            self.send(302, headers={"Location": "/r2"})
        elif self.path == "/r2":
            self.send(301, headers={"Location": "/final.html"})
        elif self.path == "/final.html":
            self.send(200, page(REPORT), html)
        elif self.path == "/flaky.html":
            self.send(500) if n == 1 else self.send(200, page(REPORT), html)
        elif self.path == "/slow.html":
            time.sleep(1.5)
            self.send(200, page(REPORT), html)
        elif self.path == "/gzip.html":
            self.send(200, gzip.compress(page(REPORT)), {**html, "Content-Encoding": "gzip"})
        elif self.path == "/chrome.html":
            body = CHROME + f"<article>{REPORT}</article>" + CHROME + "<div class='footer'>版权所有</div>"
            self.send(200, page(body), html)
        elif self.path == "/etag.html":
            if self.headers.get("If-None-Match") == '"v1"':
                self.send(304, headers={"ETag": '"v1"'})
            else:
                self.send(200, page(REPORT), {**html, "ETag": '"v1"'})
        elif self.path == "/bomb.html":  # 20 MB of page once gunzipped, 20 KB on the wire
            self.send(200, gzip.compress(b"<p>" + b"0" * (20 << 20)), {**html, "Content-Encoding": "gzip"})
        elif self.path == "/dribble.html":  # headers at once, then a byte every 0.1 s
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "100")
            self.end_headers()
            try:
                for _ in range(100):
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(0.1)
            except OSError:
                pass  # the client gave up, as it should
        elif self.path == "/to-private":
            self.send(302, headers={"Location": "/private/y.html"})
        elif self.path == "/to-file":
            self.send(302, headers={"Location": "file:///etc/passwd"})
        elif self.path == "/busy-long":
            self.send(429, headers={"Retry-After": "3600"})
        elif self.path == "/busy-short":
            self.send(503, headers={"Retry-After": "0"}) if n == 1 else self.send(200, page(REPORT), html)
        elif self.path == "/manifest-probe":  # what the manifest holds while the run goes on
            lines = Handler.manifest.read_text(encoding="utf-8").splitlines() if Handler.manifest.exists() else []
            Handler.seen_in_manifest = len(lines)
            self.send(200, page(REPORT), html)
        elif self.path.startswith("/private/"):
            self.send(200, page(REPORT), html)
        else:
            self.send(404, b"not found")


@pytest.fixture()
def server() -> Iterator[str]:
    Handler.hits = {}
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


FAST = FetchOptions(concurrency=4, per_host_delay=0.0, timeout=0.5, retries=1, backoff=0.05)


def by_url(pages: list[Page]) -> dict[str, Page]:
    return {p.url.rsplit("/", 1)[-1]: p for p in pages}


def test_fetch_every_kind_of_page(server: str, tmp_path: Path) -> None:
    names = ["gbk.html", "gbk-header.html", "r1", "final.html", "missing.html", "flaky.html", "slow.html",
             "gzip.html", "chrome.html", "private/x.html"]
    pages = by_url(fetch_all([f"{server}/{n}" for n in names], tmp_path, FAST))
    assert pages["r1"].final_url == f"{server}/final.html" and pages["r1"].status == 200
    assert pages["missing.html"].error == "HTTP 404"
    assert pages["flaky.html"].error is None and pages["flaky.html"].attempts == 2
    assert "timed out" in (pages["slow.html"].error or "")
    assert pages["x.html"].error == "disallowed by robots.txt"
    assert pages["gbk-header.html"].charset == "GBK"
    gz = pages["gzip.html"]
    assert gz.path and (tmp_path / gz.path).read_bytes().startswith(b"<html>")
    manifest = [json.loads(line) for line in (tmp_path / "fetch.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {m["url"] for m in manifest} == {f"{server}/{n}" for n in names}
    assert all("headers" in m for m in manifest)
    assert Handler.hits.get("/private/x.html") is None


def test_refetch_only_when_changed(server: str, tmp_path: Path) -> None:
    recheck = replace(FAST, fresh_for=0.0)
    first = fetch_all([f"{server}/etag.html"], tmp_path, recheck)[0]
    assert not first.not_modified and first.etag == '"v1"'
    second = fetch_all([f"{server}/etag.html"], tmp_path, recheck)[0]
    assert second.not_modified and second.path == first.path and second.status == 304


def test_ingest_urls_reads_charsets_and_strips_chrome(server: str, tmp_path: Path) -> None:
    con = schema.connect(tmp_path / "g.db")
    urls = [f"{server}/{n}" for n in ("gbk.html", "gbk-header.html", "gzip.html", "chrome.html", "missing.html")]
    summary = write.ingest_urls(con, urls, tmp_path / "cache", FAST)
    con.close()
    assert (summary.ingested, summary.failed) == (4, 1)
    with govreport.open(tmp_path / "g.db") as corpus:
        facts = corpus.facts(indicator="gdp", kind="target")
        assert sorted(facts["doc"]) == sorted(urls[:4])
        assert set(facts["value"]) == {6.0}
        texts = [t for (t,) in corpus.con.execute("SELECT clean_text FROM documents")]
        assert not any("栏目" in t for t in texts)


def test_fetch_command(server: str, tmp_path: Path) -> None:
    listing = tmp_path / "urls.txt"
    listing.write_text(f"# reports\n{server}/final.html\n{server}/missing.html\n", encoding="utf-8")
    res = CliRunner().invoke(cli, ["fetch", str(listing), "--out", str(tmp_path / "out"), "--delay", "0"])
    assert res.exit_code == 0, res.output
    assert "1 fetched" in res.output and "missing.html: HTTP 404" in res.output
    bad = CliRunner().invoke(cli, ["fetch", "nonsense", "--out", str(tmp_path / "o")])
    assert bad.exit_code != 0 and "neither a URL" in bad.output


def test_read_urls_rejects_lines_that_are_not_urls(tmp_path: Path) -> None:
    f = tmp_path / "u.txt"
    f.write_text("http://a.example/x\nftp://b\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"u\.txt:2: not a URL"):
        read_urls(str(f))


def test_the_manifest_grows_page_by_page_and_a_new_run_resumes(server: str, tmp_path: Path) -> None:
    # fetch.jsonl was written only at the end: a killed run left nothing, and the next downloaded all again
    Handler.manifest = tmp_path / "fetch.jsonl"
    one_at_a_time = replace(FAST, concurrency=1)
    urls = [f"{server}/final.html", f"{server}/gzip.html", f"{server}/manifest-probe"]
    fetch_all(urls, tmp_path, one_at_a_time)
    assert Handler.seen_in_manifest == 2  # the first two pages were on disk before the third was asked for
    before = dict(Handler.hits)
    again = fetch_all([*urls, f"{server}/gbk.html"], tmp_path, one_at_a_time)
    assert all(p.error is None for p in again)
    asked_again = {k: v for k, v in Handler.hits.items() if before.get(k) != v and k != "/robots.txt"}
    assert asked_again == {"/gbk.html": 1}  # only the new page
    lines = (tmp_path / "fetch.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 4  # one line a URL once the run is over


def test_bad_urls_and_hostile_servers_are_one_error_each(server: str, tmp_path: Path) -> None:
    opts = replace(FAST, max_bytes=1 << 20, max_wait=1.0, timeout=0.5, retries=2)
    urls = ["http://[::1", *(f"{server}/{n}" for n in ("bomb.html", "dribble.html", "to-private", "to-file",
                                                          "busy-long", "busy-short", "final.html"))]
    pages = {p.url.rsplit("/", 1)[-1]: p for p in fetch_all(urls, tmp_path, opts)}
    assert "malformed URL" in (pages["[::1"].error or "")
    assert "larger than --max-bytes" in (pages["bomb.html"].error or "") and not pages["bomb.html"].path
    assert "timed out" in (pages["dribble.html"].error or "")
    assert "robots.txt disallows" in (pages["to-private"].error or "")
    assert Handler.hits.get("/private/y.html") is None
    assert "file: URL" in (pages["to-file"].error or "") and Handler.hits["/to-file"] == 1  # never retried
    assert "asks to wait 3600 s" in (pages["busy-long"].error or "") and Handler.hits["/busy-long"] == 1
    assert pages["busy-short"].error is None and pages["busy-short"].attempts == 2
    assert pages["final.html"].error is None
    assert all(p.stat().st_size < 1 << 20 for p in (tmp_path / "pages").rglob("*.html"))  # no bomb saved
