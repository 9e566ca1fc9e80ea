"""Pain words in another role than a measured outcome are blanked out before ``conditions`` looks for a measure."""

import pytest

from ketamine_evidence.analysis.extract import pain_roles


@pytest.mark.parametrize("sentence, kept, removed", [
    # b4 dev PMC2836470: the purpose of device programming, said 'in order to'
    ("The efficacy of ATP on fast ventricular arrhythmias confirmed once more the striking importance of careful device "
     "programming in order to reduce painful shocks.", "efficacy of ATP", "painful shocks"),
    # pool dev PMC3953472: who the women are
    ("Women with trapezius myalgia have lower strength capacity during repetitive MVC of the trapezius muscle than "
     "healthy controls.", "lower strength capacity", "myalgia"),
    # pool dev PMC5926629: the study's own aim keeps its pain
    ("The objective of this study is to make a comparison between the effectiveness of the diclo- fenac suppository "
     "alone and periprostatic local anaesthesia infiltration alone to reduce the pain during a transrectal "
     "ultrasound-guided prostate biopsy procedure.", "to reduce the pain", None),
])
def test_without_roles(sentence, kept, removed):
    text = pain_roles.without_roles(sentence)
    assert kept in text
    assert removed is None or removed not in text


def test_defined_pain_abbreviation_is_read_as_pain():
    # b4 dev PMC4828818: 'low back pain (LBP)' defined, then the participants' pain rated on a VAS as 'mild LBP'
    abbreviations = pain_roles.pain_abbreviations(
        "Evidence shows that low back specific patient information is effective in sub-acute low back pain (LBP), but "
        "effectiveness and cost-effectiveness (CE) of information in early phase symptoms is not clear.")
    sentence = ("A cohort of employees (N = 312, aged <57) with non-specific, mild LBP (Visual Analogue Scale between "
                "10–34 mm) was selected from the respondents of an employee survey (N = 2480; response rate 71 %).")
    assert "mild pain (Visual Analogue Scale" in pain_roles.spell_out(sentence, abbreviations)
    assert pain_roles.pain_abbreviations("effectiveness and cost-effectiveness (CE) of information") is None


def test_people_who_suffer_a_pain_are_the_population():
    # b5 dev PMC4339981: improvements in disability and quality of life, no pain measured
    abbreviations = pain_roles.pain_abbreviations("as a treatment for patients with chronic non-specific neck pain (CNSNP)")
    sentence = ("After 8 weeks of a MPP that integrated land-based physical TE, health education and adapted swimming, "
                "clinically-relevant and statistically-significant improvements were observed for disability, physical "
                "and mental health states and quality of life in patients who suffer CNSNP.")
    assert "pain" not in pain_roles.without_roles(pain_roles.spell_out(sentence, abbreviations))


def test_people_named_by_the_care_they_seek_for_a_pain_and_a_guideline_for_it_are_no_outcome():
    """Batch 5 PMC2291069 (rule aa): the population and the guideline name low back pain; neither measures it."""
    from ketamine_evidence.analysis.extract.pain_roles import without_roles
    from ketamine_evidence.analysis.extract.study_text import PAIN
    for text in ("Patients aged 18 years or older who visit a participating practitioner for acute non-specific low back "
                 "pain of less than three months duration will be eligible for inclusion.",
                 "IMPLEmenting a clinical practice guideline for acute low back pain evidence-based manageMENT in general "
                 "practice"):
        assert not PAIN.pattern.search(without_roles(text))


@pytest.mark.parametrize("sentence, kept, removed", [
    # dc12, round 12: pain named as a criterion is blanked (dev sentences)
    ("Eligible participants are 35 years or older with persisting knee and/or hip pain for 3 months.", None,
     "hip pain"),  # batch 6 PMC4386269
    ("Patients are excluded if pain is attributable to abdominal causes or if any contraindications for either type "
     "of anaesthesia are present.", None, "pain"),  # batch 4 PMC5237574
    ("Post-ERCP pancreatitis was defined as serum amylase > 3 times upper limit of normal with associated severe "
     "abdominal pain.", "Post-ERCP pancreatitis", "abdominal pain"),  # batch 6 PMC5040543
    ("Remifentanil was infused for up to 72 hours (initial rate 6-9 μg/kg per hour), with propofol administered if "
     "required, to achieve a target Sedation-Agitation Scale score of 2-4, with no or mild pain.", "Remifentanil was "
     "infused", "mild pain"),  # batch 6 PMC420060
    # ... not the measure a response is defined by, a measurement after an eligibility phrase, or another clause's pain
    ("Response was defined as a reduction of at least 50% in pain intensity.", "pain intensity", None),
    ("After fulfilling the eligibility criteria, a clinical evaluation and assessments of pain and sleep quality will "
     "be carried out.", "assessments of pain", None),  # batch 4 PMC3543348
    ("The standard atmospheric pressure was defined as 1013 hPa, and with this value as the criterion, we investigated "
     "slight fluctuations in the atmospheric pressure when they developed a migraine.", "developed a migraine",
     None),  # MEDLINE sample 26702379
    # rv12: a definition whose definiens is a pain defines the pain measured (ketamine dev PMC4940009, postoperative
    # myalgia); before, the clause was blanked from 'was defined' on
    ("POM was defined as a pain with no surgical interferences, and its intensity was graded based on a four-point "
     "scale.", "defined as a pain", None),
])
def test_without_criteria(sentence, kept, removed):
    out = pain_roles.without_criteria(sentence)
    if kept is not None:
        assert kept in out
    if removed is not None:
        assert removed not in out
