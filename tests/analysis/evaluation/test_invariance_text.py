"""Rewrites that keep the gold answer: each on real sentences of the dev abstracts."""

from __future__ import annotations

import re

from ketamine_evidence.analysis.evaluation.invariance_text import (condition_synonyms, label_map, malignancy_words,
                                                                   number_words, rename, population_order, reletter_arms, route_forms, spelling,
                                                                   title_case, typography)

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


def test_route_forms_keep_the_route():
    # chronic dev 24843472; ketamine dev sentences use 'intravenous (IV)' definitions
    assert route_forms("Duloxetine 40 or 60 mg/day or placebo was given orally once daily for 12 weeks.") == \
        "Duloxetine 40 or 60 mg/day or placebo was given by mouth once daily for 12 weeks."
    assert route_forms("Intravenous (IV) ketamine, i.m. midazolam, intranasal fentanyl") == \
        "IV ketamine, IM midazolam, nasal fentanyl"
    # a short form that already names something else: no rewrite
    assert route_forms("patients with stage IV cancer received intravenous ketamine") == \
        "patients with stage IV cancer received intravenous ketamine"


def test_condition_synonyms_keep_the_class():
    # batch 4 19775434; pool dev 29316960; 'upper or low back pain' (chronic dev 22887778) is left alone
    assert condition_synonyms("patients with a combination of headache and neck pain") == \
        "patients with a combination of cephalalgia and cervical pain"
    assert condition_synonyms("in reducing pain in people with sciatica") == "in reducing pain in people with sciatic pain"
    assert condition_synonyms("relief of acute upper or low back pain") == "relief of acute upper or low back pain"


def test_malignancy_words_keep_cancer_pain_as_written():
    # pool dev PMC1968186 (title); ketamine dev 'patients with stage IV cancer'; 'cancer pain' (chronic dev PMC2644667) stays
    assert malignancy_words("Combination or mild single agent chemotherapy for advanced breast cancer?") == \
        "Combination or mild single agent chemotherapy for advanced breast carcinoma?"
    assert malignancy_words("patients with stage IV cancer received intravenous ketamine") == \
        "patients with stage IV carcinoma received intravenous ketamine"
    assert malignancy_words("for the control of chronic cancer pain") == "for the control of chronic cancer pain"


def test_population_order_only_where_the_phrase_ends():
    # pool dev 28782266; batch 5 26157238 ('with skeletal muscle pain syndrome' goes on: left alone)
    assert population_order("the treatment of opioid-induced constipation (OIC) in adults with chronic noncancer pain.") \
        == "the treatment of opioid-induced constipation (OIC) in chronic noncancer pain adults."
    assert population_order("The subjects were 24 female patients with skeletal muscle pain syndrome.") == \
        "The subjects were 24 female patients with skeletal muscle pain syndrome."


def test_title_case_both_ways():
    # batch 4 29387317's title style and pool dev 28782266's (a word with an inner capital is kept as written)
    assert title_case("Ketorolac added to lidocaine for intravenous regional anesthesia\nAbstract.") == \
        "Ketorolac Added to Lidocaine for Intravenous Regional Anesthesia\nAbstract."
    assert title_case("Population Exposure-Response Modeling Supported Selection of Naloxegol Doses in Patients With OIC\nx") \
        == "Population Exposure-Response modeling supported selection of naloxegol doses in patients with OIC\nx"
