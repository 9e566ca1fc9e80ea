"""A learned reading of the routes, beside the rules of :mod:`routes`, chosen by ``KE_ROUTE_READER``.

The features of a multi-label logistic regression (one binary model per route, fitted by
:mod:`ketamine_evidence.analysis.evaluation.label_training` on the development gold, scored by :mod:`label_model`
in plain Python): each route word of the lexicon, where it stands (title, a sentence naming the intervention,
within a few words of a mention of it, before or after it) and its surface form; the words and routes of the
intervention's own name; the cues of an implied route in the sentences naming the intervention (per-kg dose,
infusion, induction, PCA, a local route, an oral dosage form); and, in the ``full`` model, the rules' answer and
the routes their phrase reading (``routes.named_routes``) gives each sentence. (The title's words were tried and
dropped: no better under grouped CV.)

Readers (``KE_ROUTE_READER``, a user option): ``rules`` (default), ``hybrid`` (the rules' routes plus those the
model gives at least ``KE_ROUTE_ADD``, 0.9; none removed unless ``KE_ROUTE_DROP`` is set), ``model``
(:mod:`label_model`); ``KE_ROUTE_FEATURES`` picks the model (``text``, the default, or ``full``). On the round-9
check set (pool blind2) routes F1 was rules 0.769, hybrid add 0.9 no drop 0.810, model alone 0.720; the hybrid is
not the default because it makes extraction less invariant (two batch-4 route changes under the rename and
route_forms rewrites, from the name-word and surface-form features; docs/extraction.md).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterable

from ketamine_evidence.analysis.extract import label_model
from ketamine_evidence.analysis.extract.route_words import _route_matches
from ketamine_evidence.analysis.records import ROUTES, Finding

if TYPE_CHECKING:
    from ketamine_evidence.analysis.extract import Context
    from ketamine_evidence.analysis.parse.sentences import Sentence

MODEL_FILE = "route_model.json"
ENV_PREFIX = "KE_ROUTE"
DEFAULT = ("rules", 0.9, -1.0)  # (reader, add, drop): the hybrid, when asked for, adds confident routes and removes none
NEAR = 40  # characters between a route word and a mention of the intervention that count as near
_WORD = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def features(ctx: "Context", rules: Iterable[str] | None) -> set[str]:
    """The article's features for its intervention (see the module's docstring); the rules' answer (``r:``,
    ``r_none``) and their per-sentence phrase reading (``nr:``) only when ``rules`` is given."""
    from ketamine_evidence.analysis.extract import routes  # the lexicon and cue patterns (imported late: no cycle)
    from ketamine_evidence.analysis.extract.route_sites import ORAL_FORM

    name = ctx.intervention.given_name or ctx.intervention.name
    own_routes, _ = routes.name_routes(name)
    out: set[str] = {"bias", *(f"n:{w}" for w in _words(name)), *(f"nm:{t}" for t in own_routes),
                     *(f"nv:{t}" for t in routes.vehicle_routes(name))}
    if not ctx.intervention.is_drug:
        out.add("nondrug")
    named = {s.index for s in ctx.intervention_sentences()}
    if not named:
        out.add("noint")
    pattern = ctx.intervention.pattern
    for s in ctx.sentences:
        title, here = s.section == "TITLE", s.index in named
        own = [(m.start(), m.end()) for m in pattern.finditer(s.text)] if here else []
        for term, m in _route_matches(s.text):
            out.update((f"c:{term}", f"cf:{term}:{m.group(0).lower()}"))
            if title:
                out.add(f"ct:{term}")
            if here:
                out.add(f"ci:{term}")
            if any(0 <= m.start() - e <= NEAR for _, e in own):
                out.add(f"cb:{term}")  # the intervention just before the route word
            if any(0 <= b - m.end() <= NEAR for b, _ in own):
                out.add(f"ca:{term}")  # the route word just before the intervention
        if here:
            for cue, rx in (("perkg", routes.PER_KG), ("induction", routes.INDUCTION), ("pca", routes.PCA),
                            ("ivdose", routes._IMPLIED_IV_DOSE), ("ivwords", routes._IMPLIED_IV_WORDS),
                            ("notiv", routes._NOT_IV), ("oralform", ORAL_FORM)):
                if rx.search(s.text):
                    out.add(cue)
            if rules is not None:
                out.update(f"nr:{t}" for t in routes.named_routes(ctx, s))
    return out | label_model.rule_features(rules)


def read(ctx: "Context", findings: list[Finding], name: str, version: str) -> list[Finding]:
    """The rules' ``findings`` under the chosen reader: unchanged for ``rules`` (or when no model is shipped);
    otherwise the combined routes, each with the rules' evidence where the rules gave it, else the first sentence
    naming the intervention and that route (else the first naming the intervention, else the title)."""
    return label_model.reread(ctx, findings, name, version, prefix=ENV_PREFIX, default=DEFAULT, model_file=MODEL_FILE,
                              order=ROUTES, features=features, sentence_for=_sentence_for)


def _sentence_for(ctx: "Context", term: str) -> "Sentence":
    named = ctx.intervention_sentences()
    for s in named:
        if any(t == term for t, _ in _route_matches(s.text)):
            return s
    return named[0] if named else next((s for s in ctx.sentences if s.section == "TITLE"), ctx.sentences[0])
