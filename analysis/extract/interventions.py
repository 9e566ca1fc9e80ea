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
from ketamine_evidence.analysis.extract.intervention_names import GENERIC_WORDS, ROUTE_WORDS, VERSUS, literal_names
from ketamine_evidence.base.errors import ConfigError
from ketamine_evidence.analysis.extract.text_patterns import longest_first

_ACRONYM = re.compile(r"^[A-Za-z][A-Za-z0-9\-]{0,9}$|^[A-Z]{1,4}/[A-Z]{1,4}$")  # a pair's short form: 'PAR/VAL', 'P/MC'



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
            after = _ABBREV_AFTER.match(text, m.end()) or _spelled_abbreviation(text, m.start(), m.end())
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
                 for w in dict.fromkeys(re.findall(r"[a-z][a-z\-]{4,}", VERSUS.sub(" ", name).lower()))
                 if w not in _VAGUE_WORDS and not GENERIC_WORDS.fullmatch(w))


# Words of a free-text intervention name too common in trial abstracts to name the intervention alone.
_VAGUE_WORDS = frozenset("""controlled control placebo standard usual group groups patients position positions
maternal based alongside before after during versus compared conventional technique technical method methods
analgesia analgesic anesthesia anaesthesia block blocks pressure session sessions daily weekly single double
education classes class clinic outpatient multidisciplinary multifaceted incorporated attached program programme
supplementation supplement extract management training exercise exercises suggestion stimulation force motor
cortex treatment therapy therapies intervention interventions combined combination alone plus dose doses
""".split())


_ABBREV_AFTER = re.compile(r"[\u00ae\u2122]?\s*\(([^()\s;,]{2,10})[);,]")
# A mention inside a longer noun phrase the abstract abbreviates whole: 'sodium picosulfate plus magnesium citrate
# (P/MC)' for a name resolved to 'magnesium'; up to three words may follow the mention before the bracket.
_PHRASE_THEN_ABBREV = re.compile(r"(?:\s+[A-Za-z][\w-]*){1,3}?[\u00ae\u2122]?\s*\(([^()\s;,]{2,10})[);,]")
_LINKS = frozenset({"plus", "with", "and", "of", "the", "in"})


def _spelled_abbreviation(text: str, start: int, end: int) -> re.Match[str] | None:
    """The bracketed abbreviation after the words following a mention (``text[start:end]``) when its capitals are the
    initials of the phrase that ends at the bracket and holds the mention (linking words left out): 'P/MC' after
    'picosulfate plus magnesium citrate'. Its match, with the abbreviation as group 1; else None."""
    after = _PHRASE_THEN_ABBREV.match(text, end)
    if after is None:
        return None
    letters = [c for c in after.group(1) if c.isalpha()]
    if len(letters) < 2 or not all(c.isupper() for c in letters):
        return None
    words = [w for w in re.findall(r"[A-Za-z][\w-]*", text[max(0, start - 80):after.start(1)])
             if w.lower() not in _LINKS]
    phrase = words[-len(letters):]
    spelled = "".join(w[0].upper() for w in phrase)
    mention_words = re.findall(r"[A-Za-z][\w-]*", text[start:end])
    return after if spelled == "".join(letters) and mention_words and mention_words[0] in phrase else None


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
    parts = longest_first({_name_regex(n) for n in names if n.strip()} - {""})
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
    """A fresh parse of the packaged file (its lists may be changed by the caller)."""
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


@lru_cache(maxsize=1)
def _packaged_entries() -> tuple[tuple[str, Intervention], ...]:
    """The packaged entries, parsed once per process: a caller that passes the intervention by name resolves it
    for every article (and routes resolve each part of a combination's name), and the TOML parse was an eighth of
    such a run's CPU time. ``lexicon`` hands out copies (below)."""
    return tuple((name, _entry(name, raw)) for name, raw in _load_packaged().items())


def lexicon(extra: dict[str, dict[str, Any]] | None = None) -> dict[str, Intervention]:
    """The packaged interventions, overlaid by the user's ``[interventions.*]`` config entries."""
    if not extra:  # new entries each call, as a fresh parse gave: one resolved earlier may carry its compiled
        # pattern and last answer (``pattern``, ``mentioned_in``), which then travel with it (pickled to a worker)
        return {name: replace(entry) for name, entry in _packaged_entries()}
    merged = _load_packaged()
    for name, raw in extra.items():
        if not isinstance(raw, dict):
            raise ConfigError(f"intervention {name!r}: expected a table with synonyms")
        if not isinstance(raw.get("synonyms", []), list):
            raise ConfigError(f"intervention {name!r}: synonyms must be a list of strings")
        base = merged.get(name.lower(), {})
        merged[name.lower()] = {**base, **raw,
                                "synonyms": [*base.get("synonyms", []), *raw.get("synonyms", [])]}
    return {name: _entry(name, raw) for name, raw in merged.items()}


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
    core = " ".join(ROUTE_WORDS.sub(" ", lowered).split())
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
