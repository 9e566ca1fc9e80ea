"""A learned second reading of pain_effect's between-arm verdicts (``KE_PE_READER``).

pain_effect's rules pick the clauses that report a pain result and read each as better / worse / no_difference
for the intervention. The rules were written from the dev records and transfer less well to unseen text, so the
direction of each picked clause can instead be read by the Evidence Inference direction model
(``direction_model.features``), refit on articles outside every set we evaluate
(``evaluation/pain_reader_training.py`` -> ``lexicons/pain_reader_model.json``). The model reads the quantity's
direction for the intervention's arm ('up' / 'down' / 'none'); the clause's pain polarity turns it into a verdict
(pain lower for the intervention = better). Which clauses report a between-group result at all (and so
not_reported, 44% of the pool's gold) stays the rules' decision: the model was trained only on sentences that
report one.

Readers (``KE_PE_READER``; ``rules`` by default):

- ``rules``: the rules' verdicts unchanged;
- ``model``: every between-arm verdict takes the model's reading;
- ``override``: the model's reading replaces the rules' where they differ and the model is at least
  ``CONFIDENT`` sure;
- ``agree``: a between-arm verdict is kept only where the model reads the same; the others are set aside;
- ``strict``: ``override`` where the model is confident, ``agree`` where it is not;
- ``difference``: the model decides only whether the arms differ (no_difference against a direction); where
  both read a difference, its direction stays the rules' (the model's up / down needs the outcome's polarity,
  which for 'improved pain', 'a higher decrease of VAS' is where it goes wrong);
- ``difference_confident``: ``difference`` where the model is at least ``CONFIDENT`` sure.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ketamine_evidence.analysis.extract.comparisons import pain_direction
from ketamine_evidence.analysis.extract.direction_model import DirectionModel, features, load_weights
from ketamine_evidence.analysis.extract.reader_options import choice

if TYPE_CHECKING:
    from ketamine_evidence.analysis.extract.arms import Arms
    from ketamine_evidence.analysis.extract.direction import Verdict

MODEL_FILE = "pain_reader_model.json"
ENV = "KE_PE_READER"
READERS = ("rules", "model", "override", "agree", "strict", "difference", "difference_confident")
CONFIDENT = 0.8  # fixed in advance, not tuned on any scored set
BETWEEN = ("better", "worse", "no_difference")
_QUANTITY = {("better", "lower_better"): "down", ("worse", "lower_better"): "up",
             ("better", "higher_better"): "up", ("worse", "higher_better"): "down"}


def reader() -> str:
    """The reader chosen by ``KE_PE_READER`` ('rules' when unset; an unknown name is an error, not a silent default)."""
    return choice(ENV, READERS, "rules")


def load_model() -> DirectionModel | None:
    """The shipped pain reader (None when it has not been trained)."""
    return load_weights(MODEL_FILE)


def model_reading(v: "Verdict", arms: "Arms", model: DirectionModel) -> tuple[str | None, float]:
    """The model's verdict on ``v``'s clause (better / worse / no_difference) and its probability.

    The clause's polarity is the arms' reading of it (then of its sentence); a pain outcome whose polarity is
    not named is lower-is-better (pain scores, consumption, incidence). The rules' own reading is a feature,
    as in training."""
    sentence = v.sentence.text if v.sentence is not None else v.clause
    polarity = arms.polarity(v.clause) or arms.polarity(sentence) or "lower_better"
    rule = "none" if v.verdict == "no_difference" else _QUANTITY.get((v.verdict, polarity))
    probs = model.probabilities(features(v.clause, arms, polarity, rule))
    label = max(probs, key=probs.__getitem__)
    return pain_direction(label, polarity), probs[label]


def reread(verdicts: list["Verdict"], arms: "Arms", name: str | None = None) -> list["Verdict"]:
    """``verdicts`` as the reader ``name`` (default: ``reader()``) has them; the cached originals are not changed."""
    name = name or reader()
    model = load_model() if name != "rules" else None
    if model is None:
        return verdicts
    out: list["Verdict"] = []
    for v in verdicts:
        if v.verdict not in BETWEEN or v.extra.get("within_change"):
            out.append(v)
            continue
        kind, p = model_reading(v, arms, model)
        if kind is None or kind == v.verdict:
            out.append(v)
        elif name.startswith("difference"):
            differs = "no_difference" in (kind, v.verdict)  # one reads a difference, the other none
            take = differs and (name == "difference" or p >= CONFIDENT)
            out.append(replace(v, verdict=kind, extra={**v.extra, "rules_verdict": v.verdict, "model_p": round(p, 3)})
                       if take else v)
        elif name == "model" or (name in ("override", "strict") and p >= CONFIDENT):
            out.append(replace(v, verdict=kind, extra={**v.extra, "rules_verdict": v.verdict, "model_p": round(p, 3)}))
        elif name == "override":
            out.append(v)
        # agree, strict: the rules and the model differ (the model unsure), so the clause gives no direction
    return out
