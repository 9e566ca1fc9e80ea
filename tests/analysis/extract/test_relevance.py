"""Relevance: the ketamine question, read from the design and conditions findings."""

from __future__ import annotations

from ketamine_evidence.analysis.extract import extract_article
from ketamine_evidence.analysis.parse import parse_file
from ketamine_evidence.analysis.records import Article, Section
from tests.conftest import EVAL, PMC_KETAMINE


def _article(title: str, *parts: tuple[str, str]) -> Article:
    return Article(pmid="1", pmcid=None, doi=None, title=title,
                   abstract=[Section(label, label, text) for label, text in parts])


def _aux(findings, field):
    return next(f for f in findings if f.field == field)


def test_ketamine_studied_for_pain_is_relevant_with_evidence():
    title = "Preemptive use of ketamine on postoperative pain"
    record, findings = extract_article(_article(
        title, ("METHODS", "Eighty patients were randomly assigned to ketamine 0.5 mg/kg or saline.")))
    assert record.relevant is True
    relevant = _aux(findings, "relevant")
    assert (relevant.evidence.start, relevant.evidence.end) == (0, len(title))
    assert _aux(findings, "human").value is True


def test_no_pain_outcome_is_not_relevant():
    record, _ = extract_article(_article(
        "Antidepressant effect of ketamine in ECT",
        ("METHODS", "Twenty-two patients with depression were randomly assigned to ketamine or propofol.")))
    assert record.relevant is False


def test_headache_as_an_adverse_event_is_not_a_pain_condition():
    record, _ = extract_article(_article(
        "Esketamine nasal spray for treatment-resistant depression",
        ("RESULTS", "A total of 227 patients were randomized. Dizziness, nausea, headache and dissociation were common.")))
    assert record.conditions == [] and record.relevant is False


def test_pain_caused_by_ketamine_is_not_ketamine_for_pain():
    record, _ = extract_article(_article(
        "Ketamine-induced cystitis in recreational ketamine users",
        ("RESULTS", "Bladder pain scores improved after patients stopped ketamine use.")))
    assert record.relevant is False


def test_animal_study_is_not_relevant():
    record, findings = extract_article(_article(
        "Ketamine analgesia after surgery in rats",
        ("METHODS", "Forty rats were randomly assigned to ketamine or saline; pain behaviour was scored.")))
    assert record.relevant is False and record.design == "animal"
    assert _aux(findings, "human").value is False


def test_ketamine_only_the_anaesthetic_is_not_relevant():
    record, _ = extract_article(_article(
        "Lidocaine for postoperative pain",
        ("METHODS", "Anesthesia was induced with ketamine in all patients."),
        ("RESULTS", "Pain scores were lower with lidocaine.")))
    assert record.relevant is False


def test_review_of_ketamine_for_pain_is_relevant():
    record, _ = extract_article(_article(
        "Ketamine for chronic pain: a systematic review",
        ("RESULTS", "Twelve trials of ketamine for chronic pain were included.")))
    assert record.design == "systematic_review" and record.relevant is True


def test_relevance_stays_the_ketamine_question_for_other_interventions():
    article = next(parse_file(EVAL / "chronic_pain_articles" / "PMC2797957.nxml"))
    record, _ = extract_article(article, "Sativex (cannabis-based medicinal extract)")
    assert record.relevant is False
    assert record.conditions == ["neuropathic"]


def test_real_articles():
    record, _ = extract_article(next(parse_file(PMC_KETAMINE / "PMC3172326.nxml")))
    assert record.relevant is True
    record, _ = extract_article(next(parse_file(PMC_KETAMINE / "PMC4234788.nxml")))
    assert record.relevant is False  # sedation for intubation, no pain outcome
