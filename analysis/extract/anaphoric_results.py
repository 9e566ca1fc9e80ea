"""A result sentence whose subject refers back to the comparison the sentence before stated.

'The level of pain felt by the experimental group was meaningfully lower than that felt by the control group
(p=0.03). However, this was not significantly different between the two groups at 3-4 cm cervical dilation and the
second stage of childbirth.' The second sentence names no outcome: its subject ('this', 'the difference', 'no such
effect') is the previous sentence's comparison, and it states that comparison's absence at another time point or in
another part of the participants. Read alone it has no pain outcome, so it yielded no verdict and a benefit at one
time point and none at another (the guideline's ``mixed``) was read ``improved``.

``anaphoric_none`` tells such a sentence: an anaphoric subject, a denial of a difference, and nothing after it that
names an outcome of its own (time points, stages and groups of participants are scope, not outcomes). With a scope of
its own it adds that absence to the previous result (a benefit there and none here: ``mixed``); without one it is the
previous comparison's own significance ('35 of 203 ... compared with 24 of 209. This difference was not statistically
significant.'), which takes back a difference stated without significance.
"""

from __future__ import annotations

import re

from ketamine_evidence.analysis.extract.comparisons import _PARENS, direction_at

_CHANGE_NOUNS = r"(?:difference|effect|benefit|advantage|reduction|decrease|improvement|trend|finding)s?"
# The sentence's subject refers back: 'However, this was not ...', 'The difference was not ...', 'These effects did
# not ...', 'No such effect was demonstrated ...' ('no such' denies by itself).
ANAPHORIC_SUBJECT = re.compile(
    r"^\W*(?:(?:however|but|nevertheless|nonetheless|yet|in contrast|by contrast|conversely),?\s+)?"
    r"(?:(?P<such>no such\s" + _CHANGE_NOUNS + r")|(?:this|these|that|those)(?:\s" + _CHANGE_NOUNS + r")?|"
    r"the\s(?:observed\s)?" + _CHANGE_NOUNS + r")\s(?=(?:\w+\s)?(?:was|were|is|are|did|does|do|could|remained|became|"
    r"reached|failed|disappeared)\b)", re.I)
# Scope that names no outcome: time points and stages ('at 3-4 cm cervical dilation', 'after 6 months'), the arms
# or groups of participants ('between the two groups', 'in male patients').
_SCOPE = re.compile(
    r"\b(?:at|after|during|before|until|within|throughout|over|beyond|by|from)\s[^,;]*|"
    r"\b(?:in|among|for|between|across|of)\s(?:the\s|all\s|both\s|each\s)?(?:[\w-]+\s){0,3}?(?:groups?|arms?|patients|"
    r"participants|subjects|women|men|children|adults|volunteers|cohorts?|subgroups?)\b", re.I)
# What is left once the scope is gone may be only statistics, the verb of the denial and reporting words.
_EMPTY = frozenset("""however but nevertheless nonetheless yet in contrast by conversely this these that those the no such
observed difference differences effect effects benefit benefits advantage advantages reduction reductions decrease
decreases improvement improvements trend trends finding findings was were is are did does do could remained became
reached reach failed fail to disappeared not statistically statistical significant significantly significance
different differ differed demonstrated shown found seen noted observed detected evident apparent present maintained
sustained any longer and or p ns""".split())
_WORD = re.compile(r"[A-Za-z][A-Za-z-]*")
# Scope that only names the compared arms: 'between the two groups', 'in both groups', 'among the three arms'.
_ARMS_ONLY = re.compile(r"(?:between|among|across|in|of|for)\s(?:the\s|all\s|both\s|each\s)?(?:two\s|three\s|four\s|2\s|3\s|"
                        r"4\s|study\s|treatment\s)?(?:groups?|arms?)$", re.I)


def anaphoric_none(text: str) -> str | None:
    """Whether ``text`` denies a difference about the comparison the sentence before stated, naming no outcome of its
    own (see the module's docstring): 'scoped' where it names a time point or participants of its own ('However, this
    was not significantly different between the two groups at 3-4 cm cervical dilation ...', 'No such effect was
    demonstrated in male patients'), 'same' where it only qualifies that comparison ('This difference was not
    statistically significant (RR 1.50, ...)'), else None."""
    m = ANAPHORIC_SUBJECT.match(text)
    if m is None or not (m.group("such") or direction_at(text)[0] == "none"):
        return None
    plain = _PARENS.sub(" ", text)
    if not all(w.lower() in _EMPTY for w in _WORD.findall(_SCOPE.sub(" ", plain))):
        return None
    scopes = [s.group(0) for s in _SCOPE.finditer(plain)]
    return "scoped" if any(not _ARMS_ONLY.match(s) for s in scopes) else "same"
