"""Options objects the CLI builds and the Python API takes alike, importable without the modules
that use them (the CLI shows their defaults in --help without loading the HTTP client)."""

from __future__ import annotations

from dataclasses import dataclass

from govreport import __version__

USER_AGENT = f"govreport/{__version__} (research; respects robots.txt)"


@dataclass(frozen=True)
class FetchOptions:
    concurrency: int = 4
    per_host_delay: float = 1.0  # seconds between two requests to one host
    timeout: float = 20.0  # seconds for a whole request: connecting, redirects and the body
    retries: int = 3  # further attempts after a 5xx, 429 or a timeout
    backoff: float = 0.5  # seconds before the first retry, doubled each time
    respect_robots: bool = True
    user_agent: str = USER_AGENT
    max_bytes: int = 50 << 20  # a body larger than this (once decompressed) is refused
    max_wait: float = 300.0  # the longest Retry-After honoured; a server asking more is given up on
    fresh_for: float = 3600.0  # a page an earlier run saved this recently is not asked for again
