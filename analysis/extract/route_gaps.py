"""Route words and the drug they give across a gap: an adjuvant takes the route of the drug it is added to, and a
route word gives the drug after a regimen noun, 'with' or a dose. Kept apart from ``routes`` so that module stays
small; ``routes.named_routes`` asks both for every route word of a sentence naming the intervention."""

from __future__ import annotations

import re
from typing import Sequence

from ketamine_evidence.analysis.extract.regimen_text import Mention


# An adjuvant takes the route of the drug it is added to: 'X as an adjuvant to ropivacaine in supraclavicular
# brachial plexus block', 'Addition of X (60 μg) or Y (5 μg) to intrathecal bupivacaine', 'X in combination
# with fentanyl-based intravenous patient-controlled analgesia'.
_ADJUVANT_GAP = re.compile(
    r"\s*(?:\([^()]*\)\s*)?(?:(?:or|and)\s+[\w\-]+\s*(?:\([^()]*\)\s*)?)?(?:(?:is|was|were)\s+)?(?P<how>(?:as\s+(?:an?\s+)?"
    r"adjuvants?|added|admixed|mixed|combined|co-?administered|in\s+combination)\s+)?(?:to|with|into)\s+(?:(?:the|a|an)\s+)?"
    r"(?:[\w.%\-]+\s+){0,5}", re.I)
_ADDITION_BEFORE = re.compile(r"\b(?:addition|adding|admixture)\s+of\s+$|\badding\s+$", re.I)


def added_to_vehicle(text: str, m: re.Match[str], own: Sequence[Mention], gap: re.Pattern[str],
                     added_before: re.Pattern[str], lookback: int) -> bool:
    """Whether the route word ``m`` belongs to a drug the intervention (one of ``own``) is added to: ``gap`` spans
    the words from the intervention to the route word, and either names how it is added (its ``how`` group) or
    ``added_before`` finds the addition stated in the ``lookback`` characters before the intervention."""
    for d in own:
        if d.end <= m.start() <= d.end + 120:
            between = gap.fullmatch(text, d.end, m.start())
            if between is not None and (between.group("how")
                                        or added_before.search(text, max(0, d.start - lookback), d.start)):
                return True
    return False


def adjuvant_of_vehicle(text: str, m: re.Match[str], own: Sequence[Mention]) -> bool:
    """Whether the route word ``m`` belongs to the drug the intervention (one of ``own``) is added to."""
    return added_to_vehicle(text, m, own, _ADJUVANT_GAP, _ADDITION_BEFORE, 20)


# What may stand between a route word and the drug given by it: a regimen noun and a dose ('intramuscular
# injections of 0.035 mg/kg of body weight BP-C1', 'TAP blocks with 0.375% ropivacaine', 'epidural
# infusion with bupivacaine', 'intravenously with saline').
_REGIMEN_GAP = re.compile(
    r"\s*(?:\([A-Za-z.]{1,6}\)\s*)?(?:(?:continuous|single|daily|repeated|weekly|bilateral|[\w\-]+ly)\s+)?"
    r"(?:(?:injections?|infusions?|administrations?|bolus(?:es)?|doses?|instillations?|applications?|blocks?|"
    r"infiltrations?|analgesia|an(?:a)?esthesia)\s+)?(?:of|with|using|containing)\s+(?:(?:a|an|the)\s+)?"
    r"(?:[\d.,]+\s*(?:%|mg|µg|μg|mcg|g|ml|mL)(?:\s*/\s*kg)?(?:\s+of\s+body\s*weight)?\s+(?:of\s+)?)?", re.I)


def regimen_next(text: str, pos: int, found: Sequence[Mention]) -> Mention | None:
    """The drug a route word gives through a regimen noun, 'with' or a dose ('... injections of 0.035 mg/kg X')."""
    for d in found:
        if d.start >= pos:
            return d if _REGIMEN_GAP.fullmatch(text, pos, d.start) else None
    return None
