"""Adverse events, round 8 (xev): comparisons that state an event's amount rather than its occurrence. Sentences are
real batch 6 dev abstract sentences (data/eval/pool/gold_dev_batch6.jsonl); counter-cases reword them minimally."""

from __future__ import annotations

from ketamine_evidence.analysis.extract import adverse_events, make_context
from ketamine_evidence.analysis.extract.adverse_events import more_in_other_arm
from ketamine_evidence.analysis.records import Article, Section


def _article(*sections: tuple[str | None, str], title: str) -> Article:
    return Article(pmid="1", pmcid=None, doi=None, title=title,
                   abstract=[Section(label, label, text) for label, text in sections])


def _events(article: Article, intervention: str) -> set[tuple[str, str]]:
    return {(f.field, f.value) for f in adverse_events.extract(make_context(article, intervention))}


_STONES_METHODS = ("Patients were randomly assigned into two groups. Patients from Group 1 were treated with new a "
                   "technique using a transurethral nephroscope via resectoscope outer sheath and patients from Group 2 "
                   "were treated with conventional PCCL.")
_STONES_TITLE = ("Comparative study of a new technique using nephroscope and resectoscope sheath and the percutaneous "
                 "cystolithotripsy for the treatment of bladder calculus")
_STONES = "cystolithotripsy with transurethral nephroscope via resectoscope sheath (vs percutaneous cystolithotripsy)"


def test_more_of_an_event_in_the_comparator_arm_means_it_occurred_with_the_intervention():
    # batch 6 PMC5791397 (rule q): the comparator 'had more complications like ... wound infection'
    result = "Group 2 patients required more analgesics and had more complications like hematuria and wound infection."
    found = _events(_article(("METHODS", _STONES_METHODS), ("RESULTS", result), title=_STONES_TITLE), _STONES)
    assert ("adverse_events", "other") in found
    # the same events stated for the comparator alone, with no comparison, are the comparator's
    alone = result.replace("had more complications like", "had complications like")
    assert _events(_article(("METHODS", _STONES_METHODS), ("RESULTS", alone), title=_STONES_TITLE), _STONES) == set()


def test_a_comparison_naming_another_arm_tells_the_intervention_had_the_event_only_for_a_count_of_events():
    assert more_in_other_arm("Incidence of nausea and vomiting was higher in MDZ:FEN group compared to other two groups")
    # a zero, 'only', a measured value, or an event put down to the other arm's device say nothing of the intervention
    assert not more_in_other_arm("Nausea occurred only in the MDZ:FEN group")
    assert not more_in_other_arm("Incidence of nausea was higher in MDZ:FEN group (4 vs 0%)")
    assert not more_in_other_arm("Pulse rate (95.9 ± 11.2 bpm vs. 102.9 ± 8.8 bpm, P = 0.001) systolic and diastolic BP "
                                 "were significantly higher in Group N")  # batch 4 PMC4152682
    assert not more_in_other_arm("a higher incidence of catheter related urinary symptoms and flank pain was reported "
                                 "among those with internal stent", "a higher incidence of catheter related ")


_DEX_METHODS = ("In a prospective study, 60 patients aged 50-70 years, scheduled for retinal surgery under peribulbar "
                "block were divided equally to receive either MDZ:FEN or DEX 0.5 μg/kg (DEX full) or DEX 0.25 μg/kg "
                "(DEX half) loading dose over 10 min followed by titrated maintenance dose of DEX 0.25-0.4 μg/kg/h.")
_DEX_TITLE = ("Comparative evaluation of two different loading doses of dexmedetomidine with midazolam-fentanyl for "
              "sedation in vitreoretinal surgery under peribulbar anaesthesia")
_DEX = "dexmedetomidine full or half loading dose with maintenance infusion for sedation (vs midazolam-fentanyl)"


def test_an_explicit_negation_outweighs_an_occurrence_read_from_the_comparators_excess():
    # batch 6 PMC4787139: nausea occurred (less than with MDZ:FEN); vomiting is negated ('This group had no vomiting')
    results = ("‘DEX half’ group patients had predominantly stable haemodynamics, level 3 sedation and surgeon "
               "satisfaction score of 2–3 (good to excellent operating conditions). This group had no vomiting and no "
               "respiratory depression. Incidence of nausea and vomiting was higher in MDZ:FEN group compared to other "
               "two groups.")
    found = _events(_article(("BACKGROUND", "Dexmedetomidine (DEX) is indicated for sedation."),
                             ("METHODS", _DEX_METHODS), ("RESULTS", results), title=_DEX_TITLE), _DEX)
    assert ("adverse_events", "nausea") in found
    assert ("negated_adverse_events", "vomiting") in found and ("adverse_events", "vomiting") not in found


def test_an_amount_compared_right_before_an_event_states_that_it_occurred():
    # batch 6 PMC4493951 (rules am, q): '... with the less sedative effect' in an anti-emetic trial
    title = ("Haloperidol dose combined with dexamethasone for PONV prophylaxis in high-risk patients undergoing "
             "gynecological laparoscopic surgery")
    conclusion = ("For high-risk PONV patients undergoing gynecological laparoscopic surgery, when used with "
                  "dexamethasone, 1-mg haloperidol was equally effective as 2 mg in terms of preventing PONV with the "
                  "less sedative effect.")
    found = _events(_article(("CONCLUSIONS", conclusion), title=title), "haloperidol")
    assert found == {("adverse_events", "sedation")}
    # without the compared amount the sentence states no occurrence
    assert _events(_article(("CONCLUSIONS", conclusion.replace(" with the less sedative effect", "")), title=title),
                   "haloperidol") == set()


def test_a_seriousness_criterion_cleared_of_the_intervention_is_a_general_negation():
    # batch 6 PMC420060 (rule t): 'no deaths were attributable to remifentanil use' clears the treatment of serious
    # events (death is a seriousness criterion, ICH E2A)
    results = ("There were no statistically significant differences between the renal function groups in the incidence "
               "of adverse events, and no deaths were attributable to remifentanil use.")
    title = "Offset of pharmacodynamic effects and safety of remifentanil in intensive care unit patients"
    intervention = "remifentanil infusion in ICU patients with renal impairment"
    assert _events(_article(("RESULTS", results), title=title), intervention) == {
        ("negated_adverse_events", "serious_adverse_events")}
    # deaths put down to another cause, or merely counted, clear nothing
    assert _events(_article(("RESULTS", results.replace("remifentanil use", "the underlying illness")), title=title), intervention) == set()
    counted = results.replace("no deaths were attributable to remifentanil use", "two deaths occurred")
    assert ("negated_adverse_events", "serious_adverse_events") not in _events(_article(("RESULTS", counted), title=title),
                                                                              intervention)
