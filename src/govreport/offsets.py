"""The offset map between clean and raw text, kept as one layer of edits per cleaning pass.

Cleaning is a chain of passes; each pass proposes edits on the text it sees. A pass that edits
adds a layer (where each edit sat in its input and where it landed in its output); a position
is mapped back by walking down the layers, a binary search each. Building the map costs
O(edits), not O(text) or O(segments x passes), which keeps cleaning a long report cheap.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from operator import itemgetter

from govreport.model import Edit, Layer

# (start, end, replacement, kind) on the text a pass sees
Proposal = tuple[int, int, str, str]


def _down(layer: Layer, pos: int, at_end: bool) -> int:
    """A position in a layer's output -> the position in its input."""
    # an end offset belongs to the stretch it closes, so it looks at edits starting before it
    i = (bisect_left(layer.out_starts, pos) if at_end else bisect_right(layer.out_starts, pos)) - 1
    if i < 0:
        return pos
    out_start, out_end = layer.out_starts[i], layer.out_ends[i]
    if pos >= out_end:
        return layer.ends[i] + (pos - out_end)
    start, end = layer.starts[i], layer.ends[i]
    if end - start == out_end - out_start:  # character-for-character (１２ -> 12, 國 -> 国): exact
        return start + (pos - out_start)
    return end if at_end else start


def clean_pos_to_raw(layers: Sequence[Layer], pos: int, at_end: bool, raw_len: int) -> int:
    for layer in reversed(layers):
        pos = _down(layer, pos, at_end)
    return min(pos, raw_len)


def clean_span_to_raw(layers: Sequence[Layer], start: int, end: int, raw_len: int) -> tuple[int, int]:
    return clean_pos_to_raw(layers, start, False, raw_len), clean_pos_to_raw(layers, end, True, raw_len)


_SPAN = itemgetter(0, 1)


def apply(text: str, layers: tuple[Layer, ...], raw: str, proposals: Iterable[Proposal],
          ) -> tuple[str, tuple[Layer, ...], list[Edit]]:
    """Apply non-overlapping edits (sorted here; overlapping later ones are dropped)."""
    ordered = sorted(proposals, key=_SPAN)
    if not ordered:
        return text, layers, []
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    out_starts: list[int] = []
    out_ends: list[int] = []
    edits: list[Edit] = []
    pos = out_len = 0
    raw_len = len(raw)
    for start, end, repl, kind in ordered:
        if start < pos or start > end:
            continue
        pieces.append(text[pos:start])
        out_len += start - pos
        if layers:
            r0 = clean_pos_to_raw(layers, start, False, raw_len)
            r1 = clean_pos_to_raw(layers, end, True, raw_len) if end > start else r0
        else:  # the first pass that edits sees the raw text itself (most edits: full-width forms)
            r0, r1 = min(start, raw_len), min(end, raw_len)
        starts.append(start)
        ends.append(end)
        out_starts.append(out_len)
        pieces.append(repl)
        out_len += len(repl)
        out_ends.append(out_len)
        edits.append(Edit(kind, r0, r1, raw[r0:r1], repl))
        pos = end
    pieces.append(text[pos:])
    layer = Layer(tuple(starts), tuple(ends), tuple(out_starts), tuple(out_ends))
    return "".join(pieces), (*layers, layer), edits
