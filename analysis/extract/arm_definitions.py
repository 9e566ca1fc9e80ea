"""Where an abstract defines an arm's treatment relative to the arm's name (used by ``arms.arms_for``).

- A group label that closes its clause is defined by the words before it: '1 ml normal saline was added to
  Group S, 25 μg fentanyl to Group F and ...' (the words after 'Group S' are the next arm's).
- An 'X group' whose own clause gives it the treatment: 'the observation group was administered therapy in
  conjunction with abdominal pelvic radiofrequency hyperthermia' is the intervention's arm, whatever X is.
- A trial the abstract calls for ('A randomised placebo controlled trial is required to confirm these data') has
  no arm in this study.
- A label bracketed after an arm phrase renames it ('the intervention group (group T)': ``bracketed_alias``).
- ``former_latter``: 'the former' / 'the latter' as the arm named first / last.
- ``group_matches``: the 'X group' patterns of ``arms`` read only the stretches of an abstract that can hold a match.
"""

from __future__ import annotations

import re
from typing import Callable, Iterator

from ketamine_evidence.analysis.extract.article_cache import per_article
from ketamine_evidence.analysis.extract.design_cues import FUTURE_TRIAL
from ketamine_evidence.analysis.extract.fast_re import fast
from ketamine_evidence.analysis.extract.text_patterns import longest_first

# Run in lower case and pre-checked by its keys (``fast_re``): this module's own reference to the pattern is not
# among those ``fast_patterns`` wraps, and it is read over every abstract.
_FUTURE_TRIAL = fast(FUTURE_TRIAL)

_GIVEN_TO = re.compile(r"\b(?:added|given|administered|applied)?\s?\bto\s(?:the\s)?$", re.I)
# 'when compared to group D.' uses the label: its 'to' gives the group nothing (batch 5 29197345, 'compared with' <-> 'to').
_COMPARED_TO = re.compile(r"\b(?:compared|comparison|relative|similar|superior|inferior|equivalent|due)\sto\s(?:the\s)?$", re.I)
_CLAUSE_END = re.compile(r"\s*(?:[,;.]|and\b|$)")
# A dose given 'in group X' or 'for group X': 'morphine 4 mg in Group M;', 'fentanyl 20 mcg (0.4 ml) ... in group
# III', '4 ng/ml remifentanil + 0.2 ng/ml sufentanil for group I;' (a target concentration per group).
_GIVEN_IN = re.compile(r"\b(?:in|for)\s(?:the\s)?$", re.I)
_DOSE = re.compile(r"\d\s?(?:mg|mcg|µg|μg|ug|ng|ml|mL|IU|units?)\b")
_BRACKET = re.compile(r"\([^()]*\)")
# A bracket of results after a label: a P value, a mean and its SD ('±', '+/-', or a decimal mean '+' its SD: 'group D
# (49.03 + 12.8 min)', as some texts carry the sign), a percentage.
_RESULT_BRACKET = re.compile(r"\s*\((?:[^()]*?(?:\b[Pp]\s?[<=>≤]|±|\+/-)|\s*\d+\.\d+\s?\+\s?\d+(?:\.\d+)?\b|"
                             r"\s*\d+(?:\.\d+)?\s?%(?: of (?:the )?(?:patients|subjects|cases))?\s*\))")
# A label's count, 'n' or 'N' ('In Group LN (n = 39), ...', '(N=39)'): the same count either way.
_COUNT_BRACKET = re.compile(r"\s*\(\s*[nN]\s?=\s?\d+\s*\),?\s*")
# What opens a definition after a label's count: a stop ('(n = 39): ...'), a giving verb or 'with', a dose.
_DEFINING_NEXT = re.compile(r"[:;=\u2013-]|(?:received?|receiving|was given|were given|given|underwent|undergoing|"
                            r"(?:was|were) (?:treated|administered)|treated|with|who received)\b|\d", re.I)
# What ends the words that define an arm, read backwards from its label or bracket: punctuation, or the previous arm's
# "or". A decimal point ends nothing ('bupivacaine 0.25% (Group B)'); ``arm_statements`` reads the same pattern.
DEFINITION_BEFORE = re.compile(r"(?:\.(?!\d)|[;,()])\s?|\b(?:or|either|versus|vs\.?)\s")
_GIVEN = re.compile(r"\s*(?:\([^()]*\)\s*)?(?:(?:was|were)\s(?:\w+\s)?(?:administered|given|treated|received)\b|"
                    r"(?:received|underwent)\b)", re.I)


def label_defined_before(text: str, start: int, end: int, floor: int, pattern: re.Pattern[str]) -> bool | None:
    """For the label at ``text[start:end]``: None unless it closes a clause after '... to' or a dose given '... in';
    else whether the words before it (back to ``floor``, the previous label, and the last comma) name the
    intervention. The dose form ('normal saline (0.5 ml) in group I; fentanyl 20 mcg (0.4 ml) and neostigmine 1 mcg
    (0.1 ml) in group III') reads its item back to the previous label or ';', brackets and all."""
    if not _CLAUSE_END.match(text[end:end + 5]):
        return None
    before = text[max(floor, start - 91):start]
    if _GIVEN_TO.search(before) and not _COMPARED_TO.search(before):
        return bool(pattern.search(DEFINITION_BEFORE.split(before)[-1]))
    before = text[max(floor, start - 151):start]
    if not _GIVEN_IN.search(before):
        return None
    item = re.split(r"[.;]\s|\b(?:or|either|versus|vs\.?)\s", before)[-1]
    return bool(pattern.search(_BRACKET.sub(" ", item))) if _DOSE.search(item) else None


def label_window(window: str) -> str | None:
    """The words after a label, as read for its definition: None where a bracket of results follows it ('group D
    (49.03 ± 12.8 min)', 'group I (P < 0.005)'), which uses the label; after a bracketed count ('In Group LN (n = 39),
    30 ml 0.5% levobupivacaine + 10 mg ... nalbuphine'), the definition that follows it, bracketed; None after a count
    that no comma, stop, giving verb, 'with' or dose follows ('lower in the Group C (n = 32) for up to 24 h')."""
    if _RESULT_BRACKET.match(window):
        return None
    count = _COUNT_BRACKET.match(window)
    if count and count.end() < len(window) and not ("," in count.group(0) or _DEFINING_NEXT.match(window, count.end())):
        return None  # 'lower in the Group C (n = 32) for up to 24 h': a result clause uses the label (batch 5 28663633)
    return "(" + window[count.end():] if count and count.end() < len(window) else window


def word_group_given(text: str, end: int, pattern: re.Pattern[str]) -> bool:
    """Whether the 'X group' ending at ``end`` is the subject of a clause that gives it the intervention."""
    if not _GIVEN.match(text, end):
        return False
    return bool(pattern.search(re.split(r"(?<=[.;])\s", text[end:end + 150], maxsplit=1)[0]))


def present_arms_text(text: str) -> str:
    """``text`` without the sentences that call for a later trial (their placebo or control arm is not this study's)."""
    if not _FUTURE_TRIAL.search(text):
        return text
    return " ".join(s for s in re.split(r"(?<=[.!?])\s", text) if not _FUTURE_TRIAL.search(s))


# Every match of the 'X group' patterns (``arms.WORD_GROUP``, ``LABEL_AFTER``, ``_ARM_WORD`` and the arm words of
# ``arms_for``) holds a space before 'group', 'Group' or 'arm', and no character outside word characters, spaces,
# '.', '/', '+' and '-' (so none at all of ``_OUTSIDE``, and none of those is a word character).
_GROUP_WORD = re.compile(r"\s(?:group|arm|Group)")
_OUTSIDE = re.compile(r"[^\w\s./+-]")


@per_article  # asked for the arm words and the intervention's group words of the same abstract
def group_stretches(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each stretch of ``text`` between two characters of ``_OUTSIDE`` (commas, brackets, colons...)
    that holds a ' group' / ' Group' / ' arm': a quarter of an abstract, where every 'X group' match lies."""
    out: list[tuple[int, int]] = []
    reverse = text[::-1]
    end = -1
    for m in _GROUP_WORD.finditer(text):
        if m.start() < end:
            continue  # in the stretch already found
        before = _OUTSIDE.search(reverse, len(text) - m.start())  # the last such character before the word
        after = _OUTSIDE.search(text, m.end())
        end = after.start() if after else len(text)
        out.append((len(text) - before.start() if before else 0, end))
    return tuple(out)


def group_matches(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for an 'X group' pattern (see ``_GROUP_WORD``), reading only ``group_stretches``: no
    match crosses a stretch's edge, and the characters there are no word characters, so each word boundary reads
    as over the whole text (the pattern has no other look-around)."""
    for start, end in group_stretches(text):
        yield from pattern.finditer(text, start, end)


# An arm phrase a bracketed label directly follows: 'the intervention group (group T)', 'the test arm (Group B)'.
_ARM_PHRASE_END = re.compile(r"\b(?:[Tt]he\s)?[A-Za-z][\w-]*\s(?:group|arm)\s?$")


def bracketed_alias(definition: str) -> str | None:
    """The arm phrase that ends the words before a bracketed label ('the experimental group' in 'the experimental
    group (group T)'): the label renames that arm, whichever side it is on; None when the words end otherwise."""
    m = _ARM_PHRASE_END.search(definition)
    return m.group(0).strip() if m else None


# The generic names of a trial's treated arm: a label defined as one of them is the intervention's arm (an arm the
# abstract labels, so 'study group' here is one arm, not all participants).
_GENERIC_TREATED_ARM = re.compile(r"\b(?:case|study|treatment|intervention|experimental|active|trial|test) (?:group|arm)\b",
                                  re.I)


def alias_is_intervention(phrase: str, named: re.Pattern[str] | None) -> bool:
    """Whether the arm phrase a label renames is the intervention's: a generic treated arm or one of its names."""
    return bool(_GENERIC_TREATED_ARM.search(phrase) or (named and named.search(phrase)))


_FORMER_LATTER = re.compile(r"\bthe (former|latter)\b", re.I)


def former_latter(text: str, previous: str) -> str:
    """'the former' / 'the latter' replaced by the first / last of the two arms named in ``previous``.

    ``previous`` named the arms ('A was compared with B'; 'between A and B'), split at the comparison word:
    'the former' reads as A, 'the latter' as B. Unchanged when ``previous`` does not name two sides.
    """
    if not _FORMER_LATTER.search(text):
        return text
    m = re.search(r"(?P<a>[^,;]{2,80}?)\s(?:was |were )?(?:compared (?:with|to)|versus|vs\.?|and|or|than)\s"
                  r"(?P<b>[^,;.]{2,80})", re.sub(r"^.*?\b(?:between|comparing|of)\s", "", previous, count=1))
    if not m:
        return text
    first = m.group("a").strip()
    last = re.split(r"\s(?:in|among|for|at|on|during|after|before)\s", m.group("b"), maxsplit=1)[0].strip()
    return _FORMER_LATTER.sub(lambda f: first if f.group(1).lower() == "former" else last, text)


_NEGATION = re.compile(r"\b(?:not|no|without)\s+", re.I)
_COUNT = re.compile(r"\bn\s*=\s*\d+|[^\w]+", re.I)


def negated_pair(definitions: dict[str, str]) -> str | None:
    """Of two arms defined as X and as 'not X' / 'without X' ('Group A (using the model; n = 43) versus Group B (not
    using the model; n = 60)', batch 7 PMC5041956), the label of the arm given X: the experimental arm, where no
    definition names the intervention as the abstract does. None unless exactly two such definitions."""
    if len(definitions) != 2:
        return None
    def words(d: str) -> str:
        return _COUNT.sub(" ", d).strip().lower()
    (a, da), (b, db) = definitions.items()
    for positive, given, negated in ((a, da, db), (b, db, da)):
        m = _NEGATION.search(negated)
        if m and not _NEGATION.search(given) and words(given) and words(negated[:m.start()] + negated[m.end():]) == words(given):
            return positive
    return None


def initial_of(pattern: re.Pattern[str]) -> str | None:
    """First letter of the intervention's first name in its pattern ('ketamine' -> 'K')."""
    m = re.search(r"\(\?:\s*\\?([A-Za-z])", pattern.pattern)
    return m.group(1).upper() if m else None


def label_regex(labels: set[str], bare: list[str] | set[str]) -> re.Pattern[str] | None:
    """'group X' / 'X group' for each label, and the bare word for names and abbreviations."""
    if not labels:
        return None
    alt = "|".join(re.escape(t) for t in longest_first(labels))
    parts = [rf"\b[Gg]roups?\s(?:{alt})\b", rf"\b(?:{alt})(?:[- ]treated)?\s[Gg]roups?\b"]
    if bare:
        parts.append(r"\b(?:%s)\b" % "|".join(re.escape(t) for t in longest_first(bare)))
    return re.compile("|".join(parts))


# 'it' / 'they' as the subject of a result clause: 'it also had higher restlessness and pain scores'. Only before a
# verb of having or showing (not an auxiliary: 'it has become less popular'), so that an expletive 'it' ('it was noted
# that ...') and a result's own subject ('it remained lower at 24 h', the outcome) are left alone.
_PRONOUN_SUBJECT = re.compile(
    r"\W*(?:(?:and|but|yet|whereas|while|although)\s)?(?P<p>it|they)\s(?:(?:also|still|even|however|additionally),?\s)?"
    r"(?=(?:ha[sd]|have)\b(?!\s(?:\w+ly\s)?(?:been|become|\w+ed|shown|taken|given|gotten)\b)|(?:showed?|shows|demonstrated|"
    r"exhibited|experienced|reported|required|needed|achieved|(?:was|were) associated)\b)", re.I)
# What may stand before the arm that is a clause's subject: a leading conjunction, an article, 'patients in'.
_BEFORE_SUBJECT = re.compile(r"\W*(?:(?:although|though|while|whereas|but|and|however|moreover|also|the|all|patients|"
                             r"subjects|participants|those|in|of|receiving|given|treated|with),?\s+)*$", re.I)
_COMPARISON_WORD = re.compile(r"\b(?:compared (?:with|to)|versus|vs\.?|than|in comparison (?:with|to)|relative to)\s", re.I)


def pronoun_arm(clause: str, previous: str, side: Callable[[str], str | None]) -> str:
    """``clause`` with a subject 'it' / 'they' replaced by the arm that is the subject of ``previous``.

    'Although group IV had shorter ... times compared with the other groups, it also had higher restlessness and
    pain scores' (blind2 PMC3570228): 'it' is group IV, whose pain the clause reports; read as written the clause
    names no arm, and its direction was credited to the intervention by default. Unchanged unless ``clause`` names
    no arm and the previous clause's subject (before its comparison word) is one arm, named first."""
    m = _PRONOUN_SUBJECT.match(clause)
    if not m or side(clause) is not None:
        return clause
    subject = _COMPARISON_WORD.split(previous, maxsplit=1)[0]
    arm = _subject_arm(subject, side)
    return clause if arm is None else clause[:m.start("p")] + arm + clause[m.end("p"):]


def _subject_arm(subject: str, side: Callable[[str], str | None]) -> str | None:
    """The shortest words naming one arm that open ``subject`` (after a conjunction or 'patients in'), or None."""
    ends = [w.end() for w in re.finditer(r"\w+", subject)]
    end = next((e for e in ends if side(subject[:e]) is not None), None)
    if end is None or side(subject[:end]) not in ("intervention", "comparator"):
        return None
    which = side(subject[:end])
    start = next(s.start() for s in reversed(list(re.finditer(r"\w+", subject[:end]))) if side(subject[s.start():end]) == which)
    if not _BEFORE_SUBJECT.match(subject[:start]) or side(subject) != which:
        return None
    return subject[start:end]
