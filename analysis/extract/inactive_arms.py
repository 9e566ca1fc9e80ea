"""What names an inactive comparator: an arm given no active treatment. One vocabulary, read by every extractor that
asks whether an arm or a clause's reference is inactive (``arms.PLACEBO_LIKE`` and its placebo-controlled flag,
``direction``'s active reference, ``relief_controls``, ``relief_schedule``, the event readers' arm words).

Four kinds of words, kept apart because the readers need their context differently:
- ``INERT``: an inert substitute given in the intervention's place (placebo, sham, saline, vehicle); such a word
  names the arm by itself ('the placebo group', 'than placebo').
- ``WAIT_LIST``: treatment deferred; names the arm by itself.
- ``CARE``: only the care every patient gets (usual care, standard care). 'Standard care' is an inactive control (an
  add-on trial's comparator arm); 'standard analgesia', 'standard therapy' is an active treatment and is not in the
  vocabulary; and a standard programme the intervention replaces is active whatever its arm is called
  (``STANDARD_PROGRAMME``, ``care_control``; additions rule ai).
- ``NONE``: nothing given ('no treatment', 'no intervention', 'untreated'); the same words describe other things
  ('untreated pain', 'no treatment-related deaths'), so a reader that asks whether a trial HAS such an arm reads them
  in an arm's context (``NONE_ARM``: the placebo-controlled flag, ``relief_controls``); 'treatment-related' is never
  an arm.

A within-group reference ('baseline') is another concept (``direction``): no arm at all.
"""

from __future__ import annotations

import re

__all__ = ["CARE", "INACTIVE", "INACTIVE_ARM", "INERT", "NAMED", "NONE", "NONE_ARM", "STANDARD_PROGRAMME", "WAIT_LIST",
           "care_control", "names_inactive_arm"]

INERT = r"placebo|sham|(?:normal )?saline|vehicle|NaCl"
WAIT_LIST = r"wait[- ]?list\w*"
CARE = r"usual care|standard care"
NONE = r"no[- ](?:treatment|intervention)(?![- ]related)|untreated"
INACTIVE = rf"{INERT}|{WAIT_LIST}|{CARE}|{NONE}"
# Nothing given, as an arm: the words before an arm's noun ('untreated group', 'no-treatment controls', 'untreated
# patients'), after a comparison or an alternative ('or no treatment', 'compared with untreated', 'relative to the
# untreated'), or as a bracketed arm's definition ('(NC, N = 83; no intervention)', '(infected and untreated)'); not a
# condition left untreated ('If left untreated, periodontitis ...', 'Untreated procedural pain', 'duration of untreated
# psychosis').
NONE_ARM = (rf"(?:{NONE})[- ](?:groups?|arms?|controls?|cohorts?|patients|subjects|participants|individuals|animals)|"
            rf"(?:received|receiving|or|versus|vs\.?|than|compared (?:with|to)|relative to)(?: the| an?)? (?:{NONE})|"
            rf"(?<=[(;,] )(?:{NONE})(?=\))|(?<=\()(?:{NONE})(?=\))|(?<=and )(?:{NONE})(?=\))")
# The words that name an inactive arm by themselves, without an arm's context (the event readers' arm words).
NAMED = rf"{INERT}|{WAIT_LIST}|{CARE}"
# A standard programme that the intervention replaces, named as the comparator ('natural childbirth preparation versus
# standard antenatal education', 'compared with conventional physiotherapy'): an active comparator (additions rule ai),
# whatever its arm is called ('Standard care group: Standard antenatal education ...').
STANDARD_PROGRAMME = re.compile(r"\b(?:versus|vs\.?|compared (?:with|to)|than|or) (?:an? |the )?"
                                r"(?:standard|conventional|traditional|routine) (?:[\w-]+ ){0,2}?"
                                r"(?:education|physiotherapy|programmes?|programs?|training|exercises?|therapy|"
                                r"treatment|rehabilitation)\b", re.I)
# An inactive comparator named anywhere in a text (a clause, a definition, a comparison's reference).
INACTIVE_ARM = re.compile(rf"\b(?:{INACTIVE})\b", re.I)


_CARE_ARM = re.compile(rf"\b(?:{CARE})\b", re.I)


def care_control(text: str) -> bool:
    """``text`` names usual or standard care as its control arm: not where the comparator is a standard programme the
    intervention replaces ('Standard care group: Standard antenatal education', additions rule ai)."""
    return _CARE_ARM.search(text) is not None and STANDARD_PROGRAMME.search(text) is None


def names_inactive_arm(text: str) -> bool:
    """``text`` names an arm that gets no active treatment: placebo, sham, saline, vehicle, usual or standard care,
    a wait list, no treatment or intervention, untreated."""
    return INACTIVE_ARM.search(text) is not None
