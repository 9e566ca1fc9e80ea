"""Rewrites of an abstract that must not change its gold ``n_participants`` or ``design`` (metamorphic invariance),
kept apart from ``invariance_text`` so that module stays small. Why each keeps the gold answer:

- ``n_notation``: 'n = 40' -> 'N=40', 'N=40' -> 'n = 40', 'n=40' -> 'N = 40': the same count in another spacing/case.
- ``sentence_numbers``: a count opening a sentence in words <-> in digits ('Forty-two patients' <-> '42 patients').
- ``count_bracket``: a count opening a sentence moved into brackets ('120 patients with ... were' -> 'Patients
  (n = 120) with ... were').
- ``random_wording``: 'were randomized to' -> 'were randomly assigned to' -> 'were assigned at random to' ->
  'were randomized to'; 'were randomized.' -> 'underwent randomization.': the same random allocation.
- ``enrolment_wording``: 'were enrolled' -> 'were recruited' -> 'were included' -> 'were enrolled'; 'participated' <->
  'took part': the same people entering the study.
- ``rct_abbreviation``: 'a randomized controlled trial' -> 'an RCT' where the text does not spell the abbreviation out.
- ``blinding``: 'double-blind' -> 'double blind' -> 'double-blinded' -> 'double-blind' (also single, triple).
- ``hyphenation``: 'placebo-controlled', 'open-label', 'single-arm', 'dose-finding' with and without the hyphen;
  'crossover' <-> 'cross-over'; 'non-randomized' -> 'nonrandomized' -> 'non randomized'.
- ``thousands``: '1,764 patients' <-> '1764 patients' (the same count, with or without the separator).
- ``count_voice``: a count opening a sentence as the subject of a passive enrolment verb, told in the active voice
  ('Sixty patients scheduled for surgery were randomized into' -> 'We randomized sixty patients scheduled for surgery
  into'; 'A total of 86 women were enrolled' -> 'We enrolled a total of 86 women'): the same people, entered alike.
- ``count_digits``: a count opening a sentence written both in words and in bracketed digits, as many journals do
  ('Forty-two patients' -> 'Forty-two (42) patients', '120 patients' -> 'One hundred and twenty (120) patients'), with
  an en dash joining tens and units ('Eighty\u2013six (86)'), a typesetting variant of the hyphen.
- ``period_wording``: a study period 'from April 2006 to February 2015' <-> 'between April 2006 and February 2015'
  (the same dates; when the cases were gathered says nothing new about the design or the count).
"""

from __future__ import annotations

import re
from typing import Callable

_WORDS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
          "sixteen seventeen eighteen nineteen twenty").split()

_N_EQUALS = re.compile(r"(?<![\w=<>])([nN])( ?)=( ?)(?=\d)")


def n_notation(text: str) -> str:
    """'n = 40' -> 'N=40'; 'N=40' or 'N = 40' -> 'n = 40'; 'n=40' -> 'N = 40' (a count, whatever its spacing)."""
    def swap(m: re.Match[str]) -> str:
        if m.group(1) == "N":
            return "n = "
        return "N=" if m.group(2) or m.group(3) else "N = "
    return _N_EQUALS.sub(swap, text)


_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()


def spell_number(n: int) -> str:
    """1..999 in words, as abstracts write them: 'forty-two', 'one hundred and twenty'."""
    if n < 20:
        return _WORDS[n]
    if n < 100:
        return _TENS[n // 10 - 2] + ("-" + _WORDS[n % 10] if n % 10 else "")
    rest = n % 100
    return f"{_WORDS[n // 100]} hundred" + (f" and {spell_number(rest)}" if rest else "")


_SMALL = {w: i for i, w in enumerate(_WORDS)} | {w: 20 + 10 * i for i, w in enumerate(_TENS)}


def words_value(words: str) -> int | None:
    """'Forty-two' -> 42, 'One hundred and twenty' -> 120; None for anything else."""
    total, current = 0, 0
    for w in re.split(r"[\s\-]+", words.lower()):
        if w == "and":
            continue
        if w == "hundred" and 0 < current < 10:
            current *= 100
        elif w in _SMALL and (current % 100 == 0 or (current % 10 == 0 and _SMALL[w] < 10)):
            current += _SMALL[w]
        else:
            return None
    total += current
    return total or None


# A sentence start: the start of a part, or after a full stop that ends a word (not 'vs.', 'e.g.', 'Fig.').
_START = r"(?:^|(?<=\n)|(?<=[a-z0-9)\]%][.!?] )(?<!\b(?:vs|no|eg|ie|al|ca)\. )(?<!\bFig\. )(?<!\bapprox\. ))"
_START_DIGITS = re.compile(rf"{_START}([1-9]\d{{0,2}})(?= [a-z])", re.M)
_NUMBER_RUN = (r"(?:One(?= hundred)|" + "|".join(w.capitalize() for w in _WORDS[2:] + _TENS) + r")(?:[\s\-]+(?:"
               + "|".join(_WORDS[1:] + _TENS) + r"|hundred|and)\b)*")
_START_WORDS = re.compile(rf"{_START}({_NUMBER_RUN})(?= [a-z])", re.M)


def sentence_numbers(text: str) -> str:
    """Counts opening a sentence: words -> digits ('Forty-two patients' -> '42 patients'); where there are none,
    digits 2-999 -> words ('120 patients' -> 'One hundred and twenty patients')."""
    def digits(m: re.Match[str]) -> str:
        words = re.sub(r"[\s\-]+and$", "", m.group(1))  # 'Twenty and thirty' is no number: left alone
        value = words_value(words)
        return m.group(0) if value is None or words != m.group(1) else str(value)

    if _START_WORDS.search(text):
        return _START_WORDS.sub(digits, text)
    return _START_DIGITS.sub(lambda m: spell_number(int(m.group(1))).capitalize() if int(m.group(1)) >= 2
                             else m.group(0), text)


_RANDOM_VERB = re.compile(r"\b(?:(randomi[sz]ed)(?=(?: \(\d:\d\))? (?:to|into|in|between|among)\b)|"
                          r"randomly (assigned|allocated)\b|(assigned|allocated) at random\b|(were|was) (randomi[sz])ed(?=[.,;]))")


def random_wording(text: str) -> str:
    """Random allocation in another wording: 'randomized to' -> 'randomly assigned to' -> 'assigned at random to'
    -> 'randomized to' (British spelling kept where the text uses it)."""
    british = "randomis" in text.lower()

    def swap(m: re.Match[str]) -> str:
        if m.group(1):
            return "randomly assigned"
        if m.group(2):
            return f"{m.group(2)} at random"
        if m.group(4):  # 'Eighty patients were randomized.' -> 'Eighty patients underwent randomization.'
            return f"underwent {m.group(5)}ation"
        return "randomised" if british else "randomized"
    return _RANDOM_VERB.sub(swap, text)


_PEOPLE_NOUNS = "patients|participants|subjects|volunteers|women|men|children|adults|individuals|parturients|mothers"
_COUNT_FIRST = re.compile(rf"{_START}(?:A total of )?(\d{{1,5}}) ((?:[a-z-]+ )?)({_PEOPLE_NOUNS}) (?=were\b|was\b|with\b|"
                          r"undergoing\b|scheduled\b|aged\b|who\b)", re.M)


def count_bracket(text: str) -> str:
    """A count opening a sentence moved into brackets after its noun: '120 patients with minor head trauma were' ->
    'Patients (n = 120) with minor head trauma were' (the same number of the same people)."""
    return _COUNT_FIRST.sub(lambda m: f"{(m.group(2) + m.group(3)).capitalize()} (n = {m.group(1)}) ", text)


_ENROL = {"were enrolled": "were recruited", "were recruited": "were included", "were included": "were enrolled",
          "was enrolled": "was recruited", "was recruited": "was included", "was included": "was enrolled",
          "participated": "took part", "took part": "participated"}
_ENROL_VERB = re.compile(r"\b(" + "|".join(_ENROL) + r")\b(?! (?:in the analysis|as))")


def enrolment_wording(text: str) -> str:
    """People entering the study in other words: 'were enrolled' -> 'were recruited' -> 'were included' -> 'were
    enrolled', 'participated' <-> 'took part' (the guideline's 'enrolled' rank either way)."""
    return _ENROL_VERB.sub(lambda m: _ENROL[m.group(1)], text)


_RCT = re.compile(r"\b(?:(a|A) )?[Rr]andomi[sz]ed,? (?:controlled|clinical) trial(s?)\b(?! \((?:RCT|rct))")


def rct_abbreviation(text: str) -> str:
    """'a randomized controlled trial' -> 'an RCT', 'randomised clinical trials' -> 'RCTs' (the abbreviation names
    the same design); left as it is where the text spells the abbreviation out ('... trial (RCT)')."""
    if re.search(r"\(RCTs?\)", text):
        return text
    return _RCT.sub(lambda m: (f"{m.group(1)}n " if m.group(1) else "") + "RCT" + m.group(2), text)


_WITH_COMMA = re.compile(r"(?<![\d,.])(\d{1,3}),(\d{3})(?![\d,]|\.\d)")
_NO_COMMA = re.compile(rf"(?<![\d,.])(?!(?:19|20)\d\d\b)([1-9]\d{{3,5}})(?=\s+(?:[a-z-]+\s+){{0,2}}(?:{_PEOPLE_NOUNS})\b)")


def thousands(text: str) -> str:
    """'1,764 patients' -> '1764 patients'; where no number has a comma, '1764 patients' -> '1,764 patients'."""
    if _WITH_COMMA.search(text):
        return _WITH_COMMA.sub(r"\1\2", text)
    return _NO_COMMA.sub(lambda m: f"{int(m.group(1)):,}", text)


_BLIND = re.compile(r"\b(double|single|triple)([\- ])(blind)(ed)?\b", re.I)


def blinding(text: str) -> str:
    """'double-blind' -> 'double blind' -> 'double-blinded' -> 'double-blind' (single, triple alike; case kept)."""
    def swap(m: re.Match[str]) -> str:
        head, sep, blind, ed = m.groups()
        if ed:
            return f"{head}-{blind}"
        if sep == "-":
            return f"{head} {blind}"
        return f"{head}-{blind}" + ("ED" if blind.isupper() else "ed")
    return _BLIND.sub(swap, text)


_HYPHENED = re.compile(r"\b(placebo|open|single|dose)([\- ])(controlled|label(?:led|ed)?|arm|finding|escalation|ranging)"
                       r"\b|\b(cross)(-?)(over)\b|\b(non)([\- ]?)(randomi[sz]ed)\b", re.I)
_NON = {"-": "", "": " ", " ": "-"}  # 'non-randomized' -> 'nonrandomized' -> 'non randomized' -> 'non-randomized'
_PAIRS = {"placebo": "controlled", "open": "label", "single": "arm", "dose": "finding escalation ranging", "cross": "over"}


def hyphenation(text: str) -> str:
    """'placebo-controlled' <-> 'placebo controlled', 'open-label' <-> 'open label', 'single-arm' <-> 'single arm',
    'dose-finding' <-> 'dose finding', 'cross-over' <-> 'crossover', 'non-randomized' -> 'nonrandomized' -> 'non
    randomized'."""
    def swap(m: re.Match[str]) -> str:
        if m.group(7):
            return f"{m.group(7)}{_NON[m.group(8)]}{m.group(9)}"
        if m.group(4):
            return f"{m.group(4)}{'' if m.group(5) else '-'}{m.group(6)}"
        head, sep, tail = m.group(1), m.group(2), m.group(3)
        if not any(tail.lower().startswith(t) for t in _PAIRS[head.lower()].split()):
            return m.group(0)
        return f"{head}{' ' if sep == '-' else '-'}{tail}"
    return _HYPHENED.sub(swap, text)


_VOICE_NOUNS = _PEOPLE_NOUNS + "|cases|outpatients|inpatients|healthy volunteers"
_PASSIVE_COUNT = re.compile(rf"{_START}(A total of )?((?:[1-9]\d{{0,4}}|{_NUMBER_RUN})) ((?:[\w-]+ ){{0,2}}?)"
                            rf"({_VOICE_NOUNS})((?: (?!who\b|which\b|that\b|were\b|was\b|and\b)[\w(),/=-]+){{0,8}}?)"
                            r" were (randomly (?:assigned|allocated)|randomi[sz]ed|enrolled|recruited|included|studied)\b"
                            r"(?! (?:in|into) (?:the|this|our) (?:analysis|final))", re.M)


def count_voice(text: str) -> str:
    """'N patients ... were randomized/enrolled/included' opening a sentence -> 'We randomized/enrolled/included N
    patients ...' (the same count, the same verb, the active voice)."""
    def active(m: re.Match[str]) -> str:
        number = m.group(2) if m.group(2)[0].isdigit() else m.group(2).lower()
        total = "a total of " if m.group(1) else ""
        return f"We {m.group(6)} {total}{number} {m.group(3)}{m.group(4)}{m.group(5)}"
    return _PASSIVE_COUNT.sub(active, text)


_START_COUNT = re.compile(rf"{_START}((?:[1-9]\d{{0,2}})|{_NUMBER_RUN}) (?=(?:[\w-]+ ){{0,2}}?(?:{_VOICE_NOUNS})\b)", re.M)


def count_digits(text: str) -> str:
    """A people count opening a sentence in words and bracketed digits: 'Forty-two patients' -> 'Forty\u2013two (42)
    patients', '120 patients' -> 'One hundred and twenty (120) patients' (counts under 2 and unreadable words kept)."""
    def both(m: re.Match[str]) -> str:
        value = int(m.group(1)) if m.group(1)[0].isdigit() else words_value(m.group(1))
        if value is None or value < 2 or value > 999:
            return m.group(0)
        words = spell_number(value).capitalize().replace("-", "\u2013")
        return f"{words} ({value}) "
    return _START_COUNT.sub(both, text)


_MONTH = r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|December) )?"
_PERIOD = re.compile(rf"\b(from|between|From|Between) ({_MONTH}(?:19|20)\d\d) (to|and) ({_MONTH}(?:19|20)\d\d)\b")


def period_wording(text: str) -> str:
    """'from April 2006 to February 2015' <-> 'between April 2006 and February 2015' (the same study period)."""
    def swap(m: re.Match[str]) -> str:
        head = m.group(1)
        if head.lower() == "from" and m.group(3) == "to":
            return f"{'Between' if head[0].isupper() else 'between'} {m.group(2)} and {m.group(4)}"
        if head.lower() == "between" and m.group(3) == "and":
            return f"{'From' if head[0].isupper() else 'from'} {m.group(2)} to {m.group(4)}"
        return m.group(0)
    return _PERIOD.sub(swap, text)


TRIAL_REWRITES: dict[str, Callable[[str], str]] = {
    "n_notation": n_notation, "sentence_numbers": sentence_numbers, "count_bracket": count_bracket,
    "random_wording": random_wording, "enrolment_wording": enrolment_wording, "rct_abbreviation": rct_abbreviation,
    "blinding": blinding, "hyphenation": hyphenation, "thousands": thousands, "count_voice": count_voice,
    "count_digits": count_digits, "period_wording": period_wording,
}
