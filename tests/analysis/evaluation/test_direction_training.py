"""Training the direction model: article-grouped cross-validation on Evidence Inference evidence spans."""

from __future__ import annotations

import pytest

from ketamine_evidence.analysis.evaluation import direction_training as dt
from ketamine_evidence.analysis.evaluation import ei_corpus
from tests.conftest import EVAL

ROOT = EVAL / "external" / "evidence_inference"
pytestmark = pytest.mark.skipif(not (ROOT / "prompts_merged.csv").is_file(), reason="shared corpus not present")


def test_grouped_cross_validation_reports_model_and_rules() -> None:
    prompts = ei_corpus.load_prompts(ROOT, "all")[:90]
    examples = [dt.example(p, p.evidence[0]) for p in prompts]
    result = dt.cross_validate(examples, 3)
    given = result["given"]
    assert given["all_model"]["n"] == given["all_rules"]["n"] == 90
    assert 0.0 <= given["all_model"]["macro_f1"] <= 1.0


def test_fit_keeps_the_largest_weights() -> None:
    prompts = ei_corpus.load_prompts(ROOT, "all")[:60]
    examples = [dt.example(p, p.evidence[0]) for p in prompts]
    model = dt.fit([e.feats for e in examples], [dt.LABEL_OF[e.prompt.label] for e in examples], max_features=50)
    assert len(model.weights) == 50 and len(model.bias) == 3
    assert all(len(w) == 3 for w in model.weights.values())
