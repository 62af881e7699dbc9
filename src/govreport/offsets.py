"""The offset map between clean and raw text, kept as sparse segments.

Cleaning is a chain of passes; each pass proposes edits on the text it sees. Keeping the map
as segments (not one int per character) makes a pass cost O(edits), which keeps the whole
pipeline fast on long reports.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence

from govreport.model import Edit, Segment

# (start, end, replacement, kind) on the text a pass sees
Proposal = tuple[int, int, str, str]


def identity(text: str) -> tuple[Segment, ...]:
    return (Segment(0, len(text), 0, len(text), True),) if text else ()


def _starts(segments: Sequence[Segment]) -> list[int]:
    return [s.clean_start for s in segments]


def clean_pos_to_raw(segments: Sequence[Segment], pos: int, at_end: bool, raw_len: int,
                     starts: list[int] | None = None) -> int:
    if not segments:
        return 0
    starts = starts if starts is not None else _starts(segments)
    i = bisect_right(starts, pos) - 1
    if at_end and i > 0 and segments[i].clean_start == pos:
        i -= 1  # an end offset belongs to the segment it closes
    i = max(i, 0)
    seg = segments[i]
    if pos >= seg.clean_end:
        return seg.raw_end if at_end else min(seg.raw_end, raw_len)
    if seg.copied:
        return seg.raw_start + (pos - seg.clean_start)
    return seg.raw_end if at_end else seg.raw_start


def clean_span_to_raw(segments: Sequence[Segment], start: int, end: int, raw_len: int) -> tuple[int, int]:
    starts = _starts(segments)
    return (clean_pos_to_raw(segments, start, False, raw_len, starts),
            clean_pos_to_raw(segments, end, True, raw_len, starts))


def _slice_segments(segments: Sequence[Segment], starts: list[int], a: int, b: int,
                    shift: int) -> list[Segment]:
    """The part of the map covering clean [a, b), moved by shift."""
    out: list[Segment] = []
    if a >= b:
        return out
    i = max(bisect_right(starts, a) - 1, 0)
    while i < len(segments) and segments[i].clean_start < b:
        seg = segments[i]
        lo, hi = max(seg.clean_start, a), min(seg.clean_end, b)
        if lo < hi:
            if seg.copied:
                r0 = seg.raw_start + (lo - seg.clean_start)
                out.append(Segment(lo + shift, hi + shift, r0, r0 + (hi - lo), True))
            else:
                out.append(Segment(lo + shift, hi + shift, seg.raw_start, seg.raw_end, False))
        i += 1
    return out


def apply(text: str, segments: tuple[Segment, ...], raw: str, proposals: Iterable[Proposal],
          ) -> tuple[str, tuple[Segment, ...], list[Edit]]:
    """Apply non-overlapping edits (sorted here; overlapping later ones are dropped)."""
    ordered = sorted(proposals, key=lambda p: (p[0], p[1]))
    if not ordered:
        return text, segments, []
    starts = _starts(segments)
    pieces: list[str] = []
    new_segs: list[Segment] = []
    edits: list[Edit] = []
    pos = 0
    out_len = 0
    for start, end, repl, kind in ordered:
        if start < pos or start > end:
            continue
        keep = text[pos:start]
        pieces.append(keep)
        new_segs.extend(_slice_segments(segments, starts, pos, start, out_len - pos))
        out_len += len(keep)
        r0 = clean_pos_to_raw(segments, start, False, len(raw), starts)
        r1 = clean_pos_to_raw(segments, end, True, len(raw), starts) if end > start else r0
        if repl and len(repl) == end - start:
            # a character-for-character substitution (１２ -> 12, 國 -> 国) keeps the exact map
            new_segs.extend(_slice_segments(segments, starts, start, end, out_len - start))
        elif repl:
            new_segs.append(Segment(out_len, out_len + len(repl), r0, r1, False))
        pieces.append(repl)
        out_len += len(repl)
        edits.append(Edit(kind, r0, r1, raw[r0:r1], repl))
        pos = end
    tail = text[pos:]
    pieces.append(tail)
    new_segs.extend(_slice_segments(segments, starts, pos, len(text), out_len - pos))
    return "".join(pieces), tuple(new_segs), edits
