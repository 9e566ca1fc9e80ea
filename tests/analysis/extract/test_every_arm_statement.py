"""One result given to every arm at once (analysis/extract/arm_changes.py ``every_arm_statement``), on blind2 (dev
since round 12) text: such a sentence is no between-group result on pain."""

from __future__ import annotations

from ketamine_evidence.analysis.extract import extract_findings, make_context
from ketamine_evidence.analysis.extract.arm_changes import every_arm_statement, names_every_arm
from ketamine_evidence.analysis.extract.arms import article_arms
from ketamine_evidence.analysis.records import Article, Section

# blind2 PMC4018698 (gold no_difference): paravertebral against epidural infusion.
BLOCK_TITLE = ("Comparative Evaluation of Continuous Lumbar Paravertebral Versus Continuous Epidural Block for "
               "Post-Operative Pain Relief in Hip Surgeries")
BLOCK = "continuous lumbar paravertebral block (vs continuous epidural) after hip surgery"
BLOCK_METHODS = ("They were randomly divided into 2 groups of 30 patients. Group I (paravertebral group) received a single "
                 "dose of spinal anesthesia with 2.5 mL 0.5% bupivacaine (heavy) + a continuous infusion of 0.125% "
                 "bupivacaine at 5 mL/h in the paravertebral space. Group II (epidural group) received a single dose of "
                 "spinal anesthesia with 0.5% bupivacaine (heavy) + a continuous infusion of 0.125% bupivacaine at a rate "
                 "of 5 mL/hr in the epidural space for 48 hours in the postoperative period. Visual analogue scale (VAS) "
                 "score, vital statistics, rescue analgesia, and procedure time were compared.")
BLOCK_CONCLUSION = ("The results of our study indicate that for patients who are scheduled for hip surgery, both continuous "
                    "paravertebral and continuous epidural analgesia are effective in controlling postoperative pain but "
                    "that the former has several crucial advantages.")

# blind2 PMC3329148 (gold no_difference): two sequential regimens against triple therapy, three groups.
THERAPY_TITLE = ("Modified Sequential Therapy Regimen versus Conventional Triple Therapy for Helicobacter Pylori "
                 "Eradication in Duodenal Ulcer Patients in China: A Multicenter Clinical Comparative Study")
THERAPY = "10-day modified sequential therapy (vs standard triple therapy) for H. pylori in duodenal ulcer"
ALL_THREE = ("Symptoms improvement: all the three groups could improve the symptoms such as epigastric gnawing, burning "
             "pain, and acidity since the first day.")


def article(title: str, *parts: tuple[str, str]) -> Article:
    return Article(pmid="1", pmcid=None, doi=None, title=title, abstract=[Section(l, l, t) for l, t in parts])


def effect(a: Article, name: str) -> str | None:
    found = [f for f in extract_findings(a, name) if f.field == "pain_effect"]
    return found[0].value if found else None


def test_both_arms_effective_is_no_between_group_result() -> None:
    """'both continuous paravertebral and continuous epidural analgesia are effective in controlling postoperative
    pain': an efficacy given to both arms; before, it was read as the paravertebral arm's benefit (improved)."""
    a = article(BLOCK_TITLE, ("Patients and Methods", BLOCK_METHODS), ("Conclusions", BLOCK_CONCLUSION))
    assert effect(a, BLOCK) == "no_difference"
    arms = article_arms(make_context(a, BLOCK))
    first, advantage = BLOCK_CONCLUSION.split(" but that ")  # the clauses are read apart (``clause_split.clauses``)
    assert every_arm_statement(first, arms)
    assert not every_arm_statement(advantage, arms)


def test_a_comparison_or_one_arm_is_no_every_arm_statement() -> None:
    """The same arms compared ('than'), set apart ('differed') or one arm alone are not every arm's result."""
    a = article(BLOCK_TITLE, ("Patients and Methods", BLOCK_METHODS), ("Conclusions", BLOCK_CONCLUSION))
    arms = article_arms(make_context(a, BLOCK))
    for text in ("Continuous paravertebral analgesia was more effective in controlling postoperative pain than "
                 "continuous epidural analgesia.",
                 "Pain relief differed between both groups at 24 hours.",
                 "Continuous paravertebral analgesia was effective in controlling postoperative pain."):
        assert not every_arm_statement(text, arms), text


def test_all_groups_improving_is_no_arm_difference() -> None:
    """'all the three groups could improve the symptoms such as ... burning pain': every arm's change; before, it was
    read as a between-arm result (worse). Alone it gives no_difference (each arm improved, none more)."""
    a = article(THERAPY_TITLE, ("Results", ALL_THREE))
    assert effect(a, THERAPY) == "no_difference"
    arms = article_arms(make_context(a, THERAPY))
    assert every_arm_statement(ALL_THREE, arms)
    assert not every_arm_statement("Pain improved more among all the three groups in group A.", arms)


# blind2 PMC5504600 (gold no_difference): tapentadol against oxycodone/naloxone, non-inferior but not superior.
TAPENTADOL_TITLE = ("Combatting pain after orthopedic/trauma surgery- perioperative oral extended-release tapentadol vs. "
                    "extended-release oxycodone/naloxone")
TAPENTADOL = "perioperative oral extended-release tapentadol (vs extended-release oxycodone/naloxone)"
# Its results section, whole.
TAPENTADOL_RESULTS = ('Two hundred sixty-six trauma patients were randomized to receive either tapentadol (n = 133) or '
                      'oxycodone/naloxone (n = 133). Analgesic efficacy: Mean (±SD) daily pain levels in the first five post-operative '
                      'days were 2.8 ± 1.3 in both groups. Mean maximum pain intensity during exercise in the first 24 h after surgery '
                      'was 3.8 ± 1.9 (tapentadol) and 3.8 ± 2.1 (oxycodone/naloxone). Statistically tapentadol was non-inferior but not'
                      ' superior to oxycodone/naloxone. Safety: Vomiting on day 1 occurred in 11%, constipation in 35% of the '
                      'tapentadol patients and in 16% and 30% of the oxycodone/naloxone patients (p = 0.60 and 0.33), respectively. The'
                      ' incidence of sedation/ vertigo was <10%, that of somnolence <2% in both groups (p > 0.3, respectively). The sum'
                      ' score of side effect events was 51% in the tapentadol vs. 49% in the oxycodone/naloxone group; risk difference '
                      '3% [95% CI, −8 to 14%]; p = 0.6). Non-inferiority of tapentadol could not be concluded as the pre-defined non-'
                      'inferiority margin was exceeded.')
BOTH_CONCEPTS = ("With both concepts, mean maximum pain intensity during exercise within the first 24 h after "
                 "orthopedic/trauma surgery was reduced to a score of <4.")


def test_both_concepts_reducing_pain_is_every_arm() -> None:
    """'With both concepts, ... pain intensity ... was reduced': both arms' change, which with 'non-inferior but not
    superior' stays no_difference (before: read as the intervention's benefit beside the no difference -> mixed)."""
    a = article(TAPENTADOL_TITLE, ("Results", TAPENTADOL_RESULTS), ("Conclusions", BOTH_CONCEPTS))
    assert every_arm_statement(BOTH_CONCEPTS, article_arms(make_context(a, TAPENTADOL)))
    assert effect(a, TAPENTADOL) == "no_difference"


def test_or_both_names_the_combination_arm_not_every_arm() -> None:
    """rv12: 'A, B or both treatments' ends a list of alternatives with the arm given both combined (chronic dev
    PMC4613171, the MUSICIAN factorial trial's title); 'Both interventions reduced physical impairment' (batch 4
    PMC4828818) and 'in all the three groups' name every arm. Before, the title's 'both treatments' was read as every arm."""
    title = ("Patient-reported improvements in health are maintained 2 years after completing a short course of cognitive "
             "behaviour therapy, exercise or both treatments for chronic widespread pain: long-term results from the "
             "MUSICIAN randomised controlled trial")
    assert not names_every_arm(title)
    assert names_every_arm("Both interventions reduced physical impairment.")
    assert names_every_arm(ALL_THREE)
    # an unnamed qualifier names some arms only (batch 4 PMC4570668, a protocol with a sham arm)
    assert not names_every_arm("Treatment frequency will be three sessions/week for all active groups.")
