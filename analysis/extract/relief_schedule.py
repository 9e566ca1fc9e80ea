"""Which stated times date a benefit for relief duration, beyond the times a result's own clause names.

Three readings of how trials report (additions rules ax, ay, az):

- An observation window ('Postoperative analgesia was evaluated for 72 hr', 'pain was recorded over 48 h') is the span
  over which a cumulative outcome is counted (rescue doses, total consumption), not a time point at which the benefit
  was seen: it dates no relief (rule ax). ``window`` tells such a mention from an assessment time ('assessed 24 hours
  after surgery').
- A benefit over placebo, sham or no treatment stated for the treatment as a whole, with no time of its own, in an
  abstract that lists its assessment times ('pain score were recorded on days 1, 2 and 5'), lasts to the last listed
  time (rule ay; rule ac without 'entire period' wording). ``whole_schedule`` gives that time.
- A pain level that every arm reached ('With both concepts, mean maximum pain intensity ... was reduced to a score of
  <4'), with no baseline value, is neither a difference between the arms nor a change from baseline (rule az):
  ``level_reached_by_all`` marks such a clause, so it dates no relief. Which clause names every arm is
  ``arm_changes.names_every_arm``, the reading direction uses for its every-arm statements.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ketamine_evidence.analysis.extract.arm_changes import names_every_arm
from ketamine_evidence.analysis.extract.direction import Verdict, is_pain_outcome
from ketamine_evidence.analysis.extract.follow_up import follow_up_mentions
from ketamine_evidence.analysis.extract.inactive_arms import names_inactive_arm
from ketamine_evidence.analysis.extract.relief_controls import names_control_arm

if TYPE_CHECKING:
    from ketamine_evidence.analysis.parse.sentences import Sentence

# The words right before a time that make it a span of observation: an assessment verb, then 'for 72 hr', 'over 48 h',
# 'during the first 24 h' ('asanas for three months' spans the treatment, not the assessment).
_WINDOW_BEFORE = re.compile(r"\b(?:assess|measur|record|evaluat|monitor|observ|follow|rat|scor)\w*\s(?:\w+ly\s)?"
                            r"(?:for|over|during|throughout|within)\s(?:the\s|a\s|an\s)?(?:first\s|next\s|following\s|"
                            r"entire\s|whole\s|initial\s)?(?:post-?operative\s)?$", re.I)


def window(text: str, start: int) -> bool:
    """The time mention starting at ``start`` in ``text`` is the span an assessment covered ('evaluated for 72 hr')."""
    return bool(_WINDOW_BEFORE.search(text[max(0, start - 40):start]))


# An assessment of pain at a stated time: 'Ulcer size, pain score were recorded on days 1, 2 and 5', 'the incidence and
# severity of myalgia were assessed 24 hours after surgery'. One reading for a schedule (``whole_schedule``) and for
# the single assessment time (``relief._single_assessment``). Not an event that 'was observed' then ('a recurrence was
# observed one year after the initial repair'), which dates the event, not a rating, nor 'examined', in abstracts most
# often the study's aim ('The present study examined the efficacy of pregabalin in alleviating the postoperative pain').
ASSESSED = re.compile(r"\b(assess|measur|record|evaluat|rated|scored|graded)\w*", re.I)
# A comparison with an inactive control in the verdict's own clause: 'than placebo group', 'compared with sham', 'than
# usual care' (``inactive_arms``), or a control arm as ``relief_controls.names_control_arm`` reads one (not 'excellent
# pain control', 'a Randomized Control Study': what a treatment achieves, a design's name).


def against_inactive(clause: str) -> bool:
    """``clause`` names an inactive comparator (placebo, sham, saline, usual care, no treatment...) or a control arm."""
    return names_inactive_arm(clause) or names_control_arm(clause)


def whole_schedule(verdicts: list[Verdict], sentences: list["Sentence"]) -> tuple[float, "Sentence", str] | None:
    """(last listed assessment time, the benefit's sentence, its clause) for a benefit over an inactive control that
    names no time, where the abstract lists two or more assessment times of pain (rule ay); else None."""
    undated = next((v for v in verdicts if v.verdict == "better" and v.sentence is not None and not v.times
                    and against_inactive(v.clause) and not re.search(r"\d", v.clause)), None)
    if undated is None or undated.sentence is None:
        return None
    listed: list[float] = []
    for s in sentences:
        if s is undated.sentence or not ASSESSED.search(s.text) or not is_pain_outcome(s.text):
            continue
        times = [t for t in follow_up_mentions(s) if not window(s.text, t.start)]
        days = {d for t in times for d in t.days}
        if len(days) >= 2:  # a schedule, not a single assessment (that is ``relief._single_assessment``'s reading)
            listed.append(max(days))
    if not listed:
        return None
    return max(listed), undated.sentence, undated.clause.strip()


# 'reduced to a score of <4', 'decreased to below 3', 'fell to less than 30 mm': a level reached, not a change by an amount.
_LEVEL = re.compile(r"\b(?:reduced|decreased|lowered|fell|dropped|declined|brought|kept|maintained)\s+(?:\w+\s)?to\s+"
                    r"(?:an?\s+)?(?:(?:mean|median|average)\s+)?(?:(?:score|level|value|rating|nrs|vas)\s+)?(?:of\s+)?"
                    r"(?:<|≤|=<|below|under|less than|lower than|at most)\s*\d", re.I)
_FROM_VALUE = re.compile(r"\bfrom\s(?:an?\s)?(?:(?:mean|median|baseline)\s)?(?:(?:score|level|value)\s)?(?:of\s)?\d", re.I)


def level_reached_by_all(clause: str) -> bool:
    """The clause states a pain level that every arm reached, with no value it came from ('With both concepts, mean
    maximum pain intensity ... was reduced to a score of <4'): no relief against baseline (rule az)."""
    return bool(_LEVEL.search(clause) and names_every_arm(clause) and not _FROM_VALUE.search(clause))
