"""Relief duration in days: the last time at which the intervention is still reported better.

``relief_duration_days`` (guideline; additions rules e, g, r): read from the pain_effect extractor's verdicts.
The last time point tied to a 'better' verdict ('lower pain scores up to 24 h' -> 1; 'superior to placebo at
week 12' -> 84, counted from the start of treatment); a benefit at the final assessment or 'sustained' lasts to
the last follow-up; 0 where no relief is reported at any time against placebo, sham or no treatment; null
where no time point is tied to the benefit. Against an active comparator only (rule e, revised in round 14), the
last time the intervention is better than the comparator or than baseline (a change from baseline, the arm's own
duration of analgesia), whichever is later; no difference and no relief from baseline gives 0. Pain rated only at a
procedure ties no time point to a benefit there (rules z, at: null); right after a single session, 0 (rule r).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ketamine_evidence.analysis.extract import pain_effect
from ketamine_evidence.analysis.extract.arms import article_arms
from ketamine_evidence.analysis.extract.direction import Verdict, is_pain_outcome
from ketamine_evidence.analysis.extract.follow_up import (_HOUR, _MINUTE, IMMEDIATE_EFFECT, at_procedure, follow_up,
                                                          follow_up_mentions, rated_at_the_moment, timing)
from ketamine_evidence.analysis.extract.follow_up_length import STATED
from ketamine_evidence.analysis.extract.relief_controls import (active_comparator_only as _active_comparator_only,
                                                                add_on_groups as _add_on_groups, inactive_control as _inactive_control)
from ketamine_evidence.analysis.extract.relief_schedule import ASSESSED, level_reached_by_all, whole_schedule, window
from ketamine_evidence.analysis.extract.relief_times import listed_days, paired_value, without_paired
from ketamine_evidence.analysis.extract.text_patterns import time_mentions
from ketamine_evidence.analysis.extract.timepoints import time_points

if TYPE_CHECKING:
    from ketamine_evidence.analysis.extract import Context
    from ketamine_evidence.analysis.parse.sentences import Sentence

# A benefit tied to every assessment, to the end of the study ('final alleviations') or sustained without a time:
# it lasts to the last follow-up.
_ALL_TIMES = re.compile(
    r"\b(all (of )?the (evaluated |measured |assessment |study |follow[- ]?up )?(times|time points|timepoints|visits)|"
    r"at (the )?(all|both|every|each) (the )?(\w+ )?(time points?|timepoints?|times|visits?|assessments?)|throughout( the)?|"
    r"at the end of (the )?(study|trial|follow[- ]?up)|at endpoint|at study end|"
    r"final (?!sample|analys\w+|diagnos\w+|dose|product)\w+|(were|was|remained) (sustained|maintained)(?! (for|until|up to|at|through)))\b",
    re.I)
# A benefit at the end of the treatment course: the course, counted from the start of treatment (guideline), not the
# last follow-up after it.
_END_OF_COURSE = re.compile(r"\b(at|by|until|to) (the )?end of (the )?([\w-]+ )?(treatment|intervention|therapy|programme|program|"
                            r"course)\b|\bat post-?(treatment|intervention)\b", re.I)
_GAIN_WORDS = r"relief|improv\w+|decreas\w+|reduc\w+|declin\w+"
_RELIEF_FROM_BASELINE = re.compile(rf"\b({_GAIN_WORDS}|effective)\b", re.I)
# A gain from baseline itself; 'equally effective' compares the arms.
_GAIN = re.compile(rf"\b({_GAIN_WORDS})\b", re.I)


def relief(ctx: "Context", follow: tuple[float, "Sentence"] | None) -> tuple[float, "Sentence", str] | None:
    """(days, sentence, words) of the last time the intervention is reported better, 0 for no relief, else None."""
    effect = ctx.earlier("pain_effect")
    if not effect:
        return None
    value = effect[0].value
    # A comparison with what was expected compares no arms: 'the pain response was generally lower than expected
    # and they recovered fully within 72 h' ties no time to the intervention's benefit over its control.
    # Nor does a comparison that pools the randomised arms ('Across all therapies, both the anteromedial and
    # anterolateral techniques ...', 'Irrespective of treatment randomization, achievement of MDA ...'): its groups
    # are formed otherwise, so its times are not the intervention's benefit over its control.
    # A pain level every arm reached ('With both concepts, ... was reduced to a score of <4') is no relief (rule az).
    verdicts = [v for v in pain_effect.article_verdicts(ctx) if not _EXPECTED.search(v.clause) and not _pools_arms(v)
                and not level_reached_by_all(v.clause)]
    follow = _last_assessment(ctx, follow)
    when = timing(ctx)
    # Against an active comparator only (additions rule e, revised in round 14) the intervention is better either than
    # the comparator (a dated between-arm benefit) or than baseline (a within-arm relief, the arm's own duration of
    # analgesia): the later of the two. Against placebo, sham or no treatment only the between-arm benefit counts (r).
    head_to_head = _head_to_head(ctx, verdicts)
    if value in ("improved", "mixed"):
        kinds = ("better", "within") if head_to_head else ("better",)
        better = _later(_last_better(verdicts, kinds, follow, when), _arm_duration(ctx, verdicts) if head_to_head else None)
        if value == "improved" and better is not None and follow is not None and better[0] < follow[0] and (
                "sustain" in ctx.text or "maintain" in ctx.text):
            kept = next((s for s in ctx.sentences if _SUSTAINED.search(s.text)), None)
            if kept is not None:
                return follow[0], kept, kept.text  # 'Improvements in all PROs were sustained': to the last follow-up
        if better is None and (ended := _end_of_course(ctx, verdicts, when[0])) is not None:
            return ended
        if better is None and (moment := _rating_moment(ctx)) is not None:
            # Pain rated only at a procedure: no time point is tied to the benefit (rules z, at), null. Pain rated right
            # after a single treatment session: the benefit was seen immediately after it (rule r), 0.
            return None if moment[0] else (0.0, moment[1], moment[1].text)
        return better or _right_after(ctx, verdicts, when[0]) or whole_schedule(
            verdicts, ctx.sentences) or (  # an undated benefit over placebo: the last listed assessment (rule ay)
            _last_better(verdicts, ("within",), follow, when) if value == "improved" else None) or (
            _all_improved(ctx, when[0]) if head_to_head else None) or _single_assessment(ctx)
    if value == "worse":
        # A change from baseline, or the arm's own duration of analgesia (rule e). Else a dated 'worse' comparison
        # against placebo, sham or no treatment is a reading with no relief at any time: 0 (guideline); against an
        # active comparator only, the intervention never better than it nor than baseline gives 0, dated or not (rule
        # e, revised in round 14). Undated 'worse' verdicts against an inactive control give nothing: on dev they are
        # more often wrong verdicts than right ones.
        found = _last_better(verdicts, ("within",), follow, when) or _arm_duration(ctx, verdicts)
        worse = next((v for v in verdicts if v.verdict == "worse" and v.sentence is not None and (v.times or head_to_head)),
                     None)
        if found is None and worse is not None and worse.sentence is not None and (
                head_to_head or _inactive_control(verdicts, ctx.text)):
            return 0.0, worse.sentence, worse.clause.strip()
        return found
    if value == "no_difference":
        placebo = _inactive_control(verdicts, ctx.text)
        if not placebo:
            gains = [v for v in verdicts if v.verdict == "within" or (
                v.verdict == "no_difference" and _RELIEF_FROM_BASELINE.search(v.clause))]
            kept = _last_better(gains, ("within", "no_difference"), follow, when)
            if kept:
                return kept
            gains = [v for v in gains if v.verdict == "within" or _GAIN.search(v.clause)]  # not 'equally effective'
            if gains and follow is not None and follow[0] >= 1 and gains[0].sentence is not None:
                # 'All treatment groups had similar pain relief', no time of its own: read against baseline at
                # the last examination the abstract states (guideline; additions rule e)
                return follow[0], gains[0].sentence, gains[0].clause.strip()
            if any(level_reached_by_all(s.text) for s in ctx.sentences):
                return None  # the arms' pain told only as a level both reached, no value it came from (rule az)
        # No difference from the comparator at any time, and no relief from baseline stated: 0, against an active
        # comparator as against placebo, sham or no treatment (additions rule e, revised in round 14).
        none = next((v for v in verdicts if v.verdict == "no_difference"), None)
        if none is not None and none.sentence is not None:
            return 0.0, none.sentence, none.clause.strip()
    return None


def _last_assessment(ctx: "Context", follow: tuple[float, "Sentence"] | None) -> tuple[float, "Sentence"] | None:
    """The follow-up a benefit 'at all time points' or 'sustained' lasts to: the last assessment time the abstract
    states (rule ac), not a length stated for the follow-up itself ('Mean follow-up was 24 months', which
    ``follow_up`` reads as the follow-up but at which no patient was necessarily seen)."""
    if follow is None or "ollow" not in follow[1].text:
        return follow  # every stated length names the follow-up
    course, schedule = timing(ctx)
    if not any(t.kind == STATED and abs(t.max_days - follow[0]) < 1e-6
               for t in follow_up_mentions(follow[1], False, course, schedule)):
        return follow
    return follow_up(ctx, stated=False)


_POOLED = re.compile(r"\b(?:across|irrespective of|regardless of|independent(?:ly)? of) (?:all |both |the )?(?:\w+ )?"
                     r"(?:therapies|treatments?|arms|groups|randomi[sz]ation|allocation)\b", re.I)


def _pools_arms(v: Verdict) -> bool:
    """The verdict's clause, or the opening of its sentence, pools the randomised arms."""
    return bool(v.extra.get("pooled_arms") or _POOLED.search(v.clause) or v.sentence is not None and _POOLED.search(
        v.sentence.text[:80]))  # 'pooled_arms': 'all the three groups could improve ...' (``arm_changes``)


_EXPECTED = re.compile(r"\bthan (?:was |had been )?(?:expected|anticipated|predicted)\b", re.I)
# A benefit stated as lasting, without a time of its own: it lasts to the last follow-up.
_SUSTAINED = re.compile(r"\b(improvements?|benefits?|effects?|reductions?|relief)\b[^.;]{0,40}\b(were|was|remained) "
                        r"(sustained|maintained)\b(?! (for|until|up to|at|through))", re.I)
# Pain assessed on a schedule ('every 12 hours ... until day 5'), not once.
_REPEATED = re.compile(r"\b(every|each|daily|hourly|twice|throughout|until|till)\b", re.I)

_WEEKS = 14.0  # the guideline's 'treatments given over weeks'; a few days of treatment is read at its time points


def _head_to_head(ctx: "Context", verdicts: list[Verdict]) -> bool:
    """The only comparator is another active treatment: no placebo, sham, no-treatment, add-on or bare control arm,
    or the 'control group' is the other variant of a technique (additions rule e)."""
    text = ctx.text
    if _inactive_control(verdicts, text) or _add_on_groups(ctx):
        return False
    return _active_comparator_only(text)


# Every measured outcome improved in both arms: a gain from baseline that covers pain where pain is among the outcomes.
_ALL_IMPROVED = re.compile(r"\ball (?:the )?(?:measur\w+ |study |primary and secondary |clinical )?(?:criteria|outcomes?|"
                           r"parameters|variables|measures|symptoms|scores)\b[^.;]{0,30}\bimprov\w*[^.;]{0,20}\b(?:in|for) "
                           r"(?:both|all)(?: the)?(?: \w+)? (?:groups|arms)\b", re.I)


def _all_improved(ctx: "Context", course: float | None) -> tuple[float, "Sentence", str] | None:
    """A course over weeks against an active comparator, where every measured outcome (pain among them) 'improved in
    both groups': relief from baseline (additions rule e), seen at the end of the course ('All measurable criteria
    improved in both groups' after 'received CFE or MO randomly for three weeks' -> 21)."""
    if course is None or course < _WEEKS or not article_arms(ctx).pain_text:
        return None
    return next(((course, s, s.text) for s in ctx.sentences if _ALL_IMPROVED.search(s.text)), None)


def _end_of_course(ctx: "Context", verdicts: list[Verdict], course: float | None) -> tuple[float, "Sentence", str] | None:
    """A benefit on pain that names no time, in a treatment given over weeks: it was seen at the end of the course
    (guideline: counted from the start of treatment; 'fed test products or placebo for 8 weeks' -> 56). A benefit
    on another outcome ('AChE inhibition that should effectively enhance memory') dates no relief."""
    pain = article_arms(ctx).pain_outcome
    better = next((v for v in verdicts if v.verdict == "better" and v.sentence is not None and pain(v.sentence.text)),
                  None)
    if course is None or course < _WEEKS or better is None or better.sentence is None:
        return None
    return course, better.sentence, better.clause.strip()


# The moment of one treatment session, not of a painful act: pain rated before and after the session ('measured before
# and after inhalation') or the session's immediate effect ('immediate knee pain reduction'; additions rule r).
_SESSION_MOMENT = re.compile(rf"\bbefore and (?:immediately )?after\b|{IMMEDIATE_EFFECT}", re.I)


def _rating_moment(ctx: "Context") -> tuple[bool, "Sentence"] | None:
    """(True, sentence) where pain is rated only at a procedure, during the painful act or right after it (rules z,
    at); (False, sentence) where it is rated right after a single treatment session (rule r); None otherwise."""
    moments = [s for s in ctx.sentences if rated_at_the_moment(s.text)]
    act = next((s for s in moments if at_procedure(s.text) or not _SESSION_MOMENT.search(s.text)), None)
    if act is not None:
        return True, act
    return (False, moments[0]) if moments else None


def _later(first: tuple[float, "Sentence", str] | None,
           second: tuple[float, "Sentence", str] | None) -> tuple[float, "Sentence", str] | None:
    """The later of two readings (rule e: between-arm benefit or relief from baseline, whichever lasts longer)."""
    if first is None or second is not None and second[0] > first[0]:
        return second
    return first


# A between-group difference stated right after the treatment: 'The post-intervention between-group mean differences'.
_AFTER = r"(post-?intervention|post-?treatment|immediately after (the )?(intervention|treatment|session|mobili[sz]ation))"
_RIGHT_AFTER = re.compile(rf"\b{_AFTER}\b[^.;]{{0,30}}\bbetween[- ]groups?\b|\bbetween[- ]groups?\b[^.;]{{0,60}}\b{_AFTER}", re.I)


def _right_after(ctx: "Context", verdicts: list[Verdict], course: float | None) -> tuple[float, "Sentence", str] | None:
    """0 for a single treatment whose only between-group difference against placebo, sham or no treatment is
    stated right after it; gains from baseline at later follow-ups do not extend the relief (additions rule r)."""
    if course is not None or "between" not in ctx.text or not _inactive_control(verdicts, ctx.text):
        return None
    pain = article_arms(ctx).pain_outcome  # with the abstract's outcome abbreviations ('PPT')
    return next(((0.0, s, s.text) for s in ctx.sentences if _RIGHT_AFTER.search(s.text) and pain(s.text)), None)


def _single_assessment(ctx: "Context") -> tuple[float, "Sentence", str] | None:
    """The one time at which pain was assessed, when the abstract states exactly one ('the incidence and
    severity of myalgia were assessed 24 hours after surgery'): the benefit was seen then."""
    found: list[tuple[float, "Sentence"]] = []
    assessing = [s for s in ctx.sentences if ASSESSED.search(s.text) and is_pain_outcome(s.text) and not _REPEATED.search(
        s.text) and not _POOLED.search(s.text[:80])]  # a result that pools the arms dates no assessment of the benefit
    for short in (False, True):  # minute-scale times only where no longer one is stated (the sentences read once)
        for s in assessing:
            found += [(t.max_days, s) for t in follow_up_mentions(s, short) if len(t.days) == 1
                      and not window(s.text, t.start)]  # 'evaluated for 72 hr' is no time point (rule ax)
        if found:
            break
    if len({days for days, _ in found}) == 1:
        days, sentence = found[0]
        return days, sentence, sentence.text
    return None


def _last_better(verdicts: list[Verdict], kinds: tuple[str, ...], follow: tuple[float, "Sentence"] | None,
                 when: tuple[float | None, dict[int, float]] = (None, {})) -> tuple[float, "Sentence", str] | None:
    """The latest time tied to a verdict of ``kinds``: hours and longer, else minutes ('lower at 5 min')."""
    return _last_time(verdicts, kinds, follow, _HOUR, when) or _last_time(verdicts, kinds, follow, _MINUTE, when)


def verdict_days(v: Verdict, course: float | None = None, schedule: dict[int, float] | None = None) -> list[float]:
    """The time points a verdict's own clause states (``timepoints``: visits, ordinal hours, post-treatment
    anchors; measured durations dropped), else the times the sentence lends it."""
    points = time_points(v.clause, course, schedule)
    if points:  # the clause's own times; measured durations are no time points, except a duration of analgesia
        analgesia = bool(_ANALGESIA_DURATION.search(v.clause))  # (additions, rule e: a reading against baseline)
        return [p.days for p in points if analgesia or not p.measured and not paired_value(v.clause, p.start)]
    return _lent_days(v, course, schedule)


def _lent_days(v: Verdict, course: float | None, schedule: dict[int, float] | None) -> list[float]:
    """The times the verdict's sentence lends it, each read as the sentence's time point at its place: the SD of a
    mean ('(258.82 + 14.50 min)', the clause cut before it) is the mean's time point, not a time of its own."""
    if not v.times or v.sentence is None:
        return list(v.times)
    text = v.sentence.text
    times = without_paired(text, v.times)  # '8.8 vs. 11.1 minutes': a value compared, no time lent
    if "\u00b1" not in text and " + " not in text:
        return list(times)
    points = time_points(text, course, schedule)
    out: list[float] = []
    for t in times:
        at = next((m.start for m in time_mentions(text) if any(abs(d - t) < 1e-9 for d in m.days)), None)
        point = next((p for p in points if at is not None and p.start <= at < p.end and p.start < at), None)
        out.append(point.days if point is not None else t)
    return out


_ANALGESIA_DURATION = re.compile(r"\b(duration of (post-?operative )?(analgesia|pain relief|sensory block)|"
                                 r"analgesic duration|time (to|for|until) (the )?(first )?(rescue )?(analgesi\w*|pain)|"
                                 r"pain-free (period|interval))", re.I)


def _last_time(verdicts: list[Verdict], kinds: tuple[str, ...], follow: tuple[float, "Sentence"] | None,
               shortest: float, when: tuple[float | None, dict[int, float]] = (None, {})) -> tuple[float, "Sentence", str] | None:
    """The latest time of at least ``shortest`` days tied to a verdict of ``kinds``: its own and its continued times,
    the last follow-up for 'at all time points', the course for 'at the end of treatment'."""
    best: tuple[float, "Sentence", str] | None = None
    for v in verdicts:
        if v.verdict not in kinds or v.sentence is None:
            continue
        days = [d for d in verdict_days(v, *when) + _continued_days(v, when) if d >= shortest]
        if _ALL_TIMES.search(v.clause) and follow is not None:
            days.append(follow[0])
        elif (end := end_of_course(v.clause, when[0], follow)) is not None:
            days.append(end)  # 'at the end of treatment': the course, not the last follow-up after it
        if days and (best is None or max(days) > best[0]):
            best = (max(days), v.sentence, v.clause.strip())
    return best


def end_of_course(clause: str, course: float | None, follow: tuple[float, "Sentence"] | None) -> float | None:
    """The day a benefit 'at the end of treatment' was seen: the course, counted from its start (guideline; rule c),
    not a follow-up after it ('from start to end of treatment' in an 8-week course followed for 12 weeks -> 56)."""
    if not ("nd of" in clause or "ost" in clause) or not _END_OF_COURSE.search(clause):
        return None  # every match holds 'end of' or 'post' (the literal check spares the scan of most clauses)
    return course or (follow[0] if follow is not None else None)


# The rest of a result's sentence that carries the same comparison on: '..., which increased further at 3 months'.
_CONTINUES = re.compile(r"^[^.]{0,60}?\b(which|this|the (difference|effect|benefit|improvement))\b[^.;]{0,30}?\b(further|persist\w*|"
                        r"sustain\w*|maintain\w*|still)\b", re.I)
_STOPS = re.compile(r"\b(not|no longer|lost|disappear\w*|diminish\w*|wane\w*|attenuat\w*)\b", re.I)


def _continued_days(v: Verdict, when: tuple[float | None, dict[int, float]]) -> list[float]:
    """Time points of the clause right after the verdict's own when it continues that comparison, or of the time
    list that the clause splitter cut from it (``relief_times.listed_days``)."""
    text = v.sentence.text if v.sentence is not None else ""
    at = text.find(v.clause.strip())
    if at < 0:
        return []
    rest = text[at + len(v.clause.strip()):]
    if v.verdict == "better" and time_points(v.clause):
        listed = listed_days(rest, when)  # 'lower ... on Day 2 (−21%, P<0.001)' + ' and Day 3 (−23%, P=0.004).'
        if listed:
            return listed
    m = _CONTINUES.match(rest)
    if m is None:
        return []
    tail = rest[m.start(1):].split(".")[0]
    tail = re.split(r"\b(?:but|however|whereas|although)\b", tail)[0]
    if _STOPS.search(tail):
        return []
    return [p.days for p in time_points(tail, *when) if not p.measured]


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


def measured_only(found: tuple[float, "Sentence", str]) -> bool:
    """True when the relief is a measured duration ('duration of analgesia (median 320 min versus 220 min)'):
    how long analgesia lasted, not a time at which the patients were followed."""
    points = time_points(found[2]) or [  # a time the sentence lent the clause is read in the sentence
        p for p in time_points(found[1].text) if abs(p.days - found[0]) < 1e-6]
    return bool(points) and all(p.measured for p in points if abs(p.days - found[0]) < 1e-6)
