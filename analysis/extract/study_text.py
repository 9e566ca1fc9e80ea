"""Shared reading aids for the design, population and regimen extractors.

Which sentences describe *this* study (not the background), whether a pain outcome is studied, and
where other drugs are named (so a dose or a route is attached to the right agent). Lexicons are
data files in ``analysis/lexicons`` loaded once; every pattern is compiled at import.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import replace
from importlib import resources
from typing import TYPE_CHECKING, Any

from ketamine_evidence.analysis.extract import required_text
from ketamine_evidence.analysis.extract.abstract_parts import unlabelled_background
from ketamine_evidence.analysis.extract.section_roles import section_role
from ketamine_evidence.analysis.extract.deferred_pattern import Deferred, Pending
from ketamine_evidence.analysis.extract.text_patterns import longest_first
# Per-text facts (lower-casing, the key pass, words, numbers), kept for the texts of one article; re-exported here,
# where the extractors import them.
from ketamine_evidence.analysis.extract.text_facts import (  # noqa: F401
    DIGITS, _KEYS, _LONG, _WORD_CHARS, _keys_in, _lower, _whole_words, _word_bytes, has_digit, has_number, lower)

if TYPE_CHECKING:
    from ketamine_evidence.analysis.extract import Context
    from ketamine_evidence.analysis.parse.sentences import Sentence


class Gated:
    """A regex run only on text that contains one of its key substrings or key words (lower case).

    Python's ``re`` tries an alternation at every position; a few ``in`` checks (or one set
    intersection with the text's words) first skip the text that cannot match at C speed, which keeps
    whole-MEDLINE extraction fast. A case-insensitive pattern is also compiled in lower case without
    ``re.I`` and run on the lower-cased text (several times faster in ``re``; same matches and offsets
    while lower-casing keeps the length, else the original runs). Matches then read the lower-cased
    text: use their offsets and digits, not their letters' case.
    """

    __slots__ = ("pattern", "keys", "key_set", "words", "word_bytes", "word_keys", "low", "also", "exact", "gate")

    def __init__(self, pattern: re.Pattern[str], keys: tuple[str, ...] = (),
                 words: frozenset[str] = frozenset(), also: re.Pattern[str] | None = None,
                 exact: bool = True) -> None:
        self.pattern = pattern
        self.keys = keys
        self.key_set = frozenset(keys)  # for ``present``: set & set (the order of its keys is free)
        self.words = words
        # As ASCII bytes, matched against ``_word_bytes`` (no str per word of the text); a word that is not
        # ASCII can never be one of the text's words.
        self.word_bytes = frozenset(w.encode("ascii") for w in words if w.isascii())
        # The same words join the shared key pass as substrings: a whole abstract's words are then read from the
        # few found there (``_whole_words``), not from a set of all its words.
        self.word_keys = frozenset(w for w in words if w and _WORD_CHARS.issuperset(w))  # others are never words
        _KEYS.update(self.word_keys)
        # The lower-case copy is compiled on its first scan (``Pending``), except where group names are checked.
        source = lower_case_source(pattern) if "(?P<" not in pattern.pattern else None
        low = Deferred(source, pattern.flags & ~re.I) if source is not None else lower_case_pattern(pattern)
        self.low = Pending(self, low) if isinstance(low, Deferred) else low
        _KEYS.update(keys)
        # Without keys of its own: the fixed words every match needs, read from the pattern (``required_text``),
        # checked by ``scan``/``scan_iter``/``scan_findall`` against the shared key pass of the text.
        needed = required_text.required_keys(low.pattern, low.flags) \
            if low is not None and not keys and not words and required_text.accepting() else None
        self.gate = required_text.register(needed) if needed else None
        self.also = also  # a case-sensitive alternative ('Group II') that ``scan`` also tries
        # Every match holds a key (or a key word): then a text without one cannot match. False when some
        # alternative needs none (then only whole-text pre-checks are made, as before).
        self.exact = exact

    def present(self, text: str) -> tuple[str, ...]:
        """The keys and key words found in ``text`` (as substrings: a necessary condition for a match in
        any part of it); empty when it cannot match."""
        keys = _keys_in(text)
        if keys is not None:
            if not keys:
                return ()
            found = tuple(keys & self.key_set)
            if self.words:
                found += _whole_words(_lower(text), keys & self.word_keys)
            return found
        lowered = _lower(text)
        found = tuple(k for k in self.keys if k in lowered)
        if self.words:
            found += tuple(w.decode("ascii") for w in self.word_bytes & _word_bytes(text))
        return found

    def possible(self, text: str) -> bool:
        if self.words and not self.word_bytes.isdisjoint(_word_bytes(text)):
            return True
        if len(text) >= _LONG:  # a whole abstract: the key words it holds are found once for every pre-check
            keys = _keys_in(text)
            if keys is not None:
                for key in self.keys:
                    if key in keys:
                        return True
                return False
        lowered = _lower(text)
        for key in self.keys:  # a plain loop: no generator per call
            if key in lowered:
                return True
        return False

    def holds(self, text: str, present: tuple[str, ...]) -> bool:
        """Whether ``text`` holds one of ``present`` (keys found by ``present()`` in a larger text that
        contains it): a cheaper pre-check than ``possible`` for each sentence of an article."""
        lowered = _lower(text)
        for key in present:
            if key in lowered:
                return True
        return False

    def _target(self, text: str) -> tuple[re.Pattern[str], str]:
        if self.low is not None:
            lowered = _lower(text)
            if len(lowered) == len(text):
                if self.gate is not None and self.gate.isdisjoint(required_text.present_keys(lowered)):
                    return self.low, ""  # none of the words every match needs: nothing to find
                return self.low, lowered
        return self.pattern, text

    def scan(self, text: str, *args: int) -> re.Match[str] | None:
        """``search`` without the key pre-check (for text already known to hold a key)."""
        pattern, target = self._target(text)
        m = pattern.search(target, *args)
        if m is None and self.also is not None:
            return self.also.search(text, *args)
        return m

    def scan_iter(self, text: str):
        """``finditer`` without the key pre-check (``also`` is not tried)."""
        pattern, target = self._target(text)
        return pattern.finditer(target)

    def scan_findall(self, text: str) -> list:
        """``findall`` without the key pre-check."""
        pattern, target = self._target(text)
        return pattern.findall(target)

    def search(self, text: str, *args: int) -> re.Match[str] | None:
        return self.scan(text, *args) if self.possible(text) else None

    def finditer(self, text: str):
        if not self.possible(text):
            return iter(())
        pattern, target = self._target(text)
        return pattern.finditer(target)

    def findall(self, text: str) -> list:
        if not self.possible(text):
            return []
        pattern, target = self._target(text)
        return pattern.findall(target)

    def match(self, text: str, *args: int) -> re.Match[str] | None:
        pattern, target = self._target(text)
        return pattern.match(target, *args)


# A backslash and the character after it (kept as written), or a run of other characters (lower-cased).
_ESCAPED_OR_PLAIN = re.compile(r"(\\.)|([^\\]+)", re.S)


def lower_case_pattern(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """``pattern`` (compiled with ``re.I``) in lower case and case-sensitive, or None when it cannot be:
    not case-insensitive, or with inline flags such as ``(?-i:...)``. Escaped characters keep their case
    (a backslash and the character after it are copied as they are); group names must stay as they were."""
    low_source = lower_case_source(pattern)
    if low_source is None:
        return None
    low = re.compile(low_source, pattern.flags & ~re.I)
    if "(?P<" in pattern.pattern and low.groupindex != pattern.groupindex:  # no group name: both empty
        return None
    return low


def lower_case_source(pattern: re.Pattern[str]) -> str | None:
    """The source of ``lower_case_pattern`` (not compiled: ``fast_re`` compiles a module pattern's copy only when
    a text first needs it scanned), or None when the pattern cannot be lower-cased."""
    if not pattern.flags & re.I or "(?" in pattern.pattern.replace("(?:", "").replace("(?=", "") \
            .replace("(?!", "").replace("(?<=", "").replace("(?<!", "").replace("(?P<", ""):
        return None
    chars = pattern.pattern
    if "(?P<" not in chars and "\u03a3" not in chars:  # runs lower-cased in one call each (a long names pattern:
        # 1 ms -> 0.1); capital sigma lower-cases by its context (final sigma), so it goes letter by letter
        low_source = "".join(m.group(1) or m.group(2).lower() for m in _ESCAPED_OR_PLAIN.finditer(chars))
    else:
        out, i = [], 0
        while i < len(chars):
            c = chars[i]
            if c == "\\":
                out.append(chars[i:i + 2])
                i += 2
                continue
            if chars.startswith("(?P<", i):  # a group name
                stop = chars.index(">", i) + 1
                out.append(chars[i:stop])
                i = stop
                continue
            out.append(c.lower())
            i += 1
        low_source = "".join(out)
    return low_source




def load_lexicon(filename: str) -> dict[str, Any]:
    """A TOML lexicon from ``analysis/lexicons``."""
    data = resources.files("ketamine_evidence.analysis.lexicons").joinpath(filename).read_text(encoding="utf-8")
    return tomllib.loads(data)


def alternation(patterns: list[str]) -> str:
    """One whole-word alternation of regex fragments, longest first.

    When every fragment starts with a plain letter or digit, a look-ahead on those first characters
    leads the pattern: ``re`` then skips other positions fast (same matches).
    """
    body = r"(?<![\w])(?:" + "|".join(longest_first(patterns)) + r")(?![\w])"
    firsts = {p[0] for p in patterns if p}
    if firsts and all(c.isalnum() and c.isascii() for c in firsts):
        chars = "".join(sorted({c.lower() for c in firsts} | {c.upper() for c in firsts}))
        return rf"(?=[{chars}])" + body
    return body


# Pain outcomes (guideline: pain intensity, relief, hyperalgesia, analgesic or opioid consumption,
# time to first analgesic); 'withdrawal response' to rocuronium is the usual injection-pain proxy. Medical word
# forms of pain count as pain words: -algia and -dynia ('cephalalgia', 'cervicalgia', 'coccydynia'; not 'nostalgia',
# nor the condition names 'fibromyalgia', 'polymyalgia', whose trials may measure no pain) and aches ('backache').
# A bare 'ache' is not the enzyme abbreviation AChE, which the lower-cased scan reads as the same word: bracketed
# after its full name ('acetylcholinesterase (AChE)') or naming its inhibition, activity or level.
PAIN_FORMS = (r"(?!(?:nost|fibromy|polymy)alg)[a-z]+(?:algias?|dynias?)|(?:back|tooth|ear|stomach|belly)aches?|"
              r"(?<!\()aches?(?!\)|\s+(?:(?:was|were|is)\s+)?(?:inhibit\w*|activit\w*|levels?|enzymes?|genes?|reactivat\w*))|"
              r"lumbago")
PAIN = re.compile(
    r"(?<![\w-])(?:pain\w*|hyperalges\w*|allodyni\w*|(?:anti)?nocicepti\w*|myalgia|headaches?|migraines?|" + PAIN_FORMS + "|"
    r"neuralgia|sore throat|odynophagia|colic|dysmenorrh\w*|arthralgia|analgesia|analgesic (?:effects?|efficacy|requirements?|consumption|use|needs?|requests?)|"
    r"(?:analgesic|opioid|morphine|fentanyl|pethidine|meperidine|tramadol|narcotic|rescue)s? "
    r"(?:consumption|requirements?|requests?|use|needs?|doses?|sparing)|opioid[- ]sparing|rescue analges\w*|"
    r"first analgesic|(?:v|vn|n)rs|vas(?= (?:score|pain))|withdrawal (?:responses?|movements?))(?![\w])",
    re.I,
)
PAIN = Gated(PAIN, ("pain", "algesi", "nocicep", "allodyn", "myalgia", "headache", "migraine", "neuralgia",
                    "sore throat", "odynophagia", "colic", "dysmenorrh", "arthralgia",
                    "analges", "sparing", "rescue", "vas ", "vas)", "vas,", "vas-", "nrs", "withdrawal",
                    "opioid", "consumption", "requirement", "algia", "dynia", "ache", "lumbago"))
# A sentence that reports the study itself rather than background knowledge.
STUDY_CUE = re.compile(
    r"\b(?:we|our|this|present|current|the aim|aimed?|objective|purpose|patients?|participants?|subjects?|"
    r"volunteers?|adults?|children|women|men|males?|females?|individuals|persons|people|outpatients|"
    r"sufferers|cases|enrolled|recruited|randomi[sz]\w*|randomly|assigned|allocated|included|received|"
    r"trial|study|studied|compared?|evaluated?|investigated?|assessed)\b",
    re.I,
)
_NOT_BACKGROUND = {"methods", "results", "conclusions", "objective"}  # section roles (``section_role``)
FUTURE_CUE = re.compile(r"\b(?:should|future|further (?:studies|research|trials|investigation)|needed|"
                        r"warranted|next steps?|remains? (?:unclear|unknown)|previous(?:ly)? (?:studies|trials|"
                        r"reported|shown|published)|earlier (?:studies|trials)|prior (?:studies|trials)|"
                        r"have (?:shown|demonstrated|suggested)|has been (?:shown|demonstrated|suggested)|"
                        r"have been (?:conducted|performed|published|reported))\b", re.I)

FUTURE_CUE = Gated(FUTURE_CUE, ("should", "future", "further", "needed", "warranted", "next step", "remain",
                                "previous", "earlier", "prior", "have shown", "have demonstrated", "have suggested",
                                "has been", "have been"))


def has_background_split(ctx: "Context") -> bool:
    """True when the abstract has a background part and separate method/result parts (computed once
    per article and kept on the context, as extractors ask for every sentence)."""
    cached = ctx.__dict__.get("_background_split")
    if cached is None:
        roles = {section_role(s.section) for s in ctx.sentences}
        cached = "background" in roles and bool(roles & _NOT_BACKGROUND)
        ctx.__dict__["_background_split"] = cached
    return cached


def study_sentences(ctx: "Context") -> list["Sentence"]:
    """The title and the sentences that describe this study (background parts left out)."""
    drop_background = has_background_split(ctx)
    opening = unlabelled_background(ctx)  # an abstract without headings: the sentences before the study is named
    out = []
    for s in ctx.sentences:
        if s.section == "TITLE":
            out.append(s)
        elif (drop_background and section_role(s.section) == "background") or s.index in opening:
            continue
        else:
            out.append(s)
    return out


def is_background_sentence(ctx: "Context", sentence: "Sentence") -> bool:
    return (section_role(sentence.section) == "background" and has_background_split(ctx)) or \
        sentence.index in unlabelled_background(ctx)


# Unicode hyphens read as '-' ('non\u2010randomized', 'double\u2010blind', 'long\u2010term patients'): the cue patterns
# spell hyphens in ASCII. Same lengths, so offsets stay valid.
HYPHENS = str.maketrans("\u2010\u2011", "--")


def plain_hyphens(text: str) -> str:
    return text.translate(HYPHENS) if "\u2010" in text or "\u2011" in text else text


def plain_hyphen_sentences(ctx: "Context") -> tuple[list["Sentence"], str]:
    """The article's sentences and text with plain hyphens (the same objects when it has no Unicode hyphen)."""
    whole = ctx.text
    if "\u2010" not in whole and "\u2011" not in whole:
        return ctx.sentences, whole
    return [replace(s, text=s.text.translate(HYPHENS)) for s in ctx.sentences], whole.translate(HYPHENS)
