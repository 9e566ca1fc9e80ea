"""The learned sentence ranker: its training label, the folded weights, and a fitted ranker on a real article."""

from __future__ import annotations

import pytest

from ketamine_evidence.analysis.evaluation import ei_corpus
from ketamine_evidence.analysis.evaluation import ei_ranker as er
from ketamine_evidence.analysis.evaluation.evidence_inference import candidates
from tests.conftest import EVAL

ROOT = EVAL / "external" / "evidence_inference"
pytestmark = pytest.mark.skipif(not (ROOT / "prompts_merged.csv").is_file(), reason="shared corpus not present")


def _prompt(prompt_id: str) -> ei_corpus.Prompt:
    return next(p for p in ei_corpus.load_prompts(ROOT, "all") if p.prompt_id == prompt_id)


def _article(pmcid: str) -> tuple[list[ei_corpus.ArticleSentence], str]:
    sentences = ei_corpus.article_sentences(ROOT / "articles" / f"PMC{pmcid}.txt")
    return sentences, " ".join(s.text for s in sentences if s.abstract)


def test_evidence_match_is_the_span_inside_or_around_the_sentence() -> None:
    prompt = _prompt("12063")  # PMC3354371: awakening and recovery time, ketamine vs fentanyl
    assert prompt.evidence and er.matches_evidence(prompt, prompt.evidence[0])
    assert er.matches_evidence(prompt, "In the results: " + prompt.evidence[0])
    assert not er.matches_evidence(prompt, "Patients were premedicated with glycopyrrolate 0.2 mg intramuscularly.")


def test_fitted_weights_rank_as_the_regression_does() -> None:
    prompt = _prompt("12063")
    found = candidates(prompt, *_article(prompt.pmcid))
    feats = er.ranker_features(prompt, found)
    positive = [er.matches_evidence(prompt, c.sentence) for c in found]
    assert any(positive) and not all(positive)
    assert {"score", "rank", "overlap", "phrase", "significance"} <= set(feats[0])
    ranker = er.fit_ranker(feats, positive)
    scores = [ranker.score(f) for f in feats]
    assert max(s for s, y in zip(scores, positive) if y) > max(s for s, y in zip(scores, positive) if not y)


def test_no_ranker_ships() -> None:
    """A ranker learns from articles whose text we hold, which extraction is scored on: none may ship."""
    from importlib import resources
    assert not resources.files("ketamine_evidence.analysis.lexicons").joinpath(er.RANKER_FILE).is_file()
    assert not hasattr(er, "load_ranker")


def test_fitted_ranker_prefers_the_sentence_that_names_the_whole_outcome() -> None:
    """PMC3354371: the hand-set score picks 'the recovery time ... was significantly higher in group I';
    the annotators cite the sentence that states awakening and recovery time together."""
    prompt = _prompt("12063")
    sentences, abstract = _article(prompt.pmcid)
    found = candidates(prompt, sentences, abstract)
    ranker = er.fit_ranker(er.ranker_features(prompt, found), [er.matches_evidence(prompt, c.sentence) for c in found])
    best = ranker.best(prompt, found)
    assert best is not None and "Awakening time" in best.sentence and er.matches_evidence(prompt, best.sentence)
    assert not er.matches_evidence(prompt, max(found, key=lambda c: c.score).sentence)
