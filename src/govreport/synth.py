"""Synthetic reports with their truth (`govreport synth --n N --out DIR [--seed S]`): N varied
work reports of real counties and prefectures (names from the division table as it stood in
each year), written from templates and phrasing variants of our own, with the noise of real
copies (site chrome, page markers, spaced names), and their gold facts and metadata in the
`../shared/spec/facts.md` format (DIR/gold.json, `doc` paths relative to DIR). They feed the scale
benchmark and property tests of the extractor: what was generated must be recovered."""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from govreport import lang
from govreport.gazetteer import Gazetteer, default_gazetteer
from govreport.numbers import chinese_numeral, spelled_year

SURNAMES = "".join(sorted(lang.SURNAMES))  # sorted: the same seed gives the same reports
GIVEN = "志伟建国海涛丽娟明华文军晓东红梅新春永刚立平玉兰德胜光辉秀英国庆"
MONTHS_DAYS = [(1, d) for d in range(5, 29)] + [(2, d) for d in range(1, 20)]


@dataclass
class _Doc:
    """A report being written: its text so far and the facts stated in it."""

    lines: list[str] = field(default_factory=list)
    facts: list[dict[str, Any]] = field(default_factory=list)

    def add(self, line: str) -> None:
        self.lines.append(line)

    @property
    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def _fact(indicator: str, measure: str, kind: str, period: int, value: float | None, unit: str | None,
          quote: str, qualifier: str | None = None, scope: str | None = None) -> dict[str, Any]:
    return {"indicator": indicator, "measure": measure, "kind": kind, "period": period, "value": value,
            "value_max": None, "unit": unit, "qualifier": qualifier, "scope": scope, "quote": quote}


def _num(rng: random.Random, lo: float, hi: float, digits: int = 1) -> float:
    return round(rng.uniform(lo, hi), digits)


def _fmt(v: float) -> str:
    return f"{v:g}"


# each review statement: (indicator, a function writing its clause and facts)
Review = Callable[[random.Random, str, int, str], tuple[str, list[dict[str, Any]]]]


def _gdp(rng: random.Random, whole: str, year: int, kind: str) -> tuple[str, list[dict[str, Any]]]:
    level, growth = _num(rng, 80, 900), _num(rng, 1.5, 9.5)
    name = rng.choice(["地区生产总值", f"{whole}地区生产总值", "生产总值"])
    verb = rng.choice(["", "完成", "实现", "达到"])
    link = rng.choice(["，增长", "，同比增长", "，比上年增长", "、增长", "，按可比价格计算，增长"])
    quote_level = f"{name}{verb}{_fmt(level)}亿元"
    clause = f"{quote_level}{link}{_fmt(growth)}%"
    return clause, [_fact("gdp", "level", kind, year, level, "亿元", quote_level),
                    _fact("gdp", "growth", kind, year, growth, "%", clause)]


def _simple(indicator: str, names: list[str], unit: str, lo: float, hi: float, growth: tuple[float, float],
            ) -> Review:
    def write(rng: random.Random, whole: str, year: int, kind: str) -> tuple[str, list[dict[str, Any]]]:
        name = rng.choice(names)
        level, g = _num(rng, lo, hi, 2 if hi < 100 else 1), _num(rng, *growth)
        falls = g < 0
        quote_level = f"{name}{rng.choice(['', '完成', '达到'])}{_fmt(level)}{unit}"
        clause = f"{quote_level}，{'下降' if falls else rng.choice(['增长', '同比增长'])}{_fmt(abs(g))}%"
        return clause, [_fact(indicator, "level", kind, year, level, unit, quote_level),
                        _fact(indicator, "growth", kind, year, g, "%", clause)]
    return write


def _income(rng: random.Random, whole: str, year: int, kind: str) -> tuple[str, list[dict[str, Any]]]:
    urban, rural = float(rng.randrange(28000, 56000, 10)), float(rng.randrange(12000, 30000, 10))
    gu, gr = _num(rng, 3, 7), _num(rng, 5, 9)
    names = "城乡居民人均可支配收入" if year >= 2014 else "城镇居民人均可支配收入和农村居民人均纯收入"
    clause = f"{names}分别达到{_fmt(urban)}元、{_fmt(rural)}元，分别增长{_fmt(gu)}%和{_fmt(gr)}%"
    levels = clause[:clause.index("，")]
    return clause, [_fact("disposable_income", "level", kind, year, urban, "元", levels, scope="urban"),
                    _fact("disposable_income", "level", kind, year, rural, "元", levels, scope="rural"),
                    _fact("disposable_income", "growth", kind, year, gu, "%", clause, scope="urban"),
                    _fact("disposable_income", "growth", kind, year, gr, "%", clause, scope="rural")]


def _jobs(rng: random.Random, whole: str, year: int, kind: str) -> tuple[str, list[dict[str, Any]]]:
    jobs, rate = float(rng.randrange(1200, 9000, 10)), _num(rng, 2.5, 4.2)
    quote_jobs = f"城镇新增就业{_fmt(jobs)}人"
    quote_rate = f"城镇登记失业率{_fmt(rate)}%"
    return f"{quote_jobs}，{quote_rate}", [_fact("new_urban_jobs", "level", kind, year, jobs, "人", quote_jobs),
                                           _fact("unemployment_registered", "rate", kind, year, rate, "%",
                                                 quote_rate)]


def _growth_only(indicator: str, names: list[str], lo: float, hi: float) -> Review:
    def write(rng: random.Random, whole: str, year: int, kind: str) -> tuple[str, list[dict[str, Any]]]:
        g = _num(rng, lo, hi)
        verb = "下降" if g < 0 else rng.choice(["增长", "同比增长", "增速达到"])
        clause = f"{rng.choice(names)}{verb}{_fmt(abs(g))}%"
        return clause, [_fact(indicator, "growth", kind, year, g, "%", clause)]
    return write


def _rate(indicator: str, name: str, lo: float, hi: float) -> Review:
    def write(rng: random.Random, whole: str, year: int, kind: str) -> tuple[str, list[dict[str, Any]]]:
        r = _num(rng, lo, hi)
        clause = f"{name}{rng.choice(['', '达到', '提高到'])}{_fmt(r)}%"
        return clause, [_fact(indicator, "rate", kind, year, r, "%", clause)]
    return write


def _prices(rng: random.Random, whole: str, year: int, kind: str) -> tuple[str, list[dict[str, Any]]]:
    c = _num(rng, 0.5, 3.5)
    clause = f"居民消费价格{rng.choice(['上涨', '涨幅'])}{_fmt(c)}%"
    return clause, [_fact("cpi", "growth", kind, year, c, "%", clause)]


def _grain(rng: random.Random, whole: str, year: int, kind: str) -> tuple[str, list[dict[str, Any]]]:
    t = _num(rng, 8, 120)
    clause = f"粮食总产量{rng.choice(['', '达到', '稳定在'])}{_fmt(t)}万吨"
    return clause, [_fact("grain_output", "level", kind, year, t, "万吨", clause)]


REVIEWS: list[Review] = [
    _growth_only("industrial_value_added", ["规模以上工业增加值", "规上工业增加值"], -3, 14),
    _simple("foreign_trade", ["外贸进出口总额", "进出口总额"], "亿元", 5, 300, (-8, 20)),
    _rate("urbanization_rate", "常住人口城镇化率", 35, 78),
    _prices, _grain,
    _simple("public_budget_revenue", ["一般公共预算收入", "地方一般公共预算收入"], "亿元", 3, 60, (-4, 12)),
    _simple("fixed_asset_investment", ["固定资产投资", "全社会固定资产投资"], "亿元", 40, 600, (-6, 15)),
    _simple("retail_sales", ["社会消费品零售总额"], "亿元", 20, 400, (2, 12)),
    _income, _jobs,
]


def _targets(rng: random.Random, year: int) -> tuple[list[str], list[dict[str, Any]]]:
    parts, facts = [], []
    g = rng.choice([5, 5.5, 6, 6.5, 7, 7.5, 8])
    shape = rng.random()
    if shape < 0.15:  # a range: 5%—5.5%, 5-5.5%
        top = g + 0.5
        text = rng.choice([f"地区生产总值增长{_fmt(g)}%—{_fmt(top)}%", f"地区生产总值增长{_fmt(g)}-{_fmt(top)}%"])
        fact = _fact("gdp", "growth", "target", year, g, "%", text)
        fact["value_max"] = top
    elif shape < 0.3:  # a goal and what is striven for beyond it
        text = f"地区生产总值增长{_fmt(g)}%以上，力争{_fmt(g + 1)}%"
        fact = _fact("gdp", "growth", "target", year, g, "%", text[:text.index("，")], qualifier="以上")
    else:
        q = rng.choice(["左右", "以上", None])
        text = f"地区生产总值增长{_fmt(g)}%{q or ''}"
        fact = _fact("gdp", "growth", "target", year, g, "%", text, qualifier=q)
    parts.append(text)
    facts.append(fact)
    r = rng.choice([3, 4, 5, 6, 7])
    text = f"一般公共预算收入增长{r}%"
    parts.append(text)
    facts.append(_fact("public_budget_revenue", "growth", "target", year, r, "%", text))
    if rng.random() < 0.7:
        text = "居民消费价格涨幅3%左右"
        parts.append(text)
        facts.append(_fact("cpi", "growth", "target", year, 3, "%", text, qualifier="左右"))
    if rng.random() < 0.6:
        u = rng.choice([4.5, 5, 5.5])
        text = f"城镇调查失业率控制在{_fmt(u)}%以内"
        parts.append(text)
        facts.append(_fact("unemployment_surveyed", "rate", "target", year, u, "%", text, qualifier="以内"))
    if rng.random() < 0.6:
        i = rng.choice([6, 7, 8, 9, 10])
        text = f"固定资产投资增长{i}%"
        parts.append(text)
        facts.append(_fact("fixed_asset_investment", "growth", "target", year, i, "%", text))
    return parts, facts


def _region(rng: random.Random, gazetteer: Gazetteer, year: int) -> Any:
    """A county or prefecture whose name is its own in that year (one division of that name)."""
    table_year = min(max(year, gazetteer.first_year), gazetteer.last_year)  # the nearest year the table has
    rows = [r for r in gazetteer.table.rows(table_year) if r[2] and r[5]]
    for _ in range(200):
        _prov, city, county, _pc, _cc, _kc = rng.choice(rows)
        name = county if rng.random() < 0.75 else city
        if len(name) < 2 or name.endswith("地区") or name[-1] not in _TITLES:
            continue  # 地区 and 盟 are led by a 专员 or a 盟长 …: the templates write the other kinds
        found = gazetteer.resolve(name, year)
        if len(found) == 1:
            return found[0]
    raise RuntimeError(f"no unambiguous region found for {year}")


_TITLES = {"县": "县长", "区": "区长", "市": "市长", "州": "州长", "旗": "旗长"}


def make_report(rng: random.Random, gazetteer: Gazetteer, doc: str) -> tuple[str, dict[str, Any]]:
    year = rng.randrange(2008, 2026)
    region = _region(rng, gazetteer, year)
    suffix = region.name[-1]
    whole = "全" + (suffix if suffix in "县区市州旗盟" else "市")
    title = _TITLES.get(suffix, "市长")
    month, day = rng.choice(MONTHS_DAYS)
    session, meeting = rng.randrange(14, 20), rng.randrange(1, 6)
    congress = f"第{chinese_numeral(session)}届人民代表大会第{chinese_numeral(meeting)}次会议"
    speaker = rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, rng.choice([1, 2])))
    d = _Doc()
    if rng.random() < 0.3:
        _digest(rng, d, region, year, (month, day), congress, speaker, title, whole)
    elif rng.random() < 0.15:
        # a December report: delivered in the year it reviews (estimates), with the next year's targets
        month, day = 12, rng.randrange(15, 31)
        _full_report(rng, d, region, year, (month, day), congress, speaker, title, whole, reviewed=year)
    else:
        _full_report(rng, d, region, year, (month, day), congress, speaker, title, whole)
    text = _noisy(rng, d.text)
    meta = {"region": region.name, "level": region.level, "adcode": region.adcode, "province": region.province,
            "report_year": year, "meeting_date": f"{year}-{month:02}-{day:02}", "congress": congress,
            "speaker": speaker, "speaker_title": title}
    kinds = sorted({f["kind"] for f in d.facts})
    return text, {"doc": doc, "meta": meta, "kinds_covered": kinds, "facts": d.facts}


def _full_report(rng: random.Random, d: _Doc, region: Any, year: int, date: tuple[int, int], congress: str,
                 speaker: str, title: str, whole: str, reviewed: int | None = None) -> None:
    """The report itself, as a government site or a newspaper page carries it. reviewed: the year
    its review is of (the year before, or in a December report its own year, as estimates)."""
    month, day = date
    december = reviewed is not None
    reviewed = year - 1 if reviewed is None else reviewed
    target_year = reviewed + 1
    if rng.random() < 0.4:  # a page's chrome before the text
        d.add(f"首页 > 政务公开 > {region.name}政府工作报告")
        d.add(f"发布时间：{year}-{month:02}-{min(day + 3, 28):02} 来源：{region.name}人民政府办公室")
    d.add("政府工作报告")
    when = (f"{year}年{month}月{day}日" if rng.random() < 0.8
            else f"{spelled_year(year)}年{chinese_numeral(month)}月{chinese_numeral(day)}日")
    d.add(f"——{when}在{region.name}{congress}上")
    shown = " ".join(speaker) if rng.random() < 0.3 else speaker  # web copies space out names
    d.add(rng.choice([f"{region.name}人民政府{title} {shown}", f"{title} {shown}", f"{region.name}{title}  {shown}"]))
    d.add("各位代表：")
    d.add(f"现在，我代表{region.name}人民政府，向大会报告工作，请予审议，并请各位政协委员和其他列席人员提出意见。")
    headings = [f"一、{reviewed}年工作回顾"] + ([] if december else ["一、过去一年工作回顾"])
    d.add(rng.choice(headings))
    estimate = december or rng.random() < 0.25
    kind = "estimate" if estimate else "actual"
    clauses = []
    for write in [_gdp, *rng.sample(REVIEWS, rng.randrange(2, len(REVIEWS) + 1))]:
        clause, facts = write(rng, whole, reviewed, kind)
        clauses.append(clause)
        d.facts.extend(facts)
    opening = f"{reviewed}年，{whole}上下团结奋进，经济运行稳中向好。" + ("预计" if estimate else "全年")
    d.add(opening + "；".join(clauses) + "。")
    if rng.random() < 0.3:
        d.add(f"- {rng.randrange(2, 9)} -")  # a page number of a document-sharing copy
    d.add(rng.choice([f"二、{target_year}年工作安排", f"二、{target_year}年主要目标任务"]))
    parts, targets = _targets(rng, target_year)
    d.add(f"{target_year}年{whole}经济社会发展的主要预期目标是：" + "；".join(parts) + "。")
    d.facts.extend(targets)
    d.add("各位代表，让我们团结一心，开拓进取，为实现今年目标任务而努力奋斗！")
    if rng.random() < 0.4:
        d.add(f"版权所有：{region.name}人民政府  技术支持：某某网络")


def _digest(rng: random.Random, d: _Doc, region: Any, year: int, date: tuple[int, int], congress: str,
            speaker: str, title: str, whole: str) -> None:
    """A news digest of the report: the lede names the meeting and who delivered the report, the
    body quotes last year's results and this year's targets."""
    month, day = date
    d.add(f"{region.name}{rng.choice(['两会', '人代会'])}隆重开幕")
    d.add(f"{month}月{day}日上午，{region.name}{congress}在{region.name}会堂隆重开幕。")
    who = rng.choice([f"{title}{speaker}", f"{title[0]}委副书记、{title}{speaker}"])
    d.add(rng.choice([f"{who}代表{region.name}人民政府向大会作政府工作报告。", f"{who}作政府工作报告。"]))
    kind = "estimate" if rng.random() < 0.3 else "actual"
    clauses = []
    for write in [_gdp, *rng.sample(REVIEWS, 2)]:
        clause, facts = write(rng, whole, year - 1, kind)
        clauses.append(clause)
        d.facts.extend(facts)
    d.add(f"报告指出，{year - 1}年，" + ("预计" if kind == "estimate" else "") + "；".join(clauses) + "。")
    parts, targets = _targets(rng, year)
    d.add(f"报告提出，{year}年{whole}经济社会发展的主要预期目标是：" + "；".join(parts) + "。")
    d.facts.extend(targets)
    d.add(f"（记者 {rng.choice(SURNAMES)}{rng.choice(GIVEN)}{rng.choice(GIVEN)}）")


_FULL_WIDTH = str.maketrans("0123456789.%", "０１２３４５６７８９．％")


# toned syllables a glossed page puts after characters (經(jīng)濟): which goes after which does not
# matter to a reader of the text, only that they are glosses
_SYLLABLES = ("jīng", "jì", "huì", "bào", "gào", "zhǎng", "fā", "zhǎn", "shè", "huì", "shēng", "chǎn")
_ASCII_PUNCTUATION = str.maketrans({"，": ",", "；": ";", "：": ":", "。": ".", "“": "\"", "”": "\""})
WRAP_WIDTH = 38  # a page's width in characters, where a copy that kept its lines breaks them


def in_traditional(text: str, rng: random.Random) -> str:
    """A mirror that converts a page to traditional script."""
    import opencc

    return str(opencc.OpenCC("s2t").convert(text))


def with_glosses(text: str, rng: random.Random) -> str:
    """A mirror in traditional script with a toned syllable after most characters it converted
    (經(jīng)濟發(fā)展)."""
    converted = in_traditional(text, rng)
    if len(converted) != len(text):
        return converted
    return "".join(f"{c}({rng.choice(_SYLLABLES)})" if c != o and rng.random() < 0.8 else c
                   for c, o in zip(converted, text, strict=True))


def with_full_width_digits(text: str, rng: random.Random) -> str:
    return text.translate(_FULL_WIDTH)


def with_ascii_punctuation(text: str, rng: random.Random) -> str:
    return text.translate(_ASCII_PUNCTUATION)


def with_wrapped_lines(text: str, rng: random.Random) -> str:
    """A copy that kept a page's line breaks: every long line cut at the page's width."""
    return "\n".join(line if len(line) < 60 else "\n".join(line[i:i + WRAP_WIDTH]
                                                            for i in range(0, len(line), WRAP_WIDTH))
                     for line in text.split("\n"))


def in_one_line(text: str, rng: random.Random) -> str:
    """A doc site's copy that lost every line break."""
    return text.replace("\r", "").replace("\n", "")


def in_one_line_stamped(text: str, rng: random.Random) -> str:
    """A copying site's page that ran its lines together, its stamp and three spaces left where each
    line ended (…县长 某某C6m   各位代表：C6m   现在，…)."""
    stamp = rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") + str(rng.randrange(10)) + rng.choice("abcdefghjkmnpqrstuvwxyz")
    return text.replace("\r", "").replace("\n", stamp + "   ")


PAGE_CHARS = 700  # the characters of a page in with_page_cuts


def with_page_cuts(text: str, rng: random.Random) -> str:
    """A PDF's copy that cuts its pages wherever they end, mid-word or mid-number, with the page's
    number at the end of its last line and a blank line after it (…城镇登记失 3⏎⏎业率…)."""
    pages = [text[i:i + PAGE_CHARS] for i in range(0, len(text), PAGE_CHARS)]
    return "".join(page + (f" {k}\n\n" if k < len(pages) else "") for k, page in enumerate(pages, 1))


def with_care_of_signs(text: str, rng: random.Random) -> str:
    return text.replace("%", "℅")  # the care-of sign typed for per cent


_DECIMAL_POINT = re.compile(r"(?<=\d)\.(?=\d)")


def with_spaced_decimals(text: str, rng: random.Random) -> str:
    """A typeset copy that sets the decimal point apart (6 . 5%)."""
    return _DECIMAL_POINT.sub(" . ", text)


def without_quote_marks(text: str, rng: random.Random) -> str:
    """A copy that lost its quote marks (十四五时期)."""
    return text.replace("“", "").replace("”", "")


def with_blank_lines(text: str, rng: random.Random) -> str:
    """A forum's repost: a blank line after every line."""
    return text.replace("\n", "\n\n")


def with_letter_spacing(text: str, rng: random.Random) -> str:
    """A PDF viewer's copy of a letter-spaced page: a space after every character of some lines."""
    return "\n".join(" ".join(line) if rng.random() < 0.3 else line for line in text.split("\n"))


def in_spaced_pdf_lines(text: str, rng: random.Random) -> str:
    """A PDF viewer's copy of a letter-spaced page that keeps the page's lines: every line spaced,
    then cut at the page's width."""
    return with_wrapped_lines("\n".join(" ".join(line) for line in text.split("\n")), rng)


def with_entity_indents(text: str, rng: random.Random) -> str:
    """A copy of a page's source: every line set in by &nbsp; entities."""
    return text.replace("\n", "\n&nbsp;&nbsp;")


def with_indents(text: str, rng: random.Random) -> str:
    """Every line set in by two ideographic spaces."""
    return text.replace("\n", "\n\u3000\u3000")


_MARK = re.compile("[，；。]")


def with_doubled_commas(text: str, rng: random.Random) -> str:
    """A mirror that puts commas after some marks (明显，,,增加值)."""
    return _MARK.sub(lambda m: m.group() + (",," if rng.random() < 0.3 else ""), text)


def with_random_breaks(text: str, rng: random.Random) -> str:
    """A repost that broke lines anywhere (inside words, numbers and headings): after 1 in 100 characters."""
    return "".join(c + "\n" if c != "\n" and rng.random() < 0.01 else c for c in text)


def with_page_headers(text: str, rng: random.Random) -> str:
    """A PDF's copy of an official document: every 20 lines, the page's number and running header."""
    lines = text.split("\n")
    return "\n".join(line + (f"\n- {i // 20 + 1} -\n某某县人民政府文件" if i % 20 == 19 else "")
                     for i, line in enumerate(lines))


_INNER_ZERO = re.compile(r"(?<=\d)0(?=\d)")


def with_ocr_zeros(text: str, rng: random.Random) -> str:
    """An OCR copy that reads some zeros inside numbers as the letter O (2O19年, 1O.5%)."""
    return _INNER_ZERO.sub(lambda m: "O" if rng.random() < 0.2 else "0", text)


# what copying does to a report, each alone: the noise gate (tests/test_corpus.py) reads the dev
# sets through each of them
NOISES: dict[str, Callable[[str, random.Random], str]] = {
    "traditional": in_traditional, "glosses": with_glosses, "full_width": with_full_width_digits,
    "ascii_punctuation": with_ascii_punctuation, "wrapped": with_wrapped_lines, "one_line": in_one_line,
    "one_line_stamped": in_one_line_stamped, "page_cuts": with_page_cuts,
    "care_of": with_care_of_signs, "spaced_decimals": with_spaced_decimals, "no_quotes": without_quote_marks,
    "blank_lines": with_blank_lines, "letter_spaced": with_letter_spacing, "entity_indents": with_entity_indents,
    "indents": with_indents, "doubled_commas": with_doubled_commas, "ocr_zeros": with_ocr_zeros,
    "page_headers": with_page_headers, "random_breaks": with_random_breaks, "spaced_pdf_lines": in_spaced_pdf_lines,
}


def _noisy(rng: random.Random, text: str) -> str:
    """What copying does to a report: a mirror in traditional script (some with pinyin glosses),
    full-width digits, ASCII punctuation, lines broken inside sentences."""
    if rng.random() < 0.1:
        text = with_wrapped_lines(text, rng)
    if rng.random() < 0.15:
        text = with_glosses(text, rng) if rng.random() < 0.4 else in_traditional(text, rng)
    if rng.random() < 0.1:
        text = with_full_width_digits(text, rng)
    if rng.random() < 0.1:
        text = with_ascii_punctuation(text, rng)
    if rng.random() < 0.05:
        text = with_care_of_signs(text, rng)
    if rng.random() < 0.05:
        text = text.replace("——", "?D?D")  # the dash read in the wrong encoding
    if rng.random() < 0.1:  # a newspaper page's caption and jump line
        lines = text.split("\n")
        lines.insert(1, f"图为会议现场。 记者 {rng.choice(SURNAMES)}{rng.choice(GIVEN)} 摄")
        text = "\n".join(lines)
    return text


def synthesize(n: int, out: Path, seed: int = 0, gazetteer: Gazetteer | None = None) -> Path:
    """Write n reports into out/ (0001.txt …) and their truth into out/gold.json; returns its path."""
    rng = random.Random(seed)
    gaz = gazetteer or default_gazetteer()
    out.mkdir(parents=True, exist_ok=True)
    gold = []
    for i in range(1, n + 1):
        doc = f"{i:05}.txt"
        text, truth = make_report(rng, gaz, doc)
        (out / doc).write_text(text, encoding="utf-8")
        gold.append(truth)
    path = out / "gold.json"
    path.write_text(json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8")
    return path
