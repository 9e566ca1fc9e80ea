"""Group labels whose treatment the abstract states in a form the label reader of ``arms.arms_for`` does not read.

``arms_for`` reads a label's definition from the words right after it ('Group K (ketamine 0.5 mg/kg)', 'Group C
received saline') or right before a bracketed label ('midazolam (Group M)'). Trials also state it so:

- the label in a bracket with its count or dose, the treatment before the bracket: 'either injection ropivacaine
  0.2% (Group A, n = 32)', 'ondansetron (4 mg; group A, n = 55)';
- 'in group X,' and the dose given there: 'in group I, 20 ml of saline were applied intra-articularly';
- two or more labels given two or more treatments in order: 'Group A and Group B were treated with 60 ml of
  decoction 1 and 60 ml of placebo respectively';
- the label as the subject of a clause that gives it nothing: 'Group B was treated as control', 'The subjects of
  group 2 did not receive any kind of drug administration'.

``respective_labels(text, pattern, placebo)`` reads the list form for every label (it overrides the words after a
label, which run on into the other arms' treatments); ``stated_labels(text, pattern, placebo, labels)`` the other
forms for ``labels`` (those ``arms_for`` left untied). Each gives label -> (its definition names ``pattern``, it is
placebo-like). ``stated_ties`` combines the two for ``arms_for``; ``other_of_two`` ties the untied one of two short
labels ('group M' beside the intervention's 'group D') to the comparator.
"""

from __future__ import annotations

import re

from ketamine_evidence.analysis.extract.arm_definitions import DEFINITION_BEFORE as _DEFINITION_BEFORE  # one reading
_UNIT = r"(?:mg|ml|mL|µg|μg|mcg|ug|g|IU|units?|%)"
# The rest of a bracket that holds the label and a count, a dose or nothing else: '(Group A, n = 32)', '(group A)'.
_COUNT_REST = re.compile(r"\s*(?:[,;]\s*n\s?=\s?\d+\s*)?\)")
# What a bracket may hold before the label: a dose and its separator ('(4 mg; group A, n = 55)').
_DOSE_HEAD = re.compile(r"\s*(?:[\d.,]+\s?" + _UNIT + r"(?:/\w+)?\s*)+[;,:]\s*$")
# 'in group I, 20 ml of saline were applied ...': a dose right after the comma (or a drug word and its dose).
_IN_GROUP = re.compile(r"\b(?:in|for)\s(?:the\s)?$", re.I)
# A share alone ('In Group II, 3.3% were positive') is a result, not a dose; a clause naming another group ('in group 1,
# 50 µg fentanyl in group 2') gives its dose to that group.
_DOSE_CLAUSE = re.compile(r",\s(?:\d[\d.,]*\s?(?!%)" + _UNIT + r"(?![A-Za-z])|[A-Za-z][\w-]*\s\d[\d.,]*\s?" + _UNIT
                          + r"(?![A-Za-z]))(?:[^;.]|\.(?=\d))*")
# The label as the subject of a clause that gives its arm nothing.
_GIVEN_NOTHING = re.compile(r"\s(?:(?:was|were)\s(?:treated|used|kept|assigned|left)\sas\s(?:the\s|a\s)?controls?\b|"
                            r"served\sas\s(?:the\s|a\s)?controls?\b|(?:did|does)\snot\sreceive\b|received\sno\b|"
                            r"(?:was|were)\snot\s(?:treated|given)\b)", re.I)
_RESPECTIVELY = re.compile(r"(?P<labels>(?:[Gg]roups?\s[A-Za-z0-9]{1,4}(?:\s?,\s?|\s(?:and|or)\s|,\sand\s)){1,5}"
                           r"(?:[Gg]roups?\s)?[A-Za-z0-9]{1,4})\s(?:were\s(?:\w+\s)?(?:treated|given|administered|assigned)"
                           r"\s(?:with|to)|received|got)\s(?P<treatments>(?:[^.;]|\.(?=\d)){3,300}?),?\s\(?respectively\b")
_LABEL_IN_LIST = re.compile(r"(?:[Gg]roups?\s)?\b([A-Za-z0-9]{1,4})\b")
_ITEM_SPLIT = re.compile(r",\s(?:and\s)?|\s(?:and|or|vs\.?|versus)\s")


def respective_labels(text: str, pattern: re.Pattern[str], placebo: re.Pattern[str]) -> dict[str, tuple[bool, bool]]:
    """label -> (is the intervention's arm, is placebo-like) for labels given treatments in order ('Group A and
    Group B were treated with 60 ml of decoction 1 and 60 ml of placebo respectively'). These override the words
    after a label, which for all but the last label of the list run on into every arm's treatment."""
    out: dict[str, tuple[bool, bool]] = {}
    if "respectively" not in text:
        return out
    for m in _RESPECTIVELY.finditer(text):
        names = [lab for lab in _LABEL_IN_LIST.findall(m.group("labels")) if lab.lower() not in ("and", "or", "group")]
        items = [i for i in _ITEM_SPLIT.split(m.group("treatments")) if i.strip()]
        if len(names) >= 2 and len(names) == len(items):
            for label, item in zip(names, items):
                out.setdefault(label, (bool(pattern.search(item)), bool(placebo.search(item) and not pattern.search(item))))
    return out


def stated_labels(text: str, pattern: re.Pattern[str], placebo: re.Pattern[str],
                  labels: set[str]) -> dict[str, tuple[bool, bool]]:
    """label -> (is the intervention's arm, is placebo-like) for each of ``labels`` that a bracket with its count
    or dose, an 'in group X, <dose>' clause or a clause giving it nothing defines."""
    out: dict[str, tuple[bool, bool]] = {}
    if not labels:
        return out
    alt = "|".join(re.escape(lab) for lab in sorted(labels, key=len, reverse=True))
    for m in re.finditer(rf"\b[Gg]roups?\s\((?P<label>{alt})\)\s(?:received|was\sgiven|were\sgiven)\s(?P<what>[^.;]+)", text):
        out.setdefault(m.group("label"), (bool(pattern.search(m.group("what"))), bool(
            placebo.search(m.group("what")) and not pattern.search(m.group("what")))))  # 'subjects in group (D) received'
    for m in re.finditer(rf"\b[Gg]roups?\s(?P<a>{alt})\b|\b(?P<b>{alt})\s[Gg]roups?\b", text):
        label = m.group("a") or m.group("b")
        if label in out:
            continue
        definition = _bracketed(text, m.start(), m.end()) or _in_group(text, m.start(), m.end())
        if definition is not None:
            out[label] = (bool(pattern.search(definition)), bool(placebo.search(definition) and not pattern.search(definition)))
        elif _GIVEN_NOTHING.match(text, m.end()):
            out[label] = (False, True)
    return out


def _bracketed(text: str, start: int, end: int) -> str | None:
    """The definition of a label in a bracket with only its count or a dose: the words before the bracket."""
    rest = _COUNT_REST.match(text, end)
    if not rest:
        return None
    open_at = text.rfind("(", max(0, start - 30), start)
    if open_at < 0 or ")" in text[open_at:start]:
        return None
    head = text[open_at + 1:start]
    if head.strip() and not _DOSE_HEAD.match(head):
        return None
    if not head.strip() and not rest.group(0).strip(" )"):
        return None  # '(Group M)' alone: read by ``arms_for`` itself
    before = _DEFINITION_BEFORE.split(text[max(0, open_at - 90):open_at])[-1]
    return before + " " + head if before.strip() else None


def _in_group(text: str, start: int, end: int) -> str | None:
    """'in group I, 20 ml of saline were applied': the dose clause after the label's comma."""
    if not _IN_GROUP.search(text[max(0, start - 9):start]):
        return None
    m = _DOSE_CLAUSE.match(text, end)
    clause = re.split(r",?\s(?:whereas|while|but)\s", m.group(0), maxsplit=1)[0] if m else ""
    return clause if clause and not re.search(r"\b[Gg]roups?\b", clause) else None


def stated_ties(text: str, pattern: re.Pattern[str], placebo: re.Pattern[str], found: set[str],
                tied: set[str]) -> dict[str, tuple[bool, bool]]:
    """The ties ``arms_for`` takes from the stated forms: the list form for every label, the others for the labels of
    ``found`` not in ``tied``."""
    respective = respective_labels(text, pattern, placebo)
    return {**stated_labels(text, pattern, placebo, found - tied - set(respective)), **respective}


_SHORT_LABEL = re.compile(r"[A-Z]{1,2}|I{1,3}V?|IV|V|\d")  # letters, roman numerals, single digits: one label form


def other_of_two(found: set[str], intervention: set[str], comparator: set[str]) -> set[str]:
    """Of exactly two short labels, one the intervention's and the other untied, the other (a comparator): 'group M'
    beside 'group D' in a dexmedetomidine trial that never spells out M."""
    short = {label for label in found if _SHORT_LABEL.fullmatch(label)}
    rest = short - intervention - comparator
    return rest if len(short) == 2 and len(rest) == 1 and short & intervention else set()
