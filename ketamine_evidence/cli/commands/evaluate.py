"""`ketamine-evidence evaluate`: score extraction against a gold file, or run an external corpus evaluation."""

from __future__ import annotations

import argparse
import json
import logging
from pathlib import Path

from ketamine_evidence.base.config import Config
from ketamine_evidence.base.errors import ConfigError, InputError

log = logging.getLogger(__name__)

EXTERNAL = ("ade-corpus", "evidence-inference")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--gold", type=Path, help="gold annotations, one JSON record a line (guideline format)")
    parser.add_argument("--input", type=Path,
                        help="the gold's articles: an XML/nXML file or a directory of them (required with --gold)")
    parser.add_argument("--intervention", help="read every record for this treatment "
                                               "(default: each gold record's 'intervention', else ketamine)")
    parser.add_argument("--jsonl", type=Path, metavar="OUT", help="write the predictions in gold format, with evidence")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON instead of a table")
    parser.add_argument("--show-errors", action="store_true",
                        help="print each record's wrong fields (gold, predicted, evidence) before the summary")
    parser.add_argument("--error-kinds", action="store_true",
                        help="also count each field's errors by kind (gold->predicted, null for a value, too low, "
                             "label missed or added) over the whole set, naming no record: for blind splits")
    parser.add_argument("--min-count", type=int, default=1, metavar="K",
                        help="with --error-kinds: pool every kind counted fewer than K times into 'rarer kinds' "
                             "(a kind counted once can give away a blind record's gold label; default 1 pools none)")
    parser.add_argument("--external", choices=EXTERNAL,
                        help="instead of a gold file, score adverse-event sentence detection on ADE-Corpus-V2")
    parser.add_argument("--corpus-dir", type=Path,
                        help="with --external: the corpus directory (default: ../shared/eval/external/ade_corpus_v2)")
    parser.add_argument("--outcomes", choices=("pain", "all"), default="pain",
                        help="with --external evidence-inference: score pain prompts (default) or all clear-majority "
                             "prompts whose article is in the corpus directory's articles/")
    parser.add_argument("--limit", type=int, help="with --external: score only a proportional slice of N sentences")


def run(args: argparse.Namespace, config: Config) -> int:
    if args.external:
        return _run_external(args)
    if args.gold is None:
        raise ConfigError("evaluate needs --gold FILE (or --external ade-corpus)")
    if args.input is None:
        raise ConfigError("evaluate needs --input FILE_OR_DIR: the articles the gold file annotates")
    from ketamine_evidence.analysis.evaluation.error_kinds import error_kinds, format_error_kinds, pooled_error_kinds
    from ketamine_evidence.analysis.evaluation.gold import (evaluate, format_mismatches, format_per_class, format_summary,
                                   write_predictions)

    if args.min_count < 1:
        raise ConfigError(f"--min-count must be at least 1, got {args.min_count}")
    input_path = args.input
    evaluation = evaluate(args.gold, input_path, intervention=args.intervention,
                          extra_interventions=config.interventions)
    if evaluation.missing:
        log.warning("%d gold record(s) not found in %s: %s", len(evaluation.missing), input_path,
                    " ".join(evaluation.missing[:10]) + (" ..." if len(evaluation.missing) > 10 else ""))
    if args.jsonl:
        write_predictions(evaluation, args.jsonl)
    kinds = pooled_error_kinds(error_kinds(evaluation.pairs()), args.min_count) if args.error_kinds else None
    if args.json:
        out = evaluation.as_dict()
        if kinds is not None:
            out["error_kinds"] = kinds
        print(json.dumps(out, indent=2))
        return 0
    lines: list[str] = []
    if args.show_errors:
        lines += format_mismatches(evaluation) + [""]
    lines += format_per_class(evaluation) + format_summary(evaluation)
    if kinds is not None:
        lines += format_error_kinds(kinds)
    print("\n".join(lines))
    return 0


def _corpus_dir(given: Path | None, default: Path, name: str) -> Path:
    """``--corpus-dir``, else the default beside a checkout (``../shared/eval/external``), which an
    installed package does not have: then one line that says what to pass."""
    if given is not None:
        return given
    if not default.is_dir():
        raise InputError(f"{name} not found at {default} (the default beside a checkout): "
                         f"pass --corpus-dir DIR")
    return default


def _run_external(args: argparse.Namespace) -> int:
    if args.external == "evidence-inference":  # pain-effect direction (analysis/evaluation/evidence_inference.py)
        from ketamine_evidence.analysis.evaluation import evidence_inference as ei

        root = _corpus_dir(args.corpus_dir, ei.DEFAULT_ROOT, "the Evidence Inference corpus")
        ei_result = ei.evaluate_evidence_inference(root, outcomes=args.outcomes)
        print(json.dumps({k: v for k, v in ei_result.items() if k != "rows"}, indent=2) if args.json
              else "\n".join(ei.summary_lines(ei_result)))
        return 0
    from ketamine_evidence.analysis.evaluation import ade_corpus

    if args.limit is not None and args.limit < 1:
        raise ConfigError("--limit must be a positive number of sentences")
    directory = _corpus_dir(args.corpus_dir, ade_corpus.DEFAULT_DIR, "ADE-Corpus-V2")
    result = ade_corpus.evaluate_corpus(directory, limit=args.limit)
    if args.json:
        print(json.dumps(result.as_dict(), indent=2))
    else:
        print("\n".join(result.summary_lines()))
    return 0
