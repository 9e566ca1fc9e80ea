"""A clause that lists several results, each with its own direction (arms13, round 13; analysis/extract/result_items.py,
read by ``direction.clause_verdicts``), and a decimal point inside an arm's definition (``arm_definitions.
DEFINITION_BEFORE``). Texts are dev abstracts: blind2 PMC4900317 (gold pain_effect improved), batch 6 PMC3139306,
chronic dev PMC5789501, and the MEDLINE sample (26702379)."""

from __future__ import annotations

from ketamine_evidence.analysis.extract import extract_findings
from ketamine_evidence.analysis.extract.arm_definitions import DEFINITION_BEFORE
from ketamine_evidence.analysis.extract.arms import arms_for
from ketamine_evidence.analysis.extract.interventions import resolve_intervention
from ketamine_evidence.analysis.extract.outcomes import is_pain_outcome
from ketamine_evidence.analysis.extract.result_items import _DIRECTION, _states_none, list_items, pain_readings
from ketamine_evidence.analysis.records import Article, Section

# blind2 PMC4900317
PRESTERNAL = "continuous presternal bupivacaine infusion through a single catheter after cardiac surgery"
PRESTERNAL_TITLE = ("The analgesic efficacy of continuous presternal bupivacaine infusion through a single catheter after "
                    "cardiac surgery")
PRESTERNAL_METHODS = (
    "A presternal catheter was inserted with continuous infusion of 5 mL/h bupivacaine 0.25% (Group B) or normal saline "
    "(Group C) during the first 48 postoperative hrs.")
PRESTERNAL_RESULT = (
    "During the postoperative 48 h, there was marked reduction in morphine requirements in Group B compared to Group C, "
    "(8.6 ± 0.94 mg vs. 18.83 ± 3.4 mg respectively, P = 0.2), lower postoperative pain scores, shorter extubation time "
    "(117 ± 10 min vs. 195 ± 19 min, respectively, P = 0.03), better respiratory parameters (PaO2/FiO2, PaCO2 and pH), "
    "with no incidence of wound infection, no differences in ICU or hospital stay duration.")
PRESTERNAL_CONCLUSION = (
    "Continuous presternal bupivacaine infusion has resulted in better postoperative analgesia, reduction in morphine "
    "requirements, shorter time to extubation, and better postoperative respiratory parameters than the control group.")


def test_each_item_of_a_result_list_is_cut_at_its_direction_word() -> None:
    items = list_items(PRESTERNAL_RESULT)
    assert [i.split()[0] for i in items[1:]] == ["lower", "shorter", "better", "no"]
    assert items[0].endswith("P = 0.2)")  # a bracket's commas cut nothing


def test_a_later_item_of_another_outcome_decides_no_pain_reading() -> None:
    """'no differences in ICU or hospital stay' is the stay's item: the pain reading is the first item with the later
    pain item ('lower postoperative pain scores'), the other outcomes' items left out."""
    assert pain_readings(PRESTERNAL_RESULT, is_pain_outcome) == [
        PRESTERNAL_RESULT.split(", shorter extubation")[0]]


def test_the_list_s_comparator_is_kept_for_its_pain_items() -> None:
    assert pain_readings(PRESTERNAL_CONCLUSION, is_pain_outcome) == [
        "Continuous presternal bupivacaine infusion has resulted in better postoperative analgesia, reduction in morphine "
        "requirements than the control group."]


def test_a_first_item_that_states_none_governs_the_list() -> None:
    """chronic dev PMC5789501: 'comparable' is said of every item; no later item is read apart."""
    text = ("In our study, both the techniques have produced comparable relief of pain, improvement in shoulder "
            "movement, and decreased SPADI 4 weeks after the block.")
    assert len(pain_readings(text, lambda s: "pain" in s or "SPADI" in s)) == 1


def test_the_first_item_is_kept_whole() -> None:
    """batch 6 PMC3139306: the first item holds the arms and the time frame ('during the first 24 hours')."""
    text = ("Compared with placebo group, patients in the dexmedetomidine group required 52.7% less PCA morphine during "
            "the first 24 hours postoperatively, with significantly better visual analogue scale scores, less incidence of "
            "respiratory obstruction (5 vs. 12 patients, respectively; P = .037)")
    assert pain_readings(text, is_pain_outcome) == [text.split(", less incidence")[0]]


def test_a_clause_without_a_list_is_read_whole() -> None:
    text = ("It was found that the atmospheric pressure when the patients developed a migraine was within 1003-1007 hPa "
            "in the approach of low atmospheric pressure")  # MEDLINE 26702379
    assert pain_readings(text, is_pain_outcome) == [text]


def test_a_decimal_point_ends_no_arm_definition() -> None:
    """'bupivacaine 0.25% (Group B)': the definition runs back past '0.25', so group B is the bupivacaine arm."""
    before = PRESTERNAL_METHODS[:PRESTERNAL_METHODS.index("(Group B)")]
    assert DEFINITION_BEFORE.split(before)[-1].startswith("A presternal catheter")
    arms = arms_for(PRESTERNAL_METHODS, resolve_intervention(PRESTERNAL).pattern)
    assert arms.side("in Group B") == "intervention" and arms.side("Group C") == "comparator"


def test_the_presternal_trial_reads_improved() -> None:
    art = Article(pmid="1", pmcid=None, doi=None, title=PRESTERNAL_TITLE, abstract=[
        Section("Materials and Methods", "Materials and Methods", PRESTERNAL_METHODS),
        Section("Results", "Results", PRESTERNAL_RESULT), Section("Conclusion", "Conclusion", PRESTERNAL_CONCLUSION)])
    found = [f.value for f in extract_findings(art, resolve_intervention(PRESTERNAL)) if f.field == "pain_effect"]
    assert found == ["improved"]  # 'mixed' while the stay's 'no differences' and group B's '0.25' misread it


def test_an_item_s_own_comparison_is_no_list_comparator() -> None:
    """MEDLINE 26702379: '..., slightly less than the standard atmospheric pressure' compares that item alone."""
    text = ("It was found that the atmospheric pressure when the patients developed a migraine was within 1003-1007 hPa "
            "in the approach of low atmospheric pressure and that the patients developed a migraine when the atmospheric "
            "pressure decreased by 6-10 hPa, slightly less than the standard atmospheric pressure.")
    assert pain_readings(text, is_pain_outcome) == [text.split(", slightly")[0]]


def test_a_direction_word_is_a_whole_word() -> None:
    """MEDLINE 2016 sample: 'Similarly' opens a sentence that states a difference (it is no 'similar'), and
    'moreover' holds no 'more'; 'lesser' is 'less'."""
    assert not _states_none("Similarly, onset of motor block was also quicker in groups BC and BCF.")
    assert _states_none("similar at 24 h")
    assert _DIRECTION.search("Moreover, the groups were followed for 6 months") is None
    assert _DIRECTION.search("lesser complications").group(0) == "lesser"
