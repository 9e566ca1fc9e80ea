"""Span-tagger variant: trained on the selection part (cross-fitted gazetteer and tagger, threshold by 3 inner grouped
folds over the training features, as ade_classifier.calibrate), scored once on the confirmation part."""
import sys, time
sys.path.insert(0, str(__import__("pathlib").Path(__file__).parent))
import numpy as np
from screen import D, SEL, f1, fit_lr, ac
from tagger import tagged_feats
t = time.time()
conf_idx = [i for i in range(len(D["s"])) if i not in set(SEL)]
ftr, fte = tagged_feats(SEL, conf_idx)
ytr = [D["y"][i] for i in SEL]; yte = [D["y"][i] for i in conf_idx]
# inner threshold: 3 grouped folds over the (already cross-fitted) training features, as calibrate() does
fold = ac._folds([D["g"][i] for i in SEL], ac.INNER_FOLDS)
sc = [0.0] * len(SEL)
for f in range(ac.INNER_FOLDS):
    a = [j for j, q in enumerate(fold) if q != f]; b = [j for j, q in enumerate(fold) if q == f]
    for j, v in zip(b, fit_lr([ftr[j] for j in a], [ytr[j] for j in a], [ftr[j] for j in b])): sc[j] = v
grid = [x / 10 for x in range(-20, 21)]
thr = max(grid, key=lambda u: (f1([s > u for s in sc], ytr)[0], -abs(u)))
out = fit_lr(ftr, ytr, fte)
F, P, R = f1([s > thr for s in out], yte); F0, P0, R0 = f1([s > 0 for s in out], yte)
print(f"span tagger [confirmation]: threshold {thr} P {P:.3f} R {R:.3f} F1 {F:.3f}; threshold 0: P {P0:.3f} R {R0:.3f} F1 {F0:.3f} ({time.time()-t:.0f}s)", flush=True)
