"""Adverse events, round 5: general adverse-event vocabulary (MedDRA / CTCAE preferred terms and their plain
wordings) and symptom lists of the treated condition. Sentences are real dev abstract sentences (pool batches)."""

from __future__ import annotations

import pytest

from ketamine_evidence.analysis.extract import adverse_events, make_context
from ketamine_evidence.analysis.extract.event_terms import LEXICON, lexicon_hits
from ketamine_evidence.analysis.records import Article, Section


def _article(*sections: tuple[str | None, str], title: str) -> Article:
    return Article(pmid="1", pmcid=None, doi=None, title=title,
                   abstract=[Section(label, label, text) for label, text in sections])


def _events(article: Article, intervention: str) -> set[tuple[str, str]]:
    return {(f.field, f.value) for f in adverse_events.extract(make_context(article, intervention))}


@pytest.mark.parametrize("text, words, term", [
    # pool dev PMC3598551 (CTCAE 'alanine aminotransferase increased')
    ("Transient increases in alanine aminotransferase and aspartate aminotransferase were observed with PA but did "
     "not lead to any clinical sequelae.", "Transient increases in alanine aminotransferase", "hepatotoxicity"),
    # batch 4 PMC4004388: malaise is a preferred term of its own, so `other`, not fatigue
    ("the mistletoe preparation arm included fever, chills, headache, malaise, and, in two cases, allergic reaction",
     "malaise", "other"),
    # batch 5 PMC1784583: the common misspelling of pruritus
    ("Vulvovaginal pruritis and vulvovaginal burning were the most common drug-related adverse events attributed to "
     "butoconazole.", "pruritis", "other"),
    # batch 5 PMC5599918
    ("Dexmedetomidine in combination with fentanyl-based IV-PCA significantly improved postoperative analgesia in "
     "patients undergoing open gastrectomy without hemodynamic instability, which was comparable to thoracic E-PCA.",
     "hemodynamic instability", "other"),
])
def test_general_event_words_and_their_terms(text: str, words: str, term: str) -> None:
    found = {m.group(0): LEXICON.classify(m.group(0)) for m in lexicon_hits(text)}
    assert found[words] == ("term", (term,))


def test_the_abbreviation_uti_is_no_event_word() -> None:
    # pool dev PMC5426756 names ulinastatin 'UTI'
    text = "Fifty-one healthy Chinese subjects were enrolled in 9 dose cohorts and randomized to UTI or matching placebo."
    assert lexicon_hits(text) == []


def test_a_rise_of_liver_enzymes_with_the_intervention_is_hepatotoxicity() -> None:
    # pool dev PMC3598551
    article = _article(
        ("RESULTS", "Transient increases in alanine aminotransferase and aspartate aminotransferase were observed with "
                    "PA but did not lead to any clinical sequelae."),
        title="Safety and efficacy of pyronaridine-artesunate (PA) in uncomplicated acute malaria")
    assert ("adverse_events", "hepatotoxicity") in _events(article, "pyronaridine-artesunate")


def test_a_negated_haemodynamic_instability_is_a_negated_event() -> None:
    # batch 5 PMC5599918
    article = _article(
        ("CONCLUSIONS", "Dexmedetomidine in combination with fentanyl-based IV-PCA significantly improved postoperative "
                        "analgesia in patients undergoing open gastrectomy without hemodynamic instability, which was "
                        "comparable to thoracic E-PCA."),
        title="Dexmedetomidine added to fentanyl-based IV-PCA after open gastrectomy")
    assert _events(article, "dexmedetomidine") == {("negated_adverse_events", "other")}


def test_symptoms_of_the_condition_listed_in_terms_of_are_no_events() -> None:
    # pool dev PMC3228981: the IBS symptoms the drug alleviates are not its harms
    article = _article(
        ("CONCLUSIONS", "In Orientals, OB is as effective as mebeverine for alleviating IBS symptoms in terms of "
                        "abdominal pain, flatulence, abdominal bloating etc. However, obvious side effects are also "
                        "observed."),
        title="Otilonium bromide (OB) versus mebeverine in irritable bowel syndrome")
    assert _events(article, "otilonium bromide") == set()


def test_events_higher_in_an_arm_than_the_reference_arm_are_the_interventions() -> None:
    # batch 4 PMC3576519: 'vaccinees' is a word the arm list lacks; placebo is only the comparison's reference
    article = _article(
        ("RESULTS", "The cumulative frequency of abdominal pain, diarrhoea, and nasal congestion after all three "
                    "vaccinations was significantly higher in vaccinees than placebo recipients (21 [16·8%] of 125 vs "
                    "one [2·4%] of 41, p=0·017; 24 [19·2%] of 125 vs two [4·9%] of 41, p=0·027; 41 [32·8%] of 125 vs "
                    "six [14·6%] of 41, p=0·028; respectively)."),
        title="Safety and immunogenicity of an oral, replicating adenovirus serotype 4 vector vaccine for H5N1 "
              "influenza")
    assert _events(article, "oral replicating adenovirus 4 vector H5N1 vaccine (Ad4-H5-Vtn)") == {
        ("adverse_events", "other")}


def test_an_event_only_the_placebo_arm_had_is_not_the_interventions() -> None:
    # the same sentence with placebo as the arm the events are stated for gives nothing
    article = _article(
        ("RESULTS", "The cumulative frequency of abdominal pain, diarrhoea, and nasal congestion after all three "
                    "vaccinations was significantly higher in placebo recipients."),
        title="Safety and immunogenicity of an oral, replicating adenovirus serotype 4 vector vaccine for H5N1 "
              "influenza")
    assert _events(article, "oral replicating adenovirus 4 vector H5N1 vaccine (Ad4-H5-Vtn)") == set()


def test_an_existential_count_states_an_occurrence() -> None:
    # pool dev PMC3407716: 'There were four versus one wound infections in the drain versus no-drain groups.'
    article = _article(
        ("RESULTS", "There were four versus one wound infections in the drain versus no-drain groups."),
        title="Routine open nonsuction drainage after thyroid surgery: a randomized trial")
    assert _events(article, "routine open nonsuction drainage after thyroid surgery") == {("adverse_events", "other")}


def test_events_put_down_to_a_word_of_the_interventions_name_are_its_own() -> None:
    # batch 5 PMC1784583: 'butoconazole' alone names 'butoconazole nitrate 2% site release vaginal cream'; the
    # events put down to the comparator named in its '(vs ...)' part are not the intervention's
    article = _article(
        ("RESULTS", "Vulvovaginal pruritis and vulvovaginal burning were the most common drug-related adverse events "
                    "attributed to butoconazole. Headache, diarrhea, nausea, upset stomach and skin sensitivity were the "
                    "most common drug-related adverse events attributable to fluconazole."),
        title="A comparison of the time to symptomatic relief of vulvovaginal candidiasis with butoconazole nitrate "
              "and fluconazole")
    assert _events(article, "butoconazole nitrate 2% site release vaginal cream (vs oral fluconazole)") == {
        ("adverse_events", "other")}


def test_events_the_primary_outcome_is_defined_by_are_the_studys_aim() -> None:
    # batch 4 PMC4593168 (guideline: the effect a study aims at is no adverse event; rule al)
    article = _article(
        ("METHODS", "The primary outcome is PIV failure which includes any of: dislodgement, occlusion/infiltration, "
                    "phlebitis and infection."),
        title="Peripheral intravenous device dressing and securement methods: a randomised controlled trial protocol")
    ctx = make_context(article, "peripheral intravenous device dressing and securement methods")
    assert {"other:dislo", "other:phleb"} <= adverse_events._topic_terms(ctx)


def test_events_among_those_who_had_the_comparators_treatment_are_not_the_interventions() -> None:
    # pool dev PMC4450164: the arm 'those with internal stent' is the comparator of pyeloplasty without it
    article = _article(
        ("OBJECTIVE", "We have compared the surgical outcome of Anderson-Hynes dismembered pyeloplasty for UPJO repair, "
                      "with or without internal stenting."),
        ("METHODS", "Internal drainage, with a double j catheter, was performed in several patients, randomly."),
        ("RESULTS", "However, a higher incidence of catheter related urinary symptoms and flank pain was reported among "
                    "those with internal stent."),
        title="Surgical Results of Anderson-Hynes Dismembered Pyeloplasty Without Internal Drainage in Adults With "
              "Ureteroplevic Junction Obstruction")
    assert _events(article, "dismembered pyeloplasty without internal drainage (double J stent)") == set()


def test_harms_listed_with_their_counts_give_other_for_an_unlisted_event() -> None:
    # batch 5 PMC5367005: 'Harms' heads the list; 'pain in one' is an event the lexicon does not hold, then its count
    article = _article(
        ("RESULTS", "Harms included fatigue in two boys, pain in one."),
        title="Aquatic therapy for boys with Duchenne muscular dystrophy (DMD): an external pilot randomised "
              "controlled trial")
    assert _events(article, "aquatic therapy added to land-based exercise for Duchenne muscular dystrophy") == {
        ("adverse_events", "fatigue"), ("adverse_events", "other")}


def test_a_reference_arm_only_when_no_other_drug_is_the_compared_arm() -> None:
    from ketamine_evidence.analysis.extract.event_arms import comparison_reference
    from ketamine_evidence.analysis.extract.interventions import resolve_intervention

    # batch 4 PMC3576519: placebo is the reference, the vaccinees the compared arm
    text = "was significantly higher in vaccinees than placebo recipients"
    vaccine = resolve_intervention("oral replicating adenovirus 4 vector H5N1 vaccine").pattern
    assert comparison_reference(text, text.index("placebo"), vaccine)
    # pool dev PMC5556332: another drug (morphine) stands before 'than the control group'
    text = "The mean dose of postoperative morphine consumption in the PAN group was 37% less than the control group"
    pregabalin = resolve_intervention("pregabalin").pattern
    assert not comparison_reference(text, text.index("control group"), pregabalin)
