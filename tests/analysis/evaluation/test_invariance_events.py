"""Rewrites that keep adverse_events and negated_adverse_events: each on real sentences of the dev abstracts."""

from __future__ import annotations

from ketamine_evidence.analysis.evaluation.invariance_events import (absence_forms, cue_words, event_abbreviation,
                                                                     event_number, event_order, event_spelling,
                                                                     event_synonyms, harm_words, incidence_rate,
                                                                     negation_forms)


def test_harm_words_cycle_and_keep_names():
    # batch 5 16338779, pool dev 28859173
    assert harm_words("fewer reported adverse events, including drug-related adverse events") == \
        "fewer reported side effects, including drug-related side effects"
    assert harm_words("Side effects were mild; no adverse effects.") == "Adverse effects were mild; no adverse events."
    assert harm_words("the Adverse Event Reporting System") == "the Adverse Event Reporting System"


def test_event_order_reverses_lists_of_event_words_only():
    # pool dev 22148110, 29535545, batch 5 21655018
    assert event_order("The most reported side effects included dry mouth, nausea and dizziness.") == \
        "The most reported side effects included dizziness, nausea and dry mouth."
    assert event_order("The most common adverse effects were headache, fatigue, myalgia, and cough.") == \
        "The most common adverse effects were cough, myalgia, fatigue, and headache."
    assert event_order("while minimizing nausea and vomiting were seen") == "while minimizing vomiting and nausea were seen"
    assert event_order("pain, swelling and trismus following third molar surgery") == \
        "pain, swelling and trismus following third molar surgery"


def test_negation_forms_swap_the_place_of_no():
    # batch 4 23035837, pool dev 27375766, 28859173
    assert negation_forms("No side effects were reported.") == "Side effects were not reported."
    assert negation_forms("No significant adverse events were observed.") == "Significant adverse events were not observed."
    assert negation_forms("well tolerated by all patients and adverse events were not reported.") == \
        "well tolerated by all patients and no adverse events were reported."
    assert negation_forms("No significant differences were found.") == "No significant differences were found."


def test_incidence_rate_only_before_an_event():
    # batch 5 23357939, batch 4 19259615
    assert incidence_rate("on the incidence of PONV and pain") == "on the rate of PONV and pain"
    assert incidence_rate("might reduce the rate of incisional hernia.") == "might reduce the incidence of incisional hernia."
    assert incidence_rate("the rate of group A") == "the rate of group A"


def test_event_number_where_the_word_ends_its_phrase():
    # batch 5 16338779, batch 4 19775434 ('headache diagnosis' is the condition's name)
    assert event_number("Headache, diarrhea, nausea") == "Headaches, diarrhea, nausea"
    assert event_number("Irrespective of the headache diagnosis") == "Irrespective of the headache diagnosis"
    assert event_number("patients with a headache.") == "patients with a headache."


def test_event_spelling_both_ways():
    # pool dev 28442930
    assert event_spelling("myocardial ischemia and infarction; Dyspnoea") == "myocardial ischaemia and infarction; Dyspnea"


def test_cue_words_keep_the_report():
    # pool dev 24086658, 26034744
    assert cue_words("increases in both eye strain and blurred vision were observed among both groups") == \
        "increases in both eye strain and blurred vision were noted among both groups"
    assert cue_words("anastomosis complications, such as leakage") == "anastomosis complications, including leakage"
    assert cue_words("It was reported that the most common") == "It was reported that the most frequent"


def test_absence_forms():
    # forms of the negations of pool dev 28314089 ('No incisional hernias were reported')
    assert absence_forms("There were no incisional hernias.") == "No incisional hernias occurred."
    assert absence_forms("Results. No respiratory depression occurred.") == "Results. There was no respiratory depression."


def test_event_synonyms():
    # batch 4 28353600, 22474554
    assert event_synonyms("complications, and nausea/vomiting score.") == "complications, and nausea/emesis score."
    assert event_synonyms("Somnolence and pruritus") == "Drowsiness and itching"


def test_event_abbreviation_spells_out_later_uses():
    # batch 4 22474554 (PONV), pool dev 23440904 (AEs); 'perforated peptic ulcer (PPU)' (batch 5 19430829) is
    # no event abbreviation the lexicon's words spell
    text = ("increased risk of postoperative nausea and vomiting (PONV). The incidence and severity of PONV were "
            "assessed.")
    assert event_abbreviation(text) == ("increased risk of postoperative nausea and vomiting (PONV). The incidence and "
                                        "severity of postoperative nausea and vomiting were assessed.")
    assert event_abbreviation("adverse events (AEs). No AEs were reported.") == \
        "adverse events (AEs). No adverse events were reported."
    ppu = "closure of a perforated peptic ulcer (PPU). Repair of PPU is safe."
    assert event_abbreviation(ppu) == ppu


def test_attribution_words_swap_attribution_and_comparatives_only():
    from ketamine_evidence.analysis.evaluation.invariance_events import attribution_words
    # batch 6 PMC420060 and PMC4787139 (round 8)
    assert attribution_words("and no deaths were attributable to remifentanil use.") == \
        "and no deaths were attributed to remifentanil use."
    assert attribution_words(attribution_words("none were considered attributable to the study drug")) == \
        "none were considered attributable to the study drug".replace("attributable", "related")
    assert attribution_words("Incidence of nausea and vomiting was higher in MDZ:FEN group compared to other two "
                             "groups.") == ("Incidence of nausea and vomiting was greater in MDZ:FEN group compared to "
                                            "other two groups.")
    assert attribution_words("a higher incidence of flank pain") == "a greater incidence of flank pain"
    # a comparative of a dose or a score, and 'related' outside an attribution, stay
    for kept in ("the higher dose was given", "pain scores were higher at 6 h", "catheter related urinary symptoms"):
        assert attribution_words(kept) == kept
