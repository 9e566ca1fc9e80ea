"""The run-time sentence ranker: no shipped weights, features of candidates, and the same pick as the evaluation's ranker."""

from __future__ import annotations

import ast
import inspect

import pytest

from ketamine_evidence.analysis.extract import sentence_ranker as sr
from tests.conftest import EVAL

ROOT = EVAL / "external" / "evidence_inference"


def test_extract_module_imports_no_evaluation_code() -> None:
    tree = ast.parse(inspect.getsource(sr))
    modules = [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    modules += [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
    assert modules and not any(".evaluation" in m for m in modules)


@pytest.mark.skipif(not (ROOT / "prompts_merged.csv").is_file(), reason="shared corpus not present")
def test_features_rank_the_candidates_and_pick_as_the_evaluation_ranker_does() -> None:
    """PMC3354371 (ketamine vs fentanyl, awakening and recovery time): the run-time scoring picks the sentence that
    states both times, the annotators' evidence, as ``evaluation.ei_ranker`` does through it."""
    from ketamine_evidence.analysis.evaluation import ei_corpus, ei_ranker
    from ketamine_evidence.analysis.evaluation.evidence_inference import candidates

    prompt = next(p for p in ei_corpus.load_prompts(ROOT, "all") if p.prompt_id == "12063")
    sentences = ei_corpus.article_sentences(ROOT / "articles" / f"PMC{prompt.pmcid}.txt")
    found = candidates(prompt, sentences, " ".join(s.text for s in sentences if s.abstract))
    feats = sr.ranker_features(found, lambda s: 0.0, lambda s: 0.0)
    top = max(range(len(found)), key=lambda i: found[i].score)
    assert feats[top]["top1"] == 1.0 and feats[top]["gap"] == 0.0 and sum(f["top1"] for f in feats) == 1.0
    feats_eval = ei_ranker.ranker_features(prompt, found)
    fitted = ei_ranker.fit_ranker(feats_eval, [ei_ranker.matches_evidence(prompt, c.sentence) for c in found])
    ranker = sr.Ranker(fitted.weights, fitted.bias)  # the run-time class, with weights fitted here
    picked = ranker.pick(found, feats_eval)
    assert picked is fitted.best(prompt, found)
    assert picked is not None and "Awakening time" in picked.sentence

    ranked = ranker.ranked(found, ei_ranker.ranker_features(prompt, found), 3)
    assert ranked[0][0] is picked and 1 <= len(ranked) <= 3
    assert len({c.sentence for c, _ in ranked}) == len(ranked)  # distinct sentences, best first
    assert all(0.0 < w < 1.0 for _, w in ranked) and [w for _, w in ranked] == sorted((w for _, w in ranked), reverse=True)
