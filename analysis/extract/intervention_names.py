"""The forms a free-text treatment name may take in an abstract (``literal_names``) and the parts of a combination
(``combination_parts``): a name the lexicon does not know is matched by these, without route words, doses and
bracketed remarks, by its abbreviation, its first component, its drug word and the tail of a long noun phrase.
Split from ``interventions`` (which resolves a name against the lexicon) to keep each module readable."""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources

def _kind_words(key: str) -> re.Pattern[str]:
    """The ``drug`` or ``non_drug`` word list of ``lexicons/treatment_kinds.toml`` as one regex."""
    raw = tomllib.loads(resources.files("ketamine_evidence.analysis.lexicons").joinpath("treatment_kinds.toml")
                        .read_text(encoding="utf-8"))
    return re.compile(r"\b(?:" + "|".join(raw[key]) + r")\b", re.I)


# Words that make an unknown name a non-drug treatment (no routes, no doses), and words that make it a
# drug or injected product even when a non-drug word is present ("ultrasound-guided ... nerve block").
NON_DRUG_WORDS = _kind_words("non_drug")  # public: arm_components names non-drug add-ons too
_DRUG_WORDS = _kind_words("drug")
# Route words stripped from a name before looking it up ("intravenous lidocaine" -> "lidocaine").
ROUTE_WORDS = re.compile(r"\b(intravenous|iv|oral|topical|intranasal|subcutaneous|intramuscular|buccal|"
                          r"sublingual|transdermal|intra-?cutaneous|intra-?dermal|intra-?discal|"
                          r"intra-?articular|epidural|intrathecal|low[- ]dose|high[- ]dose|infusions?|"
                          r"patch(es)?|cream|gel|pre-?emptive|preventive|prophylactic|pre-?operative|peri-?operative|"
                          r"intra-?operative)\b", re.I)  # and timing: 'preemptive oral pregabalin-acetaminophen-naproxen'
# Words that say what kind of thing a name is rather than which ("... injection", "... device").
GENERIC_WORDS = re.compile(r"\b(injections?( of)?|combination|device|intervention|treatment|therapy|monotherapy|alone|"
                            r"programm?e|preparation|formulation|product|administration|supplementation)\b", re.I)
_DOSE = re.compile(r"\d[\d,.]*\s*(?:mg|g|µg|μg|ug|mcg|ml|mL|%|iu|IU|IE|units?)(?:\s*/\s*\w*)?", re.I)
# Bracketed remarks about the regimen or the arm, not another name: '(once daily)', '(M group)'.
_REGIMEN_WORDS = re.compile(r"\b(?:once|twice|daily|weekly|monthly|times|per|day|days|maximum|minimum|total|"
                            r"group|arm|dose|doses|h|hours?|min|minutes?|dogs?|cats?|horses?|rats?|mice|"
                            r"children|adults|patients|women|men|infants|elderly)\b", re.I)  # and who: '(dogs)'
# Where a name goes on to say when or for whom ('oral tapentadol after cardiac surgery', 'AMC/DCBA Warm lozenge for
# acute sore throat', 'local hyaluronic acid after third molar extraction'): the treatment is what comes before.
# And who receives it ('perioperative oral gabapentin in dogs undergoing mastectomy'): the population and its procedure
# are the setting, so a surgical word there makes no non-drug treatment of the name.
_CONTEXT_SPLIT = re.compile(r"\s+(?:for|after|before|during|following|prior to|undergoing|in(?=\s+(?:[\w-]+\s+){0,2}?"
                            r"(?:patients|dogs|cats|horses|children|adults|women|men|infants|neonates|subjects|"
                            r"volunteers|parturients)\b))\s+", re.I)
_PAREN = re.compile(r"\s*\(([^()]*)\)")
_COMPONENT_SPLIT = re.compile(r"\s+(?:plus|with|and/or|\+|combined with|added to|or|in)\s+|\s*;\s*", re.I)
# The first word of a drug's name, before its dosage form or its co-drug (literal_names).
_PRODUCT = re.compile(r"^(?:combined\s+)?([A-Za-z][A-Za-z-]{3,})[\u00ae\u2122]?\s+(?:sprays?|creams?|gels?|patch(?:es)?|"
                      r"tablets?|capsules?|injections?|solutions?|ointments?|drops|lozenges?|co-?administered|plus|and)\b", re.I)
_FUNCTION_WORDS = {"in", "of", "or", "and", "with", "for", "to", "the", "a", "an", "on", "at", "by", "from", "plus"}
_TAIL_WORDS = 3


_SPACED_DASH = re.compile(r"\s+([\-\u2013])\s*|\s*([\-\u2013])\s+")
VERSUS_REMARK = re.compile(r"\((?:vs\.?|versus)\b[^()]*\)")


def _squash(text: str) -> str:
    text = _SPACED_DASH.sub(r"\1\2", text)
    return " ".join(text.replace(" ,", ",").split()).strip(" ,-")


@lru_cache(maxsize=1)
def _drug_words() -> tuple[frozenset[str], re.Pattern[str]]:
    """Single-word drug names and stem endings from ``lexicons/drugs.toml`` (shared with the extractors)."""
    raw = tomllib.loads(resources.files("ketamine_evidence.analysis.lexicons").joinpath("drugs.toml").read_text(encoding="utf-8"))
    words = frozenset(n.lower() for n in raw["names"] if re.fullmatch(r"[a-z0-9]+", n.lower()))
    generic = {"placebo", "saline", "sham", "vehicle", "oxygen", "opioid", "opioids", "nsaid", "nsaids"}
    suffixes = "|".join(re.escape(x) for x in raw["suffixes"])
    return words - generic, re.compile(rf"^[a-z]{{3,}}(?:{suffixes})$")


def first_drug_word(text: str) -> str | None:
    """The first word of ``text`` that is a known drug name or ends like one."""
    words, stems = _drug_words()
    for word in re.findall(r"[A-Za-z][A-Za-z\-]+", text):
        w = word.lower()
        if w in words or stems.match(w):
            return word
    return None


def paired_drug_word(text: str) -> str | None:
    """The first drug of a hyphenated pair in ``text`` ('sevoflurane-fentanyl anaesthesia' -> 'sevoflurane'): an abstract
    may name that drug alone ('receive sevoflurane (n = 20) or isoflurane (n = 20)')."""
    words, stems = _drug_words()
    for word in re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)+", text):
        part = next((p for p in word.split("-") if p.lower() in words or stems.match(p.lower())), None)
        if part is not None:
            return part
    return None


_BRAND = re.compile(r"(?<![\w-])([A-Z][a-z]{3,})[\u00ae\u2122]?(?![\w-]*\s+(?:group|arm)s?\b)")


def _drug_start(text: str) -> int:
    """Where the first known drug word of ``text`` starts (its length when none)."""
    word = first_drug_word(text)
    found = re.search(rf"(?<![A-Za-z]){re.escape(word)}", text) if word else None
    return found.start() if found else len(text)


def literal_names(name: str) -> tuple[list[str], bool]:
    """The forms an unknown treatment name may take in an abstract, and whether it is a drug."""
    wanted = " ".join(name.split())
    aliases: list[str] = []
    kept: list[str] = []
    for paren in _PAREN.finditer(wanted):
        inner = paren.group(1).strip()
        if re.match(r"(?i)(vs\.?|versus|compared|than)\b", inner) or re.search(r"\d", inner) \
                or _REGIMEN_WORDS.search(inner) or _ABSENCE_BEFORE.search(wanted[:paren.start()]):
            continue  # '... without internal drainage (double J stent)': the stent is what the arm does not get
        kept.append(inner)
    body = _squash(_PAREN.sub(" ", wanted))
    # What the treatment is, is said before 'for': 'echogenic needle for ultrasound-guided ... plexus block' is a
    # needle, 'lidocaine for ... surgery' a drug.
    kind = _CONTEXT_SPLIT.split(body, maxsplit=1)[0]
    # a dose of the comparator ('diode laser (vs 5% potassium nitrate)') makes no drug of the intervention
    is_drug = bool(_DRUG_WORDS.search(kind) or _DOSE.search(VERSUS_REMARK.sub(' ', wanted))) \
        or not NON_DRUG_WORDS.search(kind)
    aliases.append(body)
    aliases.extend(kept)
    no_dose = _squash(_DOSE.sub(" ", body))
    aliases.append(no_dose)
    core = _squash(ROUTE_WORDS.sub(" ", no_dose))
    aliases.append(core)
    first = _squash(_COMPONENT_SPLIT.split(_CONTEXT_SPLIT.split(core, maxsplit=1)[0])[0])
    aliases.append(first)
    head = _squash(GENERIC_WORDS.sub(" ", first))
    if len(head) >= 3:
        aliases.append(head)
    words = head.replace(",", " ").split()
    if len(words) > _TAIL_WORDS and not _FUNCTION_WORDS.intersection(w.lower() for w in words[-_TAIL_WORDS:]):
        aliases.append(" ".join(words[-_TAIL_WORDS:]))
    for token in re.split(r"[\s,]+", first):  # brand or acronym inside: 'OROS', 'H-Wave', 'COPERS'
        if sum(c.isupper() for c in token) >= 2 and len(token) >= 3 and token.lower() != first.lower():
            aliases.append(token)
    lead = re.match(r"^([A-Z]{2,}[\u00ae\u2122]?)\s+(\S.*)$", first)  # 'OROS hydromorphone' -> 'hydromorphone'
    if lead:
        aliases.append(lead.group(2))
    drug = first_drug_word(body) or paired_drug_word(body)  # 'group D received dexmedetomidine 0.04 ug/(kg·h)' -> 'dexmedetomidine'
    product = _PRODUCT.match(core) if is_drug else None  # a drug name no list holds leads: 'Zorvatex spray'
    if product and not first_drug_word(product.group(1)) and not NON_DRUG_WORDS.search(product.group(1)):
        drug = product.group(1)  # not the co-drug: 'Zorvatex co-administered with diclofenac' -> 'Zorvatex'
    elif is_drug:  # a capitalised name no list holds, before any known drug: 'double cartridge 4% Zorvatex ...'
        brand = _BRAND.search(kind[:_drug_start(kind)])
        pair = re.match(r"\s*/\s*([A-Za-z-]+)", kind[brand.end():]) if brand else None
        if pair and not first_drug_word(pair.group(1)):
            brand = None  # one half of a compound name the text abbreviates whole: 'Gatorade/polyethylene glycol'
        if brand and not NON_DRUG_WORDS.search(brand.group(1)) and not GENERIC_WORDS.search(brand.group(1)):
            drug = brand.group(1)  # not the co-drug: 'Zorvatex as adjuvant to ropivacaine' -> 'Zorvatex'
    if drug:
        aliases.append(drug)
    combo = re.match(r"^([a-z]{5,})[\-\u2013]([a-z]{5,})$", head, re.I)  # 'paracetamol-caffeine'
    if combo:
        aliases.append(combo.group(1))
    # A short form of a procedure that also names the comparator the name brackets ('cystolithotripsy' in '... (vs
    # percutaneous cystolithotripsy)') tells the arms apart no more than the shared word does: it is not kept (a
    # combination's drug is, for its dose: 'midazolam-ondansetron (vs midazolam, ondansetron, saline)').
    versus = " ".join(m.group(0) for m in VERSUS.finditer(wanted))
    names = [a for a in dict.fromkeys(a.strip() for a in aliases) if len(a) >= 2 and (
        a == body or first_drug_word(a) or not re.search(rf"(?<![\w-]){re.escape(a)}(?![\w-])", versus, re.I))] or [wanted]
    return names, is_drug


_ABSENCE_BEFORE = re.compile(r"\b(?:without|no)\s[\w\s-]{1,40}$", re.I)
VERSUS = re.compile(r"\((?:vs\.?|versus|compared (?:with|to))\s[^()]*\)", re.I)  # '(vs Foley catheter)': the comparator


# A combination treatment names its parts: 'dexamethasone co-administered with diclofenac potassium', 'ramosetron plus
# dexamethasone', 'midazolam-ondansetron combination', 'naproxen sodium/diphenhydramine combination'.
_COMBINED = re.compile(r"\s+(?:plus|\+|co-?administered with|combined with|in combination with)\s+|"
                       r"(?<=[a-z]{4})\s*[/\-\u2013]\s*(?=[a-z]{4,}(?:\s+\w+)?\s+combination\b)", re.I)
_COMBINATION_WORDS = re.compile(r"\b(?:fixed |combination |preparation |alone\b)+|\bcombination\b", re.I)


def combination_parts(name: str) -> list[str]:
    """The drugs after the first in a combination treatment's name (comparators in '(vs ...)' and the setting
    after 'for' are not parts); empty for a single treatment."""
    body = _CONTEXT_SPLIT.split(_squash(_PAREN.sub(" ", VERSUS_REMARK.sub(" ", name))),
                                maxsplit=1)[0]
    parts = [_squash(_DOSE.sub(" ", _COMBINATION_WORDS.sub(" ", p))) for p in _COMBINED.split(body)[1:]]
    return [p for p in parts if len(p) >= 4 and first_drug_word(p)]
