from __future__ import annotations

import pytest

from govreport.gazetteer import Gazetteer, default_gazetteer


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return default_gazetteer()


def test_an_autonomous_division_by_the_short_name_its_pages_use(gaz: Gazetteer) -> None:
    # 沧源县 for 沧源佤族自治县, 湘西州 for 湘西土家族苗族自治州, with or without the city before it
    assert [c.adcode for c in gaz.resolve("沧源县", 2024)] == ["530927"]
    assert [c.adcode for c in gaz.resolve("临沧市沧源县", 2024)] == ["530927"]
    assert [c.name for c in gaz.resolve("湘西州", 2024)] == ["湘西土家族苗族自治州"]
    assert [c.name for c in gaz.resolve("长阳县", 2024)] == ["长阳土家族自治县"]
    assert gaz.resolve("沧源", 2024) == ()  # a stem alone is a mention, never a name that resolves


def test_a_short_name_is_written_in_text_as_a_full_one(gaz: Gazetteer) -> None:
    found = [(m.name, m.full) for m in gaz.mentions("我代表新晃县人民政府", 2020)]
    assert found == [("新晃县", True)]
