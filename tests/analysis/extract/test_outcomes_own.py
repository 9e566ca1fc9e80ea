"""Generic outcome words that name a pain outcome only where the abstract's own outcome is pain
(analysis/extract/outcomes.py), on MEDLINE sample and dev text."""

from __future__ import annotations

from ketamine_evidence.analysis.extract.outcomes import is_pain_outcome, outcome_abbreviations

# MEDLINE sample 26700703 (bladder cancer), pool dev PMC5730627 (ADHD), chronic dev PMC4112748 (migraine).
BLADDER = "The bladder recurrence and salvage cystectomy rates of the complete and the near-complete responders were similar."
CGI = ("Secondary endpoints included improvement on the dichotomized Clinical Global Impressions–Improvement scale (CGI-I; "
       "key secondary endpoint) and changes from baseline on the ADHD-RS-IV scale.")
MIGRAINE = ("Efficacy and pharmacokinetic activity of frovatriptan compared to rizatriptan in patients with "
            "moderate-to-severe migraine. The proportion of patients who were pain-free at 4 hours without rescue "
            "medication was higher in the frovatriptan-treated group. The cumulative hazard of recurrence over 72 h was "
            "reduced by frovatriptan compared to rizatriptan-treated patients (log-rank test, P=0.04).")


def test_a_tumours_recurrence_and_an_adhd_global_impression_are_no_pain_outcomes() -> None:
    """Before, bare 'recurrence' and 'global impression' were pain words wherever they stood."""
    assert not is_pain_outcome(BLADDER)
    assert not is_pain_outcome(CGI)
    assert is_pain_outcome("Headache recurrence within 24 h was lower with X.")
    assert is_pain_outcome("recurrence of pain at 24 h")


def test_a_headache_trials_bare_recurrence_is_its_own_pain_outcome() -> None:
    terms = outcome_abbreviations(MIGRAINE)[0]
    assert terms is not None and terms.search("The cumulative hazard of recurrence over 72 h")
    assert outcome_abbreviations(BLADDER) == (None, None)


def test_generic_efficacy_words_join_an_abstract_whose_outcome_is_pain() -> None:
    """Pool dev PMC5135478: 'Both Patient and Physician Global Evaluation of Study Medication scores were better in the
    PAR/VAL group' in an abstract whose outcome is pain; not in the ADHD abstract."""
    text = ("Pain scores were reduced in the PAR/VAL group (n=98), relative to placebo (n=97), on Day 2 (−21%, P<0.001) and "
            "Day 3 (−23%, P=0.004). Both Patient and Physician Global Evaluation of Study Medication scores were better "
            "in the PAR/VAL group than in the placebo group.")
    terms, higher = outcome_abbreviations(text)
    assert terms is not None and terms.search("Physician Global Evaluation") and higher is not None
    assert outcome_abbreviations(CGI) == (None, None)
