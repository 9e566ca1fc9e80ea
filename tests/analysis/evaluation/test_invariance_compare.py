"""Rewrites about comparisons and abstract structure, each on real sentences of the dev abstracts."""

from __future__ import annotations

from ketamine_evidence.analysis.evaluation.invariance_compare import (ci_wording, compared_versus, comparison_wording,
                                                                      label_synonyms, labels_removed, outcome_synonyms,
                                                                      p_brackets, p_typography, significance)
from ketamine_evidence.analysis.records import Article, Section

# batch 5 16338779
BUTOCONAZOLE = ("In patients experiencing first relief of symptoms within 48 h of dosing, the median time to first relief "
                "of symptoms in the butoconazole treatment group was significantly shorter at 12.9 h compared to 20.7 h "
                "for the fluconazole treatment group (p = 0.048).")
# pool dev 23459499
VOMITING = ("However, the incidence of vomiting was lower in the palonosetron group than in the ondansetron group "
            "(18% vs. 4%, P = 0.025).")
# batch 5 26069668
TKR = "More TKRs were performed in the placebo group than in the CS group (69% vs. 31%, P = 0.150, logistic regression)."


def test_comparison_wording_swaps_with_to_and_versus_vs() -> None:
    assert "12.9 h compared with 20.7 h" in comparison_wording(BUTOCONAZOLE)
    assert "(18% versus 4%, P = 0.025)" in comparison_wording(VOMITING)
    assert comparison_wording("Laparoscopic repair of PPU is a safe procedure compared with open repair.") == \
        "Laparoscopic repair of PPU is a safe procedure compared to open repair."  # batch 5 19430829


def test_compared_versus_only_after_a_noun_phrase() -> None:
    assert "12.9 h versus 20.7 h" in compared_versus(BUTOCONAZOLE)
    # batch 5 16338779: 'as compared to' and pool dev 8494706 'has been compared with' stay: 'versus' is no verb
    as_compared = "occurred at 17.5 h for butoconazole patients as compared to 22.9 h for fluconazole patients (p < 0.001)."
    assert compared_versus(as_compared) == as_compared
    verb = "MPA (100 mg tds orally) has therefore been compared with placebo in 60 patients with advanced malignant disease."
    assert compared_versus(verb) == verb


def test_p_typography_cycles_three_styles() -> None:
    once = p_typography(VOMITING)
    assert once.endswith("(18% vs. 4%, p=.025).")
    twice = p_typography(once)
    assert twice.endswith("(18% vs. 4%, P value = 0.025).")
    assert p_typography(twice) == VOMITING
    # an arm named P is no P value ('group P = placebo')
    assert p_typography("group P = 0.5 mg") == "group P = 0.5 mg"


def test_ci_wording_both_ways() -> None:
    # batch 4 23369412
    hai = "HAI GMT was 6 (95% CI 5–7) for vaccinees, and 5 (5–6) for placebo recipients."
    long = ci_wording(hai)
    assert long == "HAI GMT was 6 (95% confidence interval 5–7) for vaccinees, and 5 (5–6) for placebo recipients."
    assert ci_wording(long) == hai


def test_p_brackets_both_ways() -> None:
    commas = p_brackets(BUTOCONAZOLE)
    assert commas.endswith("for the fluconazole treatment group, p = 0.048.")
    assert p_brackets(commas) == BUTOCONAZOLE
    assert p_brackets(TKR) == TKR.replace(", P = 0.150,", " (P = 0.150)")


def test_significance_adds_or_drops_statistically() -> None:
    assert "was statistically significantly shorter" in significance(BUTOCONAZOLE)
    # batch 5 23112411
    assert significance("There was no statistically significant difference in immediate efficacy.") == \
        "There was no significant difference in immediate efficacy."
    assert significance("a clinically significant reduction") == "a clinically significant reduction"
    # pool dev 27375766: 'significant adverse events' are serious ones, no test result
    assert significance("No significant adverse events were observed.") == "No significant adverse events were observed."


def test_outcome_synonyms_keep_the_outcome() -> None:
    # batch 4 22844334
    assert outcome_synonyms("No differences were found in pain scores between the groups at all points.") == \
        "No differences were found in pain intensity scores between the groups at all points."
    vas = ("The patients experienced a moderately severe level of pain postoperatively (VAS 58.66 ± 20.35) while being "
           "on the routine PCA. The VAS was lower.")
    assert outcome_synonyms(vas).count("visual analogue scale (VAS)") == 1
    defined = "A visual analog scale (VAS) and the Short-Form McGill Pain Questionnaire were used to assess pain intensity."
    assert outcome_synonyms(defined).startswith("A VAS and the Short-Form")


# pool dev 28892513 (abridged)
PLACEBO = Article(pmid="28892513", pmcid=None, doi=None, title="Placebo enhances creativity",
                  abstract=[Section("Background", "BACKGROUND", "The placebo effect is usually studied in clinical settings."),
                            Section("Results", "RESULTS", "The placebo group showed higher originality than the control "
                                                          "group"),
                            Section("Conclusions", "CONCLUSIONS", "Placebo can enhance creativity.")])


def test_labels_removed_joins_the_parts_in_order() -> None:
    out = labels_removed(PLACEBO)
    assert out is not None and len(out.abstract) == 1 and out.abstract[0].label is None
    assert out.abstract[0].text == ("The placebo effect is usually studied in clinical settings. The placebo group showed "
                                    "higher originality than the control group. Placebo can enhance creativity.")
    assert labels_removed(out) is None  # nothing labelled left


def test_label_synonyms_keep_the_category() -> None:
    out = label_synonyms(PLACEBO)
    assert out is not None
    assert [(s.label, s.category) for s in out.abstract] == [("Background", "BACKGROUND"), ("Findings", "RESULTS"),
                                                             ("Interpretation", "CONCLUSIONS")]
    inline = Article(pmid="16338779", pmcid=None, doi=None, title="t",
                     abstract=[Section(None, None, "RESULTS: The median time to first relief of symptoms occurred at 17.5 h.")])
    got = label_synonyms(inline)
    assert got is not None and got.abstract[0].text.startswith("FINDINGS: The median")


def test_change_nominal_tells_the_change_by_a_noun() -> None:
    """Batch 6 PMC3132856 and batch 7 PMC2911596 sentences; passives, adjectives and verbs before a preposition stay."""
    from ketamine_evidence.analysis.evaluation.invariance_compare import change_nominal
    assert change_nominal("Treatment of IBS patients with mesalazine significantly reduced intensity and duration of "
                          "pain in all subtypes") == ("Treatment of IBS patients with mesalazine produced a significant "
                                                      "reduction in intensity and duration of pain in all subtypes")
    assert change_nominal("Fentanyl boluses during surgery decreased SSI, indicating") == (
        "Fentanyl boluses during surgery produced a decrease in SSI, indicating")
    for kept in ("Pain was reduced in group K", "patients with reduced pain", "which reduced pain",
                 "Pain decreased significantly over time", "pain scores increased by 2 points"):
        assert change_nominal(kept) == kept
