"""Rewrites of how an abstract ties results and comparisons to its arms that must not change the gold answer.

They exercise the two readings batch 7 showed dev text rarely tests: which arm a group label (and the bracket
after it) belongs to, and which arm a two-arm comparison favours. Why each keeps the answer (the guideline
annotates what was given to whom and what it did, not how a sentence is ordered or the label is spelled):

- ``arm_counts``: an arm label whose size the text states in a bracket at one mention ('group K (n = 30)')
  gets the same bracket at its first mention that has none; where the text gives one size for every arm
  ('30 patients in each group', '(n = 30 each)'), each label's first mention gets '(n = 30)'. The bracket repeats
  a count the text already gives that arm ('(group R, n = 36)' gives one too): no arm, dose, result or total
  changes. Not applied to a label that already has a bracket or a list of labels right after it ('group K
  (ketamine)', 'groups K and C'), nor inside a bracket ('(group C)').
- ``comparison_mirror``: 'X was lower in A than in B' -> 'X was higher in B than in A' (and 'than in' with
  'compared with'): the same two arms, each keeping its value, stated from the other side. Applied only where
  both sides are single arm phrases and the comparative has an exact antonym (lower/higher, shorter/longer,
  less/more, smaller/larger, fewer/more, better/worse).
- ``than_compared``: 'lower in A than in B' <-> 'lower in A compared with B': the same comparison, the same
  order of arms; only between two arm phrases.
- ``subject_mirror``: 'Group K had lower pain scores than group C' -> 'Group C had higher pain scores than group
  K': the arm as the subject, the same two values from the other side (the antonyms above, not 'more'/'less', whose
  mirror depends on the noun; not where values follow in the arms' order).
- ``p_after_arm``: 'lower in group K than in group C (P < 0.05)' -> 'lower in group K (P < 0.05) than in group C':
  the same test of the same comparison; trials write the bracket after the first arm too ('lower in Group LN
  (P < 0.05) than Group LC'), and a reader ties it to the comparison either way.
- ``group_form``: letter labels 'group K' <-> 'the K group' ('Group K received' -> 'The K group received',
  '(group K)' -> '(K group)'): the same label of the same arm. Not applied to lists ('groups K and C',
  'group K, C and S') or where both forms stand in the text.
"""

from __future__ import annotations

import re
from typing import Callable

# ------------------------------------------------------------------------------------------------ arm phrases
_LETTER = r"[A-Z][A-Z0-9]{0,2}"
# One arm: 'group K', 'Group LN', 'the K group', 'the ketamine group', 'the placebo arm' (not a plural or a list).
ARM = (rf"(?:[Gg]roup {_LETTER}(?![\w\-])|[Tt]he {_LETTER} group\b|[Tt]he (?!first|second|third|other|remaining|"
       r"latter|former|same|two|three|four|both|each|whole|study|control and)[A-Za-z][a-z\-]+ (?:group|arm)\b)")
# A list after a label: 'group K and C', 'group K, C and S', 'group K/C'.
_LIST_AFTER = re.compile(rf"^(?:\s*(?:,|and|or|&|/)\s*{_LETTER}(?![\w\-]))")

# ------------------------------------------------------------------------------------------------ count brackets
# Words before 'group' that name no arm ('the study group', 'the same group', 'the whole group').
_NOT_ARM = ("age", "study", "same", "other", "whole", "entire", "each", "both", "two", "three", "four", "first", "second",
            "third", "respective", "latter", "former", "total", "overall", "treatment", "intervention", "control",
            "experimental", "active", "comparison", "patient", "risk", "dose", "this", "that", "one", "all")
_LABEL_MENTION = re.compile(rf"(?<![\w\-/])(?:[Gg]roup ({_LETTER})(?![\w\-/])|({_LETTER}) group\b|(?<=[Tt]he )"
                            rf"(?!(?:{'|'.join(_NOT_ARM)})\b)([a-z][a-z\-]{{2,}}) (?:group|arm)\b)")
_COUNT_BRACKET = re.compile(r"^ ?\(\s*n\s*=\s*(\d+)\s*\)")
_LABEL_COUNT = re.compile(rf"\([Gg]roup ({_LETTER}),\s*n\s*=\s*(\d+)\)")
_EACH = re.compile(r"\(\s*n\s*=\s*(\d+)\s+(?:each|per group|in each group)\s*\)|\b(\d+)\s+(?:patients|participants|"
                   r"subjects|women|men|children)?\s*(?:in each|per|each)\s+(?:group|arm)\b|\b(\d+)\s+(?:patients|"
                   r"participants|subjects) each\b", re.I)


def _label(m: re.Match[str]) -> str:
    return m.group(1) or m.group(2) or m.group(3)


def arm_counts(text: str) -> str:
    """Each arm label's first bare mention gets the '(n = N)' the text states for that arm."""
    mentions = list(_LABEL_MENTION.finditer(text))
    labels = list(dict.fromkeys(_label(m) for m in mentions))
    if not labels:
        return text
    counts: dict[str, str] = {}
    for m in mentions:
        c = _COUNT_BRACKET.match(text[m.end():])
        if c and counts.setdefault(_label(m), c.group(1)) != c.group(1):
            return text  # two sizes for one label (randomised and analysed): which one a bracket repeats is unclear
    for c in _LABEL_COUNT.finditer(text):  # '(group R, n = 36)'
        if counts.setdefault(c.group(1), c.group(2)) != c.group(2):
            return text
    each = {next(g for g in e.groups() if g) for e in _EACH.finditer(text)}
    if len(each) == 1 and len(labels) >= 2:
        size = each.pop()
        for x in labels:
            if counts.setdefault(x, size) != size:
                return text
    done: set[str] = set()
    out: list[str] = []
    last = 0
    for m in mentions:
        x = _label(m)
        rest = text[m.end():]
        if x in done or x not in counts:
            continue
        if rest.startswith((" (", "(", "-", ",")) or _LIST_AFTER.match(rest) or text[:m.start()].rstrip().endswith(
                ("groups", "Groups", "(")):  # '(group C)': no bracket inside a bracket
            continue
        done.add(x)
        out.append(text[last:m.end()] + f" (n = {counts[x]})")
        last = m.end()
    return "".join(out) + text[last:] if out else text


# ------------------------------------------------------------------------------------------------ mirrored comparisons
_ANTONYM = {"lower": "higher", "higher": "lower", "shorter": "longer", "longer": "shorter", "less": "more",
            "more": "less", "smaller": "larger", "larger": "smaller", "fewer": "more", "better": "worse",
            "worse": "better"}
_END = r"(?=\s*(?:[.,;:(]|$|\s(?:at|during|after|within|on|over|throughout|for|from|in the|with)\b))"
_NOT_LIST = r"(?!\s*(?:,\s*(?:and\s+)?|and\s+|or\s+)(?:the\s+)?(?:[Gg]roups?\s|{L}\b))".replace("{L}", _LETTER)
_THAN = re.compile(rf"\b(?P<cmp>{'|'.join(_ANTONYM)}) in (?P<a>{ARM}){_NOT_LIST} (?P<how>than(?: in)?|compared (?:with|to)) "
                   rf"(?P<b>{ARM}){_NOT_LIST}{_END}")


def _lower_lead(phrase: str) -> str:
    """'The K group' inside a sentence is 'the K group'; 'Group K' stays (a label's capital is its own)."""
    return "t" + phrase[1:] if phrase.startswith("The ") else phrase


_P_VALUES = re.compile(r"\b[Pp]\s*[<>=\u2264\u2265]\s*0?\.\d+")


def _values_follow(text: str, end: int) -> bool:
    """Whether the rest of the sentence after a comparison gives values in the arms' order ('(63 mL vs. 103 mL)',
    'respectively'): mirroring the arms would leave them in the old order."""
    rest = _P_VALUES.sub("", re.split(r"(?<=\.)\s(?!\d)|\n", text[end:], maxsplit=1)[0])
    return bool(re.search(r"\([^)]*\d|\bvs\b|\bversus\b|respectively|\d+(?:\.\d+)?\s*(?:%|mm|cm|mg|ml|mL|h|min)?\s*"
                          r"(?:and|,)\s*\d", rest))


def comparison_mirror(text: str) -> str:
    """'lower in A than in B' -> 'higher in B than in A' ('compared with' kept as it is); not where values follow
    in the arms' order."""
    def mirror(m: re.Match[str]) -> str:
        word = m.group("cmp")
        if word == "fewer" or _values_follow(text, m.end()):
            return m.group(0)  # 'more' back-mirrors to 'less', which a count noun would not take
        return f"{_ANTONYM[word]} in {_lower_lead(m.group('b'))} {m.group('how')} {_lower_lead(m.group('a'))}"
    return _THAN.sub(mirror, text)


# 'Group K had (significantly) lower pain scores than group C': the arm as the subject, up to five words compared.
_SUBJECT_FIRST = re.compile(
    rf"(?:^|(?<=[.:;] )|(?<=\n)|(?<=, ))(?P<a>{ARM}){_NOT_LIST} (?P<verb>had|showed|reported|required|experienced|"
    rf"consumed) (?P<adv>(?:an? )?(?:significantly |statistically significantly |markedly )?)(?P<cmp>lower|higher|shorter|longer|"
    rf"smaller|larger|better|worse) (?P<what>[a-z][\w\-]*(?: [a-z][\w\-]*){{0,6}}?) (?P<how>than(?: in)?|compared "
    rf"(?:with|to)) (?P<b>{ARM}){_NOT_LIST}{_END}")


def subject_mirror(text: str) -> str:
    """'Group K had lower pain scores than group C' -> 'Group C had higher pain scores than group K'; not where
    values follow in the arms' order, nor 'more'/'less'/'fewer' (whose mirror depends on the noun)."""
    def mirror(m: re.Match[str]) -> str:
        if _values_follow(text, m.end()) or re.search(r"\b(?:than|in|compared|group|arm)\b", m.group("what")):
            return m.group(0)
        first = m.group("b")
        first = first[0].upper() + first[1:] if m.group("a")[0].isupper() else first
        return (f"{first} {m.group('verb')} {m.group('adv')}{_ANTONYM[m.group('cmp')]} {m.group('what')} "
                f"{m.group('how')} {_lower_lead(m.group('a'))}")
    return _SUBJECT_FIRST.sub(mirror, text)


# A P value bracket right after the second arm of a comparison: 'lower in group K than in group C (P < 0.05)'.
_P_AFTER_SECOND = re.compile(rf"(?P<head>\b(?:{'|'.join(_ANTONYM)}) in )(?P<a>{ARM}){_NOT_LIST}(?P<mid> (?:than(?: in)?|"
                             rf"compared (?:with|to)) (?P<b>{ARM}){_NOT_LIST}) (?P<p>\([Pp]\s*[<>=\u2264\u2265]\s*0?\.\d+\))")


def p_after_arm(text: str) -> str:
    """'lower in group K than in group C (P < 0.05)' -> 'lower in group K (P < 0.05) than in group C': the same
    test of the same comparison, the bracket now right after the first arm (as 'lower in Group LN (P < 0.05) than
    Group LC' is written)."""
    return _P_AFTER_SECOND.sub(lambda m: f"{m.group('head')}{m.group('a')} {m.group('p')}{m.group('mid')}", text)


def than_compared(text: str) -> str:
    """'lower in A than in B' <-> 'lower in A compared with B' (where the text has no 'compared' form, the other
    way round)."""
    def swap(m: re.Match[str]) -> str:
        how = "compared with" if m.group("how").startswith("than") else "than in"
        return f"{m.group('cmp')} in {m.group('a')} {how} {_lower_lead(m.group('b'))}"
    return _THAN.sub(swap, text)


# ------------------------------------------------------------------------------------------------ label form
_GROUP_X = re.compile(rf"(?<![\w\-])(?:(?P<the>[Tt]he) )?(?P<g>[Gg])roup (?P<x>{_LETTER})(?![\w\-])")
_X_GROUP = re.compile(rf"(?<![\w\-])(?P<the>[Tt]he) (?P<x>{_LETTER}) group\b")


def _sentence_start(text: str, at: int) -> bool:
    before = text[:at].rstrip(" ")
    return not before or before.endswith((".", ":", "\n", "?", "!"))


def group_form(text: str) -> str:
    """Letter labels 'group K' -> 'the K group' (or, where the text writes only 'the K group', the other way)."""
    if _GROUP_X.search(text) and _X_GROUP.search(text):
        return text
    if _GROUP_X.search(text):
        def to_x_group(m: re.Match[str]) -> str:
            rest = text[m.end():]
            if _LIST_AFTER.match(rest) or re.match(r"\s*[=<>\u2264\u2265]", rest):
                return m.group(0)  # a list of labels, or 'group P = 0.03' read as a P value
            if not m.group("the") and text[:m.start()].endswith(("(", "[")):
                return f"{m.group('x')} group"  # 'ketamine (group K)' -> 'ketamine (K group)'
            the = m.group("the") or ("The" if _sentence_start(text, m.start()) else "the")
            return f"{the} {m.group('x')} group"
        return _GROUP_X.sub(to_x_group, text)

    def to_group_x(m: re.Match[str]) -> str:
        if _LIST_AFTER.match(text[m.end():]):
            return m.group(0)
        return f"{'Group' if m.group('the') == 'The' else 'group'} {m.group('x')}"
    return _X_GROUP.sub(to_group_x, text)


CONTRAST_REWRITES: dict[str, Callable[[str], str]] = {
    "arm_counts": arm_counts, "comparison_mirror": comparison_mirror, "than_compared": than_compared,
    "group_form": group_form, "subject_mirror": subject_mirror, "p_after_arm": p_after_arm,
}
