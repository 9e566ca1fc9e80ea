"""Route words read across a gap to their drug (``route_gaps``), on dev sentences."""

from __future__ import annotations

from ketamine_evidence.analysis.extract import routes
from ketamine_evidence.analysis.extract.interventions import resolve_intervention
from ketamine_evidence.analysis.extract.regimen_text import mentions
from ketamine_evidence.analysis.extract.route_gaps import adjuvant_of_vehicle, regimen_next


def _route_word(text: str, word: str):
    return next(m for _, m in routes._route_matches(text) if m.group(0) == word)


def test_an_adjuvant_takes_the_route_of_the_drug_it_is_added_to() -> None:
    # batch 4 dev, PMC5735483
    text = ("Addition of buprenorphine (60 μg) or dexmedetomidine (5 μg) to intrathecal bupivacaine for transurethral "
            "resection prolongs the time to the first analgesic request with comparable recovery profile.")
    m = _route_word(text, "intrathecal")
    own = [d for d in mentions(text, resolve_intervention("buprenorphine").pattern) if d.is_intervention]
    assert adjuvant_of_vehicle(text, m, own)
    assert not adjuvant_of_vehicle(text, m, [])  # no intervention mention before it: nothing to attach


def test_a_route_word_gives_the_drug_after_a_regimen_noun_and_a_dose() -> None:
    # data/snapshot/pmc/PMC3219777.nxml
    text = "The Ketamine group received, in addition, an intravenous bolus of 0.5 mg/kg ketamine."
    m = _route_word(text, "intravenous")
    found = mentions(text, resolve_intervention("ketamine").pattern)
    after = regimen_next(text, m.end(), found)
    assert after is not None and after.is_intervention and text[after.start:after.end] == "ketamine"
    assert regimen_next(text, m.end(), []) is None
