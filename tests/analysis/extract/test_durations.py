"""Relief duration and follow-up in days, with the sentence that states them."""

from __future__ import annotations

import pytest

from ketamine_evidence.analysis.extract import extract_findings
from ketamine_evidence.analysis.records import Article, Section


def article(title: str, *parts: tuple[str, str]) -> Article:
    return Article(pmid="1", pmcid=None, doi=None, title=title,
                   abstract=[Section(label, label, text) for label, text in parts])


def fields(a: Article, intervention: str = "ketamine") -> dict:
    return {f.field: f for f in extract_findings(a, intervention)}


def test_relief_is_last_time_point_better() -> None:
    # Adapted from PMC4763824.
    results = ("The mean VAS score was significantly lower in the ISWI group than in the control group at 10, 45, "
               "and 90 min, and 1 day after injection (P<0.05).")
    a = article("Intracutaneous sterile water injection (ISWI) for acute low back pain",
                ("RESULTS", results))
    found = fields(a, "intracutaneous sterile water injection")
    assert found["relief_duration_days"].value == 1.0
    ev = found["relief_duration_days"].evidence
    assert a.text[ev.start:ev.end] == results
    assert found["follow_up_days"].value == 1.0


def test_weeks_counted_from_start_of_treatment() -> None:
    a = article("Duloxetine in diabetic neuropathic pain",
                ("METHODS", "Duloxetine 40 or 60 mg/day or placebo was given orally once daily for 12 weeks."),
                ("RESULTS", "At 12 weeks, the average pain score was significantly improved with duloxetine as "
                            "compared with the placebo group."))
    found = fields(a, "duloxetine")
    assert found["relief_duration_days"].value == 84.0
    assert found["follow_up_days"].value == 84.0


def test_no_difference_from_placebo_gives_zero() -> None:
    a = article("Sativex in painful diabetic neuropathy",
                ("CONCLUSIONS", "Sativex was no more efficacious than placebo in painful neuropathy."))
    found = fields(a, "sativex")
    assert found["relief_duration_days"].value == 0.0
    assert "follow_up_days" not in found


def test_benefit_without_time_point_is_null() -> None:
    a = article("Ketamine and rocuronium",
                ("RESULTS", "Incidence of withdrawal response was significantly lower in group K than group N."))
    assert "relief_duration_days" not in fields(a)


def test_follow_up_ignores_ages_and_disease_durations() -> None:
    a = article("Electrical stimulation for chronic low back pain",
                ("METHODS", "Patients aged 18-65 years with pain of at least 3 months duration were included. "
                            "Data were collected at 1, 4, 8, and 12 weeks by a blinded assessor."))
    found = fields(a, "electrical stimulation")
    assert found["follow_up_days"].value == 84.0
    assert "12 weeks" in found["follow_up_days"].evidence.text


def test_planned_follow_up_is_not_a_follow_up() -> None:
    # Guideline additions, rule a: 'Data will be collected at ... 12 weeks' is a plan, not a follow-up.
    a = article("Electrical stimulation for chronic low back pain",
                ("METHODS", "Patients aged 18-65 years with pain of at least 3 months duration were included. "
                            "Data will be collected at 1, 4, 8, and 12 weeks by a blinded assessor."))
    assert "follow_up_days" not in fields(a, "electrical stimulation")


def test_follow_up_next_day_and_short_infusions() -> None:
    a = article("Ketamine for awake intubation",
                ("METHODS", "Ketamine 100 µg/kg/min was given for 10 minutes. Recall was assessed during the "
                            "postoperative visit the next day."))
    assert fields(a)["follow_up_days"].value == 1.0
    b = article("Ketamine in head injury", ("METHODS", "Ketamine was given for 10 minutes before suctioning."))
    assert "follow_up_days" not in fields(b)


def test_relief_lasting_weeks_sets_follow_up_too() -> None:
    s = "Ketamine infusion produced significant pain relief lasting up to 3 weeks in patients with CRPS."
    found = fields(article("Ketamine in CRPS", ("RESULTS", s)))
    assert found["relief_duration_days"].value == 21.0
    assert found["follow_up_days"].value == 21.0


def test_single_pain_assessment_time_dates_the_benefit() -> None:
    # PMC4940009: the benefit sentence names no time; myalgia was assessed once, 24 hours after surgery. Group N got
    # saline, so the comparison is against placebo (against an active comparator only it gives no reading, rule e).
    a = article("Ketamine and postoperative myalgia",
                ("METHODS", "Initially, in Group K, 0.5 mg/kg of ketamine was injected intravenously, whereas in Group N, "
                            "the same volume (5 mL) of normal saline was injected. The incidence and severity of myalgia were assessed by a blinded observer 24 hours after "
                            "surgery."),
                ("RESULTS", "The incidence of myalgia in Group K was significantly less, when compared with Group N "
                            "(P<0.05)."))
    found = fields(a)
    assert found["relief_duration_days"].value == 1.0
    assert "24 hours after surgery" in found["relief_duration_days"].evidence.text


def test_follow_up_ignores_recruitment_periods_age_ranges_and_labels() -> None:
    a = article("Appendectomy trial",
                ("METHODS", "Two groups of patients undergoing appendectomy over 24 months were studied. The mean "
                            "age was 28.9 years (range, 14 to 62 years). Pain was assessed 24 h after surgery."))
    assert fields(a, "appendectomy")["follow_up_days"].value == 1.0
    b = article("Moxibustion for D-IBS",
                ("METHODS", "Eighty D-IBS patients were randomly divided into a moxibustion and sham moxibustion "
                            "group for a 4-week treatment."))
    assert fields(b, "moxibustion")["follow_up_days"].value == 28.0


def test_calendar_window_is_not_a_follow_up() -> None:
    a = article("Ketamine chart review",
                ("METHODS", "Over a 10-year period, 300 patients treated with ketamine were reviewed; pain was "
                            "recorded during the 12-week treatment period."))
    assert fields(a)["follow_up_days"].value == 84.0


def test_consecutive_periods_add_up() -> None:
    from ketamine_evidence.analysis.extract.follow_up_periods import consecutive_periods
    # PMC2644667: immediate-release then sustained-release phases.
    assert consecutive_periods("Patients were randomized to receive hydromorphone or morphine (immediate-release for "
                               "2–9 days, sustained-release for 10–15 days).", phased=True) == 24.0
    assert consecutive_periods("Patients received two 4-week treatment periods separated by a 2-week washout.",
                               phased=True) == 70.0
    assert consecutive_periods("Patients received ketamine for 3 days, and placebo for 3 days.", phased=False) is None


def test_minute_scale_follow_up_and_relief() -> None:
    # Only minutes stated: follow-up is the last assessment (30 min = 30/1440 d), relief the last better time.
    methods = "Pain was measured at 5, 15 and 30 minutes after injection."
    results = "Pain scores were significantly lower in the ketamine group than in the saline group at 5 min (P<0.05)."
    a = article("Ketamine for propofol injection pain", ("METHODS", methods), ("RESULTS", results))
    found = fields(a)
    assert found["follow_up_days"].value == pytest.approx(30 / 1440, abs=1e-4)
    ev = found["follow_up_days"].evidence
    assert a.text[ev.start:ev.end] == methods
    assert found["relief_duration_days"].value == pytest.approx(5 / 1440, abs=1e-4)
    ev = found["relief_duration_days"].evidence
    assert a.text[ev.start:ev.end] == results


def test_minutes_of_dosing_are_not_a_follow_up() -> None:
    a = article("Ketamine", ("METHODS", "Ketamine was infused over 10 minutes."),
                ("RESULTS", "Ketamine significantly reduced pain compared with placebo."))
    assert "follow_up_days" not in fields(a)
    # an hour-scale time wins over minutes
    b = article("Ketamine", ("METHODS", "Pain was measured at 5 and 30 minutes and at 24 h."),
                ("RESULTS", "Ketamine significantly reduced pain compared with placebo."))
    assert fields(b)["follow_up_days"].value == 1.0


@pytest.mark.parametrize("sentence", [
    "Ketamine did not improve pain scores compared with placebo at 24 h.",
    "Ketamine was not superior to placebo for pain relief.",
    "Intravenous ketamine offered no additional analgesic benefit over placebo.",
    "Ketamine failed to reduce postoperative pain compared with saline.",
    "Pain scores were similar in the ketamine and placebo groups.",
    "Ketamine had no significant analgesic effect compared with placebo.",
])
def test_no_difference_wordings_give_zero_relief(sentence: str) -> None:
    a = article("Ketamine trial", ("RESULTS", sentence))
    found = fields(a)
    assert found["relief_duration_days"].value == 0.0
    ev = found["relief_duration_days"].evidence
    assert a.text[ev.start:ev.end] == sentence


def test_minutes_that_do_not_time_an_assessment_are_not_a_follow_up() -> None:
    # Adapted from PMC1805771: the length of a video, not when pain was measured.
    a = article("Spinal manipulation expectations",
                ("METHODS", "Participants watched a video with 2 minute demonstrations of a spinal manipulation "
                            "treatment for low back pain."))
    assert "follow_up_days" not in fields(a, "spinal manipulation")
    # a list of assessment times after 'after', each with its label
    s = "Pain was assessed upon admission (T0), after 5 min (T5), 15 min (T15) and 30 min (T30)."
    b = article("Dexmedetomidine in children", ("METHODS", s),
                ("RESULTS", "Pain scores were significantly lower with dexmedetomidine than with saline."))
    found = fields(b, "dexmedetomidine")
    assert found["follow_up_days"].value == pytest.approx(30 / 1440, abs=1e-4)
    assert b.text[found["follow_up_days"].evidence.start:found["follow_up_days"].evidence.end] == s


def test_measured_times_are_not_follow_ups() -> None:
    a = article("Pomegranate juice in prostate cancer",
                ("RESULTS", "The PSA doubling time increased from 15 to 54 months with pomegranate juice (p<0.001)."),
                ("METHODS", "Patients drank pomegranate juice daily for 12 weeks."))
    assert fields(a, "pomegranate juice")["follow_up_days"].value == 84.0


_POOL = __import__("pathlib").Path(__file__).resolve().parents[3] / ".." / "shared" / "eval" / "pain_trials_pool"


def _pool_fields(pmcid: str, intervention: str) -> dict:
    from ketamine_evidence.analysis.parse.files import parse_file
    return fields(next(parse_file(_POOL / f"{pmcid}.nxml")), intervention)


def test_no_difference_from_an_active_comparator_gives_zero() -> None:
    # Guideline additions, rule e (revised in round 14; pool dev PMC5291156): lidocaine spray vs spray plus viscous
    # solution, 'There were no differences in pain ... between the 2 groups', no relief from baseline stated: 0.
    assert _pool_fields("PMC5291156", "lidocaine spray alone (vs spray plus viscous solution)")[
        "relief_duration_days"].value == 0


def test_change_from_baseline_at_a_scheduled_visit_is_relief() -> None:
    # Pool dev PMC5863413: 'reduction ... in pain and erythema scores from baseline to second follow-up visit', with
    # 'second follow-up (14th day)' stated earlier, and no difference from the control group.
    found = _pool_fields("PMC5863413", "topical propolis gel")
    assert found["relief_duration_days"].value == 14.0


def test_measured_duration_of_analgesia_is_relief_but_other_medians_are_not_times() -> None:
    # Pool dev PMC3671234: 'increases the duration of analgesia (median 320 min versus 220 min)' (rule e).
    found = _pool_fields("PMC3671234", "intrathecal midazolam as adjuvant to bupivacaine")
    assert found["relief_duration_days"].value == pytest.approx(320 / 1440, abs=1e-3)


@pytest.mark.parametrize(("pmcid", "intervention"), [
    ("PMC4789479", "preventive ketoprofen"),  # 'After 15 minutes, the pulp was collected': a step of the procedure
    ("PMC3558644", "ketorolac or lidocaine/ketorolac pretreatment"),  # 'The tourniquet was released after 2 min'
    ("PMC3187863", "alongside midwife-led birth unit"),  # 'Apgar score <7 at 5 minutes': the newborn's score
    ("PMC5426756", "high-dose ulinastatin 2-hour intravenous infusion"),  # '2 h of intravenous infusion'
    ("PMC4825255", "prenatal education classes"),  # '6-8 sessions of 1.5 hours': the length of a session
])
def test_sub_day_times_that_do_not_time_the_pain_outcome_are_not_follow_ups(pmcid: str, intervention: str) -> None:
    assert "follow_up_days" not in _pool_fields(pmcid, intervention)


def test_minutes_of_pain_assessment_stay_a_follow_up() -> None:
    # Pool dev PMC3508963: 'VAS was recorded while admission, 5, 10, 15 and 30 minutes after injection'.
    assert _pool_fields("PMC3508963", "intravenous lidocaine")["follow_up_days"].value == pytest.approx(30 / 1440, abs=1e-4)


def test_measured_duration_of_analgesia_is_no_follow_up() -> None:
    # Pool dev PMC3671234: the relief is how long analgesia lasted (median 320 min), not a time patients were followed.
    assert "follow_up_days" not in _pool_fields("PMC3671234", "intrathecal midazolam as adjuvant to bupivacaine")


@pytest.mark.parametrize(("pmcid", "intervention", "expected"), [
    # additions rule c, revised in round 14: the time stated after the end of treatment, the course not added (was 92,
    # 168 and 120); the courses themselves ('64 days of continuous BP-C1 treatment', the comparator's 'for 24 weeks')
    # and the assessments within them ('by Day 64') are no follow-up after treatment
    ("PMC4251531", "BP-C1", 28.0),  # 64 days of treatment, then 'followed up for another 28 days'
    ("PMC5840188", "sofosbuvir plus ledipasvir", 84.0),  # 12 weeks of treatment, SVR '12 weeks ... after the end'
    # batch 4: 'for two consecutive months and treatment-free follow-up was performed for 2 months'
    ("PMC4357072", "topical pimecrolimus 1% cream (vs triamcinolone acetonide 0.1% oral paste)", 60.0),
])
def test_follow_up_after_the_course_is_the_time_stated_after_it(pmcid: str, intervention: str, expected: float) -> None:
    assert _pool_fields(pmcid, intervention)["follow_up_days"].value == expected


def test_relief_sustained_after_the_course_still_counts_from_its_start() -> None:
    # batch 4 PMC4357072: 'Following the termination of the treatment, sustained remission of symptoms': relief lasts
    # to the last follow-up, counted from the start of treatment (guideline), 2 + 2 months; the follow-up field keeps
    # the 2 months stated after the end (rule c), and the longer relief does not lengthen it
    found = _pool_fields("PMC4357072", "topical pimecrolimus 1% cream (vs triamcinolone acetonide 0.1% oral paste)")
    assert (found["relief_duration_days"].value, found["follow_up_days"].value) == (120.0, 60.0)


_BATCH4 = {  # pool batch 4 dev records: pmcid -> intervention as annotated
    "PMC4085197": "Kaltenborn mobilization (vs placebo ultrasound)",
    "PMC3612585": "oral palonosetron (vs intravenous palonosetron)",
    "PMC4677000": "lidocaine 2% gel (vs placebo) for painful oral cavity sites in children",
    "PMC2699080": "laparoscopic pyeloplasty (vs open pyeloplasty)",
}


@pytest.mark.parametrize(("pmcid", "expected"), [
    ("PMC4085197", 14.0),  # '1 week (1st follow-up) and 2 weeks (2nd follow-up) after the intervention': labels, not values
    ("PMC3612585", 5.0),  # 'overall CR (0–120 h)': an assessment window in brackets
    ("PMC4677000", 30 / 1440),  # 'Patients from 6 Months up to 8 Years', '6 months–<4 years, average age': ages
    ("PMC2699080", 180.0),  # 'a single centre experience of three years' is the study's span, not a follow-up
])
def test_follow_up_reads_labels_windows_and_skips_ages_and_spans(pmcid: str, expected: float) -> None:
    assert _pool_fields(pmcid, _BATCH4[pmcid])["follow_up_days"].value == pytest.approx(expected, abs=1e-3)


def test_an_interval_between_doses_is_no_follow_up() -> None:
    # Batch 4 dev PMC3576519.
    from ketamine_evidence.analysis.parse.sentences import Sentence
    from ketamine_evidence.analysis.extract.follow_up import follow_up_mentions
    s = "Vaccine or placebo was given on three occasions, about 56 days apart."
    assert follow_up_mentions(Sentence(s, 0, len(s), None, 0)) == []


def test_against_a_no_treatment_arm_no_benefit_gives_zero() -> None:
    # Pool dev PMC3407716: 'a drain group (n = 49) or a no-drain group' ... 'no significant differences ... pain score'.
    found = _pool_fields("PMC3407716", "routine open nonsuction drainage after thyroid surgery")
    assert found["relief_duration_days"].value == 0.0


def test_a_pain_schedule_is_no_single_assessment() -> None:
    # Pool dev PMC3785381: 'evaluated ... every 12 hours during the hospitalization ... until day 5'; the benefit
    # ('their pain levels were lower') names no time, so relief is null.
    assert "relief_duration_days" not in _pool_fields("PMC3785381", "patient-centered counseling")


@pytest.mark.parametrize(("pmcid", "intervention", "expected"), [
    # 'an 8-week ... trial' ... 'final alleviations in abdominal pain intensity ... were significantly achieved'
    ("PMC3228981", "otilonium bromide", 56.0),
    # batch 4 dev: better at week 1, then 'Improvements in all PROs were sustained' over the 1-year trial
    ("PMC3003523", "certolizumab pegol plus methotrexate (vs placebo plus methotrexate)", 364.0),
])
def test_final_or_sustained_benefit_lasts_to_the_last_follow_up(pmcid: str, intervention: str, expected: float) -> None:
    assert _pool_fields(pmcid, intervention)["relief_duration_days"].value == pytest.approx(expected, rel=0.1)


def test_a_clause_that_carries_the_comparison_on_lends_its_time() -> None:
    # Pool dev PMC5578640: 'After 1 month the vitamin D treated group had a significantly decreased fentanyl dose
    # compared to the untreated group ...; 95% CI 24–78, which increased further at 3 months to 91 μg/h'.
    assert _pool_fields("PMC5578640", "vitamin D supplementation 4000 IE/day")["relief_duration_days"].value == 90.0


def test_a_clause_that_says_the_benefit_stopped_lends_no_time() -> None:
    # Adapted from PMC5578640: the same continuation, and one that says the difference did not last.
    from ketamine_evidence.analysis.extract.direction import Verdict
    from ketamine_evidence.analysis.extract.relief import _continued_days
    from ketamine_evidence.analysis.parse.sentences import Sentence
    clause = "After 1 month the treated group had a significantly decreased fentanyl dose compared to the untreated group"
    for rest, expected in ((", which increased further at 3 months.", [90.0]),
                           (", which was not maintained at 3 months.", [])):
        s = Sentence(clause + rest, 0, len(clause + rest), "RESULTS", 0)
        assert _continued_days(Verdict("better", clause, s), (None, {})) == expected


def test_intervention_arms_own_time_to_rescue_analgesia_is_relief() -> None:
    # Pool dev PMC4155290 (rule e): worse than the active comparator, but Group RF's own 234.44 min is kept.
    found = _pool_fields("PMC4155290", "intrathecal ropivacaine-fentanyl (vs bupivacaine-fentanyl)")
    assert found["relief_duration_days"].value == pytest.approx(234.44 / 1440, abs=1e-3)
    assert "follow_up_days" not in found


@pytest.mark.parametrize(("pmcid", "intervention", "expected"), [  # batch 5 dev
    # 'All dogs were fed test products or placebo for 8 weeks'; 'Zeel® was beneficial in alleviating ... pain'
    ("PMC2781775", "homeopathic combination preparation Zeel (dogs)", 56.0),
    # 'The intervention period was six weeks'; '[Results] After the intervention, ... pain was significantly reduced'
    ("PMC4395717", "upper thoracic manipulation added to cervical stability training", 42.0),
    # 'twice weekly for 8 weeks'; 'AT+EX produced greater improvements in PPTs than ST+EX'
    ("PMC5493377", "transcranial direct current stimulation added to quadriceps strengthening exercise (vs sham tDCS)",
     56.0),
])
def test_benefit_without_a_time_in_a_course_over_weeks_is_read_at_its_end(pmcid: str, intervention: str,
                                                                         expected: float) -> None:
    assert _pool_fields(pmcid, intervention)["relief_duration_days"].value == expected


def test_a_course_of_a_few_days_lends_no_time_to_a_benefit() -> None:
    # Chronic dev PMC3747459: cream 'three times daily for 5 days', benefit as an AUC over visits 1 to 4: null.
    from ketamine_evidence.analysis.parse.files import parse_file
    chronic = _POOL.parent / "chronic_pain_articles" / "PMC3747459.nxml"
    found = fields(next(parse_file(chronic)), "topical comfrey root extract 35% plus methyl nicotinate 1.2% cream")
    assert "relief_duration_days" not in found


def test_mean_time_after_surgery_is_a_follow_up() -> None:
    # Batch 5 dev PMC2837810: 'Patients were examined before, and 16 ± 3 and 24 ± 2 months after surgery'.
    found = _pool_fields("PMC2837810", "arthroscopic debridement (vs arthroscopic partial repair) of massive rotator "
                                       "cuff tears")
    assert found["follow_up_days"].value == 720.0


def test_procedural_pain_rated_only_at_the_procedure_gives_no_relief() -> None:
    # Additions rule z (revised in round 14), pool dev: 'pain measurement in the first 30 seconds of venipuncture'
    # (PMC5590362) and 'in the immediate postprocedure period' (PMC4118506), each better than placebo or no treatment
    # at that moment only: no time point is tied to the benefit, so relief is null.
    found = _pool_fields("PMC5590362", "massage and breastfeeding before venipuncture")
    assert "relief_duration_days" not in found
    # 'venipuncture was done 2 minutes after massage' is a step of the procedure; pain is rated only during the
    # procedure, so there is no follow-up (rule z, revised in round 14: null; 0 until then)
    assert "follow_up_days" not in found
    found = _pool_fields("PMC4118506", "intravenous fentanyl 2 µg/kg")
    assert "relief_duration_days" not in found
    assert found["follow_up_days"].value == 0  # rated right after the procedure, no later assessment
    # Batch 5 dev PMC5426394 (rule z's example): 'nasal pain scores due to the passage of the endoscope'; '... and
    # immediately after endoscopic examination were also recorded' (the assessment verb after the time).
    found = _pool_fields("PMC5426394", "intranasal oxymetazoline plus lidocaine spray premedication for nasal endoscopy")
    assert "relief_duration_days" not in found and found["follow_up_days"].value == 0


def test_similar_relief_against_an_active_comparator_is_read_at_the_last_examination() -> None:
    # Batch 5 dev PMC2837810: 'All treatment groups had similar pain relief', examined '24 ± 2 months after surgery'.
    found = _pool_fields("PMC2837810", "arthroscopic debridement (vs arthroscopic partial repair) of massive rotator "
                                       "cuff tears")
    assert found["relief_duration_days"].value == 720.0
    # pool dev PMC4266769: 'equally effective' states no gain from baseline, so no difference gives 0 (rule e, revised
    # in round 14), not the last examination
    assert _pool_fields("PMC4266769", "paracetamol/controlled-release oxycodone")["relief_duration_days"].value == 0


@pytest.mark.parametrize(("pmcid", "intervention", "expected"), [  # batch 5 dev
    # 'The dogs were evaluated at the clinic four times, with 4-week intervals': 3 x 4 weeks after the first
    ("PMC2781775", "homeopathic combination preparation Zeel (dogs)", 84.0),
    # 'separated by a one month washout'; 'at 2 and 7 days post operatively'
    ("PMC4464926", "complete suture of triangular flap (vs partial suture) after third molar removal", 7.0),
    # 'used the device daily for 1 h': the length of each session
    ("PMC4584261", "cranial microcurrent electrical stimulation (vs sham) during breast cancer chemotherapy", None),
])
def test_follow_up_schedules_washouts_and_session_lengths(pmcid: str, intervention: str, expected: float | None) -> None:
    found = _pool_fields(pmcid, intervention)
    assert (found["follow_up_days"].value if "follow_up_days" in found else None) == expected


def test_an_intake_window_is_no_follow_up() -> None:
    # Pool dev PMC4796524: '90 patients prepared for renal transplantation during 1 year'; UTI at 'Second week and
    # fourth week' is the last assessment.
    found = _pool_fields("PMC4796524", "ureteral stent attached to Foley catheter")
    assert found["follow_up_days"].value == 28.0


@pytest.mark.parametrize(("pmcid", "intervention", "expected"), [
    # batch 6 dev PMC2759981: 'Both groups: Four 2-hour sessions ...': the length of a session, no follow-up stated
    ("PMC2759981", "natural childbirth preparation with psychoprophylactic training (vs standard antenatal education)",
     None),
    # batch 6 dev PMC4583759: 'from 32 weeks gestation until the birth' is a gestational age; 'interviewed ... 8–12
    # weeks after birth' is the follow-up
    ("PMC4583759", "antenatal self-hypnosis training for labour pain (qualitative interviews)", 84.0),
])
def test_session_lengths_and_gestational_ages_are_not_follow_ups(pmcid: str, intervention: str,
                                                                 expected: float | None) -> None:
    found = _pool_fields(pmcid, intervention)
    assert (found["follow_up_days"].value if "follow_up_days" in found else None) == expected


def test_a_signed_change_in_minutes_and_a_sleep_phase_length_are_not_time_points() -> None:
    # Pool dev: 'insomnia induced by 5 h sleep phase advance' and 'improvements in both WASO vs. NS alone (−70.3 min
    # p = 0.0002)' state lengths and changes, not when anything was assessed.
    from ketamine_evidence.analysis.extract.timepoints import time_points
    assert all(p.measured for p in time_points("significant improvements in both WASO vs. NS alone (−70.3 min p = 0.0002)"))
    a = article("Naproxen sodium and diphenhydramine",
                ("BACKGROUND", "The aim of this study was to evaluate the efficacy and tolerability of novel combination "
                               "naproxen sodium (NS) and diphenhydramine (DPH) in subjects with postoperative dental pain "
                               "along with transient insomnia induced by 5 h sleep phase advance."))
    assert "follow_up_days" not in fields(a, "naproxen sodium and diphenhydramine")


def test_treatment_cycles_add_up() -> None:
    # Batch 6 dev PMC529310: 'One treatment cycle lasted for 21 days and two cycles were scheduled' (rule c) -> 42.
    from ketamine_evidence.analysis.extract.follow_up_periods import consecutive_periods
    assert consecutive_periods("One treatment cycle lasted for 21 days and two cycles were scheduled.", False) == 42.0
    found = _pool_fields("PMC529310", "recombinant mutant human TNF injection combined with chemotherapy")
    assert found["follow_up_days"].value == 42.0
