"""Fetching report pages from government sites: polite, patient and resumable.

httpx does the HTTP (connections, gzip, timeouts); this module adds what crawling thousands of
slow government sites needs: a concurrency limit, a delay per host, retries with backoff on 5xx
and timeouts (Retry-After honoured), robots.txt on every redirect hop, a body-size limit and a
deadline per request, and conditional re-fetching (ETag / Last-Modified) against the manifest of
an earlier run. The manifest gets a line per page as it is done, so a killed run loses nothing
and the next one resumes (pages saved within `fresh_for` seconds are not asked for again). Raw
bytes and response headers are kept beside each other.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
import time
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import IO
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from govreport.options import USER_AGENT, FetchOptions

__all__ = ["USER_AGENT", "FetchOptions", "Page", "fetch_all", "read_urls"]

MANIFEST = "fetch.jsonl"
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_\-]+)", re.I)


MAX_REDIRECTS = 10
SCHEMES = ("http", "https")


class _Refused(Exception):
    """A response or redirect that no retry can mend (too large, a refused scheme, robots.txt)."""


@dataclass(frozen=True)
class Page:
    """One URL's outcome; `error` is set when nothing could be fetched."""

    url: str
    final_url: str | None = None
    status: int | None = None
    path: str | None = None  # the saved raw bytes, relative to the output folder
    sha256: str | None = None
    charset: str | None = None  # from the Content-Type header
    etag: str | None = None
    last_modified: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    fetched_at: str | None = None
    not_modified: bool = False  # the server said 304: the earlier copy stands
    attempts: int = 0
    error: str | None = None


def read_urls(source: str) -> list[str]:
    """A URL, or a file with one URL per line (# comments and blank lines skipped)."""
    if re.match(r"https?://", source, re.I):
        return [source]
    path = Path(source)
    if not path.is_file():
        raise ValueError(f"{source}: neither a URL (http:// or https://) nor a file of URLs")
    urls = []
    for n, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if not re.match(r"https?://", line, re.I):
            raise ValueError(f"{source}:{n}: not a URL: {line[:80]}")
        urls.append(line)
    return urls


class _Politeness:
    """Per-host delay and robots.txt, shared by the worker threads."""

    def __init__(self, client: httpx.Client, options: FetchOptions) -> None:
        self.client, self.options = client, options
        self.lock = threading.Lock()
        self.host_locks: dict[str, threading.Lock] = {}
        self.last: dict[str, float] = {}
        self.robots: dict[str, RobotFileParser | None] = {}

    def host_lock(self, host: str) -> threading.Lock:
        with self.lock:
            return self.host_locks.setdefault(host, threading.Lock())

    def wait_turn(self, host: str) -> None:
        """Call with the host's lock held: sleeps until the host's delay has passed."""
        gap = time.monotonic() - self.last.get(host, float("-inf"))
        if gap < self.options.per_host_delay:
            time.sleep(self.options.per_host_delay - gap)
        self.last[host] = time.monotonic()

    def allowed(self, url: str) -> bool:
        if not self.options.respect_robots:
            return True
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        with self.host_lock(parts.netloc):
            if origin not in self.robots:
                self.wait_turn(parts.netloc)
                self.robots[origin] = self._load_robots(origin)
        rules = self.robots[origin]
        return rules is None or rules.can_fetch(self.options.user_agent, url)

    def _load_robots(self, origin: str) -> RobotFileParser | None:
        try:
            res = self.client.get(f"{origin}/robots.txt", follow_redirects=True)
        except httpx.HTTPError:
            return None  # no answer: as if there were no robots.txt
        if res.status_code >= 400:
            return None
        rules = RobotFileParser()
        rules.parse(res.text.splitlines())
        return rules


def fetch_all(urls: Iterable[str], out_dir: Path, options: FetchOptions | None = None) -> list[Page]:
    """Fetch every URL into out_dir (pages/ and fetch.jsonl); URLs are deduplicated, order kept.
    Each page's line is appended to the manifest (and flushed) as soon as it is done."""
    opts = options or FetchOptions()
    out_dir.mkdir(parents=True, exist_ok=True)
    earlier = load_manifest(out_dir)
    unique = list(dict.fromkeys(urls))
    headers = {"User-Agent": opts.user_agent, "Accept-Encoding": "gzip, deflate"}
    lock = threading.Lock()
    with (httpx.Client(follow_redirects=False, timeout=opts.timeout, headers=headers) as client,
          (out_dir / MANIFEST).open("a", encoding="utf-8") as manifest):
        polite = _Politeness(client, opts)

        def one(url: str) -> Page:
            page = _fetch_or_keep(url, out_dir, client, polite, opts, earlier.get(url))
            with lock:
                _append(manifest, page)
            return page

        with ThreadPoolExecutor(max_workers=max(1, opts.concurrency)) as pool:
            pages = list(pool.map(one, unique))
    merged = {**earlier, **{p.url: p for p in pages}}
    write_manifest(out_dir, merged.values())  # one line a URL again, the newest
    return pages


def _append(manifest: IO[str], page: Page) -> None:
    manifest.write(json.dumps(asdict(page), ensure_ascii=False) + "\n")
    manifest.flush()


def _fetch_or_keep(url: str, out_dir: Path, client: httpx.Client, polite: _Politeness, opts: FetchOptions,
                   before: Page | None) -> Page:
    if before and _fresh(before, out_dir, opts.fresh_for):
        return Page(**{**asdict(before), "not_modified": True, "attempts": 0})
    try:
        return _fetch_one(url, out_dir, client, polite, opts, before)
    except (httpx.InvalidURL, ValueError) as e:  # http://[::1 and the like: this URL only
        return Page(url, error=f"malformed URL ({e})", fetched_at=_now())


def _fresh(page: Page, out_dir: Path, fresh_for: float) -> bool:
    if page.error or not page.path or not page.fetched_at or not (out_dir / page.path).exists():
        return False
    try:
        age = (datetime.now(UTC) - datetime.fromisoformat(page.fetched_at)).total_seconds()
    except ValueError:
        return False
    return 0 <= age < fresh_for


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _fetch_one(url: str, out_dir: Path, client: httpx.Client, polite: _Politeness, opts: FetchOptions,
               before: Page | None) -> Page:
    now = _now()
    if urlsplit(url).scheme.lower() not in SCHEMES:
        return Page(url, error="not an http(s) URL", fetched_at=now)
    httpx.URL(url)  # a malformed URL raises here, before any request
    if not polite.allowed(url):
        return Page(url, error="disallowed by robots.txt", fetched_at=now)
    conditional = {}
    if before and before.path and not before.error and (out_dir / before.path).exists():
        if before.etag:
            conditional["If-None-Match"] = before.etag
        if before.last_modified:
            conditional["If-Modified-Since"] = before.last_modified
    attempt, wait, error = 0, opts.backoff, None
    while attempt <= opts.retries:
        attempt += 1
        try:
            res, final, body = _get(url, client, polite, opts, conditional)
        except _Refused as e:
            return Page(url, error=str(e), attempts=attempt, fetched_at=now)
        except httpx.TimeoutException:
            error = f"timed out after {opts.timeout:g} s"
        except httpx.HTTPError as e:
            error = f"{type(e).__name__}: {e}"
        else:
            if res.status_code == 304 and before is not None:
                return Page(**{**asdict(before), "not_modified": True, "attempts": attempt, "fetched_at": now,
                               "status": 304})
            if res.status_code >= 500 or res.status_code == 429:
                error = f"HTTP {res.status_code}"
                asked = _retry_after(res.headers.get("retry-after"))
                if asked is not None:
                    if asked > opts.max_wait:
                        return Page(url, final_url=final, status=res.status_code, attempts=attempt, fetched_at=now,
                                    error=f"HTTP {res.status_code}: the server asks to wait {asked:g} s, more than "
                                          f"--max-wait {opts.max_wait:g} s")
                    wait = max(wait, asked)
            elif res.status_code >= 400:
                return Page(url, final_url=final, status=res.status_code, attempts=attempt,
                            error=f"HTTP {res.status_code}", fetched_at=now)
            else:
                return _save(url, res, final, body, out_dir, attempt, now)
        if attempt <= opts.retries:
            time.sleep(wait)
            wait *= 2
    return Page(url, error=f"{error} (after {attempt} attempts)", attempts=attempt, fetched_at=now)


def _get(url: str, client: httpx.Client, polite: _Politeness, opts: FetchOptions,
         conditional: dict[str, str]) -> tuple[httpx.Response, str, bytes]:
    """One request, its redirects followed by hand (each hop's scheme and robots.txt checked),
    the body read as it arrives: refused past max_bytes (decompressed) or past the deadline."""
    deadline = time.monotonic() + opts.timeout
    for _ in range(MAX_REDIRECTS + 1):
        host = urlsplit(url).netloc
        with polite.host_lock(host):
            polite.wait_turn(host)
        with client.stream("GET", url, headers=conditional) as res:
            if res.is_redirect and "location" in res.headers:
                target = urljoin(url, res.headers["location"])
                scheme = urlsplit(target).scheme.lower()
                if scheme not in SCHEMES:
                    raise _Refused(f"redirected to a {scheme}: URL (only http and https are fetched)")
                if not polite.allowed(target):
                    raise _Refused(f"redirected to {target}, which robots.txt disallows")
                url = target
                continue
            return res, str(res.url), _read_body(res, opts, deadline)
    raise _Refused(f"more than {MAX_REDIRECTS} redirects")


def _read_body(res: httpx.Response, opts: FetchOptions, deadline: float) -> bytes:
    declared = res.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > opts.max_bytes and not res.headers.get("content-encoding"):
        raise _Refused(f"the page is {int(declared):,} bytes, more than --max-bytes {opts.max_bytes:,}")
    chunks, size = [], 0
    for chunk in res.iter_bytes():  # decompressed: a small gzip body may expand without bound
        size += len(chunk)
        if size > opts.max_bytes:
            raise _Refused(f"the page is larger than --max-bytes {opts.max_bytes:,} bytes (once decompressed)")
        if time.monotonic() > deadline:
            raise httpx.ReadTimeout(f"the page took more than {opts.timeout:g} s")
        chunks.append(chunk)
    return b"".join(chunks)


def _retry_after(value: str | None) -> float | None:
    """Retry-After as seconds: a number of seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        return max(0.0, (parsedate_to_datetime(value) - datetime.now(UTC)).total_seconds())
    except (TypeError, ValueError):
        return None


def _save(url: str, res: httpx.Response, final: str, data: bytes, out_dir: Path, attempt: int, now: str) -> Page:
    digest = hashlib.sha256(data).hexdigest()  # the page's own bytes: gzip is undone
    rel = Path("pages") / _safe(urlsplit(url).netloc) / f"{hashlib.sha1(url.encode()).hexdigest()[:16]}.html"
    (out_dir / rel).parent.mkdir(parents=True, exist_ok=True)
    (out_dir / rel).write_bytes(data)
    ctype = res.headers.get("content-type", "")
    m = _CHARSET.search(ctype)
    return Page(url, final_url=final, status=res.status_code, path=str(rel), sha256=digest,
                charset=m.group(1) if m else None, etag=res.headers.get("etag"),
                last_modified=res.headers.get("last-modified"), headers=dict(res.headers), fetched_at=now,
                attempts=attempt)


def _safe(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9.\-]", "_", name) or "host"


def load_manifest(out_dir: Path) -> dict[str, Page]:
    path = out_dir / MANIFEST
    if not path.exists():
        return {}
    pages = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            try:
                row = json.loads(line)
                pages[row["url"]] = Page(**row)
            except (json.JSONDecodeError, TypeError, KeyError):
                continue  # a damaged line is fetched again
    return pages


def write_manifest(out_dir: Path, pages: Iterable[Page]) -> None:
    tmp = out_dir / (MANIFEST + ".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        for p in pages:
            fh.write(json.dumps(asdict(p), ensure_ascii=False) + "\n")
    tmp.replace(out_dir / MANIFEST)
