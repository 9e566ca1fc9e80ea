"""Train and cross-validate the sentence direction model (``analysis/extract/direction_model.py``) on Evidence Inference.

Every clear-majority prompt of Evidence Inference 2.0 (``ei_corpus.load_prompts(outcomes="all")``)
outside the pool's blind articles is one example: the annotators' evidence span for the majority
label, the prompt's intervention and comparator as the arms (``evidence_inference.prompt_arms``),
the outcome's polarity where our vocabulary knows it. Cross-validation is grouped by article
(GroupKFold on PMCID: no article's prompts in both training and test folds) and reported twice:

- ``given``: the annotators' evidence span is read (what the model can do when the sentence is right);
- ``found``: for prompts whose article text is in ``articles/``, our own sentence selection
  (``evidence_inference.answer``) picks the sentence and the model reads it - the figure that
  counts, since the pipeline must find the sentence itself in real abstracts.

The rules' labels on the same prompts are reported beside the model's. ``--train`` fits on every
example and writes ``analysis/lexicons/direction_model.json`` (the ``MAX_FEATURES`` largest weights).

Run: ``python -m ketamine_evidence.analysis.evaluation.direction_training [--train] [--folds 5] [ROOT]``.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

from ketamine_evidence.analysis.evaluation.ei_corpus import (
    DEFAULT_ROOT, PAIN_OUTCOME, Prompt, article_sentences, blind_pmcids, load_prompts, span_sentence,
)
from ketamine_evidence.analysis.evaluation.evidence_inference import answer, prompt_arms, score
from ketamine_evidence.analysis.extract.direction_model import CLASSES, MODEL_FILE, DirectionModel, features
from ketamine_evidence.analysis.extract.outcomes import outcome_polarity
from ketamine_evidence.base.errors import InputError

MAX_FEATURES = 8000
C = 1.0  # inverse L2 regularisation strength
LABEL_OF = {"significantly increased": "up", "significantly decreased": "down", "no significant difference": "none"}
PROMPT_LABEL = {v: k for k, v in LABEL_OF.items()}
MODEL_PATH = Path(__file__).resolve().parents[1] / "lexicons" / MODEL_FILE


@dataclass
class Example:
    prompt: Prompt
    text: str  # the evidence read
    feats: list[str]
    rule: str  # the rules' label on the same text


def example(prompt: Prompt, text: str, context: str = "") -> Example:
    arms = prompt_arms(prompt, context or text)
    rule = answer(prompt, [span_sentence(text)], context or text).label
    return Example(prompt, text, features(text, arms, outcome_polarity(prompt.outcome), LABEL_OF[rule]), rule)


def given_examples(root: Path) -> list[Example]:
    """One example per clear-majority prompt with an evidence span (blind articles left out)."""
    prompts = load_prompts(root, "all", require_article=False, exclude=blind_pmcids())
    return [example(p, p.evidence[0]) for p in prompts if p.evidence]


def fit(feature_lists: Sequence[list[str]], labels: Sequence[str], max_features: int = MAX_FEATURES) -> DirectionModel:
    """Multinomial logistic regression (scikit-learn), keeping the features with the largest weights."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform([dict.fromkeys(f, 1) for f in feature_lists])
    model = LogisticRegression(C=C, max_iter=3000, class_weight="balanced")
    model.fit(x, list(labels))
    order = [list(model.classes_).index(c) for c in CLASSES]
    coef = model.coef_[order]
    names = vectorizer.get_feature_names_out()
    keep = sorted(range(len(names)), key=lambda i: float(abs(coef[:, i]).max()), reverse=True)[:max_features]
    weights = {str(names[i]): [round(float(coef[k, i]), 4) for k in range(len(CLASSES))] for i in keep}
    return DirectionModel(weights, [round(float(model.intercept_[k]), 4) for k in order])


def cross_validate(examples: list[Example], folds: int, found: dict[str, list[Example]] | None = None) -> dict[str, Any]:
    """Article-grouped CV: model and rules on the given spans (and on our own sentences where ``found``)."""
    from sklearn.model_selection import GroupKFold

    groups = [e.prompt.pmcid for e in examples]
    given_rows: list[dict[str, Any]] = []
    found_rows: list[dict[str, Any]] = []
    for train, test in GroupKFold(n_splits=folds).split(examples, groups=groups):
        model = fit([examples[i].feats for i in train], [LABEL_OF[examples[i].prompt.label] for i in train])
        held = {examples[i].prompt.pmcid for i in test}
        for i in test:
            e = examples[i]
            given_rows.append(_row(e, model))
        for pmcid, found_examples in (found or {}).items():
            if pmcid in held:
                found_rows.extend(_row(e, model) for e in found_examples)
    out = {"given": _report(given_rows)}
    if found is not None:
        out["found"] = _report(found_rows)
    return out


def _row(e: Example, model: DirectionModel) -> dict[str, Any]:
    label = max((p, c) for c, p in model.probabilities(e.feats).items())[1]
    return {"prompt_id": e.prompt.prompt_id, "pmcid": e.prompt.pmcid, "outcome": e.prompt.outcome,
            "gold": e.prompt.label, "model": PROMPT_LABEL[label], "rules": e.rule, "text": e.text}


def _report(rows: list[dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for subset, keep in (("all", lambda r: True), ("pain", lambda r: bool(PAIN_OUTCOME.search(r["outcome"])))):
        chosen = [r for r in rows if keep(r)]
        for who in ("model", "rules"):
            s = score([{"gold": r["gold"], "predicted": r[who]} for r in chosen])
            out[f"{subset}_{who}"] = {"n": len(chosen), "accuracy": round(s["accuracy"], 3), "macro_f1": round(s["macro_f1"], 3)}
    return out


def found_examples(root: Path) -> dict[str, list[Example]]:
    """Per article: the prompts whose article text is in ``root/articles``, read from the sentence our
    own selection picks (the rules' label is ``answer``'s on the whole article)."""
    out: dict[str, list[Example]] = {}
    cache: dict[str, tuple[list, str]] = {}
    for p in load_prompts(root, "all", require_article=True, exclude=blind_pmcids()):
        if p.pmcid not in cache:
            sentences = article_sentences(root / "articles" / f"PMC{p.pmcid}.txt")
            cache[p.pmcid] = (sentences, " ".join(s.text for s in sentences if s.abstract))
        sentences, abstract = cache[p.pmcid]
        a = answer(p, sentences, abstract)
        text = a.sentence or ""
        arms = prompt_arms(p, abstract)
        out.setdefault(p.pmcid, []).append(Example(p, text, features(text, arms, outcome_polarity(p.outcome), LABEL_OF[a.label]),
                                               a.label))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ketamine_evidence.analysis.evaluation.direction_training",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("root", nargs="?", type=Path, default=DEFAULT_ROOT, help="the evidence_inference directory")
    parser.add_argument("--train", action="store_true", help=f"fit on every example and write {MODEL_PATH.name}")
    parser.add_argument("--folds", type=int, default=5, help="article-grouped cross-validation folds (default 5)")
    args = parser.parse_args(argv)
    try:
        if not (args.root / "v2_annotations.csv").exists():
            raise InputError(f"{args.root} is not an Evidence Inference directory (no v2_annotations.csv)")
        examples = given_examples(args.root)
        result = cross_validate(examples, args.folds, found_examples(args.root))
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return InputError.exit_code
    print(json.dumps(result, indent=2))
    if args.train:
        model = fit([e.feats for e in examples], [LABEL_OF[e.prompt.label] for e in examples])
        MODEL_PATH.write_text(json.dumps(model.to_json(), separators=(",", ":")) + "\n", encoding="utf-8")
        print(f"wrote {MODEL_PATH} ({len(model.weights)} features, {len(examples)} examples)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
