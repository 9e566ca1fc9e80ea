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


def test_cross_validation_reads_found_sentences_of_shipped_and_jats_articles() -> None:
    """Three shipped articles and one JATS article of the shared pain pool: the ranker and the model are
    refit without the held-out fold's articles, and the rows say which articles ship with the corpus."""
    pool = EVAL / "pain_trials_pool"
    articles = dt.article_prompts(ROOT, [pool])
    assert any(not a.shipped for a in articles) and any(a.shipped for a in articles)
    assert not {a.prompt.pmcid for a in articles} & ei_corpus.blind_pmcids()
    chosen = sorted({a.prompt.pmcid for a in articles if a.shipped})[:3] + [next(a.prompt.pmcid for a in articles if not a.shipped)]
    articles = [a for a in articles if a.prompt.pmcid in chosen]
    examples = [dt.example(p, p.evidence[0]) for p in ei_corpus.load_prompts(ROOT, "all", require_article=False)
                if p.pmcid in chosen or int(p.prompt_id) % 20 == 0]
    result = dt.cross_validate(examples, 2, articles)
    found = result["found"]
    assert found["all_model"]["n"] == len(articles) and found["shipped_model"]["n"] < len(articles)
    assert found["all_top1"]["n"] == len(articles)  # the first sentence alone, beside the top-k reading
    assert all(0.0 <= v["macro_f1"] <= 1.0 for v in found.values())
    loss = result["found_loss"]
    assert sum(v["n"] for v in loss.values()) == len(articles)
    # the breakdown's model errors are exactly the found-sentence model's errors
    wrong = sum(v["model_wrong"] for v in loss.values())
    assert abs(wrong - (1 - found["all_model"]["accuracy"]) * len(articles)) < 0.5 + 0.0005 * len(articles)
    assert found["all_top3_power1"]["n"] == len(articles)  # the unsquared combination, the reference beside it
    # trained outside a confirmation part, scored once on its articles only
    part = frozenset(chosen[:2])
    confirmed = dt.train_and_confirm(examples, articles, part)
    assert confirmed["found"]["all_model"]["n"] == sum(a.prompt.pmcid in part for a in articles)
    assert confirmed["given"]["all_model"]["n"] == sum(e.prompt.pmcid in part for e in examples)


def test_loss_breakdown_counts_each_kind_of_pick() -> None:
    rows = [{"where": "evidence_first", "model": "increased", "gold": "increased", "rules_on_pick": "decreased"},
            {"where": "evidence_first", "model": "decreased", "gold": "increased", "rules_on_pick": "increased"},
            {"where": "other_first", "model": "no_difference", "gold": "increased", "rules_on_pick": "no_difference"},
            {"where": "no_evidence_candidate", "model": "increased", "gold": "increased", "rules_on_pick": None}]
    assert dt.loss_breakdown(rows) == {
        "evidence_first": {"n": 2, "model_wrong": 1, "rules_on_pick_wrong": 1},
        "other_first": {"n": 1, "model_wrong": 1, "rules_on_pick_wrong": 1},
        "no_evidence_candidate": {"n": 1, "model_wrong": 0, "rules_on_pick_wrong": 1}}


def test_excluded_articles_are_scored_but_never_fitted_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """``exclude`` (``--exclude FILE``): every fold still scores the excluded articles' spans, but no fit sees them."""
    prompts = ei_corpus.load_prompts(ROOT, "all")[:90]
    examples = [dt.example(p, p.evidence[0]) for p in prompts]
    excluded = frozenset(sorted({p.pmcid for p in prompts})[::2])
    fitted: list[set[str]] = []
    fit_both = dt.fit_both

    def spy(given, articles):  # type: ignore[no-untyped-def]
        fitted.append({e.prompt.pmcid for e in given})
        return fit_both(given, articles)

    monkeypatch.setattr(dt, "fit_both", spy)
    result = dt.cross_validate(examples, 3, exclude=excluded)
    assert result["given"]["all_model"]["n"] == 90
    assert len(fitted) == 3 and all(f and not f & excluded for f in fitted)
    fitted.clear()
    dt.cross_validate(examples, 3)
    assert any(f & excluded for f in fitted)


def test_read_exclusions_takes_pmc_prefixes_and_comments(tmp_path) -> None:  # type: ignore[no-untyped-def]
    listed = tmp_path / "exclude.txt"
    listed.write_text("PMC101395\n102323  # a comment\n\n# only a comment\n", encoding="utf-8")
    assert ei_corpus.read_exclusions(listed) == {"101395", "102323"}
