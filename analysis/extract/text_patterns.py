"""Shared compiled patterns for numbers, percentages and time expressions in abstracts.

Every extractor that reads a number or a time point uses these, so that '3 months', 'three
months', 'at the 3-month follow-up', 'until week 12' and 'at 6 and 24 h' mean the same thing
everywhere (days: hours / 24, weeks x 7, months x 30, years x 365, as the guideline counts).
Patterns are compiled once at import.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from ketamine_evidence.analysis.extract.article_cache import per_article

NUMBER_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100,
}


def longest_first(words: Iterable[str]) -> list[str]:
    """``words`` ordered for a regex alternation: longer first, so a longer alternative wins over a shorter one at
    the same place ('nausea and vomiting' before 'nausea'); equal lengths by text, so a pattern built from a set is
    the same string in every process (set order follows the string hash seed)."""
    return sorted(words, key=lambda w: (-len(w), w))


_WORD_ALT = "|".join(longest_first(NUMBER_WORDS))
_TENS_ALT = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS_ALT = "one|two|three|four|five|six|seven|eight|nine"
# Two number words are one number only as tens and units ('twenty-four') or a count of hundreds ('three
# hundred'): 'two eight-day periods' is two periods of eight days, not ten.
_COMPOUND = rf"(?:(?:{_TENS_ALT})[- ](?:{_UNITS_ALT})|(?:{_WORD_ALT})[- ]hundred)(?![a-z])"

# A number: digits with optional thousands separators and decimal point (also the middle dot
# some journals use), or a number word ('twenty-four', 'three', 'two hundred').
NUM = (rf"(?:\d{{1,3}}(?:,\d{{3}})+(?!\d)|\d+(?:[.\u00b7]\d+)?|\.\d+|"
       rf"{_COMPOUND}|(?:{_WORD_ALT})(?![a-z]))")
NUMBER = re.compile(rf"(?<![\w.]){NUM}(?![\w])", re.I)
PERCENT = re.compile(rf"(?<![\w.])({NUM})\s?(?:%|per\s?cent\b|percent\b)", re.I)

# Time units -> days per unit.
UNIT_DAYS: dict[str, float] = {
    "s": 1 / 86400, "sec": 1 / 86400, "second": 1 / 86400,
    "min": 1 / 1440, "minute": 1 / 1440, "mins": 1 / 1440,
    "h": 1 / 24, "hr": 1 / 24, "hrs": 1 / 24, "hour": 1 / 24, "hours": 1 / 24,
    "d": 1.0, "day": 1.0, "days": 1.0,
    "wk": 7.0, "wks": 7.0, "week": 7.0, "weeks": 7.0,
    "mo": 30.0, "mos": 30.0, "month": 30.0, "months": 30.0,
    "y": 365.0, "yr": 365.0, "yrs": 365.0, "year": 365.0, "years": 365.0,
}
# One unit's spellings (the guideline counts them alike): every pattern that names a unit uses these, so that
# '8-wk', '6 mo' and '24 hrs' read as '8-week', '6 months' and '24 hours' do.
HOUR_UNITS = r"(?:hours?|hrs?|h)"
WEEK_UNITS = r"(?:weeks?|wks?)"
MONTH_UNITS = r"(?:months?|mos?)"
# A calendar month's name or abbreviation ("January", "Sept.", "Nov"), for patterns compiled with ``re.I``.
MONTH_NAME = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
UNIT = (r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?|d|weeks?|wks?|months?|mos?|"
        r"years?|yrs?|y)")
_UNIT_RE = re.compile(UNIT + r"$", re.I)

# '6 and 24 h', '0, 4, 12, and 24 hours', '3-6 months', '48 h', 'twelve weeks', '3-month', '24-hour'.
NUM_LIST = rf"{NUM}(?:\s?(?:,|-|\u2013|to|and|or|,\s?and)\s?{NUM})*"
# What follows a duration's last number: an optional qualifier, then the unit.
_DURATION_TAIL = (rf"[\s-]?(?:(?:postoperative|post-operative|consecutive|treatment|study|follow-up)\s)?"
                  rf"(?P<unit>{UNIT})(?![a-z])")
# Led by the characters every match starts with (a digit, '.', a number word's first letter; ``re.I`` reads the
# look-ahead's letters as it reads the words'): ``re`` passes every other word start at once instead of trying
# each of the number's alternatives there (same matches; 2,180 time sentences of 300 workload records scanned in
# 25.8 instead of 30.0 ms, speed13). A prefilter (a digit followed by this tail, or a number word) was slower: the
# number words are parts of common words ('none', 'often', 'weight'), so it let 1,332 of the 2,180 through.
DURATION = re.compile(rf"(?=[\d.zotfsenh])(?<![\w.])(?P<nums>{NUM_LIST}){_DURATION_TAIL}", re.I)
# 'week 12', 'day 3', 'postoperative day 3', 'month 6', 'weeks 4 and 8', 'POD 2', 'postoperative day (POD) 1'.
POINT = re.compile(rf"\b(?:(?P<unit>weeks?|days?|months?|years?|hours?)(?:\s\((?-i:[A-Z]{{2,5}}s?)\))?\s|(?P<pod>POD)\s?)(?P<nums>{NUM_LIST})(?!\w|\.\d)", re.I)
# 'on the first postoperative day', 'during the second week', 'by the third month'.
ORDINALS: dict[str, int] = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                            "eighth": 8, "ninth": 9, "tenth": 10, "twelfth": 12}
ORDINAL_POINT = re.compile(
    r"\b(?:on|at|during|in|over|until|through|throughout|by|to|till) the (?P<ord>first|second|third|fourth|fifth|sixth|"
    r"seventh|eighth|ninth|tenth|twelfth|\d{1,2}(?:st|nd|rd|th)) (?:postoperative |post-?operative |post-?op |"
    r"treatment |follow-up |study )?(?P<unit>day|week|month|year)\b", re.I)


_THOUSANDS = re.compile(r"[-+]?\d{1,3}(?:,\d{3})+")
_WORD_PARTS = re.compile(r"[- ]")


def parse_number(text: str) -> float | None:
    """'12' -> 12.0, '1,000' -> 1000.0, '0·5' -> 0.5, 'twenty-four' -> 24.0, 'three' -> 3.0."""
    t = text.strip().lower().replace("\u00b7", ".").replace("\u2212", "-")
    if not t:
        return None
    if _THOUSANDS.fullmatch(t):
        t = t.replace(",", "")
    try:
        return float(t)
    except ValueError:
        pass
    parts = _WORD_PARTS.split(t)
    if all(p in NUMBER_WORDS for p in parts):
        value = 0
        for p in parts:  # 'hundred' multiplies what came before it: 'two hundred twenty-one' -> 221, not 2 + 100 + 21
            value = max(value, 1) * 100 if p == "hundred" else value + NUMBER_WORDS[p]
        return float(value)
    return None


_HUNDREDS = re.compile(r"^(.+?)[\s-]+hundred(?:\s+and)?(?:[\s-]+(.+))?$")  # "one-hundred eighteen" too


def count_value(text: str) -> int | None:
    """A count of people as written: 'One hundred and fifty-five' -> 155, 'Seventy five' -> 75, '1,000' -> 1000."""
    t = text.strip().lower()
    if t.startswith("hundred"):
        t = "one " + t
    m = _HUNDREDS.match(t)
    if m:
        head = parse_number(m.group(1))
        tail = parse_number(m.group(2)) if m.group(2) else 0.0
        if head is None or tail is None:
            return None
        return int(head * 100 + tail)
    value = parse_number(t)
    if value is None:
        parts = t.split()
        values = [parse_number(p) for p in parts]
        if values and all(v is not None for v in values):
            value = sum(values)  # 'seventy five'
    if value is None or value != int(value):
        return None
    return int(value)


def numbers_in(text: str) -> list[float]:
    """Every number in a list such as '0, 4, 12, and 24' or '3-6' (in order)."""
    out = []
    for m in NUMBER.finditer(text):
        value = parse_number(m.group(0))
        if value is not None:
            out.append(value)
    return out


def unit_days(unit: str) -> float | None:
    """Days per unit ('h' -> 1/24, 'weeks' -> 7, 'POD' -> 1); None for an unknown unit."""
    u = unit.lower().rstrip(".")
    if u == "pod":
        return 1.0
    if u in UNIT_DAYS:
        return UNIT_DAYS[u]
    if u.endswith("s") and u[:-1] in UNIT_DAYS:
        return UNIT_DAYS[u[:-1]]
    return None


@dataclass(frozen=True, slots=True)
class TimeMention:
    """A time expression in a sentence: its values in days (a list for '6 and 24 h'), and span."""

    days: tuple[float, ...]
    start: int
    end: int
    text: str
    kind: str  # 'duration' ('for 48 h', '12 weeks') or 'point' ('week 12', 'day 3')

    @property
    def max_days(self) -> float:
        return max(self.days)


# Every time expression holds a digit, a number word or an ordinal word: text with none of them has none
# (a few substring tests instead of three pattern scans).
_TIME_KEYS = tuple(sorted(set(NUMBER_WORDS) | set(ORDINALS)))
_DIGIT = re.compile(r"\d")
# The words every ``POINT`` / ``ORDINAL_POINT`` match holds (lower case): a sentence without one skips that scan
# (each cost as much as the ``DURATION`` scan).
_POINT_KEYS = ("day", "week", "month", "year", "hour", "pod")
_ORDINAL_UNITS = ("day", "week", "month", "year")
# Characters ``re.I`` equates with an ASCII letter that ``lower()`` does not turn into that letter alone: long s, dotless
# i, dotted I (s or i) and the Kelvin sign (k).
_CASE_ODD = re.compile("[\u0130\u0131\u017f\u212a]")


def may_hold(text: str, keys: tuple[str, ...], lowered: str | None = None) -> bool:
    """False only where ``text`` holds none of ``keys`` (lower case) even to ``re.I``: the cheap pre-check of a
    case-insensitive pattern every match of which holds one of them. True for a text holding a ``_CASE_ODD``
    character. ``lowered``: ``text.lower()`` when the caller has it."""
    if not text.isascii() and _CASE_ODD.search(text):
        return True
    low = text.lower() if lowered is None else lowered
    for key in keys:  # a plain loop: no generator per sentence
        if key in low:
            return True
    return False


# A unit of measurement right after a number: that number is a value, not the next time of a list.
# (or a spread of its own: '52.7+19.8 at day 2 and 85.1+22.0 at day 5' lists no 85.1st day: a mean and its SD)
_VALUE_AFTER = re.compile(r"\s?(?:%|[\u00b5\u03bcmnk]?g\b|m[lL]\b|mm(?:Hg|ol)?\b|cm\b|IU\b|points?\b|(?:\+|\u00b1|\+/-)\s?\d)")
# The last item of a number list with the separator before it: ' to 91'.
_LIST_TAIL = re.compile(rf"\s?(?:,|-|\u2013|to|and|or|,\s?and)\s?{NUM}$", re.I)


def time_mentions(text: str) -> list[TimeMention]:
    """All time expressions in ``text``, in order, with every value converted to days (see ``_time_mentions``).

    Kept for the sentences of one article (several extractors read the times of the same sentence); a
    new list each call."""
    return list(_cached_time_mentions(text))


@per_article
def _cached_time_mentions(text: str) -> tuple[TimeMention, ...]:
    if _DIGIT.search(text) is None and not may_hold(text, _TIME_KEYS):
        return ()
    return tuple(_time_mentions(text))


def _time_mentions(text: str) -> list[TimeMention]:
    """All time expressions in ``text``, in order, with every value converted to days.

    '6 and 24 h' -> (0.25, 1.0); 'up to 3 weeks' -> (21,); 'at the 3-month follow-up' -> (90,);
    'until week 12' -> (84,); 'postoperative day 3' -> (3,). Numbers that are not times
    ('3 groups', '24 patients') are not matched.
    """
    found: list[TimeMention] = []
    taken: list[tuple[int, int]] = []
    lowered = text.lower()  # for the word gates below only (offsets are read from ``text``)
    for m in (POINT.finditer(text) if may_hold(text, _POINT_KEYS, lowered) else ()):
        per = unit_days(m.group("unit") or m.group("pod"))
        values = numbers_in(m.group("nums"))
        if per is None or not values:
            continue
        end = m.end()
        if len(values) > 1 and _VALUE_AFTER.match(text, end):
            # 'at month 3 to 91 μg/h': the last number has a unit of its own, a value the point reached
            values.pop()
            end = m.start("nums") + _LIST_TAIL.search(m.group("nums")).start()
        found.append(TimeMention(tuple(v * per for v in values), m.start(), end, text[m.start():end], "point"))
        taken.append((m.start(), end))
    ordinal_possible = "the " in lowered and may_hold(text, _ORDINAL_UNITS, lowered)
    for m in (ORDINAL_POINT.finditer(text) if ordinal_possible else ()):
        ordinal = m.group("ord").lower()
        n = int(ordinal[:-2]) if ordinal[0].isdigit() else ORDINALS.get(ordinal)
        per = unit_days(m.group("unit"))
        if n and per and not any(s <= m.start("ord") < e for s, e in taken):
            found.append(TimeMention((n * per,), m.start("ord"), m.end(), m.group(0)[m.start("ord") - m.start():], "point"))
            taken.append((m.start("ord"), m.end()))
    for m in DURATION.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        unit = m.group("unit")
        per = unit_days(unit)
        values = numbers_in(m.group("nums"))
        if per is None or not values:
            continue
        if unit.lower() in ("d", "y", "h") and _looks_like_label(text, m, unit):
            continue
        found.append(TimeMention(tuple(v * per for v in values), m.start(), m.end(), m.group(0), "duration"))
    found.sort(key=lambda t: t.start)
    return found


def _looks_like_label(text: str, m: re.Match[str], unit: str) -> bool:
    """'5 d' is a time, but 'Eighty D-IBS patients' or '2 D-dimer' is not: a one-letter unit must be lower
    case (unless the whole text is upper case) and not glued to a following word."""
    after = text[m.end():m.end() + 2]
    if unit.isupper() and not text.isupper():
        return True
    return after[:1].isalpha() or (after[:1] == "-" and after[1:2].isalpha())


def max_time_days(text: str) -> float | None:
    """The longest time value stated in ``text`` (days), or None."""
    mentions = time_mentions(text)
    return max((t.max_days for t in mentions), default=None)


def percentages(text: str) -> list[tuple[float, int, int]]:
    """Every percentage: (value, start, end)."""
    out = []
    for m in PERCENT.finditer(text):
        value = parse_number(m.group(1))
        if value is not None:
            out.append((value, m.start(), m.end()))
    return out


# Significance wording shared by the outcome extractors.
# 'P < 0.05', 'p-value = .03', 'P value ≤ 0.001' (invariance p_typography: batch 7 27799159), and written without an operator: 'P value 0.019', 'P value of 0.02', '(P 0.004)' (read as '=').
_P_NUMBER = r"0?[.\u00b7]\d+|1(?:\.0+)?"
P_VALUE = re.compile(rf"\bp\s?(?P<op>[<>=\u2264\u2265]|&lt;|&gt;)\s?(?P<val>{_P_NUMBER})|"
                     rf"\bp(?:[- ]?values?\s?(?P<vop>[<>=\u2264\u2265]|&lt;|&gt;|of|was|is|:)?)?(?:\s|(?<=[=<>:\u2264\u2265]))(?P<bare>{_P_NUMBER})"
                     r"(?![\d.]*\s?(?:%|(?:mg|g|kg|ml|mm|cm|µg|mcg|mmol|h)\b))", re.I)


def p_values(text: str) -> list[tuple[str, float]]:
    """Every 'P < 0.05' style statement as (operator, value); '&lt;' normalised to '<'."""
    out = []
    for m in P_VALUE.finditer(text):
        written = m.group("op") or m.group("vop") or "="
        op = {"&lt;": "<", "&gt;": ">", "\u2264": "<", "\u2265": ">"}.get(written, written if written in "<>=" else "=")
        value = parse_number(m.group("val") or m.group("bare"))
        if value is not None:
            out.append((op, value))
    return out
