"""Which outcome a direction word is about: its subject ('the mean cervical dilatation was higher') or its object
('decreased SSI', 'a decrease in onset of sensory block').

A clause can name a pain outcome and still state its difference about something else: 'The mean cervical dilatation
was significantly higher in misoprostol compared to placebo group, benefit were also observed on ... pain by visual
analog scale'. Borrowing the polarity of the pain words elsewhere in the clause then turns 'higher dilatation' into
'more pain'. ``other_outcome_span`` finds the words the direction word governs; where they name something that is no
pain outcome, the caller reads the rest of the clause without that statement (``without_other_outcome``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ketamine_evidence.analysis.extract.comparisons import _PARENS, direction_at

if TYPE_CHECKING:
    from ketamine_evidence.analysis.extract.arms import Arms

# The verb of a predicate right before the direction word: 'X was (significantly) higher'.
_PREDICATE_BEFORE = re.compile(r"\b(?:was|were|is|are|been|remained|became)\s(?:(?:\w+ly|also|still|even|much|far)\s){0,2}$", re.I)
# Nouns and verbs of change that take their outcome after them: 'decrease in X', 'reduction of X', 'decreased X'.
_CHANGE_NOUN = re.compile(r"(?:reduction|decrease|increase|decline|elevation|prolongation|rise|drop|shortening|"
                          r"lengthening)s?\s(?:in|of)\s", re.I)
_CHANGE_VERB = re.compile(r"(?:reduced|decreased|increased|lowered|raised|prolonged|shortened|lengthened|"
                          r"reduces|decreases|increases|lowers|raises|prolongs|shortens|lengthens|reducing|decreasing|increasing|lowering|"
                          r"raising|prolonging|shortening)\s(?!(?:by|in|at|from|to|"
                          r"than|with|among|for|after|during|significantly|markedly|slightly|over|between|compared|"
                          r"versus|vs|only|more|less|when|while|and|or|but|as)\b)", re.I)
# Where the governed noun phrase ends: punctuation, a preposition that places it (arm, time, comparison), a clause word.
# (Commas and brackets do not end it: 'a reduction in numbness (P = 0.001), pain (0.002), ...' is one list.)
_PHRASE_END = re.compile(r"[;:]|\s(?:with|compared|than|in|at|after|during|between|among|versus|vs\.?|when|"
                         r"while|whereas|which|that|who|was|were|is|are|by|from|for|following|on|throughout|over|"
                         r"until|within|across|respectively|indicating|suggesting|and\s(?:the\s)?\w+ed|(?:reduces|decreases|increases|lowers|raises|prolongs|shortens|improves|worsens)(?=\s))\b", re.I)
# An enumerated list's first marker: '1)', '(i)', 'a)'.
_ENUMERATED = re.compile(r"\s*(?:\(?\d{1,2}\)|\(?[ivx]{1,4}\)|\(?[a-e]\))\s", re.I)
# A change verb right after a change's object: the change is a cause ('increasing analgesia decreases SSI').
_CAUSE = re.compile(r"\s(?=(?:reduces|decreases|increases|lowers|raises|prolongs|shortens)\s)", re.I)
# Words that name no outcome of their own: articles, statistics, generic measures, people, change nouns.
_EMPTY = frozenset("""the a an of and or its their this that these those it they mean median average total overall mean
scores score values value levels level ratings rating rate rates incidence number numbers proportion percentage amount
amounts frequency intensity severity degree change changes difference differences reduction decrease increase improvement
effect effects result results outcome outcomes measure measures patients subjects participants group groups arm arms women
men children people individuals cases both all each two three first second symptoms symptom parameters variables
indices measurements""".split())
_WORD = re.compile(r"[A-Za-z][A-Za-z-]+")


def _subject(clause: str, position: int) -> tuple[int, int] | None:
    """The subject of a predicate 'X was higher': the clause's words before its verb."""
    m = _PREDICATE_BEFORE.search(clause, 0, position)
    if not m or m.end() != position:
        return None
    return (0, m.start())


def _object(clause: str, position: int) -> tuple[int, int] | None:
    """The object of a change noun or verb at ``position``: 'decrease in onset of sensory block', 'decreased SSI'."""
    m = _CHANGE_NOUN.match(clause, position) or _CHANGE_VERB.match(clause, position)
    if not m:
        return None
    if _ENUMERATED.match(clause, m.end()):
        return None  # 'a decrease in 1) sensation of obstruction ..., 2) ...': a list whose items come later
    end = _PHRASE_END.search(clause, m.end())
    stop = end.start() if end else len(clause)
    if stop > m.end() and _CAUSE.match(clause, stop):  # 'increasing analgesia decreases SSI': SSI is the outcome
        return _object(clause, stop + 1)
    return (m.end(), stop) if stop > m.end() else None


def other_outcome_span(clause: str, position: int, arms: "Arms") -> tuple[int, int] | None:
    """Where the direction word at ``position`` is about an outcome the clause names and that is not pain, the span of
    the clause that states it (from the subject, or the word, to the end of what it governs); else None."""
    span = _subject(clause, position)
    if span is not None:
        start, end = span[0], position
        words = clause[span[0]:span[1]]
    else:
        span = _object(clause, position)
        if span is None:
            return None
        start, end = position, span[1]
        words = clause[span[0]:span[1]]
    if arms.pain_outcome(words):  # brackets kept: 'the number of epidural top ups (rescue analgesia)'
        return None
    words = _PARENS.sub(" ", words)
    if arms.pain_outcome(words):
        return None
    named = [w for w in _WORD.findall(arms.unnamed(words)) if w.lower() not in _EMPTY and not arms.is_intervention(w)
             and not arms.is_comparator(w)]
    return (start, end) if named else None


_NEXT_STATEMENT = re.compile(r"\s(?:and|but|while|whereas)\s", re.I)


def _statement_end(clause: str, position: int) -> int:
    """The end of the statement at ``position``: the next comma, semicolon or 'and / but' outside brackets, else the
    clause end ('Satisfaction was higher in group K and pain scores lower': the pain statement is kept)."""
    depth = 0
    for i in range(position, len(clause)):
        if depth == 0 and _NEXT_STATEMENT.match(clause, i):
            return i
        ch = clause[i]
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif ch in ",;" and depth == 0:
            return i
    return len(clause)


def without_other_outcome(clause: str, arms: "Arms") -> tuple[str, bool]:
    """The clause with each statement about a non-pain outcome blanked (offsets kept), and whether any was: a
    predicate's statement runs to the next comma ('... was higher (P < 0.0001) in misoprostol (4.6 vs 3.6 mm),'),
    a change noun's or verb's to the end of its object ('decrease in onset of sensory and motor blockade')."""
    blanked = False
    for _ in range(3):  # 'a decrease in onset of block with the prolongation of analgesia': the next word decides
        word, position = direction_at(clause)
        if word not in ("up", "down"):
            break
        span = other_outcome_span(clause, position, arms)
        if span is None:
            break
        start, end = span
        if _subject(clause, position) is not None:
            end = _statement_end(clause, position)
        clause = clause[:start] + " " * (end - start) + clause[end:]
        blanked = True
    return clause, blanked
