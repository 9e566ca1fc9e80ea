"""The learned ADE sentence classifier: features, the shipped model, grouped cross-validation."""

from __future__ import annotations

import re

import pytest

from ketamine_evidence.analysis.evaluation import ade_classifier, ade_corpus
from ketamine_evidence.analysis.extract.event_sentences import (Gazetteer, detect_adverse_event_sentence, load_model,
                                                                phrase_tokens, rule_signals, sentence_features)
from tests.conftest import EVAL

ADE = EVAL / "external" / "ade_corpus_v2"


def test_features_mark_drugs_events_and_the_rules_reading():
    feats = sentence_features("A 54-year-old man, treated with amiodarone, developed thyrotoxicosis.")
    assert {"n:DRUG", "n:EVENT", "rule:verdict=True", "rule:drug=True", "u:amiodarone"} <= set(feats)
    assert "wDE:developed" in feats and "o:DE" in feats  # the words between the drug and the event
    # Masked trigrams and the sentence's edges: 'DRUG developed EVENT', 'EVENT </s>'.
    assert {"t:DRUG developed EVENT", "b:EVENT </s>", "b:<s> a"} <= set(feats)
    assert feats == sentence_features("A 54-year-old man, treated with amiodarone, developed thyrotoxicosis.")
    plain = sentence_features("The weather was fine.")
    assert "n:DRUG" not in plain and "rule:verdict=False" in plain


def test_gazetteer_masks_annotated_phrases_the_lexicons_lack():
    sentence = ("Immobilization, while Paget's bone disease was present, and perhaps enhanced activation of "
                "dihydrotachysterol by rifampicin, could have led to increased calcium-release into the circulation.")
    gaz = Gazetteer(frozenset({phrase_tokens("increased calcium-release")}),
                    frozenset({phrase_tokens("dihydrotachysterol"), phrase_tokens("rifampicin")}))
    assert gaz.mask(list(phrase_tokens("by rifampicin, could have led to increased calcium-release into")))[:2] == \
        ["by", "DRG"]
    feats = set(sentence_features(sentence, gazetteer=gaz))
    assert {"gn:DRG", "gn:AE", "gboth=True", "gt:led to AE", "gDA:led", "go:DA"} <= feats
    assert not any(f.startswith("g") for f in sentence_features(sentence))  # no gazetteer, no such features


def test_training_features_never_read_their_own_abstracts_phrases():
    sentences = ["Intravenous azithromycin-induced ototoxicity.",
                 "Unaccountable severe hypercalcemia in a patient treated for hypoparathyroidism with dihydrotachysterol."]
    annotated = {p: a for p, a in ade_corpus.annotations(ADE).items() if p in ("10030778", "10048291")}
    feats = ade_classifier.training_features(sentences, [rule_signals(s) for s in sentences],
                                             ["10030778", "10048291"], annotated)
    assert all("gn:AE" not in f and "gboth=False" in f for f in feats)
    full = ade_classifier.gazetteer(annotated, ["10030778", "10048291"])
    assert "gboth=True" in sentence_features(sentences[0], gazetteer=full)


def test_shipped_model_decides_for_any_drug_and_the_rules_for_a_named_drug():
    model = load_model()
    assert 0 < len(model.weights) <= ade_classifier.MAX_FEATURES and model.gazetteer is not None
    assert ("ototoxicity",) in model.gazetteer.effects and ("azithromycin",) in model.gazetteer.drugs
    assert model.tagger is not None and 0 < len(model.tagger.weights) <= ade_classifier.MAX_TAGGER_FEATURES
    sentence = "Some patients develop hypersensitivity rash in response to HCQ."
    feats = sentence_features(sentence, gazetteer=model.gazetteer, tagger=model.tagger)
    assert {"pn:PAE", "pn:PDR", "pboth=True"} <= set(feats)  # 'hypersensitivity rash' and 'HCQ' are tagged
    assert detect_adverse_event_sentence(sentence) is (model.score(feats) > model.threshold)
    assert detect_adverse_event_sentence("Rapid resolution of glaucoma with methylprednisolone and mannitol.") is False
    # ADE-Corpus-V2, PMID 10030778: its annotated positive, and a negative naming the same drug.
    assert detect_adverse_event_sentence("Intravenous azithromycin-induced ototoxicity.") is True
    assert detect_adverse_event_sentence("Intravenous azithromycin is increasingly administered for treatment of "
                                         "hospitalized patients with community-acquired pneumonia.") is False
    # With the intervention given (the extractor's reading of abstracts), only the rules decide.
    ketamine = re.compile(r"\bketamine\b", re.I)
    assert detect_adverse_event_sentence("Hallucinations occurred in 3 patients after ketamine.", ketamine,
                                         about_drug=True) is True


def test_grouped_cross_validation_on_a_slice():
    pytest.importorskip("sklearn")
    sentences, labels, pmids = ade_classifier.corpus(ADE)
    assert len(sentences) == len(set(sentences)) == len(labels) == len(pmids)
    assert sum(labels) == 4271
    result = ade_classifier.cross_validate(ADE, k=3, limit=900)
    assert result.tp + result.fp + result.fn + result.tn == 900
    assert result.f1 > 0.5  # positives are about a fifth: chance would give about 0.3


def test_fitting_is_reproducible():
    pytest.importorskip("sklearn")
    rows = ade_corpus.labelled_sentences(ADE)[:150] + ade_corpus.labelled_sentences(ADE)[-150:]
    feats = [sentence_features(s) for s, _, _ in rows]
    labels = [label for _, label, _ in rows]
    first, second = (ade_classifier.fit(feats, labels, max_features=200) for _ in range(2))
    assert first == second and len(first.weights) == 200
