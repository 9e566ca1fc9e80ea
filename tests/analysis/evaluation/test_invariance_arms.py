"""Rewrites of how an abstract names its arms, each on real sentences of the dev abstracts."""

from __future__ import annotations

from ketamine_evidence.analysis.evaluation.invariance_arms import (arm_abbreviation, arm_letters, arm_numbers, definitions_respectively,
                                                                   definition_order)

# pool dev 8494706
MPA = ("Twenty-one patients in the MPA group and 20 in the placebo group were receiving chemotherapy. "
       "There was no significant improvement in appetite in the placebo group. "
       "These two parameters showed no significant change in the placebo group.")
# ketamine dev 25302093
PRETREATMENT = ("Patients were allocated into 4 groups according to the pretreatment drugs (Group N, normal saline; "
                "Groups L, lidocaine 40 mg; Group K, ketamine 0.5 mg/kg; Group R, remifentanil 1 µg/kg). "
                "Incidence of withdrawal response was significantly lower in group L (20%), group K (30%), and group R "
                "(0%), than group N (87%).")
# batch 4 25013272
KALTENBORN = ("Twenty-nine females with dominant hand thumb CMC osteoarthritis participated (age 70–90), and were "
              "randomized into 2 groups. The experimental group (EG) received a Kaltenborn mobilization, and the "
              "placebo group received a nontherapeutic dose of intermittent ultrasound. Pressure pain thresholds")


def test_arm_abbreviation_defines_the_short_form_at_first_mention() -> None:
    out = arm_abbreviation(MPA)
    assert "20 in the placebo group (PG) were receiving" in out
    assert "in appetite in the PG." in out and "change in the PG." in out
    assert "the MPA group" in out  # used once: no short form
    # a short form already in the text is not given again
    assert arm_abbreviation(MPA + " PG was pregabalin.") == MPA + " PG was pregabalin."


def test_arm_numbers_renames_defined_letters_in_order() -> None:
    out = arm_numbers(PRETREATMENT)
    assert "(Group 1, normal saline; Groups 2, lidocaine 40 mg; Group 3, ketamine 0.5 mg/kg; Group 4" in out
    assert "group 2 (20%), group 3 (30%), and group 4 (0%), than group 1 (87%)" in out


def test_arm_numbers_leaves_undefined_or_long_labels() -> None:
    # batch 5 25829902: 'Group D-IV' beside 'Group D' would become 'Group 2-IV'
    d_iv = ("For block patients in Group C received 0.5% ropivacaine (30cc), 0.5% ropivacaine with 50 μg "
            "dexmedetomidine (30cc) in Group D and 0.5% ropivacaine (30cc) in Group D-IV.")
    assert arm_numbers(d_iv) == d_iv
    undefined = "The duration of analgesia was significantly longer in group D when compared to group C."
    assert arm_numbers(undefined) == undefined


def test_definition_order_swaps_two_definitions() -> None:
    assert ("The placebo group received a nontherapeutic dose of intermittent ultrasound, and the experimental group "
            "(EG) received a Kaltenborn mobilization. Pressure") in definition_order(KALTENBORN)
    # ketamine dev 25302093: a list of four is not two definitions
    assert definition_order(PRETREATMENT) == PRETREATMENT


def test_arm_letters_gives_spare_letters_defined_at_first_mention() -> None:
    out = arm_letters(MPA)
    assert "20 in the placebo group (group T) were receiving" in out
    assert "in appetite in group T." in out and "change in group T." in out
    # a text that already labels its arms is left as it is
    assert arm_letters(PRETREATMENT) == PRETREATMENT


# batch 7 PMC5389230 (intranasal dexmedetomidine).
DEXMEDETOMIDINE = ("They were randomly allocated into two groups. Group D received intranasal dexmedetomidine at 1 μg/kg, and "
                   "Group C received intranasal saline 0.9% after the induction of general anesthesia. Four-point agitation "
                   "scale and FLACC scale for pain assessment were measured at six time points.")


def test_definitions_respectively_states_two_definitions_as_one_list() -> None:
    assert ("Group D and group C received intranasal dexmedetomidine at 1 μg/kg and intranasal saline 0.9% after the "
            "induction of general anesthesia, respectively. Four-point") in definitions_respectively(DEXMEDETOMIDINE)
    # two consecutive definition sentences, the same verb
    assert definitions_respectively("Group K received ketamine 0.5 mg/kg. Group C received normal saline. Pain.") == (
        "Group K and group C received ketamine 0.5 mg/kg and normal saline, respectively. Pain.")
    # ketamine dev 25302093: a list of four is not two definitions
    assert definitions_respectively(PRETREATMENT) == PRETREATMENT
