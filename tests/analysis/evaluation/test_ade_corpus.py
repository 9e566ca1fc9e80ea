"""ADE-Corpus-V2 sentence detection: the corpus reader and a proportional slice scored end to end."""

from __future__ import annotations

import pytest

from ketamine_evidence.analysis.evaluation import ade_corpus
from ketamine_evidence.base.errors import InputError
from tests.conftest import EVAL

ADE = EVAL / "external" / "ade_corpus_v2"


def test_positives_are_deduplicated_sentences():
    positives = ade_corpus.positive_sentences(ADE)
    relations = (ADE / "DRUG-AE.rel").read_text(encoding="utf-8").splitlines()
    assert len(relations) == 6821 and len(positives) == len(set(positives)) == 4271
    assert positives[0] == "Intravenous azithromycin-induced ototoxicity."
    assert len(ade_corpus.negative_sentences(ADE)) == 16695


def test_annotated_phrases_are_read_per_abstract():
    annotated = ade_corpus.annotations(ADE)
    effects, drugs = annotated["10048291"]
    assert ("increased", "calcium", "release") in effects and ("hypercalcemia",) in effects
    assert drugs == {("dihydrotachysterol",)}
    assert annotated["10030778"] == ({("ototoxicity",)}, {("azithromycin",)})


def test_slice_is_scored_with_both_labels(capsys):
    result = ade_corpus.evaluate_corpus(ADE, limit=400, keep_errors=2)
    assert result.tp + result.fp + result.fn + result.tn == 400
    assert result.tp + result.fn == round(400 * 4271 / (4271 + 16695))
    # The detector is far from perfect on case reports, but it must beat chance (precision 0.2) clearly.
    assert result.precision > 0.4 and result.recall > 0.5 and result.f1 > 0.45
    assert len(result.false_positives) <= 2
    assert ade_corpus.main(["--dir", str(ADE), "--limit", "50", "--json", "--cv", "0"]) == 0
    assert '"f1"' in capsys.readouterr().out


def test_missing_corpus_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        ade_corpus.evaluate_corpus(tmp_path / "absent", limit=10)
