"""Abbreviations an abstract defines, and which of them name the intervention (``arm_abbreviations``)."""

from __future__ import annotations

import random
import re
import sys

import ketamine_evidence.analysis.extract  # noqa: F401  (wraps the module-level patterns, as at run time)
from ketamine_evidence.analysis.extract.arm_abbreviations import (_SPELLED_BEFORE, SPELLED_CHARS, defined_abbreviations,
                                                                  initials_abbreviations, intervention_abbreviations)
from ketamine_evidence.analysis.extract.interventions import resolve_intervention
from ketamine_evidence.analysis.parse import parse_file
from tests.analysis.extract.conftest import SNAPSHOT


def test_abbreviation_spelled_by_the_names_words_is_the_intervention() -> None:
    # PMID 28442930 (pool dev) defines both arms by abbreviation; only PCEA's words are all in the name.
    text = ("patient controlled epidural analgesia (PCEA) or patient controlled intravenous analgesia (PCIA) "
            "with fentanyl")
    name = "thoracic patient-controlled epidural analgesia with bupivacaine and fentanyl"
    assert initials_abbreviations(text, name) == ["PCEA"]
    # PMID 25197113 (pool dev): the bracketed comparator's words do not name the intervention.
    text = "ropivacaine fentanyl (RF) or bupivacaine fentanyl (BF)"
    assert initials_abbreviations(text, "intrathecal ropivacaine-fentanyl (vs bupivacaine-fentanyl)") == ["RF"]


def test_defined_abbreviations_are_read_left_to_right() -> None:
    # PMID 28442930 (pool dev): both arms are spelled out, each followed by its bracketed capitals.
    text = ("patient controlled epidural analgesia (PCEA) or patient controlled intravenous analgesia (PCIA) "
            "with fentanyl")
    assert [abbr for _, abbr in defined_abbreviations(text)] == ["PCEA", "PCIA"]
    assert defined_abbreviations(text)[1][0].strip().endswith("intravenous analgesia")


def test_an_abbreviation_right_after_the_interventions_own_mention() -> None:
    # Pool dev PMC5759865: 'Whilst gabapentin (GBP) and pregabalin (PGB)': only the intervention's own bracket.
    text = "Whilst gabapentin (GBP) and pregabalin (PGB) are both currently used to treat CS, equipoise exists"
    assert intervention_abbreviations(text, resolve_intervention("pregabalin").pattern) == ["PGB"]
    assert intervention_abbreviations(text, resolve_intervention("gabapentin").pattern) == ["GBP"]


# The reading before the search was narrowed to the stretch's tail and the look-behind moved after the ':'.
_OLD_ABBREVIATION = re.compile(r"\(([A-Z]{2,6})\)|(?<=[A-Za-z]):\s?([A-Z]{2,6})\)")


def _old_defined_abbreviations(text: str) -> tuple[tuple[str, str], ...]:
    floor = 0
    found = []
    for m in _OLD_ABBREVIATION.finditer(text):
        words = _SPELLED_BEFORE.search(text[max(floor, m.start() - 300):m.start()] + (" " if m.group(2) else ""))
        if words is not None:
            floor = m.end()
            found.append((words.group(1), m.group(1) or m.group(2)))
    return tuple(found)


def test_defined_abbreviations_are_those_of_the_search_over_the_whole_stretch() -> None:
    texts = [a.text for path in sorted(SNAPSHOT.glob("*.nxml")) for a in parse_file(path)]
    assert sum(len(_old_defined_abbreviations(t)) for t in texts) > 20  # the snapshot defines abbreviations
    rng = random.Random(13)
    alphabet = "aB -\n\u00a0\u2003(:)PCA,.;1é"  # letters, spaces of three kinds, brackets, capitals, others
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(5, 400))) for _ in range(3000)]
    for text in texts:
        assert defined_abbreviations(text) == _old_defined_abbreviations(text)


def test_the_spelled_out_characters_hold_every_character_re_reads_as_whitespace() -> None:
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    assert set(re.findall(r"\s", every)) <= set(SPELLED_CHARS)
    assert set(SPELLED_CHARS) == set(re.findall(r"[A-Za-z\s-]", every))


def test_capitals_spelling_an_arms_initials_undefined_in_the_text() -> None:
    """EI-read 12443: 'the HFNC group' names 'high-flow nasal cannula' though the span never defines HFNC."""
    from ketamine_evidence.analysis.extract.arm_abbreviations import initials_in_text
    text = ("The respiratory rate was significantly lower for the HFNC group than for the air entrainment mask group "
            "(22±3.6 breaths/min vs. 26±4.3 breaths/min, p=0.003).")
    assert initials_in_text(text, "high-flow nasal cannula") == ["HFNC"]
    assert initials_in_text(text, "air entrainment mask") == []
