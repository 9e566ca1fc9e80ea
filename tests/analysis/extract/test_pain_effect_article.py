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
