"""The follow-up after the end of treatment (additions rule c, revised in round 14; guideline: 'the longest follow-up
after treatment stated').

Where the abstract states the follow-up as a time after the end of treatment ('followed up 24 months post-treatment',
'1 month after completion of the treatment', 'then followed up for another 28 days', 'for 8 weeks, with a 4-week
washout period'), that stated time is the follow-up: the course is not added (``timepoints.TimePoint.stated_days``,
``follow_up_periods.course_then_off``), and a time that falls within the treatment course (the course itself, 'for
64 days', or an assessment during it, 'by Day 64') is no follow-up after treatment. A time counted from the start
that lies beyond every course stated ('12-weeks' after a 6-week programme) is still a time at which patients were
followed. Where no time after the end of treatment is stated, every time counts from the start of treatment, as
before (rules c, v).
"""

from __future__ import annotations

import re

from ketamine_evidence.analysis.extract.text_patterns import TimeMention
from ketamine_evidence.analysis.extract.timepoints import course_days

AFTER_END = "after_treatment_end"  # ``TimeMention.kind`` of a time stated after the end of treatment, kept as stated
# A time counted from an event named right after it ('over the first 30 days following treatment', '24 h after
# surgery'): a time after that event, not a time within the course.
_FROM_EVENT = re.compile(r"\s?(?:\([^()]*\)\s?)?(?:after|following|post)\b", re.I)


def after_the_end(observed: list[list[TimeMention]], texts: list[str], course_texts: list[str],
                  period_after: bool = False) -> list[list[TimeMention]]:
    """``observed`` (the candidate times of each sentence in ``texts``) without the times that fall within the treatment
    course (stated in ``course_texts``), where some sentence states a time after the end of treatment (a time anchored
    there, or with ``period_after`` a period off treatment after the course, 'for 8 weeks, with a 4-week washout
    period'); unchanged where none does, or no course is stated."""
    if not period_after and not any(t.kind == AFTER_END for found in observed for t in found):
        return observed
    longest = course_days(course_texts)  # every arm's course: a comparator's longer course is treatment time too
    if longest is None:
        return observed
    return [[t for t in found if t.kind == AFTER_END or t.max_days > longest or _FROM_EVENT.match(text, t.end)]
            for text, found in zip(texts, observed)]
