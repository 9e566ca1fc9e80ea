"""Route words in a text: every term of ``lexicons/routes.toml`` with its match, in lexicon order, and the short
route forms an abstract defines as other words' initials. Shared by the routes extractor (``routes``) and its
learned reader (``route_reader``).

Short forms ('iv', 'im', 'po', 'sc') count only in capitals or dotted, or in lower case right after a dose or dosing
frequency ('500 mg, bid po'); 'IV' as a Roman numeral ('stage IV', 'DSM-IV') is not a route. One shared key-word check
skips the texts (most sentences) that hold no term's key words, before any term is scanned.
"""

from __future__ import annotations

import re

from ketamine_evidence.analysis.extract import required_text
from ketamine_evidence.analysis.extract.arm_abbreviations import defined_abbreviations
from ketamine_evidence.analysis.extract.article_cache import per_article
from ketamine_evidence.analysis.extract.fast_re import _SPECIAL, LowerPattern, fast
from ketamine_evidence.analysis.extract.required_text import fragment_keys
from ketamine_evidence.analysis.extract.study_text import alternation, load_lexicon
from ketamine_evidence.analysis.records import ROUTES

_LEX = load_lexicon("routes.toml")
ROUTE_WORDS: list[tuple[str, re.Pattern[str]]] = [
    (term, fast(re.compile(alternation(entry["patterns"]), re.I))) for term, entry in _LEX.items() if term in ROUTES
]  # (``fast``: run in lower case, same matches)
_CASE_SENSITIVE_SHORT = {"iv", "im", "po", "sc"}  # abbreviations only count in capitals or dotted
_SHORT_UPPER, _SHORT_FORM = ("IM", "IV", "PO", "SC"), re.compile(r"\b(?:iv|im|sc|po)\b")


# Per term, (lower-case text, capitals) one of which a match it keeps holds: its fragments' fixed text ('i.v') and
# its short abbreviations as they count ('IV'); None when a fragment has no fixed text (the term is always scanned).
_TERM_KEYS = {term: (lambda keys: keys and (keys, tuple(f.upper() for f in e["patterns"] if f in _CASE_SENSITIVE_SHORT)))(
    fragment_keys([f for f in e["patterns"] if f not in _CASE_SENSITIVE_SHORT])) for term, e in _LEX.items()
    if any(f in _CASE_SENSITIVE_SHORT for f in e["patterns"])}  # the others are gated by ``fast`` already
_RISKY = frozenset(c for c in _SPECIAL if not c.isascii())  # matched under re.I by an ASCII letter of a pattern


def _any_route_gate() -> tuple[frozenset[int], tuple[str, ...]] | None:
    """(shared-automaton key numbers, capital abbreviations): a text holding none of them holds no route word any
    term of ``ROUTE_WORDS`` would keep (each term's own pre-check, below or in ``fast``, needs one); None when some
    term has no such check (then every text is scanned term by term, as before)."""
    if not required_text.accepting():
        return None
    ids: set[int] = set()
    upper: set[str] = set()
    for term, pattern in ROUTE_WORDS:
        if term in _TERM_KEYS:
            keys = _TERM_KEYS[term]
            if not keys:
                return None
            ids |= required_text.register(frozenset(keys[0]))
            upper.update(keys[1])
        elif isinstance(pattern, LowerPattern) and not pattern.digit and pattern.risky <= _RISKY and (
                pattern.gate is not None or pattern.keys):
            ids |= pattern.gate if pattern.gate is not None else required_text.register(frozenset(pattern.keys))
        else:
            return None
    return frozenset(ids), tuple(sorted(upper))


_ANY_ROUTE = _any_route_gate()


# 'IV' as a Roman numeral, not a route: 'stage IV', 'DSM-IV', 'grade III-IV', 'type II or IV'.
_ROMAN_BEFORE = re.compile(r"(?:\b(?:stages?|grades?|class(?:es)?|types?|phases?|levels?|categor(?:y|ies)|tiers?|"
                           r"DSM|NYHA|CKD|WHO|Fontaine|Enneking)|\b[IV]{1,4}\s*(?:-|\u2013|to|or|and|/|,))"
                           r"[\s\-\u2013]*$", re.I)


# A short route form in lower case counts where a dose or a dosing frequency stands right before it, as in a
# prescription ('metformin (500 mg, bid po)', '10 mg im'): there it cannot be an ordinary word.
_PRESCRIBED_SHORT = re.compile(r"(?:\b(?:qd|bid|tid|qid|od|bd|tds|qds|q\d{1,2}h|prn|daily)|\d\s?(?:mg|mcg|µg|μg|g))"
                               r"[.,]?\s+(iv|im|sc|po)\b")


@per_article  # asked per sentence, per arm and per drug of a combination
def _route_matches(text: str) -> list[tuple[str, re.Match[str]]]:
    """Every route word of ``text`` with its term, in lexicon order (the list is shared: read it only)."""
    low = text.lower()
    gated = text.isascii() or (len(low) == len(text) and _RISKY.isdisjoint(text))
    prescribed = {m.start(1) for m in _PRESCRIBED_SHORT.finditer(text)} if any(
        f" {k}" in text for k in _CASE_SENSITIVE_SHORT) else set()
    if prescribed:
        gated = False  # the gates below know short forms in capitals only
    if gated and _ANY_ROUTE is not None and _ANY_ROUTE[0].isdisjoint(required_text.present_keys(low)) \
            and not any(k in text for k in _ANY_ROUTE[1]):
        return []  # no term's key: one shared check instead of one per term (88% of workload sentences)
    out = []
    for term, pattern in ROUTE_WORDS:
        keys = _TERM_KEYS.get(term)
        if gated and keys and not (any(k in low for k in keys[0]) or any(k in text for k in keys[1])):
            continue  # none of its words, nor a short one in capitals: no match it would keep
        for m in pattern.finditer(text):
            word = m.group(0)
            if word.lower() in _CASE_SENSITIVE_SHORT and not word.isupper() and m.start() not in prescribed:
                continue
            if word == "IV" and (_ROMAN_BEFORE.search(text, max(0, m.start() - 20), m.start())
                                 or text[m.end():m.end() + 1] in ("-", "\u2013")):
                continue
            out.append((term, m))
    return out


@per_article  # asked for every sentence of the article
def other_abbreviations(text: str) -> frozenset[str]:
    """Short route forms that the abstract defines as the initials of other words ('1.7 ml (single cartridge: SC)
    of 4% articaine'): there they name no route."""
    if not any(f"{a})" in text or f"({a}" in text for a in _SHORT_UPPER):
        return frozenset()
    return frozenset(abbr for words, abbr in defined_abbreviations(text)
                     if abbr in _SHORT_UPPER and not _route_matches(words))
