"""Extractor: is the record relevant (guideline ``relevant``), plus auxiliary ``human`` and
``intervention_relevant`` findings.

``relevant`` is always the ketamine question, whatever intervention the other fields are read for:
ketamine or esketamine is an intervention studied for pain relief in humans. ``intervention_relevant``
asks the same question of the chosen intervention (identical for ketamine); screening includes
studies on it, so a run for another treatment gives that treatment's evidence tables.
It runs last and reads earlier findings: ``design`` (animal studies are not relevant, reviews can
be) and ``conditions`` (empty where no pain outcome is studied). Ketamine must be a studied arm: named in the title or given to a
group in the methods or results, not only the anaesthetic every patient had ('anaesthesia was
induced with ketamine') nor only mentioned in the background.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from ketamine_evidence.analysis.extract.study_text import FUTURE_CUE, PAIN, is_background_sentence
from ketamine_evidence.analysis.extract.interventions import Intervention, resolve_intervention
from ketamine_evidence.analysis.records import Evidence, Finding

if TYPE_CHECKING:
    from ketamine_evidence.analysis.extract import Context
    from ketamine_evidence.analysis.parse.sentences import Sentence

NAME = "relevance"
VERSION = "1.0"

ARM_CUE = re.compile(r"\b(?:groups?|received?|receiving|administ\w+|given|injected|infus\w+|bolus|dose[sd]?|"
                     r"\d\s?(?:mg|µg|μg|mcg)|compared?|comparison|versus|vs\.?|effects? of|efficacy|"
                     r"randomi[sz]\w*|assigned|allocated|treated|treatment|premedicat\w*|pretreat\w*|adjunct|"
                     r"addition|added|combination|combined|plus|placebo)\b", re.I)
ONLY_ANAESTHETIC = re.compile(r"\b(?:an(?:a)?esthesia (?:was|were) (?:induced|maintained) with|induced with|"
                              r"under (?:\w+ )?ketamine (?:an(?:a)?esthesia|sedation)|all (?:patients|children|"
                              r"participants) received)\b", re.I)
# Ketamine as the cause of harm, not a treatment: 'ketamine-induced cystitis', 'ketamine abusers'.
KETAMINE_HARM = re.compile(r"\bketamine[- ](?:induced|associated|related)\s+(?:\w+\s+)?(?:cystitis|uropathy|"
                           r"bladder|urinary|ulcerative|hepat\w*|cholangio\w*|psychos\w*|toxicity|damage)|\b(?:ketamine|"
                           r"recreational)\s+(?:abuse|misuse|abusers?|users?|dependence|addiction|use disorder)|"
                           r"\brecreational ketamine|\bketamine (?:abuse|misuse)", re.I)
REVIEW_DESIGNS = {"systematic_review", "narrative_review", "guideline"}


@lru_cache(maxsize=1)
def _ketamine() -> Intervention:
    return resolve_intervention("ketamine")


def ketamine_of(ctx: "Context") -> Intervention:
    """Ketamine as this run knows it (the context's own entry when the run is about ketamine)."""
    return ctx.intervention if ctx.intervention.name == "ketamine" else _ketamine()


def _design(ctx: "Context") -> Finding | None:
    found = ctx.earlier("design")
    return found[0] if found else None


def extract(ctx: "Context") -> list[Finding]:
    design = _design(ctx)
    human = not (design is not None and design.value == "animal")
    out = [Finding("human", human, design.evidence if design is not None else None, ctx.intervention.name)]
    relevant, evidence = _relevant(ctx, ketamine_of(ctx), design, human)
    out.append(Finding("relevant", relevant, evidence, ctx.intervention.name))
    if ctx.intervention.name != "ketamine":
        relevant, evidence = _relevant(ctx, ctx.intervention, design, human)
    out.append(Finding("intervention_relevant", relevant, evidence, ctx.intervention.name))
    return out


def _relevant(ctx: "Context", intervention: Intervention, design: Finding | None,
              human: bool) -> tuple[bool, Evidence | None]:
    """Is ``intervention`` a studied arm for pain relief in humans in this record?"""
    if not human:
        return False, design.evidence if design is not None else None
    if not intervention.mentioned_in(ctx.text):
        return False, None
    pattern = intervention.pattern
    sentences = [s for s in ctx.sentences if pattern.search(s.text)]
    if not sentences:
        return False, None
    conditions = ctx.earlier("conditions")
    if not conditions:
        return False, None
    harm = next((s for s in sentences if s.section == "TITLE" and KETAMINE_HARM.search(s.text)), None)
    if harm is not None:
        return False, ctx.evidence(harm, NAME, VERSION)
    title = next((s for s in sentences if s.section == "TITLE"), None)
    arms = [s for s in sentences if s.section != "TITLE" and not is_background_sentence(ctx, s)
            and ARM_CUE.search(s.text) and not FUTURE_CUE.search(s.text)]
    if design is not None and design.value in REVIEW_DESIGNS:
        pain_ketamine = next((s for s in sentences if PAIN.search(s.text)), None)
        if pain_ketamine is not None:
            return True, ctx.evidence(pain_ketamine, NAME, VERSION)
        return False, None
    if title is None and not arms:
        return False, None
    studied = [s for s in arms if not ONLY_ANAESTHETIC.search(s.text)]
    if title is None and not studied:
        return False, ctx.evidence(arms[0], NAME, VERSION)
    deciding = _best(title, studied)
    return True, ctx.evidence(deciding, NAME, VERSION)


def _best(title: "Sentence | None", studied: list["Sentence"]) -> "Sentence":
    """The title when it names ketamine with pain, else the first study sentence that does, else the first."""
    if title is not None and PAIN.search(title.text):
        return title
    with_pain = next((s for s in studied if PAIN.search(s.text)), None)
    if with_pain is not None:
        return with_pain
    return title if title is not None else studied[0]
