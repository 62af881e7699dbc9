"""Command line: `govreport extract PATH... --out DIR` (the same functions as the Python API)."""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

import click
from tqdm import tqdm

from govreport import __version__
from govreport.export import JsonlWriter
from govreport.facts import grammar_with
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
@click.option("--aliases", "alias_files", multiple=True, type=click.Path(dir_okay=False, path_type=str),
              help="A TOML file of more indicator aliases (the shape of govreport/data/indicators.toml); repeatable.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary.")
def extract(paths: tuple[str, ...], out_dir: Path, jobs: int, alias_files: tuple[str, ...], quiet: bool) -> None:
    """Extract metadata, sections, facts and figures from reports (files or folders)."""
    items = list(iter_inputs(paths))
    if not items:
        raise click.ClickException("no input files found under the given paths")
    for f in alias_files:
        check_alias_file(f)
    read = failed = facts = 0
    try:
        writer = JsonlWriter(out_dir)
    except OSError as e:
        raise click.ClickException(f"cannot write to {out_dir}: {e.strerror or e}") from e
    with writer, tqdm(total=len(items), unit="report", disable=quiet or not sys.stderr.isatty(),
                      file=sys.stderr) as bar:
        for outcome in run_paths(paths, jobs=jobs, aliases=alias_files):
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


def check_alias_file(path: str) -> None:
    """A user's alias file must load and compile; say which file and why when it does not."""
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
