"""Sentence splitting with character offsets, so every finding can point at its sentence.

Rule-based and fast (one regex scan): breaks after ``.``, ``!`` or ``?`` followed by space and a
capital, digit or bracket, except after common abbreviations in biomedical abstracts
(``et al.``, ``e.g.``, ``vs.``, ``i.v.``, ``Fig.``...). Title and abstract parts are never joined.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ketamine_evidence.analysis.records import Article

_BOUNDARY = re.compile(r"[.!?][\"')\]]?\s+(?=[\"'(\[]?[A-Z0-9\u00C0-\u024F])")
_ABBREVIATIONS = frozenset(
    """al e.g i.e vs etc fig figs dr mr mrs ms no nos approx ca cf eq ref refs resp i.v i.m s.c p.o
    i.n iv im sc po min max st jr sr inc ltd co vol pp ed eds dept univ e.g., i.e., mg kg ml""".split()
)
_INITIAL = re.compile(r"(?:^|\s)[A-Z]$")
# A unit after its number ('a lock-out time of 10 min.', '78.2 min.', '0.2mL.') ends a sentence when a word follows in
# sentence case ('... 10 min. Overall satisfaction ...', MEDLINE 26702203): a unit is not written with a stop inside a
# sentence, so the stop is the sentence's. Other abbreviations ('i.v.', 'vs.') and a unit before a digit, a bracket or
# a capital abbreviation stay joined.
_NUMBER_UNIT = re.compile(r"\d\s?(?:mg|kg|ml|min)$", re.I)
_SENTENCE_WORD = re.compile(r"[A-Z][a-z]")
_GROUP_LABEL_WORDS = ("group", "arm", "phase", "grade", "type", "class", "stage", "period")
_GROUP_LABEL = re.compile(r"\b(?:" + "|".join(_GROUP_LABEL_WORDS) + r")\s[A-Z]$", re.I)
_GROUP_LABEL_SPAN = max(map(len, _GROUP_LABEL_WORDS)) + 2


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    start: int  # offset into the text that was split
    end: int
    section: str | None  # the abstract part's label/category, "TITLE" for the title
    index: int  # position within the article


def _is_abbreviation(chunk: str) -> bool:
    """True when the text before a full stop ends in an abbreviation or a single initial."""
    parts = chunk.rsplit(None, 1)
    word = parts[-1].lower().lstrip("([").rstrip(".") if parts else ""
    # A single letter ends the chunk ('J. Smith', 'group K.'): only then can either pattern below match.
    # Both end at ``$``: searching the last characters (the longest label word, a space and the letter)
    # gives the same answer as the whole chunk; ``\b`` and ``^`` still see the characters before.
    if len(chunk) == 1 or (len(chunk) >= 2 and chunk[-2].isspace()):
        if _GROUP_LABEL.search(chunk, max(0, len(chunk) - _GROUP_LABEL_SPAN)):  # 'in group K. There was...'
            return False  # a trial arm's letter, not an initial
        return word in _ABBREVIATIONS or bool(_INITIAL.search(chunk, max(0, len(chunk) - 2)))
    return word in _ABBREVIATIONS


def _unit_ends(text: str, start: int, dot: int, after: int) -> bool:
    """Whether the stop at ``dot`` follows a number's unit (``_NUMBER_UNIT``) and a sentence-case word follows it."""
    return (_NUMBER_UNIT.search(text, max(start, dot - 5), dot) is not None
            and _SENTENCE_WORD.match(text, after) is not None)


def split_text(text: str, offset: int = 0, section: str | None = None, first_index: int = 0) -> list[Sentence]:
    """Split one block of text; offsets are ``offset`` + position in ``text``."""
    sentences: list[Sentence] = []
    append = sentences.append
    start = 0
    for match in _BOUNDARY.finditer(text):
        dot = match.start()
        if text[dot] == "." and _is_abbreviation(text[start:dot]) and not _unit_ends(text, start, dot, match.end()):
            continue
        chunk = text[start:dot + 1].lstrip()  # strip and offsets inline: once per sentence
        stripped = chunk.rstrip()
        if stripped:
            s = offset + dot + 1 - len(chunk)
            append(Sentence(stripped, s, s + len(stripped), section, first_index + len(sentences)))
        start = match.end()
    chunk = text[start:].lstrip()
    stripped = chunk.rstrip()
    if stripped:
        s = offset + len(text) - len(chunk)
        append(Sentence(stripped, s, s + len(stripped), section, first_index + len(sentences)))
    return sentences


def split_article(article: Article, text: str | None = None) -> list[Sentence]:
    """Sentences of the title and each abstract part, offsets into ``article.text`` (``text``: that
    string when the caller has it already)."""
    if text is None:
        text = article.text
    sentences: list[Sentence] = []
    for start, end, label in article.section_spans():
        sentences.extend(split_text(text[start:end], start, label, len(sentences)))
    return sentences
