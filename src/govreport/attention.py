"""Policy-attention dictionaries: count a dictionary's terms in a report, by section kind.

Terms are matched whole and longest first (新质生产力 is one hit, not also 生产力), with their
offsets; no segmenter is involved, so nothing global is changed and no policy term is split.
Dictionaries are versioned text files in govreport/data/attention; users pass their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Hit:
    term: str
    start: int
    end: int
    section: int | None
    section_kind: str


def bundled() -> list[str]:
    return sorted(p.stem for p in data_path(ATTENTION_DIR).glob("*.txt"))


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
    header: dict[str, str] = {}
    terms: list[str] = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if line.startswith("#"):
            m = re.match(r"#\s*(\w+)\s*:\s*(.+)", line)
            if m:
                header[m.group(1).lower()] = m.group(2).strip()
            continue
        terms.append(line)
    unique = tuple(dict.fromkeys(terms))
    if not unique:
        raise DictionaryError(f"{source}: the dictionary has no terms (one term per line)")
    ordered = sorted(unique, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(t) for t in ordered))
    return Dictionary(header.get("name", default_name), header.get("version"), unique, pattern)


def find_hits(text: str, sections: tuple[Section, ...], dictionary: Dictionary) -> list[Hit]:
    starts = [s.start for s in sections]
    hits = []
    for m in dictionary.pattern.finditer(text):
        sec = section_at(sections, starts, m.start()) if sections else None
        hits.append(Hit(m.group(), m.start(), m.end(), sec.index if sec else None, sec.kind if sec else "other"))
    return hits
