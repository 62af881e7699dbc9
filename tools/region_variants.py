"""Write src/govreport/data/region_variants.toml: region names as a traditional-script mirror
writes them once converted back to simplified (OpenCC s2t, then t2s), where that differs from the
name itself (浚县 -> 濬縣 -> 濬县). The gazetteer knows a region by those spellings too.

    python tools/region_variants.py
"""

from __future__ import annotations

from pathlib import Path

import opencc

from govreport.gazetteer import default_gazetteer

OUT = Path(__file__).resolve().parents[1] / "src" / "govreport" / "data" / "region_variants.toml"


def main() -> None:
    gazetteer = default_gazetteer()
    names: set[str] = set()
    for year in range(gazetteer.first_year, gazetteer.last_year + 1):
        for row in gazetteer.table.rows(year):
            names.update(n for n in row[:3] if n)
    s2t, t2s = opencc.OpenCC("s2t"), opencc.OpenCC("t2s")
    variants = {}
    for name in sorted(names):
        back = str(t2s.convert(s2t.convert(name)))
        if back != name:
            variants[back] = name
    lines = ["# region names as a traditional-script mirror spells them once converted back to simplified",
             "# (OpenCC s2t then t2s), and the name they stand for; made by tools/region_variants.py from "
             f"{gazetteer.source}",
             "[variants]"]
    lines += [f'"{spelt}" = "{name}"' for spelt, name in sorted(variants.items())]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(variants)} variant spellings -> {OUT}")


if __name__ == "__main__":
    main()
