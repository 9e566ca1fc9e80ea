"""Metamorphic invariance: how often extraction changes under rewrites that keep the gold answer.

No fresh annotated text is left, so generalisation is measured by rewriting the dev abstracts in ways a
reader would annotate identically (``invariance_text``, ``invariance_compare``, ``invariance_time``,
``invariance_trial``, ``invariance_arms``, ``invariance_events``, ``invariance_contrast``, ``invariance_readings`` and
``invariance_design`` say why each keeps the answer) and counting, per rewrite and per field, the share of records
whose extracted value changed. A set named in ``CHECK_SETS`` is scored in aggregate only (``--show-changes``
refuses it); none is now: batch 6, the check set until the eighth round, is dev.

    python -m ketamine_evidence.analysis.evaluation.invariance [--sets pool_dev,batch4] [--json] [--show-changes]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable

from ketamine_evidence.analysis.evaluation.gold import (DEFAULT_INTERVENTION, FIELD_ORDER, SET_FIELDS,
                                                        _find_article, _index_articles, load_gold)
from ketamine_evidence.analysis.evaluation.invariance_arms import ARM_REWRITES
from ketamine_evidence.analysis.evaluation.invariance_changes import CHANGE_REWRITES
from ketamine_evidence.analysis.evaluation.invariance_events import EVENT_REWRITES
from ketamine_evidence.analysis.evaluation.invariance_compare import COMPARE_REWRITES, STRUCTURE_REWRITES
from ketamine_evidence.analysis.evaluation.invariance_contrast import CONTRAST_REWRITES
from ketamine_evidence.analysis.evaluation.invariance_design import DESIGN_REWRITES, GOLD_GATES
from ketamine_evidence.analysis.evaluation.invariance_readings import READING_REWRITES
from ketamine_evidence.analysis.evaluation.invariance_text import TEXT_REWRITES, UNSEEN_NAME, rename
from ketamine_evidence.analysis.evaluation.invariance_time import TIME_REWRITES
from ketamine_evidence.analysis.evaluation.invariance_trial import TRIAL_REWRITES
from ketamine_evidence.analysis.records import Article, Section

# name -> (gold file, articles); paths relative to the repository root (``../shared`` beside it).
SETS: dict[str, tuple[str, str]] = {
    "pool_dev": ("data/eval/pool/gold_dev.jsonl", "../shared/eval/pain_trials_pool"),
    "batch4": ("data/eval/pool/gold_dev_batch4.jsonl", "../shared/eval/pain_trials_pool"),
    "batch5": ("data/eval/pool/gold_dev_batch5.jsonl", "../shared/eval/pain_trials_pool"),
    "ketamine_dev": ("../shared/eval/gold_dev.jsonl", "../shared/corpus/pmc_ketamine"),
    "chronic_dev": ("../shared/eval/gold_chronic_pain_dev.jsonl", "../shared/eval/chronic_pain_articles"),
    "batch7": ("data/eval/pool/gold_blind.jsonl", "../shared/eval/pain_trials_pool"),  # the retired first blind split
    "batch6": ("data/eval/pool/gold_dev_batch6.jsonl", "../shared/eval/pain_trials_pool"),
}
CHECK_SETS: frozenset[str] = frozenset()  # aggregate rates only: no per-record output (batch 6 was until round 8)
ALL_TEXT_REWRITES: dict[str, Callable[[str], str]] = {**TEXT_REWRITES, **TIME_REWRITES, **COMPARE_REWRITES,
                                                    **TRIAL_REWRITES, **ARM_REWRITES, **EVENT_REWRITES,
                                                    **CONTRAST_REWRITES, **READING_REWRITES, **CHANGE_REWRITES}
ARTICLE_REWRITES: dict[str, Callable[[Article], Article | None]] = {**STRUCTURE_REWRITES, **DESIGN_REWRITES}
REWRITES = ("rename", *ALL_TEXT_REWRITES, *ARTICLE_REWRITES)
# ``relevant`` is the ketamine question: renaming ketamine changes its answer by definition.
NOT_COMPARED = {"rename": frozenset({"relevant"})}


@dataclass
class Change:
    """One field of one record that a rewrite changed."""

    key: str
    field: str
    before: Any
    after: Any


@dataclass
class RewriteResult:
    """Counts for one rewrite over one set: records it altered, and records per field whose value changed."""

    rewrite: str
    records: int = 0
    applied: int = 0
    changed: dict[str, int] = field(default_factory=dict)
    changes: list[Change] = field(default_factory=list)

    def rates(self) -> dict[str, float]:
        """Share of the altered records whose value changed, per field (0 when the rewrite altered none)."""
        return {f: (self.changed.get(f, 0) / self.applied if self.applied else 0.0) for f in FIELD_ORDER}

    def as_dict(self) -> dict[str, Any]:
        return {"rewrite": self.rewrite, "records": self.records, "applied": self.applied,
                "changed": {f: self.changed.get(f, 0) for f in FIELD_ORDER},
                "rate": {f: round(r, 4) for f, r in self.rates().items()},
                "any_field": round(len({c.key for c in self.changes}) / self.applied, 4) if self.applied else 0.0}


def rewrite_article(article: Article, rewrite: Callable[[str], str]) -> Article | None:
    """``article`` with its title and abstract rewritten as one text (so labels map alike in every part);
    None when the rewrite changes nothing or alters the part structure."""
    text = article.text
    new = rewrite(text)
    if new == text:
        return None
    parts = new.split("\n")
    if len(parts) != 1 + len(article.abstract) or not article.abstract:
        return None
    sections = [Section(s.label, s.category, p) for s, p in zip(article.abstract, parts[1:])]
    return replace(article, title=parts[0], abstract=sections)


def renamed(article: Article, given: str) -> tuple[Article, str] | None:
    """The article and the intervention name with the treatment's drug name replaced by ``UNSEEN_NAME``
    everywhere; None when the name holds no known drug word (a procedure or a device is not renamed: its
    multi-word name carries content a product name would drop) or the text does not use it."""
    from ketamine_evidence.analysis.extract.intervention_names import VERSUS_REMARK, first_drug_word
    from ketamine_evidence.analysis.extract.interventions import resolve_intervention

    drug = first_drug_word(VERSUS_REMARK.sub(" ", given))
    entry = resolve_intervention(given)
    if drug is None and entry.is_drug and re.fullmatch(r"[a-z]{4,}", entry.name):
        drug = entry.name  # a lexicon drug the drug-word list leaves out (ketamine)
    if drug is None:
        return None
    names = re.compile(rf"(?<!\w){re.escape(drug)}(?!\w)", re.I)
    new_article = rewrite_article(article, lambda t: rename(t, names))
    return (new_article, rename(given, names)) if new_article is not None else None


def _values(record: dict[str, Any]) -> dict[str, Any]:
    return {f: (sorted(record.get(f) or ()) if f in SET_FIELDS else record.get(f)) for f in FIELD_ORDER}


def measure(gold_path: Path, input_path: Path, rewrites: tuple[str, ...] = REWRITES) -> list[RewriteResult]:
    """Extract every gold record's article as it is and under each rewrite, and count what changed."""
    from ketamine_evidence.analysis.extract import extract_article
    from ketamine_evidence.analysis.extract.interventions import resolve_intervention
    from ketamine_evidence.analysis.parse import iter_input

    by_pmid, by_pmcid = _index_articles(iter_input(Path(input_path)))
    results = {name: RewriteResult(name) for name in rewrites}
    for record in load_gold(Path(gold_path)):
        article = _find_article(record, by_pmid, by_pmcid)
        if article is None:
            continue
        given = record.get("intervention") or DEFAULT_INTERVENTION
        intervention = resolve_intervention(given)
        base = _values(extract_article(article, intervention)[0].to_gold(with_evidence=False))
        key = str(record.get("pmid") or record.get("pmcid"))
        for name in rewrites:
            result = results[name]
            result.records += 1
            if name in GOLD_GATES and not GOLD_GATES[name](record):
                continue  # the rewrite keeps the gold answer only on these records (invariance_design)
            if name == "rename":
                got = renamed(article, given)
                if got is None:
                    continue
                variant, new_given = got
                study = extract_article(variant, resolve_intervention(new_given))[0]
            else:
                structural = ARTICLE_REWRITES.get(name)
                variant = structural(article) if structural else rewrite_article(article, ALL_TEXT_REWRITES[name])
                if variant is None:
                    continue
                # a time in the treatment's name ('12-week yoga exercise programme') is rewritten with the text
                named = ALL_TEXT_REWRITES[name](given) if name in TIME_REWRITES else given
                study = extract_article(variant, intervention if named == given else resolve_intervention(named))[0]
            result.applied += 1
            after = _values(study.to_gold(with_evidence=False))
            for f in FIELD_ORDER:
                if f in NOT_COMPARED.get(name, ()) or after[f] == base[f]:
                    continue
                result.changed[f] = result.changed.get(f, 0) + 1
                result.changes.append(Change(key, f, base[f], after[f]))
    return list(results.values())


def format_table(set_name: str, results: list[RewriteResult]) -> list[str]:
    """One line per rewrite: records altered, share with any field changed, and the per-field shares."""
    short = {f: f.replace("negated_adverse_events", "neg_ae").replace("adverse_events", "ae")[:10] for f in FIELD_ORDER}
    lines = [f"[{set_name}] {'rewrite':<24}{'applied':>8} {'any':>6} " + " ".join(f"{short[f]:>10}" for f in FIELD_ORDER)]
    for r in results:
        d = r.as_dict()
        lines.append(f"[{set_name}] {r.rewrite:<24}{r.applied:>4}/{r.records:<3} {d['any_field']:>6.3f} "
                     + " ".join(f"{d['rate'][f]:>10.3f}" for f in FIELD_ORDER))
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", default=",".join(SETS), help="comma-separated: " + ", ".join(SETS))
    parser.add_argument("--rewrites", default=",".join(REWRITES), help="comma-separated: " + ", ".join(REWRITES))
    parser.add_argument("--root", default=".", help="repository root (default: current directory)")
    parser.add_argument("--json", action="store_true", help="print the counts and rates as JSON")
    parser.add_argument("--show-changes", action="store_true", help="list changed fields (dev sets only)")
    args = parser.parse_args(argv)
    names = [s for s in args.sets.split(",") if s]
    rewrites = tuple(r for r in args.rewrites.split(",") if r)
    unknown = [s for s in names if s not in SETS] + [r for r in rewrites if r not in REWRITES]
    if unknown:
        parser.error(f"unknown set or rewrite: {', '.join(unknown)}")
    if args.show_changes and CHECK_SETS.intersection(names):
        parser.error("--show-changes is not allowed on the check set (aggregate rates only)")
    root = Path(args.root)
    out: dict[str, Any] = {}
    for name in names:
        gold, articles = SETS[name]
        results = measure(root / gold, root / articles, rewrites)
        out[name] = [r.as_dict() for r in results]
        if not args.json:
            print("\n".join(format_table(name, results)))
            if args.show_changes:
                for r in results:
                    for c in r.changes:
                        print(f"  {name} {r.rewrite} {c.key} {c.field}: {json.dumps(c.before)} -> {json.dumps(c.after)}")
    if args.json:
        print(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
