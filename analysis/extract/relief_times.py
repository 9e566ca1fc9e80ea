"""Which times belong to a result's clause (relief duration; guideline: 'the last time point at which the
intervention group is still reported better').

The clause splitter (``direction``) cuts a result at ' and' or ', ' so that each clause carries one finding. A
list of time points, each with its own statistics, is cut with it: 'Pain scores were reduced in the PAR/VAL group
..., relative to placebo ..., on Day 2 (−21%, P<0.001) and Day 3 (−23%, P=0.004).' leaves 'and Day 3 (...)' as a
clause with no finding of its own, so the benefit was read as lasting to day 2. ``listed_days`` gives the
result back the times listed right after it: a list item with no outcome, verb or negation of its own shares the
finding before it, unless its own p-values say there was no difference then.
"""

from __future__ import annotations

import re

from ketamine_evidence.analysis.extract.significance import _significance
from ketamine_evidence.analysis.extract.text_patterns import time_mentions
from ketamine_evidence.analysis.extract.timepoints import TimePoint, time_points

# The words between a result's clause and a further time point of the same list: ', and at', ' and', ', '.
_LIST_JOIN = re.compile(r"^\s?(?:\([^()]*\)\s?)?,?\s(?:(?:and|or|as well as)\s)?(?:(?:at|on|after|by|to|until|through)\s(?:the\s)?)?$",
                        re.I)
# What may follow a listed time within its item: its own statistics, the event it counts from ('after surgery', 'after
# patch application', 'after the first acupuncture', 'post-injection') or an adverb that dates or distributes it
# ('postoperatively', 'respectively'). The event is a noun phrase: no verb, negation, conjunction or preposition but
# 'of' inside it ('after the end of treatment').
_BRACKETS = re.compile(r"(?:\s?\([^()]*\))*")
_NOT_IN_PHRASE = (r"(?!(?:and|or|but|in|on|at|for|with|than|versus|vs|compared|between|among|within|during|to|by|"
                  r"before|after|was|were|is|are|had|has|have|did|not|no)\b)")
_CLAUSE_STOP = r"[;:)]|\.(?!\d)|$"  # a full stop, not a decimal point ('bupivacaine 0.5%')
_ANCHOR = re.compile(rf"\s?(?:(?:after|following|post|from|since)[\s-](?:{_NOT_IN_PHRASE}(?!of\b)[\w/-]+\s?){{1,4}}?"
                     rf"(?:of\s(?:the\s)?(?:{_NOT_IN_PHRASE}[\w/-]+\s?){{1,3}}?)?|post-?\w+ly\b\s?|post-?operative\b\s?|"
                     rf"respectively\b\s?)(?=,|{_CLAUSE_STOP}|\s?\(|\s(?:and|or|but|whereas|while|although|however|"
                     rf"compared|versus|vs\.?|relative|than|between|among|respectively)\b)", re.I)
# How a list's last item ends. The list ends at a clause boundary: a full stop or semicolon, a closing bracket, the
# end, a conjunction that opens another clause (' and similar at 24 h', ', whereas ...'), the comparison its finding
# makes (' than those in the control group', ' between the groups'), or a comma after which no verb or negation comes before that boundary
# (', respectively', ', p < 0.05'). Anything else after the time (a noun phrase that is no time, a verb, 'in both
# groups') makes the time the opening of a statement of its own (', and at 24 h the difference disappeared').
_BOUNDARY = re.compile(rf"\s?(?:{_CLAUSE_STOP}|,?\s(?:and|or|but|whereas|while|although|however|yet|except)\b|"
                       rf",?\s(?:compared|in comparison|versus|vs\.?|relative|than|between|among)\b)", re.I)
_COMMA = re.compile(r"\s?,")
_CLAUSE_REST = re.compile(r"[^;]*?(?=;|\.(?!\d)|$|\b(?:and|or|but|whereas|while|although|however)\b)", re.I)
# A finite verb: an auxiliary or copula, or a past form that opens no participle phrase ('compared with').
_VERB = re.compile(r"\b(?:was|were|is|are|had|has|have|did|does|remained|became|showed|persisted|"
                   r"(?!compared|adjusted|assessed|measured|recorded)[a-z]{3,}ed(?!\s(?:with|to|by|for)\b))\b", re.I)
_NEGATION = re.compile(r"\b(?:not|no|none|neither|nor)\b", re.I)


def _after_brackets(rest: str, at: int) -> int:
    """Where the brackets right after ``rest[at]`` (its statistics) end."""
    m = _BRACKETS.match(rest, at)
    return m.end() if m else at


def _mean_and_sd(point: TimePoint) -> bool:
    """A mean before its SD ('6.8 ± 3.4 days'): a measured duration, never a listed time point."""
    return point.measured and "\u00b1" in point.text


def item_end(rest: str, at: int) -> int | None:
    """Where the list item whose time ends at ``rest[at]`` ends (after its statistics and the event it counts from),
    or None where words of its own follow the time: then it opens a statement, not a list item."""
    pos = _after_brackets(rest, at)
    anchor = _ANCHOR.match(rest, pos)
    if anchor is not None and not _VERB.search(anchor.group(0)):
        pos = _after_brackets(rest, anchor.end())
    if _BOUNDARY.match(rest, pos):
        return pos
    comma = _COMMA.match(rest, pos)
    if comma is not None:
        clause = _CLAUSE_REST.match(rest, comma.end())
        if clause is not None and not _VERB.search(clause.group(0)) and not _NEGATION.search(clause.group(0)):
            return pos  # ', respectively', ', p < 0.05': no statement of its own
    return None


def listed_days(rest: str, when: tuple[float | None, dict[int, float]]) -> list[float]:
    """The time points listed right after a result's clause that is cut before them, with no outcome or finding of
    their own: 'significantly lower ... at 2 h (p=0.01)' + ' and 12 h (p=0.03).' -> [0.5]. Their own p-values
    must not all be above 0.05 ('and 24 h (p = 0.08)': no difference then), nor may they deny a difference. The list
    is the run of times joined by 'and', 'or' or commas, each with its own statistics and the event it counts from;
    it ends at a clause boundary, and a time followed by words of its own (a verb, a noun phrase that is no time)
    opens a statement, not a list item (``item_end``). ``rest`` is the sentence after the clause; ``when`` the
    abstract's course and visit schedule (``follow_up.timing``)."""
    points = time_points(rest[:160], *when)
    if not points or _mean_and_sd(points[0]) or not _LIST_JOIN.match(rest[:points[0].start]):
        return []
    listed = [points[0]]
    for p in points[1:]:
        if _mean_and_sd(p):
            break
        if p.start == listed[-1].start:
            listed.append(p)  # the same mention's further value ('12 and 24 h')
            continue
        end = item_end(rest, listed[-1].end) if p.start >= listed[-1].end else None
        if end is not None and end <= p.start and _LIST_JOIN.match(rest[end:p.start]):
            listed.append(p)  # the next item of the list
        else:
            break
    last = item_end(rest, listed[-1].end)
    if last is None:
        return []  # the last time is followed by words of its own: it opens a statement
    span = rest[:last]
    if _significance(span) == "ns" or _NEGATION.search(span):
        return []
    return [p.days for p in listed]  # the list shares its first time's role: no measured value


# Two groups' values of one outcome sharing one unit: '(8.8 vs. 11.1 minutes, P = 0.003)', '320 versus 220 min'. The
# time after 'vs.' is the second group's value, a measured outcome (ablation time, stay), not a time point; a time
# point compared with another one keeps its preposition ('at 6 vs. 12 months').
_PAIRED_BEFORE = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s?(?:\u00b1\s?\d+(?:\.\d+)?\s?)?(?:vs\.?|versus)\s$", re.I)
_POINT_WORD = re.compile(r"\b(?:at|after|by|until|to|on|in|within|from|day|week|month|hour|visit)\s$", re.I)


def paired_value(text: str, start: int) -> bool:
    """The time starting at ``text[start]`` is the second of two groups' values in one unit ('8.8 vs. 11.1 minutes')."""
    before = text[max(0, start - 40):start]
    m = _PAIRED_BEFORE.search(before)
    return m is not None and not _POINT_WORD.search(before[:m.start()])


def without_paired(text: str, times: tuple[float, ...]) -> tuple[float, ...]:
    """``times`` without those that ``text`` states only as the second of two groups' values ('8.8 vs. 11.1
    minutes'): the times a sentence lends a result whose clause was cut before them."""
    if " vs" not in text and "versus" not in text:
        return times
    paired: set[float] = set()
    unpaired: set[float] = set()
    for m in time_mentions(text):  # each mention judged once
        (paired if paired_value(text, m.start) else unpaired).update(m.days)
    paired -= unpaired
    return tuple(t for t in times if not any(abs(t - d) < 1e-9 for d in paired))
