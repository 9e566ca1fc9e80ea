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
from ketamine_evidence.analysis.extract.timepoints import time_points

# The words between a result's clause and a further time point of the same list: ', and at', ' and', ', '.
_LIST_JOIN = re.compile(r"^\s?(?:\([^()]*\)\s?)?,?\s(?:(?:and|or|as well as)\s)?(?:(?:at|on|after|by|to|until|through)\s(?:the\s)?)?$",
                        re.I)
# Where the list ends: a new clause ('but', 'whereas', ';', a full stop) or a statement with a verb of its own.
_VERBS = frozenset(("was", "were", "is", "are", "had", "did"))
_LIST_END = re.compile(r"[.;]\s|[.;]$|\b(?:but|however|whereas|although|while|was|were|is|are|had|did|not|no|except)\b", re.I)
# What may follow a listed time within the list: its own statistics and the event it counts from ('after surgery',
# 'postoperatively'), 'respectively', then a comma, a stop or the end. Other words make the time the opening of a
# statement of its own (', and at 24 h the difference disappeared', ', and similar at 12 and 24 h').
_ITEM_END = re.compile(r"^\s?(?:\([^()]*\)\s?)?(?:(?:after|following|post)[\s-](?:the\s)?(?:surgery|operation|procedure|treatment|"
                       r"intervention|injection|block|delivery|discharge)\b\s?|(?:post-?operatively|postoperative(?:ly)?|"
                       r"respectively)\b\s?)?(?:\([^()]*\)\s?)?(?:[,.;)]|$)", re.I)


def listed_days(rest: str, when: tuple[float | None, dict[int, float]]) -> list[float]:
    """The time points listed right after a result's clause that is cut before them, with no outcome or finding of
    their own: 'significantly lower ... at 2 h (p=0.01)' + ' and 12 h (p=0.03).' -> [0.5]. Their own p-values
    must not all be above 0.05 ('and 24 h (p = 0.08)': no difference then). The list is the run of times joined
    only by 'and', 'or' or commas; it stops where other words come between two times (' after surgery, and similar
    at 12 and 24 h'), and a time followed by words of its own opens a statement, not a list item. ``rest`` is the
    sentence after the clause; ``when`` the abstract's course and visit schedule (``follow_up.timing``)."""
    points = time_points(rest[:160], *when)
    if not points or not _LIST_JOIN.match(rest[:points[0].start]):
        return []
    end = _LIST_END.search(rest, points[0].end)
    if end is not None and end.group(0).lower() in _VERBS:
        return []  # ', and Day 3 scores were similar': the time opens a statement of its own
    listed = [points[0]]
    for p in points[1:]:
        if p.start == listed[-1].start or p.start >= listed[-1].end and _LIST_JOIN.match(rest[listed[-1].end:p.start]):
            listed.append(p)  # the same mention's further value ('12 and 24 h'), or the next item of the list
        else:
            break
    item_end = _ITEM_END.match(rest[listed[-1].end:])
    if item_end is None:
        return []  # the last time is followed by words of its own: it opens a statement
    tail = rest[:min(listed[-1].end + item_end.end(), end.start() if end else len(rest))]
    if _significance(tail) == "ns":
        return []
    return [p.days for p in listed if p.end <= len(tail)]  # the list shares its first time's role: no measured value
