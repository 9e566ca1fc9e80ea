"""What kind of control a trial has, for reading relief against it (guideline; additions rules e, g, ai).

Relief is read against placebo, sham or no treatment where the trial has such a control, and against baseline where
the only comparator is another active treatment. This module tells them apart from the text: a named no-treatment,
usual-care, wait-list or add-on control (``names_inactive_control``), an add-on stated through group definitions
(``add_on_groups``), a bare control arm (``names_control_arm``), and an active comparator only
(``active_comparator_only``: no control arm, procedure or device variants, an active-controlled design).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ketamine_evidence.analysis.extract.article_cache import per_article
from ketamine_evidence.analysis.extract.inactive_arms import CARE, NONE_ARM, STANDARD_PROGRAMME, WAIT_LIST

if TYPE_CHECKING:
    from ketamine_evidence.analysis.extract import Context
    from ketamine_evidence.analysis.extract.direction import Verdict

# A control arm that receives no active treatment: a control group, no treatment ('the no-drain group'), or an add-on design ('X plus
# exercise versus exercise alone', 'the additional injection of bone marrow concentrate'; additions rule g). With none of these nor a placebo, the comparator is active
# and relief is also read against baseline (additions rule e).
_INACTIVE_CONTROL = re.compile(rf"\b({CARE}|{WAIT_LIST}|{NONE_ARM}|no[- ][\w-]+ (group|arm)s?|"
                               r"(the|an) (additional|adjunctive|add-on) (\w+ )?(injection|treatment|therapy|administration|application) of|"
                               r"(versus|vs\.?|compared (with|to)|than|or)\s[^.;,]{1,40}\balone|"
                               # an arm defined in brackets as getting none: 'Group C (no antibiotics)'
                               r"(groups?|arms?)\s[\w+-]{1,8}\s?\(\s?(no|without)[- ][\w-]+( [\w-]+)?\s?\))", re.I)
# A control arm ('Control Trial' names the design, not an arm); where the trial compares two techniques, procedure
# variants or devices ('the control device Mini Piezon'), the 'control' is the other variant, an active comparator
# (additions rule e).
_CONTROL_GROUP = re.compile(r"\b(controls?(?![- ](trial|study))|control (group|arm)s?)\b", re.I)
_VARIANTS = re.compile(r"\b(two|three|2|3) (different )?(\w+ )?(techniques|methods|approaches|procedures|surgical techniques)\b|"
                       r"\b(?:two|three|2|3|both|the) (?:different )?(?:[\w-]+ )?(?:devices|instruments)\b",  # devices compared
                       re.I)


# A group defined in brackets: 'group RH (remifentanil 0.3 µg/kg/min)', 'KRH group (remifentanil ... + ketamine ...)'.
_GROUP_DEFINITION = re.compile(r"\b(?:[Gg]roups?\s+[\w+-]{1,8}|[\w+-]{1,8}\s[Gg]roups?)\s?\(([^()]{3,120})\)")


# Arms listed as alternatives: 'receive either levofloxacin (500 mg/d) (group L, 40 patients) or levofloxacin (500 mg/d)
# and mirodenafil (50 mg/d) (group ML, 48 patients)'.
_EITHER = re.compile(r"\beither\s([^.;]{3,120}?)\sor\s([^.;]{3,120}?)(?=\s(?:for|at|during|in|on|before|after)\s|[.;,]|$)")
_LABEL = re.compile(r"\((?:[Gg]roup|[\w+-]{1,8} group)[^()]*\)")


def add_on_groups(ctx: "Context") -> bool:
    """An add-on design stated through the group definitions (additions rule g): one group gets the intervention
    on top of exactly what another group gets ('group RH (remifentanil 0.3 µg/kg/min)' and 'group KRH (remifentanil
    0.3 µg/kg/min + ketamine 0.5 mg/kg bolus ...)')."""
    pattern = ctx.intervention.pattern
    defined = [m.group(1).strip() for m in _GROUP_DEFINITION.finditer(ctx.text)] + [
        _LABEL.sub("", m.group(g)).strip() for m in _EITHER.finditer(ctx.text) for g in (1, 2)]
    with_it = [d for d in defined if pattern.search(d)]
    base = [d for d in defined if not pattern.search(d) and len(d) >= 6]
    return any(d.lower() != w.lower() and w.lower().startswith(d.lower()) for w in with_it for d in base)


# The design states that the control is an active treatment: 'double-dummy, active-controlled, two-period crossover'.
_ACTIVE_CONTROLLED = re.compile(r"\bactive[- ](?:controlled|comparators?)\b", re.I)


def active_comparator_only(text: str) -> bool:
    """No control arm is named, the 'control group' is the other variant of a technique, or the design is stated as
    active-controlled (additions rule e)."""
    return not names_control_arm(text) or bool(_VARIANTS.search(text)) or bool(_ACTIVE_CONTROLLED.search(text))


def names_control_arm(text: str) -> bool:
    """The text names a control arm: 'control group', 'controls', not a design ('Control Trial'), a name in title
    case ('Centers for Disease Control') or what a treatment achieves ('better pain control', ``achieved_control``)."""
    for m in _CONTROL_GROUP.finditer(text):
        before = text[max(0, m.start() - 20):m.start()].split()
        if m.group(0)[0].isupper() and before and before[-1][:1].isupper() and not m.group(3):
            continue
        if achieved_control(text, m.start(), m.end()):
            continue
        return True
    return False


# 'control' as what a treatment achieves, not an arm: judged by how well ('better pain control', 'adequate postoperative
# pain control', 'good control of postoperative pain') or 'control of' what ('the control of chronic cancer pain'). The
# verb is left alone: 'used to control pain' and 'allocated to control' cannot be told apart by the words before it.
# Not a comparison with the control arm: 'better than control', 'superior to the control', 'improved compared to controls'.
_JUDGED = re.compile(r"\b(?:good|better|best|adequate|effective|excellent|satisfactory|optimal|poor|inadequate|(?:in)?sufficient|"
                     r"improved|superior|successful)(?:\s(?!(?:than|to|with|compared|versus|vs|over|against|the|a)\b)[\w-]+){0,2}\s$",
                     re.I)
_ARM_NOUN = re.compile(r"\s(?:groups?|arms?|conditions?|cohorts?|subjects|patients|participants)\b", re.I)


def achieved_control(text: str, start: int, end: int) -> bool:
    """The 'control' at ``text[start:end]`` is what a treatment achieves, not a control arm."""
    if _ARM_NOUN.match(text, end):
        return False  # 'added to control group'
    if text[start:end].lower() == "control" and text.startswith(" of ", end):
        return True
    return bool(_JUDGED.search(text, max(0, start - 40), start))


def inactive_control(verdicts: list["Verdict"], text: str) -> bool:
    """The trial has a placebo, sham, no-treatment or add-on control arm (relief is read against it)."""
    return any(v.extra.get("placebo_controlled") for v in verdicts) or names_inactive_control(text)


_USUAL_CARE = re.compile(rf"^(?:{CARE})$", re.I)  # a finding that is care alone


@per_article  # asked by several readings of one article
def names_inactive_control(text: str) -> bool:
    """The text names a no-treatment, usual-care, wait-list or add-on ('... alone') control arm; 'usual care' that
    is a standard programme the intervention replaces is none (additions rule ai)."""
    found = [m.group(0) for m in _INACTIVE_CONTROL.finditer(text)]
    if found and all(_USUAL_CARE.match(f) for f in found) and STANDARD_PROGRAMME.search(text):
        return False
    return bool(found)
