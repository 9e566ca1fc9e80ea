"""Which treatment the extractors read for: names, synonyms and drug class from a data file.

``resolve_intervention("intravenous lidocaine")`` finds the lexicon entry a name belongs to; a name
the lexicon does not know is matched literally, as a treatment of its own, by the forms an abstract
is likely to use: without route words, doses and parenthetical remarks ("(vs TENS)"), by the
abbreviation it gives in brackets ("(ISWI)"), by its first component ("mirodenafil plus
levofloxacin" -> "mirodenafil") and by the tail of a long noun phrase ("... mesenchymal stem
cells"). ``Intervention.with_abbreviations(text)`` adds the abbreviations an abstract defines
("cannabis-based medicinal extract (CBME)").
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from importlib import resources
from typing import Any

from ketamine_evidence.analysis.extract.deferred_pattern import Deferred
from ketamine_evidence.analysis.extract.fast_re import fast
from ketamine_evidence.base.errors import ConfigError



def _kind_words(key: str) -> re.Pattern[str]:
    """The ``drug`` or ``non_drug`` word list of ``lexicons/treatment_kinds.toml`` as one regex."""
    raw = tomllib.loads(resources.files("ketamine_evidence.analysis.lexicons").joinpath("treatment_kinds.toml")
                        .read_text(encoding="utf-8"))
    return re.compile(r"\b(?:" + "|".join(raw[key]) + r")\b", re.I)


# Words that make an unknown name a non-drug treatment (no routes, no doses), and words that make it a
# drug or injected product even when a non-drug word is present ("ultrasound-guided ... nerve block").
_NON_DRUG_WORDS = _kind_words("non_drug")
_DRUG_WORDS = _kind_words("drug")
# Route words stripped from a name before looking it up ("intravenous lidocaine" -> "lidocaine").
_ROUTE_WORDS = re.compile(r"\b(intravenous|iv|oral|topical|intranasal|subcutaneous|intramuscular|buccal|"
                          r"sublingual|transdermal|intra-?cutaneous|intra-?dermal|intra-?discal|"
                          r"intra-?articular|epidural|intrathecal|low[- ]dose|high[- ]dose|infusions?|"
                          r"patch(es)?|cream|gel|pre-?emptive|preventive|prophylactic|pre-?operative|peri-?operative|"
                          r"intra-?operative)\b", re.I)  # and timing: 'preemptive oral pregabalin-acetaminophen-naproxen'
# Words that say what kind of thing a name is rather than which ("... injection", "... device").
_GENERIC_WORDS = re.compile(r"\b(injections?( of)?|combination|device|intervention|treatment|therapy|monotherapy|alone|"
                            r"programm?e|preparation|formulation|product|administration|supplementation)\b", re.I)
_DOSE = re.compile(r"\d[\d,.]*\s*(?:mg|g|µg|μg|ug|mcg|ml|mL|%|iu|IU|IE|units?)(?:\s*/\s*\w*)?", re.I)
# Bracketed remarks about the regimen or the arm, not another name: '(once daily)', '(M group)'.
_REGIMEN_WORDS = re.compile(r"\b(?:once|twice|daily|weekly|monthly|times|per|day|days|maximum|minimum|total|"
                            r"group|arm|dose|doses|h|hours?|min|minutes?|dogs?|cats?|horses?|rats?|mice|"
                            r"children|adults|patients|women|men|infants|elderly)\b", re.I)  # and who: '(dogs)'
# Where a name goes on to say when or for whom ('oral tapentadol after cardiac surgery', 'AMC/DCBA Warm lozenge for
# acute sore throat', 'local hyaluronic acid after third molar extraction'): the treatment is what comes before.
_CONTEXT_SPLIT = re.compile(r"\s+(?:for|after|before|during|following|prior to)\s+", re.I)
_PAREN = re.compile(r"\s*\(([^()]*)\)")
_COMPONENT_SPLIT = re.compile(r"\s+(?:plus|with|and/or|\+|combined with|added to|or|in)\s+|\s*;\s*", re.I)
# The first word of a drug's name, before its dosage form or its co-drug (literal_names).
_PRODUCT = re.compile(r"^(?:combined\s+)?([A-Za-z][A-Za-z-]{3,})[\u00ae\u2122]?\s+(?:sprays?|creams?|gels?|patch(?:es)?|"
                      r"tablets?|capsules?|injections?|solutions?|ointments?|drops|lozenges?|co-?administered|plus|and)\b", re.I)
_FUNCTION_WORDS = {"in", "of", "or", "and", "with", "for", "to", "the", "a", "an", "on", "at", "by", "from", "plus"}
_ACRONYM = re.compile(r"^[A-Za-z][A-Za-z0-9\-]{0,9}$|^[A-Z]{2,4}/[A-Z]{2,4}$")  # a pair's short form: 'PAR/VAL'
_TAIL_WORDS = 3


@dataclass(frozen=True)
class Intervention:
    """A treatment and all the names it goes by in abstracts."""

    name: str
    synonyms: tuple[str, ...]
    drug_class: str | None
    is_drug: bool
    # The name as the user gave it, where it was more than the lexicon entry's ('intravenous lidocaine'):
    # a route it states is the intervention's route (a comparator may get the same drug by another).
    given_name: str | None = field(default=None, compare=False)

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """Whole-word, case-insensitive regex for any of its names (longest first).

        Spaces and hyphens inside a name match either ('H-Wave' = 'H Wave'), a trademark sign
        may follow a word ('OROS® hydromorphone'), and the last word may take a plural.
        """
        return fast(_names_pattern(frozenset({self.name, *self.synonyms})), self.keys)  # same matches, faster

    @cached_property
    def keys(self) -> tuple[str, ...]:
        """Lower-case words one of which every mention contains (a cheap pre-check before the regex)."""
        keys = set()
        for name in {self.name, *self.synonyms}:
            words = [w for w in re.split(r"[^\w]+", name.lower()) if w]
            if not words:
                return ()
            word = max(words, key=len)
            if (word.endswith("s") and len(word) >= 5 and not name.split()[-1].isupper()
                    and not word.endswith("ss")):
                word = word[:-1]  # the pattern also matches the singular
            keys.add(word)
        return tuple(sorted(keys))

    def mentioned_in(self, text: str) -> bool:
        """True when ``text`` names the intervention (substring pre-check, then the regex).

        The last answer is kept: every intervention-specific extractor asks about the same article text.
        """
        last = self.__dict__.get("_last_mention")
        if last is not None and last[0] == text:
            return last[1]
        found = True
        keys = self.keys
        if keys:
            lowered = text.lower()
            for k in keys:
                if k in lowered:
                    break
            else:
                found = False
        found = found and self.pattern.search(text) is not None
        self.__dict__["_last_mention"] = (text, found)
        return found

    def with_abbreviations(self, text: str) -> "Intervention":
        """This intervention plus the abbreviations ``text`` defines for it: 'name (ABBR)'."""
        found: list[str] = []
        if "(" not in text or not self.mentioned_in(text):
            return self
        for m in self.pattern.finditer(text):
            after = _ABBREV_AFTER.match(text, m.end())
            if after:
                abbr = after.group(1)
                if _is_abbreviation(abbr) and abbr.lower() not in {s.lower() for s in (*self.synonyms, *found)}:
                    found.append(abbr)
        if not found:
            return self
        wider = _extended(self, self.given_name, tuple(found))
        wider.__dict__["_last_mention"] = (text, True)  # more names than ``self``, which ``text`` mentions
        return wider

    def with_name_words(self, text: str) -> "Intervention":
        """This intervention, or, where ``text`` names it by none of its names, by the distinctive words of the
        name the user gave that ``text`` does use: 'ginger and artichoke extract supplementation' is read as
        'ginger' or 'artichoke' in an abstract that says 'supplement of ginger and artichoke'. Generic words
        (therapy, program, position, control ...) and words shorter than five letters never name it."""
        if self.mentioned_in(text):
            return self
        candidates = _name_words(self.given_name or self.name)
        if not candidates:
            return self
        lowered = text.lower()
        words = [w for w, rx in candidates if w in lowered and rx.search(lowered)]
        if not words:
            return self
        return _extended(self, self.given_name, tuple(words))


@lru_cache(maxsize=256)
def _extended(base: Intervention, given_name: str | None, added: tuple[str, ...]) -> Intervention:
    """``base`` with the names ``added``: the same object (so the same compiled, wrapped pattern) for every
    article that adds the same names ('ketamine (KET)'). ``given_name`` is part of the key because equality
    ignores it."""
    return replace(base, synonyms=(*base.synonyms, *added))


@lru_cache(maxsize=256)
def _name_words(name: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The distinctive words of a free-text intervention name, each with its left-bounded pattern (per name, once)."""
    return tuple((w, re.compile(rf"(?<![a-z]){re.escape(w)}"))
                 for w in dict.fromkeys(re.findall(r"[a-z][a-z\-]{4,}", _VERSUS.sub(" ", name).lower()))
                 if w not in _VAGUE_WORDS and not _GENERIC_WORDS.fullmatch(w))


# Words of a free-text intervention name too common in trial abstracts to name the intervention alone.
_VAGUE_WORDS = frozenset("""controlled control placebo standard usual group groups patients position positions
maternal based alongside before after during versus compared conventional technique technical method methods
analgesia analgesic anesthesia anaesthesia block blocks pressure session sessions daily weekly single double
education classes class clinic outpatient multidisciplinary multifaceted incorporated attached program programme
supplementation supplement extract management training exercise exercises suggestion stimulation force motor
cortex treatment therapy therapies intervention interventions combined combination alone plus dose doses
""".split())


_ABBREV_AFTER = re.compile(r"[\u00ae\u2122]?\s*\(([^()\s;,]{2,10})[);,]")


def _is_abbreviation(token: str) -> bool:
    """'CBME', 'tCBT', 'PIL', 'ISWI', 'PAR/VAL' yes; '10', 'n', 'mg', 'i.v', 'mg/kg' no."""
    return (bool(_ACRONYM.match(token)) and sum(c.isupper() for c in token) >= 2
            and not token.isdigit())


@lru_cache(maxsize=512)
def _name_regex(name: str) -> str:
    tokens = [t for t in re.split(r"[\s\-\u2013]+", name.strip()) if t]
    if not tokens:
        return ""
    last = tokens[-1]
    plural = ""
    if last.isalpha() and len(last) >= 3 and not last.lower().endswith("s") and not last.isupper():
        plural = "(?:e?s)?"
    if (last.isalpha() and len(last) >= 5 and last.endswith("s") and not last.endswith("ss")
            and not last.isupper()):
        tokens[-1] = last[:-1]
        plural = "(?:e?s)?"
    joiner = r"[\u00ae\u2122]?[\s\-\u2013]+"
    return joiner.join(re.escape(t) for t in tokens) + r"[\u00ae\u2122]?" + plural


@lru_cache(maxsize=256)
def _names_pattern(names: frozenset[str]) -> Deferred:
    """Compiled on first use: ``fast`` runs its lower-case copy, so the ``re.I`` original rarely is."""
    parts = sorted({_name_regex(n) for n in names if n.strip()} - {""}, key=len, reverse=True)
    return Deferred(_left_bounded(parts), re.I)


_FIRST_ATOM = re.compile(r"\\.|.", re.S)  # a name regex's first character: escaped ('\\(') or plain ('k')


def _left_bounded(parts: list[str]) -> str:
    """``(?<!\\w)(?:parts)(?!\\w)`` with the options grouped by first character and ``(?<!\\w)`` checked after it
    ('k(?<!\\wk)(?:etamine|etalar)|s(?<!\\ws)(?:pravato|...)'): the same matches (at a position only one group's
    first character can stand, and each group keeps the options' order), but the pattern then opens with a
    set of literals, so ``re`` enters only where a name's first character stands and tries one group there.
    Grouped only where the first characters are ASCII (so ``re.I`` equates no two groups' characters)."""
    groups: dict[str, list[str]] = {}
    for part in parts:
        first = _FIRST_ATOM.match(part).group()  # type: ignore[union-attr]  # re.escape made it one character
        groups.setdefault(first.lower(), []).append(part[len(first):])
    if not all(first.isascii() for first in groups):
        return rf"(?<!\w)(?:{'|'.join(parts)})(?!\w)"
    options = (rf"{first}(?<!\w{first})(?:{'|'.join(rest)})" for first, rest in groups.items())
    return rf"(?:{'|'.join(options)})(?!\w)"


@lru_cache(maxsize=1)
def _load_packaged_cached() -> str:
    return resources.files("ketamine_evidence.analysis.lexicons").joinpath("interventions.toml").read_text(encoding="utf-8")


def _load_packaged() -> dict[str, dict[str, Any]]:
    return tomllib.loads(_load_packaged_cached())


def _entry(name: str, raw: dict[str, Any]) -> Intervention:
    synonyms = raw.get("synonyms", [])
    if not isinstance(synonyms, list) or not all(isinstance(s, str) for s in synonyms):
        raise ConfigError(f"intervention {name!r}: synonyms must be a list of strings")
    is_drug = raw.get("is_drug", True)
    if not isinstance(is_drug, bool):
        raise ConfigError(f"intervention {name!r}: is_drug must be true or false")
    return Intervention(name=name.lower(), synonyms=tuple(synonyms),
                        drug_class=raw.get("drug_class"), is_drug=is_drug)


def lexicon(extra: dict[str, dict[str, Any]] | None = None) -> dict[str, Intervention]:
    """The packaged interventions, overlaid by the user's ``[interventions.*]`` config entries."""
    merged = _load_packaged()
    for name, raw in (extra or {}).items():
        if not isinstance(raw, dict):
            raise ConfigError(f"intervention {name!r}: expected a table with synonyms")
        if not isinstance(raw.get("synonyms", []), list):
            raise ConfigError(f"intervention {name!r}: synonyms must be a list of strings")
        base = merged.get(name.lower(), {})
        merged[name.lower()] = {**base, **raw,
                                "synonyms": [*base.get("synonyms", []), *raw.get("synonyms", [])]}
    return {name: _entry(name, raw) for name, raw in merged.items()}


_SPACED_DASH = re.compile(r"\s+([\-\u2013])\s*|\s*([\-\u2013])\s+")
_VERSUS_REMARK = re.compile(r"\((?:vs\.?|versus)\b[^()]*\)")


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


def _first_drug_word(text: str) -> str | None:
    """The first word of ``text`` that is a known drug name or ends like one."""
    words, stems = _drug_words()
    for word in re.findall(r"[A-Za-z][A-Za-z\-]+", text):
        w = word.lower()
        if w in words or stems.match(w):
            return word
    return None


_BRAND = re.compile(r"(?<![\w-])([A-Z][a-z]{3,})[\u00ae\u2122]?(?![\w-]*\s+(?:group|arm)s?\b)")


def _drug_start(text: str) -> int:
    """Where the first known drug word of ``text`` starts (its length when none)."""
    word = _first_drug_word(text)
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
    is_drug = bool(_DRUG_WORDS.search(kind) or _DOSE.search(_VERSUS_REMARK.sub(' ', wanted))) \
        or not _NON_DRUG_WORDS.search(kind)
    aliases.append(body)
    aliases.extend(kept)
    no_dose = _squash(_DOSE.sub(" ", body))
    aliases.append(no_dose)
    core = _squash(_ROUTE_WORDS.sub(" ", no_dose))
    aliases.append(core)
    first = _squash(_COMPONENT_SPLIT.split(_CONTEXT_SPLIT.split(core, maxsplit=1)[0])[0])
    aliases.append(first)
    head = _squash(_GENERIC_WORDS.sub(" ", first))
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
    drug = _first_drug_word(body)  # 'group D received dexmedetomidine 0.04 ug/(kg·h)' -> 'dexmedetomidine'
    product = _PRODUCT.match(core) if is_drug else None  # a drug name no list holds leads: 'Zorvatex spray'
    if product and not _first_drug_word(product.group(1)) and not _NON_DRUG_WORDS.search(product.group(1)):
        drug = product.group(1)  # not the co-drug: 'Zorvatex co-administered with diclofenac' -> 'Zorvatex'
    elif is_drug:  # a capitalised name no list holds, before any known drug: 'double cartridge 4% Zorvatex ...'
        brand = _BRAND.search(kind[:_drug_start(kind)])
        pair = re.match(r"\s*/\s*([A-Za-z-]+)", kind[brand.end():]) if brand else None
        if pair and not _first_drug_word(pair.group(1)):
            brand = None  # one half of a compound name the text abbreviates whole: 'Gatorade/polyethylene glycol'
        if brand and not _NON_DRUG_WORDS.search(brand.group(1)) and not _GENERIC_WORDS.search(brand.group(1)):
            drug = brand.group(1)  # not the co-drug: 'Zorvatex as adjuvant to ropivacaine' -> 'Zorvatex'
    if drug:
        aliases.append(drug)
    combo = re.match(r"^([a-z]{5,})[\-\u2013]([a-z]{5,})$", head, re.I)  # 'paracetamol-caffeine'
    if combo:
        aliases.append(combo.group(1))
    # A short form of a procedure that also names the comparator the name brackets ('cystolithotripsy' in '... (vs
    # percutaneous cystolithotripsy)') tells the arms apart no more than the shared word does: it is not kept (a
    # combination's drug is, for its dose: 'midazolam-ondansetron (vs midazolam, ondansetron, saline)').
    versus = " ".join(m.group(0) for m in _VERSUS.finditer(wanted))
    names = [a for a in dict.fromkeys(a.strip() for a in aliases) if len(a) >= 2 and (
        a == body or _first_drug_word(a) or not re.search(rf"(?<![\w-]){re.escape(a)}(?![\w-])", versus, re.I))] or [wanted]
    return names, is_drug


_ABSENCE_BEFORE = re.compile(r"\b(?:without|no)\s[\w\s-]{1,40}$", re.I)
_VERSUS = re.compile(r"\((?:vs\.?|versus|compared (?:with|to))\s[^()]*\)", re.I)  # '(vs Foley catheter)': the comparator


# A combination treatment names its parts: 'dexamethasone co-administered with diclofenac potassium', 'ramosetron plus
# dexamethasone', 'midazolam-ondansetron combination', 'naproxen sodium/diphenhydramine combination'.
_COMBINED = re.compile(r"\s+(?:plus|\+|co-?administered with|combined with|in combination with)\s+|"
                       r"(?<=[a-z]{4})\s*[/\-\u2013]\s*(?=[a-z]{4,}(?:\s+\w+)?\s+combination\b)", re.I)
_COMBINATION_WORDS = re.compile(r"\b(?:fixed |combination |preparation |alone\b)+|\bcombination\b", re.I)


def combination_parts(name: str) -> list[str]:
    """The drugs after the first in a combination treatment's name (comparators in '(vs ...)' and the setting
    after 'for' are not parts); empty for a single treatment."""
    body = _CONTEXT_SPLIT.split(_squash(_PAREN.sub(" ", _VERSUS_REMARK.sub(" ", name))),
                                maxsplit=1)[0]
    parts = [_squash(_DOSE.sub(" ", _COMBINATION_WORDS.sub(" ", p))) for p in _COMBINED.split(body)[1:]]
    return [p for p in parts if len(p) >= 4 and _first_drug_word(p)]


def resolve_intervention(name: str, extra: dict[str, dict[str, Any]] | None = None) -> Intervention:
    """The lexicon entry ``name`` refers to (by name or synonym, ignoring route words), else a literal one."""
    wanted = " ".join(name.strip().split())
    if not wanted:
        raise ConfigError("intervention name is empty")
    entries = lexicon(extra)
    lowered = wanted.lower()
    if lowered in entries:
        return entries[lowered]
    names, is_drug = literal_names(wanted)
    core = " ".join(_ROUTE_WORDS.sub(" ", lowered).split())
    for entry in entries.values():
        known = {entry.name, *(s.lower() for s in entry.synonyms)}
        if core in known or any(n.lower() in known for n in names[:1]):
            return replace(entry, given_name=wanted) if core != lowered else entry
    body = names[0].lower()
    for entry in entries.values():  # a known treatment inside a longer name: "OROS lidocaine patch"
        if entry.pattern.search(body):
            return Intervention(name=entry.name, synonyms=(*entry.synonyms, wanted, *names),
                                drug_class=entry.drug_class, is_drug=entry.is_drug)
    return Intervention(name=lowered, synonyms=tuple(dict.fromkeys([wanted, *names])),
                        drug_class=None, is_drug=is_drug)
