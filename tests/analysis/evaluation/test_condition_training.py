"""Training the condition reader: article-grouped folds, and plain-Python scores equal to scikit-learn's."""

from __future__ import annotations

import pytest

from ketamine_evidence.analysis.evaluation import condition_training as ct
from ketamine_evidence.analysis.evaluation.gold import score_sets
from ketamine_evidence.analysis.extract import condition_reader as cr
from ketamine_evidence.analysis.extract import make_context
from ketamine_evidence.analysis.records import Article, Section

# Titles of the condition tests (tests/analysis/extract/test_conditions.py), with the conditions those tests expect.
TITLES = [
    ("Comfrey cream in patients with acute upper or low back pain", ("low_back", "other")),
    ("Comparative study of nerve blocks in chronic shoulder pain", ("other",)),
    ("Preemptive use of ketamine on post operative pain of appendectomy", ("postoperative_acute",)),
    ("Ketamine gargle reduces postoperative sore throat after intubation", ("postoperative_acute",)),
    ("Ketamine for dressing changes in burn patients: pain scores", ("postoperative_acute",)),
    ("Oral hydromorphone for chronic cancer pain", ("cancer_pain",)),
]


def _examples() -> list[ct.Example]:
    out = []
    for i, (title, gold) in enumerate(TITLES):
        article = Article(pmid=str(i), pmcid=None, doi=None, title=title,
                          abstract=[Section("METHODS", "METHODS", "Patients were randomly assigned to the treatment or placebo.")])
        sentences = make_context(article).sentences
        out.append(ct.Example("set a" if i % 2 else "set b", f"PMC{i // 2}", gold, gold,
                              frozenset(cr.features(sentences, None)), frozenset(cr.features(sentences, gold))))
    return out


def test_folds_keep_an_articles_records_together() -> None:
    examples = _examples()
    assigned = ct.folds(examples, k=3)
    by_group: dict[str, set[int]] = {}
    for e, f in zip(examples, assigned):
        by_group.setdefault(e.group, set()).add(f)
    assert all(len(f) == 1 for f in by_group.values()) and set(assigned) == {0, 1, 2}


def test_plain_python_scores_equal_scikit_learns(monkeypatch) -> None:
    from sklearn.linear_model import LogisticRegression

    monkeypatch.setattr(ct, "MIN_POSITIVES", 1)
    monkeypatch.setattr(ct, "MIN_RECORDS", 1)
    examples = _examples()
    model = ct.fit(examples, full=False)
    assert set(model.bias) == {"low_back", "other", "postoperative_acute", "cancer_pain"}
    vocab = sorted({f for e in examples for f in e.text_features})
    matrix = ct._matrix([e.text_features for e in examples], {f: i for i, f in enumerate(vocab)})
    y = ["postoperative_acute" in e.gold for e in examples]
    expected = LogisticRegression(C=ct.C, class_weight=ct.CLASS_WEIGHT, solver="liblinear").fit(matrix, y).predict_proba(matrix)[:, 1]
    got = [model.probabilities(e.text_features)["postoperative_acute"] for e in examples]
    assert got == pytest.approx(list(expected), abs=1e-3)


def test_cross_validation_scores_every_record_from_a_model_that_did_not_see_it(monkeypatch) -> None:
    monkeypatch.setattr(ct, "MIN_POSITIVES", 1)
    monkeypatch.setattr(ct, "MIN_RECORDS", 1)
    examples = _examples()
    probs = ct.cross_validated(examples, full=True, k=3)
    assert len(probs) == len(examples)
    table = ct.f1_table(examples, {"rules": [list(e.rules) for e in examples]})
    assert table["rules"]["pooled"] == 1.0 == table["rules"]["set a"]
    answers = [cr.combine(e.rules, p, "model") for e, p in zip(examples, probs)]
    pooled = score_sets("conditions", [(a, e.gold) for a, e in zip(answers, examples)]).value
    assert ct.f1_table(examples, {"model": answers})["model"]["pooled"] == round(pooled, 3)
