"""Cleaning: raw report text -> clean text, an offset map back to the raw text, and every edit.

Each pass is a function that looks at the current text and proposes edits; `offsets.apply`
performs them and keeps the map. The patterns come from data/boilerplate.toml.
"""

from __future__ import annotations

import html
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from operator import attrgetter
from typing import Any, NamedTuple

from govreport import lang, lexicon, offsets
from govreport.model import CleanText, Edit, Layer
from govreport.numbers import MULTIPLIER, MULTIPLIERS, UNIT_STARTS
from govreport.regexfirst import (
    branch_literals,
    first_chars,
    literal_alternation,
    required_words,
    with_first_char_guard,
)

TERMINAL = "。！？!?：:；;…”」』）)》】"
_CN = lang.ORDINALS
HEADING_MARK = re.compile(rf"^[ \t\u3000]*(?:{'|'.join(marker for _, marker in lang.HEADING_MARKERS)})")
ORDINAL_HEADING = re.compile(rf"第[{_CN}]+[，,、]")
ORDINAL_HEADING_MAX = 30  # 第三，继续加强和改善宏观调控: the line of an older report's ordinal heading
# the words a bare heading line ends with (2024年工作回顾, a page's title 一图读懂政府工作报告), or
# opens with before its year (回顾2023年工作成果)
HEADING_WORDS = re.compile(
    rf"(?:{lang.HEADING_ENDS})[ \t\u3000]*$"
    r"|^[ \t\u3000]*(?:回顾|展望)(?:19|20)\d\d年")
SPEAKER_LINE = re.compile(
    rf"(?:{lang.TITLE_PATTERN}|书记)[ \t\u3000]*"
    r"(?:[\u4e00-\u9fff](?:[ \t\u3000]?[\u4e00-\u9fff]){1,3}|[\u4e00-\u9fff]{1,8}[·•・．.][\u4e00-\u9fff]{1,10})"
    r"[ \t\u3000]*$")
SALUTATION = re.compile(lang.SALUTATION_PATTERN)
# an office at a line's end, its characters spaced or not (国 务 院 总 理, 县长)
_OFFICE_AT_END = re.compile(
    "(?:" + "|".join("[ \u3000]*".join(title) for title in sorted(lang.TITLES, key=len, reverse=True)) + ")$")

Pass = Callable[[str], Iterator[offsets.Proposal]]


class ChromeLine(NamedTuple):
    pattern: str
    first: frozenset[str] | None  # the few characters every match opens with, or None
    guard: tuple[frozenset[str], ...]  # for the others: one character of each group must be in a text


@dataclass(frozen=True)
class Patterns:
    lines: tuple[ChromeLine, ...]
    opening_lines: re.Pattern[str] | None  # the lines of those opening on a few characters, in one
    tail: re.Pattern[str]
    spam: re.Pattern[str]
    spam_words: tuple[str, ...] | None = None
    meta_word: re.Pattern[str] | None = None  # a page-metadata label before a colon (来源: 发布日期:)
    inline: tuple[tuple[str, re.Pattern[str]], ...] = ()  # (the character it ends with, pattern):
    # chrome removed wherever found, with the brackets around it (（下转第四版）)
    resolution: re.Pattern[str] | None = None  # a congress's resolution reposted before the report
    report_title: re.Pattern[str] | None = None  # where the report itself then begins


@cache
def default_patterns() -> Patterns:
    data = lexicon.load("boilerplate.toml")
    return compile_patterns(data["lines"], data["tail_markers"], data["spam"], data.get("meta_words", ()),
                            data.get("inline", ()), data.get("resolution"), data.get("report_title"))


def compile_patterns(lines: list[str], tails: list[str], spam: list[str], meta_words: Sequence[str] = (),
                     inline: Sequence[str] = (), resolution: str | None = None,
                     report_title: str | None = None) -> Patterns:
    pad = r"[ \t\u3000\u00a0]*"
    # patterns start at the newline before a line (the text is searched with one prepended):
    # a literal first character lets re skip ahead instead of testing ^ everywhere
    spam_pattern = "|".join(spam)
    chrome_lines = tuple(_chrome_line(line) for line in lines)
    return Patterns(
        lines=chrome_lines,
        opening_lines=_opening_lines(chrome_lines),
        # after the newline, the markers' first characters tested before any of them is tried
        tail=re.compile(rf"\n{pad}{with_first_char_guard('|'.join(tails))}{pad}(?=\n|$)"),
        spam=re.compile(with_first_char_guard(spam_pattern)),
        spam_words=_required_words(spam),
        meta_word=re.compile(rf"(?:{literal_alternation(list(meta_words))})[ \t\u3000]*\Z") if meta_words else None,
        inline=tuple((_last_character(pattern), re.compile(pattern)) for pattern in inline),
        resolution=re.compile(resolution) if resolution else None,
        report_title=re.compile(report_title) if report_title else None,
    )


def _required_words(patterns: list[str]) -> tuple[str, ...] | None:
    """Literal words one of which every match must contain, for a cheap test before the regex."""
    words: list[str] = []
    for pattern in patterns:
        found = branch_literals(pattern)
        if not found:
            return None
        words.extend(found)
    return tuple(words)


# --- passes -----------------------------------------------------------------------------------

_WIDE = ("[\uff10-\uff19\uff05\uff0e\uff21-\uff3a\uff41-\uff5a\u200b-\u200d\u2060\ufeff\r\u00b7\u30fb\u2105\ufe6a"
         "\u301d\u301e]")
# X X*, not X+: re skips ahead in C only to a pattern that opens with a plain character class
_FULLWIDTH = re.compile(f"{_WIDE}{_WIDE}*")
_WIDTH_TABLE: dict[int, int | None] = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_WIDTH_TABLE.update({0x200B: None, 0x200C: None, 0x200D: None, 0x2060: None, 0xFEFF: None, 0x0D: None,
                     0xB7: 0x2E, 0x30FB: 0x2E, 0x2105: 0x25, 0xFE6A: 0x25,  # ℅ and ﹪ typed for %
                     0x301D: 0x201C, 0x301E: 0x201D})  # 〝十五〞: the double prime quotes of some fonts
# pictographs (emoji, U+1F000-U+1FAFF, and the selector that asks for one) decorate pages reposted
# from social media (…增长8%。📈): they carry nothing, and at a line's end they hide its full stop
_PICTOGRAPHS = re.compile("[\U0001f000-\U0001faff][\U0001f000-\U0001faff\ufe0f]*")
# a keycap (1️⃣ 2️⃣: a digit, the selector, the enclosing keycap) numbers the items of such a page's
# lists: it becomes a list symbol, so the item is read as one of the list under its introducing line
_KEYCAP_MARK = "\u20e3"
_KEYCAP = re.compile("[0-9#*]\ufe0f?\u20e3")
# CPython keeps a str holding any character past U+FFFF four bytes a character (PEP 393): its size
# tells in constant time whether a text can hold an emoji at all, which most reports do not
_WIDE_STR_BASE = sys.getsizeof("\U0001f000") - 8
# full-width and middle dots are a decimal point only between digits (１４．８％, 14·1％); elsewhere a
# full stop or the dot inside a transliterated name (艾尔肯·吐尼亚孜), left as written
_DOTS = "\uff0e\u00b7\u30fb"
_DOT = re.compile(f"[{_DOTS}]")


def normalize_width(text: str) -> Iterator[offsets.Proposal]:
    """Full-width digits, letters and ％ (and ℅, ﹪ typed for it) to ASCII, a dot between digits to
    '.', double prime quotes (〝〞) to “”, zero-width characters, CR and pictographs out."""
    for m in _FULLWIDTH.finditer(text):
        run = m.group()
        new = run.translate(_WIDTH_TABLE)
        if _DOT.search(run):
            new = "".join(ch if ch in _DOTS and not _between_digits(text, m.start() + i, m.start() + i + 1)
                          else ch.translate(_WIDTH_TABLE) for i, ch in enumerate(run))
        if new != run:
            yield m.start(), m.end(), new, "width"
    if sys.getsizeof(text) == _WIDE_STR_BASE + 4 * (len(text) + 1):
        for m in _PICTOGRAPHS.finditer(text):
            yield m.start(), m.end(), "", "pictograph"
    if _KEYCAP_MARK in text:
        for m in _KEYCAP.finditer(text):
            yield m.start(), m.end(), lang.LIST_SYMBOLS[0], "pictograph"


def join_decimal_dots(text: str) -> Iterator[offsets.Proposal]:
    """A full-width dot that came to stand between digits once the marks between were removed
    (资金4 ⏎5、．3亿元 in a document site's copy, its page marker gone): a decimal point."""
    for dot in _DOTS:
        i = text.find(dot)
        while i >= 0:
            if text[i - 1:i].isdigit() and text[i + 1:i + 2].isdigit():
                yield i, i + 1, ".", "width"
            i = text.find(dot, i + 1)


DOT_GAP_MAX = 6  # the spaces and a break that may stand between a decimal dot and its digits


def _between_digits(text: str, start: int, end: int) -> bool:
    """Digits on both sides, spaces and a line break aside (8 ．8% in typeset copies, 115．⏎6亿元 in a
    copy that kept its lines, ６ ⏎  ．   ５ in a letter-spaced one: join_number_spaces and
    join_broken_lines close the gap)."""
    before = text[max(0, start - DOT_GAP_MAX):start].rstrip(" \u3000\n")
    after = text[end:end + DOT_GAP_MAX].lstrip(" \u3000\n")
    return before[-1:].isdigit() and after[:1].isdigit()


# Pinyin glosses after characters (經(jīng)濟, 會(huì)): a syllable of lowercase letters in brackets
# right after a Han character. One with a tone mark is a gloss wherever it stands; an unmarked one
# (de, men: the neutral tone) only in a text glossed throughout.
_TONE_MARKS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
# (a site may set a space before the closing bracket: 會(huì )); a copy that kept a page's line
# breaks may break inside a gloss or before it (經(jīn⏎g), 與(⏎huì), 現⏎(xiàn)), which join_broken_lines joins
_GLOSS_BODY = re.compile(rf"\n?((?:[a-zü{_TONE_MARKS}]\n?){{1,7}}) ?[)）]")
_TONED = re.compile(f"[{_TONE_MARKS}]")
GLOSSED_TEXT_MIN = 3  # toned glosses that make a text one glossed throughout


def remove_pinyin_glosses(text: str) -> Iterator[offsets.Proposal]:
    """經(jīng)濟 -> 經濟: run before the conversion to simplified script, which reads words whole."""
    found = []
    for bracket in "(（":  # found with str.find: a regex over the whole text costs ten times more
        i = text.find(bracket, 1)
        while i >= 0:
            glossed_char = text[i - 2] if text[i - 1] == "\n" and i > 1 else text[i - 1]
            body = _GLOSS_BODY.match(text, i + 1) if "\u3400" <= glossed_char <= "\u9fff" else None
            if body is not None:
                found.append((i, body.end(), _TONED.search(body.group(1)) is not None))
            i = text.find(bracket, i + 1)
    glossed = sum(toned for _, _, toned in found) >= GLOSSED_TEXT_MIN
    for start, end, toned in found:
        if toned or glossed:
            yield start, end, "", "pinyin"


# ASCII punctuation typed for Chinese (较上年增长26.4%,高于; 降低4.2%. 经济结构; 各位代表:):
# after Chinese text (a full stop where no letter follows: chinanews.com stays; 稳步攀升.2006年 is
# one, as no decimal point follows a character; 2.01 stays, after its digit),
# or a comma or semicolon before Chinese text (not the ; that ends an entity, &ldquo;). 17:30 and
# 42,560 stay. A dot after a Chinese numeral that opens its line is a heading's (一.), not after
# one inside a sentence (全国百强县第四.这一年).
_AFTER_CHINESE_TEXT = r"[\u3400-\u9fff%）)”’》]"
_BEFORE_CHINESE_TEXT = r"(?=[\u3400-\u9fff“‘（《])"
# one pattern per mark, each opening with its literal, which re skips to in C
# (the mark may open a line of a copy cut at a page's width: 更加可感可及⏎.⏎“十五五”时期…)
_ASCII_STOPS = (
    (re.compile(rf",(?:(?<={_AFTER_CHINESE_TEXT},)|(?<={_AFTER_CHINESE_TEXT}\n,)"
                rf"|(?<![A-Za-z],){_BEFORE_CHINESE_TEXT})"), "，"),
    (re.compile(rf";(?:(?<={_AFTER_CHINESE_TEXT};)|(?<={_AFTER_CHINESE_TEXT}\n;)"
                rf"|(?<![A-Za-z0-9];){_BEFORE_CHINESE_TEXT})"), "；"),
    (re.compile(rf":(?:(?<={_AFTER_CHINESE_TEXT}:)|(?<={_AFTER_CHINESE_TEXT}\n:))"), "："),
    # (not a decimal point a page's header stood before: 是2010年的2⏎- 2 -⏎某某县人民政府文件⏎. 3 倍)
    (re.compile(rf"\.(?:(?<={_AFTER_CHINESE_TEXT}\.)|(?<={_AFTER_CHINESE_TEXT}\n\.)(?![ \t]*\d))(?![A-Za-z])"), "。"),
)


def _heading_dot(text: str, dot: int) -> bool:
    """Whether the dot ends a heading's marker: Chinese numerals that open their line (一., 十二.)."""
    i = dot
    while i > 0 and text[i - 1] in lang.ORDINALS:
        i -= 1
    return i < dot and not text[text.rfind("\n", 0, i) + 1:i].strip(" \t\u3000")


# (or after one: 明显，,,增加值 / 。,,服务业 -> 明显，增加值 / 。服务业)
# (opening on its literal comma, which re skips to in C)
_DOUBLED_COMMA = re.compile(r",(?:(?<=[，、。；：！？.;:!?],),*|(?=[,，、。；;：！？]))")
# a text with fewer full stops than one in this many characters has lost them to ASCII periods
FULL_STOP_SPACING = 200


# 同比增长9。5%, 373。15亿元: a page that turned every period into a full stop, decimal points too
_DECIMAL_STOP = re.compile(r"。(?<=\d。)(?=\d{1,3}(?:[%万亿千百元]|个百分点))")


# “十二五” copied as ;;十二五;; (a page's quote marks lost, each to two semicolons): a short stretch
# between two such pairs on one line is a quotation
_LOST_QUOTES_MARK = ";;"
_LOST_QUOTES = re.compile(r";;([^;；\n]{1,24});;")


def restore_lost_quotes(text: str) -> Iterator[offsets.Proposal]:
    # (a word of two characters is looked for ten times slower than one in a Chinese text)
    if ";" not in text or _LOST_QUOTES_MARK not in text:
        return
    for m in _LOST_QUOTES.finditer(text):
        yield m.start(), m.start() + 2, "“", "punctuation"
        yield m.end() - 2, m.end(), "”", "punctuation"


def normalize_punctuation(text: str) -> Iterator[offsets.Proposal]:
    # first (an edit of a span wins over a later one of the same span): a comma some copies put
    # before or after every mark (增长15.2%,,增幅…, 提出意见,。, 一,、, 明显，,,增加值) goes
    for m in _DOUBLED_COMMA.finditer(text):
        yield m.start(), m.end(), "", "punctuation"
    for pattern, chinese in _ASCII_STOPS:
        found = list(pattern.finditer(text))
        # an ASCII period after Chinese text is a full stop only in a copy that writes them so: in a
        # text with full stops it is a stray (counted only when one is found: a count reads it all)
        if found and chinese == "。" and text.count("。") * FULL_STOP_SPACING >= len(text):
            continue
        for m in found:
            if chinese != "。" or not _heading_dot(text, m.start()):
                yield m.start(), m.end(), chinese, "punctuation"
    for m in _DECIMAL_STOP.finditer(text):
        yield m.start(), m.end(), ".", "punctuation"
    if '"' in text:
        for m in _ASCII_QUOTED.finditer(text):
            yield m.start(), m.start() + 1, "“", "punctuation"
            yield m.end() - 1, m.end(), "”", "punctuation"
    if "-" in text and _ITEM_DASH_MARK in text:  # the rare character first, as in restore_lost_quotes
        for m in _ITEM_DASH.finditer(text):
            yield m.start(), m.end(), "\n" + lang.LIST_SYMBOLS[0], "punctuation"


# ASCII double quotes typed for Chinese ones ("十四五"时期, 打好"发展六仗"): a pair on one line around a
# short stretch of Chinese text
_ASCII_QUOTED = re.compile(r'"(?=[^"\n]{0,29}[\u4e00-\u9fff])[^"\n]{1,30}"')


# a summary's list run into one line (…工作回顾 - 2025年地区生产总值…增长5.5% [4] - 规上工业…): a
# hyphen between spaces after Chinese text, a bracketed note or a %, before Chinese text or a year,
# opens an item (a line of its own, with a list symbol: its line is kept); between digits (5 - 6%) it
# is a range's dash
_ITEM_DASH_MARK = " - "
_ITEM_DASH = re.compile(r"[ \t]+-[ \t]+(?<=[\u4e00-\u9fff\]）)%。；] - )(?=[\u4e00-\u9fff“]|(?:19|20)\d\d年)")


# Debris of copying: ?D?D is —— read in the wrong encoding; a box or star standing between Chinese
# text and a word (□六盘水市人民政府, 精神,*贯彻) is a bullet or a stray mark.
_BROKEN_DASH = "?D?D"
_STRAY_MARKS = "*□■"
_BEFORE_STRAY = frozenset("\n，。,；：、")


def remove_junk(text: str) -> Iterator[offsets.Proposal]:
    i = text.find("?")  # one character is found faster than the four (a report has few ?)
    while i >= 0:
        if text.startswith(_BROKEN_DASH, i):
            yield i, i + len(_BROKEN_DASH), "——", "dash"
            i += len(_BROKEN_DASH) - 1
        elif i > 0 and text[i - 1] in " \t" and text[i + 1:i + 2] in ("\n", ""):
            # a ? set apart at a line's end (荣县人民政府县长 郑小清 ?): a glyph the copy lost, no question
            start = i - 1
            while start > 0 and text[start - 1] in " \t":
                start -= 1
            yield start, i + 1, "", "junk"
        i = text.find("?", i + 1)
    for mark in _STRAY_MARKS:  # rare characters: str.find, not a class scanned over the text
        i = text.find(mark)
        while i >= 0:
            if "\u3400" <= text[i + 1:i + 2] <= "\u9fff" and (i == 0 or text[i - 1] in _BEFORE_STRAY
                                                              or "\u3400" <= text[i - 1] <= "\u9fff"):
                yield i, i + 1, "", "junk"
            i = text.find(mark, i + 1)


# 增长3.5%6%5%: the separators of a list of percentages lost in copying (a % right before the next
# number that ends in %): 、 is put back, so each number is read as one
_LOST_SEPARATOR = re.compile(r"%(?<=\d%)(?=\d+(?:\.\d+)?%)")


def restore_list_separators(text: str) -> Iterator[offsets.Proposal]:
    for m in _LOST_SEPARATOR.finditer(text):
        yield m.end(), m.end(), "、", "separator"


def remove_undecodable(text: str) -> Iterator[offsets.Proposal]:
    """U+FFFD, where ingest read a byte no encoding fitted (a stray byte, a copy cut mid-character):
    each goes with an edit, so what was lost stays on record."""
    i = text.find("\ufffd")
    while i >= 0:
        yield i, i + 1, "", "undecodable"
        i = text.find("\ufffd", i + 1)


_CN_NUMERALS = frozenset(lang.YEAR_DIGITS + "○")


# (found from the 0, whose numeral before it is read behind: a scan for the numerals is slower)
_DIGIT_ZERO_IN_NUMERALS = re.compile(f"0(?<=[{lang.YEAR_DIGITS}]0)")
_YEAR_WITH_DIGIT_ZEROS = re.compile(f"年(?<=(?<![\\d{lang.YEAR_DIGITS}])([一二][0{lang.YEAR_DIGITS}]{{3}})年)")


def repair_zero_circles(text: str) -> Iterator[offsets.Proposal]:
    """A white circle among Chinese numerals is the numeral zero: 一九八○年 -> 一九八〇年 (older
    typesetting and OCR write ○, U+25CB, for 〇, U+3007), so years and numbers read as such.
    Found with str.find: most reports have no ○, and a regex opening on a class tried every position."""
    i = text.find("○")
    while i >= 0:
        start = end = i
        while start > 0 and text[start - 1] in _CN_NUMERALS:
            start -= 1
        while end < len(text) and text[end] in _CN_NUMERALS:
            end += 1
        run = text[start:end]
        if run.strip("○"):  # a numeral beside it: not a bullet or a mark of its own
            for k, char in enumerate(run, start):
                if char == "○":
                    yield k, k + 1, "〇", "zero"
        i = text.find("○", end)
    if _DIGIT_ZERO_IN_NUMERALS.search(text):
        # a year spelled with a digit for its zeros (二00七年, 一九九0年), as news wires typed them
        for m in _YEAR_WITH_DIGIT_ZEROS.finditer(text):
            for k in range(m.start(1), m.end(1)):
                if text[k] == "0":
                    yield k, k + 1, "〇", "zero"


# characters common in reports that exist only in traditional script: a cheap test before OpenCC
_TRADITIONAL_ONLY = re.compile("[國經濟發產會億萬長們個這來時為與對說過區後業實現務農總當從進關價錢應]")


def to_simplified(text: str) -> Iterator[offsets.Proposal]:
    """Reports copied from traditional-script pages (big5 mirrors, the 1950s texts) become simplified,
    so one grammar reads them. OpenCC's t2s keeps lengths here; runs of changed characters become edits."""
    sample = text[:5000]
    if len(_TRADITIONAL_ONLY.findall(sample)) < max(3, len(sample) // 300):
        return
    converted = _t2s().convert(text)
    if len(converted) != len(text):  # a phrase changed length: convert line by line instead
        yield from _simplified_lines(text)
        return
    yield from _changed_lines(text, converted, 0)


def _simplified_lines(text: str) -> Iterator[offsets.Proposal]:
    converter = _t2s()
    for m in re.finditer(r"[^\n]+", text):
        line = m.group()
        new = converter.convert(line)
        if new == line:
            continue
        if len(new) == len(line):
            yield from _changed_lines(line, new, m.start())
        else:
            yield m.start(), m.end(), new, "simplified"


def _changed_lines(old: str, new: str, base: int) -> Iterator[offsets.Proposal]:
    """One edit per line, from its first changed character to its last (lengths are equal, so the
    offset map stays exact character by character)."""
    pos = 0
    for line in old.splitlines(keepends=True):
        end = pos + len(line)
        if line != new[pos:end]:
            first = next(i for i in range(pos, end) if old[i] != new[i])
            last = next(i for i in range(end - 1, pos - 1, -1) if old[i] != new[i]) + 1
            yield base + first, base + last, new[first:last], "simplified"
        pos = end


@cache
def _t2s() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


META_WORD_MAX = 8  # the longest label and the spaces after it
META_REACH = 2000  # how far into a page, and from its end, its metadata lines are looked for
META_LINE_MAX = 160  # a page's metadata line is short; a paragraph naming 来源: twice is text
META_WORDS_MIN = 2


def remove_chrome(patterns: Patterns) -> Pass:
    def run(text: str) -> Iterator[offsets.Proposal]:
        padded = "\n" + text  # offsets in padded are text offsets + 1
        markers = list(patterns.tail.finditer(padded))
        tail = _footer(markers, len(padded))
        limit = tail + 1 if tail is not None else len(padded)
        removed: set[int] = set()
        for lines in _line_patterns(patterns, text):
            for m in lines.finditer(padded, 0, limit):
                # the line and the newline after it (m starts at the newline before it)
                if m.start() not in removed:
                    removed.add(m.start())
                    yield m.start(), min(m.end(), len(text)), "", "boilerplate"
        if patterns.meta_word is not None:
            for start, end in _metadata_lines(patterns.meta_word, text, limit - 1):
                if start not in removed:
                    yield start, min(end + 1, len(text)), "", "boilerplate"
        if tail is not None:
            yield tail, len(text), "", "footer"
        for m in markers:
            # a footer's marker above the footer (扫一扫在手机打开当前页 under a page's title): its line
            if m.end() < limit and m.start() not in removed:
                removed.add(m.start())
                yield m.start(), min(m.end(), len(text)), "", "boilerplate"
        for last, pattern in patterns.inline:
            # read behind each of its last character (a single character is found fast; a scan
            # of the pattern or of its words over the whole text costs ten times more)
            i = text.find(last, 0, limit - 1)
            while i >= 0:
                jump = pattern.search(text, max(0, i - INLINE_REACH), i + 1)
                if jump is not None and jump.end() == i + 1:
                    start, end = jump.span()
                    if start and text[start - 1] in "（(" and text[end:end + 1] in "）)":
                        start, end = start - 1, end + 1
                    yield start, end, "", "chrome"
                i = text.find(last, i + 1, limit - 1)

    return run


FIRST_CHARS_MAX = 64  # a pattern opening on more characters than this is found by its guard


def _chrome_line(pattern: str) -> ChromeLine:
    """A chrome-line pattern that opens on a few characters joins the lookahead every line is
    tested by; one re cannot find by its first character (.{0,40}…摄, [\u4e00-\u9fff]{2,6}日报) is
    tried only in a text holding a character of each word it requires (a character: str.find runs
    ten times faster for one than for a word), the last of each word."""
    first = first_chars(pattern)
    if first and len(first) <= FIRST_CHARS_MAX:
        return ChromeLine(pattern, frozenset(first), ())
    guard = tuple(frozenset(word[-1] for word in group) for group in required_words(pattern))
    return ChromeLine(pattern, None, guard)


INLINE_REACH = 12  # the longest inline chrome


def _last_character(pattern: str) -> str:
    """The plain character every match of an inline chrome pattern ends with (版 of …第四版)."""
    if len(pattern) > 1 and pattern[-2] != "\\" and pattern[-1] not in ".^$*+?{}[]\\|()":
        return pattern[-1]
    raise ValueError(f"inline chrome pattern {pattern!r} must end with a plain character")


_LINE_PAD = r"[ \t\u3000\u00a0]*"


def _opening_lines(lines: tuple[ChromeLine, ...]) -> re.Pattern[str] | None:
    """One pattern for the chrome lines that open on a few characters, which tests a line's first
    character before any of them. Patterns start at the newline before a line (the text is
    searched with one prepended): a literal first character lets re skip ahead instead of
    testing ^ everywhere."""
    narrow = [line for line in lines if line.first is not None]
    if not narrow:
        return None
    opening = "".join(re.escape(char) for char in sorted(set().union(*(line.first or () for line in narrow))))
    alternatives = "|".join(line.pattern for line in narrow)
    return re.compile(rf"\n{_LINE_PAD}(?=[{opening}])(?:{alternatives}){_LINE_PAD}(?=\n|$)")


def _line_patterns(patterns: Patterns, text: str) -> tuple[re.Pattern[str], ...]:
    """The chrome-line patterns that can match this text: those opening on a few characters, and
    those whose guard characters the text holds (a pattern opening on .{0,40} tried at every line
    costs more than the rest together)."""
    present: dict[str, bool] = {}

    def holds(char: str) -> bool:
        return present.setdefault(char, char in text)

    guarded = tuple(line.pattern for line in patterns.lines if line.first is None
                    and all(any(holds(char) for char in group) for group in line.guard))
    found = () if patterns.opening_lines is None else (patterns.opening_lines,)
    return found + _guarded_lines(guarded) if guarded else found


@cache
def _guarded_lines(guarded: tuple[str, ...]) -> tuple[re.Pattern[str]]:
    return (re.compile(rf"\n{_LINE_PAD}(?:{'|'.join(guarded)}){_LINE_PAD}(?=\n|$)"),)


def _footer(markers: list[re.Match[str]], length: int) -> int | None:
    """Where the footer starts (an offset into the text): the first footer marker with less text
    after it than before it (markers found in the text with a newline prepended, of that length). A
    marker near the top (责任编辑 in a page's header line) opens no footer."""
    for m in markers:
        if length - m.start() < m.start():
            return m.start()
    return None


def _metadata_lines(label: re.Pattern[str], text: str, limit: int) -> list[tuple[int, int]]:
    """(start, end) of each short line holding META_WORDS_MIN page-metadata labels (来源: 发布日期:),
    read back from each colon, in the page's head and foot (where a page's own data stands)."""
    counts: dict[int, int] = {}
    stretches = [(0, limit)] if limit <= 2 * META_REACH else [(0, META_REACH), (limit - META_REACH, limit)]
    for colon in ":：":
        for a, b in stretches:
            i = text.find(colon, a, b)
            while i >= 0:
                if label.search(text, max(0, i - META_WORD_MAX), i):
                    line_start = text.rfind("\n", 0, i) + 1
                    counts[line_start] = counts.get(line_start, 0) + 1
                i = text.find(colon, i + 1, b)
    out = []
    for start, n in counts.items():
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if n >= META_WORDS_MIN and end - start <= META_LINE_MAX:
            out.append((start, end))
    return out


def remove_resolution(patterns: Patterns) -> Pass:
    """A congress's resolution approving the report, reposted before it (…关于政府工作报告的决议 …
    决定批准这个报告): from its line to the report's own title."""
    def run(text: str) -> Iterator[offsets.Proposal]:
        if patterns.resolution is None or patterns.report_title is None:
            return
        m = patterns.resolution.search(text, 0, RESOLUTION_REACH)
        if m is None:
            return
        title = patterns.report_title.search(text, m.end(), m.end() + RESOLUTION_REACH)
        if title is not None:
            yield text.rfind("\n", 0, m.start()) + 1, title.start(), "", "resolution"

    return run


RESOLUTION_REACH = 3000


# (an indent before it goes too: a copy that sets every line in)
_PAGE_MARK = re.compile(r"\n[ \t\u3000\u00a0]*(\d{1,3})、")
_FIRST_PAGE_MARK = re.compile(r"[ \t\u3000\u00a0]*(1)、")


# A page's number left at the end of the page's last line, inside what the page break cut: an amount
# after its decimal part, before its unit on the next line (社会消费品零售总额完成16.11 1⏎⏎亿元, in a
# document site's copy), or, before the break's blank line, a word (城镇登记失 3⏎⏎业率: the next line
# going on in Chinese words, not an amount's unit: 新增 3⏎⏎个 is a count) or a number not spaced out
# (控制在4 13⏎⏎.6%以内). Found from the line's break, a literal re skips to, with a digit before it
# and the number set apart read behind it.
_NUMBER_AT_A_LINES_END = re.compile(r"\n(?<=\d\n)(?:(?<=[ \t]\d\n)|(?<=[ \t]\d\d\n)|(?<=[ \t]\d\d\d\n))"
                                    r"(?P<blank>[ \t\u3000]*\n)?[ \t\u3000\n]*")
_UNIT_OPENING = frozenset(UNIT_STARTS)
_NUMBER_CHARS = frozenset("0123456789.")


def remove_page_numbers_in_amounts(text: str) -> Iterator[offsets.Proposal]:
    for m in _NUMBER_AT_A_LINES_END.finditer(text):
        start = m.start()
        while text[start - 1].isdigit():
            start -= 1
        while start and text[start - 1] in " \t":
            start -= 1
        if start and (_cut_in_an_amount(text, start, m.end()) or
                      (m.group("blank") is not None and _cut_by_a_page(text, start, m.end()))):
            yield start, m.start(), "", "page_marker"


def _cut_in_an_amount(text: str, start: int, end: int) -> bool:
    """After digits, a decimal point and digits (16.11), the amount's unit at end (亿元)."""
    run = start
    while run and text[run - 1].isdigit():
        run -= 1
    return 1 < run < start and text[run - 1] == "." and text[run - 2].isdigit() \
        and text[end:end + 1] in _UNIT_OPENING


def _cut_by_a_page(text: str, start: int, end: int) -> bool:
    before, after = text[start - 1], text[end:end + 1]
    if _is_han(before):
        return _is_han(after) and after not in _UNIT_OPENING
    if before not in _NUMBER_CHARS or not after or after not in _NUMBER_CHARS:
        return False
    run = start - 1
    while run > 0 and text[run - 1] in _NUMBER_CHARS:
        run -= 1
    return run > 0 and text[run - 1] not in " \t\u3000"  # (1 9 9 3: a number spaced out goes on)


def _is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def remove_page_markers(text: str) -> Iterator[offsets.Proposal]:
    """Document-sharing sites number their pages '\\nN、' at line starts, even inside a word."""
    run: list[re.Match[str]] = []
    first = _FIRST_PAGE_MARK.match(text)
    for m in ([first] if first else []) + list(_PAGE_MARK.finditer(text)):
        n = int(m.group(1))
        if run and n == int(run[-1].group(1)) + 1:
            run.append(m)
        elif n in (1, 2):
            if _looks_like_pages(text, run):
                break
            run = [m]
    if not _looks_like_pages(text, run):
        return
    for m in run:
        yield m.start(), m.end(), "", "page_marker"


def _looks_like_pages(text: str, run: list[re.Match[str]]) -> bool:
    if len(run) < 3:
        return False
    gaps = [b.start() - a.start() for a, b in pairwise(run)]
    mid_sentence = sum(1 for m in run if m.start() > 0 and text[m.start() - 1] not in TERMINAL)
    return sum(gaps) / len(gaps) > 150 and mid_sentence * 2 >= len(run) - 1


def remove_spam(patterns: Patterns) -> Pass:
    words = re.compile(literal_alternation(patterns.spam_words)) if patterns.spam_words else None

    def run(text: str) -> Iterator[offsets.Proposal]:
        if words is not None and words.search(text) is None:
            return
        for m in patterns.spam.finditer(text):
            if m.end() > m.start():
                yield m.start(), m.end(), "", "spam"

    return run


_OCR_TOKEN = re.compile(
    r"(?<![A-Za-z0-9.])[0-9Il|L.]*[Il|L][0-9Il|L.]*(?=[%万亿千百元户人个吨亩斤项家所座条台辆套次倍])")


def _ocr_letter_by_digit(text: str) -> bool:
    """Whether an I, l, | or L stands beside a digit anywhere. str.find runs through a long text
    several times faster than a character-class regex, and these letters are few in a report."""
    for letter in "Il|L":
        i = text.find(letter)
        while i >= 0:
            if (i > 0 and text[i - 1].isdigit()) or text[i + 1:i + 2].isdigit():
                return True
            i = text.find(letter, i + 1)
    return False


_AFTER_ZERO = frozenset("0123456789.%万亿千百元年月日个")


def repair_ocr_zeros(text: str) -> Iterator[offsets.Proposal]:
    """OCR reads 0 as O inside a number: 2O19年, 1O.5%, 3OO亿元, 6.O% (after a digit, before a digit, a
    point or a unit; H2O and CO2 stay). Found with str.find: the letters are few in a report."""
    for letter in "Oo":
        i = text.find(letter)
        while i >= 0:
            j = i
            while j < len(text) and text[j] in "Oo":
                j += 1
            if _inside_a_number(text, i, j):
                yield i, j, "0" * (j - i), "ocr_digit"
            i = text.find(letter, j)


def _inside_a_number(text: str, start: int, end: int) -> bool:
    before, after = text[start - 1:start], text[end:end + 1]
    after_digits = before.isdigit() or (before == "." and text[start - 2:start - 1].isdigit())
    return after_digits and after in _AFTER_ZERO and not (before == "." and after == ".")


def repair_ocr_digits(text: str) -> Iterator[offsets.Proposal]:
    """OCR reads 1 as I, l or |, and '1.' as L: IL9万户 -> 11.9万户, 4L6% -> 41.6%."""
    if not _ocr_letter_by_digit(text):
        return
    for m in _OCR_TOKEN.finditer(text):
        token = m.group()
        if not any(c.isdigit() for c in token):
            continue
        fixed = _fix_token(token)
        if fixed and fixed != token:
            yield m.start(), m.end(), fixed, "ocr_digit"


def _fix_token(token: str) -> str | None:
    out = []
    for i, c in enumerate(token):
        if c in "Il|":
            out.append("1")
        elif c == "L":
            if i == 0:
                return None
            has_point = "." in token
            nxt_digit = i + 1 < len(token) and (token[i + 1].isdigit() or token[i + 1] in "Il|")
            out.append("1" if has_point or not nxt_digit else "1.")
        else:
            out.append(c)
    fixed = "".join(out)
    return fixed if re.fullmatch(r"\d+(?:\.\d+)?", fixed) else None


_ENTITY = re.compile(r"&(?:[A-Za-z]{2,8}|#\d{2,6}|#x[0-9A-Fa-f]{2,5});")

# HTML tags left in a page saved as text (<h3> 2月26日上午…</h3><h1 style="…"><b>2018年工作回顾</b></h1>):
# a block's end or a break ends a line, any other tag goes; only in a text holding several, so a
# lone < in the text (<5%) is never read as markup
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]{0,9})(?:\s[^<>\n]{0,300})?/?>")
_INLINE_TAGS = frozenset({"a", "b", "i", "u", "em", "strong", "span", "font", "img", "sup", "sub", "small",
                          "big", "strike", "s", "label", "abbr", "code"})
_BLOCK_TAGS = frozenset({"p", "div", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "tr",
                         "td", "th", "table", "tbody", "thead", "section", "article", "blockquote", "pre",
                         "center", "dd", "dt", "dl", "header", "footer", "main", "nav"})
_HTML_TAGS = _INLINE_TAGS | _BLOCK_TAGS
MARKUP_MIN = 3  # tags a text must hold to be read as a page saved with its markup


def remove_markup(text: str) -> Iterator[offsets.Proposal]:
    if "<" not in text:
        return
    tags = [m for m in _TAG.finditer(text) if m.group(2).lower() in _HTML_TAGS]
    if len(tags) < MARKUP_MIN:
        return
    for m in tags:
        name = m.group(2).lower()
        ends_line = name in _BLOCK_TAGS and (m.group(1) == "/" or name in ("br", "hr"))
        yield m.start(), m.end(), "\n" if ends_line else "", "markup"


# Markdown of a summary pasted from a chat answer or a wiki (### 一、2023年工作回顾, - **生产总值增长**：5.5%左右,
# …增长5.2%[4]): the emphasis, heading marks and note references go, a list's dash is a list symbol
_MD_EMPHASIS = re.compile(r"\*\*(?=\S)[^*\n]{1,60}?(?<=\S)\*\*")
_MD_HEADING = re.compile(r"^[ \t]*#{1,6}[ \t]+", re.MULTILINE)
_MD_ITEM = re.compile(r"^[ \t]*[-*+][ \t]+(?=\S)", re.MULTILINE)
_MD_NOTE = re.compile(r"(?<=[\u4e00-\u9fff%。，；）)”])\[\d{1,3}\]")  # (read in a text found markdown only)


def remove_markdown(text: str) -> Iterator[offsets.Proposal]:
    emphasis = list(_MD_EMPHASIS.finditer(text)) if "*" in text else []  # (one character: found fast)
    headings = list(_MD_HEADING.finditer(text)) if "#" in text else []
    if len(emphasis) + len(headings) < MARKDOWN_MIN:
        return  # (a page's stray asterisks or a # are no markdown)
    for m in emphasis:
        yield m.start(), m.start() + 2, "", "markdown"
        yield m.end() - 2, m.end(), "", "markdown"
    for m in headings:
        yield m.start(), m.end(), "", "markdown"
    for m in _MD_ITEM.finditer(text):
        yield m.start(), m.end(), lang.LIST_SYMBOLS[0], "markdown"
    for m in _MD_NOTE.finditer(text):
        yield m.start(), m.end(), "", "markdown"


MARKDOWN_MIN = 2  # emphasis marks and headings that make a text markdown


def unescape_entities(text: str) -> Iterator[offsets.Proposal]:
    """HTML entities left in copied text (&ldquo; &nbsp; &#12288;) become their characters."""
    if "&" not in text:
        return
    for m in _ENTITY.finditer(text):
        char = html.unescape(m.group())
        if char != m.group():
            yield m.start(), m.end(), " " if char == "\xa0" else char, "entity"


_LINE_END_TOKEN = re.compile(r"([A-Za-z0-9]{2,6})[ \t]*$")
_CHINESE_TEXT_ENDS = "\u4e00-\u9fff，。、；：！？”）)"  # what Chinese text ends on: a character or a mark
_AFTER_CHINESE = re.compile(f"[{_CHINESE_TEXT_ENDS}]")
# a line break after an ASCII letter or digit, found from the break (a literal re skips to in C)
_ALNUM_LINE_END = re.compile(r"\n(?<=[0-9A-Za-z]\n)")


def remove_line_end_tags(text: str) -> Iterator[offsets.Proposal]:
    """Some copying sites stamp a short tag (F9f) on the end of every line: a token found at five
    or more line ends after Chinese text (or alone on a line), and at most as often inside lines (a
    page's summary repeats its opening with the stamps inline), is such a stamp; it goes wherever it
    follows Chinese text or opens a line."""
    if text.count("\n") * FLAT_LINE_CHARS < len(text):
        # a copy that ran its lines together, the stamps and the spaces after them left where the
        # breaks were (…县长 某某C6m   各位代表：C6m   现在，…)
        yield from _stamps_where_breaks_were(text)
        return
    if len(_ALNUM_LINE_END.findall(text)) + (text[-1:].isascii() and text[-1:].isalnum()) < 5:
        return  # fewer than five lines end in a letter or digit (every report but stamped copies)
    found: list[tuple[int, int, str]] = []
    pos = 0
    for line in text.split("\n"):
        tail = line[-1:]
        if tail.isascii() and tail.isalnum():  # cheap test first: most lines end in Chinese punctuation
            m = _LINE_END_TOKEN.search(line)
            # after Chinese text, or alone on its line (a stamp on a blank line between paragraphs)
            if m and (m.start() == 0 or _AFTER_CHINESE.match(line, m.start() - 1)):
                found.append((pos + m.start(1), pos + m.end(1), m.group(1)))
        pos += len(line) + 1
    if len(found) < 5:
        return
    counts: dict[str, int] = {}
    for _, _, token in found:
        counts[token] = counts.get(token, 0) + 1
    # inside lines less than half as often as at their ends (a word stands inside lines as often)
    stamps = {t for t, n in counts.items() if n >= 5 and not t.isdigit() and 2 * (text.count(t) - n) < n}
    for token in stamps:
        i = text.find(token)
        while i >= 0:
            end = i + len(token)
            if (i == 0 or text[i - 1] == "\n" or _AFTER_CHINESE.match(text, i - 1)) \
                    and not text[end:end + 1].isalnum():
                yield i, end, "", "line_tag"
            i = text.find(token, end)


FLAT_LINE_CHARS = 500  # a text with fewer line breaks than one in this many characters ran its lines together
STAMP_MIN, STAMP_MAX = 2, 6  # a stamp's length in letters and digits
_STAMP_BEFORE_SPACES = re.compile(r"([A-Za-z0-9]{2,6})[ \t]{2,}")
# what a stamp follows: Chinese text, an ASCII mark (this runs before they are made Chinese), a break
_AFTER_WORDS = re.compile(f"[{_CHINESE_TEXT_ENDS},.:;!?\n]")


def _stamps_where_breaks_were(text: str) -> Iterator[offsets.Proposal]:
    """The token that ends the most runs of letters and digits before a run of spaces, five times or
    more, and stands hardly anywhere else: a line's stamp in a copy whose lines were run together
    (where a line ended in a letter or digit the stamp is read off the run's end: 2023年GDPC6m   )."""
    ends: dict[str, list[int]] = {}
    for m in _STAMP_BEFORE_SPACES.finditer(text):
        run = m.group(1)
        if m.start() and not _AFTER_WORDS.match(text, m.start() - 1) and len(run) == STAMP_MAX:
            continue  # (a longer run of letters cut at the class's reach: a word, no stamp)
        for k in range(STAMP_MIN, len(run) + 1):
            ends.setdefault(run[-k:], []).append(m.end(1) - k)
    if not ends:
        return
    stamp = max(ends, key=lambda t: (len(ends[t]), len(t)))
    starts = ends[stamp]
    if len(starts) < 5 or stamp.isdigit() or 10 * (text.count(stamp) - len(starts)) > len(starts):
        return
    for i in starts:
        yield i, i + len(stamp), "", "line_tag"


SUMMARY_LINES = 8  # how many lines at a page's top may be its summary
SUMMARY_MIN = 20  # characters: a shorter line (a title repeated) is no summary
_SPACE = re.compile(r"\s+")


def remove_repeated_summary(text: str) -> Iterator[offsets.Proposal]:
    """A page's summary: a line at its top that repeats, run together and cut short, the text that
    follows it (the title, the meeting, the speaker and the salutation in one line). It goes, so the
    header is read from the lines themselves."""
    start = 0
    for _ in range(SUMMARY_LINES):
        end = text.find("\n", start)
        if end < 0:
            return
        first = text[start:min(end, start + 8)].lstrip()[:1]  # cheap tests first: the same first character
        if first and first == text[end + 1:end + 9].lstrip()[:1] \
                and _opening(text, start, end) == _opening(text, end + 1, len(text)):
            flat = _SPACE.sub("", text[start:end])
            after = _SPACE.sub("", text[end + 1:end + 1 + 3 * (end - start)])
            if len(flat) >= SUMMARY_MIN and after.startswith(flat):
                yield start, end + 1, "", "summary"
                return
        start = end + 1


def _opening(text: str, start: int, end: int) -> str:
    """The first SUMMARY_MIN characters from start that are not white space (fewer before end)."""
    return _SPACE.sub("", text[start:min(end, start + 4 * SUMMARY_MIN)])[:SUMMARY_MIN]


_DOUBLE_ONE = re.compile(r"一一(?=[\u4e00-\u9fff])")
_SENTENCE_START = "\n。；;：:！？"


def repair_dashes(text: str) -> Iterator[offsets.Proposal]:
    """'一一' opening a line or sentence is an OCR'd '——'."""
    for m in _DOUBLE_ONE.finditer(text):
        before = m.start()
        while before > 0 and text[before - 1] in " \t\u3000":
            before -= 1
        if before == 0 or text[before - 1] in _SENTENCE_START:
            yield m.start(), m.end(), "——", "dash"


# spaces after a digit (or "3.", or the 年 and 月 of a date): the pattern opens with the space
# class, rarer than digits
_NUM_SPACE = re.compile(
    r"[ \t\u3000](?:(?<=\d.)|(?<=\d\..)|(?<=\d[ \t\u3000]\..)|(?<=\d[年月].)|(?<=\d[ \t\u3000][年月].))[ \t\u3000]*"
    r"(?=[\d%.万亿千百元年月日])")
_DIGITS = re.compile(r"\d+")


# the marks a line may open on and still go on the line before it (a page cut at its width: ⏎，国民经济…)
_CONTINUING_MARKS = "，,、。；;：:）)”"


# a line set with a space after every character (地 区 生 产 总 值 增 长 5 . 2 %: a PDF viewer's copy of
# a letter-spaced page): its single spaces go, a wider gap stays one space (区 长  张 海 文 -> 区长 张海文).
# Only a line of LETTER_SPACED_MIN characters or more: a name of two (哈   热) keeps its
# spaces, which other passes read
LETTER_SPACED_MIN = 4
# a space between characters, and one between the next two (found from the space, a literal re skips to)
_LETTER_SPACED_RUN = re.compile(r" (?<=[\u4e00-\u9fff] )(?=\S \S)")
# (a token is a character, or the commas a mirror doubled after a mark: ， ,, 较; an indent may be
# the &nbsp; of a page's source)
_LETTER_SPACED_LINE = re.compile(r"[ \t\u3000\u00a0]*(?:\S[,，]{0,2} {1,3})+(?:\S[,，]{0,2})?[ \t\u3000\u00a0]*")
_LETTER_GAP = re.compile(r"(?<=\S) (?=\S)| {2,3}(?=\S)")


def join_letter_spaces(text: str) -> Iterator[offsets.Proposal]:
    line_end = -1
    for run in _LETTER_SPACED_RUN.finditer(text):
        if run.start() < line_end:
            continue  # (a line read already)
        line_start = text.rfind("\n", 0, run.start()) + 1
        line_end = _line_end(text, run.end())
        # and the lines after it spaced too, though without three characters in a row of their own
        # (城 乡 居 民 … 增 长 4 . 4 %⏎、 5 . 6 % 。: a PDF's line cut inside a list)
        # (a line cut right after a character's space goes on however short the next: …會 ( h u ì ⏎) 議 上)
        least = LETTER_SPACED_MIN
        while _letter_spaced(text, line_start, line_end, least):
            yield from _letter_gaps(text, line_start, line_end)
            if line_end >= len(text):
                break
            next_start, next_end = line_end + 1, _line_end(text, line_end + 1)
            cut = text[line_end - 1] == " "
            while cut and next_end < len(text) and not text[next_start:next_end].strip():
                # (blank lines between a PDF's lines: a cut line goes on past them)
                next_start, next_end = next_end + 1, _line_end(text, next_end + 1)
            if cut and next_end - next_start == 1 and text[next_start] in _LONE_MARKS:
                # a cut right before the sentence's mark, alone on the next line (…成 就 ⏎.⏎五 年 来): the
                # mark goes on the line, and the line after it is read on its own
                yield from _cut_between(text, line_start, line_end, next_start)
                if next_end >= len(text):
                    break
                line_start, line_end, least = next_end + 1, _line_end(text, next_end + 1), LETTER_SPACED_MIN
                continue
            least = CUT_LINE_MIN if cut and _words_go_on(text, next_start, next_end) else LETTER_SPACED_MIN
            if _letter_spaced(text, next_start, next_end, least):
                yield from _cut_between(text, line_start, line_end, next_start)
            line_start, line_end = next_start, next_end


CUT_LINE_MIN = 2
# (a mark that goes on the line before it, as a line opening on one does, or ends it)
_LONE_MARKS = frozenset(_CONTINUING_MARKS + ".！？!?%")
CUT_GAP_MAX = 3  # the spaces a cut may fall among: a character's one, a word's three


def _words_go_on(text: str, start: int, end: int) -> bool:
    """Whether a short line may be the words a cut carried over () 議 上): characters and no digit,
    not a page's number (- 2 -, 第 3 页) standing between two cut lines."""
    line = text[start:end]
    return _HAN_CHARACTER.search(line) is not None and not any(c.isdigit() for c in line)


_HAN_CHARACTER = re.compile(r"[\u4e00-\u9fff]")


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _letter_spaced(text: str, start: int, end: int, least: int = LETTER_SPACED_MIN) -> bool:
    return len(text[start:end].split()) >= least and \
        _LETTER_SPACED_LINE.fullmatch(text, start, end) is not None


def _letter_gaps(text: str, line_start: int, line_end: int) -> Iterator[offsets.Proposal]:
    for gap in _LETTER_GAP.finditer(text, line_start, line_end):
        if gap.start() > line_start and text[gap.start() - 1] != " ":
            yield gap.start(), gap.end(), "" if gap.end() - gap.start() == 1 else " ", "letter_space"


def _cut_between(text: str, line_start: int, line_end: int, next_start: int) -> Iterator[offsets.Proposal]:
    """Two spaced lines a page's width cut apart: the cut falls between a character and its space
    (…良好态势 , ⏎较 好…, 兴 山 县 第⏎ 十 八 届): the space and the break go, the line goes on."""
    last = line_start + len(text[line_start:line_end].rstrip(" "))
    first = next_start + len(text[next_start:next_start + CUT_GAP_MAX + 1]) - \
        len(text[next_start:next_start + CUT_GAP_MAX + 1].lstrip(" "))
    gap = (line_end - last) + (first - next_start)
    if 0 < gap <= CUT_GAP_MAX:
        # one space: a character's own; two or three: a word's gap (6   .   5 cut after 6 ), kept as one
        yield last, first, "" if gap == 1 else " ", "letter_space"


def join_number_spaces(text: str) -> Iterator[offsets.Proposal]:
    """1 9 9 3 -> 1993, 3 054元 -> 3054元, 4. 5% -> 4.5%, 6 . 5% -> 6.5%, 2021 年 2 月 4 日 ->
    2021年2月4日 (copies from PDFs and typeset pages space out digits, decimal points and dates).
    Digits join digits only as spaced-out digits or a group of thousands: 1 2021 年 (a page number
    before a year) stays apart."""
    last_end = 0
    for i in _spaces_after_digits(text):
        m = _NUM_SPACE.match(text, i) if i >= last_end else None
        if m is None:
            continue
        after, before = text[m.end()], text[i - 1]
        if (before == "." or before in _DATE_WORDS) and not after.isdigit():
            continue
        if after.isdigit() and before.isdigit() and not _digits_go_on(text, i, m.end()):
            continue
        last_end = m.end()
        yield m.start(), m.end(), "", "number_space"


_DATE_WORDS = "年月"


def _digits_go_on(text: str, space: int, after: int) -> bool:
    """Whether the digits after a space go on the digits before it: a group of thousands (3 054),
    or one digit after one digit, as a spaced-out number runs (1 9 9 3). A digit after a number
    of several (16.11 1⏎亿元: a page's number left at its foot) is no part of it."""
    following = len(_DIGITS.match(text, after).group())  # type: ignore[union-attr]
    if following == 3:
        return True
    return following == 1 and not text[space - 2:space - 1].isdigit()


def _spaces_after_digits(text: str) -> list[int]:
    """Where a space follows a digit or 'digit.': found with str.find, which runs through a report
    faster than a character-class regex (a report has ~150 spaces, mostly indentation)."""
    found = []
    for space in " \t\u3000":
        i = text.find(space, 1)
        while i >= 0:
            before = text[i - 1]
            if before.isdigit() or ((before == "." or before in _DATE_WORDS) and i > 1 and (
                    text[i - 2].isdigit() or (text[i - 2] in " \t\u3000" and i > 2 and text[i - 3].isdigit()))):
                found.append(i)
            i = text.find(space, i + 1)
    return sorted(found)


# a break right after a sentence end stays, so the regex passes over those without Python's help
BARE_HEADING_MAX = 30
# the marks after which a line break stays without a look at the lines (not a closing bracket: it
# may close a note before an amount, 财政收入(不含基金)⏎2.01亿元)
_ENDS_A_LINE = frozenset(TERMINAL) - frozenset(")）")
_BREAK = re.compile(r"\n(?<![" + re.escape("".join(sorted(_ENDS_A_LINE))) + r"\n]\n)[\s\u00a0]*")
_PAD = " \t\u3000\u00a0"


# a line this long that holds half the text or more is a page that lost its line breaks (a doc
# site's copy); a page that kept them has many lines, none of them most of it
FLAT_LINE_MIN = 200
FLAT_TITLE_MAX = 40  # how far a heading's title may run before the word it ends on
# where the lines of a flattened page began: a heading's marker of the outer two depths after a
# sentence's end or the title (。一、2004年工作回顾2004年，是…, 某市政府工作报告一、…), a bare review
# heading after one (。2017年工作回顾一年来，…), the meeting line (2019年3月2日在某县…会议上), the
# salutation (各位代表：)
_OUTER_MARKS = "|".join(marker for depth, marker in lang.HEADING_MARKERS if depth <= 2)
_FLAT_LINE_START = re.compile(
    rf"(?:(?<=[。！？!?\s])|(?<=报告))(?P<mark>{_OUTER_MARKS})"
    rf"|(?<=[。！？!?\s])(?P<bare>(?:19|20)\d\d年(?=[^。，,\n]{{0,12}}?回顾))"
    rf"|(?P<meeting>—{{0,2}}(?=(?:19|20)\d\d年){lang.MEETING_LINE}上)"  # dated: not a sentence's 在…会议上
    rf"|(?P<salutation>(?:{lang.SALUTATION_PATTERN})[：:，,])")
_TITLE_END = re.compile(rf"[^。！？，,；;：:\n]{{0,{FLAT_TITLE_MAX}}}?(?:{lang.HEADING_ENDS})+(?![和与及、的])")
# and where a paragraph of a review began: a sentence opening on the year just past (一年来，刚刚过去的
# 2025年，), on a dash (——扎实抓好…) or saying what a five-year plan's years are (“十五五”时期是…关键
# 时期) or on a span of years in the government's voice (五年来，我们…): the passages of several years and
# of a plan run from paragraph to paragraph. (五年来， alone opens sentences inside paragraphs as often:
# no break is told by it.)
_FLAT_PARAGRAPH = re.compile(rf"(?:——|刚刚过去的(?:19|20)\d\d年|(?:刚刚)?(?:{lang.PAST_YEAR})[，,]"
                             rf"|“?(?:{lang.PLAN_PATTERN})”?时期是|{lang.SEVERAL_YEARS_OPENING})")


def restore_line_breaks(text: str) -> Iterator[offsets.Proposal]:
    """Put back the line breaks of a page that lost them (a doc site's copy runs its title, meeting
    line, headings and paragraphs into one line): before each line's start found, and after a
    heading's title and the meeting line, so the stages that read lines read them."""
    if len(text) < FLAT_LINE_MIN:
        return
    # a line that holds half the text holds its middle: only that line is read
    middle = len(text) // 2
    start = text.rfind("\n", 0, middle) + 1
    end = text.find("\n", middle)
    end = len(text) if end < 0 else end
    if end - start >= FLAT_LINE_MIN and 2 * (end - start) >= len(text):
        yield from _flat_line_breaks(text, start, end)


# spaces after a sentence's end inside a flattened line: where a paragraph's break and the next
# one's indent were; after a heading's title, likewise (一、稳防控、保安全，疫情防线全面巩固  坚持…)
_FLAT_INDENT = re.compile(r"(?<=[。！？!?])[ \t\u3000\u00a0]{2,}(?=\S)")
_TITLE_INDENT = re.compile(rf"[^。！？\n]{{1,{FLAT_TITLE_MAX}}}?(?=[ \t\u3000\u00a0]{{2,}}\S)")


def _flat_line_breaks(text: str, start: int, end: int) -> Iterator[offsets.Proposal]:
    breaks: dict[int, int] = {m.start(): m.end() for m in _FLAT_INDENT.finditer(text, start, end)}
    for m in _FLAT_LINE_START.finditer(text, start, end):
        if m.start() > start and not _in_break(breaks, m.start()):
            breaks[m.start()] = m.start()
        after = m.end() if m.group("meeting") else None
        if m.group("mark") or m.group("bare"):
            title = _TITLE_END.match(text, m.end(), end) or _TITLE_INDENT.match(text, m.end(), end)
            after = title.end() if title else None
        if after is not None and after < end and text[after] not in TERMINAL and not _in_break(breaks, after):
            breaks[after] = after
    for a in _paragraph_openings(text, start, end):
        if not _in_break(breaks, a):
            breaks[a] = a
    for a in sorted(breaks):
        yield a, breaks[a], "\n", "line_break"


def _paragraph_openings(text: str, start: int, end: int) -> Iterator[int]:
    """Where a sentence after a full stop opens a paragraph (_FLAT_PARAGRAPH), in text[start:end]."""
    i = text.find("。", start, end)
    while i >= 0:
        if _FLAT_PARAGRAPH.match(text, i + 1, end):
            yield i + 1
        i = text.find("。", i + 1, end)


def _in_break(breaks: dict[int, int], pos: int) -> bool:
    """Whether pos falls on a break already put (at a run of spaces, or where one ends)."""
    return any(a <= pos <= b for a, b in breaks.items())


def join_broken_lines(text: str) -> Iterator[offsets.Proposal]:
    """Join line breaks that fall inside a sentence (copies from web pages break at every link)."""
    body = SALUTATION.search(text)
    body_start = body.start() if body else 0
    # each break is decided on the line as joined so far (2022年工作回⏎顾⏎⏎2022年是…: the second break
    # follows 2022年工作回顾, a heading, not 顾)
    carried, joined_end = "", -1
    for m in _BREAK.finditer(text):
        start, end = m.start(), m.end()
        while start > 0 and text[start - 1] in _PAD:
            start -= 1
        if start == 0 or end >= len(text) or text[start - 1] == "\n" or text[start - 1] in _ENDS_A_LINE:
            continue
        line_start = text.rfind("\n", 0, start) + 1
        piece = text[line_start:start]
        prev_line = carried + text[joined_end:start] if line_start <= joined_end else piece
        nxt_end = text.find("\n", end)
        next_line = text[end: nxt_end if nxt_end >= 0 else len(text)]
        then = _CONTINUED.match(text, nxt_end) if nxt_end >= 0 else None
        if _keep_break(prev_line, next_line, in_header=start < body_start, next_continued=then is not None,
                       piece=piece):
            continue
        # (a long line's head and end are all the rules read: its marker, its last character, its length)
        half = CARRIED_MAX // 2
        carried = prev_line if len(prev_line) <= CARRIED_MAX else prev_line[:half] + prev_line[-half:]
        joined_end = end
        yield start, end, "", "line_join"


CARRIED_MAX = 200


# a line that opens on a comma or a stop goes on the sentence before it, so the line before is no
# heading of its own (a page cut at its width: …胜利完⏎成“十一五”规划的主要目标和任务⏎，国民经济…)
_CONTINUATION = rf"[ \t\u3000\u00a0]*[{_CONTINUING_MARKS}]"
_CONTINUES = re.compile(_CONTINUATION)
_CONTINUED = re.compile(r"\n" + _CONTINUATION)


# a line ending in a date or a time (2018-04-24, 17:20): the next line's digits are not its own
_DATE_OR_TIME_END = re.compile(r"(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}:\d{2})\Z")
# a page's stamp, its day and time (2026-03-16 10:40:34 | 来源：某某日报): the line is the page's own, no
# wrapped line of prose
_PAGE_STAMP = re.compile(r"\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?[ \t\u3000]+\d{1,2}:\d{2}")


# a news dispatch opening on its dateline (中新网成都2月4日电, 本报讯): a story's start, under its headline
_DATELINE_OPENING = rf"[ \t\u3000]*(?:[\u4e00-\u9fff]{{2,12}}?{lang.DATELINE}|{lang.DISPATCH})"
_SPACED_TITLE = re.compile(r"(?:[\u4e00-\u9fff][ \u3000]+){3,}[\u4e00-\u9fff]")
_BARE_NUMBER = re.compile(r"\d+(?:\.\d+)?%?")
# what a copy broken at every token splits off a number (2020⏎年, 779⏎亿元, 5.2⏎%): a date's, a
# multiplier's, money's, a share's; not every unit, since a page number alone on its line must not
# run into the line after it (12⏎人均…)
_UNIT_OPENERS = frozenset("年月日元个%倍") | {prefix[0] for prefix, _ in MULTIPLIERS}
_JOINING = frozenset(lang.JOINERS)
_CLAUSE_ENDS = frozenset("，,；;")
_LIST_SYMBOLS = tuple(lang.LIST_SYMBOLS)
_ITEM_OPENERS = ("——", "--", *_LIST_SYMBOLS)
# a line that opens on its own: a salutation, a heading's marker, a news paragraph's day (1月20日，…:
# a sentence's start, after a headline above it) or its dateline
# (one pattern: a line break is tested once, not four times)
_OPENS_ITS_OWN = re.compile("|".join(f"(?:{p})" for p in (
    lang.SALUTATION_PATTERN, HEADING_MARK.pattern, lang.DAY_OPENING, _DATELINE_OPENING)))
WRAPPED_SHARE = 0.6  # a line cut at a page's width is about as long as the line it runs on into


def _only_a_marker(line: str) -> bool:
    """一、 alone on its line (its heading's words on the next): a heading's line of its own."""
    marker = HEADING_MARK.match(line)
    return marker is not None and marker.end() == len(line)


# a line that opens on an amount (2.01亿元, 15%): no paragraph opens so
_AMOUNT_OPENING = re.compile(rf"[ \t\u3000]*\d+(?:\.\d+)?(?:%|{MULTIPLIER}?(?:元|美元))")


def _title_goes_on(prev: str, nxt: str) -> bool:
    """Whether a short line with no marker of its own, ending on a heading's word, finishes the
    marked heading line before it, which ends on none (nor on a sentence's end); the word may be
    broken over the two (一、2024年工作回⏎顾)."""
    return len(prev) <= BARE_HEADING_MAX and len(nxt) <= BARE_HEADING_MAX and "。" not in prev \
        and not HEADING_WORDS.search(prev) and not _bare_clauses(prev) and not _bare_clauses(nxt) \
        and HEADING_WORDS.search(prev.rstrip() + nxt) is not None and not HEADING_MARK.match(nxt) \
        and not _OPENS_ITS_OWN.match(nxt)


def _bare_clauses(line: str) -> bool:
    """Whether a short line ending on a heading's word is clauses cut from a paragraph, no heading:
    a heading without a marker has no comma (5亿元，较上年增长20.4%，高于年初人代会18%的目标)."""
    return "，" in line or "；" in line


def _keep_break(prev_line: str, next_line: str, in_header: bool, next_continued: bool = False,
                piece: str | None = None) -> bool:
    """Whether the break after prev_line (the line as joined so far; piece: the part of it on its
    own line in the text) stays."""
    prev = prev_line.strip(" \t\u3000\u00a0")
    if prev[-1:] in ")）" and _AMOUNT_OPENING.match(next_line):
        return False  # a note in brackets between a name and its amount (财政收入(不含基金)⏎2.01亿元)
    if not prev or prev[-1] in TERMINAL:
        return True
    if _CONTINUES.match(next_line):
        return False  # a line opening on a comma or a stop goes on the line before it
    if next_line[:1] in _UNIT_OPENERS and _BARE_NUMBER.fullmatch((piece if piece is not None else prev).strip(_PAD)):
        return False  # a copy broken at every token (2020⏎年工作回顾, 779⏎亿元): a number and its unit
    if prev[-1] in _JOINING and not _only_a_marker(prev):
        return False  # a line that ends on 和 or 、 (一、“十三五”发展成就和⏎2020年工作回顾) goes on
    if _SPACED_TITLE.fullmatch(prev) and not (in_header and _OFFICE_AT_END.search(prev)):
        return True  # a title set with a space between its characters (政 府 工 作 报 告), not an
        # office over its holder's name (国 务 院 总 理⏎李克强)
    if prev[-1].isdigit() and next_line[:1].isdigit():
        return bool(_DATE_OR_TIME_END.search(prev))  # else a number broken over two lines (34⏎0亿元)
    if next_line.startswith(_ITEM_OPENERS) or _OPENS_ITS_OWN.match(next_line):
        return True
    if prev[-1] in _CLAUSE_ENDS:
        return False  # the sentence goes on: after a comma no heading (…良好态势，⏎较好地完成了…主要目标⏎任务)
    nxt = next_line.strip(" \t\u3000\u00a0")
    if HEADING_MARK.match(prev_line) and not _only_a_marker(prev) and _title_goes_on(prev, nxt):
        return False  # a heading's title broken over two lines (二、“十四五”时⏎期发展成就和…主要目标任务)
    if len(nxt) <= BARE_HEADING_MAX and HEADING_WORDS.search(nxt) and not next_continued and not _bare_clauses(nxt):
        return True  # an unnumbered heading on its own line (2024年工作回顾) stays one
    if HEADING_MARK.match(prev_line) and ("。" not in prev or len(prev) <= BARE_HEADING_MAX):
        return True  # a heading's line (not a paragraph that opens on a marked topic sentence)
    if prev.startswith(_LIST_SYMBOLS) and len(prev) < WRAPPED_SHARE * len(nxt):
        return True  # ●全年实现…450亿元 over a paragraph: a headline, not a line cut at the page's width
    if ORDINAL_HEADING.match(prev) and len(prev) <= ORDINAL_HEADING_MAX:
        return True  # 第三，继续加强和改善宏观调控: an older report's short ordinal heading line
    if len(prev) <= BARE_HEADING_MAX and HEADING_WORDS.search(prev) and not _bare_clauses(prev):
        return True  # (the length first: a paragraph's line is long, and the search reads it whole)
    if ":" in prev and _PAGE_STAMP.search(prev):
        return True
    if in_header:
        flat = re.sub(r"\s", "", prev)
        return flat.endswith(("上", "报告", ")", "）")) or bool(SPEAKER_LINE.search(next_line)) \
            or bool(SPEAKER_LINE.search(prev))
    return False


def normalize_characters(text: str) -> str:
    """A short text (a search query, a dictionary term, a page's top) written as the cleaner writes a
    report's characters: full-width forms to ASCII, ○ among numerals to 〇, pinyin glosses out,
    traditional script to simplified (without the cleaner's test that a text is traditional
    throughout: a word is too short for it)."""
    for run in (normalize_width, repair_zero_circles, remove_pinyin_glosses):
        text, _, _ = offsets.apply(text, (), text, run(text))
    return text if text.isascii() else str(_t2s().convert(text))


# --- the chain ----------------------------------------------------------------------------------

def default_passes(patterns: Patterns | None = None) -> list[Pass]:
    p = patterns or default_patterns()
    # line-based passes first; digit repairs last, once broken lines and numbers are whole again
    # (entities right after markup, so a line of &nbsp; alone is a blank line to the line-based passes
    # and an escaped <script> stays text; and again once broken lines are joined: &l⏎dquo;)
    # (letter spacing before glosses, which it may space out, and after them, which may stand between
    # a line's spaced characters: 经(jīng) 济)
    return [remove_undecodable, remove_markup, remove_markdown, unescape_entities, normalize_width, join_letter_spaces,
            repair_zero_circles, remove_pinyin_glosses, join_letter_spaces, to_simplified, remove_junk,
            restore_lost_quotes, normalize_punctuation,
            remove_line_end_tags, restore_line_breaks,
            remove_repeated_summary, remove_chrome(p), remove_resolution(p), remove_page_markers,
            remove_page_numbers_in_amounts, remove_spam(p),
            repair_dashes, join_broken_lines, unescape_entities, join_decimal_dots, join_number_spaces,
            restore_list_separators,
            repair_ocr_zeros, repair_ocr_digits]


_RAW_SPAN = attrgetter("raw_start", "raw_end")


@cache
def _default_chain() -> tuple[Pass, ...]:
    # clean(raw) without passes runs the default chain, built once: its chrome and spam passes
    # compile their patterns when built (~0.15 ms)
    return tuple(default_passes())


def clean(raw: str, passes: list[Pass] | None = None) -> CleanText:
    """Run the cleaning passes over raw text; the result maps every clean offset back to raw."""
    text = raw
    layers: tuple[Layer, ...] = ()
    edits: list[Edit] = []
    for run in passes if passes is not None else _default_chain():
        text, layers, done = offsets.apply(text, layers, raw, run(text))
        edits.extend(done)
    stripped = text.strip()
    if stripped != text:
        lead = len(text) - len(text.lstrip())
        proposals = [(0, lead, "", "trim")] if lead else []
        if len(text.rstrip()) < len(text):
            proposals.append((len(text.rstrip()), len(text), "", "trim"))
        text, layers, done = offsets.apply(text, layers, raw, proposals)
        edits.extend(done)
    edits.sort(key=_RAW_SPAN)
    return CleanText(text=text, raw=raw, layers=layers, edits=tuple(edits))
