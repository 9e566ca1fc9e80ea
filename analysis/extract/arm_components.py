"""Which names of an add-on design's intervention tell its arm from the comparator's (additions rules g and aj).

In 'A added to B (vs B alone)' every arm receives B: an arm, a group's definition or a comparison's side is the
intervention's when it names A (alone or with B), and the comparator's when it names B only. The intervention is
what differs between the arms: every component the name adds to B ('A plus C plus B', 'B combined with A or C'),
a non-drug add-on by its treatment word ('exercise', 'manual therapy'). ``alone_arms`` finds B: named alone in the
name's comparator ('vs B alone'), defined alone in the abstract ('B only (B group'), or a comparator that is one
component of the name ('A plus B (vs B)', '(vs placebo plus B)'); ``NAME_FILLER`` holds the words of a name that
identify nothing; ``arm_names`` gives the arm reader the intervention without the base's names and with the added
components named; dose and route readers keep every name (the base's dose is no one's intervention dose, but they
read their own rules for that).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ketamine_evidence.analysis.extract.arm_abbreviations import BRACKETED_COMPARATOR
from ketamine_evidence.analysis.extract.intervention_names import NON_DRUG_WORDS, first_drug_word
from ketamine_evidence.analysis.extract.interventions import Intervention


def arm_names(intervention: Intervention, name: str, base: list[str]) -> Intervention | None:
    """``intervention`` with the names that are ``base`` words dropped and every component ``name`` adds to them named.

    'ramosetron plus dexamethasone (vs ramosetron alone and saline control)', base ['ramosetron']: 'ramosetron' is
    no longer a name of the intervention, 'dexamethasone' is. Every added component counts, not only the first
    ('A plus B plus C', 'A with B and C' against A alone: B and C are both the intervention's), and a component that
    is no drug is named by its treatment word ('ibuprofen plus home exercise (vs ibuprofen alone)': 'exercise').
    The components are read up to the name's setting: in 'sufentanil combined with remifentanil in target-controlled
    infusion with propofol' the propofol is every arm's. None when nothing would change, when the intervention's own
    name is a base word, or when ``name`` adds nothing namable to the base."""
    bases = {b.lower() for b in base}
    if not bases or intervention.name.lower() in bases:
        return None
    added = added_components(name, bases)
    if not added:
        return None
    synonyms = tuple(dict.fromkeys([s for s in intervention.synonyms if s.lower() not in bases] + added))
    return None if synonyms == intervention.synonyms else replace(intervention, synonyms=synonyms)


# Joins of a combination's components ('A plus B', 'A with B and C', 'A + B', 'A added to B', 'A in addition to B'),
# and where the components end: the setting, route or manner that follows ('... in target-controlled infusion with
# propofol', '... for knee osteoarthritis', '... after surgery').
_JOIN = re.compile(r"\s*\+\s*|\s+(?:plus|and|with|combined with|in combination with|in addition to|added to|"
                   r"together with|along with|as an? (?:adjunct|adjuvant|add-on) to|adjuvant to)\s+", re.I)
_SETTING = re.compile(r"\s+(?:in|for|by|via|through|during|after|before|following|prior to|undergoing|among|at|on|"
                      r"under|versus|vs\.?|compared)\s", re.I)
# A one-word component that adds no treatment ('placebo plus morphine').
PLACEBO_WORD = re.compile(r"^(?:placebo|sham|saline|vehicle|control|usual|standard)$", re.I)
# Treatment words of a non-drug component that name no arm by themselves ('support', 'management', 'program').
_VAGUE_KINDS = frozenset("management support surgery surgical device program programme programs programmes cognitive "
                         "telephone feedback training diet heat cold implant implants fusion".split())


def added_components(name: str, bases: set[str]) -> list[str]:
    """A word for each component of ``name`` that is not ``bases``: its drug word, a non-drug component's own
    treatment word ('exercise', 'acupuncture', 'education'), or a one-word component's word (a drug no list holds).
    A component that holds a base word is the base ('fentanyl-based IV-PCA'); the bracketed comparator and the
    setting after the components are left out."""
    own = _JOIN.sub(" + ", BRACKETED_COMPARATOR.sub(" ", name))  # 'in addition to' is a join, not a setting's 'in'
    own = _SETTING.split(own, maxsplit=1)[0]
    base_words = re.compile(r"(?<![\w-])(?:%s)(?![\w-])" % "|".join(map(re.escape, sorted(bases))), re.I)
    found: list[str] = []
    for part in re.split(r" \+ |\s+(?:and/)?or\s+|,\s*", own):  # 'propofol combined with remifentanil or fentanyl': either
        if base_words.search(part):
            continue  # the base with its modifiers ('fentanyl-based IV-PCA'): every arm's
        rest = part
        drug = first_drug_word(rest)
        if drug:
            found.append(drug)
            continue
        kinds = [m.group(0) for m in NON_DRUG_WORDS.finditer(rest)]
        if kinds:
            found += [k for k in kinds if len(k) >= 5 and k.lower() not in NAME_FILLER and k.lower() not in _VAGUE_KINDS]
            continue
        words = [w for w in re.findall(r"[A-Za-z][\w-]{3,}", rest) if w.lower() not in NAME_FILLER]
        if words and len(words) <= 2 and not PLACEBO_WORD.search(words[0]):
            found.append(" ".join(words))  # a drug no list holds ('ketamine', 'certolizumab pegol')
    return [w for w in dict.fromkeys(found) if w.lower() not in bases]


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
    if re.search(r"\b(alone|only)\b", own, re.I):
        return []  # no add-on design ('lidocaine spray alone (vs spray plus viscous solution)' is the base itself)
    found = _compared_parts(bracket, own)  # 'ketamine plus morphine (vs morphine)': the comparator is one component
    if _ADD_ON.search(own):
        found += [m.group(1) for m in _ALONE.finditer(bracket)] + [m.group(1) for m in _ONLY_ARM.finditer(text)]
    return [w for w in dict.fromkeys(found) if w.lower() not in NAME_FILLER]


_ITEMS = re.compile(r"\s*(?:,|;|\bor\b|\band\b|\((?:vs\.?|versus|compared(?: with| to)?)|\))\s*", re.I)


def _compared_parts(bracket: str, own: str) -> list[str]:
    """Comparators that are a part of the intervention's own name: in 'A + B (vs A)' and 'A with B and C (vs A or
    placebo)' every arm receives A, and what differs, B (and C), is the intervention. A comparator with a word the
    name lacks ('A + B (vs A + C)', '(vs placebo)') is another treatment, and names no base."""
    if not bracket or len(_JOIN.split(own)) < 2:
        return []
    found: list[str] = []
    for item in _ITEMS.split(bracket):
        parts = [p for p in _JOIN.split(item) if not PLACEBO_WORD.match(p.strip())]  # 'placebo plus morphine'
        words = [w for p in parts for w in re.findall(r"[A-Za-z][\w-]+", p) if w.lower() not in _FUNCTION_WORDS]
        # every word, route and modifier too: 'IV dexamethasone' against 'caudal dexamethasone' differs by its route
        if words and all(re.search(r"(?<![\w-])%s(?![\w-])" % re.escape(w), own, re.I) for w in words):
            found += [w for w in words if w.lower() not in NAME_FILLER]
    return found


_FUNCTION_WORDS = frozenset("a an the of alone only".split())
