"""Which abstract sentences give background, the aim or the methods rather than this study's results (for adverse
events).

Split out of :mod:`.adverse_events`: an event named in the background ('ketamine is known to cause
hallucinations') or in the aim ('to compare the incidence of PONV') did not occur in this study.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from ketamine_evidence.analysis.extract.article_cache import per_article
from ketamine_evidence.analysis.extract.event_negation import SIMILARITY
from ketamine_evidence.analysis.extract.section_roles import section_role

if TYPE_CHECKING:
    from ketamine_evidence.analysis.extract import Context
    from ketamine_evidence.analysis.extract.event_negation import EventMention
    from ketamine_evidence.analysis.parse.sentences import Sentence

__all__ = ["AIM", "ENROLLED", "aim_stated", "background", "is_methods", "label_kinds", "population", "sentence_labels"]

# An aim sentence ('we aimed to', 'the objective was', 'to compare ...').
AIM = re.compile(
    r"\b(?:aims?|aimed|purpose|goal|hypothes[ie]s|hypothesi[sz]ed)\b|\bto (?:evaluate|investigate|"
    # 'objective' names the aim as a noun ('the objective was', 'objectives:'), not as an adjective
    # ('objective alopecia', 'objective response')
    r"\bobjectives?(?=\s*(?:was|were|is|are|of|:|\.|,|to)\b|\s*:)|\b(?:the|our|primary|main|study|secondary) objectives?\b|"
    r"assess|compare|determine|examine|test|study|explore)\b|\bwe (?:evaluated|investigated|examined|compared|"
    r"assessed|studied|tested|explored|sought)\b|\bthis (?:study|trial) (?:examined|investigated|evaluated|"
    r"compared|assessed|tested|explored|sought|was designed|aims?)\b",
    re.I)


@per_article  # asked of each sentence by ``background`` (twice) and by the event extractor's aim terms
def aim_stated(text: str) -> bool:
    """Whether a sentence states an aim (``AIM``)."""
    return AIM.search(text) is not None


def background(ctx: "Context") -> set[int]:
    """Indices of sentences that give background or the aim, not this study's results: a background or
    objective section, or in an abstract without sections, what comes before (and is) the aim sentence."""
    from ketamine_evidence.analysis.extract.abstract_parts import unlabelled_background  # it reads ``aim_stated``

    out: set[int] = set()
    first_aim = next((s.index for s in ctx.sentences[:6] if s.section != "TITLE" and aim_stated(s.text)), None)
    labels = sentence_labels(ctx)
    opening = unlabelled_background(ctx)
    for s in ctx.sentences:
        background, reported, results, _ = label_kinds(labels[s.index])
        if background or s.index in opening:
            out.add(s.index)
        elif not reported and first_aim is not None and s.index <= first_aim:
            out.add(s.index)
        elif aim_stated(s.text) and not results:
            out.add(s.index)
    return out


@lru_cache(maxsize=256)  # a handful of section labels ('BACKGROUND', 'Results') recur in every abstract
def label_kinds(label: str) -> tuple[bool, bool, bool, bool]:
    """Whether a section label (``section_role``) names the background or aim, a part that reports (methods,
    results, conclusions), the results or conclusions, the objective."""
    role = section_role(label)
    return (role in ("background", "objective"), role in ("methods", "results", "conclusions"),
            role in ("results", "conclusions"), role == "objective")


_INLINE_LABEL = re.compile(r"^([A-Z][A-Za-z /&-]{2,40}):\s")


def sentence_labels(ctx: "Context") -> dict[int, str]:
    """Each sentence's abstract part: its section, or a label written inline ('Results: ...') within it."""
    out: dict[int, str] = {}
    section, current = None, ""
    for s in ctx.sentences:
        if s.section != section:
            section, current = s.section, s.section or ""
        m = _INLINE_LABEL.match(s.text)
        if m:
            current = m.group(1)
        out[s.index] = current
    return out


# The patients enrolled ('225 adult patients with acute sore throat were randomly assigned', 'Three hundred fifty-two
# people with dementia and significant agitation ... were included', batch 6 24819710): an event named as who was
# enrolled is the treated condition, not a harm (guideline: the condition itself is no adverse event).
_PEOPLE = (r"(?:patients?|subjects?|participants?|adults?|children|women|men|volunteers?|individuals?|people|persons|"
           r"residents?)")
ENROLLED = re.compile(r"\b(?:randomi[sz]ed|randomly|enrolled|included|recruited|allocated|assigned|scheduled)\b", re.I)
_POPULATION = re.compile(r"\b" + _PEOPLE + r"\s+(?:with|suffering from|diagnosed with|having|presenting with)\s+"
                         r"(?:[\w'-]+,?\s+){0,4}$", re.I)
# The same patients described by a relative clause after their other qualifiers ('adults (aged 18-65 years) diagnosed
# with major depressive disorder (MDD) who self-reported cognitive dysfunction', blind2 PMC4839526): in a sentence that
# enrols them, what they had or reported is why they were enrolled.
_POPULATION_WHO = re.compile(r"\b" + _PEOPLE + r"\b[^.;]{0,100}?\bwho\s+(?:(?:self-)?report(?:ed|s)?|ha(?:ve|d|s)|"
                             r"suffer(?:ed|s)?\s+from|present(?:ed|s)?\s+with|complain(?:ed|s)?\s+of)\s+"
                             r"(?:[\w'-]+,?\s+){0,4}$", re.I)


def population(text: str, start: int) -> bool:
    """Whether the event at ``start`` names the condition of the patients described (in a sentence ``ENROLLED``
    finds: 'patients with headache and neck pain', batch 4 PMC2758835; 'patients with symptomatic recurrent
    malignant pleural effusion', batch 4 PMC4004388; 'patients with acute sore throat', batch 5 PMC3050701), also by
    a relative clause ('adults ... who self-reported cognitive dysfunction')."""
    return _POPULATION.search(text[max(0, start - 80):start]) is not None or \
        _POPULATION_WHO.search(text[max(0, start - 160):start]) is not None


# Planned measurements: a methods sentence says what was recorded, not what happened.
METHODS_VERBS = re.compile(
    r"\b(?:was|were|are|is|be|been)\s+(?:also\s+)?(?:assessed|recorded|measured|monitored|evaluated|documented|"
    r"examined|investigated|compared|collected|registered|analy[sz]ed|scored|graded|rated|observed for|"
    r"questioned|asked|noted|checked|determined|defined as)\b|"
    r"^\W*(?:the )?(?:assessment|measurement|monitoring|recording) of\b|"
    r"\bwe (?:assessed|recorded|measured|monitored|evaluated|compared|examined|investigated|collected)\b|\bwe (?:will )?"
    r"(?:assess|record|measure|monitor|evaluate|compare|examine|investigate|collect)\b|\b(?:outcomes?|endpoints?|"
    r"end points?|measures?) (?:were|was|are|is|will be|included|includ\w+)\b",
    re.I)
# A plan, not a result: future tense or an inclusion criterion ('patients with no history of nausea').
PLANNED = re.compile(r"\b(?:will|would|shall|to be|inclusion|exclusion|eligible|criteria|history of)\b", re.I)
PROTOCOL = re.compile(r"\b(?:will|shall|(?:inclusion|exclusion|eligibility) criteria)\b", re.I)
# A result despite a methods verb: a count, a percentage, an occurrence ('noted among both groups'), a rise.
OCCURRED = re.compile(r"\b(?:in|of) \d+\b|\d\s?%|\b(?:occurred|developed|experienced|(?:observed|reported|noted|seen|"
                      r"found) (?:in|among|between)|increase[sd]?|higher|more)\b", re.I)


def is_methods(sentence: "Sentence", mentions: "list[EventMention]") -> bool:
    """A planned measurement ('side effects were recorded') or, outside the results, a plan or an eligibility rule
    ('Main exclusion criteria are'): not a result. An event negated ('No major adverse effects were registered') is."""
    methods, results = _methods_label(sentence.section or "")
    if methods and not results:
        return True
    if any(m.negated for m in mentions) and not PLANNED.search(sentence.text):
        return False
    return (PROTOCOL.search(sentence.text) is not None and not results) or (
        METHODS_VERBS.search(sentence.text) is not None and not SIMILARITY.search(sentence.text) and not
        OCCURRED.search(sentence.text))


@lru_cache(maxsize=256)  # a vocabulary: the few section labels recur in every abstract
def _methods_label(label: str) -> tuple[bool, bool]:
    """Whether a section label names a methods part, and whether it names the results (``section_role``)."""
    role = section_role(label)
    return role == "methods", role == "results"
