"""Which names of an add-on design's intervention tell its arm from the comparator's (additions rules g and aj).

In 'A added to B (vs B alone)' every arm receives B: an arm, a group's definition or a comparison's side is the
intervention's when it names A (alone or with B), and the comparator's when it names B only. The intervention's
short names are read from its first component ('ramosetron plus dexamethasone' -> 'ramosetron'), which in such a design may be the base itself: the group given
B alone then reads as the intervention. ``alone_arms`` finds B (moved here from ``arms``, with ``NAME_FILLER``,
the words of a name that identify nothing); ``arm_names`` gives the arm reader the intervention without the base's
names and with the added drugs named; dose and route readers keep every name (the base's dose is no one's
intervention dose, but they read their own rules for that).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ketamine_evidence.analysis.extract.arm_abbreviations import BRACKETED_COMPARATOR
from ketamine_evidence.analysis.extract.intervention_names import first_drug_word
from ketamine_evidence.analysis.extract.interventions import Intervention


def arm_names(intervention: Intervention, name: str, base: list[str]) -> Intervention | None:
    """``intervention`` with the names that are ``base`` words dropped and the drugs ``name`` adds to them named.

    'ramosetron plus dexamethasone (vs ramosetron alone and saline control)', base ['ramosetron']: 'ramosetron' is
    no longer a name of the intervention, 'dexamethasone' is (the first drug ``name`` names besides the base: a
    later one, 'sufentanil combined with remifentanil in target-controlled infusion with propofol', may be every
    arm's). None when nothing would change, when the intervention's own name is a base word, or when ``name`` adds
    no drug to the base (then the arms are told apart by the add-on's own words, as before)."""
    bases = {b.lower() for b in base}
    if not bases or intervention.name.lower() in bases:
        return None
    own = BRACKETED_COMPARATOR.sub(" ", name)
    rest = re.sub(r"(?<![\w-])(?:%s)(?![\w-])" % "|".join(map(re.escape, sorted(bases))), " ", own, flags=re.I)
    added = first_drug_word(rest)  # the first only: a later drug ('... infusion with propofol') may be every arm's
    if not added:
        return None
    synonyms = tuple(dict.fromkeys([s for s in intervention.synonyms if s.lower() not in bases] + [added]))
    return None if synonyms == intervention.synonyms else replace(intervention, synonyms=synonyms)


# Words of an intervention's name that do not identify it: function words, routes, regimen and generic nouns.
NAME_FILLER = frozenset(
    """and or of with for before after during the a an in on to plus versus vs via by from alone combined combination
    therapy therapies treatment treatments program programme programs intervention interventions group groups arm
    session sessions class classes administration administered dose doses dosing single daily twice once high low
    standard usual intravenous oral topical local subcutaneous intramuscular epidural intrathecal intranasal
    inhaled transdermal injection injections infusion infusions solution tablet tablets capsule capsules extract
    preoperative postoperative intraoperative perioperative preventive preemptive pre-emptive based new""".split())


_ALONE, _ADD_ON = re.compile(r"\b([A-Za-z][\w-]{3,30}) alone\b", re.I), re.compile(
    r"\b(added to|adjuvants? to|add-on|in addition to|plus|combined with|in combination|with)\b|\+", re.I)
_ONLY_ARM = re.compile(r"(?<![\w-])([A-Za-z][\w-]{1,30}) (?:alone|only) \(", re.I)  # 'fentanyl-based IV-PCA only (IV-PCA group'


def alone_arms(name: str, text: str) -> list[str]:
    """The base treatment an add-on is compared with, as the name's comparator or the abstract defines it:
    'IV-PCA' in 'dexmedetomidine added to fentanyl-based IV-PCA (vs thoracic epidural PCA or IV-PCA alone)'."""
    bracket = " ".join(m.group(0) for m in BRACKETED_COMPARATOR.finditer(name))
    own = BRACKETED_COMPARATOR.sub(" ", name)
    if not _ADD_ON.search(own) or re.search(r"\b(alone|only)\b", own, re.I):
        return []  # no add-on design ('lidocaine spray alone (vs spray plus viscous solution)' is the base itself)
    found = [m.group(1) for m in _ALONE.finditer(bracket)] + [m.group(1) for m in _ONLY_ARM.finditer(text)]
    return [w for w in dict.fromkeys(found) if w.lower() not in NAME_FILLER]
