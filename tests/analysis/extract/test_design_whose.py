"""Whose randomisation a sentence states (``design_whose``): random sampling and other studies' randomised trials are
no allocation of this study; a plural given this study's own people stays its own. Sentences are from dev records."""

from __future__ import annotations

import pytest

from ketamine_evidence.analysis.extract import design, make_context
from ketamine_evidence.analysis.extract.design_patterns import TRIAL
from ketamine_evidence.analysis.extract.design_whose import own_randomisation, without_others
from ketamine_evidence.analysis.records import Article, Section

KETAMINE_OWN_PLURAL = ("In double-blind, randomized clinical trials, 80 adult male patients undergoing an operation for "
                       "acute appendicitis were studied.")  # ketamine dev PMC3172326


@pytest.mark.parametrize("sentence, own", [
    # allocation, in any voice: kept
    ("Eighty sedentary women with FM (ACR 1990) were randomly selected to participate in STRE or flexibility (FLEX) "
     "exercises in a blinded controlled trial.", True),  # chronic PMC3961245
    ("Twenty-one patients were randomly selected to receive either a type A or type B stent; for the remaining five, "
     "type C was used.", True),  # batch 6 PMC2713840
    ("40 patients undergoing elective upper limb with America Society of Anesthesiologists class I and II were "
     "selected and randomly divided into two groups", True),  # batch 4 PMC5771358
    ("In this randomized cross-over clinical trial, 17 uncooperative children requiring at least two dental treatments "
     "were selected and randomly received ketamine (0.5mg/kg) or midazolam (0.2mg/kg) prior to treatment.", True),
    (KETAMINE_OWN_PLURAL, True),  # the plural with this study's own people
    # random sampling: not an allocation
    ("Participants were randomly selected from the intervention arm of the study.", False),  # batch 6 PMC4583759
    ("Subjects completed a recently developed automated test for creativity, the creative foraging game (CFG), and a "
     "randomly chosen subset (n = 57) also completed two manual standardized creativity tests.", False),  # pool dev PMC5593173
    # other studies' randomised trials: not this study's
    ("Evidence-based management of potential aggravating factors in subjects with active RA could be of clinical "
     "importance, yet there are few randomized controlled trials on the effect of periodontal treatment on the "
     "clinical parameters of RA.", False),  # pool dev PMC3751435
    ("Few published RCTs exist and they have shown positive results for nurse-led care.", False),  # batch 7 PMC3629570
    ("Randomised controlled trials comparing treatment interventions have failed to indicate the best therapeutic "
     "practices for these fractures.", False),  # batch 7 PMC4855803
])
def test_own_randomisation(sentence: str, own: bool) -> None:
    assert own_randomisation(sentence) is own


def test_other_studies_trials_are_no_trial_wording() -> None:
    assert TRIAL.search(without_others("According to the current literature there is very limited evidence from two "
                                       "small trials regarding the effectiveness of different methods.")) is None  # batch 7 PMC4855803
    assert TRIAL.search(without_others("This clinical trial study conducted on 90 patients were selected and randomly "
                                       "divided into two groups.")) is not None  # pool dev PMC5434674
    assert TRIAL.search(without_others(KETAMINE_OWN_PLURAL)) is not None


def _design(title: str, *parts: tuple[str | None, str]) -> str:
    article = Article(pmid="1", pmcid=None, doi=None, title=title,
                      abstract=[Section(label, label.upper() if label else None, text) for label, text in parts],
                      publication_types=[])
    [finding] = design.extract(make_context(article))
    return finding.value


COMPARATIVE = ("Retroperitoneal laparoscopic pyelolithotomy in renal pelvic stone versus open surgery - a comparative "
               "study")  # pool dev PMC5808274
OWN = ("This prospective study was conducted on renal pelvic stone cases from January 2009 to February 2016 in "
       "Suchkhand Hospital, Agra, India.")  # pool dev PMC5808274
BACKGROUND = ("Randomised controlled trials comparing treatment interventions have failed to indicate the best "
              "therapeutic practices for these fractures.")  # batch 7 PMC4855803
SUBSET = ("Subjects completed a recently developed automated test for creativity, the creative foraging game (CFG), and a "
          "randomly chosen subset (n = 57) also completed two manual standardized creativity tests.")  # pool dev PMC5593173
SAMPLE = "Participants were randomly selected from the intervention arm of the study."  # batch 6 PMC4583759


def test_other_trials_and_random_sampling_do_not_make_this_study_a_trial() -> None:
    assert _design(COMPARATIVE, (None, OWN)) == "prospective_observational"
    assert _design(COMPARATIVE, (None, f"{BACKGROUND} {OWN}")) == "prospective_observational"
    assert _design(COMPARATIVE, (None, f"{OWN} {SAMPLE}")) == "prospective_observational"


def test_own_plural_trials_stay_rct() -> None:
    """PMC3172326 states its randomisation only in the plural once its 'randomly assigned' sentence is left out."""
    title = "Preemptive Use of Ketamine on Post Operative Pain of Appendectomy"
    methods = (f"{KETAMINE_OWN_PLURAL} In the operating room, patients in the ketamine group received 0.5 mg/kg of "
               "ketamine IV 10 minutes before the surgical incision. In the control group, 0.5 mg/kg of normal saline "
               "was injected.")
    assert _design(title, ("Methods", methods)) == "rct"


# Rules l and m read the study's own words: groups formed by a trait (batch 4 22506235, gold 'other') and a comparative
# series with no assignment (batch 7 27375691, gold retrospective_observational) keep their design beside others' trials.
TRAIT_GROUPS = ("Sixty patients with back pain were divided into 3 groups consisting of 1) 23 adults with acute axial "
                "severe LBP who could not sit up or stand up for several days, but had not experienced previous "
                "back-related diseases or trauma (group A), 2) 19 adults who had been involved in a minor traffic "
                "accident, and had mild symptoms but not limited mobility (group B), and 3) 18 adults with LBP with "
                "radicular pain (group C)., Various MRI findings were assessed among the above 3 groups and compared as "
                "follows: disc herniation (protrusion, extrusion), lumbar disc degeneration (LDD), annular tear, high "
                "intensity zone (HIZ), and endplate changes.")
SERIES = ("A series of 42 patients presenting with obstructive pyelonephritis due to proximal ureteral stones larger than "
          "1.5 cm were included from April 2006 to February 2015 in this comparative study. After drainage of "
          "pyonephrosis and resolution of sepsis, 22 patients treated with TPLU (Group I), and 20 patients were treated "
          "with F-URS (Group II).")


@pytest.mark.parametrize("title, objective, methods, gold", [
    ("Magnetic Resonance Findings of Acute Severe Lower Back Pain",
     "To determine abnormal MRI findings in adults hospitalized with acute severe axial LBP.", TRAIT_GROUPS, "other"),
    ("Flexible ureteroscopy versus laparoscopy for the treatment of patients who initially presented with obstructive "
     "pyelonephritis", "To compare the safety and effectiveness of flexible ureteroscopy (F-URS) with transperitoneal "
     "laparoscopic ureterolithotomy (TPLU) in cases of obstructive pyelonephritis secondary to large proximal ureteral "
     "stones.", SERIES, "retrospective_observational"),
])
def test_rules_l_and_m_read_only_this_studys_words(title: str, objective: str, methods: str, gold: str) -> None:
    assert _design(title, ("Objective", objective), ("Methods", methods)) == gold
    assert _design(title, ("Objective", f"{BACKGROUND} {objective}"), ("Methods", methods)) == gold
    assert _design(title, ("Objective", objective), ("Methods", f"{methods} {SUBSET}")) == gold


@pytest.mark.parametrize("sentence", [
    # review10: allocations of this study that the round's readings blanked
    "Sixty patients with chronic pain were randomly selected and allocated into two groups: ketamine and placebo.",
    "Responders to an open-label ketamine infusion were further randomized to ketamine or placebo maintenance.",
    "The other randomized group received saline.",
    "In this large, multicentre randomized trial, ketamine was compared with midazolam in adults with depression.",
])
def test_own_allocation_after_a_sampling_or_other_word(sentence: str) -> None:
    assert own_randomisation(sentence)


def test_the_guard_skips_only_texts_no_pattern_can_match() -> None:
    """``without_others`` returns a text without 'random', 'rct' or 'trial' as it is, unread: the same as reading it,
    on the snapshot's sentences and on copies whose letters ``re.I`` equates with non-ASCII ones ('ſ', Kelvin 'K')."""
    from ketamine_evidence.analysis.extract import design_whose as d
    from ketamine_evidence.analysis.parse import iter_input
    from ketamine_evidence.analysis.parse.sentences import split_text
    from tests.conftest import PMC_KETAMINE

    texts = [s.text for a in iter_input(PMC_KETAMINE) for s in split_text(a.text)]
    texts += [t.upper() for t in texts] + ["Previous RANDOMIZED TRIALS showed benefit.", "Earlier Triaſ", "a Random sample"]
    texts += [t.replace("s", "\u017f").replace("k", "\u212a") for t in texts]
    assert sum(not d._may_name_trials(t) for t in texts) > len(texts) // 3
    assert [d.without_others(t) for t in texts] == [d._read_without_others(t) for t in texts]


@pytest.mark.parametrize("sentence, other", [
    # a randomised trial this study calls for: not its own design (MEDLINE sample 26702201)
    ("A large adequately powered multi-centered randomized controlled clinical trial is required to address the question "
     "on the efficacy of β-blocker usage in sepsis.", True),
    # this study's own randomised design, however it is worded (MEDLINE sample 26702205, 26702214, 26702206)
    ("This randomized double-blind study was conducted to evaluate the efficacy of adding clonidine to bupivacaine and "
     "bupivacaine-fentanyl combination.", False),
    ("In a prospective double-blind study, 40 chronic renal failure patients undergoing open renal transplant were "
     "randomly divided into two groups.", False),
    ("A prospective randomized double-blinded study was planned in a tertiary care hospital in North India in which 85 "
     "American Society of Anesthesiologists I and II patients undergoing ACL repair were enrolled.", False),
])
def test_a_called_for_trial_is_anothers(sentence: str, other: bool) -> None:
    assert own_randomisation(sentence) is not other


def test_a_trial_whose_design_the_paper_describes_is_its_own() -> None:
    """review11, round 11: batch 6 PMC4691781 (gold rct) says 'We describe the protocol of a single-centre randomised
    double-blind clinical trial'; written 'the design of', rule 3's call word 'design of' must not make it another's."""
    own = ("We describe the protocol of a single-centre randomised double-blind clinical trial aimed at assessing the "
           "efficacy of oral magnesium supplementation in controlling severe pain in patients with advanced PAOD.")
    assert own_randomisation(own)
    assert own_randomisation(own.replace("the protocol of", "the design of"))
    assert own_randomisation(own.replace("We describe the protocol of", "This paper presents the rationale for"))
    # the design of a trial to come stays another's (the rule-3 reading)
    assert not own_randomisation("These findings will inform the design of a single-centre randomised double-blind "
                                 "clinical trial.")


@pytest.mark.parametrize("sentence, own", [
    # dc12, round 12: what is randomised. A random order of what is measured (stimuli, tests, visits) allocates nothing
    ("Participants underwent a series of Quantitative Sensory Testing (QST) procedures assessing responses to mechanical "
     "and thermal stimuli during two separate visits, in a randomized order.", False),  # blind2 PMC5880517
    ("Painful stimulation was applied using gaseous ammonia and presented in a pseudo-randomized order with several "
     "control stimuli.", False),  # blind2 PMC4161265
    # ... a random order of what is given is a crossover's allocation (MEDLINE sample 26702387)
    ("Nine men (27.0 ± 3.3 years) completed two 16-week exercise programs (3 exercise sessions per week) of aerobic and "
     "resistance exercise separated by a minimum of 6 weeks in random order.", True),
    # random collection of a comparison group is a sample; random recruitment to groups is an allocation
    ("Among 1,029 patients who received appendectomy from January 2009 to May 2011, 38 patients with appendiceal "
     "diverticulitis (diverticulitis group) were compared with 98 randomly collected patients with acute appendicitis "
     "(appendicitis group) during the same period.", False),  # blind2 PMC3539107
    ("A total of 60 adult patients were randomly recruited to two groups of 30 each: Group I: 30 ml 0.25% "
     "bupivacaine.", True),  # batch 6 PMC4541185
])
def test_what_is_randomised(sentence: str, own: bool) -> None:
    assert own_randomisation(sentence) is own


def test_a_qualitative_study_nested_in_a_trial_is_other() -> None:
    """Rule m: the host trial's randomisation ('Patients randomized to receive ...') is not this study's design
    (blind2 PMC5516132, gold 'other')."""
    title = ("Physiotherapy for Patients with Sciatica Awaiting Lumbar Micro-discectomy Surgery: A Nested, Qualitative "
             "Study of Patients' Views and Experiences")
    design_ = ("A qualitative study nested within a pilot randomized controlled trial of bespoke physiotherapy for the "
               "treatment of patients with sciatica awaiting lumbar microdiscectomy surgery.")
    methods = ("Patients randomized to receive bespoke physiotherapy in the intervention arm of the trial were invited to "
               "take part in semi-structured interviews.")
    assert _design(title, ("Design", design_), ("Methods", methods)) == "other"
    # without the nested qualitative study, the randomisation is this study's own
    assert _design("Physiotherapy for Patients with Sciatica", ("Methods", methods)) == "rct"
