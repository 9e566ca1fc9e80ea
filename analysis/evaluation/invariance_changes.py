"""Rewrites of how an abstract names the arms of a change or a comparison that must not change the gold answer
(metamorphic invariance); they measure ``arm_changes`` and ``stated_comparators`` (docs/direction.md, "pe11, round 11").

Why each keeps the answer (the guideline annotates what each arm's pain did, not how the arms are called):

- ``both_groups_named``: 'in both groups' -> 'in the X group and in the Y group', where the text uses exactly two
  arm phrases 'the X group' and 'the Y group': 'both groups' of a two-arm text are those two,
  so a change stated for both is still the change of every arm ('VAS scores decreased significantly in both
  groups' -> '... in the ketamine group and in the placebo group'), no difference between them.
- ``arms_by_treatment``: 'in the X group' / 'in the X arm' -> 'with X', for the arm words of such a two-arm text:
  'Pain scores were lower in the ketamine group than in the placebo group' -> '... lower with ketamine than with
  placebo'. The arm is the treatment it was given; trials write both forms. Not applied where an arm word is a
  generic one ('the control group', 'the study group'), which 'with' would not name as a treatment.
"""

from __future__ import annotations

import re
from typing import Callable

from ketamine_evidence.analysis.evaluation.invariance_arms import _NOT_ARM_WORDS

_GENERIC = frozenset("""control controls intervention experimental treatment treated study test case active usual
    standard comparison comparator reference new conventional routine placebo-controlled untreated""".split())
_BOTH = re.compile(r"\b(?P<prep>in|for|of|between) both (?:the )?(?:study |treatment )?groups\b")
_ARM_PHRASE = re.compile(r"\b[Tt]he ([A-Za-z][\w-]{1,30}) (?:group|arm)s?\b(?![\-(])")
_IN_ARM = r"\b(?P<in>[Ii]n) the (?P<word>{words}) (?:group|arm)\b(?![\-(])"


def _two_arms(text: str) -> list[str]:
    """The two arm words of a text that names exactly two arms 'the X group', as first written ([] otherwise)."""
    words: dict[str, str] = {}
    for m in _ARM_PHRASE.finditer(text):
        if m.group(1).lower() not in _NOT_ARM_WORDS:
            words.setdefault(m.group(1).lower(), m.group(1))
    return list(words.values()) if len(words) == 2 else []


def both_groups_named(text: str) -> str:
    """'in both groups' -> 'in the X group and in the Y group' (a two-arm text, arms in the order first named)."""
    arms = _two_arms(text)
    if not arms:
        return text
    first, second = arms

    def named(m: re.Match[str]) -> str:
        prep = m.group("prep")
        return f"{prep} the {first} group and {'the' if prep == 'between' else prep + ' the'} {second} group"
    return _BOTH.sub(named, text)


def arms_by_treatment(text: str) -> str:
    """'in the X group' -> 'with X' for both arm words of a two-arm text whose arm words are treatments."""
    arms = _two_arms(text)
    if not arms or any(w.lower() in _GENERIC for w in arms):
        return text
    pattern = re.compile(_IN_ARM.format(words="|".join(re.escape(w) for w in arms)), re.I)
    return pattern.sub(lambda m: ("With " if m.group("in")[0] == "I" else "with ") + m.group("word"), text)


CHANGE_REWRITES: dict[str, Callable[[str], str]] = {
    "both_groups_named": both_groups_named, "arms_by_treatment": arms_by_treatment,
}
