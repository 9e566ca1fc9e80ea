"""Whether a noun phrase names a time, read from its head word.

Readers must tell a time phrase from what a sentence is about: a denial's own outcome is an outcome noun phrase
('no significant difference between the groups in terms of complications'), never a time ('... in the first 24
hours', '... on postoperative day 1', '... at 6 months of follow-up'). Read by ``pain_effect.then_none``; the end
of a list of times after a result (``relief_times.item_end``) is read with relief_times' own patterns, not here. A
noun phrase runs from its first word to the next preposition, conjunction or punctuation; its head is its last word,
numbers and ordinals after it left out ('day 1', 'week 12'), and of a hyphenated word the last part ('the first
24-hour period', but '24-h morphine consumption' is about consumption).
"""

from __future__ import annotations

import re

# Words whose phrase, as its head, is a time: units, parts of the day, and the nouns trials name a time by.
TIME_HEADS = frozenset((
    "h", "hr", "hrs", "hour", "hours", "min", "mins", "minute", "minutes", "day", "days", "night", "nights", "week",
    "weeks", "wk", "wks", "month", "months", "mo", "mos", "year", "years", "yr", "yrs", "morning", "mornings", "evening",
    "evenings", "pod", "follow-up", "followup", "period", "periods", "phase", "phases", "visit", "visits", "time point",
    "timepoint", "timepoints", "times", "baseline", "weekend", "weekends"))
# Where a noun phrase ends: a preposition, a conjunction, a verb of being, punctuation.
_NP_END = re.compile(r"[,.;:()\[\]]|\s(?:at|in|on|of|for|from|to|between|among|with|without|than|versus|vs|and|or|but|"
                     r"after|before|during|within|by|following|compared|regarding|concerning|as|was|were|is|are|had|has|"
                     r"have|did|while|whereas|although)\b", re.I)
# A number, ordinal or numbered label after the head: 'day 1', 'week 12', 'postoperative days 1', 'T2'.
_TRAILING_NUMBER = re.compile(r"(?:\s(?:\d+(?:\.\d+)?(?:st|nd|rd|th)?|[ivx]+|one|two|three|four|five|six|seven|eight|"
                              r"nine|ten|twelve))+$", re.I)

_NO_NOUN = re.compile(r"[\s\d.,%±-]*|(?:\s*\b(?:the|a|an|any|all|each|either|both|none|every|some)\b)+\s*", re.I)


def noun_phrase(text: str) -> str:
    """The noun phrase ``text`` opens with, up to the next preposition, conjunction or punctuation, without the
    numbers after its head ('postoperative day 1 (p = 0.2)' -> 'postoperative day'); '' for a bare number."""
    text = " " + text.lstrip()
    end = _NP_END.search(text, 1)
    phrase = text[:end.start() if end else len(text)].rstrip()
    phrase = _TRAILING_NUMBER.sub("", phrase)
    if _NO_NOUN.fullmatch(phrase):
        return ""  # a number, or determiners alone ('for any of the time points')
    return phrase.strip()


def head_word(phrase: str) -> str:
    """The head of a noun phrase, lower-case: its last word, of a hyphenated word the last part ('24-hour' ->
    'hour'); 'follow-up', 'follow up' and 'time point' are each one noun."""
    low = phrase.lower()
    for noun in ("follow-up", "follow up", "time point"):
        if low.endswith((noun, noun + "s")):
            return noun.replace(" up", "-up")
    words = low.split()
    return words[-1].rsplit("-", 1)[-1] if words else ""


def is_time_phrase(text: str) -> bool:
    """``text`` opens with a noun phrase whose head is a time ('the first 24 hours', 'postoperative day 1', '6 months
    of follow-up', 'the study period'), not one about something else ('24-h morphine consumption', 'pain scores')."""
    head = head_word(noun_phrase(text))
    return head in TIME_HEADS
