"""Conditions, round 8 (xev): a procedure word that qualifies a finding ('endoscopic parameters') names how an outcome
is assessed, not a procedural setting of pain. Text from batch 6 dev PMC3132856 (gold ``["other"]``)."""

from __future__ import annotations

from ketamine_evidence.analysis.extract import conditions, make_context
from ketamine_evidence.analysis.records import Article, Section

_TITLE = "Clinical, endoscopical and morphological efficacy of mesalazine in patients with irritable bowel syndrome"
_METHODS = ("In this controlled, randomized, blind clinical trial, a total of 360 patients with varying subtypes of IBS "
            "were randomly treated with 500 mg of mesalazine qid or by standard therapy without mesalazine for a period "
            "of 28 days. Pre- and post-treatment pain intensity, pain duration, meteorism, stool abnormalities and "
            "endoscopic parameters were monitored, and biopsies or brush biopsies were examined histologically.")
_RESULTS = ("Treatment of IBS patients with mesalazine significantly reduced intensity and duration of pain in all "
            "subtypes of IBS.")


def _conditions(methods: str) -> list[str]:
    article = Article(pmid="1", pmcid=None, doi=None, title=_TITLE,
                      abstract=[Section("Methods", "METHODS", methods), Section("Results", "RESULTS", _RESULTS)])
    return [f.value for f in conditions.extract(make_context(article, "mesalazine 500 mg qid for 28 days"))]


def test_endoscopic_parameters_are_an_assessment_not_a_procedural_setting():
    assert _conditions(_METHODS) == ["other"]


def test_pain_rated_during_an_endoscopic_procedure_is_procedural_pain():
    assert "postoperative_acute" in _conditions(_METHODS.replace(
        "and endoscopic parameters were monitored", "were monitored, and pain during endoscopic examination was rated"))


def test_greater_compares_like_higher():
    # pool dev PMC4450164 (26034744, gold ["postoperative_acute"]): the invariance rewrite 'attribution_words' turns
    # 'a higher incidence of' into 'a greater incidence of'; the flank pain compared is the same outcome
    title = "Dismembered pyeloplasty with or without internal stenting"
    result = ("However, a higher incidence of catheter related urinary symptoms and flank pain was reported among those "
              "with internal stent.")
    methods = "We have compared the surgical outcome of Anderson-Hynes dismembered pyeloplasty for UPJO repair."
    found = []
    for text in (result, result.replace("higher", "greater")):
        article = Article(pmid="1", pmcid=None, doi=None, title=title,
                          abstract=[Section("Objectives", "OBJECTIVE", methods), Section("Results", "RESULTS", text)])
        found.append([f.value for f in conditions.extract(make_context(
            article, "dismembered pyeloplasty without internal drainage (double J stent)"))])
    assert found[0] == found[1] == ["postoperative_acute"]
