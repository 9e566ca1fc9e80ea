"""A noun phrase's head tells a time phrase from an outcome (analysis/extract/time_phrases.py)."""

from __future__ import annotations

import pytest

from ketamine_evidence.analysis.extract.time_phrases import head_word, is_time_phrase, noun_phrase


@pytest.mark.parametrize("text", [
    "the first 24 h after surgery",  # pool dev wording: 'within the first 24 h after surgery'
    "postoperative day 1 (P = 0.03)",
    "6 months of follow-up",
    "the intervention period",
    "week 12",
    "all time points",
    "the 28-day follow-up.",  # pool dev PMC4251531: 'during the 28-day follow-up'
])
def test_phrases_headed_by_a_time_are_time_phrases(text: str) -> None:
    assert is_time_phrase(text)


@pytest.mark.parametrize("text", [
    "24 h morphine requirement as compared to local anesthetic infiltration",  # pool dev PMC5062234
    "terms of early and late postoperative complications",  # batch 7 PMC3381083
    "the incidence of nausea",
    "pain scores at 6 months",
])
def test_phrases_about_something_else_are_not(text: str) -> None:
    assert not is_time_phrase(text)


def test_the_phrase_ends_at_a_preposition_and_drops_numbers_after_its_head() -> None:
    assert noun_phrase("postoperative day 1 (P = 0.03)") == "postoperative day"
    assert noun_phrase("any of the time points") == ""  # determiners alone name nothing
    assert noun_phrase("3 (p = 0.2)") == ""
    assert head_word("the first 24-hour period") == "period" and head_word("24-hour") == "hour"
    assert head_word("the follow up") == "follow-up"
