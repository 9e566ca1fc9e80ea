"""Sentence-level direction of an effect: which way a clause says THE intervention's arm differs.

``clause_verdicts`` splits a sentence into clauses ('..., but not at 24 h', 'Although ..., ...'),
finds significance and direction wording ('significantly lower', 'did not differ', 'superior to',
p-values; the two arms' values where only significance is stated), works out which arm the wording
is about (``Arms``: the intervention by name, abbreviation or group label such as 'group K
(ketamine ...)'; comparators: placebo, control, other defined groups; 'than' / 'compared with'
marks the reference side) and turns the direction of the measured quantity into better / worse
through the polarity of the outcome it governs (lower pain or consumption is better; longer time
to first analgesic or more relief is better).

Used by the pain-effect and duration extractors and, unchanged, by the Evidence Inference
evaluation (``analysis/evaluation/evidence_inference.py``).

The mechanisms live in their own modules (the most used re-exported here): ``arms`` (which group is the
intervention), ``outcomes`` (pain outcome and polarity), ``clause_split`` (clauses), ``significance``,
``comparisons`` (direction wording, orientation), ``arm_values`` (numbers per arm), ``paired_clauses`` (one
comparison told in two clauses), ``result_items`` (a clause that lists results, each item with its own direction).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ketamine_evidence.analysis.extract.arms import (  # noqa: F401 - re-exported
    GENERIC_INTERVENTION_ARM, PLACEBO_LIKE, Arms, article_arms, arms_for,
)
from ketamine_evidence.analysis.extract.comparisons import (  # noqa: F401 - re-exported
    BASELINE_ONLY, HEALTHY_CONTROLS, SUBGROUPS, COMPARE, NOT_CLAUSE, NOT_COMPARISON, REVERSED, _PARENS, WITHIN, WITHOUT,
    _is_between, direction_at, local_polarity, orientation, pain_direction, raw_direction,
)
from ketamine_evidence.analysis.extract.arm_values import (  # noqa: F401 - re-exported
    numeric_direction, respective_direction, sentence_direction,
)
from ketamine_evidence.analysis.extract.outcomes import (  # noqa: F401 - re-exported
    CONDITION_PAIN, is_pain_outcome, outcome_polarity, pain_item,
)
from ketamine_evidence.analysis.extract import arm_changes
from ketamine_evidence.analysis.extract.arm_definitions import pronoun_arm
from ketamine_evidence.analysis.extract.clause_split import clauses
from ketamine_evidence.analysis.extract.outcome_scope import without_other_outcome
from ketamine_evidence.analysis.extract.paired_clauses import _paired_arms, _span
from ketamine_evidence.analysis.extract.result_items import pain_readings
from ketamine_evidence.analysis.extract.significance import _significance, taken_back
from ketamine_evidence.analysis.extract.text_patterns import time_mentions
from ketamine_evidence.analysis.extract.time_frame import clause_frames

if TYPE_CHECKING:
    from ketamine_evidence.analysis.parse.sentences import Sentence

# Sentences that state aims or methods, not findings.
NON_FINDING = re.compile(
    r"\b(whether|aim(ed|s)? (of|to|was)|objective|purpose|hypothes\w+|(was|were) to (compare|assess|evaluate|determine|"
    r"investigate|examine)|we (investigated|evaluated|examined|compared|assessed|studied|designed)|is known|"
    r"(has|have) been (shown|suggested|reported|used)|is (commonly |widely )?used|(was|were) (assessed|measured|recorded|"
    r"evaluated|graded|calculated|obtained|noted)( (at|by|using|with|before|after|from|during|over|on|prior)\b|\.)|"
    # measured 'in' a group or an outcome, not noted in one: 'were noted in' says what occurred, as 'were observed in'
    # does ('No statistically significant intergroup differences were noted in postoperative pain', batch 6 25104916)
    r"(was|were) (assessed|measured|recorded|evaluated|graded|calculated|obtained) in\b|^to (assess|evaluate|determine|"
    r"compare|investigate|examine)|\bto (evaluate|assess|investigate|examine|determine) (the|whether|if)|(trial|study) "
    r"(compared|investigated|evaluated|examined|assessed|aims?)|(?<!other )(primary|secondary) (efficacy )?(outcome|"
    r"end ?point|efficacy measure|efficacy variable)s? (was|were|is|are|included|measures?)|outcome measures? (was|were|"
    r"included)|eligible|inclusion criteria|exclusion criteria|were (included|excluded) if|in order to|et al|"
    r"(a|one|another|previous|prior|earlier|recent) (\d{4} )?(\w+ )?(study|studies|trials?|reports?) (by|of \d+)|"
    r"(previous|prior|earlier|past|other|several|many) (\w+ )?(studies|trials|reports|research) (have |has )?(\w+ )?(found|shown|"
    r"reported|demonstrated|suggested|indicated)|\bevidence (shows|suggests|indicates)|"
    r"(might|may|could) (not )?be (the|a) (major |main )?(cause|reason)|"
    r"\b(study|trial|protocol|we) will\b|\b(future|further|larger|additional) (\w+ ){0,2}(studies|research|trials|"
    r"investigations?) (are|is|will|would|should|may|might|could|to)\b|\bshould be (\w+ )?(evaluated|considered|assessed|"
    r"investigated|explored|examined|studied|addressed)\b|(adverse (events?|effects?|reactions?)|side[- ]effects?)\b[^.;]{0,40}?\b(included|"
    r"including|such as|consisted of)\b|"
    r"(complications|events|outcomes|variables|parameters)\b[^.;]{0,60}?\b(included|including|such as) (\w+ )?"
    r"(decreased|increased|reduced|elevated|low|high))\b", re.I)
# '..., with no significant increase in complications', '... with comparable recovery profile': like 'without',
# about pain only if it names a pain outcome.
WITH_NO = re.compile(r"\s*with (no|comparable|similar)\b", re.I)
# '... lower in the K group at all time points, except at 24 h': the exception is the previous comparison's
# explicit absence at that time point or outcome (an arm difference there: its own direction words decide).
EXCEPT = re.compile(r"\s*except\b", re.I)
# A clause that goes on about the previous clause's outcome without naming it: 'Pain decreased in both groups; the
# decrease was significantly greater with X', '..., with significantly lower scores found in the X group'.
ANAPHOR = re.compile(r"\s*(?:(?:the |this |these |such )?(?:decrease|reduction|decline|improvement|change|relief)s?\s"
                     r"(?:(?:in|of|with|among|for) (?P<arm>[^,;]{1,60}?)\s)?(?:was|were)\b|"
                     r"with (?:a )?(?:statistically )?significantly (?:lower|higher|less|greater|more|fewer|longer|shorter) "
                     r"(?:scores|values|levels|ratings)\b)", re.I)
# A change that no arm is credited with ('Postoperatively, significant decrease in pain ... was observed', 'the FMS
# group exhibited significant decreases in pain intensity'): a change over time, not a difference between the arms.
OBSERVED_CHANGE = re.compile(r"\b(decrease|reduction|improvement|increase|decline|relief)s? (in|of) [^,;]{0,80}?\b(was|were) "
                             r"(observed|seen|noted|found|recorded)\b|\b(groups?|patients|subjects|participants) (exhibited|"
                             r"showed|experienced|demonstrated|had) (a |an )?((statistically )?significant(ly)? )?(decrease|"
                             r"reduction|improvement|decline)s? (in|of)\b", re.I)
# A non-inferiority verdict ('non-inferiority of X to Y was not demonstrated'): about the primary
# outcome, a pain outcome in a trial whose abstract reports pain outcomes.
NON_INFERIORITY = re.compile(r"\bnon-?inferior(ity)?\b", re.I)
NOT_PAIN_VERDICT = re.compile(r"\b(tolerab\w*|safety|adverse|side[- ]effects?|sedation|cost\w*)\b", re.I)
# 'X was (not) superior / effective' about the intervention in a trial of a pain condition.
EVALUATION = re.compile(r"\b(was|were|is|are|be|been|proved|proven)\s(not\s|no\s)?(more\s|less\s|as\s|equally\s|"
                        r"significantly\s|highly\s)?(superior|inferior|(?<!cost-)effective|efficacious|better|worse)\b", re.I)


# The spread of a measure ('ranged from -0.8 to 2.6').
_RANGE = re.compile(r"\brang(ed|es|ing) (from |between )?[-\u2013\u2212]?\s?\d", re.I)
# An outcome item with its statistic and nothing else ('pain (p≤0.001)'), split off a list of outcomes at '(p...) and'.
_BARE_ITEM = re.compile(r"\s*(?:the\s)?[\w-]+(?:\s[\w-]+){0,3}\s?\([^()]*\)\W*")
# 'in this regard': the previous clause's outcome, named by reference.
_THIS_REGARD = re.compile(r"\b(in|with) (this|that) (regard|respect)\b", re.I)
# 'otherwise' before a clause: what would happen without the course of action just stated, not a finding.
_COUNTERFACTUAL = re.compile(r"\botherwise,?\s*$", re.I)


@dataclass(slots=True)
class Verdict:
    """The reading of one clause: better / worse / no_difference / within (improved from baseline)."""

    verdict: str
    clause: str
    sentence: "Sentence | None" = None
    times: tuple[float, ...] = ()
    vs_placebo: bool = False
    vs_active: bool = False
    section: str | None = None
    extra: dict = field(default_factory=dict)


_NON_INFERIORITY_OF = re.compile(r"\bnon-?inferiority of (?P<subject>[^.;]{1,60}?)\s(to|versus|vs\.?|compared|over)\b",
                                 re.I)


def _non_inferiority_of_intervention(text: str, arms: Arms) -> bool:
    """A non-inferiority statement about the intervention: it is named, or it is the only arm tested
    ('non-inferiority of intramuscular to intralesional injections' when the subject is no comparator)."""
    if arms.is_intervention(text):
        return True
    m = _NON_INFERIORITY_OF.search(text)
    return bool(m and not arms.is_comparator(m.group("subject")) and not PLACEBO_LIKE.search(m.group("subject")))


_REFERENCE = re.compile(r"\b(as (effective|efficacious|good|potent) as|comparable (to|with)|similar to|equivalent to|"
                        r"inferior to)\s+(?P<reference>[^,;.]{2,60})", re.I)
# A within-group reference ('as effective as baseline'): no arm, so no active one (an inactive arm is ``PLACEBO_LIKE``).
_WITHIN = re.compile(r"\bbaseline\b", re.I)


def _active_reference(clause: str, arms: Arms) -> bool:
    """The clause sets the intervention against another active treatment ('it was not as effective as carprofen',
    'comparable to thoracic E-PCA'): relative efficacy, not the absence of a benefit over placebo. A reference that is
    an inactive comparator (``PLACEBO_LIKE``: placebo, usual or standard care, a control arm) or baseline is not one;
    'standard analgesia' or 'pain control' is no such reference (``inactive_arms``)."""
    m = _REFERENCE.search(clause)
    if not m:
        return False
    reference = m.group("reference")
    return not (arms.is_intervention(reference) or PLACEBO_LIKE.search(reference) or _WITHIN.search(reference))


def _anaphor(clause: str, arms: Arms) -> bool:
    """The clause compares the arms on the previous clause's outcome without naming it (``ANAPHOR``); words between
    the change and its verb may only name an arm ('the decrease in the ketamine group was greater')."""
    m = ANAPHOR.match(clause)
    if not m or not (arms.is_intervention(clause) or arms.is_comparator(clause)):
        return False
    arm = m.group("arm")
    return arm is None or bool(arms.is_intervention(arm) or arms.is_comparator(arm))


def _other_arm_only(clause: str, previous: str, arms: Arms) -> bool:
    """'..., but not in the placebo group': the negated clause names only the arm the previous clause did not (the
    previous change is that arm's absence of one, not an absence of difference between the arms)."""
    rest = NOT_CLAUSE.sub(" ", clause, count=1)
    if re.search(r"\b(at|on|after|during|until|by|for)\s", rest[:12], re.I) or not re.match(r"\W*(in|for|with|among)\b", rest):
        return False  # 'but not at 24 h', 'but not pain at rest': another time point or outcome
    ours, theirs = arms.is_intervention(rest), arms.is_comparator(rest)
    before_ours, before_theirs = arms.is_intervention(previous), arms.is_comparator(previous)
    return bool((theirs and not ours and before_ours and not before_theirs) or
                (ours and not theirs and before_theirs and not before_ours))


_GENERIC = frozenset("""the and but whereas while although though however there was were are been being not nor did does had has
have statistically statistical significant significantly significance insignificant nonsignificant difference differences
different differ differed differing change changes changed between among groups group two three both all arms arm treatment
treatments this that its these they them which reach reached reaching level levels any other time times point points than
compared comparison similar comparable remained remain found observed seen detected noted noticed reported shown showed show
also still further effect effects result results data analysis table figure fig value values mean median score scores
overall total trend trends toward towards patients subjects participants after before during respectively versus hours
hour days day weeks week months month
years minutes min follow-up postoperative postoperatively for from with into upon within across see additional file files
supplementary either neither case cases adjusting adjusted adjustment baseline study studies end period phase visit visits
intervention interventions control controls condition conditions cohort cohorts community communities evaluation evaluated
measured assessed comparisons between-group within-group between-groups intergroup inter-group regard respect""".split())
_WORD = re.compile(r"[A-Za-z][A-Za-z-]{2,}")


def other_subject(clause: str, arms: Arms) -> bool:
    """The clause names something besides the arms, time and statistics ('whereas ultrafiltration (UF) volume (P = 0.08)',
    'although the mean daily heparin dose did not differ'): its own outcome, so its 'no difference' does not take back or
    carry on the previous clause's outcome (EI-read 12670, 12673, 12343)."""
    return any(w.lower() not in _GENERIC and not (arms.is_intervention(w) or arms.is_comparator(w))
               for w in _WORD.findall(_PARENS.sub(" ", clause)))  # asides and references ('(Table 4; see also ...)') left out


# The treatment's effect confined to a subgroup ('Greater pain reductions with Cingal up to 3 weeks were only
# significant in the anteromedial subgroup', batch 5 28839449): a result of the arms that pain_effect reads as
# confined (additions rule ab, ``pain_effect.SUBGROUP_ONLY``), not a comparison between subgroups, which ``SUBGROUPS``
# sets aside.
ONLY_IN_SUBGROUP = re.compile(r"\bonly\b(?: [\w-]+){0,3}? (?:in|among|for|within) (?:the |a )?(?:[\w-]+ ){0,2}?"
                              r"subgroups?\b", re.I)


def clause_verdicts(text: str, arms: Arms, results: bool = False, carried: tuple[float, ...] = ()) -> list[Verdict]:
    """Verdicts of every clause of one sentence about a pain outcome (empty when none applies). A clause with no time
    of its own is dated by the time frame in force (``time_frame``; ``carried``: a previous sentence's).

    A 'no difference' clause without outcome words of its own inherits the sentence's ('..., but mean
    change between groups was not significant'); so does 'but not at 24 h'.
    """
    evaluation = bool(EVALUATION.search(text) and CONDITION_PAIN.search(text) and arms.is_intervention(text)) or bool(
        NON_INFERIORITY.search(text) and arms.pain_text and _non_inferiority_of_intervention(text, arms)
        and not NOT_PAIN_VERDICT.search(text))
    if not (arms.pain_outcome(text) or evaluation) or NOT_COMPARISON.search(text):
        return []
    out: list[Verdict] = []
    sentence_polarity = arms.polarity(text)
    sentence_placebo = bool(PLACEBO_LIKE.search(text))
    prev: Verdict | None = None
    loose_times: list[float] = []  # times in clauses without a verdict: '...; the difference ... to week 12 was -0.98'
    originals: dict[str, tuple[str, str]] = {}
    parts = _paired_arms(clauses(text), arms, originals)
    # a list of results, each item with its own direction (not a pair joined above: its reading is already one)
    parts = [r for w in parts for r in ([w] if w in originals or ", " not in w else pain_readings(w, arms.pain_outcome))]
    frames = clause_frames(parts, carried)  # 'At 18 months, ..., whereas the control group had ...': the opening frame
    for k, written in enumerate(parts):
        within_change = alike = False
        if _COUNTERFACTUAL.search(text[:max(text.find(written), 0)]):
            continue  # '..., otherwise longer opioid titration due to higher pain scores might delay discharge': what
            # would follow without the advice, no result
        clause = pain_item(written)  # 'a higher success rate, longer duration ..., less intra-operative pain'
        clause = pronoun_arm(clause, parts[k - 1], arms.side) if k else clause  # '..., it also had higher pain scores'
        polarity = arms.polarity(clause) or sentence_polarity or ("lower_better" if evaluation else None)
        own = arms.pain_outcome(clause) or (evaluation and bool(EVALUATION.search(clause) or NON_INFERIORITY.search(clause)))
        exception = bool(EXCEPT.match(clause) and prev is not None and (own or time_mentions(clause)))
        own = own or exception  # 'except at 2 h, when they were lower in group K': the previous clause's outcome
        if prev is not None and prev.verdict in ("better", "worse") and taken_back(prev.clause, clause):
            prev.verdict = "no_difference"  # 'X was prolonged in group II ..., but the difference was not significant'
            continue
        if SUBGROUPS.search(clause) and not (arms.is_intervention(clause) and arms.is_comparator(clause)) and not (
                ONLY_IN_SUBGROUP.search(clause) and arms.is_intervention(clause)):
            continue  # 'did not differ between duloxetine-treated male and female patients': not the arms
        if _RANGE.search(clause) and not COMPARE.search(clause) and arms.side(clause) is None:
            continue  # 'The reduction in pain grade ranged from -0.8 to 2.6 (mean: 1.1)': a spread, no arm's result
        if HEALTHY_CONTROLS.search(clause):
            continue  # 'Women with trapezius myalgia have lower strength capacity ... than healthy controls'
        if WITHOUT.match(clause) or WITH_NO.match(clause):
            if not own or prev is None:
                continue  # '..., without increasing adverse effects': not about pain
            verdict = "no_difference"  # 'reduced morphine consumption without affecting pain scores'
        elif NOT_CLAUSE.search(clause) and prev is not None:
            if _other_arm_only(clause, prev.clause, arms):
                continue  # 'Pain decreased significantly in the K group but not in the placebo group': no change there
            verdict = "no_difference"
        elif exception and direction_at(clause)[0] is None:
            if prev.verdict not in ("better", "worse"):
                continue  # 'did not differ ..., except at T10 (P = 0.047)': a difference whose direction is not stated
            verdict = "no_difference"  # 'lower in group K at all time points, except at 24 h (when they were similar)'
        elif REVERSED.search(clause) and prev is not None and prev.verdict in ("better", "worse"):
            verdict = "better" if prev.verdict == "worse" else "worse"  # '..., but it reversed at 12 and 24 h'
        else:
            reading, elsewhere = without_other_outcome(clause, arms) if own else (clause, False)
            if elsewhere and not arms.pain_outcome(reading):
                continue  # 'The mean cervical dilatation was significantly higher ...': its difference is not about pain
            clause = reading  # '..., benefit were also observed on ... pain': read without the other outcome's statement
            word, position = direction_at(clause) if not BASELINE_ONLY.search(clause) else (None, 0)
            if word is None and own and not BASELINE_ONLY.search(clause):
                word = numeric_direction(clause, arms)
            if word is None and own and k and _BARE_ITEM.fullmatch(clause) and _significance(clause) == "sig":
                clause = f"{parts[k - 1].rstrip()} and {clause}"  # 'improvements in PtGA (p≤0.001) and pain (p≤0.001)':
                word, position = direction_at(clause)  # the item shares the previous item's direction word
            polarity = local_polarity(clause, position, arms) or polarity
            if word is None:
                loose_times.extend(t for m in time_mentions(clause) for t in m.days)
                continue
            if results and word in ("up", "down") and not _significance(clause) and not COMPARE.search(clause) \
                    and re.search(r"\d\s?%|±", clause) and respective_direction(clause, arms) is None:
                continue  # 'dogs given X showed an average decrease of 28%': a description, not a finding
            if not own and not (word == "none" and prev is not None and not other_subject(clause, arms)
                                and not re.search(r"\b(on|for|of|in|regarding)\s(the\s)?[a-z]", _THIS_REGARD.sub(" ", clause))) and not (
                    prev is not None and _anaphor(clause, arms)):
                continue
            alike = arm_changes.every_arm_change(clause, text, arms)  # 'in both X and Y groups'
            within = (WITHIN.search(clause) or (OBSERVED_CHANGE.search(clause) and not arms.is_intervention(clause))
                      ) and not _is_between(clause)
            pooled = not (alike or within) and arm_changes.every_arm_statement(clause, arms)  # 'all the three groups
            # could improve the symptoms such as ... burning pain': every arm's result at once, none between them
            alike = alike or pooled
            if alike or within:
                if arms.is_comparator(clause) and not arms.is_intervention(clause) and not re.search(
                        r"\bboth\b|\ball\b", clause, re.I):
                    continue  # the comparator's own change from baseline
                verdict = "within" if pain_direction(word, polarity) == "better" else pain_direction(word, polarity)
                within_change = verdict == "worse"  # worse than at baseline: no difference between the arms
            else:
                verdict = pain_direction(sentence_direction(clause, arms), polarity)
            if verdict is None:
                continue
        times = tuple(t for m in time_mentions(clause) if "±" not in clause[max(0, m.start - 15):m.start]
                      for t in m.days) or frames[k]  # '730 ± 260 min' is a measured duration, not a time point
        each_other = bool(re.search(r"\beach other\b", clause, re.I))
        # read once: where the clause names no placebo, blanking its placebo words leaves the clause as it is
        placebo_named = bool(PLACEBO_LIKE.search(clause))
        vs_placebo = placebo_named or (sentence_placebo and not each_other and not arms.is_comparator(clause))
        vs_base = arms.base is not None and bool(arms.base.search(arms.unnamed(clause))) and not _active_reference(
            clause, arms)
        vs_base = vs_base or bool(arms.placebo_labels and arms.placebo_labels.search(clause))  # 'than in group 2',
        # group 2 being the saline arm: against placebo though the clause names it by its label
        vs_placebo = vs_placebo or vs_base  # against the base treatment alone of an add-on design (additions rule g)
        vs_active = not vs_base and each_other or not vs_base and (not placebo_named and arms.is_comparator(clause)) or (
            verdict in ("no_difference", "worse") and _active_reference(clause, arms))
        prev = Verdict(verdict, _span(text, originals[written]) if written in originals else written, times=times,
                       vs_placebo=vs_placebo, vs_active=vs_active)
        if within_change:
            prev.extra["within_change"] = True  # 'Compared with the baseline score, ... a significant increase in ...'
        if verdict == "within" and alike:
            prev.extra["every_arm"] = True  # each arm's change from baseline, stated alike (``arm_changes``)
            if pooled:
                prev.extra["pooled_arms"] = True  # one result given to the arms pooled: it dates no arm's relief
        if verdict == "no_difference" and NON_INFERIORITY.search(clause):
            prev.extra["non_inferiority"] = True
        out.append(prev)
    if loose_times:
        for v in out:
            if not v.times:
                v.times = tuple(loose_times)
    return out
