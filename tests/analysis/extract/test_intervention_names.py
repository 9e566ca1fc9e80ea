"""The forms a free-text treatment name takes (``intervention_names``): aliases and combination parts."""

from __future__ import annotations

import pytest

from ketamine_evidence.analysis.extract.intervention_names import combination_parts, literal_names


def test_literal_names_drop_doses_routes_and_comparators():
    names, is_drug = literal_names("paracetamol 1,000 mg-caffeine 130 mg combination (PCF)")
    assert is_drug and "PCF" in names and "paracetamol" in names
    names, _ = literal_names("cinnarizine (vs topiramate)")
    assert "cinnarizine" in names and not any("topiramate" in n for n in names)


@pytest.mark.parametrize("name, parts", [  # gold intervention names of pool dev and batch 4
    ("dexamethasone co-administered with diclofenac potassium (vs diclofenac potassium alone)", ["diclofenac potassium"]),
    ("ramosetron plus dexamethasone (vs ramosetron alone and saline control)", ["dexamethasone"]),
    ("midazolam-ondansetron combination for PONV prophylaxis (vs midazolam, ondansetron, saline)", ["ondansetron"]),
    ("neuromuscular electrical stimulation combined with exercises", []),
    ("lidocaine spray alone (vs spray plus viscous solution)", []),
])
def test_combination_parts(name, parts):
    assert combination_parts(name) == parts


def test_unseen_drug_name_before_its_form_or_co_drug_is_its_alias():
    # pool dev 28191496 and batch 4 16274480 with the drug renamed to a name no list holds
    names, is_drug = literal_names("Zorvatex spray alone (vs spray plus viscous solution)")
    assert is_drug and "Zorvatex" in names
    names, _ = literal_names("Zorvatex co-administered with diclofenac potassium (vs diclofenac potassium alone)")
    assert "Zorvatex" in names and "diclofenac" not in names  # the co-drug is not the treatment's name
    names, _ = literal_names("dexamethasone co-administered with diclofenac potassium (vs diclofenac potassium alone)")
    assert "dexamethasone" in names and "diclofenac" not in names


def test_unseen_capitalised_drug_name_anywhere_before_a_known_drug_is_its_alias():
    # pool dev 28879339, batch 5 25829902 and 27932894 (gold names) with the drug renamed to a name no list holds
    names, _ = literal_names("double cartridge 4% Zorvatex infiltration")
    assert names[-1] == "Zorvatex"
    names, _ = literal_names("Zorvatex as adjuvant to ropivacaine in supraclavicular brachial plexus block")
    assert "Zorvatex" in names and "ropivacaine" not in names  # the shared local anaesthetic names no arm
    names, _ = literal_names("Zorvatex/valdecoxib (vs placebo) after gynecologic surgery")
    assert "Zorvatex" in names and "valdecoxib" not in names
    # batch 4 23238266: half of a compound name the text abbreviates whole ('G/PEG') is no alias of its own
    names, _ = literal_names("Gatorade/polyethylene glycol bowel preparation with or without bisacodyl (vs NuLYTELY)")
    assert "Gatorade" not in names


def test_a_hyphenated_pair_of_drugs_names_its_first_drug():
    """Batch 7 PMC2911596: 'sevoflurane-fentanyl anaesthesia' is named 'sevoflurane' in 'receive sevoflurane (n = 20)'."""
    from ketamine_evidence.analysis.extract.intervention_names import paired_drug_word
    assert paired_drug_word("sevoflurane-fentanyl anaesthesia") == "sevoflurane"
    assert paired_drug_word("Sevoflurane-Fentanyl anaesthesia") == "Sevoflurane"
    assert paired_drug_word("cross-over design") is None
    assert "sevoflurane" in literal_names("sevoflurane-fentanyl anaesthesia (vs isoflurane-fentanyl)")[0]
