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


def test_an_operation_named_by_the_graft_it_implants_is_the_trials_own_operation():
    # batch 6 PMC4714728 (gold ["postoperative_acute", "other"]; rules s, af): shoulder pain after the trial's own
    # reconstruction of an acromioclavicular dislocation
    title = ("Treatment of Rockwood type III acromioclavicular joint dislocation using autogenous semitendinosus tendon "
             "graft and endobutton technique")
    results = ("Group B patients scored higher in terms of pain (P=0.002), activities (P=0.02), range of motion "
               "(P<0.001), and strength (P=0.004). Two patients (8.7%) encountered acromial osteolysis on latest "
               "radiographs, with moderate shoulder pain and limited range of motion.")
    methods = ("Patients were randomly divided into two groups: Group A was treated using a hook plate and Group B with "
               "autogenous semitendinosus graft and endobutton technique. All participants were followed up for 12 months.")
    article = Article(pmid="1", pmcid=None, doi=None, title=title,
                      abstract=[Section("Methods", "METHODS", methods), Section("Results", "RESULTS", results)])
    name = "autogenous semitendinosus tendon graft and endobutton technique (vs hook plate)"
    assert conditions.operation_studied(name)
    assert sorted(f.value for f in conditions.extract(make_context(article, name))) == ["other", "postoperative_acute"]
    # the comparator's implant is no operation of the intervention's own name (batch 6 PMC4386269's exercise therapy)
    assert not conditions.operation_studied("exercise therapy (vs hook plate fixation)")
