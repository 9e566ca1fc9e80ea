"""Adverse events, round 4: the event's role in its sentence (the aim's outcome, a compared measure, a benefit,
the comparator's harm) read by general mechanisms. Sentences are real dev abstract sentences (pool batches)."""

from __future__ import annotations

import pytest

from ketamine_evidence.analysis.extract import adverse_events, make_context
from ketamine_evidence.analysis.extract.event_negation import find_event_mentions
from ketamine_evidence.analysis.extract.event_roles import general_negation
from ketamine_evidence.analysis.records import Article, Section


def _article(*sections: tuple[str | None, str], title: str) -> Article:
    return Article(pmid="1", pmcid=None, doi=None, title=title,
                   abstract=[Section(label, label, text) for label, text in sections])


def _events(article: Article, intervention: str) -> set[tuple[str, str]]:
    return {(f.field, f.value) for f in adverse_events.extract(make_context(article, intervention))}


def test_an_event_the_aim_names_as_an_efficacy_outcome_is_its_topic():
    # batch 6 PMC4053826 (rule al): 'effectiveness of X in ..., incidence of nausea and vomiting'
    article = _article(
        ("OBJECTIVE", "The aim of this study was to evaluate the effectiveness of continuous wound infusion of "
                      "ropivacaine in postoperative pain relief, opioid sparing, incidence of nausea and vomiting, and "
                      "bowel and liver function improvement in patients undergoing open hepatectomy."),
        ("RESULTS", "Sufentanil consumption (41.50±21.80 vs. 89.70±35.22 μg; P<0.01) after 48 hours, time to bowel "
                    "recovery (1.80±0.70 vs. 3.15±1.04 d; P<0.01), incidence of nausea and vomiting (1.75±0.72 vs. "
                    "2.40±0.68; P<0.05), and mean length of hospitalization (5.6±2.44 vs. 7.35±2.85 d; P<0.01) were "
                    "significantly reduced."),
        title="Continuous wound infusion of ropivacaine after open hepatectomy")
    assert _events(article, "ropivacaine") == set()


def test_an_unlabelled_abstract_whose_study_tested_effects_on_symptoms():
    # batch 6 PMC5244020: the background before 'This study tested the effects of ... on ... LUTS', and LUTS as
    # the aim's outcome, give no urological event
    article = _article(
        (None, "Pain and urinary symptoms following colorectal cancer (CRC) surgery are frequent and carry a poor "
               "recovery. This study tested the effects of inhalation of Lavandula angustifolia Mill. (lavender) oil "
               "or linalyl acetate on pain relief and lower urinary tract symptoms (LUTS) following the removal of "
               "indwelling urinary catheters from patients after CRC surgery. Systolic BP, diastolic BP, heart rate, "
               "LUTS, and QoL satisfaction with urinary symptoms were similar in the three groups."),
        title="Lavandula angustifolia Mill. Oil and Its Active Constituent Linalyl Acetate Alleviate Pain and "
              "Urinary Residual Sense after Colorectal Cancer Surgery: A Randomised Controlled Trial")
    assert _events(article, "lavender") == set()


def test_what_a_treatment_does_not_influence_is_a_measure():
    # batch 6 PMC5791393 (rule k): the events a treatment left unchanged were compared, not reported
    article = _article(
        ("RESULTS", "Catheterisation does not influence: the number of additional doses of ketoprofen and pethidine "
                    "administered during the 1st day after the operation, the duration of hospitalization, the "
                    "occurrence of fever, significant bacteriuria, the postoperative acute urinary retention and the "
                    "post-void residual urine volume."),
        title="Is bladder catheterisation necessary after ureterorenoscopic stone removal?")
    assert _events(article, "catheterisation") == set()


def test_a_rise_of_blood_pressure_and_heart_rate_stated_as_a_greater_change():
    # batch 6 PMC5457851 and pool dev PMC4115605 (guideline: increased blood pressure is hypertension)
    arms = ("METHODS", "Sixty-five healthy participants underwent surgical extraction while under local anesthesia "
                       "with 2% lidocaine with different epinephrine concentration (1:80,000 or 1:200,000).")
    article = _article(arms, ("RESULTS", "Changes in systolic blood pressure and heart rate following anesthetic "
                                         "administration were significantly greater in the group receiving 1:80,000 "
                                         "epinephrine than in that receiving 1:200,000 epinephrine (P ≤.01)."),
                       title="Comparison of the efficacy and safety of 2% lidocaine HCl with different epinephrine "
                             "concentration for local anesthesia")
    assert _events(article, "2% lidocaine with 1:80,000 epinephrine") == {
        ("adverse_events", "hypertension"), ("adverse_events", "tachycardia")}
    article = _article(("RESULTS", "Mean standing systolic blood pressure (BP) increased by 11.2 vs 3.9 mm Hg "
                                   "(p < 0.001), and mean supine systolic BP by 7.6 vs 0.8 mm Hg (p < 0.001)."), title="Droxidopa for neurogenic orthostatic hypotension")
    assert _events(article, "droxidopa") == {("adverse_events", "hypertension")}


@pytest.mark.parametrize("sentence, scope", [
    # batch 6 PMC4541185 (rule y: the whole, kept beside the hypotension and bradycardia that occurred)
    ("Clonidine as an adjuvant to ropivacaine significantly enhances the quality of supraclavicular brachial plexus "
     "block by faster onset, prolonged duration of sensory and motor block and improved postoperative analgesia, "
     "without associated adverse effects at the dose used.", "all"),
    ("There were no delayed adverse events.", "part"),  # batch 5 PMID 23112411: one kind
    # pool dev PMID 24086658 and batch 4 PMID 23354552: comparisons (rule k)
    ("In other words, bright light exposure was not associated with a significantly higher incidence of any "
     "reported side effect than was the placebo control condition.", None),
    ("Among the tested oral treatments, a palonosetron 0.50-mg oral dose has been favored for the prevention of "
     "CINV in patients receiving moderately emetogenic chemotherapy due to a numerical gain in efficacy without a "
     "side effect disadvantage.", None),
    ("There were no significant adverse events.", "serious"),  # batch 5 PMID 23112411
])
def test_the_scope_of_a_general_negation(sentence, scope):
    mention = next(m for m in find_event_mentions(sentence) if m.kind == "generic")
    assert mention.negated and general_negation(sentence, mention) == scope


def test_events_given_as_examples_of_fewer_complications_occurred():
    # batch 6 PMC4714728 (rule q: fewer complications still occurred), items the lexicon does not hold give 'other'
    article = _article(
        ("METHODS", "Patients were randomly divided into two groups: Group A was treated using a hook plate and Group B "
                    "with autogenous semitendinosus graft and endobutton technique."),
        ("CONCLUSIONS", "Autogenous semitendinosus graft and endobutton technique showed better results compared with "
                        "the hook plate method and exhibited advantages of fewer complications such as permanent pain "
                        "and acromial osteolysis."),
        title="Treatment of Rockwood type III acromioclavicular joint dislocation using autogenous semitendinosus "
              "tendon graft and endobutton technique")
    assert _events(article, "autogenous semitendinosus tendon graft and endobutton technique") == {
        ("adverse_events", "other")}


def test_an_event_the_intervention_spares_is_its_benefit():
    # batch 6 PMC4787139 (rule am): avoiding the events of another treatment is a benefit; 'no vomiting' holds
    article = _article(
        ("RESULTS", "This group had no vomiting and no respiratory depression."),
        ("CONCLUSIONS", "Avoiding narcotic analgesics with its associated post-operative nausea and vomiting is an "
                        "additional benefit."),
        title="Comparative evaluation of two different loading doses of dexmedetomidine with midazolam-fentanyl for "
              "sedation in vitreoretinal surgery under peribulbar anaesthesia")
    assert _events(article, "dexmedetomidine") == {("negated_adverse_events", "vomiting"),
                                                   ("negated_adverse_events", "other")}


def test_events_in_brackets_belong_to_the_arm_before_them():
    # batch 6 PMC5301372: headache only in the dovitinib bracket, fatigue (asthenia) in both
    article = _article(
        ("RESULTS", "Frequently reported adverse events in the dovitinib (diarrhea, nausea, vomiting, asthenia, and "
                    "headache) and placebo (diarrhea, fatigue, nausea, and asthenia) arms were mostly low grade."),
        title="Phase II, randomized, placebo-controlled study of dovitinib in combination with fulvestrant in "
              "postmenopausal patients with HR+, HER2− breast cancer")
    assert _events(article, "dovitinib") == {("adverse_events", t) for t in
                                             ("other", "nausea", "vomiting", "fatigue", "headache")}


def test_a_device_failure_that_did_not_happen_is_negated():
    # batch 6 PMC3872586 (addition ap): a device failure is an event ('other'), here negated
    article = _article(
        ("RESULTS", "No cases of rupture of the homemade retrieval bag were observed."),
        title="A novel technique for laparoscopic removal of the fallopian tube after ectopic pregnancy via "
              "transabdominal or transumbilical port using homemade bag: A randomized trial")
    intervention = ("laparoscopic fallopian tube removal via 5-mm transabdominal port with homemade bag "
                    "(vs 10-mm transumbilical port)")
    assert _events(article, intervention) == {("negated_adverse_events", "other")}


def test_the_event_a_treatment_is_effective_on_is_its_outcome():
    # batch 4 PMID 20087760 (as batch 6 PMC4053826 for an aim): 'the efficacy of X on Y' makes Y the outcome
    article = _article(
        ("CONCLUSIONS", "The efficacy of ATP on fast ventricular arrhythmias confirmed once more the striking "
                        "importance of careful device programming in order to reduce painful shocks."),
        title="The impact of urinary bladder catheterisation after ureterorenoscopic stone removal on the "
              "postoperative course")
    assert _events(article, "No bladder catheterisation after ureterorenoscopic stone removal (vs Foley catheter)") == set()


def test_an_event_named_among_the_measures_compared_is_a_variable():
    # batch 6 PMC4064763: 'labor outcomes such as: ..., postpartum bleeding, ...' were compared, not reported
    article = _article(
        ("RESULTS", "After intervention, variables including: induction duration, duration of the 1st and the 2nd "
                    "stages of labor, delivery method; and labor outcomes such as: hyper-stimulation of uterine, "
                    "postpartum bleeding, 5-minute Apgar score, and infant's birth weight; and neonatal outcomes "
                    "(admission to NICU, oxygen and intubation), in the two groups, were found to be the same "
                    "(P < 0.05)."),
        title="Induction of Labor Using Native (OXYTIP) in Comparison to Foreign Oxytocin (SYNTOCINON)")
    assert _events(article, "native oxytocin (Oxytip) for labour induction (vs Syntocinon)") == set()


def test_intervention_labels_are_read_in_the_sentences_that_write_group():
    # ketamine dev PMC4188762: 'group K' stands for ketamine; only sentences holding 'roup' can define a label
    from ketamine_evidence.analysis.extract import event_arms
    from ketamine_evidence.analysis.parse import parse_file
    from tests.conftest import REPO

    path = REPO.parent / "shared" / "corpus" / "pmc_ketamine" / "PMC4188762.nxml"
    ctx = make_context(next(iter(parse_file(path))), "ketamine")
    assert event_arms.intervention_labels(ctx) == {"k"}
    assert not any(event_arms._GROUP_LABEL.search(s.text) for s in ctx.sentences if "roup" not in s.text)
