"""Training of the ADE span tagger: labels from DRUG-AE.rel, equality of the plain-Python scorer with
scikit-learn's, cross-fitting in the classifier's training features."""

from __future__ import annotations

import pytest

from ketamine_evidence.analysis.evaluation import ade_classifier, ade_corpus, ade_tagger
from ketamine_evidence.analysis.extract.ade_span_tagger import SpanTagger, token_features
from ketamine_evidence.analysis.extract.event_sentences import _TOKEN_CASED, rule_signals, sentence_features
from tests.conftest import EVAL

ADE = EVAL / "external" / "ade_corpus_v2"
CALCIUM = ("Immobilization, while Paget's bone disease was present, and perhaps enhanced activation of "
           "dihydrotachysterol by rifampicin, could have led to increased calcium-release into the circulation.")
AZITHROMYCIN = "Intravenous azithromycin-induced ototoxicity."
HYPERCALCEMIA = ("Unaccountable severe hypercalcemia in a patient treated for hypoparathyroidism with "
                 "dihydrotachysterol.")


def test_labels_are_the_sentences_own_annotated_phrases():
    spans = ade_tagger.sentence_spans(ADE)
    assert spans[CALCIUM] == ({("increased", "calcium", "release")}, {("dihydrotachysterol",)})
    tokens = [t.lower() for t in _TOKEN_CASED.findall(CALCIUM)]
    labels = ade_tagger.span_labels(tokens, *spans[CALCIUM])
    tagged = {t: lab for t, lab in zip(tokens, labels) if lab != "O"}
    # Rifampicin is a drug of the sentence but not the one annotated with this effect: O.
    assert tagged == {"dihydrotachysterol": "DRG", "increased": "AE", "calcium": "AE", "release": "AE"}


def test_plain_python_scores_equal_scikit_learns():
    pytest.importorskip("sklearn")
    sentences, labels, _ = ade_classifier.corpus(ADE)
    chosen = [s for s, y in zip(sentences, labels) if y][:300]
    signals = [rule_signals(s) for s in chosen]
    vectorizer, model = ade_tagger.fit_sklearn_tagger(chosen, signals, ade_tagger.sentence_spans(ADE))
    tagger = ade_tagger.as_span_tagger(vectorizer, model)
    unseen = [s for s, y in zip(sentences, labels) if y][300:303] + [s for s, y in zip(sentences, labels) if not y][:3]
    for text in unseen + chosen[:2]:
        sig = rule_signals(text)
        feats = token_features(_TOKEN_CASED.findall(text), sig.drug_words, sig.event_words)
        expected = model.predict_proba(vectorizer.transform([dict.fromkeys(f, 1) for f in feats]))
        got = tagger.probabilities(feats)
        for (pa, pd), row in zip(got, expected):
            assert pa == pytest.approx(row[0], abs=1e-6) and pd == pytest.approx(row[1], abs=1e-6)
    kept = ade_tagger.truncated(tagger, 100)
    assert len(kept.weights) == 100 and kept.intercept == tagger.intercept
    smallest = min(max(abs(a), abs(d)) for a, d in kept.weights.values())
    assert all(max(abs(a), abs(d)) <= smallest for f, (a, d) in tagger.weights.items() if f not in kept.weights)


def test_training_sentences_are_tagged_by_a_tagger_that_never_saw_their_abstract():
    pytest.importorskip("sklearn")
    sentences, pmids = [AZITHROMYCIN, HYPERCALCEMIA, CALCIUM], ["10030778", "10048291", "10048291"]
    signals = [rule_signals(s) for s in sentences]
    annotated = ade_corpus.annotations(ADE)
    spans = ade_tagger.sentence_spans(ADE)
    feats = ade_classifier.training_features(sentences, signals, pmids, annotated, spans)
    # The azithromycin sentence is read by a tagger fitted on PMID 10048291's two sentences alone.
    other = ade_tagger.fit_tagger(sentences[1:], signals[1:], spans)
    gaz = ade_classifier.gazetteer(annotated, pmids[1:])
    assert feats[0] == sentence_features(AZITHROMYCIN, signals[0], gaz, other)
    assert any(f.startswith("pmaxae=") for f in feats[0])
    alone = ade_tagger.fit_tagger(sentences[:1], signals[:1], spans)
    assert feats[1] == sentence_features(HYPERCALCEMIA, signals[1], ade_classifier.gazetteer(annotated, pmids[:1]),
                                         alone)
    assert isinstance(other, SpanTagger) and other.weights != alone.weights
