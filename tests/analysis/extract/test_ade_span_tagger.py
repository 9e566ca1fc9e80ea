"""The ADE span tagger's run-time half: token features, the softmax in plain Python, the span features."""

from __future__ import annotations

import math

from ketamine_evidence.analysis.extract.ade_span_tagger import SpanTagger, span_features, token_features


def test_token_features_read_word_affixes_shape_neighbours_and_the_rules_tags():
    # ADE-Corpus-V2, PMID 10030778.
    raw = ["Intravenous", "azithromycin", "induced", "ototoxicity"]
    feats = token_features(raw, {"azithromycin"}, {"ototoxicity"})
    assert len(feats) == 4 and all(f[-1] == "bias" for f in feats)
    assert {"w=azithromycin", "s3=cin", "s4=ycin", "s5=mycin", "p4=azit", "sh=x", "n=DRUG", "w-1=intravenous",
            "w+1=induced", "w-2=<s>", "w+2=ototoxicity", "b-=intravenous|azithromycin", "b+=azithromycin|induced",
            "n-1=-", "n+1=-"} == set(feats[1]) - {"bias"}
    assert {"sh=Xx", "w-1=<s>", "w-2=<s>", "n-1=<s>", "n=-"} <= set(feats[0])
    assert {"n=EVENT", "w+1=</s>", "w+2=</s>", "n+1=</s>", "b+=ototoxicity|</s>"} <= set(feats[3])
    assert "sh=X" in token_features(["HCQ"], (), ())[0] and "sh=d" in token_features(["54"], (), ())[0]


def test_probabilities_are_a_softmax_with_o_at_zero():
    tagger = SpanTagger({"w=rash": (2.0, -1.0), "n=DRUG": (-0.5, 3.0)}, (-1.0, -1.0))
    (pa, pd), (qa, qd) = tagger.probabilities([["w=rash", "unknown"], ["n=DRUG"]])
    z = 1 + math.e + math.exp(-2)
    assert math.isclose(pa, math.e / z) and math.isclose(pd, math.exp(-2) / z)
    z = 1 + math.exp(-1.5) + math.exp(2)
    assert math.isclose(qa, math.exp(-1.5) / z) and math.isclose(qd, math.exp(2) / z)
    assert tagger.probabilities([]) == []
    assert SpanTagger.from_json(tagger.as_json()) == tagger


def test_span_features_mask_predicted_effect_and_drug_runs():
    # ADE-Corpus-V2, PMID 10048291: 'Unaccountable severe hypercalcemia in a patient treated for
    # hypoparathyroidism with dihydrotachysterol.' The disease treated stays below the cut.
    tokens = ["unaccountable", "severe", "hypercalcemia", "in", "a", "patient", "treated", "for",
              "hypoparathyroidism", "with", "dihydrotachysterol"]
    low = (0.01, 0.01)
    probs = [low, low, (0.9, 0.05), low, low, low, low, low, (0.45, 0.1), low, (0.1, 0.8)]
    feats = span_features(tokens, probs)
    assert {"pn:PAE", "pn:PDR", "pb:severe PAE", "pb:PAE in", "pb:with PDR", "pb:PDR </s>", "pt:with PDR </s>",
            "po:AD", "pAD:hypoparathyroidism", "pAD:treated", "pmaxae=4", "pmaxdr=4", "pboth=True"} <= feats
    assert not any(f.startswith("pDA") for f in feats)
    # A run of effect tokens is one effect: 'increased calcium release' (PMID 10048291).
    run = span_features(["to", "increased", "calcium", "release", "into"], [low, (0.7, 0.1), (0.8, 0.1), (0.6, 0.2), low])
    assert "pt:to PAE into" in run and "pboth=False" in run and "pmaxdr=1" in run
    assert span_features([], []) == {"pmaxae=0", "pmaxdr=0", "pboth=False"}
