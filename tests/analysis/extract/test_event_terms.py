"""``event_terms``: the lexicon tried per first letter finds exactly what the whole alternation finds."""

from __future__ import annotations

import re

import pytest
from pathlib import Path

import ketamine_evidence.analysis.extract  # noqa: F401
from ketamine_evidence.analysis.extract import event_terms
from ketamine_evidence.analysis.parse import parse_file
from ketamine_evidence.analysis.parse.sentences import split_article

SNAPSHOT = Path(__file__).resolve().parents[3] / "data" / "snapshot" / "pmc"


def test_lexicon_by_first_letter_matches_as_the_whole_alternation() -> None:
    assert len(event_terms._BY_LETTER) == 26
    checked = found = 0
    for path in sorted(SNAPSHOT.glob("*.nxml")):
        for article in parse_file(path):
            for s in split_article(article, article.text):
                for start in event_terms.word_starts(s.text.lower()):
                    whole = event_terms.LEXICON.regex.match(s.text, start)
                    part = event_terms._BY_LETTER[s.text[start].lower()].match(s.text, start)
                    assert (whole and whole.span()) == (part and part.span()), s.text
                    checked += 1
                    found += whole is not None
    assert checked > 500 and found > 50
    # data/snapshot/pmc/PMC5809707.nxml: its events, in order
    text = "The incidence of hypotension, bradycardia, desaturation, and coughing was noted."
    assert [m.group(0) for m in event_terms.lexicon_hits(text)] == ["hypotension", "bradycardia", "desaturation"]


def test_word_starts_are_those_of_one_prefix_alternation() -> None:
    """The words tried are those a single alternation of the prefixes finds (the way it was done before)."""
    import re

    prefixes = event_terms.LEXICON.prefixes
    four = sorted((p for p in prefixes if len(p) == 4), reverse=True)
    short = sorted((p for p in prefixes if len(p) < 4), key=len, reverse=True)
    alternation = re.compile(r"(?<![a-z])(?:" + "|".join([*four, *(p + "(?![a-z])" for p in short)]) + ")")
    checked = 0
    for path in sorted(SNAPSHOT.glob("*.nxml")):
        for article in parse_file(path):
            for s in split_article(article, article.text):
                low = s.text.lower()
                assert event_terms.word_starts(low) == [m.start() for m in alternation.finditer(low)], s.text
                assert event_terms.LEXICON.may_match(s.text) == (alternation.search(low) is not None)
                checked += 1
    assert checked > 300
    # data/snapshot/pmc/PMC5809707.nxml, lower-cased: the words that can start a wording
    text = "the incidence of hypotension, bradycardia, desaturation, and coughing was noted."
    assert [text[i:i + 4] for i in event_terms.word_starts(text)] == ["inci", "hypo", "brad", "desa", "coug"]


def test_prefix_trie_gives_the_starts_of_the_words_with_a_lexicon_prefix() -> None:
    runs = re.compile(r"[a-z]+")
    checked = 0
    for path in sorted(SNAPSHOT.glob("*.nxml")):
        for article in parse_file(path):
            for s in split_article(article, article.text):
                lowered = s.text.lower()
                expected = [m.start() for m in runs.finditer(lowered) if m.group()[:4] in event_terms.LEXICON.prefixes]
                assert event_terms.word_starts(lowered) == expected, s.text
                checked += 1
    assert checked > 300
    # a prefix shorter than four letters starts only a word of its own length
    short = min(p for p in event_terms.LEXICON.prefixes if len(p) < 4)
    assert event_terms.word_starts(f"x {short}, y") == [2]
    assert event_terms.word_starts(f"x {short}q y") == ([2] if f"{short}q" in event_terms.LEXICON.prefixes else [])



def test_a_lexicon_phrase_matches_in_both_spellings() -> None:
    # ADE-Corpus 14996269 and 11250985: the lexicon lists 'hypernatremia' and 'hyperkalemia' (MedDRA's spelling)
    assert event_terms.spelling_variants("hypernatremia") == ["hypernatraemia"]
    assert event_terms.spelling_variants("haematoma*") == ["hematoma*"]
    assert event_terms.spelling_variants("diarrhoea") == ["diarrhea"]
    assert event_terms.spelling_variants("sedation") == []
    assert event_terms.spelling_variants("acute generalized exanthematous pustulosis") == []  # no 'haem' inside
    text = ("We describe two ELBW infants affected by hyperkalaemia, treated with Kayexalate, who developed serious "
            "hypernatraemia, that has never been reported before in preterm infants.")
    hits = [m.group(0) for m in event_terms.lexicon_hits(text)]
    assert hits == ["hyperkalaemia", "hypernatraemia"]
    assert event_terms.LEXICON.classify("hypernatraemia") == ("term", ("other",))


def test_pharmacovigilance_terms_map_to_the_guideline_names() -> None:
    # ADE-Corpus 15770343 and 10592946: a loss of vision is the guideline's visual disturbance; rhabdomyolysis `other`
    text = "In addition, ethambutol rarely causes visual loss during the early period or when given at lower doses."
    assert [event_terms.LEXICON.classify(m.group(0)) for m in event_terms.lexicon_hits(text)] == \
        [("term", ("visual_disturbance",))]
    text = ("Severe rhabdomyolysis following massive ingestion of oolong tea: caffeine intoxication with coexisting "
            "hyponatremia.")
    assert [m.group(0) for m in event_terms.lexicon_hits(text)] == ["rhabdomyolysis", "hyponatremia"]
    assert event_terms.LEXICON.classify("fulminant hepatic failure".split(" ", 1)[1]) == ("term", ("hepatotoxicity",))


# Round 7, batch 7 (data/eval/pool/gold_blind.jsonl, now dev)
@pytest.mark.parametrize("text, words", [
    ("All patients finished their scheduled course of rt without incident.", ["incident"]),  # PMC2442760
    ("a reference for early clinical development of dissociated agents targeting", []),  # PMC4947329
    ("Incident pain was treated with rescue doses.", []),
])
def test_wordings_of_batch_7(text: str, words: list[str]) -> None:
    assert [m.group(0) for m in event_terms.lexicon_hits(text)] == words
