"""Time rewrites that keep the gold answer (invariance_time), each on real sentences of the dev abstracts."""

from __future__ import annotations

from ketamine_evidence.analysis.evaluation.invariance_time import (TIME_REWRITES, after_surgery, hours_hr,
                                                                   hyphen_numbers, months_days, point_order,
                                                                   postoperative_day, unit_abbreviations, weeks_days)

# batch 5 18955260
DOGS = ("All dogs were fed test products or placebo for 8 weeks. The dogs were evaluated at the clinic four times, "
        "with 4-week intervals.")
# pool dev 28859173
VITAMIN_D = ("After 1 month the vitamin D treated group had a significantly decreased fentanyl dose compared to the "
             "untreated group with a difference of 46 μg/h; 95% CI 24–78, which increased further at 3 months to 91 μg/h")
# batch 5 19430829
POSTOP = "The VAS score on postoperative days 1, 3, and 7 was significant lower (P < 0.05) in the laparoscopic group."
# batch 5 20198404: a mean time with its SD
MEAN_SD = "Patients were examined before, and 16 ± 3 and 24 ± 2 months after surgery, in 12 sessions."


def test_weeks_become_days_and_back() -> None:
    out = weeks_days(DOGS)
    assert out == ("All dogs were fed test products or placebo for 56 days. The dogs were evaluated at the clinic "
                   "four times, with 28-day intervals.")
    assert weeks_days(out) == DOGS  # 56 and 28 days are whole weeks again
    # days that are no whole number of weeks stay
    assert weeks_days("on postoperative days 1, 3, and 7") == "on postoperative days 1, 3, and 7"


def test_months_become_days_and_an_sd_is_left() -> None:
    assert months_days(VITAMIN_D).startswith("After 30 days the vitamin D")
    assert "further at 90 days to 91 μg/h" in months_days(VITAMIN_D)
    assert months_days(MEAN_SD) == MEAN_SD  # '± 3 and 24 ± 2 months': rewriting the SD alone would change it


def test_unit_spellings() -> None:
    assert unit_abbreviations(DOGS) == ("All dogs were fed test products or placebo for 8 wk. The dogs were evaluated "
                                        "at the clinic four times, with 4-wk intervals.")
    assert unit_abbreviations(VITAMIN_D).startswith("After 1 mo the")
    assert "μg/h" in unit_abbreviations(VITAMIN_D)  # a rate's unit is no time after a number
    assert unit_abbreviations("assessed at 24 h and 48 h; the 24-h consumption") == \
        "assessed at 24 hours and 48 hours; the 24-hour consumption"
    assert hours_hr("assessed at 1 h and 48 hours; the 24-h consumption") == \
        "assessed at 1 hr and 48 hrs; the 24-hr consumption"


def test_number_words_in_time_compounds() -> None:
    # batch 4 29719604 and chronic dev 26509056
    assert hyphen_numbers("Both studies had two eight-day study periods.") == "Both studies had two 8-day study periods."
    assert hyphen_numbers("The interventions were a 6-month telephone cognitive behaviour therapy") == \
        "The interventions were a six-month telephone cognitive behaviour therapy"


def test_postoperative_day_abbreviated_and_spelled_out() -> None:
    short = postoperative_day(POSTOP)
    assert short == ("The VAS score on postoperative days (POD) 1, 3, and 7 was significant lower (P < 0.05) in the "
                     "laparoscopic group.")
    assert postoperative_day(short) == POSTOP
    assert postoperative_day("pain on postoperative day 1 and postoperative day 3") == \
        "pain on postoperative day (POD) 1 and POD 3"


def test_point_order() -> None:
    out = point_order(VITAMIN_D)
    assert "which increased further at month 3 to 91 μg/h" in out
    assert point_order(out) == VITAMIN_D
    assert point_order("pain at 6 months of age") == "pain at 6 months of age"


def test_every_rewrite_is_registered() -> None:
    assert set(TIME_REWRITES) == {"weeks_days", "months_days", "unit_abbreviations", "hours_hr", "hyphen_numbers",
                                  "postoperative_day", "point_order", "after_surgery", "sd_sign", "follow_up_stated"}


def test_follow_up_stated_names_the_follow_up_as_subject() -> None:
    from ketamine_evidence.analysis.evaluation.invariance_time import follow_up_stated
    # batch 5 29026341
    assert follow_up_stated("Patients were followed up for 18 months. Clinical outcomes were evaluated") == (
        "Patients were followed up; the follow-up period was 18 months. Clinical outcomes were evaluated")
    # MEDLINE sample 26432126: 'a follow-up of' -> 'a follow-up lasting'
    assert follow_up_stated("Only cases that completed a follow-up of 5 years at the hospital's Department") == (
        "Only cases that completed a follow-up lasting 5 years at the hospital's Department")
    # batch 5 27189190: a length counted from a later start is left as it is, and so is a length without a number
    later = "Participants were followed for 3 weeks after their initial intervention appointment (days 7, 14 and 21)."
    assert follow_up_stated(later) == later
    assert follow_up_stated("were followed for several weeks") == "were followed for several weeks"


def test_after_surgery_and_postoperatively() -> None:
    # batch 5 20198404: only the event words change, the mean times and their SDs stay
    assert after_surgery(MEAN_SD) == ("Patients were examined before, and 16 ± 3 and 24 ± 2 months postoperatively, in "
                                      "12 sessions.")
    assert after_surgery(after_surgery(MEAN_SD)) == MEAN_SD
    assert point_order("experienced greater pain reductions up to 3 weeks postinjection") == \
        "experienced greater pain reductions up to week 3 postinjection"  # batch 5 28839449


def test_sd_sign_of_a_mean_time() -> None:
    from ketamine_evidence.analysis.evaluation.invariance_time import sd_sign
    # batch 6 dev PMC5370326
    plus = "The mean duration of analgesia was significantly longer in group C (258.82 + 14.50 min) than in group S."
    assert sd_sign(plus) == plus.replace("+", "\u00b1")
    assert sd_sign(sd_sign(plus)) == plus
    assert sd_sign(MEAN_SD) == MEAN_SD  # whole means: not rewritten
