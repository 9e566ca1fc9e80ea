"""Abbreviations an abstract defines for its arms: 'words (ABBR)' read once per article, and which of them name the
intervention (by its own mention followed by a bracket, or by the initials of words of its name).

Split from ``arms`` (which asks these questions for every article's arm reading) so that module stays small.
"""

from __future__ import annotations

import re

from ketamine_evidence.analysis.extract.arm_definitions import group_matches
from ketamine_evidence.analysis.extract.article_cache import per_article


_BRACKET_AFTER = re.compile(r"(?:\s(?:group|arm))?\s?\(([A-Za-z][A-Za-z0-9-]{1,8})[),;]")


def intervention_abbreviations(text: str, pattern: re.Pattern[str]) -> list[str]:
    """Abbreviations the abstract defines for the intervention: 'sterile water injection (ISWI)', '... group (SG)'."""
    out = []
    for m in pattern.finditer(text):
        after = _BRACKET_AFTER.match(text, m.end(), m.end() + 20)  # no look-around: the same as on the slice
        if after:
            out.append(after.group(1))
    return out


BRACKETED_COMPARATOR = re.compile(r"\((?:vs\.?|versus|compared)[^)]*\)", re.I)  # 'X (vs Y)': Y is not X
# 'words (ABBR)', '(words: ABBR)'. The letter before ':' is checked after it (not before, as a look-behind that
# starts the pattern), so that each alternative starts with its character and ``re`` skips to '(' or ':'.
_ABBREVIATION = re.compile(r"\(([A-Z]{2,6})\)|:(?<=[A-Za-z]:)\s?([A-Z]{2,6})\)")
_SPELLED_BEFORE = re.compile(r"((?:[A-Za-z][A-Za-z]*[\s-]){1,6})$")
_SPACE = re.compile(r"\s")
# Every character the spelled-out words may hold: a match of ``_SPELLED_BEFORE`` starts after the last other one.
# (No character above U+3000 is whitespace to ``re``: the test checks the whole range.)
SPELLED_CHARS = "".join(sorted({*"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-"}
                               | {c for c in map(chr, range(0x3001)) if _SPACE.match(c)}))


@per_article  # read for the intervention's initials and for the other arms of the same text
def defined_abbreviations(text: str) -> tuple[tuple[str, str], ...]:
    """(words, abbreviation) for every 'spelled-out words (ABBR)' of ``text``, left to right.

    The bracketed capitals are rare, so they are found first and only the stretch before each is read
    (one scan of the text instead of trying up to six words at every word), and of that stretch only its
    tail of letters, hyphens and spaces (every match lies in it: the same leftmost match, without trying
    every earlier position of up to 300 characters)."""
    floor = 0
    found = []
    for m in _ABBREVIATION.finditer(text):
        before = text[max(floor, m.start() - 300):m.start()] + (" " if m.group(2) else "")
        words = _SPELLED_BEFORE.search(before, len(before.rstrip(SPELLED_CHARS)))
        if words is not None:
            floor = m.end()
            found.append((words.group(1), m.group(1) or m.group(2)))
    return tuple(found)


def initials_abbreviations(text: str, name: str) -> list[str]:
    """Abbreviations whose spelled-out words are all words of the intervention's name, by their initials:
    'patient controlled epidural analgesia (PCEA)' for 'thoracic patient-controlled epidural analgesia with
    bupivacaine', though the abstract never writes the full name ('patient controlled intravenous analgesia
    (PCIA)' is not: 'intravenous' is no word of the name)."""
    name = BRACKETED_COMPARATOR.sub(" ", name)
    name_words = {w.lower() for w in re.findall(r"[A-Za-z]+", name)}
    out = []
    for spelled, abbr in defined_abbreviations(text):
        words = re.findall(r"[A-Za-z]+", spelled)[-len(abbr):]
        named = [w.lower() in name_words or w.lower().rstrip("s") in name_words for w in words]
        if len(words) == len(abbr) and "".join(w[0] for w in words).upper() == abbr and (all(named) or (
                len(words) >= 3 and all(named[:-1]) and words[-1].lower() in _GENERIC_HEADS)):
            out.append(abbr)
    return out


# Head nouns by which an abstract may name the intervention's kind of treatment rather than the treatment itself:
# 'single incision laparoscopic surgery (SILS)' for 'single incision laparoscopic cholecystectomy' (blind2
# PMC3868679, whose 'SILS cholecystectomy (group 1)' was read as a comparator's definition).
_GENERIC_HEADS = frozenset("surgery surgeries technique techniques procedure procedures approach therapy treatment "
                           "method operation".split())


_CAPITALS = re.compile(r"(?<![\w-])([A-Z]{3,6})s?(?![\w-])")
_LINK_WORDS = frozenset({"of", "and", "the", "with", "for", "to", "in", "on", "a", "an"})


def initials_in_text(text: str, name: str) -> list[str]:
    """Capitals of ``text`` spelling the initials of consecutive words of an arm's name, though ``text`` never defines
    them: 'the HFNC group' for 'high-flow nasal cannula' (hyphenated parts count as words, linking words may be left
    out: 'goal-directed fluid restriction' -> GDFR). Evidence spans and results sentences name arms so when the
    definition is elsewhere in the article."""
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", BRACKETED_COMPARATOR.sub(" ", name))]
    content = [w for w in words if w not in _LINK_WORDS]
    spelled = {"".join(w[0] for w in seq[i:j]).upper() for seq in (words, content)
               for i in range(len(seq)) for j in range(i + 3, min(len(seq), i + 6) + 1)}
    return sorted({m.group(1) for m in _CAPITALS.finditer(text) if m.group(1) in spelled})


_NAMED_ARM = re.compile(r"\b([A-Za-z][\w/-]{1,30}) (?:group|arm)s?\b")  # '(single cartridge: SC)' ... 'the SC group'
# The markers of a comparison between two treatments, as a design sentence writes it ('1.7 ml (single cartridge: SC)
# of 4% articaine versus 3.4 ml (double cartridges: DC)').
_CONTRAST = re.compile(r"\b(?:versus|vs\.?|compared (?:with|to)|in comparison (?:with|to))(?=\s)", re.I)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z(])")


def other_arm_abbreviations(text: str, pattern: re.Pattern[str], own: set[str]) -> set[str]:
    """Abbreviations the abstract defines for another arm than the intervention (``own`` holds the intervention's):
    one it also uses as a group's name ('(single cartridge: SC)' ... 'in the SC group'), or one defined as the other
    term of a comparison with the intervention and used where results name an arm ('1.7 ml (single cartridge: SC) of
    4% articaine versus 3.4 ml (double cartridges: DC)' ... 'higher than did the SC', 'the pain was higher with SC'):
    trials name each compared arm by its abbreviation, so the other term of the design's 'A versus B' is the
    comparator wherever results write it."""
    if "(" not in text:
        return set()
    defined = [(spelled, abbr) for spelled, abbr in defined_abbreviations(text)
               if abbr not in own and not pattern.search(spelled) and not _CONDITION.search(spelled)]
    # (a measure is no arm: ``_MEASURE`` below; nor a condition: 'the FMS group' is the people with it)
    out: set[str] = set()
    if defined and (" group" in text or " arm" in text):
        arm_words = {m.group(1) for m in group_matches(_NAMED_ARM, text)}
        out.update(abbr for _, abbr in defined if abbr in arm_words)
    contrasted = {abbr for spelled, abbr in defined if not _MEASURE.search(spelled)} - out
    if contrasted and _CONTRAST.search(text):
        own_re = re.compile(r"\b(?:" + "|".join(re.escape(a) for a in sorted(own)) + r")\b") if own else None
        for sentence in _SENTENCE.split(text):
            for m in _CONTRAST.finditer(sentence):
                for abbr in contrasted:
                    if _other_term(sentence, m, abbr, pattern, own_re) and _used_as_arm(text, abbr):
                        out.add(abbr)
    return out


def _other_term(sentence: str, marker: re.Match[str], abbr: str, pattern: re.Pattern[str],
                own_re: re.Pattern[str] | None) -> bool:
    """``abbr`` is defined next to ``marker`` (no clause break between) and the intervention is named on the marker's
    other side, both within a few words: the two terms of one comparison."""
    where = re.search(r"[(:]\s?" + re.escape(abbr) + r"\)", sentence)
    if where is None:
        return False
    before, after = sentence[max(0, marker.start() - 60):marker.start()], sentence[marker.end():marker.end() + 60]
    if where.end() <= marker.start():  # 'SC) of 4% articaine versus 3.4 ml (double cartridges: DC)'
        gap, other = sentence[where.end():marker.start()], after
    elif where.start() >= marker.end():
        gap, other = sentence[marker.end():where.start()], before
    else:
        return False
    names = lambda s: bool(pattern.search(s) or (own_re and own_re.search(s)))  # noqa: E731
    return len(gap) <= 40 and not re.search(r"[,;]", gap) and names(other)  # the gap may repeat a shared drug


def _used_as_arm(text: str, abbr: str) -> bool:
    """``abbr`` stands as a term of a comparison elsewhere: after 'than (did) (the)', 'versus', 'or', 'either'."""
    return re.search(r"\b(?:than(?: did| in| with)?|versus|vs\.?|or|either)(?: the| a)? " + re.escape(abbr) + r"\b",
                     text) is not None


# Spelled-out words of a condition: 'Fibromyalgia syndrome (FMS)' ... 'the FMS group' names the patients by what they
# have (batch 6 PMC5047648, a case-control study whose FMS group is the one exercised), not an arm given a treatment.
# (Not '-pathy' or '-osis' words: homeopathy, hypnosis are treatments.)
_CONDITION = re.compile(r"\b(?:syndromes?|diseases?|disorders?|[a-z]+itis|[a-z]+algias?)\s*$", re.I)
# Spelled-out words of a measure, not an arm: 'visual analogue scale (VAS)', 'minimal clinically important difference'.
_MEASURE = re.compile(r"\b(?:scales?|scores?|index|questionnaire|inventory|rating|tests?|assessment|measures?|levels?|"
                      r"rates?|times?|duration|intensity|difference|outcomes?|criteria)\s*$", re.I)
