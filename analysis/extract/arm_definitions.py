"""Where an abstract defines an arm's treatment relative to the arm's name (used by ``arms.arms_for``).

- A group label that closes its clause is defined by the words before it: '1 ml normal saline was added to
  Group S, 25 μg fentanyl to Group F and ...' (the words after 'Group S' are the next arm's).
- An 'X group' whose own clause gives it the treatment: 'the observation group was administered therapy in
  conjunction with abdominal pelvic radiofrequency hyperthermia' is the intervention's arm, whatever X is.
- A trial the abstract calls for ('A randomised placebo controlled trial is required to confirm these data') has
  no arm in this study.
"""

from __future__ import annotations

import re

from ketamine_evidence.analysis.extract.design_cues import FUTURE_TRIAL
from ketamine_evidence.analysis.extract.fast_re import fast

# Run in lower case and pre-checked by its keys (``fast_re``): this module's own reference to the pattern is not
# among those ``fast_patterns`` wraps, and it is read over every abstract.
_FUTURE_TRIAL = fast(FUTURE_TRIAL)

_GIVEN_TO = re.compile(r"\b(?:added|given|administered|applied)?\s?\bto\s(?:the\s)?$", re.I)
_CLAUSE_END = re.compile(r"\s*(?:[,;.]|and\b|$)")
# What ends the words that define an arm, read backwards from its label: punctuation, or the previous arm's "or".
DEFINITION_BEFORE = re.compile(r"[.;,()]\s?|\b(?:or|either|versus|vs\.?)\s")
_GIVEN = re.compile(r"\s*(?:\([^()]*\)\s*)?(?:(?:was|were)\s(?:\w+\s)?(?:administered|given|treated|received)\b|"
                    r"(?:received|underwent)\b)", re.I)


def label_defined_before(text: str, start: int, end: int, floor: int, pattern: re.Pattern[str]) -> bool | None:
    """For the label at ``text[start:end]``: None unless it closes a clause after '... to'; else whether the
    words before it (back to ``floor``, the previous label, and the last comma) name the intervention."""
    before = text[max(floor, start - 91):start]
    if not (_GIVEN_TO.search(before) and _CLAUSE_END.match(text[end:end + 5])):
        return None
    return bool(pattern.search(DEFINITION_BEFORE.split(before)[-1]))


def word_group_given(text: str, end: int, pattern: re.Pattern[str]) -> bool:
    """Whether the 'X group' ending at ``end`` is the subject of a clause that gives it the intervention."""
    if not _GIVEN.match(text, end):
        return False
    return bool(pattern.search(re.split(r"(?<=[.;])\s", text[end:end + 150], maxsplit=1)[0]))


def present_arms_text(text: str) -> str:
    """``text`` without the sentences that call for a later trial (their placebo or control arm is not this study's)."""
    if not _FUTURE_TRIAL.search(text):
        return text
    return " ".join(s for s in re.split(r"(?<=[.!?])\s", text) if not _FUTURE_TRIAL.search(s))
