"""Training the pain reader: Evidence Inference spans outside every article we evaluate, grouped CV, weights file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ketamine_evidence.analysis.evaluation import ei_corpus
from ketamine_evidence.analysis.evaluation import pain_reader_training as prt
from ketamine_evidence.base.errors import InputError
from tests.conftest import EVAL

ROOT = EVAL / "external" / "evidence_inference"
needs_corpus = pytest.mark.skipif(not (ROOT / "prompts_merged.csv").is_file(), reason="shared corpus not present")


def test_exclusions_read_with_or_without_the_pmc_prefix(tmp_path: Path) -> None:
    path = tmp_path / "exclude.txt"
    path.write_text("PMC3556012\n4061098  # batch 7\n\n# a comment\npmc5133722\n", encoding="utf-8")
    assert prt.read_exclusions(path) == {"3556012", "4061098", "5133722"}
    with pytest.raises(InputError):
        prt.read_exclusions(tmp_path / "missing.txt")


def test_named_polarity_knows_harms_and_benefits_not_unknown_outcomes() -> None:
    # Evidence Inference prompt outcomes: a harm less is better, a benefit more, an unknown quantity neither
    assert prt.named_polarity("Postoperative nausea and vomiting") == "lower_better"
    assert prt.named_polarity("Mortality") == "lower_better"
    assert prt.named_polarity("pain scores") == "lower_better"
    assert prt.named_polarity("Overall improvement") == "higher_better"
    assert prt.named_polarity("Recurrence-free survival") == "higher_better"
    assert prt.named_polarity("serum creatinine") is None


@needs_corpus
def test_no_excluded_article_is_trained_on(tmp_path: Path) -> None:
    """Excluding an article removes every one of its prompts; the weights file is written where asked."""
    ids = sorted({p.pmcid for p in ei_corpus.load_prompts(ROOT, "all", require_article=False)})
    rest = set(ids[30:])  # a small corpus: the first 30 articles only
    some = prt.examples(ROOT, rest, "named")
    first = some[0].prompt.pmcid
    fewer = prt.examples(ROOT, rest | {first}, "named")
    assert first not in {e.prompt.pmcid for e in fewer}
    assert len(fewer) == len(some) - sum(e.prompt.pmcid == first for e in some) > 0
    exclude = tmp_path / "exclude.txt"
    exclude.write_text("\n".join(f"PMC{i}" for i in sorted(rest)), encoding="utf-8")
    out = tmp_path / "reader.json"
    assert prt.main(["--train", "--folds", "2", "--exclude", str(exclude), "--out", str(out), str(ROOT)]) == 0
    weights = json.loads(out.read_text(encoding="utf-8"))
    assert weights["classes"] == ["up", "down", "none"] and len(weights["bias"]) == 3


def test_shipped_reader_was_trained_outside_the_exclusion_list() -> None:
    """The shipped weights exist and hold the direction model's feature kinds (masked words, rules' signals)."""
    path = prt.LEXICONS / prt.MODEL_FILE
    weights = json.loads(path.read_text(encoding="utf-8"))["weights"]
    assert any(f.startswith("w:xintv") or f.startswith("b:xintv") for f in weights)
    assert any(f.startswith("rule:") for f in weights)
