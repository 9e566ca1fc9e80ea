"""Pain named as who the participants are or when a time is counted from, not as an outcome the trial measured.

'Mere booklet information is beneficial for employees who report mild LBP' (batch 4 PMC4828818): the pain word
describes the people the benefit is for; the outcome the conclusion credits is not pain. ``CONDITION_PAIN``
(``outcomes``) already blanks 'in patients with chronic low back pain'; this reading covers the general frame, a
preposition and a person noun followed by what the persons have, report or suffer ('for employees who report mild
LBP', 'among women suffering from dysmenorrhoea'), including the abstract's own abbreviations, which the fixed
condition list cannot know. A frame whose words before the pain word carry a comparison ('patients with less pain')
reports an outcome and is left alone, as is a count of persons ('the number of patients with pain': no 'for / in /
among' before the persons).

A pain condition induced as the exposure and named as a time anchor ('up to the 48-hour interval post induction of
DOMS', 'the values prior to DOMS induction', batch 7 PMC4339160) dates a measurement of something else; it is no
outcome either (additions rule aa: the outcome is what was measured).
"""

from __future__ import annotations

import re

PERSONS = (r"patients|employees|workers|women|men|mothers|parturients|adults|children|adolescents|infants|subjects|"
           r"participants|individuals|people|persons|volunteers|athletes|students|veterans|residents|sufferers|those")
# 'for employees who report', 'in patients suffering from', 'among adults with': the frame up to what the persons have.
FRAME = re.compile(r"\b(?:for|in|among|to)\s(?:the\s|all\s|these\s|those\s|such\s)?(?:[\w-]+\s)?(?:" + PERSONS + r")\s"
                   r"(?:who\s(?:\w+\s)?(?:report(?:ed|s)?|ha(?:ve|d|s)|suffer(?:ed|s)?(?:\sfrom)?|experience[sd]?|"
                   r"present(?:ed|s)?\swith|complain(?:ed|s)?\sof)|with|suffering\sfrom|presenting\swith|complaining\sof|"
                   r"having)\s", re.I)
# Where the persons' description ends: a clause break or a word that starts a comparison or another statement.
_END = re.compile(r"[,;.:()]|\s(?:and|but|whereas|while|than|compared|versus|vs|was|were|is|are|had|showed|reported)\b", re.I)
# A comparison among the describing words: the phrase reports an amount, an outcome ('patients with less pain').
_COMPARATIVE = re.compile(r"\b(less|more|lower|higher|fewer|greater|reduced|decreased|increased|no|without|"
                          r"significant\w*|persistent\w*|residual|postoperative|post-operative)\b|\d", re.I)


# A time counted from the induction of a condition: 'post induction of DOMS', 'prior to DOMS induction'.
INDUCED = re.compile(r"\b(?:post|after|before|prior\sto|following|since)\s(?:the\s)?(?:induction\s(?:of\s)?(?:the\s)?"
                     r"(?P<after>[\w-]+(?:\s[\w-]+){0,2}?)\b|(?P<before>[\w-]+(?:\s[\w-]+){0,2}?)\sinduction\b)", re.I)


def blank_population(text: str, pain: re.Pattern[str]) -> str:
    """``text`` with each person frame that ends in a pain word blanked to that word's end (same length, so offsets
    hold); other text unchanged. ``pain`` finds the pain words (the caller's vocabulary and abbreviations)."""
    out = text
    for frame in FRAME.finditer(text):
        end = _END.search(text, frame.end())
        stop = end.start() if end else len(text)
        last = None
        for m in pain.finditer(text, frame.end(), stop):
            last = m
        if last is None or _COMPARATIVE.search(text, frame.end(), last.start()):
            continue
        out = out[:frame.start()] + " " * (last.end() - frame.start()) + out[last.end():]
    for anchor in INDUCED.finditer(text):
        named = anchor.group("after") if anchor.group("after") is not None else anchor.group("before")
        if pain.fullmatch(named) or any(m.end() == len(named) for m in pain.finditer(named)):
            out = out[:anchor.start()] + " " * (anchor.end() - anchor.start()) + out[anchor.end():]
    return out
