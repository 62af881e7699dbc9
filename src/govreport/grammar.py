"""The indicator grammar: aliases, units and connective words from data/indicators.toml, compiled,
and the search for indicator names in a text (literal anchors first, longest alias wins)."""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, replace
from functools import cache
from typing import Any, NamedTuple

from govreport import lang, lexicon
from govreport.regexfirst import literal_alternation, mandatory_literal, with_first_char_guard

NAME_REACH_BEFORE = 16  # how far an alias may start before its anchor literal
NAME_REACH_AFTER = 24


@dataclass(frozen=True)
class Entry:
    id: str
    scopes: tuple[str | None, ...]  # one per sub-indicator the alias names
    units: re.Pattern[str] | None
    rate: bool
    growth_only: bool
    # how loose the name is: 0 its own; a higher one gives way to a lower one the report also states
    # for the same year (财政收入 2 > 公共财政收入 1 > 地方公共财政收入 0; a part of a whole 1)
    looseness: int
    flow: bool
    only_kinds: tuple[str, ...]
    requires_before: re.Pattern[str] | None
    generic: bool
    # a bare measure whose owner is the subject its sentence opens on: (opening, id, scope) to try
    opened_by: tuple[tuple[re.Pattern[str], str, str | None], ...] = ()
    scopes_are_ids: bool = False  # each scope is an indicator of its own (存贷款余额: deposits, loans)
    index_base: float | None = None  # a % figure written as an index on the year before (101.5%)

    def owned_by(self, text: str, sentence_start: int) -> tuple[Entry, int] | None:
        """The entry this bare name stands for in a sentence opening at sentence_start, and where
        the subject's words end, if the sentence opens on one."""
        for opening, owner, scope in self.opened_by:
            if m := opening.match(text, sentence_start):
                return replace(self, id=owner, scopes=(scope,), opened_by=()), m.end()
        return None


@dataclass(frozen=True)
class Statement:
    id: str
    measure: str
    qualifier: str
    pattern: re.Pattern[str]
    last_word: str | None = None  # a literal every match ends with (同步): found first, cheaply


@dataclass(frozen=True)
class Grammar:
    names: re.Pattern[str]  # one group per entry: e0, e1, …
    anchors: re.Pattern[str] | None  # literals every name contains: a fast prefilter
    by_anchor: dict[str, tuple[tuple[int, re.Pattern[str]], ...]]  # literal -> (entry, alias) to try
    entries: tuple[Entry, ...]
    statements: tuple[Statement, ...]
    foreign_before: re.Pattern[str]
    subject_before: re.Pattern[str]
    gap: re.Pattern[str]
    exclude_gap: re.Pattern[str]
    stock_words: re.Pattern[str] | None = None
    sector_opening: re.Pattern[str] | None = None  # a sentence on a sector: its generic names are the sector's
    park_opening: re.Pattern[str] | None = None  # a sentence on a park: all its names are the park's
    elided_unit: str | None = None  # 9万亿 after 生产总值: 万亿元


@cache
def default_grammar() -> Grammar:
    return build_grammar(lexicon.load("indicators.toml"))


def grammar_with(extra_files: list[str]) -> Grammar:
    """The bundled grammar extended by users' TOML files of the same shape (more [[indicator]]
    entries, [[statement]]s, gap_words)."""
    data = copy.deepcopy(lexicon.load("indicators.toml"))
    for path in extra_files:
        extra = lexicon.load_file(path)
        data["indicator"].extend(extra.get("indicator", []))
        data.setdefault("statement", []).extend(extra.get("statement", []))
        data["context"]["gap_words"].extend(extra.get("context", {}).get("gap_words", []))
    return build_grammar(data)


def build_grammar(data: dict[str, Any]) -> Grammar:
    units = {k: v for k, v in data["units"].items()}
    entries: list[Entry] = []
    alternatives: list[tuple[int, str]] = []
    for i, spec in enumerate(data["indicator"]):
        scopes = tuple(spec.get("scopes") or [spec.get("scope")])
        unit_re = "|".join(units[u] for u in spec.get("units", []))
        entries.append(Entry(spec["id"], scopes, re.compile(rf"(?:{unit_re})$") if unit_re else None,
                             bool(spec.get("rate")), bool(spec.get("growth_only")),
                             int(spec.get("gives_way") or spec.get("part") or 0),
                             bool(spec.get("flow")), tuple(spec.get("only_kinds", [])),
                             re.compile(spec["requires_before"]) if spec.get("requires_before") else None,
                             bool(spec.get("generic")), _openings(spec.get("opened_by", [])),
                             bool(spec.get("scopes_are_ids")), spec.get("index_base")))
        for alias in spec["aliases"]:
            alternatives.append((i, alias))
    # one alternation; a longer literal prefix first so 人均地区生产总值 beats 地区生产总值
    groups: dict[int, list[str]] = {}
    for i, alias in alternatives:
        groups.setdefault(i, []).append(alias)
    order = sorted(groups, key=lambda i: -max(_literal_len(a) for a in groups[i]))
    names = re.compile(with_first_char_guard(
        "|".join(f"(?P<e{i}>{'|'.join(sorted(groups[i], key=_literal_len, reverse=True))})" for i in order)))
    ctx = data["context"]
    # (the words of a change and the threshold words of the report language are connective too:
    # 增长5%, 下滑3%, 突破10亿元)
    connective = (*ctx["gap_words"], *lang.GROWTH_WORDS, *lang.FALL_WORDS, *lang.THRESHOLD_WORDS)
    words = sorted({lang.with_language(w) for w in connective}, key=len, reverse=True)
    gap = re.compile(rf"(?:{'|'.join(words)}|[\s，,、：:])*")
    statements = tuple(Statement(s["id"], s["measure"], s["qualifier"], re.compile(s["pattern"]),
                                 _final_literal(s["pattern"]))
                       for s in data.get("statement", []))
    literals = [mandatory_literal(a) for _, a in alternatives]
    anchors = None if None in literals else re.compile(literal_alternation({x for x in literals if x}))
    by_anchor: dict[str, tuple[tuple[int, re.Pattern[str]], ...]] = {}
    for lit in {x for x in literals if x}:
        by_anchor[lit] = tuple((i, re.compile(alias)) for (i, alias), other in zip(alternatives, literals, strict=True)
                               if other and _may_overlap(lit, other))
    return Grammar(names, anchors, by_anchor, tuple(entries), statements, re.compile(ctx["foreign_before"]),
                   re.compile(ctx["subject_before"]), gap,
                   re.compile(lang.with_language(ctx["exclude_gap"])),
                   re.compile(ctx["stock_words"]) if ctx.get("stock_words") else None,
                   re.compile(ctx["sector_opening"]) if ctx.get("sector_opening") else None,
                   re.compile(ctx["park_opening"]) if ctx.get("park_opening") else None,
                   ctx.get("elided_unit"))


OPENING_CLAUSE_MAX = 6


def _openings(specs: list[dict[str, str]]) -> tuple[tuple[re.Pattern[str], str, str | None], ...]:
    """opened_by of an entry: each subject's words, after at most a short opening clause (过去一年，
    工业方面，) or a year (2016年), and the report's own region (全县, 我县)."""
    own = f"(?:[{lang.SELF_PREFIXES}][{lang.LEVEL_WORDS}])?"
    time = rf"(?:[^，,。；;\n]{{1,{OPENING_CLAUSE_MAX}}}[，,]|(?:19|20)\d{{2}}年)?"
    return tuple((re.compile(rf"[ \t\u3000]*{time}{own}(?:{o['words']})"), o["id"], o.get("scope"))
                 for o in specs)


def _final_literal(pattern: str) -> str | None:
    m = re.search(r"([\u4e00-\u9fff]{2,})$", pattern)
    return m.group(1) if m else None


def _may_overlap(a: str, b: str) -> bool:
    """Whether two literals can share text (财政赤字 / 赤字率): then a hit on one tries the other's aliases."""
    if a in b or b in a:
        return True
    return any(a.endswith(b[:k]) or b.endswith(a[:k]) for k in range(1, min(len(a), len(b))))


def _literal_len(alias: str) -> int:
    return len(re.sub(r"\(\?:[^)]*\)\??|[\\\[\]()?*+|]", "", alias))


class Mention(NamedTuple):
    start: int
    end: int
    entry: Entry
    foreign: bool


def find_names(text: str, g: Grammar, start: int = 0, end: int | None = None) -> list[tuple[int, int, int]]:
    """(start, end, entry) of every indicator name whose anchor lies in text[start:end]; where two
    overlap the longer wins."""
    found: list[tuple[int, int, int]] = []
    end = len(text) if end is None else end
    if g.anchors is None:
        for m in g.names.finditer(text, start, end):
            if m.lastgroup:
                found.append((m.start(), m.end(), int(m.lastgroup[1:])))
        return found
    for hit in g.anchors.finditer(text, start, end):
        a, b = hit.span()
        lo, hi = max(0, a - NAME_REACH_BEFORE), min(len(text), b + NAME_REACH_AFTER)
        best: tuple[int, int, int] | None = None
        for entry, alias in g.by_anchor[hit.group()]:
            for m in alias.finditer(text, lo, hi):
                if m.start() <= a and m.end() >= b and (
                        best is None or m.end() - m.start() > best[1] - best[0]):
                    best = (m.start(), m.end(), entry)
        if best and (not found or best[0] >= found[-1][1]):
            found.append(best)
        elif best and best[1] - best[0] > found[-1][1] - found[-1][0]:
            found[-1] = best
    return found
