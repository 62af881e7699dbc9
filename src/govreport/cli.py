"""Command line: `govreport extract PATH... --out DIR` (the same functions as the Python API)."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from tqdm import tqdm

from govreport import __version__
from govreport.export import JsonlWriter
from govreport.ingest import iter_inputs
from govreport.model import IngestError
from govreport.run import run_paths


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="govreport")
def main() -> None:
    """govreport: Chinese government work reports -> source-grounded facts."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for facts.jsonl, figures.jsonl, meta.jsonl, sections.jsonl, edits.jsonl, errors.jsonl.")
@click.option("--jobs", "-j", default=1, show_default=True, type=click.IntRange(1, 256),
              help="Worker processes.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary.")
def extract(paths: tuple[str, ...], out_dir: Path, jobs: int, quiet: bool) -> None:
    """Extract metadata, sections, facts and figures from reports (files or folders)."""
    items = list(iter_inputs(paths))
    if not items:
        raise click.ClickException("no input files found under the given paths")
    read = failed = facts = 0
    try:
        writer = JsonlWriter(out_dir)
    except OSError as e:
        raise click.ClickException(f"cannot write to {out_dir}: {e.strerror or e}") from e
    with writer, tqdm(total=len(items), unit="report", disable=quiet or not sys.stderr.isatty(),
                      file=sys.stderr) as bar:
        for outcome in run_paths(paths, jobs=jobs):
            if isinstance(outcome, IngestError):
                failed += 1
                writer.write_error(outcome)
                if not quiet:
                    tqdm.write(f"skipped {outcome.doc}: {outcome.reason}", file=sys.stderr)
            else:
                read += 1
                facts += len(outcome.facts)
                writer.write_report(outcome)
            bar.update(1)
    if not quiet:
        click.echo(f"{read} read, {failed} failed, {facts} facts -> {out_dir}", err=True)
    if read == 0:
        sys.exit(1)


if __name__ == "__main__":
    main()
