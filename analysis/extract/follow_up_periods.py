"""Days covered by a trial's stated periods: consecutive treatment periods or cycles, a course followed by a period
off treatment, assessments at regular intervals, and a baseline period inside a stated span (additions rule c:
follow-up is counted from the start of treatment). Split from ``follow_up``, which takes the longest of these and
the sentence's time points."""

from __future__ import annotations

import re

from ketamine_evidence.analysis.extract.text_patterns import MONTH_UNITS, WEEK_UNITS, TimeMention, parse_number, unit_days

_PERIODS = re.compile(rf"\b(?P<k>two|three|four|2|3|4)\s(?P<n>\d+)[- ](?P<unit>days?|{WEEK_UNITS}|{MONTH_UNITS})\s(?:\w+\s)?"
                      rf"(?:treatment\s)?(?:periods|cycles)\b(?:[^.;]{{0,40}}?\b(?P<w>\d+)[- ](?P<wunit>days?|{WEEK_UNITS})\s(?:of\s)?"
                      rf"wash-?out)?",
                      re.I)
_SEQUENCE = re.compile(rf"\bfor\s(?P<a>[\d.]+(?:\s?[-\u2013]\s?[\d.]+)?)\s(?P<ua>days?|{WEEK_UNITS}|{MONTH_UNITS})"
                       r"(?P<link>,\s|\s(?:followed by|then|and then)\s)[^.;]{0,60}?\bfor\s"
                       rf"(?P<b>[\d.]+(?:\s?[-\u2013]\s?[\d.]+)?)\s(?P<ub>days?|{WEEK_UNITS}|{MONTH_UNITS})", re.I)


# Treatment cycles, the length first: 'One treatment cycle lasted for 21 days and two cycles were scheduled'.
_CYCLES = re.compile(rf"\bcycles?\s(?:lasted|lasting|of|was)\s(?:for\s)?(?P<n>\d+)\s(?P<unit>days?|{WEEK_UNITS})\b[^.;]{{0,40}}?"
                     r"\b(?P<k>two|three|four|five|six|eight|\d)\s(?:\w+\s)?cycles\b", re.I)


# A crossover's arms in sequence, each with its period in brackets: 'placebo (56 days) followed by experimental
# (56 days)'.
_BRACKETED_SEQUENCE = re.compile(rf"\((?P<n>\d+)\s(?P<unit>days?|{WEEK_UNITS}|{MONTH_UNITS})\)\s(?:followed by|then)\s"
                                 rf"[^.;()]{{1,40}}\((?P<m>\d+)\s(?P<unit2>days?|{WEEK_UNITS}|{MONTH_UNITS})\)", re.I)


def consecutive_periods(text: str, phased: bool) -> float | None:
    """Days covered by consecutive treatment periods or cycles: 'two 4-week treatment periods separated by a 2-week
    washout' -> 70; 'One treatment cycle lasted for 21 days and two cycles were scheduled' -> 42; 'immediate-release
    for 2-9 days, sustained-release for 10-15 days' (a phased design) -> 24; 'X for 3 days followed by Y for 9 days'
    -> 12."""
    m = _PERIODS.search(text) or _CYCLES.search(text) if "ycle" in text else _PERIODS.search(text)
    if m:
        k = int(parse_number(m.group("k")) or 0)
        days = k * float(m.group("n")) * (unit_days(m.group("unit")) or 0)
        if m.groupdict().get("w"):
            days += (k - 1) * float(m.group("w")) * (unit_days(m.group("wunit")) or 0)
        return days or None
    m = _BRACKETED_SEQUENCE.search(text) if phased and "(" in text else None
    if m:  # a crossover: one treatment period (additions rule c)
        first = float(m.group("n")) * (unit_days(m.group("unit")) or 0)
        return max(first, float(m.group("m")) * (unit_days(m.group("unit2")) or 0)) or None
    m = _SEQUENCE.search(text)
    if m and (phased or re.search(r"followed by|then", m.group("link"), re.I)):
        top = lambda v: max(float(x) for x in re.split(r"\s?[-\u2013]\s?", v))  # noqa: E731
        return top(m.group("a")) * (unit_days(m.group("ua")) or 0) + top(m.group("b")) * (unit_days(m.group("ub")) or 0)
    return None


# A course, then a stated period off treatment in the same sentence: 'for 8 weeks, with a 4-week washout period',
# 'for 12 weeks followed by a 4-week follow-up period'. Counted from the start of treatment (relief's reading) it is
# both; the follow-up after treatment is the period off it (additions rule c, revised in round 14); in a crossover the
# washout lies between periods and the follow-up is one period.
_COURSE_THEN_OFF = re.compile(
    rf"\bfor\s(?P<a>\d+(?:\.\d+)?|[a-z]+)\s(?P<ua>days|{WEEK_UNITS}|{MONTH_UNITS}),?\s(?:with|followed by|and then|then)\s(?:an?\s|the\s)?"
    rf"(?:subsequent\s)?(?P<b>\d+(?:\.\d+)?|[a-z]+)[- ](?P<ub>days?|{WEEK_UNITS}|{MONTH_UNITS})\s(?:wash-?out|follow[- ]?up|treatment-free|"
    r"post-?treatment|off-treatment)\s(?:period|phase)\b", re.I)


def course_then_off(text: str, after_end: bool = False) -> float | None:
    """Days of a course plus the period off treatment after it ('for 8 weeks, with a 4-week washout period' -> 84),
    counted from the start of treatment; with ``after_end``, the period off treatment alone (28), the time stated after
    the end of treatment (additions rule c, revised in round 14)."""
    m = _COURSE_THEN_OFF.search(text) if "period" in text or "phase" in text else None
    if m is None:
        return None
    parts = [(parse_number(m.group(n)), unit_days(m.group(u))) for n, u in (("a", "ua"), ("b", "ub"))]
    if any(number is None or per is None for number, per in parts):
        return None  # 'for several weeks'
    if after_end:
        return parts[1][0] * parts[1][1] or None  # type: ignore[operator]
    return sum(number * per for number, per in parts) or None  # type: ignore[operator]


# Assessments on a schedule: 'evaluated at the clinic four times, with 4-week intervals' (the first at baseline).
_INTERVALS = re.compile(r"\b(?P<n>two|three|four|five|six|seven|eight|\d)\s(?:times|visits|assessments|occasions),?\s(?:with|at)\s"
                        rf"(?P<m>\d+|one|two|three|four|six|eight|twelve)[- ](?P<unit>days?|{WEEK_UNITS}|{MONTH_UNITS})\sintervals?\b",
                        re.I)


def interval_schedule(text: str) -> float | None:
    """Days from the first to the last of assessments at regular intervals ('four times, with 4-week intervals' ->
    84), or None."""
    m = _INTERVALS.search(text) if "interval" in text else None
    if m is None:
        return None
    n, every, per = parse_number(m.group("n")), parse_number(m.group("m")), unit_days(m.group("unit"))
    return (n - 1) * every * per if n and every and per and n > 1 else None



# A baseline or run-in period before treatment, stated with its length: '1 week of baseline measurement', 'a 2-week
# run-in period', 'a baseline period of 7 days'.
_BASELINE = re.compile(rf"\b(?P<a>\d+|one|two|three|four)[- ](?P<ua>days?|{WEEK_UNITS})\s(?:of\s)?(?:baseline|run-?in)\b|"
                       rf"\b(?:baseline|run-?in)\s(?:period|phase)\sof\s(?P<b>\d+|one|two|three|four)\s(?P<ub>days?|{WEEK_UNITS})\b",
                       re.I)


def _from_treatment_start(text: str, kept: list[TimeMention]) -> list[float]:
    """The sentence's times counted from the start of treatment (additions rule c): a span that is a stated baseline
    period plus another stated part ('for 14 days ..., 1 week of baseline measurement, and 1 week of ongoing
    treatment') lasts the other part after treatment starts (14 - 7)."""
    days = [t.max_days for t in kept]
    m = _BASELINE.search(text) if "aseline" in text or "run" in text else None
    if m is None:
        return days
    base = (parse_number(m.group("a") or m.group("b")) or 0) * (unit_days(m.group("ua") or m.group("ub")) or 0)
    others = list(days)  # the other stated parts: the baseline's own mention is not one
    if base in others:
        others.remove(base)
    return [d - base if base and any(abs(d - base - p) <= 1 and p < d for p in others) else d for d in days]
