"""``event_negation``: the negated and compared spans read lazily (the triggers first, the scope ends and the
contrasts only where a trigger or a comparison is found) are those of reading everything."""

from __future__ import annotations

import re
from pathlib import Path

import ketamine_evidence.analysis.extract  # noqa: F401
from ketamine_evidence.analysis.extract import event_negation
from ketamine_evidence.analysis.extract.event_negation import NEGATION, compared_spans, negated_spans
from ketamine_evidence.analysis.extract.event_terms import lexicon_hits
from ketamine_evidence.analysis.parse import parse_file
from ketamine_evidence.analysis.parse.sentences import split_article

SNAPSHOT = Path(__file__).resolve().parents[3] / "data" / "snapshot" / "pmc"


def _negated_eagerly(text: str) -> list[tuple[int, int]]:
    """NegEx scopes with every pattern read up front (the code before the lazy reading)."""
    pseudo = [(m.start(), m.end()) for m in NEGATION.pseudo.finditer(text)]
    in_pseudo = lambda s, e: any(a <= s and e <= b for a, b in pseudo)  # noqa: E731
    stops = [m.start() for m in NEGATION.terminate.finditer(text)] + [m.start() for m in re.finditer(r"[;:]", text)]
    verbs = [m.start() for m in NEGATION.verbs.finditer(text)]
    spans = []
    for m in NEGATION.pre.finditer(text):
        if in_pseudo(m.start(), m.end()):
            continue
        ends = stops if NEGATION.subject.search(m.group(0)) else stops + [v for v in verbs if v > m.end()]
        end = min([s for s in ends if s >= m.end()] + [len(text)])
        words = list(re.finditer(r"\S+", text[m.end():end]))
        if len(words) > NEGATION.max_words:
            end = m.end() + words[NEGATION.max_words - 1].end()
        spans.append((m.end(), end))
    for m in NEGATION.post.finditer(text):
        if in_pseudo(m.start(), m.end()):
            continue
        start = max([s for s in stops if s < m.start()] + [0])
        words = list(re.finditer(r"\S+", text[start:m.start()]))
        if len(words) > NEGATION.max_words:
            start = start + words[-NEGATION.max_words].start()
        spans.append((start, m.start()))
    return spans


def _compared_eagerly(text: str) -> list[tuple[int, int]]:
    bounds = [0] + [m.end() for m in event_negation.CONTRAST.finditer(text)] + [len(text)]
    starts = [m.start() for m in NEGATION.pseudo.finditer(text)] + [
        m.start() for m in (*event_negation._SIMILAR.finditer(text), *event_negation.SIMILARITY.finditer(text))]
    return [(max(b for b in bounds if b <= s), min((b for b in bounds if b > s), default=len(text))) for s in starts]


def test_lazy_spans_are_those_of_reading_every_pattern() -> None:
    checked = negated = compared = 0
    for path in sorted(SNAPSHOT.glob("*.nxml")):
        for article in parse_file(path):
            for s in split_article(article, article.text):
                if not lexicon_hits(s.text):
                    continue
                assert negated_spans(s.text) == _negated_eagerly(s.text), s.text
                assert compared_spans(s.text) == _compared_eagerly(s.text), s.text
                checked += 1
                negated += bool(negated_spans(s.text))
                compared += bool(compared_spans(s.text))
    # the snapshot's 95 sentences with an event: 10 with a negation scope, 14 with a comparison
    assert checked >= 90 and negated >= 8 and compared >= 10


def test_a_trigger_scope_ends_at_the_verb_and_a_subject_scope_runs_past_it() -> None:
    # data/snapshot/pmc/PMC5809707.nxml-style results sentences
    text = "No patient developed hallucinations, and no nausea was reported."
    spans = negated_spans(text)
    assert any(text[a:b].startswith(" developed hallucinations") for a, b in spans)
    assert any(text[a:b].strip() == "nausea" for a, b in spans)
    assert negated_spans("Nausea occurred in 3 patients.") == []


# Round 7, batch 7 (data/eval/pool/gold_blind.jsonl, now dev)
def test_a_copula_not_that_negates_no_event_stops_at_the_next_clause() -> None:
    from ketamine_evidence.analysis.extract.event_negation import find_event_mentions

    # PMC4947329
    text = ("The incidence of adverse effects with prednisone was not dose related, and nervous system disorders, "
            "mainly headache, were the most frequently reported adverse effects.")
    assert [m.words for m in find_event_mentions(text) if m.negated] == []
    # a 'not' whose predicate names an event keeps its list
    text = "Ketamine was not accompanied by nausea, vomiting, and headache."
    assert [m.words for m in find_event_mentions(text) if m.negated] == ["nausea", "vomiting", "headache"]


def _snapshot_sentences() -> list[str]:
    return [s.text for path in sorted(SNAPSHOT.glob("*.nxml")) for article in parse_file(path)
            for s in split_article(article, article.text)]


def test_trigger_lists_led_by_their_first_letters_match_as_the_plain_whole_word_alternation() -> None:
    """Round 9 (sp13): each trigger list starts with a look-ahead for the letters its phrases start with, so ``re``
    skips the characters no phrase starts with; the matches are those of the plain alternation, also in capitals
    and with the characters ``re.I`` equates with ASCII letters ('ſ', 'İ', the Kelvin sign)."""
    from ketamine_evidence.analysis.extract.event_terms import alternation, load_lexicon
    from ketamine_evidence.analysis.extract.fast_re import fast

    data = load_lexicon("negation_triggers.toml")
    texts = _snapshot_sentences()
    texts += [t.upper() for t in texts[:400]] + [t.replace("s", "\u017f").replace("i", "\u0130") for t in texts[:400]] \
        + [t.replace("k", "\u212a") for t in texts[:400]]
    found = 0
    for name in ("pre", "post", "pseudo", "terminate", "verbs"):
        shipped = getattr(NEGATION, name)
        assert shipped.pattern.startswith("(?=["), name  # the look-ahead is there
        plain = fast(re.compile(rf"(?<![\w-])(?:{alternation(data[name])})(?![\w-])", re.I))
        for text in texts:
            spans = [m.span() for m in shipped.finditer(text)]
            assert spans == [m.span() for m in plain.finditer(text)], (name, text)
            found += len(spans)
    assert found > 1000


def test_word_leads_with_every_first_letter_of_its_phrases() -> None:
    # a phrase starting with a capital-only part, and one starting with a class, keep their matches
    rx = event_negation._word(r"(?-i:AEs?)[\s-]+absent|[xy]erostomia[\s-]+free|no")
    assert rx.pattern.startswith("(?=[anxy])")
    text = "AEs absent; Xerostomia free in no patient, aes absent"
    assert [m.group(0) for m in rx.finditer(text)] == ["AEs absent", "Xerostomia free", "no"]
