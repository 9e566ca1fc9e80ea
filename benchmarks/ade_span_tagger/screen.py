"""Round-8 screening: 5 PMID-grouped folds inside the selection part only."""
import pickle, random, sys, time
from pathlib import Path
import numpy as np
from ketamine_evidence.analysis.evaluation import ade_classifier as ac
from ketamine_evidence.analysis.evaluation.ade_corpus import DEFAULT_DIR, annotations
from ketamine_evidence.analysis.extract.event_sentences import rule_signals, sentence_features, phrase_tokens, _TOKEN_CASED

CACHE = Path("/tmp/ade_span_tagger_cache.pkl")  # every sentence's rule signals and features (~30 s to build)
def load():
    if CACHE.exists():
        return pickle.loads(CACHE.read_bytes())
    s, y, g = ac.corpus(DEFAULT_DIR)
    sig = [rule_signals(x) for x in s]
    base = [sentence_features(x, q) for x, q in zip(s, sig)]
    d = dict(s=s, y=y, g=g, sig=sig, base=base)
    CACHE.write_bytes(pickle.dumps(d))
    return d

D = load()
conf = {l.strip() for l in open("data/eval/ade_confirmation_pmids.txt") if l.strip() and not l.startswith("#")}
ANN = annotations(DEFAULT_DIR)
SEL = [i for i, g in enumerate(D["g"]) if g not in conf]

def f1(pred, y):
    tp = sum(p and t for p, t in zip(pred, y)); fp = sum(p and not t for p, t in zip(pred, y)); fn = sum(t and not p for p, t in zip(pred, y))
    P = tp / (tp + fp) if tp + fp else 0; R = tp / (tp + fn) if tp + fn else 0
    return (2 * P * R / (P + R) if P + R else 0), P, R

def run(name, featfn, k=5, fitfn=None):
    """featfn(train_idx, test_idx) -> (train feature lists, test feature lists)."""
    t0 = time.time()
    fold = ac._folds([D["g"][i] for i in SEL], k)
    scores = {}
    for f in range(k):
        tr = [SEL[j] for j, q in enumerate(fold) if q != f]; te = [SEL[j] for j, q in enumerate(fold) if q == f]
        ftr, fte = featfn(tr, te)
        sc = (fitfn or fit_lr)(ftr, [D["y"][i] for i in tr], fte)
        scores.update(zip(te, sc))
    ys = [D["y"][i] for i in SEL]; sc = [scores[i] for i in SEL]
    F, P, R = f1([x > 0 for x in sc], ys)
    best = max((f1([x > t for x in sc], ys)[0], t) for t in np.arange(-1.5, 1.51, 0.1))
    print(f"{name}: F1 {F:.4f} P {P:.3f} R {R:.3f} | oracle {best[0]:.4f}@{best[1]:.1f} ({time.time()-t0:.0f}s)", flush=True)
    return scores

def fit_lr(ftr, ytr, fte, C=0.5):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    v = DictVectorizer(); x = v.fit_transform([dict.fromkeys(f, 1) for f in ftr])
    m = LogisticRegression(C=C, max_iter=2000, class_weight="balanced", random_state=13).fit(x, ytr)
    return m.decision_function(v.transform([dict.fromkeys(f, 1) for f in fte]))

def gaz_feats(tr, te):
    """The shipped features: cross-fitted gazetteer for training, training-fold gazetteer for test."""
    from ketamine_evidence.analysis.extract.event_sentences import gazetteer_features
    s, sig = D["s"], D["sig"]
    tr_p = [D["g"][i] for i in tr]
    part = ac._folds(tr_p, ac.CROSS_FIT)
    ftr = [None] * len(tr)
    for p in range(ac.CROSS_FIT):
        gz = ac.gazetteer(ANN, (g for g, q in zip(tr_p, part) if q != p))
        for j in (j for j, q in enumerate(part) if q == p):
            i = tr[j]; toks = [t.lower() for t in _TOKEN_CASED.findall(s[i])]
            ftr[j] = D["base"][i] + sorted(gazetteer_features(toks, gz))
    gz = ac.gazetteer(ANN, tr_p)
    fte = [D["base"][i] + sorted(gazetteer_features([t.lower() for t in _TOKEN_CASED.findall(s[i])], gz)) for i in te]
    return ftr, fte

if __name__ == "__main__":
    run("reference (shipped features, LR C=0.5)", gaz_feats)
