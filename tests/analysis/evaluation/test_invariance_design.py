"""Rewrites that add someone else's randomisation (``invariance_design``): where they put their sentence, and the
gold gate that keeps them to records whose gold design is not rct. Abstract parts are from dev records."""

from __future__ import annotations

from ketamine_evidence.analysis.evaluation.invariance import REWRITES
from ketamine_evidence.analysis.evaluation.invariance_design import (FUTURE_TRIAL_SENTENCES, GOLD_GATES,
                                                                     OTHER_TRIALS_SENTENCES, RANDOM_SAMPLING_SENTENCES,
                                                                     future_trial_call, other_trials_background,
                                                                     random_sampling)
from ketamine_evidence.analysis.extract.design_whose import own_randomisation
from ketamine_evidence.analysis.records import Article, Section

TITLE = "Preemptive Use of Ketamine on Post Operative Pain of Appendectomy"  # ketamine dev PMC3172326
BACKGROUND = ("Although early reviews of clinical findings were mostly negative, there is still a widespread belief for "
              "the efficacy of preemptive analgesia among clinicians.")
METHODS = "Patients were randomly assigned to two groups."


def _article(*sections: Section) -> Article:
    return Article(pmid="1", pmcid=None, doi=None, title=TITLE, abstract=list(sections), publication_types=[])


def test_other_trials_background_opens_the_first_part() -> None:
    article = _article(Section("Background", "BACKGROUND", BACKGROUND), Section("Methods", "METHODS", METHODS))
    new = other_trials_background(article)
    assert new is not None and new.abstract[1].text == METHODS
    sentence, rest = new.abstract[0].text[:-len(BACKGROUND) - 1], new.abstract[0].text[-len(BACKGROUND):]
    assert sentence in OTHER_TRIALS_SENTENCES and rest == BACKGROUND
    assert other_trials_background(_article()) is None


def test_random_sampling_closes_methods_or_follows_the_first_sentence() -> None:
    structured = random_sampling(_article(Section("Background", "BACKGROUND", BACKGROUND),
                                          Section("Methods", "METHODS", METHODS)))
    assert structured is not None and structured.abstract[0].text == BACKGROUND
    assert structured.abstract[1].text[len(METHODS) + 1:] in RANDOM_SAMPLING_SENTENCES
    plain = random_sampling(_article(Section(None, None, f"{BACKGROUND} {METHODS}")))
    assert plain is not None
    assert plain.abstract[0].text.startswith(BACKGROUND) and plain.abstract[0].text.endswith(f" {METHODS}")


def test_future_trial_call_ends_the_last_part() -> None:
    new = future_trial_call(_article(Section("Background", "BACKGROUND", BACKGROUND), Section("Methods", "METHODS",
                                                                                             METHODS)))
    assert new is not None and new.abstract[0].text == BACKGROUND
    assert new.abstract[1].text.startswith(f"{METHODS} ") and new.abstract[1].text[len(METHODS) + 1:] in FUTURE_TRIAL_SENTENCES
    assert future_trial_call(_article()) is None


def test_templates_state_no_allocation_of_this_study() -> None:
    for sentence in OTHER_TRIALS_SENTENCES + RANDOM_SAMPLING_SENTENCES + FUTURE_TRIAL_SENTENCES:
        assert not own_randomisation(sentence), sentence


def test_gate_and_registration() -> None:
    assert {"other_trials_background", "random_sampling", "future_trial_call"} <= set(REWRITES)
    gate = GOLD_GATES["other_trials_background"]
    assert gate({"design": "retrospective_observational"}) and not gate({"design": "rct"}) and not gate({})
