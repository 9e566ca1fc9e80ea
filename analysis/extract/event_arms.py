"""Which arm an adverse-event mention belongs to, read from how the sentence lays the arms out (round 7, batch 7).

- ``list_arm``: an arm named in brackets right after a list of events covers the whole list ('decreased appetite,
  insomnia, dry mouth, and nasopharyngitis (LDX and OROS-MPH), irritability and dizziness (LDX only)');
- ``coordinated_labels``: arms coordinated before one shared 'group(s)' ('in caudal and local group'): each word is
  an arm label, not only the one next to 'group';
- ``name_labels``: a group label that is a word of the intervention's own name ('Group Caudal' for 'caudal block');
- ``zero_for_intervention``: values listed in the arms' order ('..., respectively') that give the intervention's arm
  none of the event ('low in both alvimopan and control groups (0% and 4.4%, respectively)').

The callers (:mod:`.adverse_events`) decide what an arm's name means; this module only finds the words.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable

from ketamine_evidence.analysis.extract.event_roles import own_name_words

if TYPE_CHECKING:
    from ketamine_evidence.analysis.extract import Context

__all__ = ["coordinated_labels", "list_arm", "name_labels", "zero_for_intervention"]

# Items of an event list between the event and a bracket: short phrases joined by commas, 'and', 'or'.
_LIST_TAIL = re.compile(r"(?:\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or|and/or)\s+)[A-Za-z][\w'-]*(?:\s[A-Za-z][\w'-]*){0,3}){0,8}"
                        r"\s*\((?P<arm>[^()\d%]{1,40})\)")


def list_arm(sentence: str, end: int, status: Callable[[str], tuple[bool, bool]]) -> bool | None:
    """For the event ending at ``end``: True / False where a bracket right after its list names the intervention's /
    another arm only (``status`` reads a text as (names the intervention, names another arm)), else None. A bracket
    of figures ('headache (17.2%M, 19%HS)') names no arm here."""
    m = _LIST_TAIL.match(sentence, end)
    if m is None:
        return None
    mine, other = status(m.group("arm"))
    if mine or other:
        return mine
    if _ONLY.fullmatch(m.group("arm")):
        return False  # '(OROS-MPH only)': one arm alone, and not the intervention's
    return None


_ONLY = re.compile(r"\s*[A-Za-z][\w+/-]*(?:\s[\w+/-]+)?(?:\s(?:group|arm))?\s+only\s*", re.I)


# 'in caudal and local group', 'the A and B groups': the first word shares the head noun 'group(s)'.
_COORDINATED = re.compile(r"\b([A-Za-z][\w-]*)\s+(?:and|or|&)\s+(?:the\s+)?[\w-]+\s+groups?\b")


def coordinated_labels(clause: str) -> list[str]:
    """The words coordinated before a shared 'group(s)' other than the one next to it ('caudal' in 'in caudal and
    local group')."""
    return [m.group(1) for m in _COORDINATED.finditer(clause)]


def name_labels(ctx: "Context", labels: set[str]) -> set[str]:
    """The group labels of the abstract ('Group Caudal', 'the Caudal Group') that are a word of the intervention's
    own name outside its '(vs ...)' part ('caudal block with bupivacaine (vs local wound infiltration)')."""
    own = own_name_words(ctx)
    return {label for label in labels if label.lower() in own}


_RESPECTIVE = re.compile(r"\b(?:in|for|with|among|of|by)\s(?:both\s|the\s)?(?P<arms>[^,;()\d%]{2,80}?)(?:\s(?:groups?|"
                         r"arms?|patients|subjects))?,?\s\((?P<values>[^()]{1,60}?),?\s+respectively\)", re.I)
_ARM_SPLIT = re.compile(r",\s(?:and\s)?|\s(?:and|or|vs\.?|versus)\s", re.I)
_VALUE = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s?%?")


def zero_for_intervention(sentence: str, start: int, is_mine: Callable[[str], bool]) -> bool:
    """Whether the values listed after the event in the arms' order ('(0% and 4.4%, respectively)') give the
    intervention's arm (``is_mine`` reads an arm's words) a zero: the event did not happen with the intervention."""
    if "respectively" not in sentence.lower():
        return False
    for m in _RESPECTIVE.finditer(sentence, start):
        arms = [a for a in _ARM_SPLIT.split(m.group("arms")) if a.strip()]
        values = [float(v.group(1)) for v in _VALUE.finditer(m.group("values"))]
        if len(arms) >= 2 and len(values) == len(arms):
            return any(is_mine(a) and v == 0 for a, v in zip(arms, values))
        return False
    return False
