"""Train and cross-validate the sentence direction model and the sentence ranker on Evidence Inference.

Every clear-majority prompt of Evidence Inference 2.0 (``ei_corpus.load_prompts(outcomes="all")``)
outside the pool's blind articles is one example: the annotators' evidence span for the majority
label, the prompt's intervention and comparator as the arms (``evidence_inference.prompt_arms``),
the outcome's polarity where our vocabulary knows it. Prompts whose article text we hold (the
corpus's ``articles/`` and, as JATS, the shared pain pool, chronic-pain and ketamine folders:
``ARTICLE_DIRS``) are also read from the whole article: ``evidence_inference.candidates`` lists the
clauses that may answer, the rules' own pick (``answer``) is one more training sentence for the
model, and the sentence ranker (``ei_ranker``) learns which candidate is the annotators' evidence.

Cross-validation is grouped by article (GroupKFold(5) on PMCID: no article's prompts in both the
training and test folds; ranker and model are both refit on the training folds) and reported twice:

- ``given``: the annotators' evidence span is read (what the model can do when the sentence is right);
- ``found``: on the articles we hold, the model reads the ranker's ``TOP_K`` best sentences and their class
  probabilities are summed weighted by the ranker's probability of each, squared (``direction_model.combine``;
  ``top3_power1``: unsquared, as before round 15; ``top1``:
  the first sentence only) - the figure that counts, since the pipeline must find the sentence itself. ``rules`` beside it is
  ``answer`` on the whole article (the shipped evaluation); ``all`` covers every article we hold,
  ``shipped`` only the corpus's own ``articles/`` (the 79 pain articles). ``found_loss`` splits the found
  prompts by the pick (an annotator's evidence sentence ranked first, another candidate first, no candidate
  is the evidence) with the model's errors and the rules' errors on the same picked sentence.

Nothing is tuned on the test folds: C = 1 for both models and the features are fixed in advance; ``TOP_K``
(3) is the number of sentences that article-grouped inner folds of the training articles chose most often
among 1, 2, 3 and 5 (docs/direction.md, round 8); ``RANKER_POWER`` (2) was chosen among 1, 1.5, 2, 3 and 4 by
grouped CV on the articles outside the confirmation part (round 15).
``--train DIR`` fits on every example outside the articles we hold (``ei_corpus.held_pmcids``: every article
extraction is scored on, dev or blind) and writes ``direction_model.json`` (the ``MAX_FEATURES`` largest weights)
into DIR, for experiments: nothing in the pipeline reads these weights, and no ranker can be fitted under that
exclusion (every article with a found sentence is held). The pipeline's copy of the model is
``pain_reader_training``'s ``pain_reader_model.json``, fitted under the same exclusion.

``--part dev`` cross-validates on the articles outside the confirmation part (``ei_confirm``), ``--part confirm``
trains on them and scores once on that part (``--train`` writes weights only with ``--part all``).

``--exclude FILE`` (PMCIDs one a line) keeps the listed articles out of every fit - each fold's training - while
the CV still scores them in their fold; ``--exclude-held`` does the same for every held article: the figures of
what may ship when no article we evaluate may train it (so no ranker is fitted).

Run: ``python -m ketamine_evidence.analysis.evaluation.direction_training [--train DIR] [--part all|dev|confirm]
[--folds 5] [--top-k 3] [--seed S] [--exclude FILE] [--exclude-held] [ROOT]``.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

from ketamine_evidence.analysis.evaluation.ei_confirm import confirm_pmcids
from ketamine_evidence.analysis.evaluation.ei_corpus import (
    ARTICLE_DIRS, DEFAULT_ROOT, PAIN_OUTCOME, Prompt, article_path, article_sentences, blind_pmcids, held_pmcids, load_prompts,
    read_exclusions, span_sentence,
)
from ketamine_evidence.analysis.evaluation.ei_ranker import RANKER_FILE, Ranker, fit_ranker, matches_evidence, ranker_features
from ketamine_evidence.analysis.evaluation.evidence_inference import Candidate, answer, candidates, prompt_arms, read, score
from ketamine_evidence.analysis.extract.arms import Arms
from ketamine_evidence.analysis.extract.direction_model import (CLASSES, MODEL_FILE, RANKER_POWER, TOP_K, DirectionModel, best,
                                                                 combine, features)
from ketamine_evidence.analysis.extract.outcomes import outcome_polarity
from ketamine_evidence.base.errors import InputError

MAX_FEATURES = 8000
C = 1.0  # inverse L2 regularisation strength (fixed in advance)
LABEL_OF = {"significantly increased": "up", "significantly decreased": "down", "no significant difference": "none"}
PROMPT_LABEL = {v: k for k, v in LABEL_OF.items()}
LEXICONS = Path(__file__).resolve().parents[1] / "lexicons"


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


@dataclass
class ArticlePrompt:
    """A prompt read from its whole article: the candidate clauses, the ranker's features of each, whether
    each sentence is the annotators' evidence, and the rules' answer (the best-scored candidate)."""

    prompt: Prompt
    arms: Arms
    found: list[Candidate]
    ranker_feats: list[dict[str, float]]
    positive: list[bool]
    rule: str
    shipped: bool  # the article is in the corpus's own articles/

    def read(self, c: Candidate | None) -> Example:
        """The model's example for one candidate's sentence (none found: an empty sentence)."""
        text = c.sentence if c else ""
        rule = read(self.prompt, c, self.arms).label if c else "no significant difference"
        return Example(self.prompt, text, features(text, self.arms, outcome_polarity(self.prompt.outcome), LABEL_OF[rule]), rule)


def article_prompts(root: Path, dirs: Sequence[Path] = ARTICLE_DIRS) -> list[ArticlePrompt]:
    """The clear-majority prompts whose article text is in ``root/articles`` or ``dirs`` (blind left out)."""
    folders = [root / "articles", *dirs]
    out: list[ArticlePrompt] = []
    cache: dict[str, tuple[list, str]] = {}
    for p in load_prompts(root, "all", require_article=True, exclude=blind_pmcids(), article_dirs=dirs):
        if p.pmcid not in cache:
            sentences = article_sentences(article_path(p.pmcid, folders))  # type: ignore[arg-type]
            cache[p.pmcid] = (sentences, " ".join(s.text for s in sentences if s.abstract))
        sentences, abstract = cache[p.pmcid]
        found = candidates(p, sentences, abstract)
        arms = prompt_arms(p, abstract)
        rule = answer(p, sentences, abstract).label
        out.append(ArticlePrompt(p, arms, found, ranker_features(p, found), [matches_evidence(p, c.sentence) for c in found],
                                 rule, (root / "articles" / f"PMC{p.pmcid}.txt").exists()))
    return out


def _rule_pick(a: ArticlePrompt) -> Candidate | None:
    return max(a.found, key=lambda c: c.score) if a.found else None


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


def fit_both(given: Sequence[Example], articles: Sequence[ArticlePrompt]) -> tuple[DirectionModel, Ranker | None]:
    """The direction model on the evidence spans plus the rules' pick in each held article (the kind of
    sentence it reads when the pipeline finds the sentence itself), and the ranker on the held articles."""
    picked = [a.read(_rule_pick(a)) for a in articles if a.found]
    train = [*given, *picked]
    model = fit([e.feats for e in train], [LABEL_OF[e.prompt.label] for e in train])
    feats = [f for a in articles for f in a.ranker_feats]
    positive = [y for a in articles for y in a.positive]
    ranker = fit_ranker(feats, positive) if any(positive) and not all(positive) else None
    return model, ranker


def _read_top_k(a: ArticlePrompt, model: DirectionModel, ranker: Ranker | None, k: int,
                power: float = RANKER_POWER) -> str:
    """The model's label from the ranker's ``k`` best sentences, their class probabilities weighted by the
    ranker's probability of each raised to ``power`` (``direction_model.combine``); no candidate: the empty
    sentence's reading."""
    if ranker is None or not a.found:
        return _row(a.read(_rule_pick(a)), model)["model"]
    readings = [(w, model.probabilities(a.read(c).feats)) for c, w in ranker.ranked(a.found, a.ranker_feats, k)]
    return PROMPT_LABEL[best(combine(readings, power))[0]]


def cross_validate(examples: list[Example], folds: int, articles: Sequence[ArticlePrompt] | None = None,
                   top_k: int = TOP_K, seed: int | None = None, exclude: frozenset[str] = frozenset()) -> dict[str, Any]:
    """Article-grouped CV: model and rules on the given spans (and on the sentence found in ``articles``: the
    model reading the ranker's ``top_k`` sentences combined, ``top1`` its first sentence only). ``seed``
    shuffles which articles fall in which fold (``GroupKFold(shuffle=True)``); None is the default split.
    Articles in ``exclude`` are scored in their fold but never fitted on (the regime ``--train --exclude`` ships)."""
    from sklearn.model_selection import GroupKFold

    groups = [e.prompt.pmcid for e in examples]
    given_rows: list[dict[str, Any]] = []
    found_rows: list[dict[str, Any]] = []
    splitter = GroupKFold(n_splits=folds) if seed is None else GroupKFold(n_splits=folds, shuffle=True, random_state=seed)
    for train, test in splitter.split(examples, groups=groups):
        held = {examples[i].prompt.pmcid for i in test}
        rows = _fit_and_score([examples[i] for i in train], [examples[i] for i in test], articles, held | exclude, top_k,
                              [examples[i].prompt.pmcid for i in test])
        given_rows.extend(rows[0])
        found_rows.extend(rows[1])
    return _result(given_rows, found_rows, articles is not None)


def train_and_confirm(examples: list[Example], articles: Sequence[ArticlePrompt], confirm: frozenset[str],
                      top_k: int = TOP_K) -> dict[str, Any]:
    """Fit on the articles outside ``confirm`` and score once on those inside it (``ei_confirm``)."""
    given_rows, found_rows = _fit_and_score([e for e in examples if e.prompt.pmcid not in confirm],
                                            [e for e in examples if e.prompt.pmcid in confirm], articles, confirm, top_k)
    return _result(given_rows, found_rows, True)


def _fit_and_score(train: list[Example], test: list[Example], articles: Sequence[ArticlePrompt] | None,
                   held: set[str] | frozenset[str], top_k: int,
                   scored: Sequence[str] | None = None) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Fit on the ``train`` spans and the articles outside ``held``; rows of the test spans and of the prompts of the
    articles in ``scored`` (default: ``held``) (``model``: the shipped combination, ``top3_power1``: the ranker's
    probabilities unsquared, as before round 15)."""
    model, ranker = fit_both([e for e in train if e.prompt.pmcid not in held],
                             [a for a in articles or () if a.prompt.pmcid not in held])
    scored_ids = set(held if scored is None else scored)
    found_rows = []
    for a in articles or ():
        if a.prompt.pmcid in scored_ids:
            pick = ranker.best(a.prompt, a.found) if ranker else _rule_pick(a)
            read_pick = a.read(pick)
            where = ("no_evidence_candidate" if not any(a.positive) else
                     "evidence_first" if pick is not None and a.positive[a.found.index(pick)] else "other_first")
            top1 = _row(read_pick, model)
            found_rows.append({**top1, "top1": top1["model"], "model": _read_top_k(a, model, ranker, top_k),
                               "top3_power1": _read_top_k(a, model, ranker, 3, 1.0),
                               "rules": a.rule, "shipped": a.shipped, "where": where, "rules_on_pick": read_pick.rule})
    return [_row(e, model) for e in test], found_rows


def _result(given_rows: list[dict[str, Any]], found_rows: list[dict[str, Any]], found: bool) -> dict[str, Any]:
    out = {"given": _report(given_rows)}
    if found:
        out["found"] = _report(found_rows, ("all", "shipped", "pain"), ("model", "top3_power1", "top1", "rules"))
        out["found_loss"] = loss_breakdown(found_rows)
    return out


def loss_breakdown(rows: Sequence[dict[str, Any]]) -> dict[str, dict[str, int]]:
    """Where the found-sentence errors come from: per kind of pick (an annotator's evidence sentence ranked
    first, another candidate ranked first, no candidate is the evidence), the prompts, the model's errors, and
    the errors the rules would make reading the same picked sentence."""
    out: dict[str, dict[str, int]] = {}
    for where in ("evidence_first", "other_first", "no_evidence_candidate"):
        chosen = [r for r in rows if r["where"] == where]
        out[where] = {"n": len(chosen), "model_wrong": sum(r["model"] != r["gold"] for r in chosen),
                      "rules_on_pick_wrong": sum(r["rules_on_pick"] != r["gold"] for r in chosen)}
    return out


def _row(e: Example, model: DirectionModel) -> dict[str, Any]:
    label = max((p, c) for c, p in model.probabilities(e.feats).items())[1]
    return {"prompt_id": e.prompt.prompt_id, "pmcid": e.prompt.pmcid, "outcome": e.prompt.outcome,
            "gold": e.prompt.label, "model": PROMPT_LABEL[label], "rules": e.rule, "text": e.text}


_SUBSETS = {"all": lambda r: True, "shipped": lambda r: bool(r.get("shipped")),
            "pain": lambda r: bool(PAIN_OUTCOME.search(r["outcome"]))}


def _report(rows: list[dict[str, Any]], subsets: Sequence[str] = ("all", "pain"),
            readers: Sequence[str] = ("model", "rules")) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for subset in subsets:
        chosen = [r for r in rows if _SUBSETS[subset](r)]
        for who in readers:
            s = score([{"gold": r["gold"], "predicted": r[who]} for r in chosen])
            out[f"{subset}_{who}"] = {"n": len(chosen), "accuracy": round(s["accuracy"], 3), "macro_f1": round(s["macro_f1"], 3)}
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ketamine_evidence.analysis.evaluation.direction_training",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("root", nargs="?", type=Path, default=DEFAULT_ROOT, help="the evidence_inference directory")
    parser.add_argument("--train", type=Path, default=None, metavar="DIR",
                        help=f"fit on every example outside the held articles and write {MODEL_FILE} into DIR (with --part all)")
    parser.add_argument("--folds", type=int, default=5, help="article-grouped cross-validation folds (default 5)")
    parser.add_argument("--top-k", type=int, default=TOP_K, help=f"sentences the model reads per prompt (default {TOP_K})")
    parser.add_argument("--seed", type=int, default=None, help="shuffle the articles' fold assignment (default: GroupKFold's)")
    parser.add_argument("--part", choices=("all", "dev", "confirm"), default="all",
                        help="all: CV on every article; dev: CV on the articles outside the confirmation part "
                             "(ei_confirm); confirm: train on those, score once on the confirmation part")
    parser.add_argument("--articles", type=Path, nargs="*", default=list(ARTICLE_DIRS),
                        help="more folders of article texts (PMC<id>.txt or .nxml; default: the shared pool, chronic and ketamine folders)")
    parser.add_argument("--exclude", type=Path, default=None,
                        help="PMCIDs never fitted on, one a line (scored in their fold; --train leaves them out)")
    parser.add_argument("--exclude-held", action="store_true",
                        help="never fit on the articles we hold (ei_corpus.held_pmcids), as --train always does")
    args = parser.parse_args(argv)
    try:
        if not (args.root / "v2_annotations.csv").exists():
            raise InputError(f"{args.root} is not an Evidence Inference directory (no v2_annotations.csv)")
        examples = given_examples(args.root)
        articles = article_prompts(args.root, [d for d in args.articles if d.is_dir()])
        confirm = confirm_pmcids() if args.part != "all" else frozenset()
        exclude = frozenset(read_exclusions(args.exclude)) if args.exclude else frozenset()
        held = frozenset(held_pmcids(args.root)) if args.exclude_held or args.train is not None else frozenset()
        if args.exclude_held:
            exclude |= held
        never = exclude | held  # what --train must not fit on (held is empty without --train or --exclude-held)
        if args.part == "confirm":
            result = train_and_confirm(examples, articles, confirm, args.top_k)
        else:
            result = cross_validate([e for e in examples if e.prompt.pmcid not in confirm], args.folds,
                                    [a for a in articles if a.prompt.pmcid not in confirm], args.top_k, args.seed, exclude)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return InputError.exit_code
    print(json.dumps(result, indent=2))
    if args.train is not None and args.part == "all":
        kept = [e for e in examples if e.prompt.pmcid not in never]
        model, ranker = fit_both(kept, [a for a in articles if a.prompt.pmcid not in never])
        args.train.mkdir(parents=True, exist_ok=True)
        (args.train / MODEL_FILE).write_text(json.dumps(model.to_json(), separators=(",", ":")) + "\n", encoding="utf-8")
        if ranker is not None:
            (args.train / RANKER_FILE).write_text(json.dumps(ranker.to_json(), indent=1) + "\n", encoding="utf-8")
        print(f"wrote {args.train / MODEL_FILE} ({len(model.weights)} features, {len(kept)} spans; "
              f"{'a ranker' if ranker else 'no ranker: every article with a found sentence is held'})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
