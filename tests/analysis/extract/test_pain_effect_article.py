"""Pain effect, the article-level decision: which results count, and when `mixed` is warranted."""

from __future__ import annotations

from ketamine_evidence.analysis.extract import extract_findings, make_context, pain_effect
from ketamine_evidence.analysis.extract.outcomes import is_pain_outcome
from ketamine_evidence.analysis.records import Article, Section


def article(title: str, *parts: tuple[str, str]) -> Article:
    return Article(pmid="1", pmcid=None, doi=None, title=title,
                   abstract=[Section(label, label, text) for label, text in parts])


def effect(a: Article, intervention: str) -> str:
    found = [f.value for f in extract_findings(a, intervention) if f.field == "pain_effect"]
    return found[0] if found else "not_reported"


def test_discomfort_is_not_a_pain_outcome() -> None:
    # Additions rule n; PMC3578670 (gold not_reported) and PMC4118506 (gold improved: pain better, discomfort not).
    ocular = article("Ocular discomfort of brinzolamide/timolol and dorzolamide/timolol",
                     ("CONCLUSIONS", "Patients had less discomfort with brinzolamide/timolol than with "
                                     "dorzolamide/timolol, and more expressed a preference for brinzolamide/timolol."))
    assert effect(ocular, "brinzolamide/timolol") == "not_reported"
    fentanyl = article(
        "Effects of fentanyl on procedural pain and discomfort associated with central venous catheter insertion",
        ("RESULTS", "The median interquartile range pain score is worst for placebo group after LAI (5 [3-6]) and in "
                    "the immediate postprocedure period (5 [4-5]) which was significantly attenuated by addition of "
                    "fentanyl (3.5 [2-5] and 3 [2-4]) (P = 0.009 and 0.001 respectively)."),
        ("RESULTS", "Overall, fentanyl and placebo group were not statistically different with median discomfort "
                    "score except at T10 (P = 0.047)."))
    assert effect(fentanyl, "fentanyl") == "improved"


def test_scored_similarly_is_no_difference() -> None:
    # PMC3015551 (gold no_difference).
    a = article("Randomized Comparison Between Two Microlaparoscopic Techniques for Partial Salpingectomy",
                ("METHODS", "Each patient was randomly assigned to undergo a tubal resection either after Pomeroy "
                            "ligation (n=54) or after bipolar coagulation with Kleppinger forceps (n=55)."),
                ("RESULTS", "Postoperative pain at 6 hours was scored similarly (median, ligation 4.6, coagulation "
                            "4.0 of 10)."))
    assert effect(a, "bipolar coagulation") == "no_difference"


def test_lower_but_not_significant_is_no_difference() -> None:
    # PMC3838646 (pool batch 4, dev): the second clause takes the difference back; no benefit remains.
    a = article("Knifelight Surgery versus Conventional Open Surgery in the Treatment of Carpal Tunnel Syndrome",
                ("RESULTS", "Although the mean visual analogue scale of Knifelight group found to be lower than the "
                            "other, it was not statistically significant."))
    assert effect(a, "Knifelight") == "no_difference"


def test_how_pain_was_measured_is_no_finding() -> None:
    # PMC4677000 (pool batch 4, dev), an unlabelled abstract: a methods sentence must not add a verdict.
    a = article("Lidocaine gel in the treatment of pain",
                ("", "Pain reduction was measured from the time prior to administration to 10 or 30 minutes after."),
                ("", "In group I, pain was reduced significantly after treatment with verum compared to placebo at "
                     "both time points."))
    assert effect(a, "lidocaine gel") == "improved"


def test_demographic_list_is_a_baseline_comparison() -> None:
    # PMC3430047 (pool batch 4, dev): 'intraoperative analgesics' inside a list of baseline characteristics.
    from ketamine_evidence.analysis.extract.comparisons import BASELINE_ONLY
    assert BASELINE_ONLY.search("There were no significant differences in sex, age, weight, intraoperative "
                                "analgesics, duration of one-lung ventilation, and adverse effects between the groups.")
    assert not BASELINE_ONLY.search("this apparent increase in appetite did not result in improved weight, "
                                    "performance status, energy levels, mood or relief of pain.")


def test_painful_body_part_and_healthy_controls_are_no_outcome() -> None:
    # PMC3953472 (gold not_reported): 'painful muscles' is the condition; patients vs healthy controls is no arm.
    a = article("High-Intensity Strength Training Improves Function of Chronically Painful Muscles: Case-Control and "
                "RCT Studies",
                ("RESULTS", "Women with trapezius myalgia have lower strength capacity during repetitive MVC of the "
                            "trapezius muscle than healthy controls."),
                ("CONCLUSIONS", "High-intensity strength training effectively improves strength capacity during "
                                "repetitive MVC of the painful trapezius muscle."))
    assert effect(a, "high-intensity specific strength training") == "not_reported"


def test_call_for_future_studies_is_no_finding() -> None:
    # PMC5077078 (dev): 'more advanced stages' in a recommendation is no result.
    from ketamine_evidence.analysis.extract.direction import NON_FINDING
    assert NON_FINDING.search("Future studies are now required using similar multimodal experimental designs to "
                              "examine pain processing in more advanced stages of Parkinson’s disease.")


def test_pain_counted_as_an_adverse_event_is_no_outcome() -> None:
    # PMC4608345 (gold not_reported); PMC3680656, PMC3576519 (pool batch 4, dev).
    from ketamine_evidence.analysis.extract.outcomes import is_pain_outcome
    assert not is_pain_outcome("The incidence of fatigue (p=0.44), headache (p=0.58) and dystonia (p=0.06) had no "
                               "significant difference in the two groups")
    assert not is_pain_outcome("Adverse events with a frequency of ≥5.0 % that were more prevalent in the memantine "
                               "group were headache (5.6 vs. 5.1 %) and diarrhea (5.0 vs. 3.9 %).")
    assert not is_pain_outcome("The cumulative frequency of abdominal pain, diarrhoea, and nasal congestion after all "
                               "three vaccinations was significantly higher in vaccinees than placebo recipients")
    assert is_pain_outcome("Pain scores at rest or with movement, the incidence of adverse events and patient "
                           "satisfaction were not significantly different among the groups.")


def _verdict(kind: str, clause: str, section: str, sentence: object, primary: bool = False):
    from ketamine_evidence.analysis.extract.direction import Verdict
    v = Verdict(kind, clause, section=section)
    v.sentence = sentence  # type: ignore[assignment]
    v.extra["primary"] = primary
    return v


def test_benefit_and_harm_in_different_sentences_are_weighed() -> None:
    # PMC4152682 (batch 4, dev): one result sentence misread against two benefits; no reversal was written.
    from ketamine_evidence.analysis.extract.pain_effect import decide
    a, b, c = object(), object(), object()
    verdicts = [_verdict("better", "Median intraoperative fentanyl requirement was significantly higher in Group N",
                         "RESULTS", a),
                _verdict("worse", "VAS scores on emergence at rest ... were significantly lower in Group B.", "RESULTS", b),
                _verdict("better", "Median duration of analgesia was significantly higher in Group B", "RESULTS", c)]
    assert decide(verdicts)[0] == "improved"


def test_reversal_in_one_sentence_is_mixed() -> None:
    # PMC3897023 (ketamine dev, gold mixed): both readings come from one sentence.
    from ketamine_evidence.analysis.extract.pain_effect import decide
    s = object()
    verdicts = [_verdict("worse", "The pain scores were significantly lower in remifentanil group immediately after "
                                  "recovery and also at 2 and 6 h post-operatively", "RESULTS", s),
                _verdict("better", "it reversed at 12 and 24 h after recovery comparing with propofol and ketamine.",
                         "RESULTS", s)]
    assert decide(verdicts)[0] == "mixed"


def test_primary_outcome_result_outranks_a_secondary_one() -> None:
    # The primary pain outcome as PMC3015551 names it; a unanimous primary result, conclusions agreeing, decides.
    from ketamine_evidence.analysis.extract.outcomes import on_outcome, primary_outcomes
    from ketamine_evidence.analysis.extract.pain_effect import decide
    primary = primary_outcomes(["Postoperative pain, as assessed using a 10-point visual analog scale, was the "
                                "primary comparison endpoint."])
    clause = "Postoperative pain at 6 hours was scored similarly"
    assert any(on_outcome(clause, words) for words in primary)
    assert not any(on_outcome("The mean time to remove both tubal segments", words) for words in primary)
    none, better = object(), object()
    verdicts = [_verdict("no_difference", clause, "RESULTS", none, primary=True),
                _verdict("better", "Outpatient recovery was the same, unless pelvic pain required overnight observation "
                                   "(ligation, 4 patients; coagulation, 2 patients).", "RESULTS", better)]
    assert decide(verdicts)[0] == "no_difference"
    verdicts[1].extra["primary"] = True  # a conflict on the primary outcome itself stays mixed
    assert decide(verdicts)[0] == "mixed"


def test_each_listed_outcome_has_its_own_direction_word_and_colon_abbreviations_name_arms() -> None:
    # PMC5564145 (gold improved): '(double cartridges: DC)' names the intervention, 'the SC group' the comparator;
    # in the conclusion 'less' governs the pain, not 'higher' (the success rate).
    from ketamine_evidence.analysis.extract.outcomes import pain_item
    conclusion = ("We concluded that using DC for the infiltration injection had a higher success rate, longer "
                  "duration of anesthesia, less intra-operative pain, and a lower amount of additional anesthesia "
                  "than SC in the surgical removal of LITM.")
    assert pain_item(conclusion).startswith("We concluded that using DC for the infiltration injection had a less")
    a = article("Double versus single cartridge of 4% articaine infiltration into the retro-molar area for lower "
                "third molar surgery",
                ("BACKGROUND", "This study aimed to evaluate the efficacy of infiltration using 1.7 ml (single "
                               "cartridge: SC) of 4% articaine versus 3.4 ml (double cartridges: DC) of 4% articaine "
                               "with 1:100,000 epinephrine in LITM surgery."),
                ("RESULTS", "The intra-operative pain was higher in the SC group with a significant (P < 0.05) "
                            "requirement for a supplementary local anesthetic."),
                ("CONCLUSIONS", conclusion))
    assert effect(a, "double cartridge 4% articaine infiltration") == "improved"


def test_with_comparable_recovery_is_about_recovery() -> None:
    # PMC5735483 (pool batch 4, dev): 'with comparable recovery profile' names no pain outcome.
    a = article("Buprenorphine or dexmedetomidine with intrathecal bupivacaine",
                ("CONCLUSIONS", "Addition of buprenorphine (60 μg) or dexmedetomidine (5 μg) to intrathecal "
                                "bupivacaine for transurethral resection prolongs the time to the first analgesic "
                                "request with comparable recovery profile."))
    assert effect(a, "buprenorphine") == "improved"


def test_intensity_of_adverse_events_is_no_pain_measure() -> None:
    # PMC3612585 (pool batch 4, dev).
    from ketamine_evidence.analysis.extract.outcomes import is_pain_outcome
    assert not is_pain_outcome("Adverse events were similar in nature, incidence, and intensity for all oral and IV "
                               "palonosetron groups, and were the expected adverse events for 5-HT3 RAs (primarily "
                               "headache and constipation).")


def test_worse_than_at_baseline_is_outranked_by_a_difference_between_arms() -> None:
    # PMC3407644 (pool batch 4, gold improved): the SF-36 'bodily pain' change from baseline is no arm difference.
    a = article("Xiaopiyishen Herbal Extract Granule for functional dyspepsia with depression",
                ("", "Compared with the baseline score, intervention with XPYS-HEG led to a significant increase in "
                     "scores for the factor of bodily pain at the end of the 6th week."),
                ("", "Therefore, XPYS-HEG could partially improve the quality of life for people with FPSH and "
                     "liver-qi stagnation and spleen-qi deficiency syndrome, which can ease bodily pain, stimulate a "
                     "positive mood, and ease anxiety."))
    assert effect(a, "Xiaopiyishen Herbal Extract Granule (XPYS-HEG)") == "improved"


def test_less_effective_than_another_active_treatment_is_no_absence_of_benefit() -> None:
    # PMC2781775 (pool batch 5, gold improved): placebo-controlled; carprofen is a second, active comparator.
    a = article("Evaluating Complementary Therapies for Canine Osteoarthritis—Part II: A Homeopathic Combination "
                "Preparation (Zeel®)",
                ("", "All dogs were fed test products or placebo for 8 weeks."),
                ("", "Our results indicated that the HCP Zeel® was beneficial in alleviating chronic orthopedic pain "
                     "in dogs although it was not as effective as carprofen."))
    assert effect(a, "homeopathic combination preparation Zeel (dogs)") == "improved"


def test_pain_naming_the_treatment_and_recommendations_are_no_findings() -> None:
    # PMC5873424 (pool batch 5, gold not_reported): the outcome is sleep; 'pain treatment' names the intervention.
    a = article("Effect of pain treatment on sleep in nursing home patients with dementia and depression",
                ("CONCLUSIONS", "Compared with placebo, pain treatment improved sleep as measured with actigraphy."),
                ("CONCLUSIONS", "This implies that sleep, pain, and depression in NH patients should be critically "
                                "evaluated and that pain treatment should be considered to be a potentially "
                                "beneficial treatment."))
    assert effect(a, "stepwise pain treatment (oral paracetamol or transdermal buprenorphine) vs placebo") == \
        "not_reported"


def test_adverse_event_wording_rules_out_pain_only_in_its_own_clause() -> None:
    # PMC270000 (pool batch 5, dev): the adverse events are one clause, the injections' pain another.
    a = article("Bravelle versus Follistim",
                ("RESULTS", "The overall incidence of adverse events was similar in both groups, but compared to "
                            "Follistim(R), injections of Bravelle(R) were reported by patients to be significantly "
                            "less painful (P < 0.001)."))
    assert effect(a, "Bravelle") == "improved"
    # the adverse-event clause alone stays no pain outcome
    assert not is_pain_outcome("Adverse events reported by more than 5% of patients were headache and diarrhea.")


def test_pain_associated_with_a_procedure_names_the_outcome() -> None:
    # PMC4610922 (pool dev): 'the pain associated with X' is the outcome's name, not an association.
    a = article("Dexmedetomidine sedation in retinal surgery",
                ("RESULTS", "The pain associated with sub-tenon's anesthesia and peripheral vitrectomy was lesser in "
                            "the dexmedetomidine group than in the control group (P = 0.020)."))
    assert effect(a, "dexmedetomidine") == "improved"


def test_visual_analogue_scores_are_a_pain_outcome() -> None:
    # PMC4880652 (pool batch 5, dev).
    assert is_pain_outcome("When the modified Aldrete scores at 60 minutes and visual analogue scores were compared, "
                           "there was no significant difference between groups (p>0.05).")


def test_pain_named_only_in_the_conclusions_is_no_outcome() -> None:
    # PMC3805012 (pool batch 4, dev; additions rule w): respiratory function and lumbar stability were measured;
    # low back pain appears in the conclusion only.
    a = article("The Effects of Deep Abdominal Muscle Strengthening Exercises on Respiratory Function and Lumbar "
                "Stability",
                ("METHODS", "The subjects were randomly divided into an experimental group of eleven, who performed "
                            "deep abdominal muscle strengthening exercises, and a control group of eleven, who "
                            "received no particular intervention."),
                ("RESULTS", "Deep abdominal muscle training was effective at enhancing respiratory function and "
                            "lumbar stabilization."),
                ("CONCLUSIONS", "The clinical application of deep abdominal muscle strengthening exercises along with "
                                "lumbar stabilization exercises should be effective for lower back pain patients in "
                                "need of lumbar stabilization."))
    assert effect(a, "deep abdominal muscle strengthening exercises") == "not_reported"


def test_headings_written_in_an_unlabelled_abstract_are_sections() -> None:
    # PMC5088157 (pool batch 5, dev): '[Results]', '[Conclusion]' inside one unlabelled abstract.
    a = Article(pmid="1", pmcid=None, doi=None, title="Effects of neurofeedback training", abstract=[Section(
        None, None, "[Subjects and Methods] The subjects of the study were 40 college students with forward head "
                    "posture, randomly divided into a neurofeedback training group (NFTG, n=20) and a control group "
                    "(CG, n=20). [Results] There were significant effects within and between groups in terms of the "
                    "Delta wave. [Conclusion] It is thought that neurofeedback training enhances concentration. "
                    "Therefore an effective intervention method to improve neck pain and daily activities.")])
    ctx = make_context(a, "neurofeedback training")
    labels = [pain_effect.sections(ctx)[id(s)] for s in ctx.sentences if s.section != "TITLE"]
    assert labels[0] == "SUBJECTS AND METHODS" and labels[-1] == "CONCLUSION"
    assert effect(a, "neurofeedback training") == "not_reported"


def test_a_hyperalgesia_threshold_is_higher_better() -> None:
    # PMC3640161 (pool batch 4, dev): a lower threshold in the comparator's arm is a benefit of the intervention.
    from ketamine_evidence.analysis.extract.outcomes import outcome_polarity
    assert outcome_polarity("The mechanical hyperalgesia threshold 24 hr after surgery was significantly lower in "
                            "group RH than in the other two groups.") == "higher_better"
    assert outcome_polarity("Postoperative pain intensity using visual analog scale (VAS)") == "lower_better"


def test_an_add_on_is_judged_against_its_base_treatment_alone() -> None:
    # PMC5599918 (pool batch 5, dev; additions rule g): IV-PCA only is the control; being comparable to the second
    # active arm (thoracic E-PCA) is no absence of benefit. '(dIV-PCA group, n = 57)' names the intervention's arm.
    a = article("Dexmedetomidine in combination with fentanyl-based IV-PCA after open gastrectomy",
                ("METHODS", "One hundred seventy-one patients who planned open gastrectomy were randomly distributed "
                            "into one of the 3 groups: conventional thoracic E-PCA (E-PCA group, n = 57), "
                            "dexmedetomidine in combination with fentanyl-based IV-PCA (dIV-PCA group, n = 57), or "
                            "fentanyl-based IV-PCA only (IV-PCA group, n = 57)."),
                ("RESULTS", "The postoperative pain intensity was significantly lower in the dIV-PCA and E-PCA groups "
                            "than in the IV-PCA group, but comparable between the dIV-PCA group and the E-PCA group."),
                ("CONCLUSIONS", "Dexmedetomidine in combination with fentanyl-based IV-PCA significantly improved "
                                "postoperative analgesia in patients undergoing open gastrectomy without hemodynamic "
                                "instability, which was comparable to thoracic E-PCA."))
    name = "dexmedetomidine added to fentanyl-based IV-PCA (vs thoracic epidural PCA or IV-PCA alone)"
    assert effect(a, name) == "improved"


def test_a_group_label_is_defined_up_to_its_first_comma() -> None:
    # PMC4374219 (pool batch 5, dev): Group C received ropivacaine only; the dexmedetomidine after the comma is
    # Group D's.
    a = article("Dexmedetomidine as an adjuvant to ropivacaine in supraclavicular brachial plexus block",
                ("METHODS", "For block patients in Group C received 0.5% ropivacaine (30cc), 0.5% ropivacaine with "
                            "50 μg dexmedetomidine (30cc) in Group D and 0.5% ropivacaine (30cc) in Group D-IV along "
                            "with intravenous infusion of 50 μg dexmedetomidine in normal saline."),
                ("RESULTS", "The duration of analgesia was significantly longer in group D and D-IV when compared to "
                            "group C."))
    assert effect(a, "dexmedetomidine as adjuvant to ropivacaine in supraclavicular brachial plexus block") == "improved"


def test_an_abbreviated_group_and_a_significant_advantage() -> None:
    # PMC4411465 (pool dev): 'supplementation group (SG)' is the intervention's arm; 'a significant advantage is
    # observed for ... epigastric pain' a benefit.
    a = article("Ginger and artichoke extract supplementation in functional dyspepsia",
                ("RESULTS", "After 14 days of treatment, only supplementation group (SG) showed a significant "
                            "amelioration. In SG, a significant advantage is observed for nausea (βS − βP = −0.398 u, "
                            "P < 0.001), epigastric fullness (βS − βP = −0.241, P < 0.001), epigastric pain "
                            "(βS − βP = −0.173 u, P = 0.002), and bloating (βS − βP = −0.167 u, P = 0.017)."))
    assert effect(a, "ginger and artichoke extract supplementation") == "improved"


def test_a_study_that_tests_no_treatment_reports_no_pain_effect() -> None:
    # PMC5077078 (pool dev; additions rules m, o): patients compared with controls, no treatment under study.
    a = article("Laser-evoked pain in early Parkinson's disease",
                ("RESULTS", "No significant differences in warmth perception thresholds, heat pain thresholds, "
                            "electrodermal activity and subjective pain ratings were found between Parkinson's "
                            "disease patients and controls."))
    assert effect(a, "none (laser-evoked pain fMRI in early Parkinson's disease)") == "not_reported"


def test_a_protocol_reports_no_pain_result_without_its_headings() -> None:
    # batch 5 29146647 (gold pain_effect not_reported) with its headings taken away (invariance `labels_removed`):
    # the planned 'Secondary outcomes include ... pain' is no finding
    title = ("Initial non-operative management of uncomplicated appendicitis in children: a protocol for a multicentre "
             "randomised controlled trial (APAC trial)")
    text = ("In this article, we provide the study protocol for the APAC (Antibiotics versus Primary Appendectomy in "
            "Children) trial. This multicentre, non-inferiority, randomised controlled trial randomises children aged "
            "7–17 years with imaging-confirmed simple appendicitis between appendectomy and NOT. Primary outcome is the "
            "rate of complications at 1-year follow-up. An independent adjudication committee will assess all "
            "complications and their relation to the allocated treatment. Secondary outcomes include, but are not "
            "limited to, delayed appendectomies, QoL, pain and (in)direct costs. Results will be presented in "
            "peer-reviewed academic journals and at (international) conferences.")
    article = Article(pmid="1", pmcid=None, doi=None, title=title, abstract=[Section(None, None, text)])
    given = "initial non-operative treatment with antibiotics (vs appendectomy) for simple appendicitis in children"
    assert [f.value for f in extract_findings(article, given) if f.field == "pain_effect"] == []


def test_a_similar_pattern_for_pain_takes_the_sentence_before() -> None:
    """Batch 6 PMC5614960: 'A similar but weaker pattern evinced for perceived pain' after the arms' difference in RPE
    (more with the intervention) is more pain with the intervention: worse; a sentence before that compares no arms
    gives nothing."""
    from ketamine_evidence.analysis.extract import extract_findings
    from ketamine_evidence.analysis.records import Article, Section
    before = ("Compared to the control condition, participants in the implementation intention condition reported "
              "substantially greater increases in RPE during the second half of the task and reached higher total values "
              "of RPE before task termination.")
    similar = "A similar but weaker pattern evinced for perceived pain."
    name = "implementation intention"

    def value(text: str):
        a = Article(pmid="1", pmcid=None, doi=None, title="That Escalated Quickly: Planning to Ignore RPE Can Backfire",
                    abstract=[Section(None, None, "62 female students were randomly assigned to an implementation "
                                                  "intention or a control condition. " + text)])
        found = [f.value for f in extract_findings(a, name) if f.field == "pain_effect"]
        return found[0] if found else None
    assert value(before + " " + similar) == "worse"
    assert value("RPE was reported every 25 s. " + similar) is None


def test_a_study_testing_no_treatment_needs_an_arm() -> None:
    # batch 4 PMC4039014 (gold not_reported, design other: rule o): 'Stressed individuals' are no arm the abstract
    # names, and the pain pictures are what was rated, so the study reports no benefit of a treatment on pain.
    a = article("Acute psychosocial stress and emotion regulation skills modulate empathic reactions to pain in others",
                ("", "In the present study, 120 participants were randomly assigned to a control group vs. a group "
                     "confronted with the Trier Social Stress Test (TSST), an established paradigm for the induction of "
                     "acute psychosocial stress."),
                ("", "Empathy for pain as a specific subgroup of empathy was assessed via pain intensity ratings during "
                     "a pain-picture task."),
                ("", "Stressed individuals scored significantly lower on the appraisal of pain pictures."))
    intervention = "acute psychosocial stress (Trier Social Stress Test)"
    assert effect(a, intervention) == "not_reported"


def test_a_study_the_design_reader_calls_other_keeps_a_benefit_its_arm_names() -> None:
    # pool dev PMC4928147 (gold improved; the design reader says 'other'): the result names the arm, scenario B.
    a = article("Manipulating the Placebo Response in Experimental Pain by Altering Doctor's Performance Style",
                ("METHODS", "The actor alternated between two distinct scripts and stage directions, i.e., performance "
                            "styles created by a theater director/playwright, one emulating a standard doctor–patient "
                            "encounter (scenario A) and the other emphasizing attentiveness and strong suggestion, "
                            "elements also present in ritual healing (scenario B)."),
                ("RESULTS", "Furthermore, scenario B resulted in a significant increase in pain threshold relative to "
                            "scenario A."))
    intervention = "doctor performance style emphasising attentiveness and suggestion (scenario B) with placebo cream"
    assert [f.value for f in extract_findings(a, intervention) if f.field == "design"] == ["other"]
    assert effect(a, intervention) == "improved"
