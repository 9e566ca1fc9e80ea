"""Rewrites that keep the gold answer: each on real sentences of the dev abstracts."""

from __future__ import annotations

import re

from ketamine_evidence.analysis.evaluation.invariance_text import (label_map, number_words, rename, reletter_arms,
                                                                   spelling, typography)

# ketamine dev 25302093
KETAMINE_GROUPS = ("Patients were allocated into 4 groups according to the pretreatment drugs (Group N, normal saline; "
                   "Groups L, lidocaine 40 mg; Group K, ketamine 0.5 mg/kg; Group R, remifentanil 1 µg/kg). Incidence of "
                   "withdrawal response was significantly lower in group L (20%), group K (30%), and group R (0%), "
                   "than group N (87%).")
# batch 5 27871236
LETTER_GROUPS = ("In Group A, 1 μg/kg of dexmedetomidine was intravenously administered for 10 min. Patients in "
                 "Group B received same dose of dexmedetomidine. The need for treatment of hypotension is higher in "
                 "Group B than Group A (p = 0.02).")


def test_letters_from_a_become_numbers_and_a_dose_after_a_comma_is_no_label():
    assert label_map(LETTER_GROUPS) == {"A": "1", "B": "2"}
    out = reletter_arms(LETTER_GROUPS)
    assert out.startswith("In Group 1, 1 μg/kg of dexmedetomidine")
    assert "higher in Group 2 than Group 1 (p = 0.02)" in out


def test_other_letters_become_spare_letters_and_a_count_is_no_label():
    mapping = label_map(KETAMINE_GROUPS)
    assert set(mapping) == {"N", "L", "K", "R"}  # not '4' of '4 groups'
    assert not set(mapping.values()) & {"I", "V", "X", "C", "P", "S", "N"}
    out = reletter_arms(KETAMINE_GROUPS)
    assert "into 4 groups" in out and f"Group {mapping['K']}, ketamine 0.5 mg/kg" in out
    assert not re.search(r"[Gg]roups? [NLKR]\b", out)


def test_numbers_become_letters():
    # the relabelled batch 5 27871236 relabelled back: 'Group 1, 1 μg/kg' keeps its dose
    once = reletter_arms(LETTER_GROUPS)
    assert label_map(once) == {"1": "A", "2": "B"}
    assert reletter_arms(once) == LETTER_GROUPS


def test_number_words_to_digits_leave_compound_numbers():
    # pool dev 23741565 and 24745020
    assert number_words("One hundred twenty eight patients were recruited. BIS was not different among the three "
                        "groups.") == "One hundred twenty eight patients were recruited. BIS was not different among " \
                                     "the 3 groups."
    assert number_words("Forty-four patients were randomized in to two groups.") == \
        "Forty-four patients were randomized in to 2 groups."
    # 'On day 1, five patients' would read as a list once in digits
    assert number_words("On day 1, five patients reported five nonserious adverse events") == \
        "On day 1, five patients reported 5 nonserious adverse events"


def test_digits_to_words_only_for_counts():
    # batch 5 20198404: a measurement after '±' stays in digits
    text = "Patients were examined before, and 16 ± 3 and 24 ± 2 months after surgery, in 12 sessions."
    assert number_words(text) == "Patients were examined before, and 16 ± 3 and 24 ± 2 months after surgery, in " \
                                 "twelve sessions."


def test_typography_and_spelling():
    assert typography("patients aged 20-70 years") == "patients aged 20\u201370 years"
    assert typography('the "gold standard" approach') == "the \u201cgold standard\u201d approach"
    assert spelling("Randomised trial under spinal anaesthesia; analyzed") == \
        "Randomized trial under spinal anesthesia; analysed"


def test_rename_replaces_every_mention():
    # pool dev 28191496
    names = re.compile(r"(?<!\w)lidocaine(?!\w)", re.I)
    assert rename("Pharyngeal anesthesia using topical lidocaine is generally used. Lidocaine spray", names) == \
        "Pharyngeal anesthesia using topical Zorvatex is generally used. Zorvatex spray"
