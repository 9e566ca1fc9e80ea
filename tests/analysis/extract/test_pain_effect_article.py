"""Pain effect, the article-level decision: which results count, and when `mixed` is warranted."""

from __future__ import annotations

from ketamine_evidence.analysis.extract import extract_findings
from ketamine_evidence.analysis.records import Article, Section


def article(title: str, *parts: tuple[str, str]) -> Article:
    return Article(pmid="1", pmcid=None, doi=None, title=title,
                   abstract=[Section(label, label, text) for label, text in parts])


def effect(a: Article, intervention: str) -> str:
    found = [f.value for f in extract_findings(a, intervention) if f.field == "pain_effect"]
    return found[0] if found else "not_reported"


def test_discomfort_is_not_a_pain_outcome() -> None:
    # Additions rule n; PMC3578670 (gold not_reported) and PMC4118506 (gold improved: pain better, discomfort not).
    ocular = article("Ocular discomfort of brinzolamide/timolol and dorzolamide/timolol",
                     ("CONCLUSIONS", "Patients had less discomfort with brinzolamide/timolol than with "
                                     "dorzolamide/timolol, and more expressed a preference for brinzolamide/timolol."))
    assert effect(ocular, "brinzolamide/timolol") == "not_reported"
    fentanyl = article(
        "Effects of fentanyl on procedural pain and discomfort associated with central venous catheter insertion",
        ("RESULTS", "The median interquartile range pain score is worst for placebo group after LAI (5 [3-6]) and in "
                    "the immediate postprocedure period (5 [4-5]) which was significantly attenuated by addition of "
                    "fentanyl (3.5 [2-5] and 3 [2-4]) (P = 0.009 and 0.001 respectively)."),
        ("RESULTS", "Overall, fentanyl and placebo group were not statistically different with median discomfort "
                    "score except at T10 (P = 0.047)."))
    assert effect(fentanyl, "fentanyl") == "improved"


def test_scored_similarly_is_no_difference() -> None:
    # PMC3015551 (gold no_difference).
    a = article("Randomized Comparison Between Two Microlaparoscopic Techniques for Partial Salpingectomy",
                ("METHODS", "Each patient was randomly assigned to undergo a tubal resection either after Pomeroy "
                            "ligation (n=54) or after bipolar coagulation with Kleppinger forceps (n=55)."),
                ("RESULTS", "Postoperative pain at 6 hours was scored similarly (median, ligation 4.6, coagulation "
                            "4.0 of 10)."))
    assert effect(a, "bipolar coagulation") == "no_difference"


def test_lower_but_not_significant_is_no_difference() -> None:
    # PMC3838646 (pool batch 4, dev): the second clause takes the difference back; no benefit remains.
    a = article("Knifelight Surgery versus Conventional Open Surgery in the Treatment of Carpal Tunnel Syndrome",
                ("RESULTS", "Although the mean visual analogue scale of Knifelight group found to be lower than the "
                            "other, it was not statistically significant."))
    assert effect(a, "Knifelight") == "no_difference"


def test_how_pain_was_measured_is_no_finding() -> None:
    # PMC4677000 (pool batch 4, dev), an unlabelled abstract: a methods sentence must not add a verdict.
    a = article("Lidocaine gel in the treatment of pain",
                ("", "Pain reduction was measured from the time prior to administration to 10 or 30 minutes after."),
                ("", "In group I, pain was reduced significantly after treatment with verum compared to placebo at "
                     "both time points."))
    assert effect(a, "lidocaine gel") == "improved"


def test_demographic_list_is_a_baseline_comparison() -> None:
    # PMC3430047 (pool batch 4, dev): 'intraoperative analgesics' inside a list of baseline characteristics.
    from ketamine_evidence.analysis.extract.comparisons import BASELINE_ONLY
    assert BASELINE_ONLY.search("There were no significant differences in sex, age, weight, intraoperative "
                                "analgesics, duration of one-lung ventilation, and adverse effects between the groups.")
    assert not BASELINE_ONLY.search("this apparent increase in appetite did not result in improved weight, "
                                    "performance status, energy levels, mood or relief of pain.")


def test_painful_body_part_and_healthy_controls_are_no_outcome() -> None:
    # PMC3953472 (gold not_reported): 'painful muscles' is the condition; patients vs healthy controls is no arm.
    a = article("High-Intensity Strength Training Improves Function of Chronically Painful Muscles: Case-Control and "
                "RCT Studies",
                ("RESULTS", "Women with trapezius myalgia have lower strength capacity during repetitive MVC of the "
                            "trapezius muscle than healthy controls."),
                ("CONCLUSIONS", "High-intensity strength training effectively improves strength capacity during "
                                "repetitive MVC of the painful trapezius muscle."))
    assert effect(a, "high-intensity specific strength training") == "not_reported"


def test_call_for_future_studies_is_no_finding() -> None:
    # PMC5077078 (dev): 'more advanced stages' in a recommendation is no result.
    from ketamine_evidence.analysis.extract.direction import NON_FINDING
    assert NON_FINDING.search("Future studies are now required using similar multimodal experimental designs to "
                              "examine pain processing in more advanced stages of Parkinson’s disease.")
