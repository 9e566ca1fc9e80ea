"""The sentence-level direction classifier shared by pain_effect, durations and the Evidence Inference evaluation."""

from __future__ import annotations

import pytest

from ketamine_evidence.analysis.extract import direction, extract_findings, make_context
from ketamine_evidence.analysis.extract.clause_split import clauses
from ketamine_evidence.analysis.extract.significance import _significance
from ketamine_evidence.analysis.records import Article, Section


def article(title: str, *parts: tuple[str, str]) -> Article:
    return Article(pmid="1", pmcid=None, doi=None, title=title,
                   abstract=[Section(label, label, text) for label, text in parts])


@pytest.mark.parametrize("clause, expected", [
    ("pain scores were significantly lower in the ketamine group than in the placebo group", "down"),
    ("pain scores were significantly lower in the placebo group than in the ketamine group", "up"),
    ("there was no significant difference in pain scores", "none"),
    ("ketamine was superior to placebo", "better"),
    ("ketamine showed significantly more reduction in pain than placebo", "better"),
    ("mean pain (whichever was higher) was significantly lower with ketamine", "down"),
])
def test_sentence_direction(clause: str, expected: str) -> None:
    ctx = make_context(article("t", ("RESULTS", clause)), "ketamine")
    arms = direction.article_arms(ctx)
    assert direction.sentence_direction(clause, arms) == expected


def test_outcome_polarity() -> None:
    assert direction.outcome_polarity("time to first analgesic request") == "higher_better"
    assert direction.outcome_polarity("morphine consumption") == "lower_better"
    assert direction.outcome_polarity("heart rate") is None


def test_clauses_split_at_contrasts_but_not_inside_brackets() -> None:
    text = ("While ketamine alone did not change the pain threshold (P = 0.32; ANOVA), when it was added to "
            "fentanyl the threshold rose more than with fentanyl alone (P < 0.01).")
    parts = clauses(text)
    assert parts[0].endswith("(P = 0.32; ANOVA)")
    assert parts[1].startswith("when it was added")


def test_local_polarity_reads_the_outcome_the_direction_word_governs() -> None:
    arms = direction.arms_for("ketamine", direction.re.compile("ketamine"))
    clause = "ketamine showed a significant reduction in migraine days and a higher proportion of responders"
    word, position = direction.direction_at(clause)
    assert word == "down"
    assert direction.local_polarity(clause, position, arms) == "lower_better"


@pytest.mark.parametrize("clause, expected", [
    ("pain decreased by 28.3% and 8.3% in the ketamine and placebo groups, respectively", "better"),
    ("pain decreased by 8.3% and 28.3% in the ketamine and placebo groups, respectively", "worse"),
    ("VAS scores were 2.1 and 4.5 in the placebo and ketamine groups, respectively (P<0.01)", "up"),
    ("VAS scores were 2.1 and 4.5 in the ketamine and placebo groups, respectively (P<0.01)", "down"),
    ("pain decreased by 28.3% and 8.3% in the first and second week, respectively", None),  # no arms
    ("pain was lower in the ketamine group (P<0.01)", None),  # no 'respectively'
    # The ASCII pre-check reads any case; outside ASCII the pattern itself decides ('\u00b1' below).
    ("VAS scores were 2.1 and 4.5 in the ketamine and placebo groups, Respectively (P<0.01)", "down"),
    ("VAS scores were 2.1 \u00b1 0.3 and 4.5 \u00b1 0.2 in the ketamine and placebo groups, respectively", "down"),
])
def test_respective_direction(clause: str, expected: str | None) -> None:
    ctx = make_context(article("t", ("RESULTS", clause)), "ketamine")
    assert direction.respective_direction(clause, direction.article_arms(ctx)) == expected


def test_treated_side_is_the_intervention_arm() -> None:
    ctx = make_context(article("t", ("RESULTS", "x")), "cryotherapy")
    arms = direction.article_arms(ctx)
    assert arms.is_intervention("on the treated side")
    assert not arms.is_intervention("on the untreated side")
    assert arms.is_comparator("the control side")


@pytest.mark.parametrize("clause, expected", [
    ("celecoxib did not have a statistically superior analgesic effect compared with placebo (P = 0.069)", "none"),
    ("there was no statistically significant reduction in pain with ketamine", "none"),
    ("pain was statistically significantly lower with ketamine (P = 0.01)", "down"),
])
def test_negated_significance(clause: str, expected: str) -> None:
    assert direction.raw_direction(clause) == expected


def test_both_arms_named_after_the_word_first_named_is_the_subject() -> None:
    a = article("t", ("METHODS", "Group K received ketamine and group C received saline."))
    arms = direction.article_arms(make_context(a, "ketamine"))
    # no arm before 'more': the first arm after it is the subject
    assert direction.orientation("significantly more patients in group C needed rescue analgesia (group C 60%, "
                                 "group K 20%)", arms) == -1
    assert direction.orientation("significantly more patients in group K needed rescue analgesia (group K 20%, "
                                 "group C 60%)", arms) == 1
    # an arm before the word is the subject, whatever follows
    assert direction.orientation("pain in group K was significantly lower in group C", arms) == 1


def test_listed_complications_are_not_findings() -> None:
    s = ("Potential complications, if any, during intubation, included decreased SpO2, bleeding and postoperative "
         "pharyngeal pain.")
    assert direction.NON_FINDING.search(s)
    assert not direction.NON_FINDING.search("Postoperative pharyngeal pain was significantly decreased with ketamine.")


@pytest.mark.parametrize("clause, expected", [
    ("there were no significant between-group differences in pain intensity at 8 weeks", "none"),
    ("no statistically significant group differences in pain were found", "none"),
    ("pain relief with acupuncture was statistically indistinguishable from sham", "none"),
])
def test_more_no_difference_wordings(clause: str, expected: str) -> None:
    assert direction.raw_direction(clause) == expected


def test_confidence_interval_gives_significance() -> None:
    assert _significance("difference -1.1; 95% CI -1.8 to -0.4") == "sig"
    assert _significance("difference -0.3 (95% CI, -0.9 to 0.4)") == "ns"
    assert _significance("odds ratio 2.1 (95% CI 0.8 to 3.4)") == "ns"  # a ratio's CI is judged against 1
    assert _significance("odds ratio 2.1 (95% CI 1.3 to 3.4)") == "sig"  # (round 14; it was left unread)
    a = article("Duloxetine", ("RESULTS", "The mean reduction in pain was 2.1 points with duloxetine and 1.0 with "
                                          "placebo (difference -1.1; 95% CI -1.8 to -0.4)."))
    found = [f for f in extract_findings(a, "duloxetine")
             if f.field == "pain_effect"]
    assert found and found[0].value == "improved"


def test_subgroup_comparisons_and_thresholds_are_not_arm_directions() -> None:
    # PMID 15631624 (pool dev): a comparison between the sexes within the duloxetine arm.
    arms = direction.arms_for("duloxetine versus placebo", direction.re.compile("duloxetine", direction.re.I))
    text = ("When analyzed by gender, the magnitude of improvement in efficacy outcomes did not differ significantly "
            "between duloxetine-treated male and female melancholic patients.")
    assert direction.SUBGROUPS.search(text)
    # PMID 26530039 (pool dev): 'greater than or equal to the MCID' defines responders; it is no direction.
    nnt = ("The numbers needed to treat for patients to report changes greater than or equal to the minimum "
           "clinically important difference in PtGA, Pain, HAQ-DI ranged between 4.0-6.1 (5 mg BID).")
    assert direction.raw_direction(nnt) is None
    # PMID 29416451 (pool dev): '..., with no significant increase in complications' is a clause of its own.
    combined = ("The combined IV sedation and local periprostatic nerve block are efficient in controlling and "
                "limiting pain better than employing each technique alone with no significant increase in "
                "complications incidence.")
    assert len(clauses(combined)) == 2
    assert [v.verdict for v in direction.clause_verdicts(combined, arms)] in ([], ["better"])


def test_delayed_pain_onset_is_better_and_both_interventions_is_within() -> None:
    # PMID 27034673 (pool dev): delaying the manifestation of pain is a benefit.
    assert direction.outcome_polarity("pain manifestation was significantly delayed") == "higher_better"
    # PMID 28904545 (pool dev): both arms improved; that is a change within groups, not a difference.
    assert direction.WITHIN.search("both interventions resulted in a significant reduction of the pain scores")


def test_a_leading_participial_phrase_is_its_own_clause() -> None:
    # PMID 22559856 (pool dev): 'reducing the transmission' is the mechanism; the finding is the reduction in pain.
    text = ("Changing the smooth muscle tone and reducing the transmission of afferent sensory pathways, lidocaine "
            "causes a significant reduction in pain.")
    assert clauses(text)[0].startswith("Changing") and len(clauses(text)) == 2
    arms = direction.arms_for(text, direction.re.compile("lidocaine"))
    assert [v.verdict for v in direction.clause_verdicts(text, arms)] == ["better"]


def test_analgesia_as_a_treatment_prolonged_reduction_and_any_difference() -> None:
    # PMID 23869185 (pool dev): remifentanil 'as intraoperative analgesia' names the treatment, not an outcome.
    assert not direction.is_pain_outcome("Use of high-dose remifentanil as intraoperative analgesia during elective "
                                         "gastrectomy reduced postoperative insulin resistance")
    assert not direction.is_pain_outcome("Thoracic epidural analgesia reduces myocardial injury")
    # PMID 22570563 (pool dev): a prolonged reduction of pain is a benefit.
    assert direction.raw_direction("a useful option for prolonged reduction of postsurgical pain") == "better"
    # PMID 25885080 (pool dev): 'did not make any significant difference'.
    assert direction.raw_direction("the RCF group did not make any significant difference (P>0.05) in the "
                                   "analgesic properties") == "none"


def test_when_compared_with_baseline_is_a_change_from_baseline() -> None:
    # PMC5498096 (pool batch 5, dev).
    from ketamine_evidence.analysis.extract.comparisons import _is_between
    assert not _is_between("Within-group comparison indicated that PI and FD at the 4th and 8th week were "
                           "significantly reduced (P<0.001) when compared with baseline in all the three groups.")
    assert _is_between("pain was significantly lower when compared with the placebo group")


def test_a_superlative_is_a_direction_but_not_a_subset_of_patients() -> None:
    # PMC5426394 (pool batch 5, dev) and PMC4266769 (pool dev): 'The lowest pain score ... was obtained for
    # oxymetazoline+lidocaine' is lower; '8 patients with the lowest pain scores did not use ...' names patients.
    assert direction.raw_direction("The lowest pain score related to endoscopy was obtained for "
                                   "oxymetazoline+lidocaine (P<0.001).") == "down"
    assert direction.raw_direction("Despite clear instructions, 8 patients with the lowest pain scores did not use "
                                   "any of the prescribed pain medication.") is None


@pytest.mark.parametrize("clause, expected", [
    # batch 6 PMC5667629: more improvement of a list of outcomes (VAS among them) is better, not more pain
    ("The improvements in FEV1, VAS, and ODI were significantly greater in the experimental group than in the "
     "control group (P<0.01).", "better"),
    # pool dev PMC4450164: a list in which no change is said to be greater keeps its own direction word
    ("However, a higher incidence of catheter related urinary symptoms and flank pain was reported among those with "
     "internal stent.", "up"),
    # batch 6 PMC2899760: a rating scale's category ('much better or better') compares no arms
    # batch 6 PMC3276927: 'aggravating factors' is an outcome's name; the direction is the reduction
    ("The pre and post interventional data were compared statistically and found significant reduction of symptoms "
     "with P≤0.001 in pain, frequency of occurrence and aggravating factors.", "down"),
    ("The patients' global assessments of their neck and arm symptoms 2 years postoperatively for the TM group were "
     "rated as 79% much better or better after fusion with TM and 75% using autograft.", None),
])
def test_greater_improvement_of_a_list_of_outcomes(clause: str, expected: str) -> None:
    assert direction.raw_direction(clause) == expected


def test_a_change_no_arm_is_credited_with_is_within_group() -> None:
    """Batch 4 PMC4821226: the decrease 'was observed' in both arms; the arms did not differ (add-on design)."""
    a = article("Core Decompression and Autologous Bone Marrow Concentrate for Treatment of Femoral Head Osteonecrosis",
                ("", "Postoperatively, significant decrease in pain associated with a functional benefit lasting was "
                     "observed."),
                ("", "However, there was no difference in the clinical outcome between the two study groups."))
    ctx = make_context(a, "autologous bone marrow concentrate injection added to core decompression")
    arms = direction.article_arms(ctx)
    verdicts = direction.clause_verdicts(a.abstract[0].text, arms, results=True)
    assert [v.verdict for v in verdicts] == ["within"]


def test_use_of_epidural_analgesia_is_analgesic_use() -> None:
    """Batch 6 PMC2759981: the epidural rate in labour is how much analgesia was used (less is better); epidural
    analgesia named as a treatment is still no outcome."""
    assert direction.is_pain_outcome("The epidural rate was 52% in both groups.")
    assert direction.outcome_polarity("did not decrease the use of epidural analgesia during labour") == "lower_better"
    assert not direction.is_pain_outcome("Patients received thoracic epidural analgesia with bupivacaine.")


@pytest.mark.parametrize("sentence", [
    # batch 5 PMC5742644 (fMRI of pain habituation): a relation to pain intensity, not a difference between arms
    "More precisely, in the placebo condition, activity in left postcentral gyrus and midcingulate cortex increased "
    "linearly with pain intensity only in the beginning of the experiment and subsequently habituated.",
    "In contrast, when the dopaminergic system was blocked by haloperidol, a linear increase with pain intensity was "
    "present throughout the entire experiment.",
])
def test_a_linear_relation_with_pain_is_no_comparison(sentence: str) -> None:
    assert direction.NOT_COMPARISON.search(sentence)


@pytest.mark.parametrize("sentence", [
    # pool dev PMC5732563
    "Upon the participant\u2019s request for epidural analgesia, the study group was revealed to an anesthesiologist "
    "trained in the research protocol.",
    # batch 6 PMC2759981
    "We found no statistically significant differences between the groups in rates of epidural analgesia, "
    "satisfaction with the childbirth experience or parental stress at 3 months postpartum.",
])
def test_every_wording_of_epidural_use_is_analgesic_use(sentence: str) -> None:
    """'request for / rates of epidural analgesia' are uses of analgesia (less is better), as 'use of' is: the
    'analgesia' of a higher-better outcome never follows 'epidural'."""
    assert direction.is_pain_outcome(sentence)
    assert direction.outcome_polarity(sentence) == "lower_better"


@pytest.mark.parametrize("clause", [
    # batch 5 PMC2837810 / pool dev PMC5808274: a lone 'slightly / much better' is a comparison, not a scale's answer
    "Regardless of high rates of structural failure of the partial rotator cuff repair, the results of arthroscopic "
    "partial rotator cuff repair demonstrated slightly better functional outcome than debridement.",
    "The cosmetic result was again much better than the group B.",
])
def test_a_degree_word_before_better_keeps_the_comparison(clause: str) -> None:
    assert direction.raw_direction(clause) == "better"


@pytest.mark.parametrize("clause", [
    # pool batch 4 PMC1142309
    "In that trial, however, informing the ED physician of the PRIME-MD results did not increase the frequency of "
    "psychiatric diagnosis, consultation or referral.",
    # Evidence Inference article (magnesium sulfate)
    "the perioperative intravenous administration of MgSO4 did not increase cerebrospinal fluid magnesium concentration",
])
def test_a_negated_increase_is_no_difference(clause: str) -> None:
    assert direction.raw_direction(clause) == "none"  # 'did not increase' was read as an increase


@pytest.mark.parametrize("sentence, exception", [
    # pool dev PMC4118506
    ("Overall, fentanyl and placebo group were not statistically different with median discomfort score except at T10 "
     "(P = 0.047).", "except at T10 (P = 0.047)."),
    # Evidence Inference prompt 13438
    ("The CR rate of Group P2.5 was significantly lower than that of Group P+D at all time intervals, except for 4–72 h, "
     "and that of Group P7.5 at 24–72 h (Table 3).", "except for 4–72 h, and that of Group P7.5 at 24–72 h (Table 3)."),
])
def test_an_except_clause_is_a_clause_of_its_own(sentence: str, exception: str) -> None:
    assert clauses(sentence)[-1] == exception


def test_a_change_in_one_arm_but_not_in_the_other_is_no_absence_of_difference() -> None:
    # pool dev PMC5738810: '..., but not in the control group' is the control's lack of change, not 'no difference'
    ctx = make_context(article(
        "A randomized, double-blind, prospective, placebo-controlled study of the efficacy of a diet supplemented with "
        "curcuminoids extract, hydrolyzed collagen and green tea extract in owner’s dogs with osteoarthritis",
        ("BACKGROUND", "We have previously demonstrated that a mixture of Curcuminoids extract, hydrolyzed COllagen and "
                       "green Tea extract (CCOT) inhibited inflammatory and catabolic mediator’s synthesis by bovine and "
                       "human chondrocytes."),
        ("RESULTS", "After 3 months of feeding, there was a significant reduction of pain at manipulation in the CCOT "
                    "group, but not in the control group.")), "CCOT")
    sentence = ctx.sentences[-1].text
    assert [v.verdict for v in direction.clause_verdicts(sentence, direction.article_arms(ctx))] == ["better"]


def test_no_statistical_difference_is_no_difference() -> None:
    # pool dev PMC5738810
    assert direction.raw_direction("No statistical difference was found for pain interference") == "none"


def test_a_comparison_with_preoperative_values_is_a_change_over_time() -> None:
    # pool batch 5 PMC2837810: the reference is the patients' own preoperative values, not another arm
    sentence = ("Regardless of the treatment group, postoperative results demonstrated highly significant improvements "
                "compared with preoperative values in most parameters.")
    assert not direction._is_between(sentence)
    assert direction.WITHIN.search(sentence)


@pytest.mark.parametrize("sentence", [
    "Booklet information alone was cost-effective in comparison to natural course of mild LBP.",  # b4 PMC4828818
    # chronic dev PMC4907437
    "There was some evidence that the intervention may be cost-effective based on a modest difference in QALYs between groups.",
])
def test_cost_effectiveness_is_no_effect_on_pain(sentence: str) -> None:
    assert direction.raw_direction(sentence) is None


def test_an_arm_defined_as_placebo_is_the_placebo_when_named_by_its_label() -> None:
    # pool batch 4 PMC3640161: group RH 'received a placebo and 0.3 µg/kg/min remifentanil'
    ctx = make_context(article(
        "Antihyperalgesic effects of dexmedetomidine on high-dose remifentanil-induced hyperalgesia",
        ("METHODS", "Ninety American Society of Anesthesiologists physical status I-II patients undergoing "
                    "laparoscopically assisted vaginal hysterectomy (LAVH) were randomly assigned to one of the following "
                    "three groups, each of which received either dexmedetomidine (an initial dose of 1.0 µg/kg for 10 min, "
                    "followed by a continuous infusion of 0.7 µg/kg/hr) or placebo saline 15 min before the induction of "
                    "anesthesia and intraoperative remifentanil infusion: group C received a placebo and 0.05 µg/kg/min "
                    "remifentanil; group RH received a placebo and 0.3 µg/kg/min remifentanil; and group DRH received "
                    "dexmedetomidine and 0.3 µg/kg/min remifentanil."),
        ("RESULTS", "Postoperative pain intensity using visual analog scale (VAS) and cumulative volume of a "
                    "patient-controlled analgesia (PCA) containing morphine over 24 hr were significantly greater in group "
                    "RH than in group DRH.")), "dexmedetomidine")
    verdicts = direction.clause_verdicts(ctx.sentences[-1].text, direction.article_arms(ctx))
    assert [(v.verdict, v.vs_placebo, v.vs_active) for v in verdicts] == [("better", True, False)]


def test_the_threshold_pre_check_holds_back_no_text_the_threshold_pattern_matches(sentences: list[str]) -> None:
    """``THRESHOLD`` (no shared key gate: it also matches '≥' alone) is run only where ``may_hold`` finds one of its
    literals: no snapshot or chronic dev sentence (PMC4307364, PMC2644667, PMC3626857) it matches is held back."""
    from ketamine_evidence.analysis.extract.comparisons import _THRESHOLD_KEYS, THRESHOLD, may_hold
    chronic = ["Secondary efficacy measures were monthly migraine intensity and \u2265 50% responder rate.",
               "200 patients with cancer pain (requiring \u2264 540 mg/d of oral morphine) participated in this trial.",
               "Chronic non-specific low back pain patients ... with pain of at lea\u017ft 3 months duration"]  # a long s
    texts = sentences + chronic + [t.upper() for t in sentences + chronic]
    held = [t for t in texts if not may_hold(t, _THRESHOLD_KEYS)]
    assert not [t for t in held if THRESHOLD.search(t)]
    assert len(held) > len(texts) // 4 and sum(bool(THRESHOLD.search(t)) for t in texts) >= 4


def test_outperformed_and_impaired_are_direction_words() -> None:
    assert direction.raw_direction("Dot mapping outperformed colour mapping in the ‘dataset co-registration’ domain "
                                   "(median score 24.5 vs. 10, P < 0.05).") == "better"
    assert direction.raw_direction("The post hoc tests showed that MDMA significantly impaired the recognition of fearful "
                                   "faces compared with placebo (p < 0.001)") == "worse"


def test_plural_nouns_of_a_change_are_direction_words() -> None:
    assert direction.raw_direction("Participants randomized to lisinopril vs. L-placebo had significant declines in "
                                   "diastolic BP (−3.3 mmHg, p = 0.05)") == "down"
    assert direction.raw_direction("subjects in the rhGH treatment group had significant reductions in BMI standard "
                                   "deviation scores (SDS) compared with controls") == "down"


def test_a_no_difference_clause_about_something_else_is_its_own_outcome() -> None:
    # pool batch 5 PMC5493377 (dev): the clause is about the pain outcome before it
    text = ("Pain reduced in both groups following treatment (AT+EX: p<0.001, partial η2 = 0.55; ST+EX: p = 0.026, partial "
            "η2 = 0.18) but no between-group differences were observed (p = 0.18, partial η2 = 0.08).")
    arms = direction.arms_for(text, direction.re.compile("AT\\+EX"))
    assert not direction.other_subject(clauses(text)[-1], arms)
    # EI-read 12670 / 12673: another outcome
    text = "SLED was accomplished with a significantly higher effective blood flow (P < 0.001), whereas ultrafiltration (UF) volume (P = 0.08),"
    arms = direction.arms_for(text, direction.re.compile("SLED"))
    assert direction.other_subject(clauses(text)[-1], arms)
    assert direction.other_subject("although the mean daily heparin dose did not differ (Table 2).", arms)


def test_more_reduced_is_a_larger_reduction() -> None:
    assert direction.raw_direction("HbA1c was more reduced in the metformin group (between-group difference −0.42% "
                                   "(95% CI −0.62% to −0.23%), p<0.001)),") == "better"


def test_a_benefit_only_in_a_subgroup_is_read_and_marked_as_confined() -> None:
    # batch 5 28839449 (an unlabelled abstract; additions rule ab): the treatment's benefit confined to one subgroup
    # is a result of the arms, which ``SUBGROUPS`` (comparisons between subgroups) had set aside
    title = ("Comparison of the 3 Different Injection Techniques Used in a Randomized Controlled Study Evaluating a "
             "Cross-Linked Sodium Hyaluronate Combined With Triamcinolone Hexacetonide (Cingal) for Osteoarthritis of "
             "the Knee: A Subgroup Analysis")
    text = ("A recent trial demonstrated that patients with knee osteoarthritis treated with a sodium hyaluronate and "
            "corticosteroid combination (Cingal) experienced greater pain reductions compared with those treated with "
            "sodium hyaluronate alone (Monovisc) or saline up to 3 weeks postinjection. In this study, injections were "
            "administered by 1 of 3 approaches; however, there is currently no consensus on which, if any, of these "
            "techniques produce a more favorable outcome. To provide additional insight on this topic, the results of "
            "the previous trial were reanalyzed to determine whether (1) the effect of Cingal was significant within "
            "each injection technique and (2) pain reductions were similar between injection techniques across all "
            "treatment groups. Greater pain reductions with Cingal up to 3 weeks were only significant in the "
            "anteromedial subgroup. Across all therapies, both the anteromedial and anterolateral techniques "
            "demonstrated significantly greater pain reductions than the lateral midpatellar approach at 18 and 26 "
            "weeks.")
    assert direction.ONLY_IN_SUBGROUP.search("were only significant in the anteromedial subgroup")
    article = Article(pmid="1", pmcid=None, doi=None, title=title, abstract=[Section(None, None, text)])
    found = [f for f in extract_findings(article, "intra-articular Cingal (sodium hyaluronate plus triamcinolone "
                                         "hexacetonide), by injection technique") if f.field == "pain_effect"]
    assert [f.value for f in found] == ["mixed"]
    assert found[0].detail["clause"].startswith("Greater pain reductions with Cingal")


def test_noted_in_says_what_occurred_and_measured_in_is_methods() -> None:
    # batch 5 results sentences (28663633, 24648875): 'were noted in' reports as 'were observed in' does
    assert not direction.NON_FINDING.search("No significant hemodynamic changes were noted in any of the groups.")
    assert not direction.NON_FINDING.search(
        "Statistically significant differences were noted in hospitalization for colic and analgesic requirement, which "
        "were less in group B than in group A.")
    # batch 4 26535390 (Methods): what was measured in whom
    assert direction.NON_FINDING.search(
        "Glenohumeral motion, humeral load, and subacromial contact pressure were measured in 6 fresh-frozen left "
        "shoulders during passive ABD from 60° to 100° using an automated robotic upper extremity testing system.")


def test_a_reporting_verb_names_no_outcome_of_its_own() -> None:
    # batch 5 28665989 under the cue_words rewrite ('were observed' -> 'were noted' -> 'were reported'): the clause's 'no
    # difference' is about the outcome before it, whichever verb reports it
    import re
    from ketamine_evidence.analysis.extract.arms import arms_for
    text = ("Pain reduced in both groups following treatment (AT+EX: p<0.001, partial η2 = 0.55; ST+EX: p = 0.026, "
            "partial η2 = 0.18) but no between-group differences were observed (p = 0.18, partial η2 = 0.08).")
    arms = arms_for(text, re.compile(r"AT\+EX"))
    for verb in ("observed", "noted", "reported"):
        assert not direction.other_subject(f"no between-group differences were {verb} (p = 0.18, partial η2 = 0.08).",
                                           arms)
    # batch 4 29034271: a clause that names its outcome has a subject of its own
    assert direction.other_subject("No significant difference was noted between the two groups in pain score and "
                                   "number of analgesics taken (p> 0.05).", arms)
