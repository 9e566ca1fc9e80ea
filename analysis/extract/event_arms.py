"""Which arm an adverse-event mention belongs to, read from how the sentence lays the arms out (round 7, batch 7).

- ``list_arm``: an arm named in brackets right after a list of events covers the whole list ('decreased appetite,
  insomnia, dry mouth, and nasopharyngitis (LDX and OROS-MPH), irritability and dizziness (LDX only)');
- ``coordinated_labels``: arms coordinated before one shared 'group(s)' ('in caudal and local group'): each word is
  an arm label, not only the one next to 'group';
- ``name_labels``: a group label that is a word of the intervention's own name ('Group Caudal' for 'caudal block');
- ``more_in_other_arm`` (round 8): more of an event counted in another arm than in the rest ('had more complications
  like hematuria', 'was higher in MDZ:FEN group compared to other two groups'): the intervention's arm had it too;
- ``zero_for_intervention``: values listed in the arms' order ('..., respectively') that give the intervention's arm
  none of the event ('low in both alvimopan and control groups (0% and 4.4%, respectively)').

Also (moved from :mod:`.event_roles`): ``arm_abbreviations`` / ``defined_arms``, the arms' abbreviations the abstract
defines; ``comparison_reference``, the arm a comparison measures against ('than placebo'); ``arm_by_treatment``,
an arm named by what its patients received ('among those with internal stent').
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable

from ketamine_evidence.analysis.extract.arms import article_arms
from ketamine_evidence.analysis.extract.event_roles import VERSUS_NAME, own_name_words
from ketamine_evidence.analysis.extract.inactive_arms import NAMED
from ketamine_evidence.analysis.extract.other_drugs import other_drug_spans
from ketamine_evidence.analysis.extract.text_patterns import longest_first

if TYPE_CHECKING:
    from ketamine_evidence.analysis.extract import Context
    from ketamine_evidence.analysis.extract.arms import Arms

__all__ = ["arm_abbreviations", "arm_by_treatment", "comparison_reference", "coordinated_labels", "defined_arms",
           "intervention_labels", "list_arm", "more_in_other_arm", "name_labels", "zero_for_intervention", "AMOUNT_BEFORE", "INFERRED",
           "Inferred"]

# Items of an event list between the event and a bracket: short phrases joined by commas, 'and', 'or'.
_LIST_TAIL = re.compile(r"(?:\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or|and/or)\s+)[A-Za-z][\w'-]*(?:\s[A-Za-z][\w'-]*){0,3}){0,8}"
                        r"\s*\((?P<arm>[^()\d%]{1,40})\)")


def list_arm(sentence: str, end: int, status: Callable[[str], tuple[bool, bool]]) -> bool | None:
    """For the event ending at ``end``: True / False where a bracket right after its list names the intervention's /
    another arm only (``status`` reads a text as (names the intervention, names another arm)), else None. A bracket
    of figures ('headache (17.2%M, 19%HS)') names no arm here."""
    m = _LIST_TAIL.match(sentence, end)
    if m is None:
        return None
    mine, other = status(m.group("arm"))
    if mine or other:
        return mine
    if _ONLY.fullmatch(m.group("arm")):
        return False  # '(OROS-MPH only)': one arm alone, and not the intervention's
    return None


_ONLY = re.compile(r"\s*[A-Za-z][\w+/-]*(?:\s[\w+/-]+)?(?:\s(?:group|arm))?\s+only\s*", re.I)


# 'in caudal and local group', 'the A and B groups': the first word shares the head noun 'group(s)'.
_COORDINATED = re.compile(r"\b([A-Za-z][\w-]*)\s+(?:and|or|&)\s+(?:the\s+)?[\w-]+\s+groups?\b")


def coordinated_labels(clause: str) -> list[str]:
    """The words coordinated before a shared 'group(s)' other than the one next to it ('caudal' in 'in caudal and
    local group')."""
    return [m.group(1) for m in _COORDINATED.finditer(clause)]


def name_labels(ctx: "Context", labels: set[str]) -> set[str]:
    """The group labels of the abstract ('Group Caudal', 'the Caudal Group') that are a word of the intervention's
    own name outside its '(vs ...)' part ('caudal block with bupivacaine (vs local wound infiltration)')."""
    own = own_name_words(ctx)
    return {label for label in labels if label.lower() in own}


_RESPECTIVE = re.compile(r"\b(?:in|for|with|among|of|by)\s(?:both\s|the\s)?(?P<arms>[^,;()\d%]{2,80}?)(?:\s(?:groups?|"
                         r"arms?|patients|subjects))?,?\s\((?P<values>[^()]{1,60}?),?\s+respectively\)", re.I)
_ARM_SPLIT = re.compile(r",\s(?:and\s)?|\s(?:and|or|vs\.?|versus)\s", re.I)
_VALUE = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s?%?")


def zero_for_intervention(sentence: str, start: int, is_mine: Callable[[str], bool]) -> bool:
    """Whether the values listed after the event in the arms' order ('(0% and 4.4%, respectively)') give the
    intervention's arm (``is_mine`` reads an arm's words) a zero: the event did not happen with the intervention."""
    if "respectively" not in sentence.lower():
        return False
    for m in _RESPECTIVE.finditer(sentence, start):
        arms = [a for a in _ARM_SPLIT.split(m.group("arms")) if a.strip()]
        values = [float(v.group(1)) for v in _VALUE.finditer(m.group("values"))]
        if len(arms) >= 2 and len(values) == len(arms):
            return any(is_mine(a) and v == 0 for a, v in zip(arms, values))
        return False
    return False


# 'spelled-out words (ABBR)': an arm's abbreviation, '+' and '/' allowed ('active tDCS+exercise (AT+EX)').
_DEFINED = re.compile(r"\(([A-Za-z][A-Za-z0-9+/-]{1,10})\)")
_ARM_START = re.compile(r".*(?:[(),;:]|\b(?:or|and|with|versus|vs|to|of|from)\b)", re.I | re.S)


def arm_abbreviations(text: str, arms: "Arms", comparators: tuple[str, ...]) -> tuple[set[str], set[str]]:
    """(the intervention's, the other arms') abbreviations the abstract defines: the words before '(ABBR)'
    name an arm by the article's arms (``arms.side``) or by a comparator the intervention's name states
    ('intranasal ciclesonide (vs fluticasone propionate)': 'fluticasone propionate (FLP)' is the comparator).
    Events 'following FLP first administration' or 'in the AT+EX group' are then read for the right arm."""
    mine: set[str] = set()
    other: set[str] = set()
    for m in _DEFINED.finditer(text):
        abbr = m.group(1)
        if sum(c.isupper() for c in abbr) < 2:
            continue
        before = text[max(0, m.start() - 80):m.start()]
        start = _ARM_START.match(before)
        words = before[start.end() if start else 0:].strip()
        if not words:
            continue
        side = arms.side(words)
        if side in ("comparator", "both") or any(c.lower() in words.lower() for c in comparators):
            other.add(abbr)
        elif side == "intervention":
            mine.add(abbr)
    return mine, other - mine




def defined_arms(ctx: "Context") -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """The intervention's and the other arms' abbreviations the abstract defines (``arm_abbreviations``), as
    patterns; read once per article."""
    cached = getattr(ctx, "_event_arms", None)
    if cached is not None:
        return cached
    name = ctx.intervention.given_name or ctx.intervention.name  # 'X (vs Y)' names the comparator Y
    comparators = tuple(m.group(1).strip() for m in VERSUS_NAME.finditer(name))
    sets = arm_abbreviations(ctx.text, article_arms(ctx), comparators)
    found = tuple(re.compile(r"(?<![\w+/-])(?:%s)(?![\w+/-])" % "|".join(
        map(re.escape, longest_first(s)))) if s else None for s in sets)
    try:
        ctx._event_arms = found  # type: ignore[attr-defined]
    except AttributeError:
        pass
    return found  # type: ignore[return-value]


# The reference of a between-group comparison ('significantly higher in vaccinees than placebo recipients', 'four
# versus one wound infections in the drain versus no-drain groups'): the arm the events are measured against, not
# the arm they are stated for. Batch 4 PMC3576519, pool dev PMC3407716. A multiple of a rate is one too ('reported at
# two or more times the rate of placebo', batch 7 PMC5730627).
_REFERENCE_BEFORE = re.compile(r"(?:\b(?:than|compared\s+(?:with|to)|relative\s+to|versus|vs\.?)|\b(?:times|twice|double)\s+"
                               r"(?:that\s+of|(?:the\s+)?(?:rate|incidence|frequency|risk)\s+(?:of|in|with|on|for)))\s+"
                               r"(?:(?:in|with|for|among|to)\s+)?(?:the\s+|those\s+(?:in|of|receiving|given)\s+(?:the\s+)?)?$",
                               re.I)


def comparison_reference(clause: str, start: int, intervention: re.Pattern[str]) -> bool:
    """Whether the arm word at ``start`` is the reference a comparison measures against ('than placebo'), and
    the compared arm is not another drug ('more common with morphine than with placebo' in a ketamine trial)."""
    if _REFERENCE_BEFORE.search(clause, max(0, start - 40), start) is None:
        return False
    before = clause[:start]
    return not other_drug_spans(before, [m.span() for m in intervention.finditer(before)])


# An arm named by what its patients had or received ('among those with internal stent'), which no group word names.
_THOSE_WITH = re.compile(r"\b(?:among|in|for)\s+(?:those|patients|subjects|participants|children|women|men|cases)\s+"
                         r"(?:with|without|who (?:received|had|underwent)|receiving|given|treated with)\b[^,;.()]{0,40}",
                         re.I)


def arm_by_treatment(ctx: "Context", clause: str) -> tuple[bool, bool]:
    """(the intervention's arm, another arm) as the article's arms read a clause's 'among those with X' (pool dev
    PMC4450164: 'among those with internal stent' for pyeloplasty without internal drainage)."""
    mine = other = False
    if "th" in clause or "with" in clause:
        for m in _THOSE_WITH.finditer(clause):
            side = article_arms(ctx).side(m.group(0))
            mine, other = mine or side in ("intervention", "both"), other or side == "comparator"
    return mine, other


# A comparison that states more of the event in another arm, measured against the rest ('Group 2 patients ... had
# more complications like hematuria', 'was higher in MDZ:FEN group compared to other two groups'): the intervention's
# arm had less of it, which is still an occurrence (additions rule q; batch 6 PMC5791397, PMC4787139). Only where no
# arm other than the intervention's is the reference: 'more common with morphine than with placebo' in a ketamine
# trial names the placebo arm as the reference, so the clause then says nothing about the intervention.
_COUNT_WORD = r"(?:incidences?|rates? of|frequency|frequencies|occurrence|number of|episodes|complications?|adverse|side[- ]effects?|events?)"
# The comparative governs a count of events: 'more complications like ...', 'a higher incidence of ...', 'Incidence of X
# was higher in ...'; not a measured value ('systolic and diastolic BP were significantly higher in Group N', batch 4
# PMC4152682) nor another noun ('required more analgesics and had complications like ...').
_MORE_COUNT = re.compile(rf"\b(?:more|higher|greater|increased)\s+(?:[\w-]+\s+)?{_COUNT_WORD}\b|\b{_COUNT_WORD}\b[^.;]{{0,80}}?"
                         rf"\b(?:was|were)\s+(?:(?:significantly|also|statistically|much)\s+)*(?:more|higher|greater|increased)\b",
                         re.I)
_MORE_BEFORE = re.compile(r"\b(?:more|greater)\s+(?:[\w-]+\s+)?$", re.I)  # 'had more nausea'
# Another arm as the reference: 'more common with morphine than with placebo' in a ketamine trial tells nothing of it.
_OTHER_REFERENCE = re.compile(r"\b(?:than|compared|relative|versus|vs)\b\s+(?:with\s+|to\s+|in\s+|among\s+)*(?:the\s+)?"
                              rf"(?:{NAMED}|control)\b", re.I)  # an inactive arm (``inactive_arms.NAMED``) or control
_NO_OCCURRENCE = re.compile(r"\b(?:only|exclusively|solely)\b|\bno\b|\bnone\b|\bnot\b|(?<![\d.])0\s?%|\b0 (?:of|/)", re.I)
# An event put down to something ('catheter related urinary symptoms' among those with a stent, pool dev PMC4450164)
# is that thing's, not a lesser share of the intervention's.
_ATTRIBUTED_BEFORE = re.compile(r"[\w-]+[- ](?:induced|associated|related)\s+(?:[\w-]+\s+){0,3}$", re.I)


def more_in_other_arm(clause: str, before: str = "") -> bool:
    """Whether a clause that names another arm (and not the intervention's) states a higher count of the event there
    than in the rest, so that the intervention's arm had it too (rule q); not 'only in the placebo group', a zero, a
    measured value, a comparison against placebo, or an event ``before`` (the text before it) puts down to a cause."""
    return ((_MORE_COUNT.search(clause) is not None or _MORE_BEFORE.search(before) is not None)
            and _NO_OCCURRENCE.search(clause) is None and _OTHER_REFERENCE.search(clause) is None
            and _ATTRIBUTED_BEFORE.search(before) is None)


class Inferred(int):
    """True, read from a comparison that names only another arm (``more_in_other_arm``): weaker than an explicit
    negation of the same event for the intervention ('This group had no vomiting')."""


INFERRED = Inferred(1)


# An amount compared right before the event ('with the less sedative effect', 'had lesser PONV') states that it
# occurred (additions rules q, ag), though the sentence has no causal or occurrence cue.
AMOUNT_BEFORE = re.compile(r"\b(?:less|lesser|fewer|more|greater)\s+(?:[\w-]+\s+)?$", re.I)


_GROUP_LABEL = re.compile(r"\b[Gg]roups?[\s-](?:\(?)([A-Z][A-Za-z0-9-]{0,5}|[0-9IVX]{1,4})\b|\b([A-Z][A-Za-z0-9-]{0,5})\s+groups?\b")


def intervention_labels(ctx: "Context") -> set[str]:
    """Arm labels that stand for the intervention ('group K', 'KRH group'), read from where they are defined:
    the intervention is named right after the label, or just before a label in brackets; or the label is a word of
    the intervention's own name ('Group Caudal' for 'caudal block with bupivacaine', batch 7 PMC4884260).
    (Moved from :mod:`.adverse_events`, round 10.)"""
    labels: set[str] = set()
    pattern = ctx.intervention.pattern
    own = own_name_words(ctx)
    for s in ctx.sentences:
        if "roup" not in s.text:
            continue  # every label match holds '[Gg]roup' (four sentences in five have none)
        for m in _GROUP_LABEL.finditer(s.text):
            label = m.group(1) or m.group(2)
            after = s.text[m.end():m.end() + 70]
            nxt = _GROUP_LABEL.search(after)
            window = after[:nxt.start()] if nxt else after
            before = s.text[max(0, m.start() - 30):m.start()] if s.text[max(0, m.start() - 1):m.start()] == "(" else ""
            if pattern.search(window) or pattern.search(before) or label.lower() in own:
                labels.add(label.lower())
    return labels
