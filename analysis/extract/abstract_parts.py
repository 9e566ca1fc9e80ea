"""Where an abstract without headings stops giving background and starts reporting its own study.

A structured abstract labels its background part; an unstructured one opens with the same sentences unlabelled
('Multimodal analgesia ... provides superior pain relief', 'Some police officers have complained about ... nausea,
headaches'). What they report is not a finding or an event of this study (GUIDELINES: annotate what the study
found). The study starts at the first sentence that speaks of it: its aim, 'we ...', 'this study/trial/protocol',
randomisation, enrolment or a count of people; the sentences before that are background (for pain_effect, adverse
events and every reader of ``study_text.study_sentences``). Where no such sentence comes early, or the text writes
its own headings ('Background: ...'), nothing is set aside. A random word of other studies' trials or of random
sampling starts nothing ('Few randomized clinical trials have addressed this question.': ``design_whose``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ketamine_evidence.analysis.extract.event_sections import aim_stated

if TYPE_CHECKING:
    from ketamine_evidence.analysis.extract import Context

__all__ = ["about_this_study", "unlabelled_aim", "unlabelled_background", "unlabelled_conclusions", "MEASUREMENT",
           "OWN_STUDY"]

# Sentences read at the start of an unlabelled abstract (an abstract's background rarely runs longer).
MAX_BACKGROUND = 8
STUDY_START = re.compile(
    r"\b(?:we|our|here)\b|\b(?:this|the present|the current|the proposed|the described|present|current) "
    r"(?:[\w\-]+ ){0,3}?(?:study|trial|protocol|article|paper|report|work|investigation|analysis|experiment)\b|"
    r"\brandomi[sz]|\brandomly\b|\b(?:was|were) (?:enrolled|recruited|included|allocated|assigned|studied|divided)\b|"
    # a count of people is this study's sample ('Twenty healthy volunteers received ...')
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen|"
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-\w+)?|hundred|thousand) "
    r"(?:[\w\-]+ ){0,3}?(?:patients|participants|subjects|volunteers|women|men|children|adults|infants|neonates|"
    r"parturients|individuals|people|persons|cases|dogs|cats|horses)\b",
    re.I)
# A heading written in the text ('Background: ...', 'OBJECTIVE.', a part 'Introduction' alone): the parts are then
# told by it.
_HEADING = re.compile(r"^\W*(?:background|introduction|objectives?|aims?|purpose|context|methods?|methodology|materials?|design|"
                      r"results?|conclusions?|setting|patients|participants)(?: and \w+)?\s*(?:[:.\]]|$)", re.I)


# A background sentence about this study itself: its aim, its design or its sample ('This study investigates the
# interstitial concentrations ... of 29 women with FMS and 28 healthy women'); the other background sentences speak of
# practice or earlier work ('Short-term treatment (7-14 days) with oral prednisone is used for ...'). Shared by the
# readers of counts and times, which skip background otherwise.
OWN_STUDY = re.compile(r"\b(this|the present|the current|our)\s(?:\w+\s){0,2}?(study|trial|work|investigation|paper)\b|"
                       r"\bwe\b|\b(aims?|objectives?|purpose)\b", re.I)


def about_this_study(text: str) -> bool:
    """True for a sentence that speaks of this study (its aim, 'we', 'this study'), wherever it stands."""
    return bool(OWN_STUDY.search(text))


def _starts_study(text: str) -> bool:
    """``STUDY_START`` in a sentence, not counting random words of other studies' trials or of random sampling ('Few
    randomized clinical trials have addressed this question.' is background: ``design_whose``)."""
    if not STUDY_START.search(text):
        return False
    if "random" not in text.lower():
        return True
    # imported here: at the top it would cycle (design_whose -> design_patterns -> study_text -> abstract_parts)
    from ketamine_evidence.analysis.extract.design_whose import blank_others
    return STUDY_START.search(blank_others(text)) is not None


def unlabelled_background(ctx: "Context") -> frozenset[int]:
    """Indices of the sentences before the study's first mention in an abstract with no headings (empty when the
    abstract has headings, or no sentence among its first ``MAX_BACKGROUND`` speaks of the study). Kept on the
    context: several extractors ask for it."""
    cached = ctx.__dict__.get("_unlabelled_background")
    if cached is not None:
        return cached
    out: frozenset[int] = frozenset()
    body = [s for s in ctx.sentences if s.section != "TITLE"]
    if body and not any(s.section for s in body):
        before: list[int] = []
        for s in body[:MAX_BACKGROUND]:
            if _HEADING.match(s.text):
                break  # the text's own headings tell its parts
            if _starts_study(s.text) or aim_stated(s.text):
                out = frozenset(before)
                break
            before.append(s.index)
    ctx.__dict__["_unlabelled_background"] = out
    return out


_P_VALUE = re.compile(r"\b[Pp]\s?[<=>≤]")


def unlabelled_aim(ctx: "Context") -> int | None:
    """Index of the sentence that states the study's aim ('To overcome this issue, the authors used distant reiki to
    assess its effectiveness in reducing pain', batch 6 22021729) where it ends the opening background of an abstract
    with no headings (the first sentence that speaks of the study, ``unlabelled_background``), in the abstract's first
    half and before any result (a P value); None otherwise. A structured abstract labels it 'Objective' or keeps it in
    the background; without the label it must weigh the same: an aim, not a finding. (An aim word later is a result's
    or a conclusion's: 'Moreover, we find that ...', 'Data presented here support the premise ... but counter the
    hypothesis that ...', MEDLINE 26702446, 25596077.)"""
    body = [s for s in ctx.sentences if s.section != "TITLE"]
    if not body or any(s.section for s in body):
        return None
    for k, s in enumerate(body[:MAX_BACKGROUND]):
        if k > len(body) // 2 or _HEADING.match(s.text) or _P_VALUE.search(s.text):
            return None
        if _starts_study(s.text) or aim_stated(s.text):  # where ``unlabelled_background`` ends the opening
            return s.index if aim_stated(s.text) else None
    return None


# A sentence that says who entered the study or how they were allocated ('... were enrolled and randomly assigned
# into two ... studies'): methods, wherever an unlabelled abstract puts it.
ENROLMENT = re.compile(r"\b(?:was|were) (?:enrolled|recruited|randomly (?:assigned|allocated)|randomi[sz]ed (?:to|into|in)|"
                       r"allocated|assigned)\b", re.I)


# Where an unlabelled abstract ends in its conclusions: a sentence that opens with a concluding cue ('In conclusion',
# 'This pilot study indicates that ...'), and from it to the end; else the closing sentences that state no figures
# (a result gives its figures: P, %, ±, decimals; a conclusion restates them in words). A structured abstract labels that part
# 'Conclusions'; without the label the same sentence must weigh the same (invariance rewrite `labels_removed`: pool dev
# 27746552, chronic dev 25092964).
CONCLUSION_START = re.compile(
    r"^\W*(?:in (?:conclusion|summary)|to (?:conclude|summari[sz]e)|overall|taken together|we conclude|"
    r"(?:this|these|the present|our) (?:[\w-]+ ){0,2}?(?:study|trial|results?|findings|data) "
    r"(?:suggests?|indicates?|shows?|demonstrates?|supports?|confirms?)\b)", re.I)
# A sentence that describes how an outcome was measured ('Patients were evaluated for effective pain relief ... by
# 0 - 10 numeric rating scale') or what it was taken to be ('Palliative response was defined as "complete" (pain
# reduction of 2 grades or more), ...', 'Post-ERCP pancreatitis was defined as serum amylase > 3 times ...'): methods,
# wherever an unlabelled abstract puts it (invariance rewrite `labels_removed`: batch 7 18596887, batch 6 27785324).
MEASUREMENT = re.compile(r"\b(?:was|were) (?:evaluated|assessed|measured|recorded|rated|scored) (?:for|by|using|"
                         r"with)\b|\b(?:was|were|is|are) defined as\b", re.I)


_FIGURES = re.compile(r"\b[Pp]\s?[<=>≤]|%|±|\d\.\d|\b(?:CI|SD|OR|RR|HR)\b")  # a result's figures, not '24 h'


def unlabelled_conclusions(ctx: "Context") -> frozenset[int]:
    """Indices of the concluding sentences of an abstract with no headings of either kind (empty otherwise)."""
    cached = ctx.__dict__.get("_unlabelled_conclusions")
    if cached is not None:
        return cached
    out: frozenset[int] = frozenset()
    body = [s for s in ctx.sentences if s.section != "TITLE"]
    if len(body) >= 3 and not any(s.section or _HEADING.match(s.text) for s in body):
        start = next((i for i, s in enumerate(body) if i >= len(body) // 2 and CONCLUSION_START.match(s.text)), None)
        if start is not None:
            out = frozenset(s.index for s in body[start:])
        else:  # the closing run of sentences that give no figures (at most three, in the abstract's second half)
            run = 0
            while run < min(3, len(body) // 2) and not _FIGURES.search(body[-1 - run].text):
                run += 1
            out = frozenset(s.index for s in body[len(body) - run:])
    ctx.__dict__["_unlabelled_conclusions"] = out
    return out
