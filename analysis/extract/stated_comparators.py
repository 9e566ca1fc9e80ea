"""The comparator a trial states it tests the intervention against, by the comparator's own name.

Which arm is the intervention (guideline: the treatment the trial tests, judged against its comparator) is stated in
two places the arm reader did not read for the comparator: the intervention's name as the pool writes it
('paracetamol (vs diclofenac)', 'laparoscopic repair (vs open repair)') and the title ('Pregabalin versus gabapentin
for ...'). Without them an active comparator named by its drug alone ('Diclofenac provided significantly better pain
relief') is no known arm, and the reader's default credits its result to the intervention: a comparator's benefit read
as the intervention's. ``with_stated_comparators`` returns the article's ``Arms`` where the distinctive words of the
stated comparator (not words of the intervention's own name) name the comparator's arm.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from ketamine_evidence.analysis.extract.arm_abbreviations import BRACKETED_COMPARATOR

if TYPE_CHECKING:
    from ketamine_evidence.analysis.extract.arms import Arms

# 'A versus B', 'A vs. B', 'A compared with B' in a title; each side ends at a preposition that starts the setting.
_VERSUS = re.compile(r"\s(?:versus|vs\.?|compared (?:with|to)|in comparison (?:with|to))\s", re.I)
_SIDE_END = re.compile(r"\s(?:for|in|on|after|during|among|to|at|as|with|under|following|before)\s|\s[-\u2013]\s|[:;,?.(\[]",
                       re.I)
_SIDE_START = re.compile(r".*\b(?:of|between|comparing|compare|comparison)\s", re.I)
# Words that do not tell an arm: function words, routes, regimen and generic nouns, comparators' kinds.
_FILLER = frozenset(
    """and or of with for before after during the a an in on to plus versus vs via by from alone combined combination
    therapy therapies treatment treatments program programme programs intervention interventions group groups arm
    session sessions class classes administration administered dose doses dosing single daily twice once high low
    standard usual intravenous oral topical local subcutaneous intramuscular epidural intrathecal intranasal
    inhaled transdermal injection injections infusion infusions solution tablet tablets capsule capsules extract
    preoperative postoperative intraoperative perioperative preventive preemptive pre-emptive based new compared
    conventional control controls placebo sham saline care block blocks technique techniques method methods
    patients effect effects efficacy analgesia pain randomized randomised trial study versus other""".split())


def _words(phrase: str) -> list[str]:
    return [w.lower() for w in re.findall(r"[A-Za-z][A-Za-z-]{3,}", phrase) if w.lower() not in _FILLER]


def _title_comparator(title: str, intervention: re.Pattern[str]) -> str:
    """The side of a title's 'A versus B' that does not name the intervention ('' where neither or both do)."""
    m = _VERSUS.search(title)
    if not m:
        return ""
    left = _SIDE_START.sub("", title[:m.start()])
    right = _SIDE_END.split(title[m.end():], maxsplit=1)[0]
    in_left, in_right = bool(intervention.search(left)), bool(intervention.search(right))
    return right if in_left and not in_right else left if in_right and not in_left else ""


def comparator_words(name: str, title: str, text: str, intervention: re.Pattern[str]) -> list[str]:
    """Distinctive words of the comparator the name's bracket or the title states, that the text uses and that are
    no word of the intervention's own name: 'diclofenac' for 'paracetamol (vs diclofenac)', 'open' for
    'laparoscopic repair (vs open repair)'."""
    stated = " ".join(m.group(0) for m in BRACKETED_COMPARATOR.finditer(name)) + " " + _title_comparator(title, intervention)
    own = set(_words(BRACKETED_COMPARATOR.sub(" ", name)))
    own_words = re.compile(r"\b(?:%s)\b" % "|".join(map(re.escape, own)), re.I) if own else None
    out = []
    for word in dict.fromkeys(_words(stated)):
        if word in own or intervention.search(word) or any(word[:5] == o[:5] for o in own):
            continue
        if not re.search(rf"\b{re.escape(word)}\b", text, re.I):
            continue
        if any(re.match(rf"[\s-]+(?:(?!(?:and|or|vs|versus|than|to|with|plus|nor)\b)[\w-]+\s)?{re.escape(word)}\b", text[m.end():m.end() + 40], re.I)
               for m in [*intervention.finditer(text), *(own_words.finditer(text) if own_words else ())]):
            continue  # a head both arms share: 'laparoscopic surgery' beside 'open surgery'
        out.append(word)
    return out


def with_stated_comparators(arms: "Arms", name: str, title: str, text: str) -> "Arms":
    """``arms`` where the stated comparator's words name the comparator (see the module docstring); unchanged where
    no such word is found."""
    if arms.names is None:
        return arms
    words = comparator_words(name, title, text, arms.names)
    if not words:
        return arms
    pattern = re.compile(r"\b(?:%s)\b" % "|".join(map(re.escape, words)), re.I)
    names = arms.names
    base_comparator, base_named = arms.is_comparator, arms.is_named_comparator

    def is_comparator(s: str) -> bool:
        return base_comparator(s) or bool(pattern.search(names.sub(" ", s)))

    def is_named_comparator(s: str) -> bool:
        return bool(base_named and base_named(s)) or bool(pattern.search(names.sub(" ", s)))

    return replace(arms, is_comparator=is_comparator, is_named_comparator=is_named_comparator)
