"""Span tagger experiment: token-level LR (O / AE / DRG) learned from DRUG-AE.rel phrases, cross-fitted."""
import sys
import numpy as np
sys.path.insert(0, str(__import__("pathlib").Path(__file__).parent))
from screen import D, ANN, run, gaz_feats, ac
from ketamine_evidence.analysis.extract.event_sentences import _TOKEN_CASED, _pair_features
from ketamine_evidence.analysis.evaluation.ade_corpus import DEFAULT_DIR

# per-sentence annotated phrases (from DRUG-AE.rel lines, by sentence text)
SPANS = {}
for line in open(DEFAULT_DIR / "DRUG-AE.rel", encoding="utf-8", errors="replace"):
    p = line.rstrip("\n").split("|")
    if len(p) >= 6:
        e = SPANS.setdefault(p[1].strip(), (set(), set()))
        e[0].add(tuple(t.lower() for t in _TOKEN_CASED.findall(p[2]))); e[1].add(tuple(t.lower() for t in _TOKEN_CASED.findall(p[5])))

RAW = [_TOKEN_CASED.findall(s) for s in D["s"]]
LOW = [[t.lower() for t in r] for r in RAW]

def labels(i):
    toks = LOW[i]; lab = ["O"] * len(toks)
    eff, drg = SPANS.get(D["s"][i], (set(), set()))
    for phrases, tag in ((eff, "AE"), (drg, "DRG")):
        for ph in phrases:
            n = len(ph)
            if not n: continue
            for k in range(len(toks) - n + 1):
                if tuple(toks[k:k + n]) == ph:
                    for q in range(k, k + n): lab[q] = tag
    return lab

def shape(r):
    return ("X" if r.isupper() and len(r) > 1 else "Xx" if r[0].isupper() else "d" if r.isdigit() else "x")

def tok_feats(i):
    toks, raw = LOW[i], RAW[i]
    sig = D["sig"][i]
    norm = ["DRUG" if t in sig.drug_words else "EVENT" if t in sig.event_words else "-" for t in toks]
    pad = ["<s>", "<s>"] + toks + ["</s>", "</s>"]
    out = []
    for k, (t, r) in enumerate(zip(toks, raw)):
        f = [f"w={t}", f"s3={t[-3:]}", f"s4={t[-4:]}", f"s5={t[-5:]}", f"p4={t[:4]}", f"sh={shape(r)}", f"n={norm[k]}",
             f"w-1={pad[k+1]}", f"w+1={pad[k+3]}", f"w-2={pad[k]}", f"w+2={pad[k+4]}",
             f"b-={pad[k+1]}|{t}", f"b+={t}|{pad[k+3]}",
             f"n-1={norm[k-1] if k else '<s>'}", f"n+1={norm[k+1] if k+1 < len(toks) else '</s>'}", "bias"]
        out.append(f)
    return out

TF = [tok_feats(i) for i in range(len(D["s"]))]

def fit_tagger(idx, C=1.0):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    X, Y = [], []
    for i in idx:
        if D["y"][i]:
            X.extend(TF[i]); Y.extend(labels(i))
    v = DictVectorizer(); x = v.fit_transform([dict.fromkeys(f, 1) for f in X])
    m = LogisticRegression(C=C, max_iter=1000, random_state=13).fit(x, Y)
    return v, m

def tag(vm, idx):
    v, m = vm
    flat = [f for i in idx for f in TF[i]]
    if not flat: return {}
    pr = m.predict_proba(v.transform([dict.fromkeys(f, 1) for f in flat]))
    cls = list(m.classes_); ia, idr = cls.index("AE"), cls.index("DRG")
    out, k = {}, 0
    for i in idx:
        n = len(TF[i]); out[i] = (pr[k:k+n, ia], pr[k:k+n, idr]); k += n
    return out

def tag_features(i, probs, cut=0.5):
    pa, pd = probs
    toks = LOW[i]
    masked = []
    for t, a, d in zip(toks, pa, pd):
        m = "PAE" if a >= cut and a >= d else "PDR" if d >= cut else t
        if m in ("PAE", "PDR") and masked and masked[-1] == m: continue
        masked.append(m)
    out = {f"pn:{t}" for t in masked if t in ("PAE", "PDR")}
    edged = ["<s>", *masked, "</s>"]
    out.update(f"pb:{a} {b}" for a, b in zip(edged, edged[1:]) if {a, b} & {"PAE", "PDR"})
    out.update(f"pt:{a} {b} {c}" for a, b, c in zip(edged, edged[1:], edged[2:]) if {a, b, c} & {"PAE", "PDR"})
    cause = [j for j, t in enumerate(masked) if t == "PDR"]; effect = [j for j, t in enumerate(masked) if t == "PAE"]
    out |= _pair_features(masked, cause, effect, ("DA", "AD"), "po:", "p", ("PDR", "PAE"))
    ma = float(max(pa)) if len(pa) else 0.0; md = float(max(pd)) if len(pd) else 0.0
    out.add(f"pmaxae={min(int(ma * 5), 4)}"); out.add(f"pmaxdr={min(int(md * 5), 4)}")
    out.add(f"pboth={bool(cause) and bool(effect)}")
    return sorted(out)

def tagged_feats(tr, te):
    ftr, fte = gaz_feats(tr, te)
    tr_p = [D["g"][i] for i in tr]
    part = ac._folds(tr_p, ac.CROSS_FIT)
    probs = {}
    for p in range(ac.CROSS_FIT):
        vm = fit_tagger([i for i, q in zip(tr, part) if q != p])
        probs.update(tag(vm, [i for i, q in zip(tr, part) if q == p]))
    vm = fit_tagger(tr); probs.update(tag(vm, te))
    ftr = [f + tag_features(i, probs[i]) for f, i in zip(ftr, tr)]
    fte = [f + tag_features(i, probs[i]) for f, i in zip(fte, te)]
    return ftr, fte

if __name__ == "__main__":
    import time; t = time.time()
    # quick tagger sanity: token accuracy on one split
    sel = __import__("screen").SEL
    run("shipped + span tagger features", tagged_feats)
