"""Command line: `govreport extract PATH... --out DIR` (the same functions as the Python API)."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import sys
import tomllib
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from govreport import __version__
from govreport.attention import bundled
from govreport.model import LEVELS
from govreport.options import FetchOptions
from govreport.store.schema import StoreError
from govreport.store.write import BATCH

T = TypeVar("T")

# each command imports what it needs when it runs: `--help` and the store's readers start without
# the pipeline, pandas or the HTTP client
if TYPE_CHECKING:
    import pandas as pd

    from govreport.executors import DaskOptions
    from govreport.query import Corpus
    from govreport.store.read import Reader
    from govreport.usermeta import UserMeta


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="govreport")
def cli() -> None:
    """govreport: Chinese government work reports -> source-grounded facts."""


def main() -> None:
    """The console script: click's own errors as they are, anything unforeseen as one line."""
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Exit as e:
        sys.exit(e.exit_code)
    except click.ClickException as e:
        e.show()
        sys.exit(e.exit_code)
    except StoreError as e:  # a store that cannot be read or written: the message names it
        click.echo(f"govreport: {e}", err=True)
        sys.exit(2)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(130)
    except Exception as e:
        if os.environ.get("GOVREPORT_DEBUG"):
            raise
        click.echo(f"govreport: internal error: {type(e).__name__}: {e} (set GOVREPORT_DEBUG=1 for details)",
                   err=True)
        sys.exit(2)


def meta_options(fn: Callable[..., None]) -> Callable[..., None]:
    """--meta, --region, --year, --fill-only: metadata the user knows (extract and ingest)."""
    fn = click.option("--fill-only", is_flag=True,
                      help="Given metadata fills only the fields the text leaves empty (else it overrides).")(fn)
    fn = click.option("--year", "given_year", type=click.IntRange(1949, 2100),
                      help="The report year of every input (dates its facts).")(fn)
    fn = click.option("--region", "given_region",
                      help="The region of every input (a name the division table knows).")(fn)
    return click.option("--meta", "meta_file", type=click.Path(dir_okay=False, path_type=Path),
                        help="A CSV with a path column and any of region, year, level, adcode, province, "
                             "meeting_date, congress, speaker, speaker_title (paths relative to the CSV).")(fn)


def executor_options(fn: Callable[..., None]) -> Callable[..., None]:
    """--executor and --scheduler: where the pipeline runs (extract and ingest)."""
    fn = click.option("--scheduler", help="tcp://HOST:PORT of a running Dask cluster (implies --executor dask).")(fn)
    return click.option("--executor", type=click.Choice(["local", "dask"]), default="local", show_default=True,
                        help="local: this process and --jobs worker processes; dask: a Dask cluster (a local "
                             "one of --jobs processes unless --scheduler names one), sent each file's bytes.")(fn)


def _dask_options(executor: str, scheduler: str | None, jobs: int) -> DaskOptions | None:
    if executor == "local" and not scheduler:
        return None
    from govreport.executors import DaskOptions

    return DaskOptions(scheduler=scheduler, workers=max(1, jobs))


def _user_meta(meta_file: Path | None, region: str | None, year: int | None, fill_only: bool) -> UserMeta | None:
    if meta_file is None and region is None and year is None:
        return None
    from govreport.usermeta import MetaFileError
    from govreport.usermeta import load as load_user_meta

    try:
        return load_user_meta(meta_file, region, year, fill_only)
    except MetaFileError as e:
        raise click.ClickException(str(e)) from None


def _executed(results: Iterator[T]) -> Iterator[T]:
    """The results of a run, a cluster that cannot be reached or started as one line."""
    from govreport.executors import ExecutorError

    try:
        yield from results
    except ExecutorError as e:
        raise click.ClickException(str(e)) from None


def _without_year_note(n: int) -> str:
    return (f"; {n} without a report year: their numbers are figures only (give --year, or --meta FILE.csv)"
            if n else "")


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for facts.jsonl, figures.jsonl, meta.jsonl, sections.jsonl, edits.jsonl, errors.jsonl.")
@click.option("--jobs", "-j", default=1, show_default=True, type=click.IntRange(1, 256),
              help="Worker processes.")
@click.option("--aliases", "alias_files", multiple=True, type=click.Path(dir_okay=False, path_type=str),
              help="A TOML file of more indicator aliases (the shape of govreport/data/indicators.toml); repeatable.")
@meta_options
@executor_options
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary.")
def extract(paths: tuple[str, ...], out_dir: Path, jobs: int, alias_files: tuple[str, ...], meta_file: Path | None,
            given_region: str | None, given_year: int | None, fill_only: bool, executor: str, scheduler: str | None,
            quiet: bool) -> None:
    """Extract metadata, sections, facts and figures from reports (files or folders)."""
    from tqdm import tqdm

    from govreport.export import JsonlWriter, exported
    from govreport.ingest import iter_inputs
    from govreport.run import run_items

    items = list(iter_inputs(paths, exclude=[out_dir]))  # the run's own outputs are no inputs
    if not items:
        raise click.ClickException("no input files found under the given paths")
    for f in alias_files:
        check_alias_file(f)
    user = _user_meta(meta_file, given_region, given_year, fill_only)
    read = failed = facts = no_year = replaced = 0
    try:
        writer = JsonlWriter(out_dir)
    except OSError as e:
        raise click.ClickException(f"cannot write to {out_dir}: {e.strerror or e}") from e
    with writer, tqdm(total=len(items), unit="report", disable=quiet or not sys.stderr.isatty(),
                      file=sys.stderr) as bar:
        # workers hand over finished JSON lines (pickling whole reports cost more than making them)
        dask = _dask_options(executor, scheduler, jobs)
        if dask is None:
            results = run_items(items, jobs=jobs, aliases=alias_files, then=exported,
                                given=user.for_file if user else None)
        else:
            from govreport.executors import run_on_dask

            results = run_on_dask(items, dask, alias_files, then=exported, given=user.for_file if user else None)
        for item in _executed(results):
            writer.write_exported(item)
            if item.error is not None:
                failed += 1
                if not quiet:
                    tqdm.write(f"skipped {item.doc}: {item.error}", file=sys.stderr)
            else:
                read += 1
                facts += item.facts
                no_year += item.without_year
                if item.replaced:
                    replaced += 1
                    if not quiet:
                        tqdm.write(f"warning: {item.doc}: {item.replaced} undecodable bytes replaced "
                                   "(edits of kind 'undecodable')", file=sys.stderr)
            bar.update(1)
    if not quiet:
        warned = f"; {replaced} with undecodable bytes replaced" if replaced else ""
        click.echo(f"{read} read, {failed} failed, {facts} facts -> {out_dir}{_without_year_note(no_year)}{warned}",
                   err=True)
    if read == 0:
        sys.exit(1)


# --- the store ------------------------------------------------------------------------------------

DB_OPTION = click.option("--db", "db", default=lambda: os.environ.get("GOVREPORT_DB", "govreport.db"),
                         show_default="$GOVREPORT_DB or govreport.db", type=click.Path(dir_okay=False, path_type=Path),
                         help="The store (a SQLite file).")


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@DB_OPTION
@click.option("--jobs", "-j", default=1, show_default=True, type=click.IntRange(1, 256), help="Worker processes.")
@click.option("--reprocess", is_flag=True,
              help="Re-run the pipeline over the stored reports an older version of it made (its code, its "
                   "language data or the --aliases files differ); with --all, over every stored report.")
@click.option("--all", "every", is_flag=True, help="With --reprocess: every stored report, stale or not.")
@click.option("--aliases", "alias_files", multiple=True, type=click.Path(dir_okay=False, path_type=str),
              help="A TOML file of more indicator aliases; repeatable.")
@click.option("--batch", default=BATCH, show_default=True, type=click.IntRange(1, 10000),
              help="Reports per transaction.")
@meta_options
@executor_options
@click.option("--to-parquet", "to_parquet", type=click.Path(file_okay=False, path_type=Path),
              help="Write the tables as a Parquet dataset in this folder instead of a store (as `export "
                   "--parquet` writes them; what a previous run left there is replaced).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary.")
def ingest(paths: tuple[str, ...], db: Path, jobs: int, reprocess: bool, every: bool, alias_files: tuple[str, ...],
           batch: int,
           meta_file: Path | None, given_region: str | None, given_year: int | None, fill_only: bool,
           executor: str, scheduler: str | None, to_parquet: Path | None, quiet: bool) -> None:
    """Run the pipeline over reports and keep everything in the store (idempotent, versioned)."""
    from tqdm import tqdm

    from govreport.fetch import FetchOptions
    from govreport.ingest import iter_inputs
    from govreport.run import pipeline_for
    from govreport.store import schema, write

    if not paths and not reprocess:
        raise click.ClickException("give files or folders to ingest, or --reprocess")
    if every and not reprocess:
        raise click.ClickException("--all goes with --reprocess")
    for f in alias_files:
        check_alias_file(f)
    user = _user_meta(meta_file, given_region, given_year, fill_only)
    if to_parquet is not None:
        if reprocess:
            raise click.ClickException("--to-parquet writes what it reads, with no store to reprocess")
        _ingest_to_parquet(paths, to_parquet, jobs, alias_files, user, _dask_options(executor, scheduler, jobs), quiet)
        return
    con = _connect(db, create=True)
    bar_off = quiet or not sys.stderr.isatty()
    with closing(con):
        if reprocess:
            pipeline = pipeline_for(alias_files)
            total = write.to_reprocess(con, pipeline, only_stale=not every)
            with tqdm(total=total, unit="report", desc="reprocess", disable=bar_off, file=sys.stderr) as bar:
                for _ in write.reprocess(con, pipeline, only_stale=not every, batch=batch):
                    bar.update(1)
            if not quiet:
                which = "stored reports" if every else "stored reports an older pipeline made"
                click.echo(f"reprocessed {total} {which} in {db} (pipeline {pipeline.version})", err=True)
        if not paths:
            return
        urls = [p for p in paths if re.match(r"https?://", p, re.I)]
        paths = tuple(p for p in paths if p not in urls)
        summary = write.IngestSummary()
        if urls:
            cache = Path(os.environ.get("GOVREPORT_CACHE", Path.home() / ".cache" / "govreport" / "fetch"))
            summary = write.ingest_urls(con, urls, cache, FetchOptions(), pipeline_for(alias_files), batch)
        files = list(iter_inputs(paths, exclude=schema.store_files(db)))  # the store is no input
        if not files and not urls:
            raise click.ClickException("no input files found under the given paths")
        with tqdm(total=len(files), unit="report", desc="ingest", disable=bar_off or not files,
                  file=sys.stderr) as bar:

            def tick(n: int) -> None:
                bar.update(n)

            if files:
                from govreport.executors import ExecutorError

                try:
                    ran = write.ingest(con, files, jobs=jobs, aliases=alias_files, batch=batch, on_progress=tick,
                                       given=user.for_file if user else None,
                                       dask=_dask_options(executor, scheduler, jobs))
                except ExecutorError as e:
                    raise click.ClickException(str(e)) from None
                summary = write.combine(summary, ran)
    if not quiet:
        for err in summary.errors[:20]:
            click.echo(f"failed {err.doc}: {err.reason}", err=True)
        if len(summary.errors) > 20:
            click.echo(f"… {len(summary.errors) - 20} more failures in the errors table", err=True)
        remade = f", {summary.remade} made again with the metadata given" if summary.remade else ""
        if summary.with_replaced:
            remade += f", {summary.with_replaced} with undecodable bytes replaced (edits of kind 'undecodable')"
        click.echo(f"{summary.ingested} ingested ({summary.new_versions} new versions of changed files), "
                   f"{summary.unchanged} skipped as unchanged{remade}, {summary.failed} failed -> {db}"
                   f"{_without_year_note(summary.without_year)}", err=True)
    if summary.ingested == 0 and summary.unchanged == 0 and summary.remade == 0:
        sys.exit(1)


def _ingest_to_parquet(paths: tuple[str, ...], out: Path, jobs: int, aliases: tuple[str, ...], user: UserMeta | None,
                       dask: DaskOptions | None, quiet: bool) -> None:
    """ingest --to-parquet: the pipeline's rows made where it runs (worker processes or a Dask
    cluster) and written as the Parquet dataset, with no store in between."""
    from tqdm import tqdm

    from govreport.executors import ExecutorError
    from govreport.ingest import iter_inputs
    from govreport.run import run_items
    from govreport.store.parquet import write_dataset_of
    from govreport.store.write import prepare

    if any(re.match(r"https?://", p, re.I) for p in paths):
        raise click.ClickException("--to-parquet reads files and folders: fetch pages first (govreport fetch)")
    files = list(iter_inputs(paths))
    if not files:
        raise click.ClickException("no input files found under the given paths")
    given = user.for_file if user else None
    with tqdm(total=len(files), unit="report", desc="ingest", disable=quiet or not sys.stderr.isatty(),
              file=sys.stderr) as bar:
        try:
            if dask is not None:
                from govreport.executors import run_on_dask

                outcomes = run_on_dask(files, dask, aliases, then=prepare, given=given)
            else:
                outcomes = run_items(files, jobs, aliases, then=prepare, given=given)
            def tick(n: int) -> None:
                bar.update(n)

            summary = write_dataset_of(outcomes, out, on_progress=tick)
        except ExecutorError as e:
            raise click.ClickException(str(e)) from None
        except OSError as e:
            raise click.ClickException(f"cannot write {out}: {e.strerror or e}") from None
    if not quiet:
        for err in summary.errors[:20]:
            click.echo(f"failed {err.doc}: {err.reason}", err=True)
        click.echo(f"{summary.ingested} ingested, {summary.failed} failed -> {out}"
                   f"{_without_year_note(summary.without_year)}", err=True)
    if summary.ingested == 0:
        sys.exit(1)


def _connect(db: Path, create: bool) -> sqlite3.Connection:
    from govreport.store import schema

    try:
        return schema.connect(db, create=create)
    except StoreError as e:
        raise click.ClickException(str(e)) from None


@contextmanager
def _corpus(db: Path) -> Iterator[Corpus]:
    """The store opened for reading; a store that cannot be opened, and a query that cannot be
    answered, as one line."""
    from govreport.query import Corpus

    with _answering(), Corpus(db) as corpus:
        yield corpus


@contextmanager
def _reader(db: Path) -> Iterator[Reader]:
    """As _corpus, without pandas (for lines printed to a person)."""
    from govreport.store.read import Reader

    with _answering(), Reader(db) as reader:
        yield reader


@contextmanager
def _answering() -> Iterator[None]:
    from govreport.store.read import QueryError

    try:
        yield
    except (StoreError, QueryError) as e:
        raise click.ClickException(str(e)) from None


FORMATS = ("csv", "parquet", "dta", "xlsx", "jsonl")


def _emit(frame: pd.DataFrame, out: Path | None, fmt: str | None, what: str) -> None:
    if out is None:
        if fmt not in (None, "csv"):
            raise click.ClickException(f"--format {fmt} needs --out FILE")
        click.echo(frame.to_csv(index=False), nl=False)
        return
    chosen = fmt or out.suffix.lstrip(".").lower() or "csv"
    if chosen not in FORMATS:
        raise click.ClickException(f"unknown format {chosen!r} (one of {', '.join(FORMATS)})")
    from govreport.query import write_frame

    try:
        write_frame(frame, out, chosen)
    except (OSError, ValueError) as e:
        raise click.ClickException(f"cannot write {out}: {e}") from None
    click.echo(f"{len(frame)} {what} -> {out}", err=True)


@cli.command()
@click.argument("query")
@DB_OPTION
@click.option("--region", help="Region name (part of it), province or adcode.")
@click.option("--level", type=click.Choice(LEVELS))
@click.option("--year", type=int, help="Report year.")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 100000))
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Write all hits to a file.")
@click.option("--format", "fmt", type=click.Choice(FORMATS))
def search(query: str, db: Path, region: str | None, level: str | None, year: int | None, limit: int,
           out: Path | None, fmt: str | None) -> None:
    """Full-text search of the stored reports (Chinese words of any length), best hits first."""
    if out is None and fmt is None:  # lines for a person: printed from plain rows, without pandas
        with _reader(db) as reader:
            hits = reader.search_hits(query, limit=limit, region=region, level=level, year=year)
        if not hits:
            click.echo(f"no report contains {query!r}", err=True)
        for hit in hits:
            click.echo(f"{hit.doc}  [{_known(hit.report_year, hit.region, hit.section_kind)}]  {hit.snippet}")
        return
    with _corpus(db) as corpus:
        frame = corpus.search(query, limit=None if out else limit, region=region, level=level, year=year)
    _emit(frame, out, fmt, "hits")


def _known(*values: object) -> str:
    """The values a hit's header shows, the missing ones left out."""
    return " ".join(str(v) for v in values if v is not None and str(v))


@cli.command()
@click.argument("term")
@DB_OPTION
@click.option("--width", default=20, show_default=True, type=click.IntRange(1, 500), help="Characters each side.")
@click.option("--region")
@click.option("--level", type=click.Choice(LEVELS))
@click.option("--year", type=int)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Export the lines (csv, xlsx …).")
@click.option("--format", "fmt", type=click.Choice(FORMATS))
def kwic(term: str, db: Path, width: int, region: str | None, level: str | None, year: int | None,
         out: Path | None, fmt: str | None) -> None:
    """Concordance lines: left context | term | right context, for every occurrence."""
    if out is None and fmt is None:  # lines for a person: printed from plain rows, without pandas
        with _reader(db) as reader:
            lines = reader.kwic_lines(term, width=width, region=region, level=level, year=year)
        for line in lines:
            click.echo(f"{line.doc}:{line.start}\t{line.left:>{width}} | {line.term} | {line.right}")
        reports = len({line.report_id for line in lines})
        click.echo(f"{len(lines)} lines in {reports} reports" if lines else f"0 lines: no report contains {term!r}",
                   err=True)
        return
    with _corpus(db) as corpus:
        frame = corpus.kwic(term, width=width, region=region, level=level, year=year)
    _emit(frame, out, fmt, "lines")


@cli.command()
@click.option("--dict", "dictionary", required=True,
              help=f"A bundled dictionary ({', '.join(bundled())}) or a text file, one term per line.")
@DB_OPTION
@click.option("--whole", is_flag=True, help="One row per report instead of per report and section kind.")
@click.option("--hits", "with_hits", is_flag=True, help="Every hit with its offset and section instead of counts.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(FORMATS))
def attention(dictionary: str, db: Path, whole: bool, with_hits: bool, out: Path | None, fmt: str | None) -> None:
    """Policy attention: dictionary terms per report, raw and per 10,000 characters."""
    from govreport.attention import DictionaryError, load_dictionary

    try:
        d = load_dictionary(dictionary)
    except DictionaryError as e:
        raise click.ClickException(str(e)) from None
    with _corpus(db) as corpus:
        frame = corpus.attention_hits(d) if with_hits else corpus.attention(d, by_section=not whole)
    _emit(frame, out, fmt, "rows")


def _indicator_list(value: str | None) -> list[str] | None:
    return [v for v in value.split(",") if v.strip()] if value else None


def _years(value: str | None) -> list[int] | None:
    from govreport.query import QueryError, parse_years

    try:
        return parse_years(value)
    except QueryError as e:
        raise click.BadParameter(str(e), param_hint="--year") from None


def _levels(value: str | None) -> list[str] | None:
    levels = _indicator_list(value)
    unknown = [v for v in levels or () if v not in LEVELS]
    if unknown:
        raise click.BadParameter(f"unknown level {', '.join(unknown)} (one of: {', '.join(LEVELS)})",
                                 param_hint="--level")
    return levels


def region_filters(what: str) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """--region, --adcode, --level, --year: the filters the exported tables share."""
    def add(fn: Callable[..., None]) -> Callable[..., None]:
        fn = click.option("--year", "years", help=f"The {what} year: 2024, 2020,2022 or 2018-2023.")(fn)
        fn = click.option("--level", "levels", help=f"Comma-separated levels: {', '.join(LEVELS)}.")(fn)
        fn = click.option("--adcode", "adcodes", help="Comma-separated GB/T 2260 codes (330100 …).")(fn)
        return click.option("--region", help="A region name (or part of one), a province, or an adcode.")(fn)
    return add


def _filters(region: str | None, adcodes: str | None, levels: str | None, years: str | None) -> dict[str, Any]:
    return {"region": region, "adcode": _indicator_list(adcodes), "level": _levels(levels), "year": _years(years)}


class IndicatorsOption(click.Option):
    """--indicators, whose help lists the ids of indicators.toml: read when help is shown, not each
    time the CLI starts (parsing the file is a third of `govreport --help`'s start-up)."""

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        from govreport.lexicon import indicator_ids

        self.help = "Comma-separated indicator ids (default: all of them): " + ", ".join(indicator_ids()) + "."
        return super().get_help_record(ctx)


@cli.command()
@click.option("--indicators", cls=IndicatorsOption)
@click.option("--kind", "kinds", help="Comma-separated kinds: actual, estimate, target, plan (default: all).")
@click.option("--wide", is_flag=True, help="One row per region and year, a column per indicator.")
@region_filters("figure's")
@DB_OPTION
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(FORMATS))
def panel(indicators: str | None, kinds: str | None, wide: bool, region: str | None, adcodes: str | None,
          levels: str | None, years: str | None, db: Path, out: Path | None, fmt: str | None) -> None:
    """A research panel of facts: region, year, indicator, value in a normalized unit, and its source.
    Where the chosen report states two values for one figure, `conflict` says so and `other_values`
    gives the others with their quotes."""
    filters = _filters(region, adcodes, levels, years)
    with _corpus(db) as corpus:
        frame = corpus.panel(_indicator_list(indicators), _indicator_list(kinds), wide=wide, **filters)
    _emit(frame, out, fmt, "rows")


@cli.command()
@click.option("--indicators", cls=IndicatorsOption)
@region_filters("target's")
@DB_OPTION
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(FORMATS))
def targets(indicators: str | None, region: str | None, adcodes: str | None, levels: str | None, years: str | None,
            db: Path, out: Path | None, fmt: str | None) -> None:
    """Each target for year t beside the result the same region reported for t: gap and met."""
    filters = _filters(region, adcodes, levels, years)
    with _corpus(db) as corpus:
        frame = corpus.targets(_indicator_list(indicators), **filters)
    _emit(frame, out, fmt, "targets")


@cli.command()
@region_filters("report")
@click.option("--all-versions", is_flag=True, help="Also the earlier versions of changed files.")
@DB_OPTION
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(FORMATS))
def reports(region: str | None, adcodes: str | None, levels: str | None, years: str | None, all_versions: bool,
            db: Path, out: Path | None, fmt: str | None) -> None:
    """The stored reports' metadata: region, level, adcode, year, meeting date, speaker …, and where
    each field came from."""
    filters = _filters(region, adcodes, levels, years)
    with _corpus(db) as corpus:
        frame = corpus.reports(current_only=not all_versions, **filters)
    _emit(frame, out, fmt, "reports")


@cli.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for pages/ and the manifest fetch.jsonl (headers, status, ETag …).")
@click.option("--concurrency", default=FetchOptions.concurrency, show_default=True, type=click.IntRange(1, 64))
@click.option("--delay", default=FetchOptions.per_host_delay, show_default=True, type=click.FloatRange(0),
              help="Seconds between requests to one host.")
@click.option("--timeout", default=FetchOptions.timeout, show_default=True, type=click.FloatRange(0.1),
              help="Seconds for a whole request: connecting, redirects and the body.")
@click.option("--retries", default=FetchOptions.retries, show_default=True, type=click.IntRange(0, 10),
              help="Further attempts after a 5xx, 429 or timeout, with doubling waits.")
@click.option("--max-bytes", default=FetchOptions.max_bytes, show_default=True, type=click.IntRange(1),
              help="The largest page kept (once decompressed); a larger one is an error.")
@click.option("--max-wait", default=FetchOptions.max_wait, show_default=True, type=click.FloatRange(0),
              help="The longest Retry-After honoured (seconds); a server asking more is given up on.")
@click.option("--fresh-for", default=FetchOptions.fresh_for, show_default=True, type=click.FloatRange(0),
              help="Pages an earlier run saved this many seconds ago or less are not asked for again "
                   "(a stopped run resumes); older ones are re-checked (ETag / Last-Modified).")
@click.option("--ignore-robots", is_flag=True, help="Do not read robots.txt (only for sites you may crawl).")
@click.option("--quiet", "-q", is_flag=True)
def fetch(sources: tuple[str, ...], out_dir: Path, concurrency: int, delay: float, timeout: float, retries: int,
          max_bytes: int, max_wait: float, fresh_for: float, ignore_robots: bool, quiet: bool) -> None:
    """Fetch report pages (URLs, or files of URLs) politely; only changed pages are fetched again.
    Each page is in the manifest fetch.jsonl as soon as it is done."""
    from govreport.fetch import fetch_all, read_urls

    urls: list[str] = []
    for source in sources:
        try:
            urls.extend(read_urls(source))
        except (ValueError, OSError) as e:
            raise click.ClickException(str(e)) from None
    options = FetchOptions(concurrency=concurrency, per_host_delay=delay, timeout=timeout, retries=retries,
                           respect_robots=not ignore_robots, max_bytes=max_bytes, max_wait=max_wait,
                           fresh_for=fresh_for)
    pages = fetch_all(urls, out_dir, options)
    ok = [p for p in pages if not p.error]
    if not quiet:
        for p in pages:
            if p.error:
                click.echo(f"failed {p.url}: {p.error}", err=True)
        kept = sum(p.not_modified and p.attempts == 0 for p in ok)
        unchanged = sum(p.not_modified and p.attempts > 0 for p in ok)
        click.echo(f"{len(ok)} fetched ({kept} kept from a run less than --fresh-for ago, {unchanged} unchanged "
                   f"since the last run), {len(pages) - len(ok)} failed "
                   f"-> {out_dir}", err=True)
    if not ok:
        sys.exit(1)


@cli.command()
@click.option("--n", "count", required=True, type=click.IntRange(1, 1_000_000), help="How many reports.")
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path))
@click.option("--seed", default=0, show_default=True, type=int)
def synth(count: int, out_dir: Path, seed: int) -> None:
    """Synthetic reports of real regions with their gold facts and metadata (OUT/gold.json), for
    benchmarks and tests of the extractor."""
    from govreport.synth import synthesize

    try:
        gold = synthesize(count, out_dir, seed)
    except OSError as e:
        raise click.ClickException(f"cannot write {out_dir}: {e.strerror or e}") from None
    click.echo(f"{count} reports and their truth -> {gold}", err=True)


@cli.command("export")
@DB_OPTION
@click.option("--parquet", "parquet_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the Parquet dataset: one folder per table, partitioned by report_year and level.")
@click.option("--texts", is_flag=True, help="Also the clean texts (the largest part of a store).")
def export_store(db: Path, parquet_dir: Path, texts: bool) -> None:
    """The store's tables as a Parquet dataset that DuckDB, Spark, Dask and pandas read directly."""
    from govreport.store.parquet import export_parquet

    try:
        with _answering():
            written = export_parquet(db, parquet_dir, texts=texts)
    except OSError as e:
        raise click.ClickException(f"cannot write {parquet_dir}: {e.strerror or e}") from None
    click.echo(", ".join(f"{w.rows} {w.table}" for w in written) + f" -> {parquet_dir}", err=True)


@cli.command()
@DB_OPTION
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (127.0.0.1: this machine only; 0.0.0.0 to serve others too).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Server processes (each reads the store through connections of its own).")
@click.option("--allow-upload", is_flag=True,
              help="Accept report files at /upload and POST /api/reports, and store them (else read-only).")
def serve(db: Path, host: str, port: int, workers: int, allow_upload: bool) -> None:
    """The web app and HTTP API over the store, read-only: pages at /, JSON under /api/, API docs at /docs."""
    import uvicorn

    from govreport.web.app import SERVE_DB, SERVE_UPLOAD, create_app

    app = create_app(db, allow_upload=allow_upload)  # a bad store is one line here, before anything listens
    click.echo(f"serving {db} at http://{host}:{port}/ with {workers} process(es)"
               f"{', uploads stored' if allow_upload else ', read-only'} (Ctrl-C stops)", err=True)
    if workers == 1:
        uvicorn.run(app, host=host, port=port, log_level="warning")
        return
    os.environ[SERVE_DB] = str(Path(db).resolve())
    os.environ[SERVE_UPLOAD] = "1" if allow_upload else ""
    uvicorn.run("govreport.web.app:app_from_environment", factory=True, host=host, port=port, workers=workers,
                log_level="warning")


@cli.command()
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--html", "html_out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The HTML file to write: one self-contained page that opens offline.")
@meta_options
def review(path: Path, html_out: Path, meta_file: Path | None, given_region: str | None, given_year: int | None,
           fill_only: bool) -> None:
    """One report as a page to check by eye: the clean text, every fact highlighted with its fields
    on hover, the facts by indicator and the cleaning edits."""
    import govreport
    from govreport.web.review import review_html

    user = _user_meta(meta_file, given_region, given_year, fill_only)
    try:
        report = govreport.extract(path, given=user.for_file(path) if user else None)
    except (FileNotFoundError, govreport.ReadError) as e:
        raise click.ClickException(str(e)) from None
    try:
        html_out.write_text(review_html(report), encoding="utf-8")
    except OSError as e:
        raise click.ClickException(f"cannot write {html_out}: {e.strerror or e}") from None
    click.echo(f"{len(report.facts)} facts -> {html_out}", err=True)


@cli.command("datasette-metadata")
@DB_OPTION
def datasette_metadata(db: Path) -> None:
    """Print Datasette metadata (titles, descriptions, facets, canned queries) for the store.

    datasette corpus.db -m <(govreport datasette-metadata --db corpus.db)"""
    from govreport.store import datasette

    click.echo(json.dumps(datasette.datasette_metadata(db), ensure_ascii=False, indent=2))


def check_alias_file(path: str) -> None:
    """A user's alias file must load and compile; say which file and why when it does not."""
    from govreport.grammar import grammar_with

    try:
        grammar_with([path])
    except FileNotFoundError:
        raise click.ClickException(f"{path}: no such file") from None
    except tomllib.TOMLDecodeError as e:
        raise click.ClickException(f"{path}: not valid TOML ({e})") from None
    except re.error as e:
        raise click.ClickException(f"{path}: bad regular expression {e.pattern!r} ({e})") from None
    except (KeyError, TypeError, AttributeError) as e:
        raise click.ClickException(f"{path}: not an indicator file (each [[indicator]] needs id and aliases: {e})") \
            from None


if __name__ == "__main__":
    main()
