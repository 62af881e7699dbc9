"""Fetching report pages from government sites: polite, patient and resumable.

httpx does the HTTP (redirects, gzip, timeouts); this module adds what crawling thousands of
slow government sites needs: a concurrency limit, a delay per host, retries with backoff on 5xx
and timeouts, robots.txt, and conditional re-fetching (ETag / Last-Modified) against the manifest
of an earlier run. Raw bytes and response headers are kept beside each other.
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
from pathlib import Path
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from govreport import __version__

USER_AGENT = f"govreport/{__version__} (research; respects robots.txt)"
MANIFEST = "fetch.jsonl"
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_\-]+)", re.I)


@dataclass(frozen=True)
class FetchOptions:
    concurrency: int = 4
    per_host_delay: float = 1.0  # seconds between two requests to one host
    timeout: float = 20.0
    retries: int = 3  # further attempts after a 5xx, 429 or a timeout
    backoff: float = 0.5  # seconds before the first retry, doubled each time
    respect_robots: bool = True
    user_agent: str = USER_AGENT


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
            res = self.client.get(f"{origin}/robots.txt")
        except httpx.HTTPError:
            return None  # no answer: as if there were no robots.txt
        if res.status_code >= 400:
            return None
        rules = RobotFileParser()
        rules.parse(res.text.splitlines())
        return rules


def fetch_all(urls: Iterable[str], out_dir: Path, options: FetchOptions | None = None) -> list[Page]:
    """Fetch every URL into out_dir (pages/ and fetch.jsonl); URLs are deduplicated, order kept."""
    opts = options or FetchOptions()
    out_dir.mkdir(parents=True, exist_ok=True)
    earlier = load_manifest(out_dir)
    unique = list(dict.fromkeys(urls))
    headers = {"User-Agent": opts.user_agent, "Accept-Encoding": "gzip, deflate"}
    with httpx.Client(follow_redirects=True, max_redirects=10, timeout=opts.timeout, headers=headers) as client:
        polite = _Politeness(client, opts)
        with ThreadPoolExecutor(max_workers=max(1, opts.concurrency)) as pool:
            pages = list(pool.map(lambda u: _fetch_one(u, out_dir, client, polite, opts, earlier.get(u)), unique))
    merged = {**earlier, **{p.url: p for p in pages}}
    write_manifest(out_dir, merged.values())
    return pages


def _fetch_one(url: str, out_dir: Path, client: httpx.Client, polite: _Politeness, opts: FetchOptions,
               before: Page | None) -> Page:
    now = datetime.now(UTC).isoformat(timespec="seconds")
    if not re.match(r"https?://", url, re.I):
        return Page(url, error="not an http(s) URL", fetched_at=now)
    if not polite.allowed(url):
        return Page(url, error="disallowed by robots.txt", fetched_at=now)
    conditional = {}
    if before and before.path and not before.error and (out_dir / before.path).exists():
        if before.etag:
            conditional["If-None-Match"] = before.etag
        if before.last_modified:
            conditional["If-Modified-Since"] = before.last_modified
    host = urlsplit(url).netloc
    attempt, wait, error = 0, opts.backoff, None
    while attempt <= opts.retries:
        attempt += 1
        with polite.host_lock(host):
            polite.wait_turn(host)
        try:
            res = client.get(url, headers=conditional)
        except httpx.TimeoutException:
            error = f"timed out after {opts.timeout:g} s"
        except httpx.TooManyRedirects:
            return Page(url, error="too many redirects", attempts=attempt, fetched_at=now)
        except httpx.HTTPError as e:
            error = f"{type(e).__name__}: {e}"
        else:
            if res.status_code == 304 and before is not None:
                return Page(**{**asdict(before), "not_modified": True, "attempts": attempt, "fetched_at": now,
                               "status": 304})
            if res.status_code >= 500 or res.status_code == 429:
                error = f"HTTP {res.status_code}"
            elif res.status_code >= 400:
                return Page(url, final_url=str(res.url), status=res.status_code, attempts=attempt,
                            error=f"HTTP {res.status_code}", fetched_at=now)
            else:
                return _save(url, res, out_dir, attempt, now)
        if attempt <= opts.retries:
            time.sleep(wait)
            wait *= 2
    return Page(url, error=f"{error} (after {attempt} attempts)", attempts=attempt, fetched_at=now)


def _save(url: str, res: httpx.Response, out_dir: Path, attempt: int, now: str) -> Page:
    data = res.content  # gzip is undone by httpx; these are the page's own bytes
    digest = hashlib.sha256(data).hexdigest()
    rel = Path("pages") / _safe(urlsplit(url).netloc) / f"{hashlib.sha1(url.encode()).hexdigest()[:16]}.html"
    (out_dir / rel).parent.mkdir(parents=True, exist_ok=True)
    (out_dir / rel).write_bytes(data)
    ctype = res.headers.get("content-type", "")
    m = _CHARSET.search(ctype)
    return Page(url, final_url=str(res.url), status=res.status_code, path=str(rel), sha256=digest,
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
