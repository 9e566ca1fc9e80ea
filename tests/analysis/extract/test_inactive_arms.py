"""One reading of an inactive comparator (round 13, vocab13): ``inactive_arms``, read by ``arms.PLACEBO_LIKE`` and the
placebo-controlled flag, ``relief_controls``, ``relief_schedule``, ``direction`` and the event readers' arm words.

Real sentences of dev abstracts (pool dev, batches 4, 6) and of the MEDLINE sample."""

from __future__ import annotations

import re

import pytest

from ketamine_evidence.analysis.extract import event_arms, regimen_text
from ketamine_evidence.analysis.extract.arms import PLACEBO_LIKE, arms_for
from ketamine_evidence.analysis.extract.inactive_arms import care_control, names_inactive_arm
from ketamine_evidence.analysis.extract.relief_controls import names_inactive_control
from ketamine_evidence.analysis.extract.relief_schedule import against_inactive

NO_INTERVENTION = ("A random sample, representing the natural course of LBP (NC, N = 83; no intervention), was extracted as "
                   "a control group.")  # dev 27068751
STANDARD_CARE = ("The patients were randomly assigned to the intervention group, i.e. patient empowerment through "
                 "information booklet and diary keeping, or to the control group, which received standard care.")  # 26378939
NACL = ("One hundred and eight patients scheduled for thyroid surgery were randomly allocated to three different groups: the "
        "control group (group C, n = 36), the ramosetron group (group R, n = 36), or the ramosetron plus dexamethasone group "
        "(group RD, n = 36). The patients were treated intravenously with 1 and 2 ml of 0.9% NaCl (group C); or 2 ml of "
        "0.15 mg/ml ramosetron plus 1 ml of 0.9% NaCl (group R); or 2 ml of 0.15 mg/ml ramosetron plus 1 ml of 5 mg/ml "
        "dexamethasone (group RD) immediately after anesthesia.")  # batch 4 25589945
WAIT_LIST = ("Forty-seven participants were randomly assigned to either a 15 week intervention program of Tai Chi "
             "instruction or a wait-list control group.")  # dev 17342248
# 'treatment-related' qualifies an event; it names no arm given nothing (MEDLINE 26432128, dev PMC5988794).
NOT_ARMS = ["No treatment-related adverse events were reported.",
            "There were no treatment-related deaths, but one patient in the hip arthroscopy group developed a hip joint "
            "infection after surgery."]
# Batch 6 19538406: the 'Standard care group' gets a standard programme the intervention replaces (rule ai).
PROGRAMME = ("Effects of natural childbirth preparation versus standard antenatal education on epidural rates, experience of "
             "childbirth and parental stress in mothers and fathers. Standard care group: Standard antenatal education "
             "focussing on both childbirth and parenthood, without psychoprophylactic training.")


@pytest.mark.parametrize("text", [NO_INTERVENTION, STANDARD_CARE, NACL, WAIT_LIST])
def test_an_arm_given_no_active_treatment_is_read_as_inactive(text: str) -> None:
    assert names_inactive_arm(text) and PLACEBO_LIKE.search(text)


@pytest.mark.parametrize("text", NOT_ARMS)
def test_treatment_related_events_name_no_untreated_arm(text: str) -> None:
    assert not names_inactive_arm(text) and not PLACEBO_LIKE.search(text) and not names_inactive_control(text)


def test_usual_or_standard_care_is_a_control_unless_a_replaced_programme_is_the_comparator() -> None:
    assert care_control(STANDARD_CARE) and names_inactive_control(STANDARD_CARE)
    assert not care_control(PROGRAMME) and not names_inactive_control(PROGRAMME)


def test_the_placebo_controlled_flag_reads_the_same_vocabulary() -> None:
    assert arms_for(NACL, re.compile(r"dexamethasone", re.I)).placebo_controlled  # 0.9% NaCl is saline
    assert arms_for(STANDARD_CARE, re.compile(r"patient empowerment", re.I)).placebo_controlled
    assert not arms_for(PROGRAMME, re.compile(r"natural childbirth preparation", re.I)).placebo_controlled
    assert arms_for(WAIT_LIST, re.compile(r"Tai Chi", re.I)).placebo_controlled


def test_a_benefit_over_saline_is_a_benefit_over_an_inactive_control() -> None:
    # dev 28683817: 'saline' was not in relief_schedule's own list (placebo, sham, no treatment, untreated)
    assert against_inactive("The average end-tidal sevoflurane concentration was lower in the Lignocaine group compared "
                            "to saline [1.49% (SD: 0.32) vs. 1.89% (SD: 0.29); 95% CI 0.26–0.5, p < 0.001].")


def test_event_readers_take_the_inactive_arm_words() -> None:
    # dev 21630047: a comparison against the saline arm ('NaCl group') tells nothing of the intervention's events
    assert event_arms._OTHER_REFERENCE.search("NSAID consumption was lower in the Bupivacaine group compared with the "
                                              "NaCl group (P < 0.01).")
    assert regimen_text.CONTROL.match("NaCl") and regimen_text.CONTROL.match("normal saline")


# 'untreated' / 'no treatment' as a condition left untreated is no arm (dev 23945051, 28904545); as an arm it stands
# before an arm's noun, after a comparison, or as a bracketed arm's definition (dev 27068751, MEDLINE 26200789, 26215128).
UNTREATED_CONDITIONS = ["If left untreated, periodontitis can lead to tooth loss.",
                        "Untreated procedural pain leads to long-term and short-term complications in neonates."]
UNTREATED_ARMS = [NO_INTERVENTION,
                  "The overall reduction in reproductive rate of 99.9% for regimen A relative to the untreated net was "
                  "primarily due to oviposition inhibition in exposed females (97%).",
                  "A concentration of 100mg/kg of lip.PZQ+HBO was more effective (48.0% reduction of worms, 83.3% reduction "
                  "of eggs/gram of feces) and 100% of the mice had altered of oograms (indicating interruption of "
                  "oviposition) compared to other treatments and to the Control group (infected and untreated)."]


@pytest.mark.parametrize("text", UNTREATED_CONDITIONS)
def test_a_condition_left_untreated_is_no_untreated_arm(text: str) -> None:
    assert not names_inactive_control(text)
    assert not arms_for(text, re.compile(r"massage|periodontal", re.I)).placebo_controlled


@pytest.mark.parametrize("text", UNTREATED_ARMS)
def test_an_untreated_arm_makes_the_trial_controlled_by_no_treatment(text: str) -> None:
    assert names_inactive_control(text)
    assert arms_for(text, re.compile(r"regimen A|PZQ|natural course", re.I)).placebo_controlled
