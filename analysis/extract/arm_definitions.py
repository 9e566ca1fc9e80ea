"""Where an abstract defines an arm's treatment relative to the arm's name (used by ``arms.arms_for``).

- A group label that closes its clause is defined by the words before it: '1 ml normal saline was added to
  Group S, 25 μg fentanyl to Group F and ...' (the words after 'Group S' are the next arm's).
- An 'X group' whose own clause gives it the treatment: 'the observation group was administered therapy in
  conjunction with abdominal pelvic radiofrequency hyperthermia' is the intervention's arm, whatever X is.
- A trial the abstract calls for ('A randomised placebo controlled trial is required to confirm these data') has
  no arm in this study.
- ``group_matches``: the 'X group' patterns of ``arms`` read only the stretches of an abstract that can hold a match.
"""

from __future__ import annotations

import re
from typing import Iterator

from ketamine_evidence.analysis.extract.article_cache import per_article
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


# Every match of the 'X group' patterns (``arms.WORD_GROUP``, ``LABEL_AFTER``, ``_ARM_WORD`` and the arm words of
# ``arms_for``) holds a space before 'group', 'Group' or 'arm', and no character outside word characters, spaces,
# '.', '/', '+' and '-' (so none at all of ``_OUTSIDE``, and none of those is a word character).
_GROUP_WORD = re.compile(r"\s(?:group|arm|Group)")
_OUTSIDE = re.compile(r"[^\w\s./+-]")


@per_article  # asked for the arm words and the intervention's group words of the same abstract
def group_stretches(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each stretch of ``text`` between two characters of ``_OUTSIDE`` (commas, brackets, colons...)
    that holds a ' group' / ' Group' / ' arm': a quarter of an abstract, where every 'X group' match lies."""
    out: list[tuple[int, int]] = []
    reverse = text[::-1]
    end = -1
    for m in _GROUP_WORD.finditer(text):
        if m.start() < end:
            continue  # in the stretch already found
        before = _OUTSIDE.search(reverse, len(text) - m.start())  # the last such character before the word
        after = _OUTSIDE.search(text, m.end())
        end = after.start() if after else len(text)
        out.append((len(text) - before.start() if before else 0, end))
    return tuple(out)


def group_matches(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for an 'X group' pattern (see ``_GROUP_WORD``), reading only ``group_stretches``: no
    match crosses a stretch's edge, and the characters there are no word characters, so each word boundary reads
    as over the whole text (the pattern has no other look-around)."""
    for start, end in group_stretches(text):
        yield from pattern.finditer(text, start, end)
