"""The pipeline: raw document -> clean text -> metadata and sections -> facts and figures."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from govreport.clean import Pass, clean, default_passes
from govreport.facts import extract_facts
from govreport.figures import extract_figures
from govreport.gazetteer import Gazetteer, default_gazetteer
from govreport.grammar import Grammar, default_grammar
from govreport.meta import apply_given, extract_meta
from govreport.model import GivenMeta, RawDocument, Report
from govreport.numbers import find_values
from govreport.sections import KindRule, default_rules, find_sections


@dataclass(frozen=True)
class Pipeline:
    """The language data a run needs, loaded once and passed along (no module state)."""

    passes: list[Pass] = field(default_factory=default_passes)
    gazetteer: Gazetteer = field(default_factory=default_gazetteer)
    section_rules: tuple[KindRule, ...] = field(default_factory=default_rules)
    grammar: Grammar = field(default_factory=default_grammar)

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
    facts = extract_facts(cleaned.text, meta, sections, pipeline.grammar, values)
    figures = extract_figures(cleaned.text, sections, values)
    return Report(raw.doc, raw, cleaned, meta, sections, facts, figures, given)
