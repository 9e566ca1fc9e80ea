"""Responder rate of the intervention arm, attributed by the words around each percentage."""

from __future__ import annotations

from ketamine_evidence.analysis.extract import extract_findings
from ketamine_evidence.analysis.records import Article, Section


def article(title: str, *parts: tuple[str, str]) -> Article:
    return Article(pmid="1", pmcid=None, doi=None, title=title,
                   abstract=[Section(label, label, text) for label, text in parts])


def found(a: Article, intervention: str) -> list:
    return [f for f in extract_findings(a, intervention) if f.field in ("responder_rate_pct", "responders")]


def test_rate_follows_the_intervention_name() -> None:
    # PMC3476139.
    s = "Two-hour headache relief, was noted in 73% in rizatriptan, 53.8% in ibuprofen and 8% in placebo groups."
    a = article("Rizatriptan vs. ibuprofen in migraine", ("RESULTS", s))
    fs = found(a, "rizatriptan")
    rate = [f for f in fs if f.field == "responder_rate_pct"]
    assert [f.value for f in rate] == [73.0]
    assert a.text[rate[0].evidence.start:rate[0].evidence.end] == s
    placebo = [f for f in fs if f.field == "responders" and f.detail["arm"] == "control"]
    assert [f.value for f in placebo] == [8.0]
    # the same under the invariance rewrite `condition_synonyms`: 'cephalalgia' is a pain word as 'headache' is
    b = article("Rizatriptan vs. ibuprofen in migraine", ("RESULTS", s.replace("headache", "cephalalgia")))
    assert [f.value for f in found(b, "rizatriptan") if f.field == "responder_rate_pct"] == [73.0]


def test_rate_in_brackets_after_the_arm_and_versus_pairs() -> None:
    a = article("CBT for chronic widespread pain",
                ("RESULTS", "In comparison to usual care (positive outcome 12.8%), CBT (35.4%; OR 3.7) was "
                            "significantly more effective."))
    assert [f.value for f in found(a, "CBT") if f.field == "responder_rate_pct"] == [35.4]
    b = article("Frovatriptan vs rizatriptan",
                ("RESULTS", "The proportion of patients who were pain-free at 4 hours was higher in the "
                            "frovatriptan-treated group, (38.9 versus 5.6%, P=0.045)."))
    assert [f.value for f in found(b, "frovatriptan") if f.field == "responder_rate_pct"] == [38.9]


def test_thresholds_confidence_intervals_and_pooled_rates_are_not_rates() -> None:
    a = article("Buccal buprenorphine",
                ("RESULTS", "Buprenorphine was superior to placebo in 30%-50% pain reductions."),
                ("RESULTS", "At endpoint, > 70% of investigators and patients rated both treatments as good to "
                            "excellent."))
    assert found(a, "buprenorphine") == []
    b = article("Parasagittal injection",
                ("RESULTS", "Effective pain relief was observed in 77.3% (95% CI: 67-90.5%) of patients in PIL "
                            "group and 74.2% (95% CI: 62.4-89.4%) of patients in the TF group."))
    assert [f.value for f in found(b, "PIL") if f.field == "responder_rate_pct"] == [77.3]


def test_x_of_n_without_percentage() -> None:
    a = article("Ketamine responders", ("RESULTS", "Responders were 9 of 30 patients in the ketamine group."))
    rate = [f for f in found(a, "ketamine") if f.field == "responder_rate_pct"]
    assert rate[0].value == 30.0 and rate[0].detail["events"] == 9 and rate[0].detail["n"] == 30


def test_respectively_pairs_rates_with_arms_in_order() -> None:
    # PMC5722109: success = no or mild pain.
    s = ("The success rates were 55% and 42.9% for A-ketamine and A-saline group, respectively, with no significant "
         "differences between the two groups (P=0.437).")
    a = article("Articaine and ketamine for nerve block in painful pulpitis", ("RESULTS", s))
    fs = found(a, "ketamine")
    assert [(f.field, f.value) for f in fs if f.detail["role"] == "intervention"][0] == ("responder_rate_pct", 55.0)
    assert [f.value for f in fs if f.field == "responders" and f.detail["arm"] == "control"] == [42.9]


def test_success_without_a_pain_outcome_is_not_a_responder() -> None:
    a = article("Ketamine sedation for endoscopy",
                ("RESULTS", "The success rates of sedation were 80% in the ketamine group and 60% in the control group."))
    assert found(a, "ketamine") == []


def test_respectively_pairs_only_the_last_rates() -> None:
    s = ("At study end 13.9% of lumiracoxib-treated patients reported complete pain relief versus 5.5% and 5.3% of "
         "celecoxib and placebo recipients, respectively.")
    a = article("Lumiracoxib and celecoxib in osteoarthritis", ("RESULTS", s))
    assert [f.value for f in found(a, "celecoxib") if f.field == "responder_rate_pct"] == [5.5]
    assert [f.value for f in found(a, "lumiracoxib") if f.field == "responder_rate_pct"] == [13.9]


def test_percent_in_words() -> None:
    a = article("Ketamine trial", ("RESULTS", "Fifty percent of patients in the ketamine group reported at least 50% "
                                              "pain relief compared with 20% in the placebo group."))
    assert [f.value for f in found(a, "ketamine") if f.field == "responder_rate_pct"] == [50.0]


def test_a_counts_bracketed_rate_takes_the_arm_named_after_it() -> None:
    # Batch 7 PMC2442760: '21 (78%) among those who received a single fraction and 20 (65%) among ... multiple'.
    s = ("The number of responders was 21 (78%) among those who received a single fraction and 20 (65%) among those "
         "who received multiple fractions (p > 0.1).")
    a = article("Single Versus Multiple Fractions of Palliative Radiotherapy for Bone Metastases",
                ("BACKGROUND", "The use of single-fraction radiotherapy (rt) for management of painful bone metastases "
                               "is not widely practiced in the world."), ("RESULTS", s))
    assert [f.value for f in found(a, "single-fraction (8 Gy) palliative radiotherapy")
            if f.field == "responder_rate_pct"] == [78.0]
    # the arm named before the count still counts when nothing names one after the bracket
    b = article("Ketamine for pain", ("RESULTS", "Responders were more frequent with ketamine 12 (40%) than with "
                                                 "placebo 5 (17%)."))
    assert [f.value for f in found(b, "ketamine") if f.field == "responder_rate_pct"] == [40.0]


def _rate(a: Article, intervention: str):
    rates = [f.value for f in found(a, intervention) if f.field == "responder_rate_pct"]
    return rates[0] if rates else None


def test_global_rating_categories_are_pain_condition_responders() -> None:
    """Additions rules b and ar: batch 6 PMC2899760 ('79% much better or better'; the next rate's 'and' is not read as
    the first rate's words)."""
    tm = article("Trabecular Metal and the Smith-Robinson technique in anterior cervical fusion",
                 (None, "Fusion with Trabecular Metal (TM) or tricortical autograft (SR). The patients' global assessments "
                        "of their neck and arm symptoms 2 years postoperatively for the TM group were rated as 79% much "
                        "better or better after fusion with TM and 75% using autograft."))
    assert _rate(tm, "Trabecular Metal") == 79


def test_responders_by_a_tumour_criterion_are_not_pain_responders() -> None:
    """Additions rule b: pool dev PMC4251531 (RECIST) and PMC1968186 (UICC criteria of response) give no rate; a
    pain-qualified responder in the same kind of abstract still counts."""
    recist = article("BP-C1 in metastatic breast cancer",
                     ("RESULTS", "There was a significant difference (P=0.026) in favor of BP-C1 regarding Response "
                                 "Evaluation Criteria In Solid Tumors (RECIST) classification. The sum of lesions increased "
                                 "slightly in the patients receiving 64 days of continuous BP-C1 treatment, of whom 68.4% "
                                 "were classified as responders."))
    assert _rate(recist, "BP-C1") is None
    uicc = article("CMF versus epirubicin", (None, "Patients were evaluated by UICC criteria of response. Response rates "
                                                   "were 58% for CMF and 29% for epirubicin (P > 0.05)."))
    assert _rate(uicc, "CMF") is None
    assert _rate(article("CMF versus epirubicin", (None, "Response rates were 58% for CMF and 29% for epirubicin.")),
                 "CMF") == 58
