"""Sentence splitting: a trial arm's letter before a full stop ends the sentence; an initial does not."""

from __future__ import annotations

from ketamine_evidence.analysis.parse.sentences import split_text


def test_group_letter_ends_a_sentence_but_an_initial_does_not() -> None:
    text = "Severe response in 9 patients (30%) in group K. There was no severe response in group R."
    assert [s.text for s in split_text(text)] == [
        "Severe response in 9 patients (30%) in group K.", "There was no severe response in group R."]
    assert len(split_text("As shown by J. Smith et al. the dose was high.")) == 1


def test_a_unit_after_its_number_ends_a_sentence_before_a_word_in_sentence_case() -> None:
    # MEDLINE 26702203 and 26702234: 'min.' closes the sentence (it had joined the next one: 'min' is on the
    # abbreviation list for 'min. 5', 'max.')
    text = ("Patients could administer additional PCEA doses of 4 ml of their study solution with a lock-out time of "
            "10 min. Overall satisfaction, side-effects, motor block, neurologic function, and pain using Visual Analog "
            "Scale were assessed.")
    assert [s.text[:20] for s in split_text(text)] == ["Patients could admin", "Overall satisfaction"]
    text = ("The mean (±SD) operation time was 241.7 ± 78.2 min. The median amount of bleeding was 300 cc (range "
            "25-2500), and 23 (32.4 %) cases required perioperative transfusion.")
    assert len(split_text(text)) == 2
    # batch 6 29410894 (its Methods part ends so): the stop after 'ml' is the sentence's
    text = ("..., acute urinary retention and post- void retention greater than 30 ml. Intensity of pain measured by the "
            "Visual Analog Scale was higher in Group II.")
    assert split_text(text)[1].text.startswith("Intensity of pain")

