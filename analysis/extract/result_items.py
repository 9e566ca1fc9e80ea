"""Result items of one clause: a list whose items each carry their own direction, read item by item.

'There was marked reduction in morphine requirements in Group B compared to Group C (..., P = 0.2), lower
postoperative pain scores, shorter extubation time (..., P = 0.03), better respiratory parameters ..., with no
incidence of wound infection, no differences in ICU or hospital stay duration' (blind2 PMC4900317) lists six results
in one clause; 'pain scores were lower at 2 h, similar at 24 h' two. Read whole, the last item's 'no differences'
decided the pain reading. ``pain_readings`` gives ``direction.clause_verdicts`` the readings a pain verdict is drawn
from: the items about pain (an item with no outcome words of its own, 'similar at 24 h', goes on about the previous
item's outcome); items that all state a difference stay together in one reading (the first item, which names the
arms, leading; their directions are weighed with each outcome's polarity there: 'a shorter time to first analgesic
and greater morphine consumption' are both worse), and a difference and an item that states none ('lower at 2 h,
similar at 24 h') are read apart, each after the clause's head (the words before the first item's direction word:
its subject, arms and time frame).
"""

from __future__ import annotations

import re
from typing import Callable

# The words that state a result's direction, or that it has none.
_DIRECTION_WORDS = (r"less(?:er)?|lower|fewer|reduced|decreased|shorter|more|higher|greater|increased|longer|better|worse|"
                    r"improved|similar|comparable|no\s+(?:statistically\s+)?(?:significant\s+)?(?:differences?|changes?)|"
                    r"reductions?|decreases?|increases?|improvements?")
# How an item of a result list begins: its direction word, after an article, 'with' or an intensifier.
_LEAD = re.compile(r"(?:(?:and|with|a|an)\s+)?(?:(?:statistically\s+)?(?:significantly|markedly|marked|slightly|much|"
                   rf"clinically)\s+)?(?P<word>{_DIRECTION_WORDS})\b", re.I)
# A direction word anywhere in an item, a whole word ('more', not 'moreover').
_DIRECTION = re.compile(rf"\b(?:{_DIRECTION_WORDS})\b", re.I)
# What an item names besides its direction: times, statistics, brackets and function words are no outcome.
_NOT_OUTCOME = re.compile(r"\([^()]*\)|\b(?:at|on|in|after|during|until|up to|from|to|and|or|the|a|an|with|than|all|"
                          r"\d+(?:\.\d+)?\s*(?:h|hr|hrs|hours?|min|minutes?|days?|weeks?|months?)|postoperative(?:ly)?|"
                          r"time points?|p\s*[<=>]\s*[\d.]+)\b|[\d.,;:±%<=>]", re.I)


def _states_none(item: str) -> bool:
    """The item states no difference ('similar at 24 h', 'no differences in ICU stay'); else a difference, whose
    direction (lower pain, shorter time to analgesia) the reading weighs with the item's outcome."""
    word = _DIRECTION.search(item)
    return bool(word) and re.match(r"(?i)no\b|similar|comparable", word.group(0)) is not None


def list_items(clause: str) -> list[str]:
    """The items of a result list (at least two, each after the first beginning with a direction word, cut at a
    comma outside brackets); ``[clause]`` where the clause lists no such items."""
    starts, depth = [], 0
    for i, ch in enumerate(clause):
        depth += ch == "("
        depth -= ch == ")" and depth > 0
        if ch == "," and depth == 0 and clause[i + 1:i + 2] == " ":
            rest = clause[i + 2:]
            if _LEAD.match(rest):
                starts.append(i + 2)
    if not starts or not _DIRECTION.search(clause[:starts[0]]):
        return [clause]
    bounds = [0, *starts, len(clause)]
    return [clause[a:b].rstrip(" ,") for a, b in zip(bounds, bounds[1:])]


def pain_readings(clause: str, is_pain: Callable[[str], bool]) -> list[str]:
    """The readings of ``clause`` a pain verdict is drawn from: the first item (it names the arms, the subject and the
    time frame) with the later items about pain that state as it does (a difference, or none), then each later pain
    item that states otherwise, after the clause's head. Later items about other outcomes are left out. ``clause``
    itself where it lists no items, or no item is about pain."""
    items = list_items(clause)
    if len(items) < 2:
        return [clause]
    pain: list[int] = []
    previous = is_pain(items[0])
    for k, item in enumerate(items[1:], start=1):
        own = _DIRECTION.sub(" ", _NOT_OUTCOME.sub(" ", item)).split()
        previous = is_pain(item) or (not own and previous)  # 'similar at 24 h': the previous item's outcome
        if previous:
            pain.append(k)
    if not pain and not is_pain(items[0]):
        return [clause]
    first = _DIRECTION.search(items[0])
    head = items[0][:first.start()] if first else ""
    lead_none = _states_none(items[0][first.start():]) if first and is_pain(items[0]) else \
        _states_none(items[pain[0]]) if pain else False
    # a first item that states none may govern the rest ('comparable relief of pain, improvement in shoulder movement,
    # and decreased SPADI'): only a later item that states none is read apart from the differences before it
    together = [items[k] for k in pain if lead_none or not _states_none(items[k])]
    apart = [head + items[k] for k in pain if not lead_none and _states_none(items[k])]
    reference = _REFERENCE.search(items[-1])  # '... and better respiratory parameters than the control group': the
    lead = _LEAD.match(items[-1])  # list's comparator, kept (not an item's own: 'slightly less than the standard')
    shared = reference and lead and re.search(r"[A-Za-z]{3,}", items[-1][lead.end():reference.start()])
    tail = reference.group(0) if shared and pain[-1:] != [len(items) - 1] else ""
    return [", ".join([items[0], *together]) + tail, *(a + tail for a in apart)]


# The comparator a list names after its last item, for every item ('than the control group', 'compared with placebo').
_REFERENCE = re.compile(r"\s(?:than|compared (?:with|to)|versus|vs\.?|in comparison (?:with|to))\s[^,;()]{2,80}$", re.I)
