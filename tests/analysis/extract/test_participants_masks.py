"""Numbers that are no participant counts blanked at the same length: ASA classes and calendar years."""

from __future__ import annotations

from ketamine_evidence.analysis.extract.participants_masks import mask_asa, mask_years


def test_asa_classes_and_years_are_blanked_in_place() -> None:
    asa = "Sixty ASA I or II, 18\u201350 year old patients scheduled for minor surgery were randomized."
    assert mask_asa(asa) == "Sixty ASA" + " " * len(" I or II") + ", 18\u201350 year old patients scheduled for " \
                                                                   "minor surgery were randomized."
    # pool dev 29732205
    dated = "Between January 2014 and December 2015, 100 patients from two centres"
    masked = mask_years(dated)
    assert len(masked) == len(dated) and "2014" not in masked and "2015" not in masked and "100 patients" in masked
