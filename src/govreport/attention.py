"""Policy-attention dictionaries: count a dictionary's terms in a report, by section kind.

Terms are matched whole and longest first (新质生产力 is one hit, not also 生产力), with their
offsets; no segmenter is involved, so nothing global is changed and no policy term is split.
Dictionaries are versioned text files in govreport/data/attention; users pass their own. A line
holds a term, and after a `!` the longer words it does not count inside (its stop contexts):

    化债 ! 优化债务 优化债券 化债转股

Terms and stop contexts are written as the cleaner writes a report (full-width forms, 〇,
traditional script), so a dictionary matches the stored text however it was typed.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache, cached_property
from itertools import pairwise
from pathlib import Path

from govreport.lexicon import data_path
from govreport.model import Section
from govreport.sections import section_at

ATTENTION_DIR = "attention"


class DictionaryError(ValueError):
    """A dictionary that cannot be used; the message says which and why."""


@dataclass(frozen=True)
class Dictionary:
    name: str
    version: str | None
    terms: tuple[str, ...]
    pattern: re.Pattern[str]
    # each stop context with the terms that do not count inside it
    stops: dict[str, frozenset[str]] = field(default_factory=dict)
    stop_pattern: re.Pattern[str] | None = None

    @cached_property
    def fingerprint(self) -> str:
        """What the dictionary counts (its terms and stop contexts): counts stored with another
        fingerprint are of another dictionary, whatever its name and version say."""
        spec = "\n".join([*self.terms, *(f"{c}!{','.join(sorted(t))}" for c, t in sorted(self.stops.items()))])
        return hashlib.sha256(spec.encode()).hexdigest()[:16]


@dataclass(frozen=True)
class Hit:
    term: str
    start: int
    end: int
    section: int | None
    section_kind: str


def bundled() -> list[str]:
    return sorted(p.stem for p in data_path(ATTENTION_DIR).glob("*.txt"))


@cache
def bundled_dictionaries() -> tuple[Dictionary, ...]:
    """The bundled dictionaries, loaded once: the store counts their hits when it stores a report."""
    return tuple(load_dictionary(name) for name in bundled())


def load_dictionary(name_or_path: str) -> Dictionary:
    """A bundled dictionary by name (green, innovation, …) or a user's plain-text file."""
    path = Path(name_or_path)
    if not path.is_file():
        candidate = data_path(ATTENTION_DIR) / f"{name_or_path}.txt"
        if not candidate.is_file():
            raise DictionaryError(
                f"{name_or_path}: no such dictionary file or bundled dictionary (bundled: {', '.join(bundled())})")
        path = candidate
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise DictionaryError(f"{path}: cannot read dictionary ({e})") from None
    return parse_dictionary(text, default_name=path.stem, source=str(path))


def parse_dictionary(text: str, default_name: str, source: str = "<text>") -> Dictionary:
    from govreport.clean import normalize_characters  # loaded when a dictionary is read, not at start-up

    header: dict[str, str] = {}
    terms: list[str] = []
    stops: dict[str, set[str]] = {}
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line:
            continue
        if line.startswith("#"):
            m = re.match(r"#\s*(\w+)\s*:\s*(.+)", line)
            if m:
                header[m.group(1).lower()] = m.group(2).strip()
            continue
        term, _, contexts = (normalize_characters(part).strip() for part in line.partition("!"))
        if not term or " " in term:
            raise DictionaryError(f"{source}: line {number}: one term a line, then its stop contexts after '!'")
        terms.append(term)
        for context in contexts.split():
            if term not in context or context == term:
                raise DictionaryError(f"{source}: line {number}: stop context {context!r} does not hold {term!r} "
                                      "within a longer word")
            stops.setdefault(context, set()).add(term)
    unique = tuple(dict.fromkeys(terms))
    if not unique:
        raise DictionaryError(f"{source}: the dictionary has no terms (one term per line)")
    return Dictionary(header.get("name", default_name), header.get("version"), unique, _longest_first(unique),
                      {c: frozenset(t) for c, t in stops.items()}, _longest_first(tuple(stops)) if stops else None)


def _longest_first(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


def _stop_spans(text: str, dictionary: Dictionary) -> list[tuple[int, int, frozenset[str]]]:
    if dictionary.stop_pattern is None:
        return []
    return [(m.start(), m.end(), dictionary.stops[m.group()]) for m in dictionary.stop_pattern.finditer(text)]


def find_hits(text: str, sections: tuple[Section, ...], dictionary: Dictionary) -> list[Hit]:
    """Every term of the dictionary in text, except where it stands inside one of its stop contexts."""
    starts = [s.start for s in sections]
    stops = _stop_spans(text, dictionary)
    stop_starts = [a for a, _, _ in stops]
    hits = []
    for m in dictionary.pattern.finditer(text):
        if stops and _inside_stop(m.start(), m.end(), m.group(), stops, stop_starts):
            continue
        sec = section_at(sections, starts, m.start()) if sections else None
        hits.append(Hit(m.group(), m.start(), m.end(), sec.index if sec else None, sec.kind if sec else "other"))
    return hits


def _inside_stop(start: int, end: int, term: str, stops: list[tuple[int, int, frozenset[str]]],
                 stop_starts: list[int]) -> bool:
    # stop contexts do not overlap one another (found left to right), so at most a few start
    # before the term and can still cover it
    i = bisect_right(stop_starts, start) - 1
    while i >= 0 and stops[i][1] > start:
        a, b, blocked = stops[i]
        if a <= start and end <= b and term in blocked:
            return True
        i -= 1
    return False


def chars_by_kind(text: str, sections: tuple[Section, ...]) -> dict[str, int]:
    """Characters of a report by the kind of its innermost section ("other" outside any)."""
    sizes: dict[str, int] = {}
    bounds = sorted({0, len(text), *(s.start for s in sections), *(s.end for s in sections)})
    starts = [s.start for s in sections]
    for a, b in pairwise(bounds):
        sec = section_at(sections, starts, a) if sections else None
        kind = sec.kind if sec else "other"
        sizes[kind] = sizes.get(kind, 0) + (b - a)
    return sizes


def hit_counts(text: str, sections: tuple[Section, ...], dictionary: Dictionary,
               ) -> tuple[dict[str, int], dict[str, int]]:
    """The dictionary's hits in a report by section kind (every kind the report has, 0 where none)
    and by term (the terms found), from one pass."""
    by_kind = dict.fromkeys(chars_by_kind(text, sections), 0)
    by_term: dict[str, int] = {}
    for hit in find_hits(text, sections, dictionary):
        by_kind[hit.section_kind] = by_kind.get(hit.section_kind, 0) + 1
        by_term[hit.term] = by_term.get(hit.term, 0) + 1
    return by_kind, by_term
