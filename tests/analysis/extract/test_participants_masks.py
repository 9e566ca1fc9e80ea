"""Numbers that are no participant counts blanked at the same length: ASA classes and calendar years."""

from __future__ import annotations

from ketamine_evidence.analysis.extract.participants_masks import mask_asa, mask_non_counts


def test_asa_classes_and_years_are_blanked_in_place() -> None:
    asa = "Sixty ASA I or II, 18\u201350 year old patients scheduled for minor surgery were randomized."
    assert mask_asa(asa) == "Sixty ASA" + " " * len(" I or II") + ", 18\u201350 year old patients scheduled for " \
                                                                   "minor surgery were randomized."
    # pool dev 29732205
    dated = "Between January 2014 and December 2015, 100 patients from two centres"
    masked = mask_non_counts(dated)
    assert len(masked) == len(dated) and "2014" not in masked and "2015" not in masked and "100 patients" in masked


def test_the_day_of_a_date_and_a_number_of_sites_are_no_counts() -> None:
    """fx11fu, round 11: real sentences of pool blind2 PMC3783678 and PMC5960495."""
    from ketamine_evidence.analysis.extract.participants import sentence_counts
    date = ("In this single blind randomized control trial, 50% of admitted tramadol overdoses in Imam Reza (p) Hospital "
            "from 21 September 2011 to 21 January 2012 were recruited.")
    assert mask_non_counts(date).count("21") == 0
    sites = ("In two regional hospitals, male patients with primary inguinal hernia were randomized to one of two groups "
             "of surgeons that performed the Lichtenstein operation.")
    assert "two regional" not in mask_non_counts(sites)
    assert [c[0] for c in sentence_counts(sites)] == []
    assert [c[0] for c in sentence_counts("Some 412 patients were randomized.")] == [412]


def test_what_counted_people_have_is_no_count_of_people() -> None:
    """fx11fu, round 11 (pool blind2 PMC3726903): '39 patients with 48 IT' counts toenails once people are counted."""
    from ketamine_evidence.analysis.extract.participants import sentence_counts
    text = ("Thirty-nine patients (13-17 years) with 48 IT were randomly divided into two groups and were treated with "
            "partial matrix excision (Group I) and segmental phenolization (Group II).")
    assert [c[0] for c in sentence_counts(text)] == [39]
    assert "with 60 in each" in mask_non_counts("120 patients with 60 in each group")  # a group's share stays
