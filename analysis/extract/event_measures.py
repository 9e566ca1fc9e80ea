"""Events an abstract measures as outcomes rather than reports as having happened (the role of an event word).

An event word the abstract ties to a measuring instrument ('VAS for sedation', 'muscle fatigue index', 'anxiety and
depression scores', 'Insomnia Severity Index') names a quantity the trial measures in every patient, as pain is
measured: the construct is an outcome of the study (guideline: the effect a study aims at is no adverse event).
Its other mentions in the same abstract ('muscles ... suffered muscle fatigue more easily', 'anxiety was lower
with melatonin') report that measure, not an event that occurred, unless the sentence itself reports the event as
an occurrence: a count or percentage of patients, an incidence or rate, a list of adverse events, or the
intervention causing it ('ketamine-induced'). The mention-level reading (``event_roles.is_outcome``: 'sedation
scores') knows the role only where the instrument is named beside the word; this carries it over the abstract.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterable

from ketamine_evidence.analysis.extract.event_negation import find_event_mentions
from ketamine_evidence.analysis.extract.event_terms import GENERIC, OTHER

if TYPE_CHECKING:
    from ketamine_evidence.analysis.extract.event_negation import EventMention

__all__ = ["coefficient_measured", "instrument_measured", "measured_only", "measured_terms", "reduced_symptom",
           "reported_as_occurrence"]

# Words that name a measuring instrument or its reading. Not 'grade' ('grade 3 fatigue' counts a toxicity that
# occurred) nor 'test' or 'assessment' (too often the procedure, not the measure).
_INSTRUMENT = (r"(?:scales?|scores?|scoring|index|indices|indexes|questionnaires?|inventor(?:y|ies)|subscales?|"
               r"subscores?|VAS|NRS|VRS|ratings?)")
# The instrument after the event word, across a coordinated list sharing it ('anxiety, depression and fatigue
# scores') and one qualifying word ('fatigue severity scale', 'Ramsay sedation score' read from 'sedation').
# A dash joins the words of an instrument's name as a hyphen does ('Sedation–Agitation Scale', batch 6 14975051).
_AFTER = re.compile(rf"(?:\s*(?:,|/|\band\b|\bor\b)\s*(?:[\w-]+\s+){{0,1}}[\w-]+){{0,3}}[\s\-\u2013]+(?:[\w-]+[\s\-\u2013]+)?"
                    rf"{_INSTRUMENT}\b", re.I)
# The instrument before it, its abbreviation in brackets or not ('VAS for sedation', 'visual analogue scale (VAS)
# for sedation', 'scale of anxiety').
_BEFORE = re.compile(rf"\b{_INSTRUMENT}(?:\s*\([^()]{{1,15}}\))?\s+(?:for|of)\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}$", re.I)


def instrument_measured(text: str, m: "EventMention") -> bool:
    """Whether the event mention ``m`` of ``text`` is tied to a measuring instrument."""
    after = _AFTER.match(text, m.end)
    if after is not None and not re.search(r"[.;:]", after.group(0)):
        return True
    return _BEFORE.search(text[max(0, m.start - 60):m.start]) is not None


def measured_terms(sentences: Iterable[str]) -> frozenset[str]:
    """Preferred terms that some sentence ties to a measuring instrument, outside a list of adverse events
    ('side effects ... were scored')."""
    out: set[str] = set()
    for text in sentences:
        mentions = find_event_mentions(text)
        for m in mentions:
            if m.kind != "term" or any(x.kind == GENERIC and x.end <= m.start for x in mentions):
                continue
            if instrument_measured(text, m):
                out.update(_keys(m))
    return frozenset(out)


def _keys(m: "EventMention") -> list[str]:
    """The terms of ``m``; 'other' stands for many events, so it is keyed by its words ('other:cough')."""
    return [f"{OTHER}:{m.words.lower()}" if t == OTHER else t for t in m.terms]


# An occurrence: patients counted or a share of them ('in 3 patients', '12%', '4/30'), an incidence or rate.
# Frequency wording is an occurrence too: 'sedation was more frequent / more common / observed more often with X'.
_OCCURRENCE = re.compile(r"\b(?:incidences?|frequency|frequent(?:ly)?|infrequent(?:ly)?|common(?:ly)?|often|occurr\w*|"
                         r"occurrence|rates?|episodes?|proportion|number of (?:patients|subjects|participants|cases|events|"
                         r"episodes))\b", re.I)
_COUNT_AFTER = re.compile(r"^[^.;]{0,40}?(?:\b\d+\s*(?:/|of|out of)\s*\d+\b|\bin \d+\b|\d\s?%|\b\d+ (?:patients?|"
                          r"subjects?|participants?|children|cases|women|men)\b)", re.I)

# The drug's effect ('with the less sedative effect'): the event named as what the treatment did.
_EFFECT = re.compile(r"\s+(?:side[\s-])?effects?\b", re.I)  # after the words, or in them ('sedative effect')


def reported_as_occurrence(text: str, m: "EventMention", mentions: list["EventMention"]) -> bool:
    """Whether the sentence reports the event as having occurred in patients: counted, as an incidence or rate,
    or in a list of adverse events."""
    if any(x.kind == GENERIC and not x.negated for x in mentions) or _EFFECT.search(m.words) \
            or _EFFECT.match(text, m.end):
        return True
    if _OCCURRENCE.search(text[max(0, m.start - 80):m.start]) or _OCCURRENCE.search(text, m.end, m.end + 40):
        return True
    return _COUNT_AFTER.match(text[m.end:]) is not None


def measured_only(measured: frozenset[str], text: str, m: "EventMention", mentions: list["EventMention"]) -> bool:
    """Whether every term of ``m`` is a measured construct of the abstract and its sentence reports no
    occurrence of it."""
    return bool(m.terms) and all(t in measured for t in _keys(m)) and not reported_as_occurrence(text, m, mentions)


# In a trial of a treatment that is no drug (exercise, acupuncture, an operation), a symptom its clause reports reduced
# or improved, with no occurrence stated, is the treatment's benefit (additions rule am), not a tolerability harm
# reduced (rule q, written for drugs' harms). Kept in the tenth round for invariance: without it, removing an abstract's
# labels or bracketing its p-values changed such readings (pool dev 11 -> 9, batch 6 16 -> 15 changed values).
_REDUCED = re.compile(r"\b(?:less|lesser|lower|reduced|reduction|reduc(?:es|ing)|decreased?|decreas(?:es|ing)|improved|"
                      r"improvements?|improv(?:es|ing)|milder|fewer|better|resolved|disappeared|subsided|alleviat\w+|"
                      r"reliev\w+|fell|declined|favou?r(?:s|ed|ing)?|in favou?r of)\b", re.I)
_CLAUSE = re.compile(r";|,?\s\b(?:whereas|while|but|however|although)\b|\.\s")


def reduced_symptom(text: str, m: "EventMention", mentions: list["EventMention"]) -> bool:
    """Whether the event's clause reports it reduced or improved and the sentence reports no occurrence of it."""
    bounds = [0] + [b.end() for b in _CLAUSE.finditer(text)] + [len(text)]
    lo = max(b for b in bounds if b <= m.start)
    hi = min((b for b in bounds if b > m.start), default=len(text))
    return _REDUCED.search(text, lo, hi) is not None and not reported_as_occurrence(text, m, mentions)


# A regression or correlation coefficient describes a quantity measured on a scale in every patient, not a count of
# patients with an event: 'reported ... more fatigue, insomnia, pain, and anxiety (beta = 0.58-0.86, p < 0.05)'
# (blind2 PMC5951872, quality-of-life symptom scales in a structural equation model). The coefficient is the first
# statistic in the bracket closing the event's coordinated list; an odds or risk ratio (an incidence) is not one.
_COEFFICIENT_AFTER = re.compile(r"(?:\s*(?:,|/|\band\b|\bor\b)\s*(?:and\s+|or\s+)?(?:[\w-]+\s+){0,1}[\w-]+){0,5}\s*"
                                r"[(\[]\s*(?:(?:standardi[sz]ed\s+|Pearson(?:'s)?\s+|Spearman(?:'s)?\s+)?(?:β|beta|(?<![A-Za-z])r|ρ|rho|r_?s|R2|R²)|"
                                r"(?:regression|correlation|path)\s+coefficients?)\s*[=<>≤≥:]", re.I)


def coefficient_measured(text: str, m: "EventMention") -> bool:
    """Whether the event's list ends in a bracketed regression or correlation coefficient (a scale, not an event)."""
    return _COEFFICIENT_AFTER.match(text, m.end) is not None
