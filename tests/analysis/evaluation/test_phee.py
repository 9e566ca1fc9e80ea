"""PHEE negation: the reader and the NegEx-style scope on its sentences."""

from __future__ import annotations

from ketamine_evidence.analysis.evaluation import phee
from ketamine_evidence.analysis.extract.event_negation import is_negated
from tests.conftest import EVAL

PHEE = EVAL / "external" / "phee"


def test_effects_carry_spans_and_negation_labels():
    items = list(phee.effects(PHEE))
    assert len(items) > 4000
    text, start, end, negated = next(i for i in items if i[0].startswith("After therapy with parenteral amiodarone"))
    assert text.startswith("After therapy with parenteral amiodarone") and not negated
    assert text[start:end].startswith("jaundice")
    assert sum(1 for *_, n in items if n) > 40


def test_scope_rules_on_phee_wordings():
    # A history that is denied does not negate the event the patient then developed.
    text = ("A 76-year-old woman with primary open-angle glaucoma and no history of ocular surgery developed a "
            "choroidal detachment 12 hours after initiation of therapy with dorzolamide eye drops.")
    start = text.index("choroidal")
    assert not is_negated(text, start, start + 20)
    assert is_negated(text, text.index("ocular surgery"), text.index("ocular surgery") + 14)
    text = "Venlafaxine-associated seizures at therapeutic doses have not been reported in the literature."
    assert is_negated(text, text.index("seizures"), text.index("seizures") + 8)


def test_whole_corpus_figures():
    result = phee.evaluate_negation(PHEE)
    assert result.tp + result.fp + result.fn + result.tn == len(list(phee.effects(PHEE)))
    assert result.accuracy > 0.95 and result.recall > 0.4
