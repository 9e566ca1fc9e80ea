"""Evidence Inference evaluation: prompt loading, the answer for one prompt, and the metrics."""

from __future__ import annotations

import pytest

from analysis.evaluation import evidence_inference as ei
from tests.conftest import EVAL

ROOT = EVAL / "external" / "evidence_inference"
pytestmark = pytest.mark.skipif(not (ROOT / "prompts_merged.csv").is_file(), reason="shared corpus not present")


def test_pain_prompts_have_majority_labels() -> None:
    prompts = ei.load_prompts(ROOT)
    assert len(prompts) == 119
    assert {p.label for p in prompts} <= set(ei.LABELS)
    assert all(ei.PAIN_OUTCOME.search(p.outcome) for p in prompts)


def test_answer_reads_a_sentence_of_the_article() -> None:
    prompts = ei.load_prompts(ROOT)[:5]
    for p in prompts:
        sentences = ei.article_sentences(ROOT / "articles" / f"PMC{p.pmcid}.txt")
        assert sentences and any(s.abstract for s in sentences)
        answer = ei.answer(p, sentences)
        assert answer.label in ei.LABELS
        assert answer.sentence is None or any(answer.sentence == s.text for s in sentences)


def test_direction_maps_through_outcome_polarity() -> None:
    prompt = ei.Prompt("x", "0", "time to first analgesic request", "ketamine", "placebo", "significantly increased")
    sentences = [ei.ArticleSentence(t, True, frozenset(ei._stems(t))) for t in (
        "Time to first analgesic request was significantly longer with ketamine than with placebo (P < 0.01).",)]
    assert ei.answer(prompt, sentences).label == "significantly increased"
    prompt = ei.Prompt("y", "0", "pain scores", "ketamine", "placebo", "significantly decreased")
    sentences = [ei.ArticleSentence(t, True, frozenset(ei._stems(t))) for t in (
        "Ketamine was superior to placebo for pain scores (P < 0.01).",)]
    assert ei.answer(prompt, sentences).label == "significantly decreased"


def test_metrics_on_a_few_prompts() -> None:
    result = ei.evaluate_evidence_inference(ROOT, limit=6)
    assert result["n"] == 6
    correct = sum(r["gold"] == r["predicted"] for r in result["rows"])
    assert result["accuracy"] == pytest.approx(correct / 6)
    assert 0.0 <= result["macro_f1"] <= 1.0
    rows = [{"gold": "significantly increased", "predicted": "significantly increased"},
            {"gold": "no significant difference", "predicted": "significantly increased"}]
    s = ei.score(rows)
    assert s["accuracy"] == 0.5
    assert s["per_label"]["significantly increased"]["precision"] == 0.5
    assert s["macro_f1"] == pytest.approx((2 / 3 + 0.0) / 2)


def test_main_rejects_a_wrong_directory(tmp_path, capsys) -> None:
    assert ei.main([str(tmp_path)]) == 7
    assert "not an Evidence Inference directory" in capsys.readouterr().err


def test_respective_direction_words_follow_the_outcome_list() -> None:
    clause = ("Doses of morphine usage for controlling postoperative pain and the first analgesic demand were "
              "significantly lower and longer in study group.")
    assert ei._respective(clause, ei._stems("The first analgesic demand (minutes)")) == "up"
    assert ei._respective(clause, ei._stems("doses of morphine usage")) == "down"
