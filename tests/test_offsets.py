from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from govreport import offsets


def test_apply_maps_clean_spans_back_to_raw() -> None:
    raw = "ab12cd"
    text, segs, edits = offsets.apply(raw, (), raw, [(2, 4, "", "cut")])
    assert text == "abcd"
    assert offsets.clean_span_to_raw(segs, 2, 4, len(raw)) == (4, 6)
    assert edits[0].raw == "12"


def test_composed_passes_keep_the_map() -> None:
    raw = "x IL9万户 y"
    t1, s1, _ = offsets.apply(raw, (), raw, [(2, 5, "11.9", "ocr")])
    t2, s2, e2 = offsets.apply(t1, s1, raw, [(0, 2, "", "trim")])
    assert t2 == "11.9万户 y"
    start, end = offsets.clean_span_to_raw(s2, 0, 6, len(raw))
    assert raw[start:end] == "IL9万户"
    assert e2[0].raw == "x "


@given(st.text(alphabet="abc中文12\n", min_size=1, max_size=40), st.data())
def test_untouched_characters_map_to_themselves(raw: str, data: st.DataObject) -> None:
    a = data.draw(st.integers(0, len(raw)))
    b = data.draw(st.integers(a, len(raw)))
    repl = data.draw(st.text(alphabet="XY", max_size=3))
    text, segs, _ = offsets.apply(raw, (), raw, [(a, b, repl, "e")])
    assert text == raw[:a] + repl + raw[b:]
    for i in range(a):
        assert offsets.clean_span_to_raw(segs, i, i + 1, len(raw)) == (i, i + 1)
    shift = len(repl) - (b - a)
    for i in range(b, len(raw)):
        assert offsets.clean_span_to_raw(segs, i + shift, i + shift + 1, len(raw)) == (i, i + 1)


def _edits(data: st.DataObject, text: str) -> list[offsets.Proposal]:
    cuts = sorted(data.draw(st.lists(st.integers(0, len(text)), max_size=6)))
    pairs = list(zip(cuts[::2], cuts[1::2], strict=False))
    return [(a, b, data.draw(st.text(alphabet="XY", max_size=3)), "e") for a, b in pairs]


@given(st.text(alphabet="abc中文12\n", min_size=1, max_size=40), st.data())
def test_copied_characters_map_back_through_several_passes(raw: str, data: st.DataObject) -> None:
    # a reference map, one origin per character: its raw index, or None where a pass wrote it
    origin: list[int | None] = list(range(len(raw)))
    text, layers = raw, ()
    for _ in range(3):
        proposals = _edits(data, text)
        text, layers, edits = offsets.apply(text, layers, raw, proposals)
        for proposal, edit in zip(proposals, edits, strict=True):
            assert raw[edit.raw_start:edit.raw_end] == edit.raw
            assert edit.replacement == proposal[2]
        new_origin: list[int | None] = []
        pos = 0
        for a, b, repl, _ in proposals:
            new_origin += origin[pos:a]
            new_origin += origin[a:b] if len(repl) == b - a else [None] * len(repl)
            pos = b
        origin = new_origin + origin[pos:]
    assert len(origin) == len(text)
    for i, o in enumerate(origin):
        if o is not None:
            assert offsets.clean_span_to_raw(layers, i, i + 1, len(raw)) == (o, o + 1)
