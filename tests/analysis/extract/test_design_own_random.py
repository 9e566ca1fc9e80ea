"""Whose randomisation a sentence states (``design_cues.own_randomisation``, ``KE_DESIGN_RANDOM=own``): random sampling
and other studies' randomised trials are no allocation of this study. Sentences are from dev records."""

from __future__ import annotations

import pytest

from ketamine_evidence.analysis.extract import design, make_context
from ketamine_evidence.analysis.extract.design_cues import own_randomisation, own_trial
from ketamine_evidence.analysis.extract.design_patterns import TRIAL
from ketamine_evidence.analysis.records import Article, Section


@pytest.mark.parametrize("sentence, own", [
    # allocation, in any voice: kept
    ("Eighty sedentary women with FM (ACR 1990) were randomly selected to participate in STRE or flexibility (FLEX) "
     "exercises in a blinded controlled trial.", True),  # chronic PMC3961245
    ("Twenty-one patients were randomly selected to receive either a type A or type B stent; for the remaining five, "
     "type C was used.", True),  # batch 6 PMC2713840
    ("40 patients undergoing elective upper limb with America Society of Anesthesiologists class I and II were "
     "selected and randomly divided into two groups", True),  # batch 4 PMC5771358
    ("In this randomized cross-over clinical trial, 17 uncooperative children requiring at least two dental treatments "
     "were selected and randomly received ketamine (0.5mg/kg) or midazolam (0.2mg/kg) prior to treatment.", True),
    # random sampling: not an allocation
    ("Participants were randomly selected from the intervention arm of the study.", False),  # batch 6 PMC4583759
    ("Subjects completed a recently developed automated test for creativity, the creative foraging game (CFG), and a "
     "randomly chosen subset (n = 57) also completed two manual standardized creativity tests.", False),  # PMC5593173
    # other studies' randomised trials: not this study's
    ("Evidence-based management of potential aggravating factors in subjects with active RA could be of clinical "
     "importance, yet there are few randomized controlled trials on the effect of periodontal treatment on the "
     "clinical parameters of RA.", False),  # pool dev PMC3751435
    ("Few published RCTs exist and they have shown positive results for nurse-led care.", False),  # batch 7 PMC3629570
    ("Randomised controlled trials comparing treatment interventions have failed to indicate the best therapeutic "
     "practices for these fractures.", False),  # batch 7 PMC4855803
])
def test_own_randomisation(sentence, own):
    assert own_randomisation(sentence) is own


def test_other_studies_trials_are_no_trial_wording():
    assert not own_trial("According to the current literature there is very limited evidence from two small trials "
                         "regarding the effectiveness of different methods.", TRIAL)  # batch 7 PMC4855803
    assert own_trial("This clinical trial study conducted on 90 patients were selected and randomly divided into two "
                     "groups.", TRIAL)  # pool dev PMC5434674


def _design(*sentences: str) -> str:
    article = Article(pmid="1", pmcid=None, doi=None,
                      title="Retroperitoneal laparoscopic pyelolithotomy in renal pelvic stone versus open surgery - a "
                            "comparative study",  # pool dev PMC5808274
                      abstract=[Section(None, None, " ".join(sentences))], publication_types=[])
    [finding] = design.extract(make_context(article))
    return finding.value


BACKGROUND = ("Randomised controlled trials comparing treatment interventions have failed to indicate the best "
              "therapeutic practices for these fractures.")  # batch 7 PMC4855803
OWN = ("This prospective study was conducted on renal pelvic stone cases from January 2009 to February 2016 in "
       "Suchkhand Hospital, Agra, India.")  # pool dev PMC5808274


def test_a_background_sentence_on_other_trials_does_not_make_this_study_a_trial(monkeypatch):
    assert _design(OWN) == "prospective_observational"
    monkeypatch.setenv("KE_DESIGN_RANDOM", "rules")
    assert _design(BACKGROUND, OWN) == "rct"  # the rules' reading: the other trials' randomisation counts
    monkeypatch.setenv("KE_DESIGN_RANDOM", "own")
    assert _design(BACKGROUND, OWN) == "prospective_observational"
