"""The learned sentence direction model: arm masking, its features, and the shipped weights (the pain reader's) on real evidence spans."""

from __future__ import annotations

import re

from ketamine_evidence.analysis.extract.arms import arms_for
from ketamine_evidence.analysis.extract.direction_model import CLASSES, combine, features, masked_tokens
from ketamine_evidence.analysis.extract.pain_reader import load_model

# PMC2876942 (pmc_ketamine): the groups are defined by letters, the result names them.
ABSTRACT = ("The patients were randomly assigned to receive either midazolam (Group M) or ketamine-midazolam "
            "(Group KM) as oral premedication. The time of hospital discharge allowance in group M was longer "
            "than in group KM (P < 0.05).")
RESULT = "The time of hospital discharge allowance in group M was longer than in group KM (P < 0.05)."


def test_arms_and_numbers_are_masked() -> None:
    arms = arms_for(ABSTRACT, re.compile(r"\bketamine\b", re.I))
    tokens = masked_tokens(RESULT, arms)
    assert "xcomp" in tokens and "xintv" in tokens and "0" in tokens
    assert tokens.index("xcomp") < tokens.index("than") < tokens.index("xintv")


def test_features_carry_the_rules_signals() -> None:
    arms = arms_for(ABSTRACT, re.compile(r"\bketamine\b", re.I))
    feats = features(RESULT, arms, None, "down")
    assert "raw:up" in feats and "orient:-1" in feats and "oriented:down" in feats  # longer in the comparator
    assert "sig:sig" in feats and "rule:down" in feats


def test_shipped_model_reads_the_oriented_direction() -> None:
    model = load_model()
    assert model is not None and model.classes == CLASSES
    arms = arms_for(ABSTRACT, re.compile(r"\bketamine\b", re.I))
    assert model.predict(RESULT, arms, None)[0] == "down"  # discharge time shorter with ketamine-midazolam
    no_diff = "The time of hospital discharge was comparable in group M and group KM (P = 0.41)."
    assert model.predict(no_diff, arms, None)[0] == "none"


# The same abstract's other result: no difference on another outcome.
NO_DIFFERENCE = "Time of eye opening after discontinuation of sevoflurane showed no significant differences between both groups."


def test_combined_reading_weighs_each_sentence_by_the_rankers_probability() -> None:
    model = load_model()
    assert model is not None
    arms = arms_for(ABSTRACT, re.compile(r"\bketamine\b", re.I))
    assert model.read_ranked([(RESULT, 1.0, None)], arms, None) == model.predict(RESULT, arms, None)
    assert model.read_ranked([(RESULT, 0.9, None), (NO_DIFFERENCE, 0.1, None)], arms, None)[0] == "down"
    assert model.read_ranked([(RESULT, 0.1, None), (NO_DIFFERENCE, 0.9, None)], arms, None)[0] == "none"


def test_combine_is_a_weighted_mean_of_class_probabilities() -> None:
    first, second = {"up": 0.7, "down": 0.2, "none": 0.1}, {"up": 0.1, "down": 0.1, "none": 0.8}
    assert combine([(1.0, first), (0.0, second)]) == first
    mixed = combine([(0.5, first), (1.5, second)], power=1.0)
    assert abs(mixed["none"] - (0.5 * 0.1 + 1.5 * 0.8) / 2.0) < 1e-12 and abs(sum(mixed.values()) - 1.0) < 1e-12
    squared = combine([(0.5, first), (1.5, second)])  # the shipped power: the ranker's probabilities squared
    assert abs(squared["none"] - (0.25 * 0.1 + 2.25 * 0.8) / 2.5) < 1e-12 and abs(sum(squared.values()) - 1.0) < 1e-12
    assert combine([]) == {c: 1 / 3 for c in CLASSES}


def test_squared_ranker_probabilities_keep_its_clear_first_pick_from_being_outvoted() -> None:
    """Two sentences the ranker doubts (0.4 each) outweigh its first pick (0.6) when the weights are the plain
    probabilities, not when they are squared (0.36 against 0.16 + 0.16)."""
    result, other = {"up": 0.9, "down": 0.05, "none": 0.05}, {"up": 0.1, "down": 0.1, "none": 0.8}
    readings = [(0.6, result), (0.4, other), (0.4, other)]
    assert max(combine(readings, power=1.0).items(), key=lambda kv: kv[1])[0] == "none"
    assert max(combine(readings).items(), key=lambda kv: kv[1])[0] == "up"
