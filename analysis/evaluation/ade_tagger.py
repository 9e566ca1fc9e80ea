"""Training of the ADE span tagger (:mod:`ketamine_evidence.analysis.extract.ade_span_tagger`): which words of
an ADE-Corpus-V2 positive sentence are its annotated effect and drug (``DRUG-AE.rel``), and a multinomial
logistic regression (scikit-learn, training time only) over each token's features that learns them.

Round 8 (ade9, ``benchmarks/ade_span_tagger``) fixed the variant by grouped CV on a selection part of the
corpus: C = 1, a token masked at probability 0.5, the maximum probabilities in five bins.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence

from ketamine_evidence.analysis.extract.ade_span_tagger import SpanTagger, token_features
from ketamine_evidence.analysis.extract.event_sentences import _TOKEN_CASED, RuleSignals

Spans = dict[str, tuple[set[tuple[str, ...]], set[tuple[str, ...]]]]

C = 1.0  # inverse L2 regularisation strength of the tagger
SEED = 13
CLASSES = ("AE", "DRG", "O")


def sentence_spans(directory: Path) -> Spans:
    """Sentence text -> (effect phrases, drug phrases) annotated for it in DRUG-AE.rel (lower-cased word tuples)."""
    out: Spans = {}
    lines = (Path(directory) / "DRUG-AE.rel").read_text(encoding="utf-8", errors="replace").splitlines()
    for line in lines:
        parts = line.split("|")
        if len(parts) >= 6:
            effects, drugs = out.setdefault(parts[1].strip(), (set(), set()))
            effects.add(tuple(t.lower() for t in _TOKEN_CASED.findall(parts[2])))
            drugs.add(tuple(t.lower() for t in _TOKEN_CASED.findall(parts[5])))
    return out


def span_labels(tokens: Sequence[str], effects: set[tuple[str, ...]], drugs: set[tuple[str, ...]]) -> list[str]:
    """Each token's class: ``AE`` / ``DRG`` where it lies in an occurrence of an annotated phrase (drug phrases
    written last, so a word in both is a drug), else ``O``."""
    labels = ["O"] * len(tokens)
    for phrases, tag in ((effects, "AE"), (drugs, "DRG")):
        for phrase in phrases:
            n = len(phrase)
            for k in range(len(tokens) - n + 1) if n else ():
                if tuple(tokens[k:k + n]) == phrase:
                    labels[k:k + n] = [tag] * n
    return labels


def fit_sklearn_tagger(sentences: Sequence[str], signals: Sequence[RuleSignals], spans: Spans) -> tuple[Any, Any]:
    """(DictVectorizer, LogisticRegression) fitted on the tokens of the given sentences that have annotated spans
    (the positives)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows: list[list[str]] = []
    labels: list[str] = []
    for text, sig in zip(sentences, signals):
        if text in spans:
            raw = _TOKEN_CASED.findall(text)
            rows.extend(token_features(raw, sig.drug_words, sig.event_words))
            labels.extend(span_labels([r.lower() for r in raw], *spans[text]))
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform([dict.fromkeys(f, 1) for f in rows])
    return vectorizer, LogisticRegression(C=C, max_iter=1000, random_state=SEED).fit(x, labels)


def fit_tagger(sentences: Sequence[str], signals: Sequence[RuleSignals], spans: Spans) -> SpanTagger:
    """The tagger fitted on the given sentences' annotated spans, every weight kept, for plain-Python scoring."""
    return as_span_tagger(*fit_sklearn_tagger(sentences, signals, spans))


def as_span_tagger(vectorizer: Any, model: Any) -> SpanTagger:
    """A fitted scikit-learn tagger's weights as a :class:`SpanTagger` (AE and DRG weights minus O's)."""
    assert tuple(model.classes_) == CLASSES, model.classes_
    coef, icpt = model.coef_, model.intercept_
    names = vectorizer.get_feature_names_out()
    weights = {str(f): (float(coef[0, i] - coef[2, i]), float(coef[1, i] - coef[2, i])) for i, f in enumerate(names)}
    return SpanTagger(weights, (float(icpt[0] - icpt[2]), float(icpt[1] - icpt[2])))


def truncated(tagger: SpanTagger, keep: int) -> SpanTagger:
    """The tagger with only the ``keep`` features whose larger absolute weight is largest (for shipping)."""
    order = sorted(tagger.weights, key=lambda f: max(abs(tagger.weights[f][0]), abs(tagger.weights[f][1])),
                   reverse=True)[:keep]
    return SpanTagger({f: tagger.weights[f] for f in order}, tagger.intercept)
