"""What the pages show of a report, as plain data the templates escape: the text cut where facts
begin and end, each piece with the facts covering it."""

from __future__ import annotations

from itertools import pairwise
from typing import Any, NamedTuple


class Segment(NamedTuple):
    text: str
    facts: tuple[int, ...]  # ids of the facts whose span covers this piece (innermost last)
    starts: tuple[int, ...]  # ids of the facts that begin here (the piece carries their anchors)
    kind: str | None  # the kind of the innermost covering fact (actual, estimate, target, plan)


def fact_marks(text: str, facts: list[dict[str, Any]]) -> list[Segment]:
    """The text in pieces at every fact's start and end (facts overlap: a growth rate's quote holds
    the level before it), so each piece can be marked with the facts that cover it."""
    spans = sorted(((int(f["start"]), int(f["end"]), int(f["id"]), str(f["kind"])) for f in facts
                    if 0 <= int(f["start"]) < int(f["end"]) <= len(text)), key=lambda s: (s[0], -s[1]))
    cuts = sorted({0, len(text), *(s[0] for s in spans), *(s[1] for s in spans)})
    segments = []
    for a, b in pairwise(cuts):
        covering = [s for s in spans if s[0] <= a and b <= s[1]]
        covering.sort(key=lambda s: s[1] - s[0], reverse=True)  # outermost first
        segments.append(Segment(text[a:b], tuple(s[2] for s in covering), tuple(s[2] for s in spans if s[0] == a),
                                covering[-1][3] if covering else None))
    return segments


def marked_snippet(snippet: str) -> list[tuple[str, bool]]:
    """A search snippet (its hit marked 【…】) as pieces, the hit flagged."""
    start = snippet.find("【")
    end = snippet.find("】", start + 1)
    if start < 0 or end < 0:
        return [(snippet, False)]
    return [(snippet[:start], False), (snippet[start + 1:end], True), (snippet[end + 1:], False)]
