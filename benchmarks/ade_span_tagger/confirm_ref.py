"""Reference (today's model): trained on the selection part (cross-fitted gazetteer, threshold by inner folds), scored once on the confirmation part."""
import time
from ketamine_evidence.analysis.evaluation import ade_classifier as ac
from ketamine_evidence.analysis.evaluation.ade_corpus import DEFAULT_DIR, annotations
from ketamine_evidence.analysis.extract.event_sentences import rule_signals, sentence_features
t = time.time()
conf = {l.strip() for l in open("data/eval/ade_confirmation_pmids.txt") if l.strip() and not l.startswith("#")}
s, y, g = ac.corpus(DEFAULT_DIR)
ann = annotations(DEFAULT_DIR)
tr = [i for i in range(len(s)) if g[i] not in conf]; te = [i for i in range(len(s)) if g[i] in conf]
sig = {i: rule_signals(s[i]) for i in range(len(s))}
feats = ac.training_features([s[i] for i in tr], [sig[i] for i in tr], [g[i] for i in tr], ann)
thr = ac.calibrate(feats, [y[i] for i in tr], [g[i] for i in tr])
m = ac.fit(feats, [y[i] for i in tr], threshold=thr)
gaz = ac.gazetteer(ann, [g[i] for i in tr])
c = ac._confusion([m.accepts(sentence_features(s[i], sig[i], gaz)) for i in te], [y[i] for i in te])
print(f"reference [confirmation]: threshold {thr} P {c.precision:.3f} R {c.recall:.3f} F1 {c.f1:.3f} (tp {c.tp} fp {c.fp} fn {c.fn} tn {c.tn}) {time.time()-t:.0f}s")
