"""Label definitions stated in forms the label reader missed (analysis/extract/arm_statements.py), on dev abstracts."""

from __future__ import annotations

import re

from ketamine_evidence.analysis.extract.arm_statements import respective_labels, stated_labels
from ketamine_evidence.analysis.extract.arms import PLACEBO_LIKE, arms_for
from ketamine_evidence.analysis.extract.interventions import resolve_intervention

# pool dev batch 5 PMC5490116 (caudal dexamethasone with ropivacaine vs IV dexamethasone or ropivacaine alone).
BRACKET_COUNT = ("Patients were randomized into three groups to receive 25 ml of preemptive caudal epidural injection of "
                 "either injection ropivacaine 0.2% (Group A, n = 32), a 25 ml of injection ropivacaine 0.2%, and "
                 "intravenous injection dexamethasone 8 mg (Group B, n = 32) or 25 ml mixture of injection ropivacaine "
                 "0.2% with injection dexamethasone 8 mg (Group C, n = 32) under general anesthesia.")
# pool dev batch 6 PMC4124476 (ramosetron vs ondansetron).
BRACKET_DOSE = ("Patients were randomly allocated into three groups to receive ondansetron (4 mg; group A, n = 55), "
                "ondansetron (8 mg; group B, n = 54), or ramosetron (0.3 mg; group C, n = 51) intravenously at the time "
                "of dural closure.")
# pool dev PMC3718450 (intra-articular morphine).
IN_GROUP = ("Forty-five patients were randomized into three groups: in group I, 20 ml of saline were applied "
            "intra-articularly at the end of the surgery; in group II, 20 ml of bupivacaine 0.25%; and in group III, "
            "bupivacaine 0.25% associated with 1 mg of morphine.")
# pool dev PMC3902589 (decoction of Pavetta indica).
RESPECTIVELY = ("Group A and Group B were treated with 60 ml of decoction 1 and 60 ml of placebo respectively, twice daily "
                "for 14 days. Group C and Group D were treated with 120 ml of decoction 2 and 120 ml of placebo "
                "respectively, twice daily for 14 days.")
# pool dev batch 5 PMC3101755 (magnesium); pool dev PMC4789479 (preventive ketoprofen).
CONTROL = ("In patients of Group A, magnesium sulfate injection 30 mg/kg i.v. bolus was followed by infusion of magnesium "
           "sulfate at 10 mg/kg/hr and continued up to 24 hours. Group B was treated as control.")
NOTHING = ("The subjects were randomly divided into two groups: group 1 received a dose of ketoprofen 30 minutes prior to "
           "the experimental procedure. The subjects of group 2 did not receive any kind of drug administration.")


def test_a_label_bracketed_with_its_count_takes_the_treatment_before_the_bracket() -> None:
    dexamethasone = re.compile(r"\bdexamethasone\b", re.I)
    read = stated_labels(BRACKET_COUNT, dexamethasone, PLACEBO_LIKE, {"A", "B", "C"})
    assert read["A"] == (False, False)  # 'either injection ropivacaine 0.2%': the decimal point ends no definition
    assert read["B"][0] and read["C"][0]


def test_a_dose_before_the_label_in_its_bracket_belongs_to_the_drug_before_the_bracket() -> None:
    read = stated_labels(BRACKET_DOSE, re.compile(r"\bramosetron\b", re.I), PLACEBO_LIKE, {"A", "B", "C"})
    assert read == {"A": (False, False), "B": (False, False), "C": (True, False)}


def test_in_group_and_the_dose_given_there() -> None:
    read = stated_labels(IN_GROUP, re.compile(r"\bmorphine\b", re.I), PLACEBO_LIKE, {"I", "II"})
    assert read == {"I": (False, True), "II": (False, False)}  # saline: placebo-like; bupivacaine alone: active


def test_a_share_after_in_group_is_a_result_not_a_dose() -> None:
    text = "In Group II, 3.3% were positive for IgA in serum, whereas IgA was not detected in any saliva sample."
    assert stated_labels(text, re.compile("ketamine"), PLACEBO_LIKE, {"II"}) == {}


def test_a_respectively_list_gives_each_label_its_treatment() -> None:
    read = respective_labels(RESPECTIVELY, re.compile(r"\bdecoction\b", re.I), PLACEBO_LIKE)
    assert read == {"A": (True, False), "B": (False, True), "C": (True, False), "D": (False, True)}


def test_a_group_treated_as_control_or_given_nothing_is_a_comparator() -> None:
    assert stated_labels(CONTROL, re.compile(r"\bmagnesium\b", re.I), PLACEBO_LIKE, {"B"}) == {"B": (False, True)}
    assert stated_labels(NOTHING, re.compile(r"\bketoprofen\b", re.I), PLACEBO_LIKE, {"2"}) == {"2": (False, True)}


def test_arms_read_the_stated_forms() -> None:
    arms = arms_for(IN_GROUP + " Group III had less pain at all times.", re.compile(r"\bmorphine\b", re.I))
    assert arms.side("in group I") == "comparator" and arms.side("in group II") == "comparator"
    assert arms.side("Group III had less pain") == "intervention"
    arms = arms_for(BRACKET_DOSE + " The incidence of complete response was higher in group C.",
                    re.compile(r"\bramosetron\b", re.I))
    assert arms.side("in group C") == "intervention"  # not the 'C' of a control arm
    assert arms.side("than in groups A") == "comparator"


def test_a_respectively_list_overrides_the_words_after_its_first_label() -> None:
    # the definitions_respectively rewrite of batch 7 PMC5389230: 'Group D and group C received ...' ran on into
    # the saline arm's words for group C (before: read as the intervention's)
    text = ("They were randomly allocated into two groups. Group D and group C received intranasal dexmedetomidine at "
            "1 μg/kg and intranasal saline 0.9% after the induction of general anesthesia, respectively. The scores of "
            "Group D were significantly lower than those of Group C.")
    arms = arms_for(text, re.compile(r"\bdexmedetomidine\b", re.I))
    assert arms.side("those of Group C") == "comparator"
    assert arms.side("The scores of Group D") == "intervention"


def test_a_letter_bracketed_after_group_and_the_other_of_two_letter_groups() -> None:
    # pool dev batch 7 PMC5341660 (dexmedetomidine vs midazolam): 'group (D) received', 'group (M) received'
    text = ("Then, subjects in group (D) received dexmedetomidine at a loading dose of 1 μg/kg IV over 10 min followed by "
            "0.5 μg/kg/h infusion until Ramsay Sedation Scale (RSS) reached 3–4. Patients in group (M) received a loading "
            "dose of midazolam 0.06 mg/kg IV over 10 min followed by 0.5 mg incremental doses until RSS reached 3–4. "
            "Visual analog scale scores significantly decreased in group D than group M at 5 and 10 min during the "
            "procedure (P = 0.03 and 0.01, respectively).")
    pattern = resolve_intervention("dexmedetomidine").pattern
    assert stated_labels(text, pattern, PLACEBO_LIKE, {"M"}) == {"M": (False, False)}
    results = ("Furthermore, the time of PACU stay was significantly less (P < 0.01) in group D (49.03 ± 12.8 min) compared "
               "to group M (62.5 ± 18.34 min). Although significant bradycardia was noted in group D (23% of patients) "
               "during the procedure (P = 0.02), no cases were reported in group M.")
    arms = arms_for(results, pattern)  # never spelled out: the other of two letter groups
    assert arms.side("in group D") == "intervention"
    assert arms.side("no cases were reported in group M") == "comparator"
