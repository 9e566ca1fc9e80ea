"""Span tagger experiment: token-level LR (O / AE / DRG) learned from DRUG-AE.rel phrases, cross-fitted.

The tagger's labels, token features, fit and sentence features are the shipped ones
(``analysis/evaluation/ade_tagger.py``, ``analysis/extract/ade_span_tagger.py``); this script only deals them over
the screening folds."""
import sys
sys.path.insert(0, str(__import__("pathlib").Path(__file__).parent))
from screen import D, run, gaz_feats, ac
from ketamine_evidence.analysis.evaluation.ade_corpus import DEFAULT_DIR
from ketamine_evidence.analysis.evaluation.ade_tagger import CLASSES, fit_sklearn_tagger, sentence_spans
from ketamine_evidence.analysis.extract.ade_span_tagger import span_features, token_features
from ketamine_evidence.analysis.extract.event_sentences import _TOKEN_CASED

SPANS = sentence_spans(DEFAULT_DIR)
RAW = [_TOKEN_CASED.findall(s) for s in D["s"]]
LOW = [[t.lower() for t in r] for r in RAW]
TF = [token_features(r, q.drug_words, q.event_words) for r, q in zip(RAW, D["sig"])]


def fit_tagger(idx):
    return fit_sklearn_tagger([D["s"][i] for i in idx], [D["sig"][i] for i in idx], SPANS)


def tag(vm, idx):
    v, m = vm
    flat = [f for i in idx for f in TF[i]]
    if not flat: return {}
    pr = m.predict_proba(v.transform([dict.fromkeys(f, 1) for f in flat]))
    ia, idr = CLASSES.index("AE"), CLASSES.index("DRG")
    out, k = {}, 0
    for i in idx:
        n = len(TF[i]); out[i] = list(zip(pr[k:k+n, ia], pr[k:k+n, idr])); k += n
    return out


def tagged_feats(tr, te):
    ftr, fte = gaz_feats(tr, te)
    tr_p = [D["g"][i] for i in tr]
    part = ac._folds(tr_p, ac.CROSS_FIT)
    probs = {}
    for p in range(ac.CROSS_FIT):
        vm = fit_tagger([i for i, q in zip(tr, part) if q != p])
        probs.update(tag(vm, [i for i, q in zip(tr, part) if q == p]))
    vm = fit_tagger(tr); probs.update(tag(vm, te))
    ftr = [f + sorted(span_features(LOW[i], probs[i])) for f, i in zip(ftr, tr)]
    fte = [f + sorted(span_features(LOW[i], probs[i])) for f, i in zip(fte, te)]
    return ftr, fte


if __name__ == "__main__":
    run("shipped + span tagger features", tagged_feats)
