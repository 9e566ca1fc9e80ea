"""The span over which a study was run, told apart from how long its patients were followed.

A study's running period is a calendar window, not a follow-up (``follow_up``): a span that lasts as long as the
calendar range stated beside it ('A prospective observational study of 18 months from January 2012 to June 2013'),
or a period the study was conducted over, with no follow-up or assessment word in the sentence ('This
cross-sectional study was conducted on 90 consecutive patients of psoriasis, over a period of 12 months').
A trial's own length beside a longer recruitment window ('an 8-week RCT ... between May 2012 and November 2013')
stays a follow-up.
"""

from __future__ import annotations

import re

from ketamine_evidence.analysis.extract.text_patterns import MONTH_NAME

_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
# 'from January 2012 to June 2013', 'between May 2012 and November 2013', 'from 2009 to 2011'.
_CALENDAR_RANGE = re.compile(rf"\b(?:from|between)\s(?:(?P<m1>{MONTH_NAME})\s)?(?P<y1>(?:19|20)\d\d)\s?(?:to|and|until|through|"
                             rf"[-\u2013])\s?(?:(?P<m2>{MONTH_NAME})\s)?(?P<y2>(?:19|20)\d\d)\b", re.I)
# A span the study was conducted over: 'was conducted on 90 consecutive patients ..., over a period of'.
_CONDUCTED_OVER = re.compile(r"\b(?:carried out|conducted|performed|undertaken)\b[^.;]{0,80}\b(?:for|over|during|in)\s"
                             r"(?:a|the)\s(?:time\s)?period\sof\s$", re.I)
_FOLLOWED = re.compile(r"\b(?:follow\w*|assess\w*|evaluat\w*|observ\w*|monitor\w*|measur\w*)\b", re.I)
# A time stated as a follow-up's length or counted from an event: '2-year follow-up', '2 years of follow-up',
# '2 years after surgery', '(2 years) postoperatively'; 'followed (up) for 2 years', 'a follow-up of 2 years'.
_OWN_FOLLOW_UP_AFTER = re.compile(r"\s?(?:\([^()]*\)\s?)?(?:[-\s](?:of\s)?(?:(?:clinical|post-?\w+)\s)?follow[- ]?up\b|"
                                  r"\s(?:after|following|post)\b|[\s-]post-?\w+|\s(?:post-?operatively|later)\b)", re.I)
_OWN_FOLLOW_UP_BEFORE = re.compile(r"\b(?:followed(?:\sup)?|follow[- ]?up(?:\s(?:period|time|duration))?(?:\sof|\swas|\slasted)?)"
                                   r"(?:\s(?:for|over|during|of))?(?:\s(?:a|an|the))?(?:\s(?:mean|median|average|minimum|maximum)"
                                   r"(?:\s(?:of|was))?)?(?:\s(?:at\sleast|up\sto|about|approximately|nearly))?\s$", re.I)
_DAYS_PER_MONTH = 30.0


def _month(word: str | None) -> int | None:
    """The month's number (1-12) of a month name or abbreviation, or None."""
    if not word:
        return None
    w = word.lower().rstrip(".")
    return next((i + 1 for i, name in enumerate(_MONTHS) if name.startswith(w[:3])), None)


def calendar_spans(text: str) -> list[float]:
    """Days covered by each calendar range of ``text``, both ends' months included ('from January 2012 to June 2013'
    -> 18 months = 540); a range of years alone counts whole years ('from 2009 to 2011' -> 2 or 3 years: both)."""
    if "19" not in text and "20" not in text:
        return []
    out: list[float] = []
    for m in _CALENDAR_RANGE.finditer(text):
        y1, y2 = int(m.group("y1")), int(m.group("y2"))
        if y2 < y1:
            continue
        a, b = _month(m.group("m1")), _month(m.group("m2"))
        if a is not None and b is not None:
            out.append(((y2 - y1) * 12 + b - a + 1) * _DAYS_PER_MONTH)
        else:
            out += [(y2 - y1) * 12 * _DAYS_PER_MONTH, (y2 - y1 + 1) * 12 * _DAYS_PER_MONTH]
    return out


def running_period(text: str, start: int, end: int, days: float) -> bool:
    """The time of ``days`` at ``text[start:end]`` is the span the study was run over, not a follow-up. A time the
    text ties to a follow-up or to an event ('a 2-year follow-up', 'followed for 2 years', '2 years of follow-up',
    '2 years after surgery') is the patients' own follow-up, whatever calendar period is stated beside it."""
    if days < 28:
        return False  # a running period is months or years
    if _OWN_FOLLOW_UP_AFTER.match(text, end) or _OWN_FOLLOW_UP_BEFORE.search(text[max(0, start - 40):start]):
        return False
    if _CONDUCTED_OVER.search(text[max(0, start - 140):start]) and not _FOLLOWED.search(text):
        return True
    return any(abs(days - span) <= max(31.0, 0.05 * span) for span in calendar_spans(text))
