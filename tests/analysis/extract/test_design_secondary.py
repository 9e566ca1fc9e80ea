"""A study's own design against the trial it builds on (``design_secondary``, rule ae): an analysis of a trial's data
whose question is a relation between measures is ``prospective_observational``; one that asks whether the treatment's
effect differs between people keeps ``rct``. Texts are from the MEDLINE sample and dev records."""

from __future__ import annotations

from ketamine_evidence.analysis.extract import design, make_context
from ketamine_evidence.analysis.extract.design_secondary import BUILDS_ON, secondary_analysis
from ketamine_evidence.analysis.records import Article, Section

# MEDLINE sample 26560512
LATE_LIFE_TITLE = "Relationship Between Cerebrovascular Risk, Cognition, and Treatment Outcome in Late-Life Psychotic Depression."
LATE_LIFE_OBJECTIVE = ("To examine whether cerebrovascular risk, executive function, and processing speed are associated with "
                       "acute treatment outcome of psychotic depression in older adults.")
LATE_LIFE_METHODS = ("The authors analyzed data from 142 persons aged 60 years or older with major depression with psychotic "
                     "features who participated in a 12-week randomized controlled trial (RCT) comparing olanzapine plus "
                     "sertraline with olanzapine plus placebo.")
# batch 7 PMC4566202 (gold rct): a subgroup analysis asks whether MRI findings modify the response to the arms
MODIC_TITLE = ("Do MRI findings identify patients with chronic low back pain and Modic changes who respond best to rest or "
               "exercise: a subgroup analysis of a randomised controlled trial")
MODIC_BACKGROUND = ("This hypothesis-setting study investigated if MRI findings modified response to rest compared with "
                    "exercise in patients with chronic low back pain and Modic changes.")
MODIC_METHODS = "This study is a secondary analysis of a randomised controlled trial comparing rest with exercise."


def _sentences(title: str, *parts: tuple[str, str]):
    article = Article(pmid="1", pmcid=None, doi=None, title=title,
                      abstract=[Section(label, label, text) for label, text in parts])
    ctx = make_context(article)
    return ctx.sentences, ctx.text


def test_a_relation_question_on_a_trials_data_is_observational() -> None:
    sentences, whole = _sentences(LATE_LIFE_TITLE, ("OBJECTIVE", LATE_LIFE_OBJECTIVE), ("METHODS", LATE_LIFE_METHODS))
    found = secondary_analysis(sentences, whole)
    assert found is not None and found.text.startswith("The authors analyzed data from 142 persons")


def test_a_question_about_differing_treatment_effects_keeps_the_trial() -> None:
    sentences, whole = _sentences(MODIC_TITLE, ("BACKGROUND", MODIC_BACKGROUND), ("METHODS", MODIC_METHODS))
    assert secondary_analysis(sentences, whole) is None


def test_the_trial_must_be_another_studys() -> None:
    """'enrolled in this prospective, randomized ... trial' is this study's own trial (batch 6 PMC4053826), and an
    RCT's own exploratory analyses do not make it an analysis of another trial (MEDLINE sample 22508830)."""
    own = ("Forty patients undergoing open hepatectomy were enrolled in this prospective, randomized, double-blinded, "
           "placebo-controlled trial.")
    sentences, whole = _sentences("Predictors of pain after hepatectomy", ("METHODS", own))
    assert secondary_analysis(sentences, whole) is None
    exploratory = "Exploratory analyses included EMT- and EGFR-related biomarker analysis on archival tissue."
    sentences, whole = _sentences("Predictors of response to erlotinib", ("METHODS", exploratory))
    assert BUILDS_ON.search(exploratory) is None


def test_an_analysis_that_calls_itself_post_hoc_reads_its_own_question() -> None:
    """Pool dev PMC5066795 (gold prospective_observational): 'these post-hoc analyses' of the GO-REVEAL trial compare
    patients who achieved or did not achieve minimal disease activity."""
    title = ("Radiographic Progression of Patients With Psoriatic Arthritis Who Achieve Minimal Disease Activity in "
             "Response to Golimumab Therapy: Results Through 5 Years of a Randomized, Placebo-Controlled Study")
    objective = ("To evaluate long-term outcomes in psoriatic arthritis (PsA) patients who achieved or did not achieve "
                 "minimal disease activity (MDA) through 5 years of golimumab treatment in the GO-REVEAL trial.")
    methods = ("The GO-REVEAL trial was a phase III, randomized, double-blind trial with placebo-control through week 24 "
               "followed by an open-label extension of golimumab 50/100 mg treatment up to 5 years. In these post-hoc "
               "analyses, MDA was defined by the presence of at least 5 of 7 PsA outcome measures.")
    sentences, whole = _sentences(title, ("OBJECTIVE", objective), ("METHODS", methods))
    found = secondary_analysis(sentences, whole)
    assert found is not None and found.text.startswith("In these post-hoc analyses")


def test_without_a_source_trial_a_relation_question_changes_nothing() -> None:
    sentences, whole = _sentences(LATE_LIFE_TITLE, ("OBJECTIVE", LATE_LIFE_OBJECTIVE))
    assert secondary_analysis(sentences, whole) is None


def test_design_reads_the_analysis_not_the_trial_it_builds_on() -> None:
    """The whole MEDLINE sample abstract 26560512 (its 'randomized controlled trial (RCT)' is the source's design)."""
    results = ("Greater baseline cerebrovascular risk was significantly associated with less improvement in depression "
               "severity over time, after controlling for pertinent covariates. Neither executive function nor processing "
               "speed predicted outcome.")
    article = Article(pmid="1", pmcid=None, doi=None, title=LATE_LIFE_TITLE, publication_types=["Journal Article"],
                      abstract=[Section("OBJECTIVE", "OBJECTIVE", LATE_LIFE_OBJECTIVE),
                                Section("METHODS", "METHODS", LATE_LIFE_METHODS), Section("RESULTS", "RESULTS", results)])
    assert design.classify(make_context(article))[0] == "prospective_observational"


# review11, round 11: batch 7 PMC3782468 (gold rct), an arms comparison worded as an association
BRIGHT_LIGHT = ("In other words, bright light exposure was not associated with a significantly higher incidence of any "
                "reported side effect than was the placebo control condition.")
BRIGHT_LIGHT_TREATMENT = "bright light therapy (10,000 lux, single morning exposure)"


def test_a_relation_whose_first_term_is_the_trials_treatment_asks_what_the_arms_did() -> None:
    from ketamine_evidence.analysis.extract.design_secondary import arms_question
    assert arms_question(BRIGHT_LIGHT, BRIGHT_LIGHT_TREATMENT)
    assert not arms_question(BRIGHT_LIGHT)
    # the late-life trial's treatment is not the first term of its question's relation (MEDLINE sample 26560512)
    assert not arms_question(LATE_LIFE_OBJECTIVE, "olanzapine plus sertraline")
    # batch 6 PMC2758834: the treatment named in an earlier clause is the source trial's, not the relation's term
    assert not arms_question("As part of a large trial evaluating acupuncture for chronic low back pain, we sought to "
                             "identify baseline characteristics associated with improvement", "acupuncture")


def test_an_analysis_of_a_trial_asking_what_its_treatment_did_keeps_rct() -> None:
    # the source sentence of MEDLINE 26560512 with the PMC3782468 sentence as its objective
    sentences, whole = _sentences(LATE_LIFE_TITLE,
                                  ("OBJECTIVE", BRIGHT_LIGHT), ("METHODS", LATE_LIFE_METHODS))
    assert secondary_analysis(sentences, whole) is not None
    assert secondary_analysis(sentences, whole, BRIGHT_LIGHT_TREATMENT) is None


# dc12, round 12: blind2 PMC4860866 (gold prospective_observational) names its trial only as the setting of the question
RA_TITLE = ("Relationship between clinical and patient-reported outcomes in a phase 3 trial of tofacitinib or MTX in "
            "MTX-naïve patients with rheumatoid arthritis")
RA_METHODS = ("In a phase 3 randomised controlled trial, patients (N=956) who were MTX-naïve or had received ≤3 doses were "
              "randomised and received tofacitinib 5 or 10 mg twice daily or MTX titrated to 20 mg/week.")


def test_a_title_asking_a_relation_in_a_trial_is_an_analysis_of_its_data() -> None:
    sentences, whole = _sentences(RA_TITLE, ("Methods", RA_METHODS))
    assert secondary_analysis(sentences, whole, "tofacitinib") is not None
    article = Article(pmid="1", pmcid=None, doi=None, title=RA_TITLE, abstract=[Section("Methods", "Methods", RA_METHODS)])
    [finding] = design.extract(make_context(article))
    assert finding.value == "prospective_observational"
    # the same trial titled by what its arms did stays rct
    sentences, whole = _sentences("Tofacitinib or MTX in MTX-naïve patients with rheumatoid arthritis: a phase 3 trial",
                                  ("Methods", RA_METHODS))
    assert secondary_analysis(sentences, whole, "tofacitinib") is None
