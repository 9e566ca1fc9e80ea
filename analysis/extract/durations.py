"""Extractor: relief duration and follow-up, in days, each with the sentence that states it.

``relief_duration_days`` (guideline): the last time point at which the intervention group is still
reported better ('lower pain scores up to 24 h' -> 1; 'superior to placebo at week 12' -> 84, counted
from the start of treatment); 0 where the abstract reports no relief at any time point (no difference
from placebo, read from the pain_effect extractor's verdicts); null where no time point is tied to the
benefit. Against an active comparator only, relief from baseline at a stated time counts.

``follow_up_days``: the longest follow-up after treatment stated in the title or abstract: assessment
times, treatment courses over weeks, follow-up periods; ages, disease durations, recall windows
('worst pain in the past 24 hours'), infusion times and measured durations are not follow-ups, nor are
planned times: a protocol has neither follow-up nor relief (guideline additions, rule a).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ketamine_evidence.analysis.extract import pain_effect
from ketamine_evidence.analysis.extract.protocols import is_planned, is_protocol
from ketamine_evidence.analysis.extract.arms import article_arms
from ketamine_evidence.analysis.extract.direction import Verdict, is_pain_outcome
from ketamine_evidence.analysis.extract.text_patterns import TimeMention, parse_number, unit_days
from ketamine_evidence.analysis.extract.timepoints import TimePoint, course_days, time_points, visit_schedule
from ketamine_evidence.analysis.records import Finding

if TYPE_CHECKING:
    from ketamine_evidence.analysis.extract import Context
    from ketamine_evidence.analysis.parse.sentences import Sentence

NAME = "durations"
VERSION = "1.0"

_HOUR = 1 / 24 - 1e-9
# Context before a time that makes it something other than a follow-up.
_NOT_FOLLOW_UP_BEFORE = re.compile(
    r"(\b(aged?|ages|age group|age of|years of age)\b[^.;]{0,25}|\b(duration|history|lasting|for at least|at least|"
    r"more than|longer than|less than|over the (past|last)|in the (past|last)|previous(ly)?|every|each|since|interval|"
    r"half-life|time to|lockout|(surgery|surgeries|operations?|procedures?) (within|of|lasting)|doubling time|survival|latency|(operating|operation|operative|surgical|surgery|recovery|procedure|procedural|anaesthesia|anesthesia|extubation|discharge) (time|duration)|within the last|mean age|median age|onset|symptoms for|pain for|suffering for|"
    r"published|ago|preceding|range)\W+(\w+\W+){0,2}|\b(patients|children|infants|adults|subjects|participants) (aged )?(from|between) (([\w.]+ ){1,2}(up )?(to|and) )?|"
    r"\bexperience (of|over) (the (last|past) )?|±\s?[\d.]*\s?|\b(versus|vs\.?)\s?|\(\s?)$", re.I)
# A sentence about who was recruited and when, not how long they were followed.
_RECRUITMENT = re.compile(r"\b(recruited|enrolled|were studied|were included|admitted|screened)\b", re.I)
_FOLLOW_WORDS = re.compile(r"\b(follow\w*|assess\w*|measur\w*|evaluat\w*|after|post\w*|until|at (week|month|day)|"
                           r"treat\w*|received|for \d|intervention|programme|program|course|period)\b|"
                           r"\b\d+[- ](?:week|month|day)s?\b[^.;]{0,60}\b(?:trial|study)\b", re.I)
_AGE = re.compile(r"\b(aged?|ages|old|range)\b", re.I)
_MAX_FOLLOW_UP = 3650.0  # ten years: longer 'follow-ups' are ages or calendar spans
_NOT_FOLLOW_UP_AFTER = re.compile(
    r"^[\W]{0,2}(old|of age|of life|duration|history|ago|apart|average|worst|least|each|epochs?|intervals?|of (pain|symptoms|"
    r"headache|disease)|or (more|longer)|before|prior|earlier|±|of ([\w-]+ ){0,2}(infusion|surgery|anaesthesia|anesthesia)|"
    r"((intravenous|iv|i\.v\.|continuous) )?(infusion|bolus)|after (the )?(onset|injury|diagnosis))", re.I)
# The length of one session or of an activity ('sessions of 1.5 hours', '2 h of infusion'), not a time point; a
# sub-day time 'of' something is a time point only after 'within', 'at', 'after' ('within 24 h of surgery').
_ACTIVITY_LENGTH_BEFORE = re.compile(r"\b(sessions?|classes|lessons|meetings?|visits?|exercises?)\s(of|lasting)\s$", re.I)
_POINT_BEFORE = re.compile(r"\b(within|at|after|by|until|till|up to|in the first|during the first)\s(the\s)?(first\s)?$", re.I)
# An assessment window in brackets: 'during the acute phase (0–24 h)', 'overall CR (0–120 h)' (not an age range).
_WINDOW = re.compile(r"\(\s?\d+(?:\.\d+)?\s?[-\u2013]\s?\d+(?:\.\d+)?\s?(?:h|hours?|days?|weeks?)\s?\)", re.I)
_NEXT_DAY = re.compile(r"\b(the )?(next|following) day\b", re.I)
# A benefit tied to every assessment, to the end of the study ('final alleviations') or sustained without a time:
# it lasts to the last follow-up.
_ALL_TIMES = re.compile(
    r"\b(all (of )?the (evaluated |measured |assessment |study |follow-up )?(times|time points|timepoints|visits)|"
    r"at (all|every|each) (the )?(time points?|timepoints?|times|visits?|assessments?)|throughout( the)?|"
    r"at the end of (the )?(study|treatment|trial|follow-up|intervention)|at endpoint|at study end|"
    r"final (?!sample|analys\w+|diagnos\w+|dose|product)\w+|(were|was|remained) (sustained|maintained)(?! (for|until|up to|at|through)))\b",
    re.I)
# A control arm that receives no active treatment: a control group, no treatment ('the no-drain group'), or an add-on design ('X plus
# exercise versus exercise alone', additions rule g). With none of these nor a placebo, the comparator is active
# and 'no difference' between the arms gives no relief reading (additions rule e), not 0.
_INACTIVE_CONTROL = re.compile(r"\b(no[- ](treatment|intervention)|no[- ][\w-]+ (group|arm)s?|untreated|usual care|standard care|wait[- ]?list\w*|"
                               r"(versus|vs\.?|compared (with|to)|than|or)\s[^.;,]{1,40}\balone)\b", re.I)
_CONTROL_GROUP = re.compile(r"\b(controls?|control (group|arm)s?)\b", re.I)
_RELIEF_FROM_BASELINE = re.compile(
    r"\b(relief|improv\w+|decreas\w+|reduc\w+|declin\w+|effective)\b", re.I)


_MINUTE = 1 / 1440 - 1e-9
# Minute-scale times are follow-ups only where they time an assessment or the painful task, not a dose.
_SHORT_ASSESSED = re.compile(r"\b(assess\w*|measur\w*|record\w*|evaluat\w*|rated|ratings?|scored?|scores|graded|"
                             r"observ\w*|follow\w*|after|post\w*|tasks?|tests?|procedures?|sessions?|pain|analges\w*)\b",
                             re.I)
_DOSING_TIME = re.compile(r"\b(over|within|lasting|onset|before|prior to|infused|injected|inject\w* over|given over|"
                          r"administered over|bolus)\W+(\w+\W+){0,2}$", re.I)
# A minute-scale time point of assessment: 'at 5, 15 and 30 min', 'during the 90-minute task', 'after 5 min (T5),
# 15 min (T15)', '5 min after injection', 'for 30 minutes'.
_SHORT_BEFORE = re.compile(r"(\b(at|after|during|for|until|till|up to|through(out)?|over the (first|next)|in the (first|next)|"
                           r"within the first|every)\s(the\s)?(first\s)?(\w+[- ])?|\b(min|minutes?|h|hours?)\s?(\([^)]*\))?,?\s(and\s)?)$",
                           re.I)
_SHORT_AFTER = re.compile(r"\s?(\([^)]*\)\s?)?(after|post|following|later|into|from the (start|beginning|end))\b", re.I)
# A newborn's score at 1 and 5 minutes times the baby, not the treated patient's follow-up.
_APGAR = re.compile(r"\bapgar\b[^.;]{0,25}$", re.I)


def _candidates(text: str, course: float | None, schedule: dict[int, float] | None) -> list[TimeMention]:
    """The time points of ``text`` (``timepoints``: ordinal hours, visits, post-treatment anchors), one mention
    per span, without measured durations and calendar spans."""
    spans: dict[tuple[int, int], list[TimePoint]] = {}
    for p in time_points(text, course, schedule):
        spans.setdefault((p.start, p.end), []).append(p)
    return [TimeMention(tuple(p.days for p in points), start, end, points[0].text, "point")
            for (start, end), points in spans.items() if not points[0].measured]


def follow_up_mentions(sentence: "Sentence", short: bool = False, course: float | None = None,
                       schedule: dict[int, float] | None = None) -> list[TimeMention]:
    """Time mentions of one sentence that can be a follow-up (>= 1 hour, not ages or durations of disease).

    With ``short``, the minute-scale ones instead (1 minute to 1 hour) where they time an assessment
    ('pain at 5, 15 and 30 minutes', 'during a 45-minute task'), not an injection or an infusion.
    ``course`` and ``schedule`` (from ``timepoints``) count post-treatment times from the start of treatment
    and give visits their day.
    """
    out = []
    text = sentence.text
    if _RECRUITMENT.search(text) and not _FOLLOW_WORDS.search(text) or is_planned(text):
        return out  # recruitment windows and planned times ('will be followed up for 3 months') were not observed
    if short and not _SHORT_ASSESSED.search(text):
        return out
    for t in _candidates(text, course, schedule):
        if t.max_days > _MAX_FOLLOW_UP or t.max_days < (_MINUTE if short else _HOUR):
            continue
        if short:
            lead = text[max(0, t.start - 40):t.start]
            if t.max_days >= _HOUR or _DOSING_TIME.search(lead) and not re.search(r"\b(to|until|till|at)\s$", lead):
                continue  # 'infused over 10 minutes', not '... prior to administration to 10 or 30 minutes after'
            if not (_SHORT_BEFORE.search(text[max(0, t.start - 40):t.start]) or _SHORT_AFTER.match(text[t.end:t.end + 30])):
                continue  # '2 minute demonstrations', 'a 10-min video': not when pain was measured
            if not (_ASSESSED.search(text) or is_pain_outcome(text)) or _APGAR.search(text[max(0, t.start - 40):t.start]):
                continue  # a minute-scale time times an assessment, not a step of the procedure or a newborn's score
        if _AGE.search(text) and (t.max_days >= 365 and re.search(r"years?|yrs?|y\b", t.text) or
                                  re.match(r"\s?[-\u2013]\s?[<>\u2264\u2265]?\s?[\d.]+\s?(years?|yrs?)\b", text[t.end:])):
            continue  # '(range, 14 to 62 years)', '6 months–<4 years, average age 1.8 years': ages
        before, after = text[max(0, t.start - 60):t.start], text[t.end:t.end + 30]
        if (_NOT_FOLLOW_UP_BEFORE.search(before) and not _WINDOW.search(text, max(0, t.start - 2), t.end + 2)
                or _NOT_FOLLOW_UP_AFTER.search(after)):
            continue
        if re.search(r"[-\u2013]\s?old\b|year-old", text[t.end:t.end + 8], re.I):
            continue
        if t.max_days < 1 and (_ACTIVITY_LENGTH_BEFORE.search(before) or (
                re.match(r"\s?of\s", after) and not _POINT_BEFORE.search(before))):
            continue  # '6-8 sessions of 1.5 hours', '2 h of intravenous infusion': how long something lasted
        if re.search(r"\b(over|in|during|within) an?\s$", before, re.I) and re.match(r"\s?period", after, re.I):
            continue  # 'over a 10-year period, 300 patients were treated': the study's calendar window
        out.append(t)
    return out


_PHASE = re.compile(r"\b(phases?|periods?|cross-?over)\b", re.I)
_PERIODS = re.compile(r"\b(?P<k>two|three|four|2|3|4)\s(?P<n>\d+)[- ](?P<unit>days?|weeks?|months?)\s(?:\w+\s)?"
                      r"(?:treatment\s)?periods\b(?:[^.;]{0,40}?\b(?P<w>\d+)[- ](?P<wunit>days?|weeks?)\s(?:of\s)?wash-?out)?",
                      re.I)
_SEQUENCE = re.compile(r"\bfor\s(?P<a>[\d.]+(?:\s?[-\u2013]\s?[\d.]+)?)\s(?P<ua>days?|weeks?|months?)"
                       r"(?P<link>,\s|\s(?:followed by|then|and then)\s)[^.;]{0,60}?\bfor\s"
                       r"(?P<b>[\d.]+(?:\s?[-\u2013]\s?[\d.]+)?)\s(?P<ub>days?|weeks?|months?)", re.I)


def consecutive_periods(text: str, phased: bool) -> float | None:
    """Days covered by consecutive treatment periods: 'two 4-week treatment periods separated by a 2-week
    washout' -> 70; 'immediate-release for 2-9 days, sustained-release for 10-15 days' (a phased design)
    -> 24; 'X for 3 days followed by Y for 9 days' -> 12."""
    m = _PERIODS.search(text)
    if m:
        k = int(parse_number(m.group("k")) or 0)
        days = k * float(m.group("n")) * (unit_days(m.group("unit")) or 0)
        if m.group("w"):
            days += (k - 1) * float(m.group("w")) * (unit_days(m.group("wunit")) or 0)
        return days or None
    m = _SEQUENCE.search(text)
    if m and (phased or re.search(r"followed by|then", m.group("link"), re.I)):
        top = lambda v: max(float(x) for x in re.split(r"\s?[-\u2013]\s?", v))  # noqa: E731
        return top(m.group("a")) * (unit_days(m.group("ua")) or 0) + top(m.group("b")) * (unit_days(m.group("ub")) or 0)
    return None


def _timing(ctx: "Context") -> tuple[float | None, dict[int, float]]:
    """The abstract's treatment course (days) and visit schedule, read once per article."""
    cached = getattr(ctx, "_timing", None)
    if cached is None or cached[0] is not ctx.text:
        cached = (ctx.text, course_days([s.text for s in ctx.sentences if not is_planned(s.text)],
                                        ctx.intervention.given_name or ctx.intervention.name),
                  visit_schedule(ctx.text))
        try:
            ctx._timing = cached  # type: ignore[attr-defined]
        except AttributeError:
            pass
    return cached[1], cached[2]


def follow_up(ctx: "Context") -> tuple[float, "Sentence"] | None:
    """The longest follow-up stated, with its sentence."""
    best: tuple[float, "Sentence"] | None = None
    phased = bool(_PHASE.search(ctx.article.text))
    course, schedule = _timing(ctx)
    for s in ctx.sentences:
        for t in follow_up_mentions(s, course=course, schedule=schedule):
            if best is None or t.max_days > best[0]:
                best = (t.max_days, s)
        periods = consecutive_periods(s.text, phased)  # not 'course': that one anchors every later sentence
        if periods is not None and (best is None or periods > best[0]):
            best = (periods, s)
        if _NEXT_DAY.search(s.text) and (best is None or best[0] < 1):
            best = (1.0, s)
    if best is None:  # only minute-scale times: 'pain was measured at 5, 15 and 30 minutes'
        for s in ctx.sentences:
            for t in follow_up_mentions(s, short=True, course=course, schedule=schedule):
                if best is None or t.max_days > best[0]:
                    best = (t.max_days, s)
    return best


def relief(ctx: "Context", follow: tuple[float, "Sentence"] | None) -> tuple[float, "Sentence", str] | None:
    """(days, sentence, words) of the last time the intervention is reported better, 0 for no relief, else None."""
    effect = ctx.earlier("pain_effect")
    if not effect:
        return None
    value = effect[0].value
    verdicts = pain_effect.article_verdicts(ctx)
    timing = _timing(ctx)
    if value == "improved" and follow is not None:
        found = _last_better(verdicts, ("better",), follow, timing)
        kept = next((s for s in ctx.sentences if _SUSTAINED.search(s.text)), None)
        if found is not None and kept is not None and found[0] < follow[0]:
            return follow[0], kept, kept.text  # 'Improvements in all PROs were sustained': to the last follow-up
    if value in ("improved", "mixed"):
        return _last_better(verdicts, ("better",), follow, timing) or (
            _last_better(verdicts, ("within",), follow, timing) if value == "improved" else None) or _single_assessment(ctx)
    if value == "worse":
        found = _last_better(verdicts, ("within",), follow, timing) or _arm_duration(ctx, verdicts)
        worse = next((v for v in verdicts if v.verdict == "worse" and v.sentence is not None), None)
        if found is None and worse is not None and _inactive_control(verdicts, ctx.text):
            return 0.0, worse.sentence, worse.clause.strip()  # worse than no treatment: no relief at any time
        return found
    if value == "no_difference":
        placebo = _inactive_control(verdicts, ctx.text)
        if not placebo:
            kept = _last_better([v for v in verdicts if v.verdict == "within" or (
                v.verdict == "no_difference" and _RELIEF_FROM_BASELINE.search(v.clause))], (
                "within", "no_difference"), follow, timing)
            if kept:
                return kept
            if not _CONTROL_GROUP.search(ctx.text):
                return None  # active comparator only, between-arm differences only: no reading (additions, rule e)
            # A bare 'control group' may be untreated or get another treatment: a change from baseline stated for
            # the groups is read (rule e), else 'no difference' from the control gives 0.
        none = next((v for v in verdicts if v.verdict == "no_difference"), None)
        if none is not None and none.sentence is not None:
            return 0.0, none.sentence, none.clause.strip()
    return None


_ASSESSED = re.compile(r"\b(assess|measur|record|evaluat|rated|scored|graded|observ)\w*", re.I)
# A benefit stated as lasting, without a time of its own: it lasts to the last follow-up.
_SUSTAINED = re.compile(r"\b(improvements?|benefits?|effects?|reductions?|relief)\b[^.;]{0,40}\b(were|was|remained) "
                        r"(sustained|maintained)\b(?! (for|until|up to|at|through))", re.I)
# Pain assessed on a schedule ('every 12 hours ... until day 5'), not once.
_REPEATED = re.compile(r"\b(every|each|daily|hourly|twice|throughout|until|till)\b", re.I)


def _inactive_control(verdicts: list[Verdict], text: str) -> bool:
    """The trial has a placebo, sham, no-treatment or add-on control arm (relief is read against it)."""
    return any(v.extra.get("placebo_controlled") for v in verdicts) or bool(_INACTIVE_CONTROL.search(text))


def _single_assessment(ctx: "Context") -> tuple[float, "Sentence", str] | None:
    """The one time at which pain was assessed, when the abstract states exactly one ('the incidence and
    severity of myalgia were assessed 24 hours after surgery'): the benefit was seen then."""
    found: list[tuple[float, "Sentence"]] = []
    for short in (False, True):  # minute-scale times only where no longer one is stated
        for s in ctx.sentences:
            if _ASSESSED.search(s.text) and is_pain_outcome(s.text) and not _REPEATED.search(s.text):
                found += [(t.max_days, s) for t in follow_up_mentions(s, short) if len(t.days) == 1]
        if found:
            break
    if len({days for days, _ in found}) == 1:
        days, sentence = found[0]
        return days, sentence, sentence.text
    return None


def _last_better(verdicts: list[Verdict], kinds: tuple[str, ...], follow: tuple[float, "Sentence"] | None,
                 timing: tuple[float | None, dict[int, float]] = (None, {})) -> tuple[float, "Sentence", str] | None:
    """The latest time tied to a verdict of ``kinds``: hours and longer, else minutes ('lower at 5 min')."""
    return _last_time(verdicts, kinds, follow, _HOUR, timing) or _last_time(verdicts, kinds, follow, _MINUTE, timing)


def verdict_days(v: Verdict, course: float | None = None, schedule: dict[int, float] | None = None) -> list[float]:
    """The time points a verdict's own clause states (``timepoints``: visits, ordinal hours, post-treatment
    anchors; measured durations dropped), else the times the sentence lends it."""
    points = time_points(v.clause, course, schedule)
    if points:  # the clause's own times; measured durations are no time points, except a duration of analgesia
        analgesia = bool(_ANALGESIA_DURATION.search(v.clause))  # (additions, rule e: a reading against baseline)
        return [p.days for p in points if analgesia or not p.measured]
    return list(v.times)


_ANALGESIA_DURATION = re.compile(r"\b(duration of (post-?operative )?(analgesia|pain relief|sensory block)|"
                                 r"analgesic duration|time (to|for|until) (the )?(first )?(rescue )?(analgesi\w*|pain)|"
                                 r"pain-free (period|interval))", re.I)


def _last_time(verdicts: list[Verdict], kinds: tuple[str, ...], follow: tuple[float, "Sentence"] | None,
               shortest: float, timing: tuple[float | None, dict[int, float]] = (None, {})) -> tuple[float, "Sentence", str] | None:
    best: tuple[float, "Sentence", str] | None = None
    for v in verdicts:
        if v.verdict not in kinds or v.sentence is None:
            continue
        days = [d for d in verdict_days(v, *timing) + _continued_days(v, timing) if d >= shortest]
        if _ALL_TIMES.search(v.clause) and follow is not None:
            days.append(follow[0])
        if days and (best is None or max(days) > best[0]):
            best = (max(days), v.sentence, v.clause.strip())
    return best


# The rest of a result's sentence that carries the same comparison on: '..., which increased further at 3 months'.
_CONTINUES = re.compile(r"^[^.]{0,60}?\b(which|this|the (difference|effect|benefit|improvement))\b[^.;]{0,30}?\b(further|persist\w*|"
                        r"sustain\w*|maintain\w*|still)\b", re.I)
_STOPS = re.compile(r"\b(not|no longer|lost|disappear\w*|diminish\w*|wane\w*|attenuat\w*)\b", re.I)


def _continued_days(v: Verdict, timing: tuple[float | None, dict[int, float]]) -> list[float]:
    """Time points of the clause right after the verdict's own when it continues that comparison."""
    text = v.sentence.text if v.sentence is not None else ""
    at = text.find(v.clause.strip())
    if at < 0:
        return []
    rest = text[at + len(v.clause.strip()):]
    m = _CONTINUES.match(rest)
    if m is None:
        return []
    tail = rest[m.start(1):].split(".")[0]
    tail = re.split(r"\b(?:but|however|whereas|although)\b", tail)[0]
    if _STOPS.search(tail):
        return []
    return [p.days for p in time_points(tail, *timing) if not p.measured]


def _arm_duration(ctx: "Context", verdicts: list[Verdict]) -> tuple[float, "Sentence", str] | None:
    """The intervention arm's own duration of analgesia or time to rescue analgesia, a reading against baseline
    (additions rule e): 'prolonged in Group BF (263.33 ± 63 min) when compared to Group RF (234.44 ± 58.76 min)'
    gives Group RF's value when RF is the intervention."""
    arms = article_arms(ctx)
    best: tuple[float, "Sentence", str] | None = None
    for v in verdicts:
        if v.sentence is None or not _ANALGESIA_DURATION.search(v.clause):
            continue
        previous = 0
        for p in time_points(v.clause):
            segment, previous = v.clause[previous:p.start], p.end
            if p.measured and arms.side(segment) == "intervention" and (best is None or p.days > best[0]):
                best = (p.days, v.sentence, v.clause.strip())
    return best


def _measured_only(found: tuple[float, "Sentence", str]) -> bool:
    """True when the relief is a measured duration ('duration of analgesia (median 320 min versus 220 min)'):
    how long analgesia lasted, not a time at which the patients were followed."""
    points = time_points(found[2])
    return bool(points) and all(p.measured for p in points if abs(p.days - found[0]) < 1e-6)


def extract(ctx: "Context") -> list[Finding]:
    findings: list[Finding] = []
    name = ctx.intervention.name
    if not ctx.intervention.mentioned_in(ctx.article.text):
        return findings  # durations describe the intervention's study; most records never name it
    if is_protocol(ctx):
        return findings  # guideline additions, rule a: a protocol has no follow-up and no relief yet
    follow = follow_up(ctx)
    found = relief(ctx, follow)
    if found is not None and found[0] > 0 and (follow is None or follow[0] < found[0]) and not _measured_only(found):
        follow = (found[0], found[1])  # relief 'lasting up to 3 weeks' was observed, so followed that long
    if found is not None:
        days, sentence, words = found
        evidence = ctx.evidence(sentence, NAME, VERSION)
        findings.append(Finding("relief_duration_days", round(days, 4), evidence, name, {"words": words}))
        findings.append(Finding("relief_duration_text", sentence.text, evidence, name))
    if follow is not None:
        days, sentence = follow
        findings.append(Finding("follow_up_days", round(days, 4), ctx.evidence(sentence, NAME, VERSION), name))
    return findings
