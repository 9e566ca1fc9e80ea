"""Where the intervention and other drugs are named in a sentence, and which of them a dose or a
route word belongs to ("propofol 0.25 mg/kg or ketamine 0.3 mg/kg": the first dose is propofol's).
Used by the routes and dosing extractors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ketamine_evidence.analysis.extract.article_cache import per_article
from ketamine_evidence.analysis.extract.inactive_arms import INERT
from ketamine_evidence.analysis.extract.other_drugs import other_drug_spans

CONTROL = re.compile(rf"^(?:{INERT})$", re.I)  # an inert substitute (``inactive_arms.INERT``)
# What may stand between a dose and the drug it precedes: '0.5 mg/kg ketamine', '0.5 mg/kg of ketamine',
# '100 γ/kg/min of racemic ketamine'; and what ends a route adjective's phrase.
_DOSE_GAP = re.compile(r"\s*(?:of\s+)?(?:(?!(?:and|or|to|in|with|for|vs|versus|than|plus)\b)[a-z\-]+\s+)?", re.I)
_PHRASE_BREAK = re.compile(r"[;,]|\b(?:and|or|with|than|versus|vs|compared|plus|while|whereas|but)\b", re.I)
_PRECEDING_LIMIT = 160


def _clause_break(text: str, start: int, end: int) -> bool:
    """A ';' between ``start`` and ``end`` that is not inside brackets opened after ``start``."""
    depth = 0
    for ch in text[start:end]:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch == ";" and depth == 0:
            return True
    return False


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    text: str
    is_intervention: bool

    @property
    def is_control(self) -> bool:
        return bool(CONTROL.match(self.text))


def mentions(text: str, pattern: re.Pattern[str]) -> list[Mention]:
    """Every mention of the intervention and of other drugs in ``text``, in order (kept for the sentences
    of one article: the routes and dosing extractors read the same sentences)."""
    return list(_mentions(text, pattern))


@per_article
def _mentions(text: str, pattern: re.Pattern[str]) -> tuple[Mention, ...]:
    own = [(m.start(), m.end()) for m in pattern.finditer(text)]
    found = [Mention(s, e, text[s:e], True) for s, e in own]
    found += [Mention(s, e, text[s:e], False) for s, e in other_drug_spans(text, own)]
    found.sort(key=lambda m: m.start)
    return tuple(found)


def following(text: str, pos: int, found: list[Mention]) -> Mention | None:
    """The drug named right after ``pos`` ('... mg/kg of ketamine'), with at most 'of' and one word between."""
    for m in found:
        if m.start < pos:
            continue
        if m.start - pos <= 30 and _DOSE_GAP.fullmatch(text, pos, m.start):
            return m
        return None
    return None


def next_drug(text: str, pos: int, found: list[Mention], limit: int = 40) -> Mention | None:
    """The first drug named within ``limit`` characters after a route adjective, in the same phrase
    ('intravenous ketamine', 'IV 0.3 mg/kg ketamine', 'intranasal sedation using ketamine')."""
    for m in found:
        if m.start < pos:
            continue
        gap = text[pos:m.start]
        if m.start - pos <= limit and not _PHRASE_BREAK.search(gap):
            return m
        return None
    return None


def preceding(text: str, pos: int, found: list[Mention]) -> Mention | None:
    """The nearest drug named before ``pos`` in the same clause (a ';' outside brackets ends a clause)."""
    best = None
    for m in found:
        if m.end <= pos and pos - m.end <= _PRECEDING_LIMIT and not _clause_break(text, m.end, pos):
            best = m
    return best


def owner(text: str, start: int, end: int, found: list[Mention]) -> Mention | None:
    """The drug a dose at ``start:end`` belongs to: the one it directly precedes, else the nearest before it."""
    after = following(text, end, found)
    if after is not None:
        return after
    return preceding(text, start, found)


# What may separate drugs in one list: ', ', 'and', 'or', an arm size '(n = 35)' and the next dose '0.3 mg'.
_COORDINATION = re.compile(r"\s*(?:\([^()]*\)\s*)?(?:,\s*)?(?:(?:and|or)\s+)?(?:[\d.]+\s*(?:mg|µg|μg|mcg|g|ml|mL)"
                           r"(?:\s*/\s*kg)?\s*(?:of\s+)?)?$", re.I)


def coordinated(text: str, first: Mention, found: list[Mention]) -> Mention | None:
    """The intervention when it is coordinated with the drug a route adjective precedes ('X and Y')."""
    prev_end = first.end
    for d in [d for d in found if d.start >= first.end][:3]:
        if not _COORDINATION.match(text[prev_end:d.start]):
            return None
        if d.is_intervention:
            return d
        prev_end = d.end
    return None


_LIST_GAP = re.compile(r"\s*(?:\([^()]*\)\s*)?,?\s*(?:(?:and|or)\s+)?(?:(?:either|both)\s+)?"
                       r"(?:[\d.,]+\s*(?:%|mg|µg|μg|mcg|g|ml|mL)(?:\s*/\s*kg)?\s*(?:of\s+)?)?$", re.I)


def drug_list(text: str, first: Mention, found: list[Mention]) -> list[Mention]:
    """``first`` and the drugs listed after it ('placebo (saline), lidocaine (20 mg), ketorolac (10 mg)')."""
    out, prev_end = [first], first.end
    for d in [d for d in found if d.start >= first.end]:
        gap = text[prev_end:d.start]
        if "(" in gap and ")" not in gap:  # inside the bracket after the previous drug: '(saline)'
            continue
        if not _LIST_GAP.match(gap):
            break
        out.append(d)
        prev_end = d.end
    return out
