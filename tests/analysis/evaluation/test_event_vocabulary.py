"""Recall of the adverse-event vocabulary on ADE-Corpus and PHEE effect phrases."""

from __future__ import annotations

from ketamine_evidence.analysis.evaluation import event_vocabulary
from tests.conftest import EVAL

EXTERNAL = EVAL / "external"


def test_effect_phrases_are_read_from_both_corpora():
    ade = event_vocabulary.ade_corpus_effects(EXTERNAL / "ade_corpus_v2")
    phee = event_vocabulary.phee_effects(EXTERNAL / "phee")
    assert len(ade) == 6821 and "ototoxicity" in ade[:1]
    assert len(phee) > 4000 and "thyrotoxicosis" in phee


def test_a_phrase_maps_to_the_terms_of_its_first_event_wording():
    assert event_vocabulary.event_terms("serious and, occasionally, fatal hyperkalaemia") == ("other",)
    assert event_vocabulary.event_terms("fulminant hepatic failure") == ("hepatotoxicity",)
    assert event_vocabulary.event_terms("acute unilateral total visual loss") == ("visual_disturbance",)
    assert event_vocabulary.event_terms("carbamazepine toxicity") == ()  # 'toxicity' names no event
    assert event_vocabulary.normalise(" Stevens-Johnson  Syndrome.") == "stevens-johnson syndrome"


def test_recall_on_the_labelled_effects():
    result = event_vocabulary.coverage("ADE-Corpus", event_vocabulary.ade_corpus_effects(EXTERNAL / "ade_corpus_v2"))
    assert result.phrases == 6821 and result.recall > 0.5  # 0.232 before the pharmacovigilance vocabulary
    assert result.missing["carbamazepine toxicity"] > 10
    assert "rhabdomyolysis" not in result.missing
