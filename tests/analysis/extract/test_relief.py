"""Relief duration (``relief``): time points a benefit reaches by reference, procedure variants as active
comparators, and a difference stated right after a single treatment (additions rules e and r), on dev records."""

from __future__ import annotations

import pytest

from tests.analysis.extract.test_durations import _pool_fields


@pytest.mark.parametrize(("pmcid", "intervention", "expected"), [  # batch 4 dev
    # 'Pain reduction was measured ... to 10 or 30 minutes after'; '... compared to placebo at both time points'
    ("PMC4677000", "lidocaine 2% gel (vs placebo) for painful oral cavity sites in children", 30 / 1440),
    # rule r's example: 'The post-intervention between-group mean differences for PPT were 1.1', later gains vs baseline
    ("PMC4085197", "Kaltenborn mobilization (vs placebo ultrasound)", 0.0),
])
def test_both_time_points_and_a_difference_right_after_the_treatment(pmcid: str, intervention: str, expected: float) -> None:
    assert _pool_fields(pmcid, intervention)["relief_duration_days"].value == pytest.approx(expected, abs=1e-3)


@pytest.mark.parametrize(("pmcid", "intervention"), [  # batch 5 dev, additions rule e
    # 'two different suture techniques': 'between the test and the control group' compares the variants
    ("PMC4464926", "complete suture of triangular flap (vs partial suture) after third molar removal"),
    # '- A Non-randomized Control Trial', 'Centers for Disease Control (CDC)': no control arm
    ("PMC5856421", "harmonic scalpel-assisted laparoscopic cholecystectomy (vs conventional)"),
    # batch 6 dev: 'the control device Mini Piezon', 'between the instruments used': two devices compared
    ("PMC5442201", "ultrasonic scaler with NO PAIN technology (Piezon Master 700) vs Mini Piezon"),
])
def test_no_difference_between_procedure_variants_gives_zero(pmcid: str, intervention: str) -> None:
    # rule e (revised in round 14): no difference from the active comparator, no relief from baseline stated -> 0
    assert _pool_fields(pmcid, intervention)["relief_duration_days"].value == 0


def test_a_dated_worse_result_against_no_treatment_gives_zero() -> None:
    # Batch 4 dev PMC5380284: 'The postoperative pain score at 48 hours ... in the Gum group was significantly higher
    # than in the no gum group': no relief at any time against no treatment.
    assert _pool_fields("PMC5380284", "postoperative gum-chewing (vs no gum)")["relief_duration_days"].value == 0


@pytest.mark.parametrize(("pmcid", "intervention", "expected"), [  # additions rule e (revised in round 14)
    # batch 5 dev: 'The VAS score on postoperative days 1, 3, and 7 was significant lower ... in the laparoscopic group'
    ("PMC2691927", "laparoscopic repair of perforated peptic ulcer (vs open repair)", 7.0),
    # batch 6 dev: 'At 3 days after surgery, the average pain score was 64% lower in the ASLA group'
    ("PMC3399388", "all-surface laser ablation (ASLA) transepithelial PRK (vs alcohol-assisted PRK)", 3.0),
    # batch 6 dev: 'VAS scores were significantly lower at one ... and two hours ... in the clonidine group, compared to
    # the midazolam group'
    ("PMC5055753", "preemptive oral clonidine 0.2 mg (vs midazolam)", 2 / 24),
])
def test_a_between_arm_benefit_over_an_active_comparator_is_dated(pmcid: str, intervention: str, expected: float) -> None:
    found = _pool_fields(pmcid, intervention)
    assert found["pain_effect"].value == "improved"
    assert found["relief_duration_days"].value == pytest.approx(expected, abs=1e-3)


def test_a_change_from_baseline_against_an_active_comparator_is_still_read() -> None:
    # Pool dev PMC3508963 (lidocaine vs morphine): 'lidocaine causes a significant reduction in pain' names no other arm,
    # a reading against baseline (rule e), at one of the assessments 'while admission, 5, 10, 15 and 30 minutes after
    # injection' (gold: 30 min; any of them is within the field's one-day tolerance).
    assert 0 < _pool_fields("PMC3508963", "intravenous lidocaine")["relief_duration_days"].value <= 30 / 1440


def test_an_add_on_stated_by_the_group_definitions_is_no_head_to_head() -> None:
    # Chronic dev PMC4298817: 'either levofloxacin (500 mg/d) (group L, 40 patients) or levofloxacin (500 mg/d) and
    # mirodenafil (50 mg/d) (group ML, 48 patients)': levofloxacin alone is the control (rule g), so the between-arm
    # change at six weeks is the relief.
    from ketamine_evidence.analysis.parse.files import parse_file
    from tests.analysis.extract.test_durations import _POOL, fields
    chronic = _POOL.parent / "chronic_pain_articles" / "PMC4298817.nxml"
    found = fields(next(parse_file(chronic)), "mirodenafil (50 mg/day) plus levofloxacin")
    assert found["relief_duration_days"].value == 42


@pytest.mark.parametrize(("pmcid", "intervention"), [  # batch 6 dev, additions rules z and at (revised in round 14)
    # 'Only 3.61% patients complained of intolerable pain during dilatation' (rule at's own example)
    ("PMC4630743", "vaginal misoprostol 400 ug for cervical priming"),
    # 'Pain perception during debridement was assessed by a VAS'
    ("PMC5442201", "ultrasonic scaler with NO PAIN technology (Piezon Master 700) vs Mini Piezon"),
])
def test_pain_rated_only_during_the_act_gives_no_follow_up(pmcid: str, intervention: str) -> None:
    assert "follow_up_days" not in _pool_fields(pmcid, intervention)


@pytest.mark.parametrize(("pmcid", "intervention"), [  # batch 6 dev, additions rules r, z and at
    # 'the mobility shoe showed significant immediate knee pain reduction'
    ("PMC4737200", "lateral wedge insoles and shoe modifications (mobility shoe) vs control shoe"),
    # 'visual analog scales of pain magnitude ... were measured before and after inhalation'
    ("PMC5244020", "inhaled lavender oil or linalyl acetate"),
])
def test_pain_rated_only_at_the_single_session_gives_follow_up_zero(pmcid: str, intervention: str) -> None:
    assert _pool_fields(pmcid, intervention)["follow_up_days"].value == 0


def test_a_benefit_over_vehicle_rated_before_and_after_one_inhalation_gives_relief_zero() -> None:
    # Batch 6 dev PMC5244020 (rule r): a single 20-minute inhalation against vehicle, pain 'measured before and after
    # inhalation' only.
    assert _pool_fields("PMC5244020", "inhaled lavender oil or linalyl acetate")["relief_duration_days"].value == 0


def test_an_immediate_benefit_over_a_control_condition_gives_zero() -> None:
    # Batch 6 dev PMC4737200: 'the mobility shoe showed significant immediate knee pain reduction' compared with the
    # control shoe: the rating moment is the only time point (rules r, z), read against the bare control as in rule e.
    found = _pool_fields("PMC4737200", "lateral wedge insoles and shoe modifications (mobility shoe) vs control shoe")
    assert found["relief_duration_days"].value == 0


def test_pain_during_movement_is_a_kind_of_pain_not_a_rating_moment() -> None:
    # 'Pain perception during debridement' (batch 6 dev PMC5442201) rates the moment of the act; pain 'during movement'
    # names a kind of pain (batch 6 dev PMC4804512, whose pain is followed over 0-24 h).
    from ketamine_evidence.analysis.extract.follow_up import rated_at_the_moment
    assert rated_at_the_moment("Pain perception during debridement was assessed by a VAS (range 0\u201310).")
    assert not rated_at_the_moment("Secondary outcomes were pain at rest, pain during movement, oxycodone consumption "
                                   "(0\u201324 h), time to mobilisation, ability to mobilise, and length of stay.")


def test_an_add_on_stated_by_bracketed_group_definitions() -> None:
    # Ketamine dev PMC4610927: 'group RH (remifentanil 0.3 µg/kg/min), or (3) group KRH (remifentanil 0.3 µg/kg/min +
    # ketamine 0.5 mg/kg bolus ...)': ketamine is added to exactly what group RH gets (rule g), not compared head to head.
    from ketamine_evidence.analysis.extract import make_context, relief
    from ketamine_evidence.analysis.parse.files import parse_file
    from tests.analysis.extract.test_durations import _POOL
    article = next(parse_file(_POOL.parent.parent / "corpus" / "pmc_ketamine" / "PMC4610927.nxml"))
    assert relief._add_on_groups(make_context(article, "ketamine"))
    # the same article with group RH's definition gone has no add-on stated by the groups
    from dataclasses import replace
    without = [replace(s, text=s.text.replace("(2) group RH (remifentanil 0.3 µg/kg/min), ", "")) for s in article.abstract]
    article = replace(article, abstract=without)
    assert not relief._add_on_groups(make_context(article, "ketamine"))


@pytest.mark.parametrize("clause", [
    # batch 5 dev PMC2781775: 8 weeks of treatment, follow-up to week 12; gold relief 56
    "As extent of improvement in the variables from start to end of treatment, the HCP product was significantly more "
    "improved in four (P = 0.015, P = 0.028, P = 0.049, P = 0.02",
    # batch 5 dev PMC4339981
    "Disability showed a significant improvement of 24.6% from a mean (SD) of 28.2 (13.08) at baseline to 16.88 "
    "(11.62) at the end of the 8-week intervention.",
])
def test_a_benefit_at_the_end_of_treatment_is_read_at_the_end_of_the_course(clause: str) -> None:
    from ketamine_evidence.analysis.extract.relief import _ALL_TIMES, end_of_course
    assert end_of_course(clause, 56.0, None) == 56.0  # the course, not a later follow-up (guideline; rule c)
    assert not _ALL_TIMES.search(clause)  # so 'to the last follow-up' does not read it
    assert end_of_course("Similar benefits were reported with both CZP doses.", 56.0, None) is None  # batch 4 dev


@pytest.mark.parametrize(("pmcid", "intervention", "expected"), [  # batch 7
    # 'lower than those of Group C at the all six time points', the last 30 min after arrival in PACU
    ("PMC5389230", "intranasal dexmedetomidine", 30 / 1440),
    # against mineral oil only: 'All measurable criteria improved in both groups' after three weeks of CFE or MO
    ("PMC3556012", "cassia fistula emulsion", 21.0),
    # 'evaluation of pain 1 month after treatment', not the patients' ages ('50 years of age or younger')
    ("PMC2442760", "single-fraction (8 Gy) palliative radiotherapy", 30.0),
])
def test_relief_from_the_comparison_it_belongs_to(pmcid: str, intervention: str, expected: float) -> None:
    assert _pool_fields(pmcid, intervention)["relief_duration_days"].value == pytest.approx(expected, abs=1e-3)


@pytest.mark.parametrize(("pmcid", "intervention"), [  # batch 7: no time tied to a benefit over the control
    # 'the pain response was generally lower than expected and they recovered fully within 72 h'
    ("PMC5282794", "Kiwi OmniCup plastic ventouse (vs metal cup)"),
    # 'a recurrence was observed one year after the initial repair' dates an event, not a pain rating
    ("PMC3516972", "Glubran 2 cyanoacrylate glue mesh fixation"),
    # 'AChE inhibition that should effectively enhance memory': no pain outcome ('AChE' is no 'ache')
    ("PMC3635594", "methanesulfonyl fluoride (MSF)"),
    # pool dev: 'Irrespective of treatment randomization, achievement of MDA ... at week 256 versus patients not
    # achieving MDA' pools the arms
    ("PMC5066795", "golimumab"),
])
def test_no_relief_without_a_benefit_tied_to_a_time(pmcid: str, intervention: str) -> None:
    assert "relief_duration_days" not in _pool_fields(pmcid, intervention)


def test_a_benefit_confined_to_a_subgroup_is_dated_and_pooled_arms_are_not() -> None:
    # batch 5 dev PMC5560514: 'Across all therapies, both the anteromedial and anterolateral techniques ... at 18 and
    # 26 weeks' pools the arms and dates nothing; 'Greater pain reductions with Cingal up to 3 weeks were only
    # significant in the anteromedial subgroup' is the treatment's benefit (read since inv14: direction.ONLY_IN_SUBGROUP)
    found = _pool_fields("PMC5560514", "intra-articular Cingal (sodium hyaluronate plus triamcinolone hexacetonide), by "
                         "injection technique")["relief_duration_days"]
    assert found.value == 21.0 and found.detail["words"].startswith("Greater pain reductions with Cingal up to 3 weeks")


def test_an_additional_injection_is_an_add_on_design() -> None:
    # Batch 4 dev PMC4821226: 'a benefit from the additional injection of bone marrow concentrate' during core
    # decompression, 'no difference in the clinical outcome between the two study groups': against the operation
    # alone (additions rule g), no difference gives 0, not the two years of within-group gains.
    assert _pool_fields("PMC4821226", "autologous bone marrow concentrate injection added to core decompression")[
        "relief_duration_days"].value == 0


def test_a_time_lent_by_the_sentence_is_read_at_its_place() -> None:
    # Batch 6 dev PMC5370326 (rule aj): the clause is cut before 'C (258.82 + 14.50 min)'; the lent time is the
    # mean duration of analgesia (about 0.18 d), not its SD, and a measured duration is no follow-up.
    found = _pool_fields("PMC5370326", "fentanyl or clonidine added to local anaesthetic peribulbar block")
    assert found["relief_duration_days"].value == pytest.approx(258.82 / 1440, abs=1e-3)
    assert "follow_up_days" not in found


def test_a_standard_programme_the_intervention_replaces_is_an_active_comparator() -> None:
    # Batch 6 dev PMC2759981 (additions rule ai): 'versus standard antenatal education', its arm called 'Standard care
    # group'; no difference in epidural use and no relief from baseline gives 0 (rules ai and e, revised in round 14).
    found = _pool_fields("PMC2759981", "natural childbirth preparation with psychoprophylactic training (vs standard "
                                       "antenatal education)")
    assert found["relief_duration_days"].value == 0


def test_usual_care_added_to_stays_an_inactive_control() -> None:
    from ketamine_evidence.analysis.extract.relief_controls import names_inactive_control
    # batch 6 dev PMC3191394 (rule g): usual care in both arms
    assert names_inactive_control("women who underwent an elective C-section were allocated to either usual care "
                                  "(control, n=40) or three distant reiki sessions in addition to usual care (n=40).")
    assert not names_inactive_control(
        "Effects of natural childbirth preparation versus standard antenatal education on epidural rates. Standard care "
        "group: Standard antenatal education focussing on both childbirth and parenthood.")


def test_an_active_controlled_design_has_an_active_comparator_only() -> None:
    # Batch 7 dev PMC4984426: 'double-dummy, active-controlled, two-period crossover'; 'no significant differences in
    # pain ratings between treatments' gives 0 (rule e, revised in round 14), though 'loss of pain control' says
    # 'control'; the same as a placebo trial would give, so the reading is asked of the control directly.
    from ketamine_evidence.analysis.extract.relief_controls import active_comparator_only
    from ketamine_evidence.analysis.parse.files import parse_file
    from tests.analysis.extract.test_durations import _POOL
    article = next(parse_file(_POOL / "PMC4984426.nxml"))
    assert active_comparator_only(" ".join(s.text for s in article.abstract))
    assert _pool_fields("PMC4984426", "buccal buprenorphine")["relief_duration_days"].value == 0



def test_a_head_to_head_benefit_at_all_measured_times_lasts_to_the_last_assessment() -> None:
    # Pool dev PMC5396972 (rules e, revised in round 14, and ac): PCEA vs PCIA, 'better pain control in comparison
    # with perioperative IV analgesia' (no control arm), 'a significant reduction in dynamic VAS pain score in group
    # PCEA in comparison to PCIA at all measured time points', pain 'assessed over 72 h'.
    found = _pool_fields("PMC5396972", "thoracic patient-controlled epidural analgesia with bupivacaine and fentanyl")
    assert found["relief_duration_days"].value == 3.0
    assert found["follow_up_days"].value == 3.0


@pytest.mark.parametrize(("folder", "pmcid", "intervention", "expected"), [  # the issue author's records (rule e, z)
    # 'more effective to strength gain for all muscles and pain control after 4 and 16 weeks' (vs flexibility)
    ("chronic_pain_articles", "PMC3961245", "strengthening exercises", 112.0),
    # 'The cumulative hazard of recurrence over 72 h was reduced by frovatriptan compared to rizatriptan'
    ("chronic_pain_articles", "PMC4112748", "frovatriptan", 3.0),
    # 'individualized acupuncture was not superior to standardized acupuncture', no within-arm relief stated
    ("chronic_pain_articles", "PMC3830844", "individualized acupuncture (vs standardized acupuncture)", 0.0),
    # 'comparable relief of pain ... 4 weeks after the block' in both arms: relief from baseline
    ("chronic_pain_articles", "PMC5789501", "ultrasound-guided suprascapular nerve block (bupivacaine and "
                                           "methylprednisolone)", 28.0),
    # withdrawal at rocuronium injection less frequent after ketamine than saline: rated only at the injection
    ("../corpus/pmc_ketamine", "PMC4188762", "ketamine", None),
])
def test_the_authors_head_to_head_and_procedural_records(folder: str, pmcid: str, intervention: str,
                                                         expected: float | None) -> None:
    from ketamine_evidence.analysis.parse.files import parse_file
    from tests.analysis.extract.test_durations import _POOL, fields
    found = fields(next(parse_file(_POOL.parent / folder / f"{pmcid}.nxml")), intervention)
    if expected is None:
        assert "relief_duration_days" not in found
    else:
        assert found["relief_duration_days"].value == pytest.approx(expected, abs=1e-3)


def test_a_procedure_moment_is_told_from_a_single_session_moment() -> None:
    # Rule z (pain of the act: 'Pain perception during debridement', batch 6 PMC5442201) against rule r (the session's
    # own moment: 'measured before and after inhalation', batch 6 PMC5244020; 'immediate knee pain reduction', PMC4737200)
    from ketamine_evidence.analysis.extract import make_context, relief
    from ketamine_evidence.analysis.parse.files import parse_file
    from tests.analysis.extract.test_durations import _POOL
    for pmcid, act in (("PMC5442201", True), ("PMC5244020", False), ("PMC4737200", False), ("PMC4630743", True),
                       ("PMC5590362", True)):
        moment = relief._rating_moment(make_context(next(parse_file(_POOL / f"{pmcid}.nxml")), "x"))
        assert moment is not None and moment[0] is act, pmcid


@pytest.mark.parametrize(("pmcid", "intervention"), [  # rule e (revised in round 14): never better, no relief from baseline
    # batch 4 dev: 'More patients having undergone a midline incision, reported pain on day one, two and three
    # postoperatively than patients from the transverse group'
    ("PMC2690844", "midline incision (vs transverse incision) for cholecystectomy"),
    # blind2 dev, undated: 'the mean VAS pain severity score was significantly lower in locking plate group compared
    # with nonlocking plate group'
    ("PMC4045368", "nonlocking plate fixation (vs locking plate) of tibial plateau fractures"),
])
def test_worse_than_an_active_comparator_gives_zero(pmcid: str, intervention: str) -> None:
    found = _pool_fields(pmcid, intervention)
    assert found["pain_effect"].value == "worse"
    assert found["relief_duration_days"].value == 0
