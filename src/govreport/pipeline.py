"""The pipeline: raw document -> clean text -> metadata and sections -> facts and figures."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from govreport import __version__, lexicon
from govreport.clean import Pass, clean, default_passes
from govreport.facts import extract_facts
from govreport.figures import extract_figures
from govreport.gazetteer import Gazetteer, default_gazetteer, table_path
from govreport.grammar import Grammar, default_grammar
from govreport.meta import apply_given, extract_meta
from govreport.model import GivenMeta, RawDocument, Report
from govreport.numbers import find_values
from govreport.sections import KindRule, default_rules, find_sections


def pipeline_version(alias_files: tuple[str, ...] = ()) -> str:
    """The package version and a hash of the language data it reads: the bundled files, the
    division table's name (dated), and the user's alias files. Stored with every report, so a
    reprocess re-runs exactly the reports an older pipeline made."""
    digest = hashlib.sha256(lexicon.data_fingerprint().encode())
    digest.update(table_path().name.encode())
    for f in alias_files:
        digest.update(b"\0" + Path(f).read_bytes())
    return f"{__version__}+{digest.hexdigest()[:12]}"


@dataclass(frozen=True)
class Pipeline:
    """The language data a run needs, loaded once and passed along (no module state)."""

    passes: list[Pass] = field(default_factory=default_passes)
    gazetteer: Gazetteer = field(default_factory=default_gazetteer)
    section_rules: tuple[KindRule, ...] = field(default_factory=default_rules)
    grammar: Grammar = field(default_factory=default_grammar)
    version: str = field(default_factory=pipeline_version)

    def __call__(self, raw: RawDocument, given: GivenMeta | None = None) -> Report:
        return process(raw, self, given)


@cache
def default_pipeline() -> Pipeline:
    return Pipeline()


def process(raw: RawDocument, pipeline: Pipeline, given: GivenMeta | None = None) -> Report:
    """One report; given: metadata the user knows, which facts are then dated by."""
    cleaned = clean(raw.text, pipeline.passes)
    sections = find_sections(cleaned.text, pipeline.section_rules)
    meta = extract_meta(cleaned.text, pipeline.gazetteer, raw.doc, raw.text)
    if given is not None:
        meta = apply_given(meta, given, pipeline.gazetteer)
    values = find_values(cleaned.text)  # one scan for numbers serves facts and figures
    facts = extract_facts(cleaned.text, meta, sections, pipeline.grammar, values, pipeline.gazetteer.upper_places)
    figures = extract_figures(cleaned.text, sections, values)
    return Report(raw.doc, raw, cleaned, meta, sections, facts, figures, given, pipeline.version)
