"""The time frame in force for each clause of a result sentence (``time_frame``), and its use by the pain verdicts."""

from __future__ import annotations

import pytest

from ketamine_evidence.analysis.extract import direction, make_context
from ketamine_evidence.analysis.extract.clause_split import clauses
from ketamine_evidence.analysis.extract.time_frame import clause_frames, opening_frame, refers_back, sentence_frame
from ketamine_evidence.analysis.records import Article, Section

H = 1 / 24


def article(title: str, *parts: tuple[str, str]) -> Article:
    return Article(pmid="1", pmcid=None, doi=None, title=title,
                   abstract=[Section(label, label, text) for label, text in parts])


@pytest.mark.parametrize("sentence, days", [
    # batch 6 PMC3399388
    ("At 3 days after surgery, the average pain score was 64% lower in the ASLA group (P < 0.0005).", (3.0,)),
    # pool dev PMC5578640: no comma closes the frame
    ("After 1 month the vitamin D treated group had a significantly decreased fentanyl dose compared to the untreated "
     "group with a difference of 46 μg/h; 95% CI 24–78, which increased further at 3 months to 91 μg/h; 95% CI 56–140 "
     "μg/h.", (30.0,)),
    # blind2 PMC3846239: a list of times is one frame
    ("At 1, 2, 4, 6, and 12 h post surgery, VAS pain values were significantly lower in the B+D group than in the B "
     "group.", (H, 2 * H, 4 * H, 6 * H, 12 * H)),
    # MEDLINE 26432119: a span from one time to another
    ("From 1 month to 12 months postoperatively, small but statistically significant changes were observed in "
     "uncorrected and corrected distance and near visual acuities (all P ≤ .03) and in uncorrected intermediate visual "
     "acuity (P = .01).", (30.0, 360.0)),
    # batch 5 PMC5626376: the time in brackets after the frame's name
    ("At early follow-up (3 months), total WOMAC scores improved in all groups compared to baseline with reductions of "
     "44.79% (HA1), 24.02% (HA2), 40.38% (HA3), 39.77% (PRP), and 27.64% (control) (p=0.002 HA1 compared to HA2).",
     (90.0,)),
])
def test_a_time_frame_opening_a_sentence_is_read(sentence: str, days: tuple[float, ...]) -> None:
    assert opening_frame(sentence) == pytest.approx(days)


@pytest.mark.parametrize("sentence", [
    # batch 4 PMC3680656: the study's own length, not a time of results
    "In this 24-week, double-blind, multinational study (NCT00322153), outpatients with AD (Mini-Mental State "
    "Examination scores of 3–14) were randomized to receive once-daily, 28-mg, extended-release memantine or placebo.",
    # batch 5 PMC1784583: a subgroup defined by a time
    "In patients experiencing first relief of symptoms within 48 h of dosing, the median time to first relief of "
    "symptoms in the butoconazole treatment group was significantly shorter at 12.9 h compared to 20.7 h for the "
    "fluconazole treatment group (p = 0.048).",
    # batch 5 PMC4880652: an arm opens the sentence; its times come later
    "In the fentanyl group, systolic blood pressures at 5, 10, 15, 20 minutes and diastolic blood pressure at 5 minutes "
    "and oxygen saturation at 5 minutes were significantly lower (p<0.05).",
    # batch 5 PMC3895597: the time belongs to the subject, it opens nothing
    "The VAS scores of abdominal pain at week 4, were significantly decreased in both tiropramide and octylonium groups, "
    "but the change from baseline did not differ between the 2 groups (difference,-0.26 mm; 95% CI,-4.33-3.82; "
    "P = 0.901).",
])
def test_an_opening_that_is_no_time_frame_is_not_read(sentence: str) -> None:
    assert opening_frame(sentence) == ()


def test_the_frame_governs_the_clauses_after_it() -> None:
    # batch 6 PMC5560591 (full text): 'however' cuts the sentence after its frame
    parts = clauses("At 4 hours, however, the mean pain score was similar in both groups.")
    assert len(parts) == 2
    assert [pytest.approx(f) for f in clause_frames(parts)] == [(4 * H,), (4 * H,)]


def test_a_clause_opening_with_a_moment_of_its_own_ends_the_frame() -> None:
    # blind2 PMC4686557 (full text): 'at preinjection' is not the 5-min time point
    parts = clauses("At the 5-min time point, the patients were instructed to answer the SF-MPQ based on the experience "
                    "during the time encompassing injection and the 5 min after injection, whereas at preinjection they "
                    "were instructed to answer based on their current pain.")
    frames = clause_frames(parts)
    assert frames[0] == pytest.approx((5 / 1440,)) and frames[1] == ()


def test_a_frame_carried_from_the_previous_sentence() -> None:
    # batch 7 PMC2442760: 'At that time' is the 1 month of the sentence before
    before = ("As a result, only 58 patients (31 who received multiple fractions, and 27 who received a single fraction) "
              "were available for evaluation of pain 1 month after treatment.")
    after = "At that time, pain was graded in a range from 1.0 to 4.0 (mean: 2.0)."
    assert refers_back(after) and not refers_back(before)
    assert sentence_frame(before) == (30.0,)
    assert clause_frames([after], carried=sentence_frame(before)) == [(30.0,)]
    # batch 6 PMC3399388: the frame opening the previous sentence
    assert sentence_frame("At 3 days after surgery, the average pain score was 64% lower in the ASLA group "
                          "(P < 0.0005).") == (3.0,)


def test_a_verdict_with_no_time_of_its_own_takes_the_frame() -> None:
    # batch 6 PMC5560591 (full text)
    sentence = "At 4 hours, however, the mean pain score was similar in both groups."
    ctx = make_context(article(
        "Intraoperative Electroacupuncture Reduces Postoperative Pain, Analgesic Requirement and Prevents Postoperative "
        "Nausea and Vomiting in Gynaecological Surgery: A Randomised Controlled Trial", ("RESULTS", sentence)),
        "electroacupuncture")
    verdicts = direction.clause_verdicts(sentence, direction.article_arms(ctx), results=True)
    assert [(v.verdict, v.times) for v in verdicts] == [("no_difference", pytest.approx((4 * H,)))]


def test_a_later_comparison_in_the_sentence_is_dated_by_the_opening_frame() -> None:
    # batch 5 PMC5626376 (full text): the comparison with the control arm after 'whereas' is the 18-month result too
    sentence = ("At 18 months, a higher improvement in total WOMAC was observed in HA1 with a 65.20% reduction, followed by "
                "PRP (55.01%), HA3 (49.57%), and HA2 (29.82%), whereas the control group had a 14.5% increase over "
                "baseline despite the use of rescue medication and rehabilitation, with the differences statistically "
                "significant with respect to HA1 and HA3 (p=0.001; Table 3 and Figures 2A–D).")
    ctx = make_context(article(
        "Benefits of different postoperative treatments in patients undergoing knee arthroscopic debridement",
        ("METHODS", "After arthroscopy, patients were randomized to receive 1) five injections of HA1 (Suprahyal®/Adant®); "
                    "2) four injections of HA2 (Orthovisc®); 3) three injections of HA3 (Synvisc®); 4) a single injection "
                    "of PRP (GPS™ II); or 5) standard care (control)."),
        ("RESULTS", sentence)),
        "intra-articular viscosupplementation (hyaluronic acid) after knee arthroscopic debridement (vs PRP or standard care)")
    verdicts = direction.clause_verdicts(sentence, direction.article_arms(ctx), results=True)
    assert [v.verdict for v in verdicts] == ["within", "better"]
    assert [v.times for v in verdicts] == [(540.0,), (540.0,)]
