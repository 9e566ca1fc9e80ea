"""The section of each sentence as the pain-effect reader sees it, and what a section label is, read once per label.

``sections`` gives each sentence its label, or in an unlabelled abstract the heading written before it; the readers
then ask of every sentence whether its section is skipped (background, aims, methods), concluding, or a measuring
part. A label is asked about for every sentence it holds, by three readers: ``label_kinds`` reads each label once
(section labels are a vocabulary, kept across articles) through ``section_roles.section_role``, the reading every
extractor shares. (Moved from :mod:`.pain_effect`, round 12.)
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from ketamine_evidence.analysis.extract.abstract_parts import (ENROLMENT, MEASUREMENT, unlabelled_aim,
                                                              unlabelled_background, unlabelled_conclusions)
from ketamine_evidence.analysis.extract.section_roles import section_role
from ketamine_evidence.analysis.extract.significance import _significance

if TYPE_CHECKING:
    from ketamine_evidence.analysis.extract import Context


class LabelKinds(NamedTuple):
    """What a section label (or '') is: skipped by the finding reader (background, objective, methods), concluding,
    a part that measures (methods, results), results."""

    skipped: bool
    concluding: bool
    measuring: bool
    results: bool


@lru_cache(maxsize=1024)  # section labels: a vocabulary, the same few in every abstract
def label_kinds(label: str) -> LabelKinds:
    """The four questions asked of ``label``'s ``section_role`` once."""
    role = section_role(label)
    return LabelKinds(role in ("background", "objective", "methods"), role == "conclusions",
                      role in ("methods", "results"), role == "results")


# A heading written inside an unlabelled abstract: '[Results] There were ...', a sentence 'Material and Methods.'.
INLINE_HEADING = re.compile(r"^\W*(?:\[(?P<bracket>[A-Za-z ]{3,40})\]|(?P<alone>(?:introduction|background|purpose|aims?|"
                            r"objectives?|(?:(?:subjects|patients|materials?) and )?methods?|design|results?|findings|"
                            r"conclusions?|discussion)\W*$))", re.I)


def sections(ctx: "Context") -> dict[int, str]:
    """Each sentence's section (by ``id``): its label, or in an unlabelled abstract the last heading written in the
    text before it ('[Subjects and Methods] ...', 'Results.'); '' where neither is known. Kept on the context:
    three readers of one article ask for it."""
    cached = getattr(ctx, "_pain_sections", None)
    if cached is not None:
        return cached
    out: dict[int, str] = {}
    heading = ""
    background = unlabelled_background(ctx)  # an unlabelled abstract's opening background sentences
    concluding = unlabelled_conclusions(ctx)  # and its closing conclusions
    aim = unlabelled_aim(ctx)  # and the sentence that states its aim
    for s in ctx.sentences:
        if s.section:
            out[id(s)] = s.section
            continue
        m = INLINE_HEADING.match(s.text)
        if m:
            heading = (m.group("bracket") or m.group("alone")).strip(" .:").upper()
        if s.index in background:
            out[id(s)] = "BACKGROUND"
        elif s.index in concluding:
            out[id(s)] = "CONCLUSIONS"
        elif s.index == aim and not heading:
            out[id(s)] = "OBJECTIVE"  # 'the authors used distant reiki to assess its effectiveness in reducing pain'
        elif not heading and (ENROLMENT.search(s.text) or MEASUREMENT.search(s.text)) and _significance(s.text) is None:
            out[id(s)] = "METHODS"  # '... were enrolled and randomly assigned', 'were evaluated for pain relief by NRS'
        else:
            out[id(s)] = heading
    try:
        ctx._pain_sections = out  # type: ignore[attr-defined]
    except AttributeError:
        pass
    return out
