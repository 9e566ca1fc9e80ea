"""The dev records as labelled examples for the learned candidate rankers (``count_ranker``, ``time_ranker``).

Each dev gold record is extracted by the rules once (every extractor, in order) and kept with its ``Context``, so
the rankers' candidates, features and the rules' own answers are read from the very state the extractors saw.
Only dev sets are read (``DEV_SETS``), and of their article folders only the files their gold records name, so no
blind article is ever parsed.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from ketamine_evidence.analysis.evaluation.gold import DEFAULT_INTERVENTION, load_gold
from ketamine_evidence.analysis.extract import Context, _PLAN, article_cache, fast_re, make_context
from ketamine_evidence.analysis.extract.interventions import resolve_intervention
from ketamine_evidence.analysis.parse.files import parse_file
from ketamine_evidence.analysis.records import build_study_record

# (set name, gold file relative to repo or shared, article folder relative to shared): dev sets only.
DEV_SETS: tuple[tuple[str, str, str], ...] = (
    ("ketamine dev", "shared:eval/gold_dev.jsonl", "corpus/pmc_ketamine"),
    ("chronic dev", "shared:eval/gold_chronic_pain_dev.jsonl", "eval/chronic_pain_articles"),
    ("pool dev", "repo:data/eval/pool/gold_dev.jsonl", "eval/pain_trials_pool"),
    ("batch 4", "repo:data/eval/pool/gold_dev_batch4.jsonl", "eval/pain_trials_pool"),
    ("batch 5", "repo:data/eval/pool/gold_dev_batch5.jsonl", "eval/pain_trials_pool"),
    ("batch 6", "repo:data/eval/pool/gold_dev_batch6.jsonl", "eval/pain_trials_pool"),
    ("batch 7", "repo:data/eval/pool/gold_blind.jsonl", "eval/pain_trials_pool"),  # retired blind: dev now
)


@dataclass
class DevRecord:
    """One dev gold record, its article's extraction context (findings filled by the rules) and the rules' record."""

    set_name: str
    key: str  # the article (pmcid, else pmid): CV folds group on it
    gold: dict[str, Any]
    ctx: Context
    predicted: dict[str, Any]


def _article(folder: Path, record: dict[str, Any]) -> Any:
    pmcid = str(record.get("pmcid") or "").upper()
    path = folder / f"{pmcid}.nxml"
    if not pmcid or not path.exists():
        return None
    for article in parse_file(path):
        return article
    return None


RULES_ONLY = {"KE_N_READER": "rules", "KE_FU_READER": "rules"}  # the rankers' inputs are the rules' answers


@contextmanager
def rules_readers() -> Iterator[None]:
    """The rules' readers for every field while inside (the environment restored after)."""
    saved = {k: os.environ.get(k) for k in RULES_ONLY}
    os.environ.update(RULES_ONLY)
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def run_rules(article: Any, intervention: str) -> tuple[Context, dict[str, Any]]:
    """Every extractor on one article (as ``extract_findings``) with the rules' readers, keeping the context; and
    the gold-format record."""
    with rules_readers():
        return _run(article, intervention)


def _run(article: Any, intervention: str) -> tuple[Context, dict[str, Any]]:
    resolved = resolve_intervention(intervention)
    article_cache.new_article()
    ctx = make_context(article, resolved)
    mentioned = ctx.intervention.mentioned_in(ctx.text)
    fast_re.spell_gates(not mentioned)
    for module, specific, named_in_part in _PLAN:
        if mentioned or not specific or (named_in_part is not None and named_in_part(ctx)):
            ctx.findings.extend(module.extract(ctx))
    return ctx, build_study_record(article, ctx.findings, resolved.name).to_gold()


def dev_records(repo: Path, shared: Path) -> Iterator[DevRecord]:
    """Every dev gold record whose article is held, extracted by the rules."""
    for name, gold_ref, folder in DEV_SETS:
        where, rel = gold_ref.split(":", 1)
        gold_path = (repo if where == "repo" else shared) / rel
        for record in load_gold(gold_path):
            article = _article(shared / folder, record)
            if article is None:
                continue
            ctx, predicted = run_rules(article, record.get("intervention") or DEFAULT_INTERVENTION)
            key = str(record.get("pmcid") or record.get("pmid"))
            yield DevRecord(name, key, record, ctx, predicted)
