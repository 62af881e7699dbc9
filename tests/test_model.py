from __future__ import annotations

import dataclasses

import pytest

from govreport.model import Edit, Fact, Figure, Section, one_call_init


def test_one_call_init_keeps_a_frozen_dataclass_s_signature_and_behaviour() -> None:
    args = ("新建高标准农田", 4.48, None, "万亩", None, "新建高标准农田4.48万亩", 10, 24)
    by_position = Figure(*args)
    by_name = Figure(**dict(zip([f.name for f in dataclasses.fields(Figure)], args, strict=False)))
    assert by_position == by_name and by_position.section is None  # the default applies
    assert vars(by_position) == {**dict(zip([f.name for f in dataclasses.fields(Figure)], args, strict=False)),
                                 "section": None}
    assert dataclasses.replace(by_position, value=5.0).value == 5.0
    assert dataclasses.asdict(Figure(*args, section=3))["section"] == 3
    with pytest.raises(dataclasses.FrozenInstanceError):
        by_position.value = 1.0  # type: ignore[misc]
    with pytest.raises(TypeError):
        Figure(*args[:3])  # type: ignore[call-arg]
    assert hash(Edit("width", 0, 1, "１", "1")) == hash(Edit("width", 0, 1, "１", "1"))
    assert Section(0, None, 1, "一、", "回顾", "review", 2024, 0, 10, 5).kind == "review"
    assert Fact("gdp", "growth", "target", 2026, 5.0, None, "%", "左右", None, "q", 0, 1).section is None


def test_one_call_init_refuses_what_it_cannot_keep() -> None:
    @dataclasses.dataclass(frozen=True)
    class WithFactory:
        items: list[int] = dataclasses.field(default_factory=list)

    with pytest.raises(TypeError, match="plain fields"):
        one_call_init(WithFactory)

    @dataclasses.dataclass(frozen=True)
    class WithPostInit:
        x: int

        def __post_init__(self) -> None:
            pass

    with pytest.raises(TypeError, match="__post_init__"):
        one_call_init(WithPostInit)
