"""Train and cross-validate the pain reader: the direction model, refit for use inside extraction.

The direction model of ``direction_training`` learns from every Evidence Inference prompt outside the pool's
blind split, articles we also score extraction on among them, so its weights never ship. This copy
(``pain_reader_model.json``, read by ``extract.pain_reader``) is fitted only on prompts whose article is in none of the sets we evaluate
(``ei_corpus.held_pmcids``: every pool, Evidence Inference full-text, chronic and ketamine article we hold, dev or
blind, read from the shared folders; ``--exclude FILE`` adds more), so its readings of pain_effect's sentences are never a memory of their labels.

Features, classes and fitting are ``direction_model.features`` / ``direction_training.fit`` unchanged (C = 1,
balanced classes, the ``MAX_FEATURES`` largest weights) but for the outcome polarity given to the features:
with every pain article excluded, the pain vocabulary (``outcome_polarity``, direction_training's choice) knows
the polarity of 27 of the 1,796 prompts, so the model never learns that 'improved' on a less-is-better outcome is a
decrease; ``named_outcome_polarity`` (harms less, benefits more is better; unknown outcomes None) knows 505
(``--polarity named``, the default; grouped CV macro-F1 0.849 against 0.835 with ``--polarity pain``). Every example is an annotators' evidence span (the
articles we hold are all excluded, so there is no found-sentence training or ranker). Cross-validation is
``direction_training.cross_validate`` (GroupKFold on PMCID: no article in both the training and test folds).

Run: ``python -m ketamine_evidence.analysis.evaluation.pain_reader_training [--train] [--folds 5]
[--exclude FILE] [ROOT]``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from typing import Callable

from ketamine_evidence.analysis.evaluation.direction_training import LABEL_OF, LEXICONS, Example, cross_validate, fit
from ketamine_evidence.analysis.evaluation.ei_corpus import (  # noqa: F401 - read_exclusions re-exported
    DEFAULT_ROOT, Prompt, blind_pmcids, held_pmcids, load_prompts, read_exclusions, span_sentence,
)
from ketamine_evidence.analysis.evaluation.evidence_inference import answer, prompt_arms
from ketamine_evidence.analysis.extract.direction_model import features
from ketamine_evidence.analysis.extract.outcomes import named_outcome_polarity, outcome_polarity
from ketamine_evidence.analysis.extract.pain_reader import MODEL_FILE
from ketamine_evidence.base.errors import InputError


def named_polarity(outcome: str) -> str | None:
    """The prompt outcome's polarity where it is known: benefits more is better, pain and harms less (None else)."""
    return named_outcome_polarity(outcome, unknown=None)


POLARITY: dict[str, Callable[[str], str | None]] = {"pain": outcome_polarity, "named": named_polarity}


def example(prompt: Prompt, text: str, polarity_of: Callable[[str], str | None]) -> Example:
    """``direction_training.example`` with the outcome's polarity read by ``polarity_of``."""
    arms = prompt_arms(prompt, text)
    rule = answer(prompt, [span_sentence(text)], text).label
    return Example(prompt, text, features(text, arms, polarity_of(prompt.outcome), LABEL_OF[rule]), rule)


def examples(root: Path, exclude: set[str], polarity: str = "named") -> list[Example]:
    """One example per clear-majority prompt with an evidence span, outside ``exclude`` and the blind split."""
    prompts = load_prompts(root, "all", require_article=False, exclude=exclude | blind_pmcids())
    return [example(p, p.evidence[0], POLARITY[polarity]) for p in prompts if p.evidence]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ketamine_evidence.analysis.evaluation.pain_reader_training",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("root", nargs="?", type=Path, default=DEFAULT_ROOT, help="the evidence_inference directory")
    parser.add_argument("--train", action="store_true", help=f"fit on every example and write {MODEL_FILE}")
    parser.add_argument("--folds", type=int, default=5, help="article-grouped cross-validation folds (default 5)")
    parser.add_argument("--polarity", choices=tuple(POLARITY), default="named",
                        help="the outcome polarity feature in training: named (pain, benefits and harms; default) or pain "
                             "(the pain vocabulary only, as direction_training)")
    parser.add_argument("--out", type=Path, default=None, help=f"weights file to write (default lexicons/{MODEL_FILE})")
    parser.add_argument("--exclude", type=Path, default=None,
                        help="more PMCIDs never trained on, one a line (the articles we hold never are)")
    args = parser.parse_args(argv)
    try:
        if not (args.root / "v2_annotations.csv").exists():
            raise InputError(f"{args.root} is not an Evidence Inference directory (no v2_annotations.csv)")
        exclude = held_pmcids(args.root) | (read_exclusions(args.exclude) if args.exclude else set())
        train = examples(args.root, exclude, args.polarity)
        result = {"examples": len(train), "articles": len({e.prompt.pmcid for e in train}),
                  "excluded_ids": len(exclude), "polarity": args.polarity,
                  "known_polarity": sum(any(f.startswith("pol:") and f != "pol:None" for f in e.feats) for e in train), **cross_validate(train, args.folds)}
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return InputError.exit_code
    print(json.dumps(result, indent=2))
    if args.train:
        model = fit([e.feats for e in train], [LABEL_OF[e.prompt.label] for e in train])
        path = args.out or LEXICONS / MODEL_FILE
        path.write_text(json.dumps(model.to_json(), separators=(",", ":")) + "\n", encoding="utf-8")
        print(f"wrote {path.name} ({len(model.weights)} features, {len(train)} spans)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
