"""The follow-up after the end of treatment (analysis/extract/follow_up_after_end.py; additions rule c, revised in
round 14), on sentences of dev records."""

from __future__ import annotations

from pathlib import Path

import pytest

from ketamine_evidence.analysis.extract import extract_findings
from ketamine_evidence.analysis.extract.follow_up import _candidates, _kept
from ketamine_evidence.analysis.extract.follow_up_after_end import AFTER_END, after_the_end
from ketamine_evidence.analysis.extract.follow_up_periods import course_then_off
from ketamine_evidence.analysis.extract.timepoints import course_days, time_points
from ketamine_evidence.analysis.parse.files import parse_file

_SHARED = Path(__file__).resolve().parents[3] / ".." / "shared" / "eval"

# pool dev PMC4251531: 32 + 32 days of BP-C1, then a follow-up after treatment
_BPC1 = ["Patients who completed 32 days of BP-C1 treatment were offered the opportunity to continue on BP-C1 for an "
         "additional 32 days in an open-label extension.",
         "Patients were then followed up for another 28 days.",
         "The sum toxicity score was reduced in the patients receiving 64 days of BP-C1 from 9.2 at screening to 8.9 at "
         "Day 48, but it increased again to 10.1 by Day 64 and 10.6 during the 28-day follow-up.",
         "The sum of lesions increased slightly in the patients receiving 64 days of continuous BP-C1 treatment, of "
         "whom 68.4% were classified as responders."]


def _observed(texts: list[str], after_end: bool) -> list[list]:
    course = course_days(texts)
    return [_kept(t, _candidates(t, course, None, after_end), False) for t in texts]


def _days(observed: list[list]) -> list[list[float]]:
    return [[t.max_days for t in found] for found in observed]


def test_a_time_after_the_end_of_treatment_is_kept_as_stated() -> None:
    # batch 7 PMC4139977: 'for 14 consecutive days' then '1 month after completion of the treatment': 30, not 44
    course = course_days(["Adult IBS patients (n = 132) were randomized to receive a probiotic compound ... or similar "
                          "placebo, twice daily after a meal for 14 consecutive days."])
    text = "Patients were evaluated for symptoms and QOL at baseline and then 1 month after completion of the treatment."
    (point,) = time_points(text, course)
    assert (point.days, point.stated_days, point.anchor) == (44.0, 30.0, "treatment_end")  # relief counts from the start
    assert [(t.days, t.kind) for t in _candidates(text, course, None, after_end=True)] == [((30.0,), AFTER_END)]
    assert [(t.days, t.kind) for t in _candidates(text, course, None)] == [((44.0,), "point")]


def test_a_time_from_the_start_keeps_its_days() -> None:
    # batch 7 PMC4139977's course sentence: no end-of-treatment anchor, so the stated time is the time from the start
    (point,) = time_points("The patients took the drug twice daily for 14 consecutive days.", 14.0)
    assert (point.days, point.stated_days, point.anchor) == (14.0, 14.0, "start")


def test_times_within_the_course_are_no_follow_up_after_it() -> None:
    # The courses (32, 64 days) and 'by Day 64' lie within treatment; 'another 28 days' is the follow-up after it.
    before = _observed(_BPC1, after_end=True)
    assert _days(before) == [[32.0, 32.0], [28.0], [64.0, 48.0, 64.0], [64.0]]
    assert _days(after_the_end(before, _BPC1, _BPC1)) == [[], [28.0], [], []]
    # counted from the start of treatment (relief's reading), 'another 28 days' is 64 + 28
    assert max(max(d) for d in _days(_observed(_BPC1, after_end=False))) == 92.0


def test_without_a_time_after_the_end_nothing_is_dropped() -> None:
    # the same abstract without its post-treatment sentence: every time counts from the start (rule c, v)
    texts = [_BPC1[0], _BPC1[2], _BPC1[3]]
    observed = _observed(texts, after_end=True)
    assert after_the_end(observed, texts, texts) is observed


def test_a_time_after_an_event_or_beyond_the_course_stays() -> None:
    # batch 5 PMC1784583: the course reading finds '30 days of treatment' in a single-dose trial; 'over the first 30
    # days following treatment' counts from the treatment named after it, so it is kept beside '24-h post-treatment'
    texts = ["Secondary measures included the time to overall relief of symptoms and the reinfection rate over the "
             "first 30 days following treatment.",
             "By 12- and 24-h post-treatment, 44.4% and 72.8% of patients in the butoconazole treatment group reported "
             "first relief of symptoms versus 29.1% and 55.7% of patients in the fluconazole group (p = 0.044 and "
             "p = 0.024 respectively).",
             "There were no significant differences between the two groups with respect to time to total relief of "
             "symptoms or reoccurrence of infection within 30 days of treatment."]
    kept = after_the_end(_observed(texts, after_end=True), texts, texts)
    assert max(t.max_days for found in kept for t in found) == 30.0
    # batch 6 PMC5100075: 'post-treatment' is stated, and '12-weeks' lies beyond the longest course (6 weeks): kept
    texts = ["One hundred military male participants with clinical indicators of non-arthritic intra-articular hip pain "
             "will be randomly allocated to either: (1) 7-day residential multidisciplinary team intervention, n = 50; "
             "(2) 6-week physiotherapist-led outpatient intervention (conventional care), n = 50.",
             "Measurements will be taken at baseline, post-treatment (1-week MDT group; 6-weeks physiotherapy group), "
             "and 12-weeks."]
    kept = after_the_end(_observed(texts, after_end=True), texts, texts)
    assert _days(kept) == [[], [42.0, 84.0]]


def test_a_period_off_treatment_after_the_course_is_the_follow_up() -> None:
    # batch 6 PMC4232010 (new gold 28, old 84): a course, then a stated period off treatment
    text = ("The SPTP group received acetaminophen, morphine, buprenorphine transdermal patch and pregabalin for 8 weeks, "
            "with a 4-week washout period.")
    assert (course_then_off(text), course_then_off(text, after_end=True)) == (84.0, 28.0)
    # the course it follows ('for 8 weeks', 'at week 8') lies within treatment
    results = ("The SPTP conferred significant benefit in MOBID-2 scores compared with the control group [average "
               "treatment effect (ATE) \u22121.388; p < 0.001] at week 8, and MOBID-2 scores worsened during the washout "
               "period (ATE = \u22120.701; p = 0.022).")
    texts = [text, results]
    observed = _observed(texts, after_end=True)
    assert _days(observed) == [[56.0], [56.0]]
    assert after_the_end(observed, texts, texts) is observed  # no anchored time: unchanged
    assert _days(after_the_end(observed, texts, texts, period_after=True)) == [[], []]


@pytest.mark.parametrize(("folder", "pmcid", "intervention", "follow_up", "relief"), [
    # chronic dev (the issue author's gold 720): 'followed up 24 months post-treatment' and the title's '2 years after
    # completing a short course' of a 6-month programme; 730 (2 years) is within the guideline's 10% (was 910)
    ("chronic_pain_articles", "PMC4613171", "telephone cognitive behaviour therapy (tCBT) and/or tailored exercise "
     "programme", 730.0, None),
    # batch 7: 14 days, '1 month after completion of the treatment'; relief 0 (no difference from placebo) unchanged
    ("pain_trials_pool", "PMC4139977", "multi-strain probiotic compound", 30.0, 0.0),
    # batch 6: 'for 8 weeks, with a 4-week washout period'; relief (a benefit at week 8) unchanged
    ("pain_trials_pool", "PMC4232010", "stepwise protocol for treating pain (acetaminophen, morphine, buprenorphine "
     "patch, pregabalin)", 28.0, 56.0),
])
def test_follow_up_of_a_record_after_the_end_of_treatment(folder: str, pmcid: str, intervention: str, follow_up: float,
                                                          relief: float | None) -> None:
    found = {f.field: f.value for f in extract_findings(next(parse_file(_SHARED / folder / f"{pmcid}.nxml")), intervention)}
    assert (found["follow_up_days"], found.get("relief_duration_days")) == (follow_up, relief)
