"""Adverse events, round 4: the event's role in its sentence (the aim's outcome, a compared measure, a benefit,
the comparator's harm) read by general mechanisms. Sentences are real dev abstract sentences (pool batches)."""

from __future__ import annotations

from ketamine_evidence.analysis.extract import adverse_events, make_context
from ketamine_evidence.analysis.records import Article, Section


def _article(*sections: tuple[str | None, str], title: str) -> Article:
    return Article(pmid="1", pmcid=None, doi=None, title=title,
                   abstract=[Section(label, label, text) for label, text in sections])


def _events(article: Article, intervention: str) -> set[tuple[str, str]]:
    return {(f.field, f.value) for f in adverse_events.extract(make_context(article, intervention))}


def test_an_event_the_aim_names_as_an_efficacy_outcome_is_its_topic():
    # batch 6 PMC4053826 (rule al): 'effectiveness of X in ..., incidence of nausea and vomiting'
    article = _article(
        ("OBJECTIVE", "The aim of this study was to evaluate the effectiveness of continuous wound infusion of "
                      "ropivacaine in postoperative pain relief, opioid sparing, incidence of nausea and vomiting, and "
                      "bowel and liver function improvement in patients undergoing open hepatectomy."),
        ("RESULTS", "Sufentanil consumption (41.50±21.80 vs. 89.70±35.22 μg; P<0.01) after 48 hours, time to bowel "
                    "recovery (1.80±0.70 vs. 3.15±1.04 d; P<0.01), incidence of nausea and vomiting (1.75±0.72 vs. "
                    "2.40±0.68; P<0.05), and mean length of hospitalization (5.6±2.44 vs. 7.35±2.85 d; P<0.01) were "
                    "significantly reduced."),
        title="Continuous wound infusion of ropivacaine after open hepatectomy")
    assert _events(article, "ropivacaine") == set()


def test_an_unlabelled_abstract_whose_study_tested_effects_on_symptoms():
    # batch 6 PMC5244020: the background before 'This study tested the effects of ... on ... LUTS', and LUTS as
    # the aim's outcome, give no urological event
    article = _article(
        (None, "Pain and urinary symptoms following colorectal cancer (CRC) surgery are frequent and carry a poor "
               "recovery. This study tested the effects of inhalation of Lavandula angustifolia Mill. (lavender) oil "
               "or linalyl acetate on pain relief and lower urinary tract symptoms (LUTS) following the removal of "
               "indwelling urinary catheters from patients after CRC surgery. Systolic BP, diastolic BP, heart rate, "
               "LUTS, and QoL satisfaction with urinary symptoms were similar in the three groups."),
        title="Lavandula angustifolia Mill. Oil and Its Active Constituent Linalyl Acetate Alleviate Pain and "
              "Urinary Residual Sense after Colorectal Cancer Surgery: A Randomised Controlled Trial")
    assert _events(article, "lavender") == set()
