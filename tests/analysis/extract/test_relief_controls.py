"""What kind of control a trial has (analysis/extract/relief_controls.py), on sentences from the dev sets."""

from __future__ import annotations

from pathlib import Path

import pytest

from ketamine_evidence.analysis.extract import extract_findings
from ketamine_evidence.analysis.parse.files import parse_file
from ketamine_evidence.analysis.extract.relief_controls import (active_comparator_only, names_control_arm,
                                                                names_inactive_control)

_POOL = Path(__file__).resolve().parents[3] / ".." / "shared" / "eval" / "pain_trials_pool"


@pytest.mark.parametrize("text", [
    # batch 6 dev PMC3191394 (rule g): usual care in both arms
    "women who underwent an elective C-section were allocated to either usual care (control, n=40) or three distant "
    "reiki sessions in addition to usual care (n=40).",
    # add-on stated with 'alone'
    "NMES + Ex was compared to exercise (Ex) alone.",
])
def test_inactive_controls(text: str) -> None:
    assert names_inactive_control(text)


def test_a_standard_programme_the_intervention_replaces_is_no_inactive_control() -> None:
    # batch 6 dev PMC2759981 (rule ai)
    assert not names_inactive_control(
        "Effects of natural childbirth preparation versus standard antenatal education on epidural rates. Standard care "
        "group: Standard antenatal education focussing on both childbirth and parenthood, without psychoprophylactic "
        "training.")


@pytest.mark.parametrize("text", [
    # batch 6 dev PMC5442201: devices compared, 'the control device'
    "The average VAS for the test device Piezon Master 700 with NO PAIN technology was 3.16, and for the control device "
    "Mini Piezon without NO PAIN technology 3.40. Both ultrasonic devices showed very small pain intensities.",
    # batch 7 dev PMC4984426: an active-controlled design, though 'pain control' says 'control'
    "A randomized, double-blind, double-dummy, active-controlled, two-period crossover study. Patients can be switched "
    "without an increased risk of opioid withdrawal or loss of pain control.",
])
def test_active_comparator_only(text: str) -> None:
    assert names_control_arm(text)
    assert active_comparator_only(text)


def test_a_control_group_is_not_an_active_comparator() -> None:
    assert not active_comparator_only("Patients were divided into 2 groups: the 0.9% saline continuous infusion group "
                                      "(the control group; n=20) and the ropivacaine continuous infusion group.")


# time10, round 10: 'control' as what a treatment achieves is no control arm.
@pytest.mark.parametrize("text", [
    # pool dev PMC5396972 (PCEA vs PCIA, head-to-head: relief null under rule e)
    "Perioperative thoracic epidural analgesia in patients suffering from coronary artery disease subjected to major "
    "abdominal cancer surgery reduced significantly postoperative major adverse cardiac events with better pain control "
    "in comparison with perioperative IV analgesia.",
    # batch 4 dev PMC3315657
    "Opioid-based patient controlled analgesia (PCA) provides adequate pain control following spinal surgeries at the "
    "expense of increased risk of postoperative nausea and vomiting (PONV).",
    # batch 7 dev PMC3511948
    "Epidural analgesia with opioid provides good control of postoperative pain in cesarean section, thereby improving "
    "the mother's ability to mobilize and interact with her newborn infant.",
])
def test_control_that_a_treatment_achieves_is_no_control_arm(text: str) -> None:
    assert not names_control_arm(text)
    assert active_comparator_only(text)  # no other arm word: the comparator is read as active (rule e)


@pytest.mark.parametrize("text", [
    # batch 4 dev PMC5735483: 'control group' followed by its label
    "Sterile water (0.2 mL) or buprenorphine (60 μg) or dexmedetomidine (5 μg) was added to control group (Group C), "
    "buprenorphine group (Group B), and dexmedetomidine group (Group D), respectively.",
    # pool dev PMC5731010: plural 'controls of age group' are people, not 'control of' a thing
    "A prospective randomized study was carried out in 100 healthy controls of age group 20–50 years undergoing "
    "transalveolar extraction in the Department of Oral and Maxillofacial Surgery, Vivekanandha Dental College for Women.",
    # review10: a judgement compared with the control arm
    "Pain relief was significantly better than control (P<0.01).",
    "Ketamine was superior to controls at 24 h.",
    "Pain relief with ketamine was superior to the control at all time points.",
])
def test_control_arms_are_still_control_arms(text: str) -> None:
    assert names_control_arm(text)



def test_an_arm_defined_as_getting_no_treatment_is_an_inactive_control() -> None:
    # pool blind2 PMC4239745 (gold relief 0): 'no statistical significant differences between the three groups'
    # against a no-antibiotics arm is no relief at any time, not a head-to-head reading
    text = ("All the patients included in the study for any periodontal surgery were randomly divided into three "
            "categories: Group A (prophylactic), Group B (therapeutic), and Group C (no antibiotics).")
    assert names_inactive_control(text)
    assert not names_inactive_control(text.replace("Group C (no antibiotics)", "Group C (amoxicillin)"))
    article = next(parse_file(_POOL / "PMC4239745.nxml"))
    found = {f.field: f for f in extract_findings(article, "prophylactic systemic antibiotics (vs therapeutic or none) "
                                                           "in periodontal surgery")}
    assert found["relief_duration_days"].value == 0.0
