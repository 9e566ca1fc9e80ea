"""What part of a structured abstract a section label is: one reading, asked by every extractor that treats a part
differently (pain_effect and pain_sections, participants, responders, follow_up, study_text, conditions,
design_secondary, event_sections and adverse_events, protocols, the count and time rankers' section feature).

A parsed sentence's section is NLM's category of its abstract part (PubMed's ``NlmCategory``, or for a label without
one the parser's ``section_category`` from ``lexicons/section_categories.toml``): ``BACKGROUND``, ``OBJECTIVE``,
``METHODS``, ``RESULTS``, ``CONCLUSIONS``, ``UNASSIGNED``. A heading written inside an unlabelled abstract
('[Subjects and Methods] ...', 'Conclusion.') is read through the same lexicon, so that a part weighs the same whether
PubMed labelled it or the text did. (Before round 13 each extractor matched its own substrings of the label.)
"""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from ketamine_evidence.analysis.parse.xml_text import HEADING_JOIN, heading_key, section_categories, section_category

__all__ = ["Role", "section_role"]

Role = Literal["background", "objective", "methods", "results", "conclusions"]
_ROLES: dict[str, Role] = {"BACKGROUND": "background", "OBJECTIVE": "objective", "METHODS": "methods",
                           "RESULTS": "results", "CONCLUSIONS": "conclusions"}


@lru_cache(maxsize=1024)  # section labels: a vocabulary, the same few in every abstract
def section_role(label: str | None) -> Role | None:
    """The part of a structured abstract that a section label is. A parsed sentence's section is NLM's category
    (``NlmCategory``, or the parser's ``section_category`` of a label without one), read as it is; any other heading
    (one written inline in an unlabelled abstract: 'SUBJECTS AND METHODS', '[Conclusion]') is read through the same
    heading lexicon, so that a part weighs the same whether PubMed labelled it or the text did. None for the title,
    no label, ``UNASSIGNED`` and headings the lexicon does not know ('Trial registration')."""
    if not label or label == "TITLE":
        return None
    role = _ROLES.get(label)
    if role is None and _heading(label):
        role = _ROLES.get(section_category(label) or "")
    return role


def _heading(label: str) -> bool:
    """``label`` is a heading of the lexicon, alone or joined to others by '/', '&', ',' or 'and' ('Subjects and
    Methods', 'Materials and Method', 'BACKGROUND/AIMS'; split as ``section_category`` splits it), not the opening
    of a sentence that the lexicon's first word starts ('Outcomes included', 'Patients will be included if they',
    dev inline labels): the parser's prefix reading is meant for PubMed's labels."""
    words = {word for word, _ in section_categories()}
    key = heading_key(label)
    return key.replace(",", "") in words or all(part in words for part in HEADING_JOIN.split(key) if part)
