"""The characters a regular expression can start with, so a big alternation can skip the rest.

Python's re tries every branch of an alternation at every position; a leading lookahead on the
possible first characters lets it reject most positions in C. Unknown constructs give None
(no lookahead is added: correct, only slower).
"""

from __future__ import annotations

import importlib
import re
from typing import Any

# the parser re itself uses (Python >= 3.11); private, so typed loosely
sre_constants: Any = importlib.import_module("re._constants")
sre_parse: Any = importlib.import_module("re._parser")


def first_chars(pattern: str) -> set[str] | None:
    """Every character a match of pattern can begin with, or None when that cannot be said."""
    try:
        parsed = sre_parse.parse(pattern)
    except re.error:
        return None
    chars, nullable = _first(list(parsed))
    return None if chars is None or nullable else chars


def _first(items: list[tuple[Any, Any]]) -> tuple[set[str] | None, bool]:
    out: set[str] = set()
    for op, av in items:
        got, nullable = _first_op(op, av)
        if got is None:
            return None, False
        out |= got
        if not nullable:
            return out, False
    return out, True


def _first_op(op: Any, av: Any) -> tuple[set[str] | None, bool]:
    c = sre_constants
    if op == c.LITERAL:
        return {chr(av)}, False
    if op == c.IN:
        chars: set[str] = set()
        for sub_op, sub_av in av:
            if sub_op == c.LITERAL:
                chars.add(chr(sub_av))
            elif sub_op == c.RANGE:
                lo, hi = sub_av
                if hi - lo > 30000:
                    return None, False
                chars.update(chr(x) for x in range(lo, hi + 1))
            elif sub_op == c.CATEGORY and sub_av == c.CATEGORY_DIGIT:
                chars.update("0123456789")  # \d: ASCII digits are what a clean text holds
            else:
                return None, False
        return chars, False
    if op == c.SUBPATTERN:
        return _first(list(av[-1]))
    if op == c.BRANCH:
        union: set[str] = set()
        any_nullable = False
        for branch in av[1]:
            got, nullable = _first(list(branch))
            if got is None:
                return None, False
            union |= got
            any_nullable |= nullable
        return union, any_nullable
    if op in (c.MAX_REPEAT, c.MIN_REPEAT):
        lo, _hi, sub = av
        got, nullable = _first(list(sub))
        if got is None:
            return None, False
        return got, nullable or lo == 0
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return set(), True
    return None, False


def with_first_char_guard(pattern: str) -> str:
    chars = first_chars(pattern)
    if not chars:
        return pattern
    cls = "".join(re.escape(ch) for ch in sorted(chars))
    return f"(?=[{cls}])(?:{pattern})"


def mandatory_literal(pattern: str) -> str | None:
    """The longest run of plain characters every match of pattern must contain, or None."""
    runs = mandatory_literals(pattern)
    return max(runs, key=len) if runs else None


def mandatory_literals(pattern: str) -> list[str]:
    """Every run of plain characters each match of pattern must contain, in order."""
    try:
        parsed = sre_parse.parse(pattern)
    except re.error:
        return []
    return [run for run in _literal_runs(list(parsed)) if run]


def _literal_runs(items: list[tuple[Any, Any]]) -> list[str]:
    c = sre_constants
    runs: list[str] = []
    current = ""
    for op, av in items:
        if op == c.LITERAL:
            current += chr(av)
            continue
        if op == c.SUBPATTERN:
            inner = list(av[-1])
            if not any(o == c.BRANCH for o, _ in inner):
                sub = _literal_runs(inner)
                if len(sub) == 1 and all(o == c.LITERAL for o, _ in inner):
                    current += sub[0]
                    continue
                runs.append(current)
                runs.extend(sub)
                current = ""
                continue
        if op == c.BRANCH:
            branches = [_literal_runs(list(b)) for b in av[1]]
            if len(branches) == 1:
                runs.extend(branches[0])
        runs.append(current)
        current = ""
    runs.append(current)
    return [r for r in runs if r]


def required_words(pattern: str) -> tuple[tuple[str, ...], ...]:
    """What every match of pattern must contain, as groups of words: one word of each group
    (.{1,60}\\.(?:docx?|pdf) -> ('.',), ('doc', 'pdf')). Runs of plain characters are groups of
    one; an alternation among the pattern's top-level items whose every branch holds a run is a
    group of those runs. A text lacking a group's every word cannot match."""
    try:
        items = list(sre_parse.parse(pattern))
    except re.error:
        return ()
    c = sre_constants
    groups: list[tuple[str, ...]] = [(run,) for run in _literal_runs(items)]
    for op, av in items:
        inner = list(av[-1]) if op == c.SUBPATTERN else [(op, av)]
        if len(inner) == 1 and inner[0][0] == c.BRANCH:
            words = [_literal_runs(list(branch)) for branch in inner[0][1][1]]
            if all(words):
                groups.append(tuple(max(runs, key=len) for runs in words))
    return tuple(groups)


def branch_literals(pattern: str) -> list[str] | None:
    """For a pattern that starts with an alternation of plain words (or is one word), those words:
    every match contains one of them. None when the pattern does not start that way."""
    try:
        items = list(sre_parse.parse(pattern))
    except re.error:
        return None
    c = sre_constants
    while items and items[0][0] == c.SUBPATTERN:
        items = list(items[0][1][-1])
    if not items:
        return None
    op, av = items[0]
    if op == c.BRANCH:
        words = []
        for branch in av[1]:
            runs = _literal_runs(list(branch))
            if not runs:
                return None
            words.append(max(runs, key=len))
        return words
    run = mandatory_literal(pattern)
    return [run] if run else None


def literal_alternation(words: list[str] | set[str] | tuple[str, ...]) -> str:
    """A regex matching any of the words, longest at each position, written as a trie:
    '国内生产总值|国民经济|国民' -> '国(?:内生产总值|民(?:经济)?)'. Every branch opens with a
    literal, so re skips to candidate first characters in C and rejects the others after one
    comparison per distinct first character, not one per word."""
    trie: dict[str, Any] = {}
    for word in words:
        if not word:
            continue
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict[str, Any]) -> str:
    branches = [re.escape(ch) + _trie_regex(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body
