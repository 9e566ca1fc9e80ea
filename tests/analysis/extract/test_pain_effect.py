"""Pain effect: the sentence-level direction classifier and the article verdict (guideline rules)."""

from __future__ import annotations

import pytest

from ketamine_evidence.analysis.extract import extract_findings
from ketamine_evidence.analysis.records import Article, Section


def article(title: str, *parts: tuple[str, str]) -> Article:
    return Article(pmid="1", pmcid=None, doi=None, title=title,
                   abstract=[Section(label, label, text) for label, text in parts])


def effect(a: Article, intervention: str = "ketamine"):
    found = [f for f in extract_findings(a, intervention) if f.field == "pain_effect"]
    assert len(found) <= 1
    return found[0] if found else None


def test_improved_with_evidence_offsets() -> None:
    # Adapted from PMC3172326 (appendectomy).
    results = "For all of the evaluated times, the VAS score was significantly lower in the ketamine group compared to the control."
    a = article("Preemptive ketamine for appendectomy", ("RESULTS", results))
    f = effect(a)
    assert f.value == "improved"
    assert a.text[f.evidence.start:f.evidence.end] == results


def test_comparator_subject_flips_direction() -> None:
    # PMC4610927: the comparator group RH is the subject of 'higher'.
    a = article("Ketamine and remifentanil-induced hyperalgesia",
                ("METHODS", "Patients were assigned to group RH (remifentanil 0.3 µg/kg/min) or group KRH "
                            "(remifentanil 0.3 µg/kg/min + ketamine 0.5 mg/kg bolus)."),
                ("RESULTS", "Numerical rating scale scores at 6 and 24 h were significantly higher in group RH "
                            "than in group KRH."))
    assert effect(a).value == "improved"


def test_no_difference_and_mixed() -> None:
    none = article("Ketamine in ophthalmic surgery",
                   ("CONCLUSIONS", "Ketamine improves the extubation time but has no effect on postoperative pain."))
    assert effect(none).value == "no_difference"
    mixed = article("Rizatriptan vs. ibuprofen in migraine",
                    ("RESULTS", "Rizatriptan was superior to ibuprofen and placebo in relieving headache at 2 h "
                                "but not at 24 h."))
    assert effect(mixed, "rizatriptan").value == "mixed"


def test_active_comparator_better_gives_worse() -> None:
    a = article("Flunarizine in tension-type headache",
                ("RESULTS", "Flunarizine 5 mg was more effective than amitriptyline 12.5 mg in reducing serum "
                            "glutamate levels, whereas amitriptyline 12.5 mg was the most effective in reducing "
                            "headache intensity."),
                ("METHODS", "Patients were allocated to flunarizine 5 mg and amitriptyline 12.5 mg groups."))
    assert effect(a, "flunarizine").value == "worse"


def test_not_reported_without_pain_outcome_or_intervention() -> None:
    sedation = article("Ketamine sedation", ("RESULTS", "Sedation scores were significantly lower with ketamine."))
    assert effect(sedation) is None
    other = article("Lidocaine for pain", ("RESULTS", "Pain scores were significantly lower with lidocaine."))
    assert effect(other) is None  # the intervention (ketamine) is not mentioned


def test_background_and_methods_are_not_findings() -> None:
    a = article("Ketamine for pain",
                ("BACKGROUND", "Ketamine significantly reduces postoperative pain in many trials."),
                ("METHODS", "Pain scores were assessed at 24 h."))
    assert effect(a) is None


def test_undefined_group_labels() -> None:
    # 'group K' in a ketamine trial is the ketamine arm; 'group C' the control, even when never spelled out.
    a = article("Ketamine trial", ("RESULTS", "Pain scores were higher in group C than in group K during the "
                                              "first 24 h (P<0.05)."))
    assert effect(a).value == "improved"
    b = article("Ketamine trial", ("RESULTS", "Pain scores were significantly lower in group K at 2, 6, and 12 h."))
    assert effect(b).value == "improved"


def test_reversed_clause_flips_the_previous_verdict() -> None:
    # PMC3897023: worse than remifentanil early, better later -> mixed.
    s = ("The pain scores were significantly lower in remifentanil group immediately after recovery and also at 2 and "
         "6 h post-operatively, but it reversed at 12 and 24 h after recovery comparing with propofol and ketamine.")
    a = article("Propofol, remifentanil and ketamine", ("RESULTS", s))
    assert effect(a).value == "mixed"
    assert {f.field: f.value for f in extract_findings(a, "ketamine")}["relief_duration_days"] == 1.0


def test_success_defined_by_pain_is_a_pain_outcome() -> None:
    a = article("Articaine and ketamine for nerve block",
                ("METHODS", "Success was considered as no or mild pain on the basis of visual analog scale recordings."),
                ("RESULTS", "The success rates were 55% and 42.9% for A-ketamine and A-saline group, respectively, "
                            "with no significant differences between the two groups (P=0.437)."))
    assert effect(a).value == "no_difference"


def test_numeric_comparison_with_significance() -> None:
    # PMC3172326: no direction word, only the two values and a p-value.
    s = ("The interval time for the first analgesic request was 23.1 ± 6.7 minutes for the case group and "
         "18.1 ± 7.3 minutes for the control (P = 0.02).")
    a = article("Ketamine for appendectomy", ("METHODS", "Ketamine was given to the case group."), ("RESULTS", s))
    assert effect(a).value == "improved"
    ns = article("Ketamine trial", ("RESULTS", "Mean VAS was 3.1 in the ketamine group vs 4.5 in the placebo group "
                                               "(P = 0.31)."))
    assert effect(ns).value == "no_difference"


def test_numeric_comparison_reads_the_value_next_to_each_arm() -> None:
    s = ("The total number of pethidine injections in the first 24 hours postoperatively was 0.6 ± 0.6 for the case "
         "group and 2.0 ± 0.8 for the controls (P = 0.032).")
    a = article("Ketamine for appendectomy", ("METHODS", "Ketamine was given to the case group."), ("RESULTS", s))
    assert effect(a).value == "improved"


@pytest.mark.parametrize("sentence, value", [
    ("Ketamine did not decrease the incidence of chronic pain at 6 months compared with placebo.", "no_difference"),
    ("Intranasal ketamine was non-inferior to intravenous morphine for pain relief at 30 min.", "no_difference"),
    ("There was a significant reduction in pain scores after ketamine infusion.", "improved"),
    ("Ketamine produced significant analgesia compared with placebo (P<0.001) for 1 week.", "improved"),
    ("Oral ketamine did not provide additional analgesia in patients with neuropathic pain.", "no_difference"),
    ("Analgesia requirements were significantly lower in the ketamine group.", "improved"),
])
def test_common_ketamine_result_wordings(sentence: str, value: str) -> None:
    assert effect(article("Ketamine trial", ("RESULTS", sentence))).value == value


# --- hold-out failure modes (general wordings) ----------------------------------------------------

@pytest.mark.parametrize("sentence, value", [
    # (e) analgesic effect / efficacy / benefit is a pain outcome
    ("Ketamine had no significant analgesic effect compared with placebo.", "no_difference"),
    ("The analgesic efficacy of ketamine did not differ from that of placebo.", "no_difference"),
    ("Ketamine did not enhance the analgesic efficacy of morphine compared with placebo.", "no_difference"),
    # 'no additional ... benefit' is no difference, not a benefit
    ("Adding ketamine to morphine provided no additional analgesic benefit compared with morphine plus placebo.",
     "no_difference"),
    # (a) alone vs in combination; one pain modality but not another
    ("Ketamine alone did not reduce pain compared with placebo, whereas the combination of ketamine and magnesium "
     "significantly reduced pain scores.", "mixed"),
    ("Ketamine significantly reduced heat pain compared with placebo but had no effect on cold pain.", "mixed"),
    # (c) comparisons with numbers only
    ("Ketamine produced an average decrease of pain of 28.3% vs 8.3% with placebo.", "improved"),
    ("Pain decreased by 28.3% and 8.3% in the ketamine and placebo groups, respectively.", "improved"),
    ("Pain was reduced by 10% and 40% in the ketamine and placebo groups, respectively.", "worse"),
    ("Mean VAS scores at 24 h were 2.1 and 4.5 in the ketamine and saline groups, respectively (P<0.01).", "improved"),
    # (d) split-body comparison, 'lesser'
    ("Significantly lesser pain was reported on the treated side compared with the control side after ketamine "
     "(P<0.001).", "improved"),
])
def test_holdout_wordings(sentence: str, value: str) -> None:
    a = article("Ketamine trial", ("RESULTS", sentence))
    f = effect(a)
    assert f.value == value
    assert a.text[f.evidence.start:f.evidence.end] == sentence


def test_rescue_drug_for_agitation_is_not_a_pain_outcome() -> None:
    a = article("Ketamine in children", ("RESULTS", "Fewer children in the ketamine group required rescue medication "
                                                    "for emergence agitation than in the control group (P<0.05)."))
    assert effect(a) is None
    pain = article("Ketamine in children", ("RESULTS", "Fewer children in the ketamine group required rescue "
                                                       "analgesia than in the control group (P<0.05)."))
    assert effect(pain).value == "improved"


def test_non_inferiority_not_shown_but_improved_from_baseline_is_judged_against_the_comparator() -> None:
    # additions rule e: pain_effect is judged against the comparator; a change from baseline does not outrank it
    first = "Non-inferiority of ketamine to morphine for pain reduction was not demonstrated."
    a = article("Intranasal ketamine vs morphine",
                ("RESULTS", first + " Pain decreased significantly from baseline with ketamine."))
    f = effect(a)
    assert f.value == "no_difference"
    assert a.text[f.evidence.start:f.evidence.end] == first
    # a non-inferiority statement about tolerability is not a pain verdict
    b = article("Paracetamol-caffeine in tension-type headache",
                ("RESULTS", "For tolerability, the result regarding noninferiority of paracetamol-caffeine was "
                            "inconclusive. Paracetamol-caffeine was better than placebo on pain relief (P < 0.05)."))
    assert effect(b, "paracetamol-caffeine").value == "improved"


def test_difference_not_significant_takes_back_the_previous_clause() -> None:
    s = ("Duration of analgesia was prolonged in the ketamine group compared to the control group, but the difference "
         "was not statistically significant (P = 0.161).")
    a = article("Ketamine trial", ("RESULTS", s))
    f = effect(a)
    assert f.value == "no_difference"
    assert a.text[f.evidence.start:f.evidence.end] == s
    # a clause with its own significance is not taken back
    sig = article("Ketamine trial", ("RESULTS", "Pain was significantly lower with ketamine than placebo (P<0.01), but "
                                               "the difference was not significant at 24 h."))
    assert effect(sig).value != "no_difference"


def test_pre_treatment_comparison_is_not_a_finding() -> None:
    a = article("Morphine vs acetaminophen in renal colic",
                ("RESULTS", "The mean pain scores were not significantly different between two groups before "
                            "administration of drugs (P = 0.415), while more pain relief was achieved in the morphine "
                            "group after the intervention (P < 0.001)."))
    assert effect(a, "morphine").value == "improved"


def test_other_studies_and_aim_titles_are_not_findings() -> None:
    lit = article("Vapocoolant spray for injection pain",
                  ("BACKGROUND", "A 2009 nonblinded study of 52 patients by Weiss and Lavin demonstrated that "
                                 "vapocoolant spray decreased procedural pain."),)
    assert effect(lit, "vapocoolant spray") is None
    aim = article("Reflexology versus Swedish massage to reduce stress and pain and improve mood",
                  ("RESULTS", "Salivary cortisol did not change."))
    assert effect(aim, "reflexology") is None


def test_placebo_control_negated_or_absent() -> None:
    # 'placebo arms were not included' and 'no treatment for tennis elbow in the preceding 3 months' are no
    # placebo control: the verdict against the active comparator counts (non-inferiority not confirmed + effective).
    a = article("Intramuscular versus intralesional steroid injections for tennis elbow",
                ("METHODS", "Patients who had no treatment for tennis elbow in the preceding 3 months were randomised. "
                            "Placebo arms were not included in the study. Pain was the primary outcome."),
                ("CONCLUSIONS", "Non-inferiority of intramuscular to intralesional injections was not confirmed; "
                                "however, the intramuscular steroid injection proved to be effective in reducing pain."))
    f = effect(a, "intramuscular steroid injection")
    assert f.value == "mixed"
    assert "Non-inferiority" in a.text[f.evidence.start:f.evidence.end]


def test_pain_symptom_scales_are_pain_outcomes() -> None:
    # Adapted from PMC4298817: the NIH-CPSI is a pain symptom scale; a greater change is a benefit; the groups
    # are defined as an add-on ('either levofloxacin ... or levofloxacin ... and mirodenafil'), so relief is read.
    s = ("Changes observed in the NIH-CPSI of group ML at six weeks were greater than those in group L "
         "(group L, -3.2 vs. group ML, -7.2; p<0.05).")
    a = article("Mirodenafil for chronic prostatitis/chronic pelvic pain syndrome",
                ("METHODS", "Eighty-eight males with CP/CPPS were randomized to receive either levofloxacin (500 mg/d) "
                            "(group L, 40 patients) or levofloxacin (500 mg/d) and mirodenafil (50 mg/d) (group ML, "
                            "48 patients) for six weeks."),
                ("RESULTS", s))
    found = {f.field: f for f in extract_findings(a, "mirodenafil")}
    assert found["pain_effect"].value == "improved"
    assert a.text[found["pain_effect"].evidence.start:found["pain_effect"].evidence.end] == s
    assert found["relief_duration_days"].value == 42.0
    # an unrelated symptom score is not a pain outcome
    other = article("Tamsulosin for urinary symptoms",
                    ("RESULTS", "The International Prostate Symptom Score improved significantly with tamsulosin."))
    assert effect(other, "tamsulosin") is None


@pytest.mark.parametrize("sentence, value", [
    # Adapted from PMC1764200: one arm per clause, the same change, one percentage each.
    ("Six dogs given meloxicam showed an average decrease of pain on day 2 of 28.3%, whereas the 6 dogs given "
     "placebo showed an average decrease of pain on day 2 of 8.3%.", "improved"),
    ("Dogs given placebo showed an average decrease of pain of 28.3%, whereas dogs given meloxicam showed an "
     "average decrease of pain of 8.3%.", "worse"),
])
def test_whereas_pair_of_arm_changes(sentence: str, value: str) -> None:
    a = article("Meloxicam in canine dermatitis", ("RESULTS", sentence))
    f = effect(a, "meloxicam")
    assert f.value == value
    assert a.text[f.evidence.start:f.evidence.end] == sentence
    assert f.detail["clause"] in sentence  # the abstract's words, not the classifier's reading


def test_whereas_pair_needs_one_arm_per_clause() -> None:
    a = article("Meloxicam", ("RESULTS", "Pain decreased by 28.3% on day 2, whereas swelling decreased by 8.3%."))
    assert effect(a, "meloxicam") is None or effect(a, "meloxicam").value != "worse"


def test_no_better_than_usual_care_is_no_difference() -> None:
    s = "At one-year follow-up, yoga was no better than usual care for pain."
    a = article("Yoga for back pain", ("RESULTS", s))
    found = {f.field: f for f in extract_findings(a, "yoga")}
    assert found["pain_effect"].value == "no_difference"
    assert found["relief_duration_days"].value == 0.0
    assert found["follow_up_days"].value == 365.0
    assert a.text[found["follow_up_days"].evidence.start:found["follow_up_days"].evidence.end] == s


@pytest.mark.parametrize("sentence, value", [
    ("Ketamine reduced morphine consumption without affecting pain scores.", "mixed"),
    ("Ketamine significantly reduced fentanyl consumption without increasing adverse effects.", "improved"),
    ("Ketamine-treated patients required less morphine than placebo patients (p<0.05).", "improved"),
    ("The addition of ketamine resulted in lower pain scores.", "improved"),
    ("Ketamine had no opioid-sparing effect.", "no_difference"),
    ("Intraoperative ketamine had no impact on postoperative pain.", "no_difference"),
    ("Intranasal ketamine and intravenous morphine were equally effective for pain relief.", "no_difference"),
    ("Ketamine provided analgesia equivalent to morphine.", "no_difference"),
    ("Ketamine reduced pain scores with no adverse effects.", "improved"),
])
def test_more_ketamine_result_wordings(sentence: str, value: str) -> None:
    a = article("Ketamine trial", ("RESULTS", sentence))
    f = effect(a)
    assert f.value == value
    assert a.text[f.evidence.start:f.evidence.end] == sentence


def test_condition_pain_mask_leaves_pain_scores() -> None:
    from ketamine_evidence.analysis.extract import direction
    assert direction.is_pain_outcome("resulted in lower pain scores")
    assert not direction.is_pain_outcome("patients with chronic low back pain were recruited")


def test_topic_titles_protocol_aims_and_adverse_event_lists_are_not_findings() -> None:
    # PMID 20096136, 29316960, 28493932 (pool dev): none of these sentences reports a pain result.
    a = article("The effectiveness and cost-evaluation of manual therapy and physical therapy in patients with "
                "sub-acute and chronic non specific neck pain",
                ("CONCLUSIONS", "This study will establish the efficacy of PGB compared with GBP in reducing pain in "
                                "people with sciatica."),
                ("RESULTS", "The most common drug-related adverse events included dizziness, pain at injection site, "
                            "and a decrease in white blood cell count."))
    assert effect(a, "manual therapy") is None


def test_response_rates_are_pain_outcomes_only_when_about_pain() -> None:
    # PMID 25779603 (pool dev): a disease-activity response is not a pain outcome.
    from ketamine_evidence.analysis.extract.outcomes import is_pain_outcome

    assert not is_pain_outcome("significantly higher MDA response rates versus patients randomized to placebo")
    assert is_pain_outcome("the pain response rate was higher with ketamine")


def test_what_earlier_studies_found_is_background() -> None:
    """Batch 6 PMC1513142 (unlabelled abstract): the literature's finding on pain relief is no result of the study."""
    a = article("Evaluating Effects of Aromatherapy Massage on Sleep in Children with Autism: A Pilot Study",
                ("", "Previous studies have found beneficial effects of aromatherapy massage for agitation in people with "
                     "dementia, for pain relief and for poor sleep."),
                ("", "Repeated measures analysis revealed no differences in any of the sleep measures between the nights "
                     "when the children were given aromatherapy massage and nights when the children were not given "
                     "aromatherapy massage."))
    assert effect(a, "aromatherapy massage with lavender oil") is None


def test_groups_formed_by_the_outcome_are_no_arms() -> None:
    """Batch 6 PMC4616122 (predictors of outcome): 'good outcome group' vs 'poor outcome group' compares no treatment."""
    a = article("Predictive factors for the outcome of multidisciplinary treatments in chronic low back pain",
                ("RESULTS", "Duration of pain in the good outcome group was significantly shorter than in the poor "
                            "outcome group."))
    assert effect(a, "multidisciplinary treatment for chronic low back pain (predictors of outcome)") is None


def test_no_difference_in_any_measurement_covers_the_pain_measured() -> None:
    """Batch 6 PMC5457851: pain scores were the primary measurement, and 'no ... differences ... in any measurements'
    is their result; an outcome named otherwise ('any of the sleep measures') is not pain."""
    a = article("Comparison of the efficacy and safety of 2% lidocaine HCl with different epinephrine concentration",
                ("METHODS", "Visual analog scale pain scores obtained immediately after surgical extraction were primarily "
                            "evaluated for the 2 groups receiving different epinephrine concentrations."),
                ("RESULTS", "There were no statistically significant differences between the 2 groups in any measurements "
                            "except hemodynamic factors (P >.05)."),
                ("CONCLUSIONS", "The difference in epinephrine concentration between 1:80,000 and 1:200,000 in 2% lidocaine "
                                "liquid does not affect the medical efficacy of the anesthetic."))
    assert effect(a, "2% lidocaine with 1:80,000 epinephrine (vs 1:200,000) for third molar extraction").value == (
        "no_difference")


def test_no_difference_between_the_treatment_groups_naming_no_outcome() -> None:
    """Batch 4 PMC2758835: pain intensity a secondary outcome; the result sentence names none."""
    a = article("A randomised clinical trial comparing two treatment regimens for patients with headache and neck pain",
                ("BACKGROUND", "We therefore wanted to compare the treatment effects of UC alone and in combination with "
                               "manual therapy (MT) in patients with a combination of headache and neck pain."),
                ("METHODS", "Reduction in headache frequency, pain intensity, medication intake, absenteeism and the use of "
                            "additional professional help were secondary outcome measures"),
                ("RESULTS", "No significant differences between both treatment groups were found."))
    assert effect(a, "manual therapy added to usual care (vs usual care alone)").value == "no_difference"


def test_the_same_change_from_baseline_in_both_arms_is_no_difference() -> None:
    """Pool dev PMC4734805 (active comparator, rule e: judged against the comparator): pain disappeared in both arms."""
    a = article("Bromfenac 0.09% bioavailability in aqueous humor ... after phacoemulsification",
                ("METHODS", "A Phase II, double-blind, masked, active-controlled, multicenter, clinical trial of 139 "
                            "subjects, randomized to either a bromfenac 0.09% ophthalmic solution (n=69) or nepafenac "
                            "0.1% (n=70)."),
                ("RESULTS", "The presence of pain, photophobia, conjunctival hyperemia, chemosis, cellularity, and corneal "
                            "edema disappeared by day 30 in both groups."))
    assert effect(a, "bromfenac 0.09% ophthalmic solution").value == "no_difference"


# --- batch 7 (the retired blind split): arms and polarity read from text no rule was written from ---------------

def test_labels_followed_by_results_brackets_are_not_defined_by_them() -> None:
    # Batch 7 pmid 28298753: 'group D (49.03 ± 12.8 min)', 'group D (P < 0.1)' once made D a comparator, and the
    # lower pain in group D read as worse.
    a = article("A Prospective Randomized Trial Comparing Dexmedetomidine and Midazolam for Conscious Sedation",
                ("METHODS", "Then, subjects in group (D) received dexmedetomidine at a loading dose of 1 μg/kg IV over "
                            "10 min. Patients in group (M) received a loading dose of midazolam 0.06 mg/kg IV."),
                ("RESULTS", "Visual analog scale scores significantly decreased in group D than group M at 5 and 10 min "
                            "during the procedure (P = 0.03 and 0.01, respectively). Furthermore, the time of PACU stay was "
                            "significantly less (P < 0.01) in group D (49.03 ± 12.8 min) compared to group M (62.5 ± "
                            "18.34 min). Patient satisfaction was significantly higher in group D (P < 0.1)."))
    assert effect(a, "dexmedetomidine (vs midazolam) for conscious sedation").value == "improved"


def test_outcome_after_the_word_stops_at_the_next_predicate() -> None:
    # Batch 7 pmid 26955303: 'longer' governs the durations before it, not the rescue analgesics of the next predicate.
    a = article("Pain relief after ambulatory hand surgery: dexmedetomidine and clonidine as adjuvant",
                ("METHODS", "In group RD (n = 45) 30 ml 0.5% ropivacaine + 100 μg of dexmedetomidine and group RC "
                            "(n = 45) 30 ml 0.5% ropivacaine + 75 μg clonidine were administered in axillary plexus block."),
                ("RESULTS", "Sensory and motor block duration and time to first analgesic use were significantly longer "
                            "and the total need for rescue analgesics was lower in group RD (P < 0.05) than group RC."))
    assert effect(a, "dexmedetomidine").value == "improved"


def test_a_higher_decrease_is_more_reduction() -> None:
    # Batch 7 pmid 26032211.
    a = article("Analgesic effect of nasal salmon calcitonin during the early post-fracture period",
                ("RESULTS", "A higher decrease of VAS score during the first post-fracture period was observed in the "
                            "calcitonin group."))
    assert effect(a, "salmon calcitonin").value == "improved"


def test_counterfactual_and_without_clauses_report_no_harm() -> None:
    # Batch 7 pmid 16421625: what 'otherwise' would follow is no result.
    a = article("Remifentanil versus fentanyl or sufentanil",
                ("RESULTS", "Post operative pain scores were significantly lower in the fentanyl and sufentanil groups "
                            "compared to remifentanil group (55 ± 15, and 60 ± 10 versus 78± 12, P < 0.05)."),
                ("CONCLUSIONS", "After remifentanil based analgesia, anticipation of postoperative pain with opioid "
                                "analgesic appears mandatory even for surgery rated as being moderately painful, otherwise "
                                "longer opioid titration due to higher pain scores might delay discharge time."))
    assert effect(a, "fentanyl").value == "improved"
    # Batch 7 pmid 26917621: 'without an increased risk of ... loss of pain control' is no benefit.
    a = article("Switching Patients on Chronic Full μ-Opioid Agonist Therapy to Buccal Buprenorphine",
                ("RESULTS", "There were no significant differences in pain ratings between treatments."),
                ("CONCLUSIONS", "Chronic pain patients treated with around-the-clock full μ-opioid agonist therapy can be "
                                "switched to buccal buprenorphine (a partial μ-opioid agonist) at approximately 50% of the "
                                "full μ-opioid agonist dose without an increased risk of opioid withdrawal or loss of pain "
                                "control."))
    assert effect(a, "buccal buprenorphine").value == "no_difference"


def test_a_bare_item_shares_the_previous_items_direction() -> None:
    # Batch 7 pmid 27799159: 'improvements in PtGA (p≤0.001) and pain (p≤0.001)'.
    a = article("Baricitinib in rheumatoid arthritis",
                ("RESULTS", "At week 24, more baricitinib-treated patients versus placebo-treated patients reported normal "
                            "physical functioning (HAQ-DI <0.5; p≤0.001), reductions in fatigue (FACIT-F ≥3.56; p≤0.05), "
                            "improvements in PtGA (p≤0.001) and pain (p≤0.001) and reductions in duration of MJS "
                            "(p<0.01)."))
    assert effect(a, "baricitinib").value == "improved"


def test_this_regard_and_subgroups_by_age() -> None:
    # Batch 7 pmid 25161987: 'no difference between the two groups in this regard' is about the pain just named.
    a = article("Multi-strain probiotic compound in irritable bowel syndrome: a randomized placebo-controlled trial",
                ("RESULTS", "After treatment, there was a decrease in abdominal pain and distension severity in both "
                            "probiotic and the placebo groups (P<0.001), but there was no difference between the two "
                            "groups in this regard (P>0.05)."))
    assert effect(a, "probiotic").value == "no_difference"
    # Batch 7 pmid 18596887: age bands, response categories and a spread are not the arms' results.
    a = article("Single-fraction versus multifraction palliative radiotherapy",
                ("RESULTS", "The reduction in pain grade ranged from –0.8 to 2.6 (mean: 1.1). The mean reduction in pain "
                            "was 1.4 in patients 50 years of age or younger and 0.9 in patients more than 50 years of age "
                            "(p = 0.01)."),
                ("CONCLUSIONS", "Our trial showed no significant difference in pain relief after palliative radiotherapy "
                                "with 1 or 10 fractions."))
    assert effect(a, "single-fraction palliative radiotherapy").value == "no_difference"


def test_a_difference_no_longer_significant_is_the_previous_sentences() -> None:
    # Batch 7 pmid 25289376 (gold mixed): the difference on sore throat is gone at 12 and 24 h.
    a = article("Sore throat after rapid sequence induction with succinylcholine or high dose cisatracurium",
                ("RESULTS", "Number of patients who developed sore throat was significantly higher in the Succinylcholine "
                            "group (75%) compared to Cisatracurium group (27.5%) at the time of entrance to the recovery "
                            "room (P = 0.001). These numbers decreased at 2 hours post–operation (42% versus 17.5%) but the "
                            "difference was still statistically significant (P < 0.05). At 12 (P = 0.062) and 24 (P = "
                            "0.14) hours post operation, the difference was no longer significant."))
    assert effect(a, "high dose cisatracurium").value == "mixed"


def test_with_respect_to_an_arm_marks_the_reference_side() -> None:
    # Batch 7 pmid 29559834 (gold worse): the comparator reduced pain 'with respect to' the intervention.
    a = article("Neural mobilization versus pharmacologic treatment in cervical pain",
                ("CONCLUSIONS", "OI pharmacologic treatment may reduce pain intensity and disability with respect to "
                                "neural mobilization (MNNM and CLG) in patients with CP during six weeks."))
    assert effect(a, "median nerve neural mobilization and cervical lateral glide").value == "worse"
    # a leading 'With respect to pain,' names the outcome, not the reference side
    a = article("Ketamine for pain", ("RESULTS", "With respect to pain, placebo was significantly worse than ketamine."))
    assert effect(a).value == "improved"
