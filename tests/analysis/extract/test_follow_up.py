"""Follow-up counted from the start of treatment (analysis/extract/follow_up.py), on dev records."""

from __future__ import annotations

from pathlib import Path

import pytest

from ketamine_evidence.analysis.extract import extract_findings
from ketamine_evidence.analysis.extract.follow_up_periods import _from_treatment_start
from ketamine_evidence.analysis.extract.text_patterns import TimeMention
from ketamine_evidence.analysis.parse.files import parse_file

_POOL = Path(__file__).resolve().parents[3] / ".." / "shared" / "eval" / "pain_trials_pool"


def _mention(days: float) -> TimeMention:
    return TimeMention((days,), 0, 1, "x", "point")


def test_a_baseline_week_inside_an_assessment_span_is_not_follow_up() -> None:
    # Batch 5 dev PMC5873424 (rule c, counted from the start of treatment): 14 days of actigraphy = 1 baseline week +
    # 1 week of treatment, so 7 days after treatment started.
    article = next(parse_file(_POOL / "PMC5873424.nxml"))
    found = {f.field: f for f in extract_findings(
        article, "stepwise pain treatment (oral paracetamol or transdermal buprenorphine) vs placebo")}
    assert found["follow_up_days"].value == 7.0


@pytest.mark.parametrize(("text", "times", "expected"), [
    ("Sleep was assessed continuously for 14 days by actigraphy, 1 week of baseline measurement, and 1 week of "
     "ongoing treatment.", [14.0, 7.0, 7.0], [7.0, 7.0, 7.0]),
    # a baseline that the span does not enclose leaves the times as they are
    ("Sleep was assessed continuously for 14 days by actigraphy, 1 week of baseline measurement, and 1 week of "
     "ongoing treatment.", [14.0], [14.0]),
])
def test_span_minus_its_baseline_part(text: str, times: list[float], expected: list[float]) -> None:
    assert _from_treatment_start(text, [_mention(d) for d in times]) == expected


def _max_follow_up(text: str, course: float | None = None) -> float | None:
    from ketamine_evidence.analysis.extract.follow_up import follow_up_mentions
    from ketamine_evidence.analysis.parse.sentences import Sentence
    found = follow_up_mentions(Sentence(text, 0, len(text), None, 0), course=course)
    return max((t.max_days for t in found), default=None)


@pytest.mark.parametrize(("text", "spelling", "course", "expected"), [
    # pool dev PMC3228981: a trial's length in words is one as much as in digits (8 weeks)
    ("Overall, 117 IBS patients meeting Rome II criteria were enrolled in an 8-week, double-blind, active-controlled "
     "and single center trial.", ("8-week", "eight-week"), None, 56.0),
    # batch 4 dev PMC4357072: 'follow up' without the hyphen still follows the two-month course (rule c: 60 + 60)
    ("A prospective, parallel-group, randomized, active control clinical study was conducted among 30 symptomatic OLP "
     "subjects (20 females and 10 males, with 15 patients in each treatment group) treated with topical pimecrolimus "
     "1% cream and triamcinolone acetonide 0.1% oral paste four times daily for two consecutive months and "
     "treatment-free follow-up was performed for 2 months.", ("follow-up", "follow up"), 60.0, 120.0),
    # batch 4 dev PMC3612585: an assessment window in brackets, in 'h' or 'hr'
    ("Acute CR rates were 73.5, 76.3, 74.1, and 70.4 % for all patients receiving the palonosetron 0.25, 0.50, and "
     "0.75 mg oral doses, and for IV palonosetron 0.25 mg, respectively; delayed CR (24–120 h) rates were 59.4, 62.5, "
     "60.1, and 65.4 %, and overall CR (0–120 h) rates were 53.5, 58.8, 53.2, and 59.3 %, respectively.",
     ("0–120 h", "0–120 hr"), None, 5.0),
])
def test_a_time_written_another_way_reads_the_same(text: str, spelling: tuple[str, str], course: float | None,
                                                    expected: float) -> None:
    assert _max_follow_up(text, course) == expected
    assert _max_follow_up(text.replace(*spelling), course) == expected


@pytest.mark.parametrize(("text", "spelling", "course", "expected"), [
    # pool dev PMC3228981 (22148110) abbreviated: the trial's length in 'wk' (invariance unit_abbreviations)
    ("Overall, 117 IBS patients meeting Rome II criteria were enrolled in an 8-week, double-blind, active-controlled "
     "and single center trial.", ("8-week", "8-wk"), None, 56.0),
    # chronic dev 26509056: 24 months after a 6-month course, in 'mo'
    ("884 persons were eligible, 442 were randomised and 81.7% were followed up 24 months post-treatment.",
     ("24 months", "24 mo"), 180.0, 900.0),
])
def test_an_abbreviated_unit_reads_as_the_word(text: str, spelling: tuple[str, str], course: float | None,
                                               expected: float) -> None:
    assert _max_follow_up(text, course) == expected
    assert _max_follow_up(text.replace(*spelling), course) == expected


def test_schedules_and_baselines_in_abbreviated_units() -> None:
    from ketamine_evidence.analysis.extract.follow_up_periods import interval_schedule
    # batch 5 18955260 and PMC5873424 with 'wk' (invariance unit_abbreviations)
    assert interval_schedule("The dogs were evaluated at the clinic four times, with 4-wk intervals.") == 84.0
    text = ("Sleep was assessed continuously for 14 days by actigraphy, 1 wk of baseline measurement, and 1 wk of "
            "ongoing treatment.")
    assert _from_treatment_start(text, [_mention(d) for d in (14.0, 7.0, 7.0)]) == [7.0, 7.0, 7.0]


@pytest.mark.parametrize(("pmcid", "intervention", "expected"), [  # batch 7
    # 'Short-term treatment (7–14 days) with oral prednisone is used for ...' is practice, in the background; this
    # study sampled 'on Days 0 and 8'
    ("PMC4947329", "oral prednisone", 8.0),
    # a crossover: 'placebo (56 days) followed by experimental (56 days)' is one 56-day period (additions rule c),
    # not the '28 days (baseline)' before it
    ("PMC1513247", "dietary nucleotide supplementation (IntestAidIB)", 56.0),
    # an age ('50 years of age or younger') is no follow-up; 'evaluation of pain 1 month after treatment' is
    ("PMC2442760", "single-fraction (8 Gy) palliative radiotherapy", 30.0),
    # batch 4 dev: 'This interim analysis was conducted on 212 cases that were seen for the 1-year recall' of a
    # '3-year prospective study'
    ("PMC3536989", "Biodentine dentine substitute (vs composite Z100)", 365.0),
    # blind2 dev, additions rule c (revised in round 14): 'checked four to eight weeks after taking the medicine' is the
    # time stated after the end of treatment, 56; the '10-day modified sequential therapy' is not added (was 66)
    ("PMC3329148", "10-day modified sequential therapy (vs standard triple therapy) for H. pylori in duodenal ulcer", 56.0),
    # blind2 dev, rules v and z: pain rated once a single procedure or test is over, no time stated ('VAS as soon as
    # the surgeon leaves operating room', 'a visual analogue scale (VAS) following the testing')
    ("PMC3649350", "self-watching of double J stent insertion with detailed explanation", 0.0),
    ("PMC5951568", "written information before electrodiagnostic studies", 0.0),
])
def test_follow_up_of_this_study_counted_from_treatment(pmcid: str, intervention: str, expected: float) -> None:
    found = {f.field: f for f in extract_findings(next(parse_file(_POOL / f"{pmcid}.nxml")), intervention)}
    assert found["follow_up_days"].value == pytest.approx(expected)


@pytest.mark.parametrize(("pmcid", "intervention"), [  # batch 7
    # a review cites other trials' times ('3–5 day episodic therapy'): it follows no patients of its own
    ("PMC1705528", "single-day famciclovir"),
    # 'decreased LOS by 1.9 days' is how much a stay shortened, not a time point
    ("PMC4310883", "perioperative alvimopan"),
])
def test_no_follow_up_of_its_own(pmcid: str, intervention: str) -> None:
    found = {f.field for f in extract_findings(next(parse_file(_POOL / f"{pmcid}.nxml")), intervention)}
    assert "follow_up_days" not in found and "relief_duration_days" not in found


def test_a_time_since_birth_at_entry_is_no_follow_up() -> None:
    from ketamine_evidence.analysis.extract.follow_up import _kept, _observed
    text = ("On hundred and three mother-infant pairs with severe latch-on problems 1–16 weeks postpartum were "
            "randomly assigned and analyzed.")  # batch 7 PMC3606616
    assert _kept(text, _observed(text, None, None), False) == []


def test_minutes_that_time_no_pain_rating_are_no_follow_up() -> None:
    # Pool dev PMC3558645: 'blood pressure and heart rate were measured at the baseline, ... and at 0, 1, 2, 3 and 5
    # minutes after intubation' times haemodynamics, not a pain rating
    found = {f.field for f in extract_findings(next(parse_file(_POOL / "PMC3558645.nxml")),
                                               "lidocaine 40 mg mixed with propofol")}
    assert "follow_up_days" not in found


def test_a_background_sentence_about_this_study_keeps_its_times() -> None:
    # PMC4947329's background: practice elsewhere gives no follow-up, the sentence naming this study does. The
    # pattern had backspace characters where word boundaries were meant, so no background sentence was ever the
    # study's own.
    from ketamine_evidence.analysis.extract.follow_up import own_study
    from ketamine_evidence.analysis.parse.sentences import Sentence

    practice = "Short-term treatment (7\u201314 days) with oral prednisone is used for many acute inflammatory and allergic conditions."
    aim = ("This study was conducted to characterize the safety and pharmacodynamic (PD) dose\u2013response of a 7-day "
           "course of oral prednisone on biomarkers of GC receptor agonism.")
    assert not own_study(Sentence(practice, 0, len(practice), "BACKGROUND", 1))
    assert own_study(Sentence(aim, 0, len(aim), "BACKGROUND", 2))
    assert own_study(Sentence(practice, 0, len(practice), "METHODS", 3))


def test_a_course_then_a_washout_period_is_followed_for_both() -> None:
    # Batch 6 dev PMC4232010 (additions rule c): 'for 8 weeks, with a 4-week washout period' -> 84 from the start.
    from ketamine_evidence.analysis.extract.follow_up_periods import course_then_off
    assert course_then_off("The SPTP group received acetaminophen, morphine, buprenorphine transdermal patch and "
                           "pregabalin for 8 weeks, with a 4-week washout period.") == 84.0
    assert course_then_off("The SPTP group received acetaminophen for 8 weeks.") is None
    # the same in number words (invariance hyphen_numbers: 'four-week')
    assert course_then_off("pregabalin for eight weeks, with a four-week washout period.") == 84.0


def test_the_follow_up_is_the_washout_after_its_course() -> None:
    # additions rule c, revised in round 14: the 4-week washout after the 8-week course is the time stated after the end
    # of treatment (new gold 28; until round 14, 84)
    from tests.analysis.extract.test_durations import _pool_fields
    found = _pool_fields("PMC4232010", "stepwise protocol for treating pain (acetaminophen, morphine, buprenorphine patch, "
                                       "pregabalin)")
    assert found["follow_up_days"].value == 28.0


# fx11fu, round 11: real sentences of pool blind2 (retired check set) records.
@pytest.mark.parametrize("text", [
    # PMC4239745: the span over which the study ran
    "A prospective randomized double-blind cross over clinical study was carried out for a period of 1-year with "
    "predefined inclusion and exclusion criteria.",
    # PMC3726903: how long patients needed analgesics, an outcome value
    "These patients used analgesics for 3 days.",
    # PMC4720464: a measured duration and the other group's value compared with it
    "Time of hospitalization in subjects/respondents coffee consumers on average lasted 8.6 days with consumers of "
    "tea for 16 days.",
])
def test_outcome_durations_and_study_periods_are_not_follow_up(text: str) -> None:
    from ketamine_evidence.analysis.extract.follow_up import _candidates, _kept
    assert _kept(text, _candidates(text, None, None), False) == []


def test_a_range_of_times_after_an_event_is_not_an_age() -> None:
    from ketamine_evidence.analysis.extract.follow_up import _candidates, _kept
    text = ("Follow-up data were collected by questionnaires and outpatient visits in the range of 1\u20133 years after "
            "surgery.")  # PMC5960495
    assert [t.max_days for t in _kept(text, _candidates(text, None, None), False)] == [1095.0]
    age = "Sixty patients (range, 14 to 62 years) were randomized."  # a range of ages still is one
    assert _kept(age, _candidates(age, None, None), False) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Patients were invited to complete a questionnaire that included pain and anxiety using a visual analogue scale "
     "(VAS) following the testing.", True),  # blind2 dev PMC5951568
    ("Pain score measured in two groups five minutes after the injection of lidocaine and morphine.", True),  # PMC3508963
    # no act: the pain of the illness, and a request for speed
    ("Patients were asked to report any pain as soon as possible.", False),
    ("Pain after surgery was treated with paracetamol.", False),
])
def test_pain_rated_when_a_procedure_or_test_is_over(text: str, expected: bool) -> None:
    from ketamine_evidence.analysis.extract.follow_up import _RATED_AFTER_ACT
    assert bool(_RATED_AFTER_ACT.search(text)) is expected


def test_a_time_before_the_operation_is_no_follow_up() -> None:
    from ketamine_evidence.analysis.extract.follow_up import _candidates, _kept
    # MEDLINE 26702161: '90 minutes preoperatively' is before the treatment; the follow-up is 60 minutes after it
    text = ("Maximum VAS scores for pain and anxiety were 18.6 \u00b1 19.1 mm at 60 minutes postoperatively and 26.2 "
            "\u00b1 23.4 mm at 90 minutes preoperatively, respectively.")
    assert [round(t.max_days, 4) for t in _kept(text, _candidates(text, None, None), False)] == [0.0417]


@pytest.mark.parametrize(("text", "expected"), [
    # MEDLINE 26702316, 26589380: a threshold written with a sign reads as 'at least' / 'more than' / 'less than'
    ("The number of patients with abnormal T max (\u226575 min) increased from seven (23%) to 13 (43%) and from three "
     "(15%) to five (25%) after the procedure in the PVI group and control group, respectively.", []),
    ('Patients were categorized as "early" (surviving <24months) or "late" survivors (\u2a7e24months).', []),
    # MEDLINE 26643801: '\u2a7d' is 'up to', a bound of the times observed, and stays
    ("The pellets' drug release profiles were controlled by multiple independent variables at different time points "
     "(\u2a7d24h).", [1.0]),
])
def test_a_time_after_a_greater_or_less_sign_is_a_threshold(text: str, expected: list[float]) -> None:
    from ketamine_evidence.analysis.extract.follow_up import _candidates, _kept
    assert [t.max_days for t in _kept(text, _candidates(text, None, None), False)] == expected


def test_a_recruitment_period_is_no_follow_up() -> None:
    """proto13: batch 4 dev PMC4593168, a protocol whose planned times are read since round 13 (rule a): 'There will be
    a 3-year recruitment of 1708 adult patients' is the intake window, not how long each patient is followed (gold
    null; before the time-after check it read 1095)."""
    article = next(parse_file(_POOL / "PMC4593168.nxml"))
    found = {f.field: f.value for f in extract_findings(
        article, "peripheral intravenous device dressing and securement methods (tissue adhesive, bordered dressing, "
                 "sutureless device)")}
    assert found["n_participants"] == 1708 and "follow_up_days" not in found


def test_an_unlabelled_opening_about_practice_is_not_this_studys_follow_up() -> None:
    """proto13: batch 6 dev PMC3522547 (a protocol, gold follow-up 90): its Background says 'the median pain response
    is short with 3-6 months' of conventional radiotherapy. With the labels the Background is left out; with them
    removed (invariance's labels_removed) the same sentence stands before the study is first named
    (``abstract_parts.unlabelled_background``, the reading the participant extractor already used), so it is not this
    study's follow-up either way: 90 both times, not 180."""
    from ketamine_evidence.analysis.evaluation.invariance_compare import labels_removed
    article = next(parse_file(_POOL / "PMC3522547.nxml"))
    bare = labels_removed(article)
    assert bare is not None
    for a in (article, bare):
        found = {f.field: f.value for f in extract_findings(a, "fractionated image-guided radiosurgery for painful spinal "
                                                               "metastases")}
        assert found["follow_up_days"] == 90


def test_a_parenthesis_listing_the_follow_up_time_points_is_read() -> None:
    """proto13: batch 7 dev PMC3629570, a protocol (rule a: its longest planned assessment time is its follow-up):
    'averaged over 4 equidistant follow up time points (13, 26, 39 and 52 weeks)'. A time right after '(' is usually a
    parenthetical duration, but after 'time points (' the parenthesis lists the times: 52 weeks = 364 (gold 364)."""
    article = next(parse_file(_POOL / "PMC3629570.nxml"))
    found = {f.field: f.value for f in extract_findings(article, "nurse-led rheumatology clinics")}
    assert found["follow_up_days"] == 364


@pytest.mark.parametrize(("text", "right_after"), [
    # rated during the act only (rule z, revised in round 14: follow-up null)
    ("Pain perception during debridement was assessed by a VAS (range 0\u201310).", False),  # batch 6 PMC5442201
    ("The Neonatal Infant Pain Scale (NIPS) was used for pain measurement in the first 30 seconds of venipuncture.",
     False),  # pool dev PMC5590362
    ("Only 3.61% patients complained of intolerable pain during dilatation in the study group while in control group "
     "48.74% complained of intolerable pain and required anesthesia.", False),  # batch 6 PMC4630743
    ("After the prostate biopsy, patients were requested to fill out a visual analogue scale in order to evaluate "
     "their pain level during the procedure.", False),  # pool dev PMC5926629: filled in after, about the procedure
    ("Pain during phacoemulsification with and without cryoanalgesia.", False),  # MEDLINE 26432153 (title only)
    # rated when the act is over, no later time (rules v, z: follow-up 0)
    ("The median interquartile range pain score is worst for placebo group after LAI (5 [3-6]) and in the immediate "
     "postprocedure period (5 [4-5]) which was significantly attenuated by addition of fentanyl (3.5 [2-5] and 3 "
     "[2-4]) (P = 0.009 and 0.001 respectively).", True),  # pool dev PMC4118506
    ("Systolic and diastolic blood pressure (BP), heart rate, LUTS, and visual analog scales of pain magnitude and "
     "quality of life (QoL) regarding urinary symptoms were measured before and after inhalation.", True),  # PMC5244020
    ("However, the mobility shoe showed significant immediate knee pain reduction and improved comfort scores.",
     True),  # batch 6 PMC4737200
    ("Patients were invited to complete a questionnaire that included pain and anxiety using a visual analogue scale "
     "(VAS) following the testing.", True),  # blind2 PMC5951568
])
def test_a_rating_right_after_the_act_is_told_from_one_during_it(text: str, right_after: bool) -> None:
    from ketamine_evidence.analysis.extract.follow_up import rated_right_after
    assert rated_right_after(text) is right_after


@pytest.mark.parametrize(("text", "session"), [
    ("The median interquartile range pain score is worst for placebo group after LAI (5 [3-6]) and in the immediate "
     "postprocedure period (5 [4-5]) which was significantly attenuated by addition of fentanyl (3.5 [2-5] and 3 "
     "[2-4]) (P = 0.009 and 0.001 respectively).", False),  # pool dev PMC4118506: right after a procedure
    ("Systolic and diastolic blood pressure (BP), heart rate, LUTS, and visual analog scales of pain magnitude and "
     "quality of life (QoL) regarding urinary symptoms were measured before and after inhalation.", True),  # PMC5244020
    ("However, the mobility shoe showed significant immediate knee pain reduction and improved comfort scores.",
     True),  # batch 6 PMC4737200
])
def test_right_after_is_a_rating_moment_and_relief_tells_the_session_apart(text: str, session: bool) -> None:
    # follow-up's 'right after' (0) is one of the rating moments relief reads (rules v, z, r); relief then tells a single
    # session's moment (rule r: 0) from a procedure's (rules z, at: null) with the same words
    from ketamine_evidence.analysis.extract.follow_up import _RIGHT_AFTER, at_procedure, rated_at_the_moment
    from ketamine_evidence.analysis.extract.relief import _SESSION_MOMENT
    assert _RIGHT_AFTER.search(text) and rated_at_the_moment(text)
    assert bool(_SESSION_MOMENT.search(text)) is session and at_procedure(text) is not session


@pytest.mark.parametrize(("pmcid", "intervention"), [  # pool dev (new gold null; 0 until round 14)
    ("PMC5926629", "lidocaine periprostatic nerve block (vs diclofenac suppository)"),
    ("PMC5590362", "massage and breastfeeding before venipuncture"),
])
def test_a_record_rated_only_during_the_procedure_has_no_follow_up(pmcid: str, intervention: str) -> None:
    found = {f.field: f for f in extract_findings(next(parse_file(_POOL / f"{pmcid}.nxml")), intervention)}
    assert "follow_up_days" not in found
