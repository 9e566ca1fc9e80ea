"""``required_text``: the keys read from a pattern are held by every match, so gating never loses one."""

from __future__ import annotations

import re
import sys

import ketamine_evidence.analysis.extract  # noqa: F401  (wraps and gates the module-level patterns)
from ketamine_evidence.analysis.extract import required_text
from ketamine_evidence.analysis.extract.fast_re import LowerPattern, fast


def test_keys_of_alternations_optional_parts_and_classes() -> None:
    assert required_text.required_keys(r"\banti[- ]?emetics?\b") == {"antiemetic", "anti-emetic", "anti emetic"}
    assert required_text.required_keys(r"\b(?:nausea|vomiting)\b") == {"nausea", "vomiting"}
    # the most selective run: the event words, not the article before them
    assert required_text.required_keys(r"(?:a|an|the)\s+(?:adverse events?|side[- ]effects?)") == {
        "adverse event", "side effect", "side-effect"}
    assert required_text.required_keys(r"\b(?:reduc|decreas)\w*") == {"reduc", "decreas"}


def test_no_keys_where_a_match_needs_no_fixed_text() -> None:
    assert required_text.required_keys(r"\d+\s*(?:mg|mcg)") is None  # keys under three characters
    assert required_text.required_keys(r"(?:pain|\d+)") is None  # one branch holds no fixed text
    assert required_text.required_keys(r"(?:ketamine)?\s*\w+") is None  # the word is optional


def test_every_match_of_every_gated_pattern_holds_one_of_its_keys(sentences: list[str]) -> None:
    gated = [(name, v) for name, module in sorted(sys.modules.items())
             if name.startswith("ketamine_evidence.analysis.extract.")
             for name, v in vars(module).items() if isinstance(v, LowerPattern) and (v.gate is not None or v.keys)]
    assert len(gated) > 150 and sum(p.gate is not None for _, p in gated) > 80  # many keys: the shared pass
    ids = {i: k for k, i in required_text._IDS.items()}
    hits = 0
    for name, p in gated:
        keys = [ids[i] for i in p.gate] if p.gate is not None else p.keys
        for text in sentences:
            for m in p.re.finditer(text):
                hits += 1
                assert any(k in text.lower() for k in keys), (name, m.group(0))
    assert hits > 1000


def test_a_pattern_made_per_article_is_checked_with_a_few_keys(sentences: list[str]) -> None:
    required_text.present_keys("the automaton is built on the first text read")
    assert not required_text.accepting()
    p = fast(re.compile(r"\b(?:group|arm) (?:a|b)\b", re.I))
    assert isinstance(p, LowerPattern) and p.gate is None and set(p.keys) == {"group a", "group b", "arm a", "arm b"}
    text = next(s for s in sentences if "group" in s.lower())
    assert [m.span() for m in p.finditer(text)] == [m.span() for m in p.re.finditer(text)]
    assert p.search("Pain fell in both arms.") is None


def test_a_pattern_that_needs_a_digit_skips_text_without_one(sentences: list[str]) -> None:
    assert required_text.needs_digit(r"(?<![\w.])(?P<num>\d+(?:[.]\d+)?)\s?mg")
    assert not required_text.needs_digit(r"(?:\d+|one) mg")  # a number word needs no digit
    assert not required_text.needs_digit(r"mg/m\u00b2")  # a superscript two is no decimal digit for \d
    p = fast(re.compile(r"\b(\d+)\s?(?:mg|ml)\b", re.I))
    assert isinstance(p, LowerPattern) and p.digit
    for text in sentences + ["Ketamine \u0661\u0660 MG was given."]:  # Arabic-Indic digits are \d too
        assert [m.span() for m in p.finditer(text)] == [m.span() for m in p.re.finditer(text)]
    assert p.search("Ketamine was given as a bolus.") is None


def test_top_level_alternatives_and_first_letters() -> None:
    assert required_text.alternatives(r"a|(b|c)|[|)]d|e\|f") == ["a", "(b|c)", "[|)]d", r"e\|f"]
    assert required_text.alternatives(r"a|(b") is None
    assert required_text.first_letters(r"(?:post[- ]?)?operative", re.I) == {"p", "o"}
    assert required_text.first_letters(r"(?-i:PONV)s?", re.I) == {"p"}
    assert required_text.first_letters(r"\w+itis", re.I) is None  # any letter
    assert required_text.first_letters(r"x?", re.I) is None  # can match empty


def test_fragment_keys_of_a_lexicon_term(sentences: list[str]) -> None:
    """The keys of the routes lexicon's intravenous fragments (but 'iv', which counts only in capitals): a text
    with none of them has no match of those fragments."""
    fragments = ["intravenous(?:ly)?", r"i\.v\.?", "intra-venous(?:ly)?", "by vein"]
    keys = required_text.fragment_keys(fragments)
    assert keys is not None and set(keys) == {"intravenous", "i.v", "intra-venous", "by vein"}
    pattern = re.compile("|".join(fragments), re.I)
    for text in sentences:
        if pattern.search(text):
            assert any(k in text.lower() for k in keys), text
    assert required_text.fragment_keys(["intravenous", r"\d+"]) is None  # digits only: no fixed text


def test_needs_digit_skips_the_parse_only_where_no_digit_is_written() -> None:
    """The textual pre-check (no digit, ``\\d`` or coded digit in the source) gives the parse's answer for
    every module pattern and every intervention's names pattern."""
    from ketamine_evidence.analysis.extract.interventions import lexicon
    from ketamine_evidence.analysis.extract.fast_re import LowerPattern as Wrapped

    sources = [v.pattern for name, module in sorted(sys.modules.items())
               if name.startswith("ketamine_evidence.analysis.extract.")
               for v in vars(module).values() if isinstance(v, (re.Pattern, Wrapped))]
    sources += [iv.pattern.pattern for iv in lexicon().values()]
    sources += [r"[\u0660-\u0669]", r"a\u0030", r"\x31", r"\\u00ae", r"\N{DIGIT ZERO}", r"x{2}\d"]
    for src in sources:
        assert required_text.needs_digit(src) == required_text._digit_sequence(required_text._parsed(src, 0)), src
    assert not required_text._writes_digit(resolve("ketamine").pattern.pattern)  # skipped: no parse


def resolve(name: str):
    from ketamine_evidence.analysis.extract.interventions import resolve_intervention

    return resolve_intervention(name)


def test_many_keys_drop_those_holding_another_key_as_every_pair_would(sentences: list[str]) -> None:
    """A set of more than 32 keys (the adverse-event lexicon's) is filtered by looking up each key's shorter
    substrings: the same set as comparing every pair, on the lexicon-sized sets of the module patterns and on
    sets of words of real sentences with their prefixes."""
    from ketamine_evidence.analysis.extract.deferred_pattern import Pending

    import gc

    big = 0
    for p in [o for o in gc.get_objects() if isinstance(o, LowerPattern)]:
        low = p.low.deferred if isinstance(p.low, Pending) else p.low
        exact, req = required_text._sequence(required_text._parsed(low.pattern, low.flags))
        keys = required_text._better(req, exact)
        if keys and len(keys) > 32 and min(map(len, keys)) >= 3:
            big += 1
            pairs = frozenset(k for k in keys if not any(o != k and o in k for o in keys))
            assert required_text.required_keys(low.pattern, low.flags) == pairs
    assert big >= 3
    words = sorted({w for s in sentences[:300] for w in re.findall(r"[a-z]{3,}", s.lower())})
    assert len(words) > 400
    for start in range(0, len(words) - 120, 60):
        group = words[start:start + 120]
        keys = frozenset(group + [w[:4] for w in group[::3]] + [w[1:] for w in group[::5]])
        pairs = frozenset(k for k in keys if not any(o != k and o in k for o in keys))
        assert required_text.drop_holders(keys) == pairs and len(pairs) < len(keys)
