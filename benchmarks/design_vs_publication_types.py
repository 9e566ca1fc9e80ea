"""How well the design extractor reads the design from the text alone, checked against PubMed's own
publication types on the genuine PubMed/MEDLINE files in ``../shared/corpus/pubmed_xml``.

Each record whose publication types name a design (Randomized Controlled Trial, Case Reports,
Systematic Review / Meta-Analysis, Guideline, Review, Observational Study) is classified with its
publication types removed (and again with them), and the confusion counts are printed. Nobody on this
project labelled these.

    .venv/bin/python benchmarks/design_vs_publication_types.py
"""

from __future__ import annotations

import _repo_path  # noqa: F401  (before any project import: see benchmarks/_repo_path.py)

import argparse
import dataclasses
from collections import Counter, defaultdict
from pathlib import Path

from ketamine_evidence.analysis.extract import design, make_context
from ketamine_evidence.analysis.parse import parse_file
from ketamine_evidence.base.errors import InputError

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DIR = REPO.parent / "shared" / "corpus" / "pubmed_xml"
# PubMed publication type -> guideline design, most specific first.
TYPE_TO_DESIGN = (
    ("Meta-Analysis", "systematic_review"), ("Systematic Review", "systematic_review"),
    ("Randomized Controlled Trial", "rct"), ("Case Reports", "case_report"),
    ("Practice Guideline", "guideline"), ("Guideline", "guideline"),
    ("Review", "narrative_review"), ("Observational Study", "prospective_observational"),
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", nargs="?", type=Path, default=DEFAULT_DIR)
    args = parser.parse_args()
    confusion: dict[str, Counter[str]] = defaultdict(Counter)
    with_types: dict[str, Counter[str]] = defaultdict(Counter)
    records = 0
    for path in sorted(args.directory.glob("*.xml*")):
        try:
            articles = list(parse_file(path))
        except InputError:
            continue  # esearch/esummary files hold no articles
        for article in articles:
            records += 1
            types = set(article.publication_types)
            label = next((d for t, d in TYPE_TO_DESIGN if t in types), None)
            if label is None:
                continue
            text_only = dataclasses.replace(article, publication_types=[])
            predicted, _, _ = design.classify(make_context(text_only))
            confusion[label][predicted] += 1
            with_types[label][design.classify(make_context(article))[0]] += 1
    print(f"{records} records")
    for title, table in (("title + abstract only", confusion), ("with the publication types", with_types)):
        print(f"design from {title}, by PubMed publication type:")
        for label, counts in sorted(table.items()):
            total = sum(counts.values())
            print(f"  {label:26s} {counts[label]:3d}/{total:<3d} right; predicted {dict(counts.most_common())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
