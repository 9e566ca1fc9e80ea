"""Time rewrites of an abstract that must not change its gold answer (metamorphic invariance, round 6).

Relief and follow-up are read in days (guideline: 1 week = 7, 1 month = 30, hours / 24; additions rule
at-list "Months are counted as 30 days and years as 365"), so a time stated in another unit that gives the
same number of days, or in another spelling of the same unit, is annotated identically:

- ``weeks_days``: 'N weeks' / 'N-week' / 'week N' -> 7N days (and, in a text with no weeks, whole multiples of 7
  days -> weeks): a week is 7 days by the guideline, so the count in days is the same.
- ``months_days``: 'N months' / 'month N' -> 30N days (and multiples of 30 days -> months): a month is 30 days by
  the guideline. Years are not rewritten: '12 months' gives 360 and '1 year' 365, the same only within tolerance.
- ``unit_abbreviations``: 'h'/'hr'/'hrs' -> 'hours', 'wk' -> 'weeks', 'mo' -> 'months' after a number (and, in
  a text with none, the words -> 'h', 'wk', 'mo'): one unit, two spellings.
- ``hours_hr``: 'N h' / 'N hours' -> 'N hr' / 'N hrs': the same unit.
- ``hyphen_numbers``: '1-year' <-> 'one-year' (and 'one year' <-> '1 year'): the same number in a time compound.
- ``postoperative_day``: 'postoperative day 2' <-> 'POD 2' (defined at its first use, as abstracts do): the same day.
- ``point_order``: 'at 6 months' <-> 'at month 6', 'up to 3 weeks' <-> 'up to week 3': the same time point named
  in the other order.
- ``after_surgery``: '24 h postoperatively' <-> '24 h after surgery': the same time, counted from the same start.
- ``sd_sign``: '258.82 ± 14.50 min' <-> '258.82 + 14.50 min': a mean time and its SD, the sign as some texts carry it
  (round 8); the mean is the time either way.
- ``follow_up_stated``: 'were followed up for 18 months' -> 'were followed up; the follow-up period was 18 months', 'a
  follow-up of 2 months' -> 'a follow-up lasting 2 months': the same follow-up, its length stated with the follow-up
  as its subject (round 11).

A number after '±' or '+/-' (an SD) is left, with its unit, as it is: rewriting the SD alone would change the mean.
"""

from __future__ import annotations

import re
from typing import Callable

from ketamine_evidence.analysis.extract.text_patterns import NUM_LIST, NUMBER, parse_number

_SMALL_WORDS = ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
                "seventeen eighteen nineteen twenty").split()
# Not after a sign (an SD or an equation), a slash (a rate) or a word character.
_NOT_AFTER = r"(?<![\w.\u00b1/=])(?<!\u00b1 )(?<!\+/- )(?<!\+/-)"

# A list's last number with a unit of its own ('at month 3 to 91 μg/h') is a value, not a time of the list.
_NO_VALUE = r"(?!\s?(?:%|[\u00b5\u03bcmnk]?g\b|m[lL]\b|mm(?:Hg|ol)?\b|cm\b|IU\b|points?\b))"


def _fmt(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


def _scaled(nums: str, factor: float, divisor: float = 1.0) -> tuple[str, list[float]] | None:
    """Every number of a list ('2, 4 and 8') times ``factor`` / ``divisor``; None when a result is not whole
    where dividing, or when a number is not read."""
    values: list[float] = []

    def one(m: re.Match[str]) -> str:
        value = parse_number(m.group(0))
        if value is None:
            raise ValueError(m.group(0))
        new = value * factor / divisor
        if divisor != 1.0 and new != int(new):
            raise ValueError(m.group(0))
        values.append(new)
        return _fmt(new)

    try:
        return NUMBER.sub(one, nums), values
    except ValueError:
        return None


def _case(word: str, like: str) -> str:
    return word.capitalize() if like[:1].isupper() else word


def _unit_rewrite(units: str, new_single: str, factor: float, divisor: float, min_value: float = 0.0
                  ) -> Callable[[str], str]:
    """A rewrite of quantities ('2 weeks', '2-week') and points ('week 2', 'weeks 2 and 4') in ``units``
    into ``new_single`` with every number times factor / divisor."""
    quantity = re.compile(rf"{_NOT_AFTER}(?P<nums>{NUM_LIST})(?P<sep>\s|-)(?P<unit>{units})(?![\w\-]*\s?(?:a|per)\s"
                          rf"(?:week|month)\b)(?![a-z])", re.I)
    point = re.compile(rf"\b(?P<unit>{units})\s(?P<nums>{NUM_LIST})(?!\w|\.\d|\s?(?:\u00b1|\+/-)){_NO_VALUE}", re.I)

    def quantity_sub(m: re.Match[str]) -> str:
        if re.match(r"\s?(?:\u00b1|\+/-)", m.string[m.end("nums"):m.end("nums") + 3]):
            return m.group(0)
        got = _scaled(m.group("nums"), factor, divisor)
        if got is None or max(got[1]) < min_value:
            return m.group(0)
        nums, values = got
        plural = m.group("sep") != "-" and (len(values) > 1 or values[0] != 1)
        return f"{nums}{m.group('sep')}{_case(new_single + ('s' if plural else ''), m.group('unit'))}"

    def point_sub(m: re.Match[str]) -> str:
        got = _scaled(m.group("nums"), factor, divisor)
        if got is None or max(got[1]) < min_value:
            return m.group(0)
        nums, values = got
        return f"{_case(new_single + ('s' if len(values) > 1 else ''), m.group('unit'))} {nums}"

    return lambda text: point.sub(point_sub, quantity.sub(quantity_sub, text))


_WEEKS, _MONTHS, _DAYS = r"weeks?|wks?", r"months?|mos?", r"days?"
_WEEKS_TO_DAYS = _unit_rewrite(_WEEKS, "day", 7.0, 1.0)
_DAYS_TO_WEEKS = _unit_rewrite(_DAYS, "week", 1.0, 7.0, min_value=1.0)
_MONTHS_TO_DAYS = _unit_rewrite(_MONTHS, "day", 30.0, 1.0)
_DAYS_TO_MONTHS = _unit_rewrite(_DAYS, "month", 1.0, 30.0, min_value=1.0)
_ANY_WEEK = re.compile(r"\b(?:weeks?|wks?)\b", re.I)
_ANY_MONTH = re.compile(r"\b(?:months?|mos?)\b", re.I)


def weeks_days(text: str) -> str:
    """Weeks -> days (7 each); in a text without weeks, whole multiples of 7 days -> weeks."""
    return _WEEKS_TO_DAYS(text) if _ANY_WEEK.search(text) else _DAYS_TO_WEEKS(text)


def months_days(text: str) -> str:
    """Months -> days (30 each); in a text without months, whole multiples of 30 days -> months."""
    return _MONTHS_TO_DAYS(text) if _ANY_MONTH.search(text) else _DAYS_TO_MONTHS(text)


# ------------------------------------------------------------------------------------------------ unit spelling
_AFTER_NUMBER = rf"{_NOT_AFTER}(?P<nums>{NUM_LIST})(?P<sep>\s?|-)"
_ABBREVIATED = re.compile(rf"{_AFTER_NUMBER}(?P<unit>hrs?|h|wks?|mos?)(?![\w\-\u2212/]|\.\w)")
_WORDS = re.compile(rf"{_AFTER_NUMBER}(?P<unit>hours?|weeks?|months?)(?![\w])", re.I)
_EXPAND = {"h": "hour", "hr": "hour", "hrs": "hour", "wk": "week", "wks": "week", "mo": "month", "mos": "month"}
_ABBREVIATE = {"hour": "h", "week": "wk", "month": "mo"}


def _plural(nums: str) -> bool:
    values = [parse_number(m.group(0)) for m in NUMBER.finditer(nums)]
    return len(values) > 1 or values[:1] != [1.0]


def unit_abbreviations(text: str) -> str:
    """Abbreviated time units after a number spelled out; in a text with none, the words abbreviated."""
    if _ABBREVIATED.search(text):
        def expand(m: re.Match[str]) -> str:
            hyphen = m.group("sep") == "-"
            word = _EXPAND[m.group("unit")] + ("s" if not hyphen and _plural(m.group("nums")) else "")
            return f"{m.group('nums')}{'-' if hyphen else ' '}{word}"
        return _ABBREVIATED.sub(expand, text)

    def abbreviate(m: re.Match[str]) -> str:
        sep = "-" if m.group("sep") == "-" else " "
        return f"{m.group('nums')}{sep}{_ABBREVIATE[m.group('unit').lower().rstrip('s')]}"
    return _WORDS.sub(abbreviate, text)


_HOURS = re.compile(rf"{_AFTER_NUMBER}(?P<unit>hours?|h)(?![\w\-\u2212/]|\.\w)", re.I)


def hours_hr(text: str) -> str:
    """'24 h' / '24 hours' -> '24 hrs' ('1 hr'); '24-h' -> '24-hr'."""
    def sub(m: re.Match[str]) -> str:
        if m.group("sep") == "-":
            return f"{m.group('nums')}-hr"
        return f"{m.group('nums')} {'hrs' if _plural(m.group('nums')) else 'hr'}"
    return _HOURS.sub(sub, text)


# ------------------------------------------------------------------------------------------------ number words
_TIME_WORD = r"(?:day|week|month|year|hour|minute)"
_WORD_COMPOUND = re.compile(rf"(?<![\w\-])(?P<num>{'|'.join(_SMALL_WORDS)})-(?P<unit>{_TIME_WORD})(?![a-z])", re.I)
_DIGIT_COMPOUND = re.compile(rf"(?<![\w.\-/\u00b1])(?P<num>[1-9]|1\d|20)-(?P<unit>{_TIME_WORD})(?![a-z])", re.I)
_ONE = re.compile(rf"(?<![\w\-.,\u00b1])(?<!\u00b1 )(?P<num>one|1)\s(?P<unit>{_TIME_WORD})(?![a-z])", re.I)


def hyphen_numbers(text: str) -> str:
    """'one-year' -> '1-year' ('One year' -> '1 year'); in a text with no such word, '1-year' -> 'one-year'
    and '1 year' -> 'one year'."""
    if _WORD_COMPOUND.search(text) or re.search(rf"(?<![\w\-])one\s{_TIME_WORD}(?![a-z])", text, re.I):
        text = _WORD_COMPOUND.sub(lambda m: f"{_SMALL_WORDS.index(m.group('num').lower()) + 1}-{m.group('unit')}",
                                  text)
        return _ONE.sub(lambda m: f"1 {m.group('unit')}", text)

    def word(m: re.Match[str]) -> str:
        start = m.start() == 0 or text[:m.start()].rstrip().endswith((".", "\n"))
        w = _SMALL_WORDS[int(m.group("num")) - 1]
        return f"{w.capitalize() if start else w}-{m.group('unit')}"
    text = _DIGIT_COMPOUND.sub(word, text)
    return _ONE.sub(lambda m: f"{'One' if m.start() == 0 or text[:m.start()].rstrip().endswith(('.', chr(10))) else 'one'}"
                              f" {m.group('unit')}", text)


# ------------------------------------------------------------------------------------------------ POD
_POD_DEFINED = re.compile(r"(postoperative days?)\s\(PODs?\)", re.I)
_POD = re.compile(r"\bPODs?\s?(?=\d)")
_POSTOP_DAY = re.compile(rf"\b[Pp]ost-?operative\s(?:day|days)\s(?=(?:{NUM_LIST})(?![\w.]))")


def postoperative_day(text: str) -> str:
    """'POD 2' -> 'postoperative day 2' (a definition '(POD)' dropped); in a text with no 'POD', 'postoperative
    day 2' -> 'POD 2', the first one written 'postoperative day (POD) 2'."""
    if re.search(r"\bPODs?\b", text):
        text = _POD_DEFINED.sub(r"\1", text)
        return _POD.sub(lambda m: "postoperative days " if m.group(0).startswith("PODs") else "postoperative day ",
                        text)
    first = [True]

    def contract(m: re.Match[str]) -> str:
        if first[0]:
            first[0] = False
            return m.group(0).rstrip() + " (POD) "
        return "POD "
    return _POSTOP_DAY.sub(contract, text)


# ------------------------------------------------------------------------------------------------ point order
_AT_QUANTITY = re.compile(rf"\b(?P<at>[Aa]t|[Bb]y|[Uu]ntil|[Uu]p to|[Tt]hrough)\s(?P<nums>{NUM_LIST})\s(?P<unit>weeks?|months?)"
                          rf"(?!\s(?:of\sage|old|of\s(?:treatment|therapy|follow))|[\w\-])")
_AT_POINT = re.compile(rf"\b(?P<at>[Aa]t|[Bb]y|[Uu]ntil|[Uu]p to|[Tt]hrough)\s(?P<unit>weeks?|months?)\s(?P<nums>{NUM_LIST})"
                       rf"(?!\w|\.\d){_NO_VALUE}")


def point_order(text: str) -> str:
    """'at month 6' -> 'at 6 months'; in a text with none, 'at 6 months' -> 'at month 6' (weeks alike)."""
    if _AT_POINT.search(text):
        def quantity(m: re.Match[str]) -> str:
            unit = m.group("unit").rstrip("s") + ("s" if _plural(m.group("nums")) else "")
            return f"{m.group('at')} {m.group('nums')} {unit}"
        return _AT_POINT.sub(quantity, text)

    def point(m: re.Match[str]) -> str:
        multi = len(NUMBER.findall(m.group("nums"))) > 1
        return f"{m.group('at')} {m.group('unit').rstrip('s') + ('s' if multi else '')} {m.group('nums')}"
    return _AT_QUANTITY.sub(point, text)


# ------------------------------------------------------------------------------------------------ after surgery
_TIME_BEFORE = rf"(?P<time>{NUM_LIST}[\s-]?(?:hours?|hrs?|h|days?|weeks?|months?))\s"
_POSTOPERATIVELY = re.compile(rf"{_TIME_BEFORE}post-?operatively\b", re.I)
_AFTER_SURGERY = re.compile(rf"{_TIME_BEFORE}after (?:the )?(?:surgery|operation)\b", re.I)


def after_surgery(text: str) -> str:
    """'24 h postoperatively' -> '24 h after surgery'; in a text with none, '24 h after surgery' -> '24 h
    postoperatively'."""
    if _POSTOPERATIVELY.search(text):
        return _POSTOPERATIVELY.sub(lambda m: f"{m.group('time')} after surgery", text)
    return _AFTER_SURGERY.sub(lambda m: f"{m.group('time')} postoperatively", text)


# A mean time with its SD: '258.82 ± 14.50 min' <-> '258.82 + 14.50 min' (the sign as some texts carry it).
_SD_TIME = r"\s?(?:min|minutes|h|hours?|hrs?|days?|weeks?)\b"
_PLUS_MINUS = re.compile(rf"(?P<mean>\d+\.\d+)\s?\u00b1\s?(?P<sd>\d+(?:\.\d+)?)(?={_SD_TIME})")
_PLUS = re.compile(rf"(?P<mean>\d+\.\d+) \+ (?P<sd>\d+(?:\.\d+)?)(?={_SD_TIME})")


def sd_sign(text: str) -> str:
    """'258.82 ± 14.50 min' -> '258.82 + 14.50 min' (a decimal mean above its SD); in a text with none, the '+' form ->
    '±': the same mean time either way (``timepoints`` reads both as one measured time)."""
    def plus(m: re.Match[str]) -> str:
        return f"{m.group('mean')} + {m.group('sd')}" if float(m.group("sd")) < float(m.group("mean")) else m.group(0)
    if _PLUS_MINUS.search(text):
        return _PLUS_MINUS.sub(plus, text)
    return _PLUS.sub(lambda m: f"{m.group('mean')} \u00b1 {m.group('sd')}", text)


# ------------------------------------------------------------------------------------------ stated follow-up
_FOLLOWED_FOR = re.compile(r"\b(?P<verb>were|was) followed(?: up)? for (?P<len>(?:\d+(?:\.\d+)?|[a-z]+)\s(?:days?|weeks?|months?|"
                           r"years?))\b(?![\s-](?:after|following|post|from|and|or|to)\b)", re.I)

_FOLLOW_UP_OF = re.compile(r"\b(?P<head>follow[- ]?up (?:period )?)of (?P<len>(?:\d+(?:\.\d+)?|[a-z]+)\s(?:days?|weeks?|months?|years?))\b"
                           r"(?![\s-](?:after|following|post|from|and|or|to)\b)", re.I)


def follow_up_stated(text: str) -> str:
    """'Patients were followed up for 18 months' -> 'Patients were followed up; the follow-up period was 18 months',
    'a follow-up of 2 months' -> 'a follow-up lasting 2 months': the follow-up's length stated with the follow-up as
    its subject, the same length (round 11, time11). A length
    counted from a later start ('for 3 weeks after their initial intervention appointment') is left as it is."""
    def sub(m: re.Match[str]) -> str:
        length = m.group("len")
        if parse_number(length.split()[0]) is None:
            return m.group(0)  # 'for several weeks'
        return f"{m.group('verb')} followed up; the follow-up period was {length}"
    text = _FOLLOWED_FOR.sub(sub, text)
    return _FOLLOW_UP_OF.sub(lambda m: f"{m.group('head')}lasting {m.group('len')}"
                             if parse_number(m.group("len").split()[0]) is not None else m.group(0), text)


TIME_REWRITES: dict[str, Callable[[str], str]] = {
    "weeks_days": weeks_days, "months_days": months_days, "unit_abbreviations": unit_abbreviations,
    "hours_hr": hours_hr, "hyphen_numbers": hyphen_numbers, "postoperative_day": postoperative_day,
    "point_order": point_order, "after_surgery": after_surgery, "sd_sign": sd_sign, "follow_up_stated": follow_up_stated,
}
