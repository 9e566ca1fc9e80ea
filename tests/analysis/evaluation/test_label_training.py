"""Training the learned readers: features recorded at the reader's hook, article-grouped folds, and plain-Python
probabilities equal to scikit-learn's."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ketamine_evidence.analysis.evaluation import label_training as lt
from ketamine_evidence.analysis.evaluation.gold import score_sets
from ketamine_evidence.analysis.extract import condition_reader, label_model, make_context
from ketamine_evidence.analysis.records import CONDITIONS, Article, Section
from tests.conftest import EVAL, PMC_KETAMINE

# Titles of the condition tests (tests/analysis/extract/test_conditions.py), with the conditions those tests expect.
TITLES = [
    ("Comfrey cream in patients with acute upper or low back pain", ("low_back", "other")),
    ("Comparative study of nerve blocks in chronic shoulder pain", ("other",)),
    ("Preemptive use of ketamine on post operative pain of appendectomy", ("postoperative_acute",)),
    ("Ketamine gargle reduces postoperative sore throat after intubation", ("postoperative_acute",)),
    ("Ketamine for dressing changes in burn patients: pain scores", ("postoperative_acute",)),
    ("Oral hydromorphone for chronic cancer pain", ("cancer_pain",)),
]


def _examples() -> list[lt.Example]:
    out = []
    for i, (title, gold) in enumerate(TITLES):
        ctx = make_context(Article(pmid=str(i), pmcid=None, doi=None, title=title, abstract=[
            Section("METHODS", "METHODS", "Patients were randomly assigned to the treatment or placebo.")]))
        out.append(lt.Example("set a" if i % 2 else "set b", f"PMC{i // 2}", gold, gold,
                              frozenset(condition_reader.features(ctx, None)), frozenset(condition_reader.features(ctx, gold))))
    return out


def test_folds_keep_an_articles_records_together() -> None:
    examples = _examples()
    assigned = lt.folds(examples, k=3)
    by_group: dict[str, set[int]] = {}
    for e, f in zip(examples, assigned):
        by_group.setdefault(e.group, set()).add(f)
    assert all(len(f) == 1 for f in by_group.values()) and set(assigned) == {0, 1, 2}


def test_plain_python_scores_equal_scikit_learns(monkeypatch) -> None:
    pytest.importorskip("sklearn")
    from sklearn.linear_model import LogisticRegression

    monkeypatch.setattr(lt, "MIN_POSITIVES", 1)
    monkeypatch.setattr(lt, "MIN_RECORDS", 1)
    examples = _examples()
    model = lt.fit(examples, False, CONDITIONS)
    assert set(model.bias) == {"low_back", "other", "postoperative_acute", "cancer_pain"}
    vocab = sorted({f for e in examples for f in e.text_features})
    matrix = lt._matrix([e.text_features for e in examples], {f: i for i, f in enumerate(vocab)})
    y = ["postoperative_acute" in e.gold for e in examples]
    expected = LogisticRegression(C=lt.C, class_weight=lt.CLASS_WEIGHT, solver="liblinear").fit(matrix, y).predict_proba(matrix)[:, 1]
    got = [model.probabilities(e.text_features)["postoperative_acute"] for e in examples]
    assert got == pytest.approx(list(expected), abs=1e-3)


def test_cross_validation_scores_read_records_and_keeps_the_rules_answer_elsewhere(monkeypatch) -> None:
    pytest.importorskip("sklearn")
    monkeypatch.setattr(lt, "MIN_POSITIVES", 1)
    monkeypatch.setattr(lt, "MIN_RECORDS", 1)
    examples = _examples()
    unread = lt.Example("set a", "PMC9", ("other",), ("other",), frozenset(), frozenset(), reads=False)
    probs = lt.cross_validated([*examples, unread], True, CONDITIONS, k=3)
    assert probs[-1] is None and all(p is not None for p in probs[:-1])
    answers = lt.answers_of([*examples, unread], probs, "model", CONDITIONS, 0.9, 0.05)
    assert answers[-1] == ["other"]
    table = lt.f1_table("conditions", examples, {"rules": [list(e.rules) for e in examples]})
    assert table["rules"]["pooled"] == 1.0 == table["rules"]["set a"]
    pooled = score_sets("conditions", [(a, e.gold) for a, e in zip(answers, [*examples, unread])]).value
    assert lt.f1_table("conditions", [*examples, unread], {"m": answers})["m"]["pooled"] == round(pooled, 3)


@pytest.mark.skipif(not (EVAL / "gold_dev.jsonl").is_file(), reason="shared corpus not present")
@pytest.mark.parametrize("field", ["conditions", "routes"])
def test_examples_record_the_features_the_reader_sees_at_run_time(tmp_path: Path, monkeypatch, field: str) -> None:
    """The first ketamine dev record, run through the whole pipeline: the recorded features are the reader's own
    features of that article, and the reader's hook is restored afterwards."""
    record = json.loads((EVAL / "gold_dev.jsonl").read_text("utf-8").splitlines()[0])
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(record) + "\n", encoding="utf-8")
    monkeypatch.setattr(lt, "dev_sets", lambda repo, shared: [("ketamine dev", gold, PMC_KETAMINE)])
    reader, _ = lt.task(field)
    hook = reader.read
    [example] = lt.build_examples(field, Path("."), EVAL.parent)
    assert reader.read is hook and example.reads and example.gold == tuple(record[field])
    assert example.rules == tuple(record[field])  # the rules are right on this record
    assert {f"r:{t}" for t in example.rules} <= example.full_features and not example.text_features & {
        f"r:{t}" for t in example.rules}
    assert example.text_features <= example.full_features
    assert label_model.load_models(reader.MODEL_FILE)  # the shipped model this trains
