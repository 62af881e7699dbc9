"""The web app and the HTTP API over a store: `govreport serve`, `create_app(db)`.

One ASGI app (FastAPI): JSON under /api/ (every table also as CSV with ?format=csv), server-
rendered Chinese pages elsewhere. Both call the reader functions the CLI and Python API call
(`govreport.query.Corpus`, `govreport.store.read.Reader`). The store is opened read-only: it is
checked once at start-up, then each worker thread reads through a connection of its own. Report
text is untrusted (scraped pages carry injected links): the templates escape every value and
every page is sent with a Content-Security-Policy that allows no inline script.
"""

from __future__ import annotations

import math
import os
import threading
from collections import Counter
from pathlib import Path
from typing import Annotated, Any

import pandas as pd
from fastapi import FastAPI, HTTPException, Query, Request, UploadFile
from fastapi import Path as PathParam
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from govreport import __version__
from govreport.attention import Dictionary, bundled, find_hits, load_dictionary
from govreport.model import LEVELS
from govreport.query import Corpus, QueryError, parse_years, split_list
from govreport.store.schema import StoreError
from govreport.web.render import fact_marks, marked_snippet, series, target_changes, term_changes

HERE = Path(__file__).parent
PAGE_MAX = 1000  # rows a page of an API answer holds at most
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")

Limit = Annotated[int, Query(ge=1, le=PAGE_MAX, description=f"Rows per page (at most {PAGE_MAX}).")]
Offset = Annotated[int, Query(ge=0, description="Rows to skip.")]
Format = Annotated[str, Query(pattern="^(json|csv)$", description="json (default) or csv (every row, no paging).")]
Region = Annotated[str | None, Query(max_length=100,
                                     description="A region name or part of one, a province, or an adcode.")]
Adcode = Annotated[str | None, Query(max_length=400, description="Comma-separated GB/T 2260 codes.")]
Level = Annotated[str | None, Query(max_length=100, description=f"Comma-separated levels: {', '.join(LEVELS)}.")]
Years = Annotated[str | None, Query(max_length=100, description="2024, 2020,2022 or 2018-2023.")]


SECURITY_HEADERS = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer")]


class SecurityHeaders:
    """Adds the security headers to every answer. A plain ASGI middleware: Starlette's
    @app.middleware("http") wraps each response in a stream of its own, which cost more per request
    than serving a static file."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        await self.app(scope, receive, with_headers)


class _Readers:
    """One read-only Corpus per worker thread (a SQLite connection serves one thread at a time)."""

    def __init__(self, db: Path) -> None:
        self.db = db
        Corpus(db).close()  # checked once, page by page, before the app serves anything
        self.local = threading.local()

    def get(self) -> Corpus:
        corpus: Corpus | None = getattr(self.local, "corpus", None)
        if corpus is None:
            corpus = self.local.corpus = Corpus(self.db, check=False, threads=True)
        return corpus


def create_app(db: str | Path, *, allow_upload: bool = False) -> FastAPI:
    """The app over the store at db (which must exist and be a govreport store: StoreError if not).
    allow_upload: mount POST /api/reports and /upload, which store the files given."""
    readers = _Readers(Path(db))
    dictionaries = [load_dictionary(name) for name in bundled()]  # read once, not on every region page
    app = FastAPI(title="govreport", version=__version__, docs_url=None, redoc_url=None,
                  description="Chinese government work reports as source-grounded data: every number with "
                              "the sentence it came from.")
    app.state.readers = readers
    templates = Jinja2Templates(directory=HERE / "templates")  # autoescape on for .html
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    app.add_middleware(SecurityHeaders)

    @app.exception_handler(QueryError)
    async def bad_query(request: Request, exc: QueryError) -> Response:
        return _error(request, templates, 400, str(exc))

    @app.exception_handler(StoreError)
    async def store_failed(request: Request, exc: StoreError) -> Response:
        return _error(request, templates, 503, str(exc))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        return _error(request, templates, exc.status_code, str(exc.detail))

    # --- the API -------------------------------------------------------------------------------

    @app.get("/api/reports", tags=["api"], summary="Stored reports and their metadata")
    def api_reports(region: Region = None, adcode: Adcode = None, level: Level = None, year: Years = None,
                    limit: Limit = 100, offset: Offset = 0, format: Format = "json") -> Response:
        frame = readers.get().reports(**_filters(region, adcode, level, year))
        return _table(frame, format, limit, offset, "reports")

    @app.get("/api/reports/{report_id}", tags=["api"], summary="One report: metadata, text, sections, facts, "
                                                                "figures, edits")
    def api_report(report_id: int) -> Response:
        return JSONResponse(_report_or_404(readers.get(), report_id))

    @app.get("/api/reports/{report_id}/raw", tags=["api"], summary="A report's raw text as ingested")
    def api_raw(report_id: int) -> Response:
        raw = readers.get().raw_text(report_id)
        if raw is None:
            raise HTTPException(404, f"no report {report_id}")
        return PlainTextResponse(raw)

    @app.get("/api/facts", tags=["api"], summary="Facts with their report's metadata")
    def api_facts(region: Region = None, adcode: Adcode = None, level: Level = None,
                  province: Annotated[str | None, Query(max_length=100)] = None, year: Years = None,
                  report_year: Years = None, indicator: Annotated[str | None, Query(max_length=400)] = None,
                  kind: Annotated[str | None, Query(max_length=100)] = None,
                  limit: Limit = 100, offset: Offset = 0, format: Format = "json") -> Response:
        filters: dict[str, Any] = {"adcode": split_list(adcode), "level": split_list(level),
                                   "province": split_list(province), "period": parse_years(year),
                                   "report_year": parse_years(report_year), "indicator": split_list(indicator),
                                   "kind": split_list(kind)}
        given = {k: v for k, v in filters.items() if v is not None}
        corpus = readers.get()
        if format == "csv":
            return _table(corpus.facts(place=region, **given), format, limit, offset, "facts")
        total, rows = corpus.fact_page(limit, offset, place=region, **given)  # the page cut in SQL
        return JSONResponse({"total": total, "limit": limit, "offset": offset, "rows": rows})

    @app.get("/api/panel", tags=["api"], summary="A research panel: region, year, indicator, value, source")
    def api_panel(indicators: Annotated[str | None, Query(max_length=400)] = None,
                  kinds: Annotated[str | None, Query(max_length=100)] = None, region: Region = None,
                  adcode: Adcode = None, level: Level = None, year: Years = None,
                  limit: Limit = 100, offset: Offset = 0, format: Format = "json") -> Response:
        frame = readers.get().panel(split_list(indicators), split_list(kinds),
                                    **_filters(region, adcode, level, year))
        return _table(frame, format, limit, offset, "panel")

    @app.get("/api/targets", tags=["api"], summary="Each target beside the result reported for its year")
    def api_targets(indicators: Annotated[str | None, Query(max_length=400)] = None, region: Region = None,
                    adcode: Adcode = None, level: Level = None, year: Years = None,
                    limit: Limit = 100, offset: Offset = 0, format: Format = "json") -> Response:
        frame = readers.get().targets(split_list(indicators), **_filters(region, adcode, level, year))
        return _table(frame, format, limit, offset, "targets")

    @app.get("/api/search", tags=["api"], summary="Full-text search, best hits first")
    def api_search(q: Annotated[str, Query(min_length=1, max_length=200)], region: Region = None,
                   level: Annotated[str | None, Query(pattern=f"^({'|'.join(LEVELS)})$")] = None,
                   year: Annotated[int | None, Query(ge=1949, le=2100)] = None,
                   limit: Annotated[int, Query(ge=1, le=200)] = 20, offset: Offset = 0,
                   format: Format = "json") -> Response:
        corpus = readers.get()
        if format == "csv":
            frame = corpus.search(q, limit=limit + offset, region=region, level=level, year=year)
            return _table(frame, format, limit, offset, "search")
        hits = corpus.search_hits(q, limit=limit + offset, region=region, level=level, year=year)
        return JSONResponse({"total": len(hits), "limit": limit, "offset": offset,
                             "rows": [h._asdict() for h in hits[offset:offset + limit]]})

    @app.get("/api/kwic", tags=["api"], summary="Concordance lines: left | term | right")
    def api_kwic(term: Annotated[str, Query(min_length=1, max_length=200)],
                 width: Annotated[int, Query(ge=1, le=200)] = 20, region: Region = None,
                 level: Annotated[str | None, Query(pattern=f"^({'|'.join(LEVELS)})$")] = None,
                 year: Annotated[int | None, Query(ge=1949, le=2100)] = None,
                 limit: Limit = 100, offset: Offset = 0, format: Format = "json") -> Response:
        frame = readers.get().kwic(term, width=width, region=region, level=level, year=year)
        return _table(frame, format, limit, offset, "kwic")

    @app.get("/api/attention", tags=["api"], summary="A dictionary's terms per report, per 10,000 characters")
    def api_attention(dictionary: Annotated[str, Query(alias="dict", pattern=r"^[A-Za-z0-9_\-]{1,40}$",
                                                       description="A bundled dictionary: green, debt_risk …")],
                      whole: bool = False, limit: Limit = 100, offset: Offset = 0, format: Format = "json",
                      ) -> Response:
        from govreport.attention import DictionaryError

        if dictionary not in bundled():  # a name, never a path on the server
            raise QueryError(f"no bundled dictionary {dictionary!r} (bundled: {', '.join(bundled())})")
        try:
            frame = readers.get().attention(dictionary, by_section=not whole)
        except DictionaryError as e:
            raise QueryError(str(e)) from None
        return _table(frame, format, limit, offset, "attention")

    # --- pages ---------------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def overview(request: Request) -> Response:
        corpus = readers.get()
        reports = corpus.reports()
        years = [_plain(y) for y in reports["report_year"]]
        by_year = sorted(Counter(years).items(), key=lambda yn: (yn[0] is None, yn[0] or 0))
        by_level = Counter(_plain(v) or "未知" for v in reports["level"]).most_common()
        by_province = Counter(_plain(v) or "未知" for v in reports["province"]).most_common()
        latest = reports.sort_values(["report_year", "report_id"], ascending=False).head(30)
        targets = corpus.targets()
        newest = targets[targets["year"] == targets["year"].max()] if not targets.empty else targets
        dated = [(y, n) for y, n in by_year if y is not None]
        charts = [_chart("各年份报告数", "份", [y for y, _ in dated], [("报告", [n for _, n in dated], False)], "bar"),
                  _chart("各省报告数", "份", [p for p, _ in by_province],
                         [("报告", [n for _, n in by_province], False)], "bar")]
        return templates.TemplateResponse(request, "index.html", {
            "total": len(reports), "by_year": by_year, "by_level": by_level, "by_province": by_province,
            "latest": _records(latest), "targets": _records(newest.head(40)), "charts": charts})

    @app.get("/reports/{report_id}", response_class=HTMLResponse, include_in_schema=False)
    def report_page(request: Request, report_id: int) -> Response:
        report = _report_or_404(readers.get(), report_id)
        groups: dict[str, list[dict[str, Any]]] = {}
        for fact in report["facts"]:
            groups.setdefault(fact["indicator"], []).append(fact)
        return templates.TemplateResponse(request, "report.html", {
            "report": report, "segments": fact_marks(report["text"], report["facts"]),
            "groups": sorted(groups.items())})

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(request: Request, q: Annotated[str, Query(max_length=200)] = "",
                    view: Annotated[str, Query(pattern="^(hits|kwic)$")] = "hits") -> Response:
        hits: list[dict[str, Any]] = []
        lines: list[dict[str, Any]] = []
        if q.strip():
            corpus = readers.get()
            if view == "kwic":
                lines = _records(corpus.kwic(q).head(500))
            else:
                hits = [{**h, "marked": marked_snippet(h["snippet"])} for h in _records(corpus.search(q, limit=50))]
        return templates.TemplateResponse(request, "search.html", {"q": q, "view": view, "hits": hits,
                                                                   "lines": lines})

    @app.get("/regions/{adcode}", response_class=HTMLResponse, include_in_schema=False)
    def region_page(request: Request, adcode: Annotated[str, PathParam(pattern=r"^\d{6}$")]) -> Response:
        corpus = readers.get()
        reports = _records(corpus.reports(adcode=[adcode]))
        if not reports:
            raise HTTPException(404, f"no report of region {adcode} in this store")
        rows = _records(corpus.panel(adcode=[adcode]))
        found = series(rows)
        charts = [_chart(f"{s['indicator']} {s['measure']}{' ' + s['scope'] if s['scope'] else ''}", s["unit"],
                         s["years"], [("目标", _values(s, "target"), True), ("实际", _values(s, "actual"), False),
                                      ("预计", _values(s, "estimate"), False)])
                  for s in found]
        return templates.TemplateResponse(request, "region.html", {
            "adcode": adcode, "name": reports[-1]["region"], "reports": reports, "series": found,
            "charts": charts, "changes": target_changes(rows), "terms": _term_changes(corpus, reports, dictionaries)})

    @app.get("/compare", response_class=HTMLResponse, include_in_schema=False)
    def compare_page(request: Request, adcode: Adcode = None,
                     indicator: Annotated[str, Query(max_length=60)] = "gdp",
                     measure: Annotated[str, Query(pattern="^(level|growth|rate)$")] = "growth") -> Response:
        corpus = readers.get()
        codes = split_list(adcode) or []
        charts, table = [], []
        if codes:
            rows = [r for r in _records(corpus.panel([indicator], adcode=codes)) if r["measure"] == measure]
            years = sorted({int(r["year"]) for r in rows if r["year"] is not None})
            lines = []
            for code in codes:
                mine = [r for r in rows if r["adcode"] == code]
                name = mine[0]["region"] if mine else code
                for kind, label, dashed in (("actual", "实际", False), ("target", "目标", True)):
                    by_year = {int(r["year"]): r["value"] for r in mine if r["kind"] == kind and r["scope"] is None}
                    lines.append((f"{name} {label}", [by_year.get(y) for y in years], dashed))
            unit = next((r["unit"] for r in rows if r["unit"]), None)
            charts = [_chart(f"{indicator} {measure}", unit, years, lines)]
            table = sorted(rows, key=lambda r: (r["year"] or 0, r["adcode"] or "", r["kind"]))
        known = _records(corpus.reports())
        regions = sorted({(r["adcode"], r["region"]) for r in known if r["adcode"]}, key=lambda ar: ar[0])
        return templates.TemplateResponse(request, "compare.html", {
            "adcode": adcode or "", "codes": codes, "indicator": indicator, "measure": measure, "charts": charts,
            "table": table, "indicators": corpus.indicators(), "regions": regions})

    @app.get("/targets", response_class=HTMLResponse, include_in_schema=False)
    def targets_page(request: Request, indicator: Annotated[str | None, Query(max_length=60)] = None,
                     level: Level = None, year: Years = None, region: Region = None) -> Response:
        corpus = readers.get()
        rows = _records(corpus.targets(split_list(indicator), **_filters(region, None, level, year)))
        return templates.TemplateResponse(request, "targets.html", {
            "rows": rows, "indicator": indicator or "", "level": level or "", "year": year or "",
            "region": region or "", "indicators": corpus.indicators(), "levels": LEVELS,
            "query": request.url.query})

    @app.get("/attention", response_class=HTMLResponse, include_in_schema=False)
    def attention_page(request: Request,
                       dictionary: Annotated[str, Query(alias="dict", pattern=r"^[A-Za-z0-9_\-]{1,40}$")] = "green",
                       ) -> Response:
        names = bundled()
        if dictionary not in names:
            raise QueryError(f"no bundled dictionary {dictionary!r} (bundled: {', '.join(names)})")
        corpus = readers.get()
        rows = _records(corpus.attention(dictionary, by_section=False))
        sums: dict[tuple[int, str], list[int]] = {}
        for r in rows:
            if r["report_year"] is not None:
                total = sums.setdefault((int(r["report_year"]), r["level"] or "未知"), [0, 0])
                total[0] += int(r["hits"])
                total[1] += int(r["section_chars"])
        years = sorted({y for y, _ in sums})
        order = {lv: i for i, lv in enumerate(LEVELS)}
        levels = sorted({lv for _, lv in sums}, key=lambda lv: order.get(lv, len(LEVELS)))
        rate = {k: round(h / c * 10000, 3) if c else None for k, (h, c) in sums.items()}
        chart = _chart(f"{dictionary}：每万字出现次数", "次/万字", years,
                       [(lv, [rate.get((y, lv)) for y in years], False) for lv in levels])
        terms = corpus.attention_terms(dictionary).head(30)
        top = list(zip(terms["term"], terms["hits"], strict=True))
        return templates.TemplateResponse(request, "attention.html", {
            "dictionary": dictionary, "dictionaries": names, "charts": [chart], "years": years, "levels": levels,
            "rate": rate, "top": list(top)})

    if allow_upload:
        _mount_uploads(app, Path(db), templates)

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs(request: Request) -> Response:
        return templates.TemplateResponse(request, "docs.html", {"api": app.openapi()})

    return app


def _term_changes(corpus: Corpus, reports: list[dict[str, Any]],
                  dictionaries: list[Dictionary]) -> list[dict[str, Any]]:
    """The bundled dictionaries' terms each of a region's reports uses, and which appear or vanish
    from one year's report to the next."""
    by_year: dict[int, set[str]] = {}
    for r in reports:
        if r["report_year"] is None:
            continue
        text = corpus.execute("SELECT clean_text FROM documents WHERE id = ?", (r["report_id"],)).fetchone()[0]
        sections = corpus.sections_of(int(r["report_id"]))
        by_year[int(r["report_year"])] = {h.term for d in dictionaries for h in find_hits(text, sections, d)}
    return term_changes(by_year)


def _values(found: dict[str, Any], kind: str) -> list[float | None]:
    return [row.get(kind, {}).get("value") for row in found["rows"]]


def _chart(title: str, unit: str | None, years: list[Any], lines: list[tuple[str, list[Any], bool]],
           kind: str = "line") -> dict[str, Any]:
    """What charts.js draws: a title, the x values (years, or names for a bar chart) and each
    line's values (None where a year has none)."""
    return {"title": title, "unit": unit or "", "years": years, "type": kind,
            "lines": [{"name": n, "data": d, "dashed": dashed} for n, d, dashed in lines
                      if any(v is not None for v in d)]}


def _mount_uploads(app: FastAPI, db: Path, templates: Jinja2Templates) -> None:
    from govreport.web.upload import MAX_UPLOAD, UploadError, Uploads

    uploads = Uploads(db)

    async def received(file: UploadFile) -> tuple[str, bytes]:
        data = await file.read(MAX_UPLOAD + 1)
        return file.filename or "upload.txt", data

    @app.exception_handler(UploadError)
    async def refused(request: Request, exc: UploadError) -> Response:
        return _error(request, templates, exc.status, str(exc))

    @app.post("/api/reports", tags=["api"], status_code=201,
              summary="Upload a report file (.txt, .html, .docx, .pdf): its report, stored")
    async def api_upload(file: UploadFile) -> Response:
        name, data = await received(file)
        stored = await run_in_threadpool(uploads.store, name, data)
        return JSONResponse({"report_id": stored.report_id, "facts": stored.facts, "new": stored.new,
                             "url": f"/reports/{stored.report_id}"}, status_code=201 if stored.new else 200)

    @app.get("/upload", response_class=HTMLResponse, include_in_schema=False)
    def upload_form(request: Request) -> Response:
        return templates.TemplateResponse(request, "upload.html", {"max_mb": MAX_UPLOAD >> 20})

    @app.post("/upload", include_in_schema=False)
    async def upload_page(file: UploadFile) -> Response:
        name, data = await received(file)
        stored = await run_in_threadpool(uploads.store, name, data)
        return RedirectResponse(f"/reports/{stored.report_id}", status_code=303)


# how `govreport serve --workers N` tells each worker process the store, and whether to take uploads
SERVE_DB = "GOVREPORT_SERVE_DB"
SERVE_UPLOAD = "GOVREPORT_SERVE_UPLOAD"


def app_from_environment() -> FastAPI:
    """The app over the store named by $GOVREPORT_SERVE_DB: the factory each worker process of
    `govreport serve --workers N` calls."""
    return create_app(os.environ[SERVE_DB], allow_upload=bool(os.environ.get(SERVE_UPLOAD)))


def _filters(region: str | None, adcode: str | None, level: str | None, year: str | None) -> dict[str, Any]:
    return {"region": region, "adcode": split_list(adcode), "level": split_list(level), "year": parse_years(year)}


def _report_or_404(corpus: Corpus, report_id: int) -> dict[str, Any]:
    report = corpus.report(report_id)
    if report is None:
        raise HTTPException(404, f"no report {report_id}")
    return report


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as plain dicts, missing values (NaN, <NA>) as None."""
    return [{str(k): _plain(v) for k, v in row.items()} for row in frame.to_dict(orient="records")]


def _plain(value: Any) -> Any:
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    return value.item() if hasattr(value, "item") else value


def _table(frame: pd.DataFrame, fmt: str, limit: int, offset: int, name: str) -> Response:
    if fmt == "csv":
        return Response(frame.to_csv(index=False), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})
    page = frame.iloc[offset:offset + limit]
    return JSONResponse({"total": len(frame), "limit": limit, "offset": offset, "rows": _records(page)})


def _error(request: Request, templates: Jinja2Templates, status: int, message: str) -> Response:
    if request.url.path.startswith("/api/") or "text/html" not in request.headers.get("accept", ""):
        return JSONResponse({"error": message}, status_code=status)
    return templates.TemplateResponse(request, "error.html", {"status": status, "message": message},
                                      status_code=status)
