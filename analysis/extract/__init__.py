"""Extraction: pure functions from an article to findings, composed by ``extract_article``.

Each extractor module exposes ``NAME``, ``VERSION`` and ``extract(ctx) -> list[Finding]``.
They run in ``EXTRACTORS`` order; a later extractor may read earlier findings through
``ctx.earlier(field)`` (for example relief duration reads the pain effect).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field

from ketamine_evidence.analysis.extract import article_cache
from ketamine_evidence.analysis.extract.interventions import Intervention, resolve_intervention
from ketamine_evidence.analysis.records import Article, Evidence, Finding, StudyRecord, build_study_record
from ketamine_evidence.analysis.parse.sentences import Sentence, split_article
from ketamine_evidence.analysis.extract import (
    adverse_events,
    conditions,
    design,
    dosing,
    durations,
    pain_effect,
    pain_scores,
    participants,
    relevance,
    responders,
    routes,
)

from ketamine_evidence.analysis.extract import (  # noqa: E402  (the shared reading aids, for fast_patterns)
    abstract_parts,
    arm_abbreviations,
    arm_values,
    arms,
    comparisons,
    direction,
    event_arms,
    event_negation,
    event_roles,
    event_sections,
    event_sentences,
    event_terms,
    fast_re,
    follow_up,
    outcomes,
    protocols,
    relief,
    timepoints,
    interventions as _interventions,
    regimen_text,
    screening,
    study_text,
    text_patterns,
)

EXTRACTORS = (design, participants, conditions, routes, dosing, adverse_events,
              pain_scores, responders, pain_effect, durations, relevance)
# Their module-level case-insensitive patterns run in lower case on lower-cased text (same matches, several times
# faster in ``re``; see ``fast_re``). Patterns built inside functions are left as they are.
for _module in (*EXTRACTORS, abstract_parts, arm_abbreviations, arm_values, arms, comparisons, direction, event_arms, event_negation, event_roles, event_sections, event_sentences,
                event_terms,
                follow_up, outcomes, protocols, relief, timepoints, _interventions, regimen_text, screening, study_text,
                text_patterns):
    fast_re.fast_patterns(vars(_module))
# The same for every other module of this package loaded by now: the rule helpers the extractors import
# (``route_sites``, ``pain_roles``, ``design_cues``, ``arm_definitions``...), whose ``re.I`` patterns ran in ``re.I``
# on every sentence they read (``route_sites.implied_oral``'s ``ORAL_FORM`` on each sentence of a ketamine record).
for _name, _module in list(sys.modules.items()):
    if _name.startswith(__name__ + ".") and _module is not None:
        fast_re.fast_patterns(vars(_module))
# Extractors that read only what the abstract says about the intervention: none of them finds anything in an
# article that never names it, so they are not run there (most MEDLINE records: fast whole-MEDLINE runs).
INTERVENTION_SPECIFIC = frozenset({routes, dosing, adverse_events, pain_scores, responders, pain_effect, durations})
# Each extractor with, read once: whether it runs only where the intervention is named, and its own check for an
# abstract that names the intervention in part (``named_in_part``) or None. A failed ``hasattr`` on a module costs
# some 1.3 microseconds (an AttributeError made and dropped), six times for every record that never names it.
_PLAN = tuple((module, module in INTERVENTION_SPECIFIC, getattr(module, "named_in_part", None))
              for module in EXTRACTORS)


@dataclass
class Context:
    """What every extractor sees: the article, its sentences (split once) and the intervention."""

    article: Article
    sentences: list[Sentence]
    intervention: Intervention
    findings: list[Finding] = field(default_factory=list)
    _intervention_sentences: list[Sentence] | None = field(default=None, repr=False, compare=False)
    _text: str | None = field(default=None, repr=False, compare=False)
    _pooled: tuple[str, Sentence | None] | None = field(default=None, repr=False, compare=False)  # design.pooled_of

    @property
    def text(self) -> str:
        """``article.text`` built once: the same string object every time, so the per-text caches of
        the extractors find it without hashing a new copy."""
        if self._text is None:
            self._text = self.article.text
        return self._text

    def earlier(self, field_name: str) -> list[Finding]:
        """Findings for ``field_name`` made by extractors that ran before this one."""
        return [f for f in self.findings if f.field == field_name]

    def evidence(self, sentence: Sentence, extractor: str, version: str) -> Evidence:
        source = "title" if sentence.section == "TITLE" else "abstract"
        return Evidence(sentence.text, sentence.start, sentence.end, extractor, version, source)

    def intervention_sentences(self) -> list[Sentence]:
        """Sentences that name the intervention (by any synonym); found once per article."""
        if self._intervention_sentences is None:
            if not self.intervention.mentioned_in(self.text):
                self._intervention_sentences = []
            else:
                pattern = self.intervention.pattern
                self._intervention_sentences = [s for s in self.sentences if pattern.search(s.text)]
        return list(self._intervention_sentences)


def make_context(article: Article, intervention: Intervention | str = "ketamine") -> Context:
    if isinstance(intervention, str):
        intervention = resolve_intervention(intervention)
    text = article.text
    intervention = intervention.with_abbreviations(text)  # 'cannabis-based medicinal extract (CBME)'
    intervention = intervention.with_name_words(text)  # 'ginger and artichoke extract supplementation' -> 'ginger'
    return Context(article=article, sentences=split_article(article, text), intervention=intervention, _text=text)


def extract_findings(article: Article, intervention: Intervention | str = "ketamine") -> list[Finding]:
    """Every finding of every extractor for one article."""
    article_cache.new_article()  # the intervention pattern's results for the previous article's texts are not needed
    ctx = make_context(article, intervention)
    mentioned = ctx.intervention.mentioned_in(ctx.text)
    fast_re.spell_gates(not mentioned)  # only the cost of the shared key pre-checks differs (``fast_re``)
    for module, specific, named_in_part in _PLAN:
        if mentioned or not specific or (named_in_part is not None and named_in_part(ctx)):
            ctx.findings.extend(module.extract(ctx))
    return ctx.findings


def extract_article(article: Article, intervention: Intervention | str = "ketamine") -> tuple[StudyRecord, list[Finding]]:
    """The gold-format study record and the findings behind it."""
    if isinstance(intervention, str):
        intervention = resolve_intervention(intervention)
    findings = extract_findings(article, intervention)
    return build_study_record(article, findings, intervention.name), findings
