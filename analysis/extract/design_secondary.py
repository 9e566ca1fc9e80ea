"""A study's own design against the trial it builds on (guideline additions, rule ae), for ``design``.

An analysis of a trial's data names the trial's design ('a randomized, double-blind trial', 'patients randomized to
placebo') without being that trial. Rule ae keeps ``rct`` for a subset, subgroup or longer follow-up analysis that still
compares the randomised arms, and makes an analysis that studies relations between measures, predictors or prognosis
``prospective_observational``. Two readings tell them apart, both about this study, not its source:

1. *It says it builds on another trial*: it calls itself 'these post hoc analyses' or a post hoc, secondary,
   ancillary or exploratory analysis *of* a trial, a sub-study, or names a trial as the source of the data it analysed
   or of its people ('analyzed data from 142 persons ... who participated in a 12-week randomized controlled trial').
   'This trial' and an RCT's own 'exploratory analyses' are no other trial. A title that asks its relation *in* a trial
   ('Relationship between clinical and patient-reported outcomes in a phase 3 trial of ...') names the trial as the
   setting of its question, and so as its source.
2. *Its question is a relation, not the arms*: its title or objective (its part, or a sentence of aim) asks about associations, correlations,
   predictors, prognosis or risk factors, or compares people by what they achieved ('patients who achieved or did not
   achieve minimal disease activity'), and does not ask whether the treatment's effect differs (subgroups,
   modification, moderation, what predicts the response: those still compare the arms and keep ``rct``).

Why: the check set's design errors were nearly all non-trial designs read as ``rct``, and a post hoc analysis of the
GO-REVEAL trial was one on dev (docs/extraction.md, "design11, round 11").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ketamine_evidence.analysis.extract.section_roles import section_role
from ketamine_evidence.analysis.extract.study_text import Gated

if TYPE_CHECKING:
    from ketamine_evidence.analysis.parse.sentences import Sentence

_TRIAL_NOUN = r"(?:trials?|RCTs?|randomi[sz]ed (?:[\w,-]+ ){0,5}?(?:stud(?:y|ies)|cohort))"
# (1) this study is an analysis built on a trial (its own name for itself, or the trial as its source)
BUILDS_ON = re.compile(
    r"\b(?:(?:this|these|the present|our) (?:[\w-]+ ){0,2}?(?:post[- ]hoc|secondary|ancillary|exploratory) (?:[\w-]+ ){0,3}?"
    r"analys[ie]s|(?:post[- ]hoc|secondary|ancillary|exploratory) (?:[\w-]+ ){0,3}?analys[ie]s of (?:[^.;]{0,100}?\b)?"
    rf"{_TRIAL_NOUN}|sub-?stud(?:y|ies)|"
    rf"(?:analy[sz]ed|analy[sz]ing|used|using|drew on|obtained|extracted) (?:the )?data (?:from|of) (?:[^.;]{{0,100}}?\b)?"
    rf"{_TRIAL_NOUN}|data (?:were|was) (?:obtained|drawn|derived|taken|extracted) from (?:[^.;]{{0,100}}?\b)?{_TRIAL_NOUN}|"
    rf"(?:who|that) (?:had )?(?:participated|took part|were enrolled) in (?:[^.;]{{0,80}}?\b)?{_TRIAL_NOUN})\b",
    re.I)
# ... or a title that asks its relation *in* a trial, the trial named as the setting of the question ('Relationship between
# clinical and patient-reported outcomes in a phase 3 trial of tofacitinib or MTX'; 'Association of ... with ... in a
# randomized trial of ...'): the question, not the arms, is the study's
_RELATION_IN_TRIAL = re.compile(rf"\b(?:associat\w+|correlat\w+|relationships?|predictors?|determinants?)\b[^.;:]{{0,150}}?"
                                rf"\b(?:in|within|from|among (?:patients|participants) (?:in|of)) (?:a|an|the) "
                                rf"(?:[\w-]+ ){{0,5}}?{_TRIAL_NOUN}\b", re.I)
BUILDS_ON = Gated(BUILDS_ON, ("post hoc", "post-hoc", "secondary", "ancillary", "exploratory", "substud", "sub-stud",
                              "trial", "rct", "randomi"))
# 'this trial', 'our clinical trial', 'the present randomized study' are this study's own design, not one it builds on
_OWN = re.compile(r"\b(?:this|our|the present|the current)\b(?! (?:[\w-]+ ){0,2}?(?:post[- ]hoc|secondary|ancillary|exploratory))",
                  re.I)
# (2) a question about relations between measures, or about groups formed by what people achieved
RELATION = re.compile(r"\b(?:associat\w+|correlat\w+|predict\w*|prognos\w+|relationships?|risk factors?|determinants?|"
                      r"trajector\w+|(?:who|that) (?:achieved|did|had|reached|attained|developed) or (?:did )?not\b|"
                      r"(?:irrespective|regardless) of (?:\w+ ){0,2}(?:treatment|group|arm|allocation|randomi[sz]ation|"
                      r"assignment))", re.I)
# ... not whether the treatment's effect differs between people (that still compares the randomised arms)
ARMS_QUESTION = re.compile(r"\b(?:subgroups?|predict\w* (?:\w+ ){0,2}(?:respon\w+|benefit|improvement|efficacy)|modif\w+|"
                           r"moderat(?:e|es|ed|ing|ors?|ion)\b|effect modification|"
                           r"(?:particularly |more |most )?responsive to|differential (?:treatment )?effects?|"
                           r"treatment[- ]by[- ])", re.I)
_NAME_WORD = re.compile(r"[A-Za-z][\w-]{3,}")
_NOT_NAME = {"with", "versus", "plus", "placebo", "usual", "care", "standard", "control", "group", "dose", "single",
             "treatment", "therapy", "intervention", "oral", "topical"}


def _treatment_related(text: str, treatment: str) -> bool:
    """The question relates this trial's treatment (a word of its name, in the six words of the same clause before the
    relation word) to an outcome: 'whether Kaltenborn mobilization was associated with changes in pressure sensitivity'
    asks what the arm did; '... evaluating acupuncture ..., we sought to identify baseline characteristics associated
    with improvement' asks about prognosis."""
    relation = RELATION.search(text)
    if relation is None:
        return False
    before = " ".join(re.split(r"[,;:(]", text[:relation.start()])[-1].lower().split()[-6:])  # its clause, 6 words
    return any(w.lower() not in _NOT_NAME and re.search(rf"\b{re.escape(w.lower())}\b", before)
               for w in _NAME_WORD.findall(treatment.split("(")[0]))
# The objective: its section, or a sentence that states the aim
_AIM = re.compile(r"\b(?:aims?|aimed|objectives?|purpose|goal)\b|\bwe sought\b|^to (?:evaluate|assess|examine|investigate|"
                  r"determine|identify|explore|describe|compare)\b", re.I)


def arms_question(text: str, treatment: str = "") -> bool:
    """``text`` asks what the randomised arms did: whether the treatment's effect differs between people, or a relation
    whose first term is the trial's own treatment (not the source trial's comparison 'CS versus placebo', which an
    analysis of its data names whatever it asks)."""
    return bool(ARMS_QUESTION.search(text)) or bool(treatment) and _treatment_related(text, treatment)


def _question(sentences: list["Sentence"]) -> list["Sentence"]:
    """The title and the sentences that state the study's objective."""
    return [s for s in sentences if s.section == "TITLE" or section_role(s.section) == "objective"
            or _AIM.search(s.text)]


def secondary_analysis(sentences: list["Sentence"], whole: str, treatment: str = "") -> "Sentence | None":
    """The sentence saying this study builds on another trial, when its question is a relation between measures and
    not whether the treatment's effect differs between people or what the arms did (the relation's first term is
    ``treatment``, the trial's own intervention) (rule ae: ``prospective_observational``); else None."""
    if not BUILDS_ON.possible(whole):
        return None
    source = next((s for s in sentences if any(not _OWN.search(m.group(0)) for m in BUILDS_ON.pattern.finditer(s.text))
                   or s.section == "TITLE" and _RELATION_IN_TRIAL.search(s.text)), None)
    if source is None:
        return None
    question = _question(sentences)
    if any(arms_question(s.text, treatment) for s in question) or not any(RELATION.search(s.text) for s in question):
        return None
    return source
