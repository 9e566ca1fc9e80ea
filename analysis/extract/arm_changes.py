"""A change from baseline stated for every arm alike: 'Pain intensity was significantly reduced in the pregabalin group
and in the gabapentin group', 'Both pregabalin and gabapentin significantly reduced pain scores compared with baseline'.

Such a sentence says each arm improved over time, not that one arm did better than the other (guideline: judged
against the comparator; both arms improving from baseline with no difference between them is no_difference). A
change word ('reduced', 'improvement') that names both arms with no comparison between them (no 'than', 'compared
with' another arm, no comparative 'lower' / 'more') is read as every arm's change; ``decide`` then takes an article
whose only pain results are such changes as no_difference.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ketamine_evidence.analysis.extract.comparisons import COMPARE, _is_between

if TYPE_CHECKING:
    from ketamine_evidence.analysis.extract.arms import Arms


# A change over time (a verb or its noun), as against a comparative between arms ('lower', 'more', 'better').
CHANGE = re.compile(r"\b(reduc(ed|tions?)|decreas(ed|es?)|declin(ed|es?)|improv(ed|ements?)|diminish(ed|es)|fell|"
                    r"dropped|alleviated|relieved|increas(ed|es?))\b", re.I)
COMPARATIVE = re.compile(r"\b(\w+er|more|less|fewer|superior\w*|inferior\w*|favou?r\w*|differ\w*|against|advantage\w*|outperform\w*|"
                         r"most|least|\w+est)\b", re.I)
# Words that end in -er without being comparatives.
_NOT_COMPARATIVE = frozenset("""after under over other either neither whether together number later per never however
further rather ever therefore whereas thereafter hereafter matter paper water order center centre register filter
proper monster cancer disorder ulcer fever layer manner chapter meter diameter parameter member quarter letter laser power ginger heater inhaler catheter stapler buffer blocker holder
splinter""".split())
# Words that undo or qualify the change of one arm ('but not in group S', 'only in group K', 'without').
_ONE_ARM = re.compile(r"\b(not|no|only|neither|nor|without|whereas|while|but|unchanged|remained)\b", re.I)
_NO_DIFFERENCE = re.compile(r"\b(with )?no (statistically )?(significant )?differences? (\w+ ){0,3}?between (them|the "
                            r"(two |2 )?groups|groups)\b", re.I)


def _comparative(text: str) -> bool:
    return any(m.group(0).lower() not in _NOT_COMPARATIVE for m in COMPARATIVE.finditer(text))


def _coordinated(text: str, arms: "Arms") -> bool:
    """``text`` names the two arms as one place or subject of a change: 'in the pregabalin group and in the gabapentin
    group', 'both pregabalin and gabapentin', 'in both the diclofenac and paracetamol groups' (one conjunct the
    intervention's, the other the comparator's). A combination's drugs ('Co administration of epidural neostigmine and
    lignocaine') are no such pair: they follow no 'both' and no preposition of place."""
    bare = _BRACKETS.sub(" ", text)
    for m in _COORDINATION.finditer(bare):
        a, b = m.group("a"), m.group("b")
        if arms.side(a) in ("intervention", "comparator") and {arms.side(a), arms.side(b)} == {"intervention", "comparator"}:
            return True
    return False


def every_arm_change(clause: str, sentence: str, arms: "Arms") -> bool:
    """``clause`` states a change over time that its sentence gives for the intervention and the comparator alike:
    a change word, the two arms coordinated as its place or subject (in the clause, or in a sentence that adds nothing
    but the other arm and its own p value: 'Pain decreased significantly in the pregabalin group (p<0.001) and
    gabapentin group (p<0.001), with no difference between them'), and no comparison between the arms."""
    if not CHANGE.search(clause) or _is_between(clause) or _comparative(clause) or _AMOUNTS.search(clause):
        return False  # 'Pain decreased by 28.3% and 8.3% in the ketamine and placebo groups, respectively': the arms'
        # amounts of change compared
    if _coordinated(clause, arms):
        return not _ONE_ARM.search(clause)
    rest = _NO_DIFFERENCE.sub(" ", sentence)
    return _coordinated(sentence, arms) and not COMPARE.search(rest) and not _comparative(rest) and not _ONE_ARM.search(rest)


def every_arm_statement(clause: str, arms: "Arms") -> bool:
    """``clause`` gives one result to every arm at once, with no comparison between them: its subject or place is all
    the arms ('all the three groups could improve the symptoms such as ... burning pain', 'pain decreased in each
    group') or the two arms coordinated ('both continuous paravertebral and continuous epidural analgesia are effective
    in controlling postoperative pain'), its predicate a change or an efficacy ('effective', 'relieved'). Such a
    sentence reports how every arm fared, which is no between-group result on pain (blind2 post-mortem: read as one)."""
    if _is_between(clause) or _comparative(clause) or _AMOUNTS.search(clause) or _ONE_ARM.search(clause) or \
            _SET_APART.search(clause):
        return False
    if not (CHANGE.search(clause) or _EFFICACY.search(clause)):
        return False
    bare = _BRACKETS.sub(" ", clause)
    return names_every_arm(clause) or any(_pair_covers(m.group("a"), m.group("b"), arms) for m in
                                               _COORDINATION.finditer(bare) if m.group(0)[:4].lower() == "both")


def names_every_arm(text: str) -> bool:
    """``text`` (brackets aside) names every arm at once as one subject or place: 'in all the three groups', 'With both
    concepts'. The one reading of 'every arm at once' for direction (``every_arm_statement``) and relief
    (``relief_schedule.level_reached_by_all``)."""
    return _ALL_ARMS.search(_BRACKETS.sub(" ", text)) is not None


def _pair_covers(a: str, b: str, arms: "Arms") -> bool:
    """'both A and B' names the intervention and the comparator between its two conjuncts, each naming an arm (a
    conjunct may share a word with the other arm: 'continuous epidural analgesia' beside 'continuous paravertebral')."""
    sides = {arms.side(a), arms.side(b)}
    if None in sides:
        return False
    named = set().union(*({"intervention", "comparator"} if side == "both" else {side} for side in sides))
    return named == {"intervention", "comparator"}


# Every arm named at once as a subject or place: 'all the three groups', 'each group', 'both study arms', 'with both
# concepts' (not 'between all groups', 'among the three groups': a comparison's scope). The nouns are those by which
# trials call their arms together ('both techniques'); drugs and doses are not among them ('both doses' of a
# placebo-controlled trial are the active arms only), nor is an unnamed qualifier ('both active groups'). 'Or both' ends
# a list of alternatives and names the arm given them combined ('cognitive behaviour therapy, exercise or both
# treatments': a factorial trial's combination arm), not every arm.
_ALL_ARMS = re.compile(r"(?<!between )(?<!among )(?<!amongst )(?<!across )\b(?:(?:all|each|every)(?: one)?(?: of)?"
                       r"(?: the| these| our)?(?: (?:two|three|four|five|2|3|4|5))?|(?<!\bor )both(?: the| these)?)"
                       r"(?: (?:study|treatment|intervention|trial|randomi[sz]ed))? (?:groups?|arms?|cohorts?|treatments|"
                       r"interventions|techniques|methods|procedures|regimens|concepts|strategies|approaches|modalities|"
                       r"protocols)\b", re.I)
# An efficacy said of what the subject did (not a change word): 'are effective in controlling postoperative pain'.
_EFFICACY = re.compile(r"\b(?:(?:were|was|are|is|be|being|been) (?:\w+ )?(?:effective|efficacious|beneficial|useful)|"
                       r"(?:provided|produced|achieved|gave) (?:\w+ )?(?:effective|good|adequate|satisfactory|excellent) "
                       r"(?:pain relief|analgesia))\b", re.I)
# Wording that sets the arms apart or weighs them: 'differed', 'similar', 'equally', 'respectively'.
_SET_APART = re.compile(r"\b(?:differ\w*|similar\w*|comparabl[ey]|equal(?:ly)?|equivalen\w*|respectively)\b", re.I)


# Two arms joined by 'and' after 'both' or a preposition of place: each conjunct up to six words.
_COORDINATION = re.compile(r"\b(?:both|(?:in|for|with|among|within|by)(?: both)?)\s+(?:the\s+)?(?P<a>(?:[\w%.+/-]+\s+){0,5}?"
                           r"[\w%.+/-]+)\s+and\s+(?:(?:in|for|with|among|within|by)\s+)?(?:the\s+)?(?P<b>(?:[\w%.+/-]+\s+){0,5}?"
                           r"[\w%.+/-]+?)(?=\s*(?:groups?|arms?)?\b\s*(?:[,.;]|$|\s(?:at|after|during|from|over|on|in|by|and|"
                           r"were|was|had|showed|compared|relative|\d|\w+ly|reduced|decreased|improved|produced|provided|resulted|led|achieved)\b))", re.I)
_AMOUNTS = re.compile(r"\brespectively\b|\bby\s+(?:about\s+|approximately\s+|a mean of\s+)?[-\u2212]?\d|\d\s?%")
_BRACKETS = re.compile(r"\s?\([^()]*\)")

