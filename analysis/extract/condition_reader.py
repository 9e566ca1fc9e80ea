"""A learned reading of the pain conditions, beside the rules of :mod:`conditions`, chosen by ``KE_COND_READER``.

The rules were written from the development records and score 0.95-1.00 there but less on unseen text. This
module gives the features of a multi-label logistic regression (one binary model per condition term, fitted by
:mod:`ketamine_evidence.analysis.evaluation.label_training` on the development gold, scored by
:mod:`label_model` in plain Python): the title's words, the lexicon's candidate conditions and where they are
named, the setting cues (acute, experimental, generic chronic pain) and, in the ``full`` model, the rules' answer.

Readers (``KE_COND_READER``): ``rules`` (default), ``model``, ``hybrid`` (:mod:`label_model`); ``KE_COND_FEATURES``
picks the model (``text`` or ``full``); ``KE_COND_ADD`` and ``KE_COND_DROP`` the hybrid's thresholds.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterable, Sequence

from ketamine_evidence.analysis.extract import label_model
from ketamine_evidence.analysis.records import CONDITIONS, Finding

if TYPE_CHECKING:
    from ketamine_evidence.analysis.extract import Context
    from ketamine_evidence.analysis.parse.sentences import Sentence

MODEL_FILE = "condition_model.json"
ENV_PREFIX = "KE_COND"
_WORD = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")
_PAINISH = re.compile(r"\b(?:pain\w*|analges\w*|ach(?:e|es|ing)|hurt\w*|sore\w*|discomfort|tender\w*)\b", re.I)


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def features(ctx: "Context", rules: Iterable[str] | None) -> set[str]:
    """The article's features: the title's words (``t:``); each candidate condition the lexicon names (``c:``), with
    the part it is named in (``cs:``, ``ct:`` the title) and whether that sentence names pain (``cp:``); the acute
    setting cues likewise (``acute``, ``acute_title``, ``as:``, ``acute_pain``); experimental and generic chronic
    pain; and the rules' answer (``r:`` per term, ``r_none``) unless ``rules`` is None. (The abstract's words and
    bigrams, and the words around each candidate, were tried and dropped: no better under grouped CV.)"""
    from ketamine_evidence.analysis.extract import conditions  # the lexicon's patterns (imported late: no cycle)

    out: set[str] = {"bias"}
    for s in ctx.sentences:
        title = s.section == "TITLE"
        where = "title" if title else (s.section or "none").lower()
        pain = bool(_PAINISH.search(s.text))
        if title:
            out.update(f"t:{w}" for w in _words(s.text))
        for term, _ in conditions.named_conditions(s.text):
            out.update((f"c:{term}", f"cs:{term}:{where}"))
            if title:
                out.add(f"ct:{term}")
            if pain:
                out.add(f"cp:{term}")
        if conditions.ACUTE.scan(s.text):
            out.update(("acute_title" if title else "acute", f"as:{where}"))
            if pain:
                out.add("acute_pain")
        if conditions.EXPERIMENTAL.search(s.text):
            out.add("experimental")
        if conditions.GENERIC_CHRONIC.search(s.text):
            out.add("generic_chronic")
    return out | label_model.rule_features(rules)


def read(ctx: "Context", findings: list[Finding], name: str, version: str) -> list[Finding]:
    """The rules' ``findings`` under the chosen reader: unchanged for ``rules`` (or when no model is shipped);
    otherwise the combined terms, each with the rules' evidence where the rules gave it, else the first sentence
    naming it (the title when none does)."""
    return label_model.reread(ctx, findings, name, version, prefix=ENV_PREFIX, default=label_model.DEFAULT_READER,
                              model_file=MODEL_FILE, order=CONDITIONS, features=features,
                              sentence_for=lambda c, term: _sentence_for(c.sentences, term))


def _sentence_for(sentences: Sequence["Sentence"], term: str) -> "Sentence":
    from ketamine_evidence.analysis.extract import conditions

    for s in sentences:
        if term == "postoperative_acute" and conditions.ACUTE.scan(s.text):
            return s
        if any(t == term for t, _ in conditions.named_conditions(s.text)):
            return s
    return next((s for s in sentences if s.section == "TITLE"), sentences[0])
