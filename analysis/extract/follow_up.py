"""Follow-up in days: the longest time after treatment at which the study assessed its patients.

``follow_up_days`` (guideline; additions rules a, c, v): assessment times, treatment courses over weeks and
follow-up periods, counted from the start of treatment; where the abstract states a time after the end of treatment,
that time as stated, the course not added (rule c, revised in round 14; ``follow_up_after_end``), while relief's
'to the last follow-up' still counts from the start (``follow_ups``). Not follow-ups: ages, disease durations,
recall windows ('worst pain in the past 24 hours'), recruitment and calendar spans, infusion and session lengths,
surgery durations, measured durations and planned times; a length the text states for the follow-up itself ('Mean
follow-up was 24 months') is one, though its words read as a measured duration (``follow_up_length``). Minute-scale
times count only where nothing longer is stated and they time an assessment.
Where no time is stated at all, pain rated right after a single session or procedure gives 0 (rules r, v, z); pain
rated only during a procedure gives none (rule z, revised in round 14; ``rated_right_after``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ketamine_evidence.analysis.extract.abstract_parts import about_this_study, unlabelled_background
from ketamine_evidence.analysis.extract.section_roles import section_role
from ketamine_evidence.analysis.extract.direction import is_pain_outcome
from ketamine_evidence.analysis.extract.follow_up_calendar import running_period
from ketamine_evidence.analysis.extract.follow_up_after_end import AFTER_END, after_the_end
from ketamine_evidence.analysis.extract.follow_up_length import STATED, stated_length
from ketamine_evidence.analysis.extract.follow_up_periods import (_from_treatment_start, consecutive_periods,
                                                                  course_then_off, interval_schedule)
from ketamine_evidence.analysis.extract.protocols import is_planned, is_protocol
from ketamine_evidence.analysis.extract.text_patterns import HOUR_UNITS, MONTH_UNITS, NUM, WEEK_UNITS, TimeMention
from ketamine_evidence.analysis.extract.timepoints import AFTER_TREATMENT, TimePoint, course_days, time_points, visit_schedule

if TYPE_CHECKING:
    from ketamine_evidence.analysis.extract import Context
    from ketamine_evidence.analysis.parse.sentences import Sentence

_HOUR = 1 / 24 - 1e-9
# Context before a time that makes it something other than a follow-up.
_NOT_FOLLOW_UP_BEFORE = re.compile(
    r"(\b(aged?|ages|age group|age of|years of age)\b[^.;]{0,25}|\b(duration|history|lasting|for at least|at least|"
    r"more than|longer than|less than|over the (past|last)|in the (past|last)|previous(ly)?|every|each|since|interval|"
    r"half-life|time to|lockout|(surgery|surgeries|operations?|procedures?) (within|of|lasting)|doubling time|survival|latency|(operating|operation|operative|surgical|surgery|recovery|procedure|procedural|anaesthesia|anesthesia|extubation|discharge) (time|duration)|within the last|mean age|median age|onset|symptoms for|pain for|suffering for|"
    r"published|ago|preceding|range)\W+(\w+\W+){0,2}|\b(patients|children|infants|adults|subjects|participants) (aged )?(from|between) (([\w.]+ ){1,2}(up )?(to|and) )?|"
    r"\bexperience (of|over) (the (last|past) )?|±\s?[\d.]*\s?|\b(versus|vs\.?)\s?|\(\s?|"
    "(?:[<>\u2265\u2a7e]|>=)\\s?)$", re.I)
# A sentence about who was recruited and when, not how long they were followed.
_RECRUITMENT = re.compile(r"\b(recruited|enrolled|were studied|were included|admitted|screened)\b", re.I)
# The span over which the study was run ('was carried out for a period of 1-year', 'conducted over a period of two
# years'): when it took place, not how long each patient was followed.
_CONDUCTED_BEFORE = re.compile(r"\b(carried out|conducted|performed|undertaken|done|run)\s(for|over|during|in)\sa\s(time\s)?"
                               r"period\sof\s$", re.I)
# How long patients needed analgesics, an outcome value ('These patients used analgesics for 3 days'), not a follow-up.
_RESCUE_BEFORE = re.compile(r"\b(used|using|required|requiring|needed|needing|took|taking|consumed)\s(rescue\s|additional\s|oral\s)?"
                            r"(analgesi\w*|painkillers?|pain (medication|killers?)|opioids?)\sfor\s$", re.I)
# A time anchored at an event ('1-3 years after surgery') is a time point, not an age range.
_EVENT_AFTER = re.compile(r"\s(after|following|post)\b", re.I)
# (a length in words is one too: 'an eight-week, double-blind ... trial', 'for six weeks')
_FOLLOW_WORDS = re.compile(rf"\b(follow\w*|assess\w*|measur\w*|evaluat\w*|after|post\w*|until|at ({WEEK_UNITS}|{MONTH_UNITS}|day)|"
                           rf"treat\w*|received|for (\d|{NUM})|intervention|programme|program|course|period)\b|"
                           rf"\b(\d+|{NUM})[- ](?:{WEEK_UNITS}|{MONTH_UNITS}|days?)\b[^.;]{{0,60}}\b(?:trial|study)\b", re.I)
_AGE_WORDS = r"aged?|ages|old"
_AGE = re.compile(rf"\b({_AGE_WORDS}|range)\b", re.I)
_AGE_WORD = re.compile(rf"\b({_AGE_WORDS})\b", re.I)  # 'range' alone names no age
_YEARS_RANGE_END = re.compile(r"\s?[-\u2013]\s?[<>\u2264\u2265]?\s?[\d.]+\s?(years?|yrs?)\b", re.I)  # '6 months–<4 years'
_MAX_FOLLOW_UP = 3650.0  # ten years: longer 'follow-ups' are ages or calendar spans
_NOT_FOLLOW_UP_AFTER = re.compile(
    r"^[\W]{0,2}(old|of age|baseline|run-?in|of life|gestation\w*|of (gestation|pregnancy)|pregnant|duration|history|ago|apart|wash-?out|average|worst|least|each|epochs?|intervals?|of (pain|symptoms|"
    r"headache|disease)|or (more|longer)|before|prior|earlier|pre-?(operative(ly)?|op\b|treatment|procedur\w*|incision|"
    r"induction|injection|dos(e|ing)|surgery|surgical(ly)?)|±|of ([\w-]+ ){0,2}(infusion|surgery|anaesthesia|anesthesia)|"
    r"((intravenous|iv|i\.v\.|continuous) )?(infusion|bolus)|after (the )?(onset|injury|diagnosis)|"
    r"(of )?(recruitment|enrol+ment|accrual|inclusion period))", re.I)  # '3-year recruitment': the intake window
# The length of one session or of an activity ('sessions of 1.5 hours', '2 h of infusion', 'used the device daily
# for 1 h'), not a time point; a
# sub-day time 'of' something is a time point only after 'within', 'at', 'after' ('within 24 h of surgery').
_ACTIVITY_LENGTH_BEFORE = re.compile(r"\b((sessions?|classes|lessons|meetings?|visits?|exercises?)\s(of|lasting)|"
                                     r"(daily|once|twice|weekly|a day|per day|each day) for)\s$", re.I)
# ... or the time names the activity's length before it: 'Four 2-hour sessions', '5 h sleep phase advance'.
_ACTIVITY_AFTER = re.compile(r"[- ]?(long\s)?([\w-]+\s)?(sessions?|classes|class|lessons?|meetings?|workshops?|"
                             r"seminars?|lectures?|sleep)\b", re.I)
_POINT_BEFORE = re.compile(r"\b(within|at|after|by|until|till|up to|in the first|during the first)\s(the\s)?(first\s)?$", re.I)
# An assessment window in brackets: 'during the acute phase (0–24 h)', 'overall CR (0–120 h)' (not an age range).
_WINDOW = re.compile(rf"\(\s?\d+(?:\.\d+)?\s?[-\u2013]\s?\d+(?:\.\d+)?\s?(?:{HOUR_UNITS}|days?|{WEEK_UNITS})\s?\)", re.I)
# Pain rated right after the procedure: 'in the immediate postprocedure period', 'immediately after endoscopic
# examination'.
_IMMEDIATE = re.compile(r"\b(pain|score|scale|measure\w*|assess\w*|rated|recorded)\b[^.;]{0,80}\bimmediate(ly)? (post-?procedur\w*|"
                        r"(after|following) (the )?(\w+ )?(procedure|injection|venipuncture|examination|endoscopy))|"
                        r"\bimmediate(ly)? (after|following) (the )?(\w+ )?(procedure|injection|venipuncture|examination|endoscopy)"
                        r"[^.;]{0,60}\b(was|were) (also )?(measured|assessed|rated|recorded|evaluated)\b", re.I)
# Pain rated only during a procedure or right after it (additions rule z): 'pain measurement in the first 30 seconds
# of venipuncture', 'in the immediate postprocedure period', 'nasal pain scores due to the passage of the endoscope'.
_PROCEDURE = r"(procedure|venipuncture|injection|insertion|cannulation|puncture|examination|endoscop\w*|passage of the \w+)"
_PAIN_RATED = r"\b(pain|score|scale)\b[^.;]{0,80}\b"  # a pain rating, then (within the clause) the moment it is taken
_IMMEDIATELY_AFTER = rf"immediate(ly)? (after (the )?{_PROCEDURE}|post-?procedur\w*)"  # 'in the immediate postprocedure period'
_AT_PROCEDURE = re.compile(rf"{_PAIN_RATED}((during|due to|caused by) (the )?{_PROCEDURE}|"
                           rf"in the first \d+ (seconds|s) of|{_IMMEDIATELY_AFTER})", re.I)


def at_procedure(text: str) -> bool:
    """The sentence rates pain during a procedure or right after it (additions rule z)."""
    return ("during" in text or "During" in text or "first" in text or "mmediate" in text or "due to" in text
            or "caused by" in text) and bool(_AT_PROCEDURE.search(text))


# The rating moment of a single session (additions rules r, z, at): pain rated during the painful act ('complained of
# intolerable pain during dilatation', 'Pain perception during debridement was assessed'), before and after one
# treatment ('measured before and after inhalation'), or an immediate effect ('immediate knee pain reduction'); pain
# during a movement or a bodily function ('during movement', 'during micturition') is a kind of pain, not a moment.
_ACT = (r"(?!(?:treatment|intervention|management|enrol+ment|recruitment|assessment|observation|gestation|menstruation|"
        r"hospitali[sz]ation|admission|medication|supplementation|administration|operation|period|study|trial|"
        r"follow-up|movement|mobili[sz]ation|ambulation|rehabilitation|defecation|micturition|urination|"
        r"deglutition|respiration|inspiration|expiration|flexion|extension|rotation|abduction|adduction)\b)"
        r"(?:\w+(?:ation|ment|scopy|sion|ction)|biopsy|procedure|venipuncture|puncture|cannulation|task|test)")
# Pain rated before and after one treatment ('measured before and after inhalation'), and a session's immediate effect
# ('immediate knee pain reduction'): moments right after a single session, read by ``rated_at_the_moment``,
# ``rated_right_after`` and relief's ``_rating_moment`` (``IMMEDIATE_EFFECT``).
_BEFORE_AND_AFTER = (rf"\b(measured|assessed|recorded|rated|evaluated)\b (?:immediately )?before and "
                     rf"(?:immediately )?after (?:the |each |a )?(?:\w+ )?{_ACT}\b")
IMMEDIATE_EFFECT = r"\bimmediate (?:\w+ ){0,2}pain (?:reduction|relief|decrease)"
_MOMENT = re.compile(rf"\b(pain|VAS|NRS)\b[^.;]{{0,60}}\bduring (?:the )?(?:\w+ )?{_ACT}\b|"
                     rf"{_BEFORE_AND_AFTER}|{IMMEDIATE_EFFECT}", re.I)


# Pain rated when a single procedure or test is over, with no time stated (additions rules v, z): 'asked to fill ...
# visual analogue pain scale (VAS) as soon as the surgeon leaves operating room', 'pain and anxiety using a visual
# analogue scale (VAS) following the testing'. Read only where the abstract states no time at all.
_RATED_AFTER_ACT = re.compile(rf"\b(pain|VAS|NRS)\b[^.;]{{0,100}}?(\bas soon as (?!possible)|\b((right|just|directly) after|"
                              rf"(up)?on completion of|at the end of|following|after) (the |each |a )?(\w+ )?"
                              rf"({_PROCEDURE}|procedures|tests?|testing|session)\b)", re.I)


def rated_at_the_moment(text: str) -> bool:
    """Pain is rated at the procedure or session itself (``at_procedure``, or ``_MOMENT``): the only time point is
    the moment of the single treatment (additions rules r, z, at)."""
    return at_procedure(text) or ("during" in text or "before and" in text or "mmediate" in text) and bool(
        _MOMENT.search(text))


# The rating taken when a single procedure or treatment is over (additions rules v, z): 'in the immediate
# postprocedure period', 'measured before and after inhalation', 'immediate knee pain reduction'; with ``_IMMEDIATE``
# and ``_RATED_AFTER_ACT``, the readings of ``rated_at_the_moment`` that are not a rating during the act (built from
# the same parts as ``_AT_PROCEDURE`` and ``_MOMENT``, so that the two readings cannot drift apart).
_RIGHT_AFTER = re.compile(rf"{_PAIN_RATED}{_IMMEDIATELY_AFTER}|{_BEFORE_AND_AFTER}|{IMMEDIATE_EFFECT}", re.I)


def rated_right_after(text: str) -> bool:
    """Pain is rated right after a single procedure or treatment, not only during it: a follow-up of 0 where no later
    time is stated (rules v, z); a rating only during the procedure gives no follow-up (rule z, revised in round
    14: 'Pain perception during debridement was assessed' gives null)."""
    return bool("mmediate" in text and _IMMEDIATE.search(text) or _RATED_AFTER_ACT.search(text) or (
        "mmediate" in text or "before and" in text) and _RIGHT_AFTER.search(text))


# Patients taken into the study 'during' a span, with no follow-up or assessment word between: an intake window.
_INTAKE = re.compile(r"\b(\d+|patients|subjects|participants|cases)\s(?![^.;]*\b(follow\w*|assess\w*|evaluat\w*|observ\w*|"
                     r"monitor\w*|treat\w*|receiv\w*|took|tak\w+|us(e|ed|ing)|given|administ\w*|appl\w*|underw\w*|perform\w*|exercis\w*|"
                     r"train\w*|wor[en]|suppl\w*)\b)[^.;]{0,50}\bduring\s(a\s|the\s)?(period\sof\s)?$", re.I)
_NEXT_DAY = re.compile(r"\b(the )?(next|following) day\b", re.I)
_ASSESSED = re.compile(r"\b(assess|measur|record|evaluat|rated|scored|graded|observ)\w*", re.I)


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


def _candidates(text: str, course: float | None, schedule: dict[int, float] | None,
                after_end: bool = False) -> list[TimeMention]:
    """The time points of ``text`` (``timepoints``: ordinal hours, visits, post-treatment anchors), one mention
    per span, without measured durations and calendar spans. A time stated after the end of treatment is counted
    from the start of treatment (the course added, as relief is), or with ``after_end`` as stated (rule c)."""
    found = time_points(text, course, schedule)
    if not found:
        return []
    spans: dict[tuple[int, int], list[TimePoint]] = {}
    for p in found:
        spans.setdefault((p.start, p.end), []).append(p)
    out: list[TimeMention] = []
    for (start, end), points in spans.items():
        # a measured duration is no time point, unless it is the follow-up's own length ('Mean follow-up was 24 months')
        kind = "point" if not points[0].measured else STATED if stated_length(text, start) else None
        if kind is not None and after_end and points[0].from_end is not None:
            kind = AFTER_END if kind == "point" else kind  # kept as stated, after the end of treatment (rule c)
        if kind is not None:
            out.append(TimeMention(tuple(p.stated_days if after_end else p.days for p in points), start, end,
                                   points[0].text, kind))
    return out


def follow_up_mentions(sentence: "Sentence", short: bool = False, course: float | None = None,
                       schedule: dict[int, float] | None = None) -> list[TimeMention]:
    """Time mentions of one sentence that can be a follow-up (>= 1 hour, not ages or durations of disease).

    With ``short``, the minute-scale ones instead (1 minute to 1 hour) where they time an assessment
    ('pain at 5, 15 and 30 minutes', 'during a 45-minute task'), not an injection or an infusion.
    ``course`` and ``schedule`` (from ``timepoints``) count post-treatment times from the start of treatment
    and give visits their day.
    """
    return _kept(sentence.text, _observed(sentence.text, course, schedule), short)


def _observed(text: str, course: float | None, schedule: dict[int, float] | None,
              plans: bool = False, after_end: bool = False) -> list[TimeMention]:
    """The candidate time points of a sentence that reports what was observed (the part of
    ``follow_up_mentions`` that does not depend on ``short``: ``follow_up`` reads it once for both passes); with
    ``plans`` (a protocol, rule a) a planned time is the study's own too."""
    found = _candidates(text, course, schedule, after_end)  # first: most sentences hold no time point, so nothing else is read
    if found and (_RECRUITMENT.search(text) and not _FOLLOW_WORDS.search(text) or not plans and is_planned(text)):
        return []  # recruitment windows and a finished study's planned times ('will be followed up for 3 months')
    return found


# A time since birth or delivery in a sentence that takes participants in, with no assessment: who they were at entry.
_SINCE_BIRTH = re.compile(r"^\s?(post-?partum|after (birth|delivery|childbirth))\b", re.I)
_ENTRY = re.compile(r"\b(randomi[sz]ed|randomly (assigned|allocated)|recruited|enrolled|included|eligible)\b", re.I)
_ASSESSMENT = re.compile(r"\b(assess\w*|measur\w*|evaluat\w*|follow\w*|record\w*|rated|scored)\b", re.I)
_OLD_AFTER = re.compile(r"[-\u2013]\s?old\b|year-old", re.I)  # '12-year-old': an age
_OF_AFTER = re.compile(r"\s?of\s")
_SPAN_BEFORE = re.compile(r"\b(over|in|during|within) an?\s$", re.I)
_PERIOD_AFTER = re.compile(r"\s?period", re.I)
_YEAR_UNIT = re.compile(r"years?|yrs?|y\b")
_TIMED_BEFORE = re.compile(r"\b(to|until|till|at)\s$")


def _kept(text: str, candidates: list[TimeMention], short: bool) -> list[TimeMention]:
    """The candidates of ``text`` that can be a follow-up (``short``: a minute-scale one)."""
    out: list[TimeMention] = []
    if not candidates or short and not _SHORT_ASSESSED.search(text):
        return out
    for t in candidates:
        if t.max_days > _MAX_FOLLOW_UP or t.max_days < (_MINUTE if short else _HOUR):
            continue
        if short:
            lead = text[max(0, t.start - 40):t.start]
            if t.max_days >= _HOUR or _DOSING_TIME.search(lead) and not _TIMED_BEFORE.search(lead):
                continue  # 'infused over 10 minutes', not '... prior to administration to 10 or 30 minutes after'
            if not (_SHORT_BEFORE.search(text[max(0, t.start - 40):t.start]) or _SHORT_AFTER.match(text[t.end:t.end + 30])):
                continue  # '2 minute demonstrations', 'a 10-min video': not when pain was measured
            # a minute-scale time is a follow-up only where it times a pain rating ('pain at 5, 15 and 30 minutes'), not
            # haemodynamics ('blood pressure ... at 0, 1, 2, 3 and 5 minutes after intubation') or a newborn's score
            if not is_pain_outcome(text) or _APGAR.search(text[max(0, t.start - 40):t.start]):
                continue  # a minute-scale time times an assessment, not a step of the procedure or a newborn's score
        anchored = bool(_EVENT_AFTER.match(text, t.end))  # 'in the range of 1-3 years after surgery'
        if (t.max_days >= 365 and _YEAR_UNIT.search(t.text) or _YEARS_RANGE_END.match(text, t.end)) and (
                _AGE.search(text)) and not (anchored and not _AGE_WORD.search(text)):
            continue  # '(range, 14 to 62 years)', '6 months–<4 years, average age 1.8 years': ages
        if t.kind == STATED or stated_length(text, t.start):
            out.append(t)  # the follow-up's own stated length: the words around it ('at least', 'a median interval of')
            continue  # say how it is summarised, not that it is something else
        before, after = text[max(0, t.start - 60):t.start], text[t.end:t.end + 30]
        not_before = _NOT_FOLLOW_UP_BEFORE.search(before)
        if not_before and anchored and not_before.group(0).lower().startswith("range"):
            not_before = None  # a range of times after an event, not of ages
        elif not_before and _POINTS_LISTED.search(before):
            not_before = None  # 'follow up time points (13, 26, 39 and 52 weeks)': the parenthesis lists the times
        if (not_before and not _WINDOW.search(text, max(0, t.start - 2), t.end + 2)
                or _NOT_FOLLOW_UP_AFTER.search(after) or _CONDUCTED_BEFORE.search(before)
                or _RESCUE_BEFORE.search(before)):
            continue
        if _OLD_AFTER.search(text[t.end:t.end + 8]):
            continue
        if _SINCE_BIRTH.match(after) and _ENTRY.search(text) and not _ASSESSMENT.search(text):
            continue  # 'pairs with ... problems 1–16 weeks postpartum were randomly assigned': their state at entry
        if t.max_days < 1 and (_ACTIVITY_LENGTH_BEFORE.search(before) or _ACTIVITY_AFTER.match(after) or (
                _OF_AFTER.match(after) and not _POINT_BEFORE.search(before))):
            continue  # '6-8 sessions of 1.5 hours', '2 h of intravenous infusion': how long something lasted
        if _SPAN_BEFORE.search(before) and _PERIOD_AFTER.match(after):
            continue  # 'over a 10-year period, 300 patients were treated': the study's calendar window
        if t.max_days >= 28 and _INTAKE.search(before):
            continue  # '90 patients prepared for renal transplantation during 1 year': when they were taken in
        if t.max_days >= 28 and running_period(text, t.start, t.end, t.max_days):
            continue  # 'A prospective observational study of 18 months from January 2012 to June 2013': when it ran
        out.append(t)
    return out


# A parenthesis that lists the assessment times named just before it (not a parenthetical duration, '(3 months)').
_POINTS_LISTED = re.compile(r"\b(time[- ]?points?|follow[- ]?ups?|visits?|assessments?)\s?\(\s?$", re.I)
_PHASE = re.compile(r"\b(phases?|periods?|cross-?over)\b", re.I)
_CROSSOVER = re.compile(r"\bcross-?over\b", re.I)


def timing(ctx: "Context") -> tuple[float | None, dict[int, float]]:
    """The abstract's treatment course (days) and visit schedule, read once per article."""
    cached = getattr(ctx, "_timing", None)
    if cached is None or cached[0] is not ctx.text:
        plans = is_protocol(ctx)  # a protocol's planned course is its own (rule a); a finished study's plans are not
        cached = (ctx.text, course_days([s.text for s in ctx.sentences if plans or not is_planned(s.text)],
                                        ctx.intervention.given_name or ctx.intervention.name),
                  visit_schedule(ctx.text))
        try:
            ctx._timing = cached  # type: ignore[attr-defined]
        except AttributeError:
            pass
    return cached[1], cached[2]


# A background sentence about this study (its aim or design, ``abstract_parts.about_this_study``) has the study's own
# times; the other background sentences speak of practice or earlier work.


def own_study(sentence: "Sentence") -> bool:
    """False for a background sentence that is not about this study: its times are not this study's follow-up."""
    return section_role(sentence.section) != "background" or about_this_study(sentence.text)


# The analysis reported is an interim one, at a stated time: the follow-up so far.
_INTERIM = re.compile(r"\binterim (analys[ie]s|results?|report|data)\b", re.I)


def follow_up(ctx: "Context", stated: bool = True, after_end: bool = False) -> tuple[float, "Sentence"] | None:
    """The longest follow-up stated, with its sentence; without ``stated``, the last assessment time only (a length
    stated for the follow-up itself, 'Mean follow-up was 24 months', is no time point at which patients were seen).

    Times are counted from the start of treatment (what relief's 'sustained to the last follow-up' reads); with
    ``after_end``, a time stated after the end of treatment is the follow-up as stated, the course not added
    (``follow_up_days``, additions rule c revised in round 14: '24 months post-treatment' after a 6-month programme
    is 720, not 900)."""
    best: tuple[float, "Sentence"] | None = None
    phased = bool(_PHASE.search(ctx.text))
    crossover = bool(_CROSSOVER.search(ctx.text))
    course, schedule = timing(ctx)
    plans = is_protocol(ctx)  # a protocol's longest planned assessment time is its follow-up (rule a)
    opening = unlabelled_background(ctx)  # an abstract without headings: the sentences before the study is named
    observed = [_observed(s.text, course, schedule, plans, after_end)
                if own_study(s) and (s.index not in opening or about_this_study(s.text)) else [] for s in ctx.sentences]
    if after_end:  # a time stated after the end of treatment is the follow-up; times within the course are not
        observed = after_the_end(observed, [s.text for s in ctx.sentences],
                                 [s.text for s in ctx.sentences if plans or not is_planned(s.text)],
                                 not crossover and any(course_then_off(s.text) for s in ctx.sentences))
    for s, found in zip(ctx.sentences, observed):
        kept = _kept(s.text, found, False) if found else found
        if not stated:
            kept = [t for t in kept if t.kind != STATED]
        for days in _from_treatment_start(s.text, kept) if kept else ():
            if best is None or days > best[0]:
                best = (days, s)
        periods = consecutive_periods(s.text, phased) or interval_schedule(s.text) or (  # not 'course' (anchors later ones)
            None if crossover else course_then_off(s.text, after_end))
        if periods is not None and (best is None or periods > best[0]):
            best = (periods, s)
        if _NEXT_DAY.search(s.text) and (best is None or best[0] < 1):
            best = (1.0, s)
    interim = [(max(days), s) for s, found in zip(ctx.sentences, observed)
               if "nterim" in s.text and _INTERIM.search(s.text)
               for days in [_from_treatment_start(s.text, _kept(s.text, found, False))] if days]
    if interim:  # 'This interim analysis was conducted on 212 cases that were seen for the 1-year recall': the
        best = max(interim, key=lambda found: found[0])  # patients were followed that long, not the planned 3 years
    if best is None:  # only minute-scale times: 'pain was measured at 5, 15 and 30 minutes'
        for s, found in zip(ctx.sentences, observed):
            for t in _kept(s.text, found, True):
                if best is None or t.max_days > best[0]:
                    best = (t.max_days, s)
    if best is None:  # rated only right after the procedure, no later assessment: 0 (additions rules v and z); rated
        # only during it: no time after treatment, null (rule z, revised in round 14)
        best = next(((0.0, s) for s in ctx.sentences if rated_right_after(s.text)), None)
    from ketamine_evidence.analysis.extract.time_ranker import read  # the learned reader, when selected (KE_FU_READER)
    return read(ctx, best)


def follow_ups(ctx: "Context") -> tuple[tuple[float, "Sentence"] | None, tuple[float, "Sentence"] | None]:
    """The follow-up counted from the start of treatment (relief's reading) and the one ``follow_up_days`` records
    (``after_end``, rule c); the second is read again only where a course and a time after its end can both be stated,
    or a course then a period off treatment is: the only abstracts where the two differ."""
    start = follow_up(ctx)
    course, _ = timing(ctx)
    if not (course and AFTER_TREATMENT.search(ctx.text)) and not (
            ("period" in ctx.text or "phase" in ctx.text) and any(course_then_off(s.text) for s in ctx.sentences)):
        return start, start
    return start, follow_up(ctx, after_end=True)
