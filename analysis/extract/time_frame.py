"""The time frame in force for each clause of a result sentence (issue 13: every time point tied to the comparison
it belongs to).

Trials often state when a set of results was seen once, before the results: 'At 6 months, pain was lower in the X
group ..., and function better', 'During the postoperative 48 h, there was a marked reduction in morphine
requirements ..., lower postoperative pain scores, ...', 'After 12 weeks of treatment, the X group reported ...'.
Such an opening adverbial governs every result clause after it in the sentence, until another clause opens with a
frame of its own ('..., but at 12 months the difference was no longer significant'). A clause that states no time
of its own takes the frame in force; the clause splitter (``clause_split.clauses``) would otherwise leave it undated
or date it with the times of a neighbouring clause.

A following sentence that refers back to the frame ('At this time point, ...', 'At that time, ...') continues it.
"""

from __future__ import annotations

import re

from ketamine_evidence.analysis.extract.text_patterns import time_mentions

# A clause's connective before its opening adverbial: 'and', 'but', 'whereas', 'while', 'however', 'in addition'.
_CONNECTIVE = re.compile(r"\s*(?:(?:and|but|whereas|while|however|moreover|furthermore|in addition|also|then|thereafter)\b,?\s+)?",
                         re.I)
# The words of an opening adverbial before its first time: a temporal preposition, then up to six words with no verb,
# clause boundary or closing bracket ('At ', 'During the first ', 'At the completion of the ', 'At early follow-up (').
_PREPOSITION = r"(?:at|during|after|over|within|by|throughout|following|until|up to|through|on|in|from|between)\s"
_OPENS = re.compile(_PREPOSITION, re.I)  # the cheap check before the clause's times are read
_HEAD = re.compile(_PREPOSITION + r"(?:(?!(?:was|were|is|are|had|has|have|showed|reported|did)\b)[^\s,;:()\[\]]+\s){0,6}\(?$", re.I)
# The words that join the further times of one frame: 'At 6 and 12 months', 'From baseline to week 12'.
_JOIN = re.compile(r"^\s?(?:,|and|or|to|through|until|-|\u2013)\s?(?:(?:and|or)\s)?(?:(?:at|to|the)\s)*$", re.I)
# What makes an opening adverbial no time frame of results: a subgroup, an arm or a dose ('In patients treated for
# 12 weeks'), the study itself ('In this 24-week, double-blind study'), or an analysis ('In the analysis of cumulative
# pain intensity scores through 72 hours').
_NOT_FRAME = re.compile(r"\b(?:patients?|subjects?|participants?|women|men|children|group|groups|arm|dose|doses|mg|"
                        r"age[ds]?|old|older|younger|this|our|study|trial|rate|risk|analys[ie]s|adjust\w*)\b", re.I)
# Where a clause may open: the sentence's start, or after a comma or semicolon.
_CLAUSE_START = re.compile(r"^|[,;]\s")


def opening_frame(clause: str) -> tuple[float, ...]:
    """The days of the time frame that opens ``clause`` ('At 6 and 12 months, ...' -> (180.0, 360.0); 'After 1 month
    the treated group had ...' -> (30.0,)), or (). The frame is its opening preposition's times: the first time
    within the adverbial's first words and the times joined to it."""
    return _frame_after(clause, _CONNECTIVE.match(clause).end())


def _frame_after(clause: str, lead: int) -> tuple[float, ...]:
    """``opening_frame`` of ``clause`` whose opening connective ends at ``lead``."""
    if not _OPENS.match(clause, lead):
        return ()
    mentions = time_mentions(clause[lead:lead + 160])
    if not mentions or not _HEAD.match(clause[lead:lead + mentions[0].start]):
        return ()
    taken = [mentions[0]]
    for t in mentions[1:]:
        if not _JOIN.match(clause[lead + taken[-1].end:lead + t.start]):
            break
        taken.append(t)
    if _NOT_FRAME.search(clause[lead:lead + taken[-1].end]):
        return ()
    return tuple(d for t in taken for d in t.days)


# A following sentence that continues the previous one's frame: 'At this time point,', 'At that time,', 'By then,'.
_BACK_REFERENCE = re.compile(r"\s*(?:at|by|during|on|over)\s(?:this|that|these|those|the same)\s(?:time(?:\s?points?)?|"
                             r"points?|visits?|assessments?|periods?|intervals?)\b|\s*by then\b", re.I)


# A clause that opens with a moment of its own stated without a number ('whereas at preinjection they ...', 'but at
# baseline ...', 'and at discharge ...'): the earlier frame no longer holds, and this one has no days to lend.
_OTHER_MOMENT = re.compile(r"(?:at|on|by|before|until|upon)\s(?:the\s)?(?:baseline|pre-?[a-z]+|post-?[a-z]+|discharge|"
                           r"end|start|beginning|completion|time of|final|last|first)\b", re.I)


def clause_frames(parts: list[str], carried: tuple[float, ...] = ()) -> list[tuple[float, ...]]:
    """For each clause of a sentence, in order, the days of the time frame in force: the frame that opens it, else
    the last frame opened by an earlier clause, else ``carried`` (the frame a previous sentence lends). A clause
    opening with a moment stated without a number ends the frame."""
    frames: list[tuple[float, ...]] = []
    current = carried
    for part in parts:
        lead = _CONNECTIVE.match(part).end()  # read once for both questions
        own = _frame_after(part, lead)
        if own:
            current = own
        elif _OTHER_MOMENT.match(part, lead):
            current = ()
        frames.append(current)
    return frames


def refers_back(sentence: str) -> bool:
    """The sentence opens by referring to the time just stated ('At this time point, ...'): it continues that frame."""
    return bool(_BACK_REFERENCE.match(sentence))


def sentence_frame(sentence: str) -> tuple[float, ...]:
    """The frame a sentence leaves in force at its end, for a following sentence that refers back to it: the last
    opening frame of its clauses, else the times it states when it states exactly one ('... at 6 months.')."""
    frames = [f for f in (opening_frame(sentence[m.end():]) for m in _CLAUSE_START.finditer(sentence)) if f]
    if frames:
        return frames[-1]
    days = tuple(d for t in time_mentions(sentence) for d in t.days)
    return days if len(set(days)) == 1 else ()
