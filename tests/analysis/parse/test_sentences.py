"""Sentence splitting: a trial arm's letter before a full stop ends the sentence; an initial does not."""

from __future__ import annotations

from ketamine_evidence.analysis.parse.sentences import split_text


def test_group_letter_ends_a_sentence_but_an_initial_does_not() -> None:
    text = "Severe response in 9 patients (30%) in group K. There was no severe response in group R."
    assert [s.text for s in split_text(text)] == [
        "Severe response in 9 patients (30%) in group K.", "There was no severe response in group R."]
    assert len(split_text("As shown by J. Smith et al. the dose was high.")) == 1
