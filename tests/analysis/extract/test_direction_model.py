"""The learned sentence direction model: arm masking, its features, and the shipped weights on real evidence spans."""

from __future__ import annotations

import re

from ketamine_evidence.analysis.extract.arms import arms_for
from ketamine_evidence.analysis.extract.direction_model import CLASSES, features, load_model, masked_tokens

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
