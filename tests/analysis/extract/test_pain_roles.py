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
