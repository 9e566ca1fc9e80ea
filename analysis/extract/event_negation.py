"""Negation and no-difference comparisons of adverse-event mentions.

NegEx/ConText-style: trigger phrases from ``lexicons/negation_triggers.toml`` negate the events in
their scope (after a ``pre`` trigger, before a ``post`` trigger) up to a terminating word or the
clause's end; pseudo-triggers ("no significant difference in ...") do not negate. spaCy-based
negspacy/medspaCy do the same on top of a parser that would cost far more than the whole pipeline's
budget per record, so the triggers are kept as data here. A comparison that found the arms alike
("similar", "comparable", "no significant difference") is marked ``compared``, not negated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ketamine_evidence.analysis.extract import required_text
from ketamine_evidence.analysis.extract.article_cache import per_article
from ketamine_evidence.analysis.extract.event_terms import LEXICON, alternation, lexicon_hits, load_lexicon
from ketamine_evidence.analysis.extract.inactive_arms import NAMED


@dataclass(frozen=True)
class _Negation:
    pre: re.Pattern[str]
    post: re.Pattern[str]
    pseudo: re.Pattern[str]
    terminate: re.Pattern[str]
    max_words: int
    subject: re.Pattern[str]
    verbs: re.Pattern[str]


def _word(alternation: str) -> re.Pattern[str]:
    """The alternation as whole words, led by a look-ahead for the letters its phrases start with: a pattern that
    starts with a look-behind is tried at every character, one that starts with a class of characters only where
    the text holds one (the trigger lists' scans take half the time, same matches)."""
    source = rf"(?<![\w-])(?:{alternation})(?![\w-])"
    firsts = required_text.first_letters(source, re.I)
    if firsts:
        source = "(?=[%s])" % "".join(re.escape(c) for c in sorted(firsts)) + source
    return re.compile(source, re.I)


def _compile_negation() -> _Negation:
    data = load_lexicon("negation_triggers.toml")
    word = _word
    return _Negation(pre=word(alternation(data["pre"])), post=word(alternation(data["post"])), pseudo=word(alternation(data["pseudo"])),
                     terminate=word(alternation(data["terminate"])), max_words=int(data.get("max_words", 12)),
                     subject=re.compile(rf"(?:{alternation(data['subject'])})$", re.I), verbs=word(alternation(data["verbs"])))


NEGATION = _compile_negation()


@dataclass(frozen=True)
class EventMention:
    """One adverse-event wording in a sentence: its preferred terms (empty for a general mention)."""

    terms: tuple[str, ...]
    kind: str  # 'term' or 'generic'
    words: str
    start: int
    end: int
    negated: bool = False
    compared: bool = False  # in a comparison that did not differ ('no difference in X', 'X was similar')


def find_event_mentions(text: str) -> list[EventMention]:
    """Every lexicon hit in ``text`` with its negation status."""
    return list(_event_mentions(text))


@per_article  # the sentences of one article: the event extractor and the sentence detector read each
def _event_mentions(text: str) -> tuple[EventMention, ...]:
    mentions = []
    for m in lexicon_hits(text):
        kind, terms = LEXICON.classify(m.group(0))
        mentions.append(EventMention(terms, kind, m.group(0), m.start(), m.end()))
    if not mentions:
        return ()
    negated = negated_spans(text)
    compared = compared_spans(text)
    return tuple(EventMention(x.terms, x.kind, x.words, x.start, x.end,
                              any(a <= x.start and x.end <= b for a, b in negated),
                              any(a <= x.start and x.end <= b for a, b in compared)) for x in mentions)


_SIMILAR = re.compile(r"\b(?:similar|comparable|equivalent|equal|not differ\w*|did not differ)\b(?!\s+(?:in part\s+)?to\b)",
                      re.I)
CONTRAST = re.compile(r",?\s\b(?:whereas|while|but|however|although|otherwise)\b|\.\s", re.I)
# Where a sentence turns to another clause for the arm an event is put in (``adverse_events``): contrasts, ';', and
# coordination (', and', ', also', ', with').
CLAUSE_SPLIT = re.compile(r";|,?\s\b(?:whereas|while|but|however|although|otherwise)\b|,\s(?:and\s|also\s|with\s)|"
                          r"\.\s", re.I)


@per_article  # one sentence, asked for each of its events (compared spans, similarity, the event's arm)
def contrast_bounds(text: str) -> tuple[int, ...]:
    """0, the end of each ``CONTRAST`` in ``text``, and its length: the sentence's parts, found once per sentence."""
    return (0, *[m.end() for m in CONTRAST.finditer(text)], len(text))


@per_article  # one sentence, asked for each of its events by ``adverse_events``
def clause_bounds(text: str) -> tuple[int, ...]:
    """0, the end of each ``CLAUSE_SPLIT`` in ``text``, and its length: the sentence's clauses, found once."""
    return (0, *[m.end() for m in CLAUSE_SPLIT.finditer(text)], len(text))


def part_around(bounds: tuple[int, ...], start: int) -> tuple[int, int]:
    """(start, end) of the part of ``bounds`` (from ``contrast_bounds`` or ``clause_bounds``) holding ``start``."""
    return max(b for b in bounds if b <= start), min((b for b in bounds if b > start), default=bounds[-1])


# A comparison that found the arms alike ('similar', 'comparable', 'did not differ', 'no significant difference'):
# the events compared occurred (the guideline's 'incidence of X was similar between groups'), unlike a change
# that did not happen ('without an increase in sedation', 'no effect on nausea').
SIMILARITY = re.compile(
    r"\b(?:similar|comparable|equivalent|not (?:significantly |statistically )?different|"
    r"did not (?:significantly |statistically )?differ|not differ\w*|"
    r"no (?:statistically |clinically )?(?:significant |relevant )?differences?)\b(?!\s+(?:in part\s+)?to\b)|"
    r"\b(?:similar|comparable|equivalent) to (?:that |those )?(?:of |in |with |seen with |observed with )?(?:the )?"
    rf"(?:{NAMED}|control|comparator|[\w-]+ (?:group|arm))", re.I)  # an inactive arm: ``inactive_arms.NAMED``


def compared_spans(text: str) -> list[tuple[int, int]]:
    """Parts of a sentence (up to a contrast) holding a comparison that found no difference ('similar')."""
    starts = [a for a, _ in _pseudo_spans(text)] + [m.start() for m in (*_SIMILAR.finditer(text),
                                                                       *SIMILARITY.finditer(text))]
    if not starts:  # nine sentences with an event in ten: the contrasts are not read
        return []
    bounds = contrast_bounds(text)
    return [part_around(bounds, start) for start in starts]


@per_article  # the sentences of one article: read for negation and for comparisons
def _pseudo_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Where the pseudo-triggers ('no significant difference in') are."""
    return tuple((m.start(), m.end()) for m in NEGATION.pseudo.finditer(text))


def is_negated(text: str, start: int, end: int) -> bool:
    """Whether the words at ``text[start:end]`` fall in a negation trigger's scope (NegEx/ConText)."""
    return any(a <= start and start < b for a, b in negated_spans(text))


_STOP, _TOKEN = re.compile(r"[;:]"), re.compile(r"\S+")
# 'The incidence of adverse effects was not dose related, and nervous system disorders, mainly headache, were the most
# frequently reported' (batch 7 PMC4947329): a 'not' after a copula negates its predicate; when the predicate names no
# event, a comma and a conjunction start another clause, which the 'not' does not reach.
_COPULA_NOT = re.compile(r"\b(?:was|were|is|are|be|been|being)\s+$", re.I)
_CLAUSE_JOIN = re.compile(r",\s+(?:and|but|while|whereas|yet)\s", re.I)


def _predicate_end(text: str, trigger: re.Match[str], end: int) -> int:
    """The end of a copula's 'not' scope: the next comma-conjunction when no event lies between (else ``end``)."""
    if trigger.group(0).lower() != "not" or not _COPULA_NOT.search(text, max(0, trigger.start() - 12), trigger.start()):
        return end
    join = _CLAUSE_JOIN.search(text, trigger.end(), end)
    if join is None or any(trigger.end() <= h.start() < join.start() for h in lexicon_hits(text)):
        return end
    return join.start()


def negated_spans(text: str) -> list[tuple[int, int]]:
    """Character spans a negation trigger covers (NegEx: forward from ``pre``, backward from ``post``)."""
    return list(_negated_spans(text))


@per_article  # the sentences of one article: the event mentions and the sentence detector read each
def _negated_spans(text: str) -> tuple[tuple[int, int], ...]:
    # The triggers first: four sentences with an event in five hold none, and then the scope ends (terminating
    # words, stops, verbs) and the pseudo-triggers are not read for negation.
    pre, post = list(NEGATION.pre.finditer(text)), list(NEGATION.post.finditer(text))
    if not pre and not post:
        return ()
    pseudo = _pseudo_spans(text)
    in_pseudo = lambda s, e: any(a <= s and e <= b for a, b in pseudo)  # noqa: E731
    stops = [m.start() for m in NEGATION.terminate.finditer(text)] + [m.start() for m in _STOP.finditer(text)]
    spans = []
    verbs: list[int] | None = None  # the scope ends of the non-subject pre triggers, read when one needs them
    for m in pre:
        if in_pseudo(m.start(), m.end()):
            continue
        if NEGATION.subject.search(m.group(0)):
            ends = stops
        else:
            if verbs is None:
                verbs = [v.start() for v in NEGATION.verbs.finditer(text)]
            ends = stops + [v for v in verbs if v > m.end()]
        end = min([s for s in ends if s >= m.end()] + [len(text)])
        end = _predicate_end(text, m, end)
        words = list(_TOKEN.finditer(text[m.end():end]))
        if len(words) > NEGATION.max_words:
            end = m.end() + words[NEGATION.max_words - 1].end()
        spans.append((m.end(), end))
    for m in post:
        if in_pseudo(m.start(), m.end()):
            continue
        start = max([s for s in stops if s < m.start()] + [0])
        words = list(_TOKEN.finditer(text[start:m.start()]))
        if len(words) > NEGATION.max_words:
            start = start + words[-NEGATION.max_words].start()
        spans.append((start, m.start()))
    return tuple(spans)
