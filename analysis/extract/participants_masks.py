"""Parts of a sentence that hold numbers but no participant count, blanked before counts are read (same length, so
offsets stay valid): ASA physical-status classes ('ASA I or II') and calendar years ('between January and March
2015, 327 patients'); and number words joined by an en dash, read as by a hyphen ('Eighty\u2013six')."""

from __future__ import annotations

import re

from ketamine_evidence.analysis.extract.text_patterns import count_value

# 'American Society of Anesthesiologists (ASA) physical status I or II' reads as one modifier word.
_ASA = re.compile(r"\b(?:American Society of Anaesthesiologists?|American Society of Anesthesiologists?|ASA)"
                  r"(?:\s*\(ASA\))?(?:\s+physical)?(?:\s+status)?(?:\s+(?:class|grade))?\s*"
                  r"(?:[IV]{1,3}|[1-4])(?:\s*(?:-|\u2013|or|and|to|,)\s*(?:[IV]{1,3}|[1-4]))*\b")


def mask_asa(text: str) -> str:
    """Replace ASA class phrases by 'ASA' padded to the same length (offsets stay valid)."""
    if "ASA" not in text and "Society of An" not in text:
        return text
    return _ASA.sub(lambda m: "ASA" + " " * (len(m.group(0)) - 3), text)


# A calendar year: 'between January and March 2015, 327 patients', 'in 2014', 'from 2010 to 2012'.
_YEAR = re.compile(r"(?P<pre>\b(?:January|February|March|April|May|June|July|August|September|October|November|December|"
                   r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|in|since|between|from|to|and|until|till|of|during)"
                   r"\.?\s)(?P<year>(?:19|20)\d\d)\b(?!\s*(?:patients|participants|subjects|adults|children|people|women|men)\b)", re.I)


_YEAR_HINT = re.compile(r"(?:19|20)\d\d")


def mask_non_counts(text: str) -> str:
    """Blank calendar years after a month or a preposition, the day of a date ('from 21 September 2011') and the number
    of sites ('In two regional hospitals'), offsets kept: none of them is a count of people."""
    if _YEAR_HINT.search(text):
        text = _YEAR.sub(lambda m: m.group("pre") + " " * len(m.group("year")), text)
    if _MONTH_HINT.search(text):
        text = _DAY.sub(lambda m: " " * len(m.group("day")) + m.group("month"), text)
    if _SITE_HINT.search(text):
        text = _SITES.sub(lambda m: m.group("pre") + " " * len(m.group("n")) + m.group("rest"), text)
    if " with " in text:
        text = _OWNED.sub(lambda m: m.group("people") + " " * len(m.group("n")) if count_value(m.group("count")) else
                          m.group(0), text)
    return text


# What counted people have, right after them (rule x): 'Thirty-nine patients (13-17 years) with 48 IT were randomly
# divided' counts ingrown toenails, not people, once the people are counted.
_OWNERS = r"patients|participants|subjects|children|adults|women|men|persons|individuals|volunteers"
_OWNED = re.compile(rf"(?P<people>\b(?P<count>\d[\d,]*|[A-Za-z]+(?:-[a-z]+)?)\s(?:{_OWNERS})\s(?:\([^()]{{1,30}}\)\s)?with\s)"
                    rf"(?P<n>\d[\d,]*)(?![\d,])(?!\s(?:{_OWNERS}|of (?:them|whom|these)|in each|per)\b)")


_MONTHS = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
           r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b")
_MONTH_HINT = re.compile(r"\b" + _MONTHS)
# The day of a date: '21 September 2011', '1st March'.
_DAY = re.compile(rf"(?<![\d.,])(?P<day>\b(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\s)(?P<month>{_MONTHS})")
# A number of sites where people were taken in or treated: 'In two regional hospitals', 'at 12 centres', 'from three
# primary care clinics' (the number before the sites, after a preposition of place).
_SITE_HINT = re.compile(r"hospital|cent(?:re|er)|sites|clinics|practices|institutions|universities", re.I)
_SITES = re.compile(r"(?P<pre>\b(?:in|at|from|across|of)\s)(?P<n>\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                    r"twelve|fifteen|twenty)(?P<rest>\s(?:[\w-]+\s){0,2}(?:hospitals|cent(?:re|er)s|sites|clinics|practices|"
                    r"institutions|universities|departments|wards)\b)", re.I)


# Number words joined by an en dash or a minus ('Eighty\u2013six') are one number, as with a hyphen.
_DASHED_WORDS = re.compile(r"(?<=[a-z])[\u2013\u2212](?=(?:one|two|three|four|five|six|seven|eight|nine)\b)", re.I)
_TENS_END = re.compile(r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)$", re.I)


def plain_number_dashes(text: str) -> str:
    """'Eighty\u2013six' -> 'Eighty-six' (same length, so offsets stay valid); other dashes are left alone."""
    if "\u2013" not in text and "\u2212" not in text:
        return text
    return _DASHED_WORDS.sub(lambda m: "-" if _TENS_END.search(text, 0, m.start()) else m.group(0), text)
