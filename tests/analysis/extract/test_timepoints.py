"""Time points with their anchor and role (analysis/extract/timepoints.py), on sentences from the pool dev set."""

from __future__ import annotations

import pytest

from ketamine_evidence.analysis.extract.timepoints import _ORD_HINT, course_days, ordinal_hint, time_points, visit_schedule


def days(text: str, **kw) -> list[float]:
    return [round(p.days, 4) for p in time_points(text, **kw) if not p.measured]


def test_ordinal_hours_and_week_visits() -> None:
    assert days("Both VASr and VASc scores in Group P were lower than in Group C at postoperative 1st, 2nd, "
                "and 4th hours.") == [round(1 / 24, 4), round(2 / 24, 4), round(4 / 24, 4)]
    assert days("Besides, the improved APDFSs at 4th week visit, final alleviations in abdominal pain") == [28.0]


def test_visit_takes_its_day_from_the_schedule() -> None:
    schedule = visit_schedule("Both the groups were evaluated for pain and erythema at baseline (1st visit), first "
                              "follow-up (7th day), and second follow-up (14th day) using numerical rating scale")
    assert schedule == {1: 7.0, 2: 14.0}
    assert days("a statistically significant reduction in pain and erythema scores from baseline to second "
                "follow-up visit", schedule=schedule) == [14.0]


@pytest.mark.parametrize("text", [
    "The t1/2 of ACT-132577 (95% CI) was 65.6 h (53.1, 80.9).",
    "Survival was better for responders than for non-responders (medians 87 and 30 weeks, P = 0.02).",
    "significantly increases the duration of analgesia (median 320 min versus 220 min) and motor block",
    "which was conducted in the first 6 months of 2014 in emergency department Al-Zahra and Kashani Hospitals",
])
def test_measured_durations_and_calendar_spans_are_not_time_points(text: str) -> None:
    assert days(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Follow-up visits were on days 2, 7, 15, 30, and 60.", [2.0, 7.0, 15.0, 30.0, 60.0]),
    ("A prospective multicentre, double blind, randomized, placebo controlled, parallel-group comparison of the "
     "supplement and placebo over a period of 4 weeks was performed.", [28.0]),
])
def test_time_points_kept(text: str, expected: list[float]) -> None:
    assert days(text) == expected


def test_post_treatment_anchor_adds_the_course() -> None:
    # Guideline additions, rule c: 14 days of treatment + 1 month after completion = 44.
    course = course_days(["The patients took the drug twice daily for 14 consecutive days."])
    assert course == 14.0
    points = time_points("Pain was assessed 1 month after completion of the treatment.", course=course)
    assert [(p.days, p.anchor) for p in points] == [(44.0, "treatment_end")]


def test_course_stated_as_days_of_treatment_and_a_further_follow_up() -> None:
    # Pool dev PMC4251531: 64 days of treatment, then 28 days of follow-up after it (rule c: 92).
    course = course_days(["The sum of lesions increased slightly in the patients receiving 64 days of continuous BP-C1 "
                          "treatment, of whom 68.4% were classified as responders."])
    assert course == 64.0
    points = time_points("Patients were then followed up for another 28 days.", course=course)
    assert [(p.days, p.anchor) for p in points] == [(92.0, "treatment_end")]


def test_course_of_the_intervention_arm_wins_over_the_comparators() -> None:
    # Pool dev PMC5840188: 12 weeks for the intervention, 24 weeks for the comparator arm.
    s = ("The patients were classified into two groups: group I included 100 patients who received single therapy "
         "with sofosbuvir plus ledipasvir for 12 weeks and group II included 100 patients who received sofosbuvir "
         "plus oral weight-based ribavirin for 24 weeks.")
    assert course_days([s]) == 168.0
    assert course_days([s], "sofosbuvir plus ledipasvir") == 84.0


@pytest.mark.parametrize(("text", "expected"), [
    # batch 5 dev PMC4483416 (several words between the length and the kind of course)
    ("Body composition, maximum oxygen uptake, cortisol level, and creatine kinase myocardial bond activity were "
     "measured before and after a 12-week yoga exercise program.", 84.0),
    # chronic dev PMC4613171
    ("The interventions were a 6-month telephone cognitive behaviour therapy (tCBT) and/or a tailored exercise "
     "programme, in comparison to usual care.", 180.0),
    # batch 4 dev PMC4004388: a course stated as the therapy's duration
    ("Re-instillation was repeated every week until complete dryness of the pleural fluid was achieved (the maximum "
     "duration of the therapy was eight weeks).", 56.0),
])
def test_courses_stated_as_a_programme_or_a_duration(text: str, expected: float) -> None:
    assert course_days([text]) == expected


def test_a_time_after_completing_the_course_counts_from_its_start() -> None:
    # Chronic dev PMC4613171 (rule c): the title's '2 years after completing a short course' of the 6-month therapy.
    course = course_days(["The interventions were a 6-month telephone cognitive behaviour therapy (tCBT) and/or a "
                          "tailored exercise programme, in comparison to usual care."])
    points = time_points("Patient-reported improvements in health are maintained 2 years after completing a short "
                         "course of cognitive behaviour therapy, exercise or both treatments for chronic widespread "
                         "pain", course=course)
    assert [(p.days, p.anchor) for p in points] == [(910.0, "treatment_end")]


def test_mean_before_its_sd_is_the_measured_time() -> None:
    # Pool dev PMC4155290: the time is the mean (263.33 min), not the SD (63 min), and it is a measured value.
    points = time_points("Time for rescue analgesia was prolonged in Group BF (263.33 ± 63 min) when compared to "
                         "Group RF (234.44 ± 58.76 min), P = 0.021.")
    assert [(round(p.days * 1440, 2), p.measured) for p in points] == [(263.33, True), (234.44, True)]


@pytest.mark.parametrize("text, expected", [
    # batch 4 dev PMC5915071: periods of 8 days each, not 2 + 8
    ("Both studies had two eight-day study periods.", [8.0]),
    ("twenty eight days", [28.0]),  # a compound number stays one number
])
def test_count_before_a_length_in_words(text: str, expected: list[float]) -> None:
    assert days(text) == expected


@pytest.mark.parametrize("text, expected", [
    # pool dev PMC3578670: 'five' counts patients, it is not day 5
    ("On day 1, five patients receiving brinzolamide/timolol reported five nonserious adverse events (AEs)", [1.0]),
    ("Follow-up visits were on days 2, 7, 15, 30, and 60.", [2.0, 7.0, 15.0, 30.0, 60.0]),
])
def test_a_number_word_that_counts_people_ends_a_list_of_days(text: str, expected: list[float]) -> None:
    assert days(text) == expected


def test_one_unit_without_a_number_is_a_time_point_but_a_frequency_is_not() -> None:
    # Batch 6 dev PMC4616122: 'The patients were divided into two treatment outcome groups a year later'.
    from ketamine_evidence.analysis.extract.timepoints import time_points
    assert [p.days for p in time_points("The patients were divided into two treatment outcome groups a year later: "
                                        "a good outcome group and a poor outcome group.")] == [365.0]
    assert time_points("The patients chewed sugarless gum twice a day after meals.") == []


def test_the_ordinal_hint_answers_as_its_pattern_on_every_snapshot_sentence(sentences: list[str]) -> None:
    """The substring check before ``_ORD_HINT`` never turns a match away (the snapshot's sentences, whole and from
    every 23rd character)."""
    texts = sentences + [s[i:] for s in sentences for i in range(0, len(s), 23)]
    assert sum(bool(_ORD_HINT.search(t)) for t in texts) > 10
    assert all(ordinal_hint(t) == bool(_ORD_HINT.search(t)) for t in texts)


def test_abbreviated_units_give_the_same_course() -> None:
    # chronic dev 26509056 and batch 5 18955260, abbreviated as in 'unit_abbreviations' (invariance)
    assert course_days(["The interventions were a 6-mo telephone cognitive behaviour therapy (tCBT)"]) == 180.0
    assert course_days(["All dogs were fed test products or placebo for 8 wk."]) == 56.0


def test_a_mean_time_before_postoperatively_is_a_time_point() -> None:
    # batch 5 20198404 ('... months after surgery') in the other wording (invariance after_surgery)
    for event in ("after surgery", "postoperatively", "post-operatively"):
        points = time_points(f"Patients were examined before, and 16 ± 3 and 24 ± 2 months {event}.", None, None)
        assert [(p.days, p.measured) for p in points] == [(720.0, False)]
    # a measured duration with no event after it stays measured
    assert all(p.measured for p in time_points("The duration of analgesia was 263.33 ± 63 min.", None, None))


def test_ages_and_changes_in_a_duration_are_not_time_points() -> None:
    # Batch 7 PMC2442760 and PMC1705528, PMC4310883 (batch 7): an age, and how much a duration changed
    assert days("The mean reduction in pain was 1.4 in patients 50 years of age or younger and 0.9 in patients more "
                "than 50 years of age (p = 0.01).") == []
    assert days("In a recent randomized trial, single-day famciclovir treatment decreased lesion healing time and the "
                "duration of pain and other symptoms by approximately 2 days compared to placebo") == []
    assert days("Use of alvimopan in the routine perioperative care of our cystectomy and urinary diversion patients "
                "has decreased LOS by 1.9 days.") == []
    # a time point reached 'by' a week stays one
    assert days("Pain was significantly reduced by week 6 compared with placebo.") == [42.0]


def test_a_baseline_period_is_no_treatment_course() -> None:
    # Batch 7 PMC1513247: the 28 days are the baseline ratings before treatment
    assert course_days(["Thirty-seven people with a diagnosis of Irritable Bowel gave daily symptom severity ratings "
                        "for abdominal pain, diarrhoea, urgency to have a bowel movement, incomplete feeling of "
                        "evacuation after a bowel movement, bloating, flatulence and constipation for 28 days "
                        "(baseline)."]) is None


def test_a_mean_with_its_sd_written_plus_is_the_means_time() -> None:
    # Batch 6 dev PMC5370326: '±' written as '+'; the SD ('14.50 min') is no time of its own.
    points = time_points("The mean duration of analgesia was significantly longer in group F (217.71 + 12.67) and C "
                         "(258.82 + 14.50 min) as compared to group S (131.39 + 9.63 min).")
    assert [round(p.days * 1440, 2) for p in points] == [258.82, 131.39]
    assert all(p.measured for p in points)


def test_a_sum_of_two_times_is_not_a_mean_and_sd() -> None:
    assert [round(p.days * 24, 2) for p in time_points("pain was rated at 2.5 + 3 h")] == [3.0]


def test_an_ordinal_suffix_glued_to_its_unit_still_ends_a_day_list() -> None:
    """fx11fu, round 11 (pool blind2 PMC4483323): '1st, 3rd and 5thday' are days 1, 3 and 5."""
    from ketamine_evidence.analysis.extract.timepoints import ordinal_points
    text = "Post-operatively pain, swelling and trismus were evaluated at the end of 1st, 3rd and 5thday."
    assert [t.days for t in ordinal_points(text)] == [(1.0, 3.0, 5.0)]
    assert ordinal_points("Group 5thwas excluded.") == []  # a suffix glued to another word is no day


def test_a_hyphenated_course_length_without_an_article_is_the_course() -> None:
    # PMC3329148 (blind2, dev): 'were provided 10-day modified sequential therapy'; not a plural span ('6 weeks for the
    # intervention', PMC3407644), which pattern c reads only with 'of'
    assert course_days(["All the patients were randomly divided into three groups: group A (70 cases) and group B (70 "
                        "cases) were provided 10-day modified sequential therapy; group C (70 cases) was provided "
                        "10-day standard triple therapy."]) == 10.0
    assert course_days(["The study period was 18 weeks (6 weeks for the intervention and 12 weeks for followup)."]) is None
    # PMC3321403 (dev): a hyphenated time point after treatment is no course
    assert course_days(["Frequency, functional bladder capacity, and score on a 5-point pain scale were significantly "
                        "improved at 3-month after treatment in both groups."]) is None


def test_a_time_after_taking_the_medicine_counts_from_the_start_of_treatment() -> None:
    # PMC3329148 (blind2, dev), additions rule c: 10-day course + 'four to eight weeks after taking the medicine' = 66
    text = ("H. pylori eradication rate was checked four to eight weeks after taking the medicine by using a 13C urea "
            "breath test.")
    assert days(text, course=10.0) == [38.0, 66.0]
    assert days(text) == [28.0, 56.0]


# blind2 PMC3329148 (rule c): the eradication check 'four to eight weeks after taking the medicine' of a 10-day course
# counts from the course's end; the same check after the first dose counts from the start (the metamorphic way).
CHECKED = "H. pylori eradication rate was checked four to eight weeks after taking the medicine by using a 13C urea breath test."


def test_a_time_after_the_last_of_the_medicine_counts_from_the_courses_end() -> None:
    assert {(p.days, p.anchor) for p in time_points(CHECKED, course=10.0)} == {(38.0, "treatment_end"),
                                                                              (66.0, "treatment_end")}


@pytest.mark.parametrize("first", ["taking the first dose of the medicine", "the first dose of the medicine",
                                   "receiving the initial dose of the medicine"])
def test_a_time_after_the_first_dose_counts_from_the_start(first: str) -> None:
    text = CHECKED.replace("taking the medicine", first)
    assert {(p.days, p.anchor) for p in time_points(text, course=10.0)} == {(28.0, "start"), (56.0, "start")}


# batch 7 PMC4139977 (a 14-day course): 'Patients were evaluated for symptoms and QOL at baseline and then 1 month after
# completion of the treatment.'
EVALUATED = "Patients were evaluated for symptoms and QOL at baseline and then 1 month after completion of the treatment."


def test_a_time_with_its_own_event_is_counted_from_it_not_from_a_near_end_of_course() -> None:
    assert [(p.days, p.anchor) for p in time_points(EVALUATED, course=14.0)] == [(44.0, "treatment_end")]
    # the metamorphic way: the same visit restated from another event right after the end-of-course phrase
    text = EVALUATED.replace("treatment.", "treatment (6 weeks after surgery).")
    assert [(p.days, p.anchor) for p in time_points(text, course=14.0)] == [(44.0, "treatment_end"), (42.0, "start")]


def test_statistics_between_a_time_and_its_end_of_course_event_keep_the_anchor() -> None:
    # pool dev PMC5840188 (a 12-week course): 'at 12 weeks (SVR12) after the end of treatment'
    text = ("The primary end point was a sustained virological response at 12 weeks (SVR12) after the end of treatment, "
            "determined by quantitative polymerase chain reaction for HCV RNA.")
    assert [(p.days, p.anchor) for p in time_points(text, course=84.0)] == [(168.0, "treatment_end")]


@pytest.mark.parametrize("text", [
    # MEDLINE 26702233 and 26702168: the patients' follow-up, not the treatment's course
    "The patients were followed up for 28.5 months (range 1-62 months).",
    "72 patients who were on atypical antipsychotic drugs were randomly assigned to either Modafinil or placebo and were "
    "followed for a period of 12 weeks.",
    # blind2 PMC5541727 (a single injection): the span of the outcome the study aims at
    "The objectives of this pilot study were to determine the safety and tolerability and to explore the efficacy of a "
    "single intra-articular injection of allogeneic human mesenchymal precursor cells (MPCs) to improve clinical "
    "symptoms and retard joint structural deterioration over 24 months in patients following anterior cruciate ligament "
    "(ACL) reconstruction.",
    # batch 6 PMC4386269: how long the condition has lasted
    "Eligible participants are 35 years or older with persisting knee and/or hip pain for 3 months.",
])
def test_a_span_of_following_assessing_or_an_outcome_is_no_course(text: str) -> None:
    assert course_days([text]) is None


@pytest.mark.parametrize("text, expected", [
    ("Duloxetine 40 or 60 mg/day or placebo was given orally once daily for 12 weeks.", 84.0),  # chronic dev PMC4015540
    # batch 6 PMC3276927: a clause with neither a giving nor an observing word keeps its span
    ("A quasi experimental trail of 19 males through consecutive sampling was done with selected asanas for three months "
     "and the outcome was measured by a questionnaire.", 90.0),
    # batch 6 PMC2784472: the span's own 'of' phrase names the giving
    ("Outcome criteria of interest included change from baseline in Gastrointestinal Symptom Rating Scale (GSRS) "
     "abdominal pain, abdominal distention, flatus, and the Severity of Dyspepsia Assessment (SODA) bloating and gas "
     "subscores over four weeks of product use.", 28.0),
    ("The study aims to investigate the effect of exercising in a contextually enhanced physical environment for 8 weeks "
     "in people with knee or hip pain.", 56.0),  # batch 6 PMC4386269
])
def test_a_span_the_treatment_was_given_over_is_the_course(text: str, expected: float) -> None:
    assert course_days([text]) == expected


def test_an_undated_benefit_of_a_single_injection_is_not_dated_to_an_outcome_span() -> None:
    # blind2 PMC5541727 (gold relief null): the objective's 'over 24 months' was read as a 24-month course, so the
    # undated benefit over hyaluronan was dated to its end (720)
    from pathlib import Path

    from ketamine_evidence.analysis.extract import extract_findings
    from ketamine_evidence.analysis.parse.files import parse_file
    pool = Path(__file__).resolve().parents[3] / ".." / "shared" / "eval" / "pain_trials_pool"
    article = next(parse_file(pool / "PMC5541727.nxml"))
    found = {f.field: f for f in extract_findings(article, "single intra-articular injection of allogeneic mesenchymal "
                                                            "precursor cells in hyaluronan (vs hyaluronan alone) after ACL "
                                                            "reconstruction")}
    assert "relief_duration_days" not in found or found["relief_duration_days"].value is None
