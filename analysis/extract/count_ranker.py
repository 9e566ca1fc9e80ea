"""Learned reader of ``n_participants``: every count of people the title and abstract state, ranked by a logistic
regression (``candidate_ranker``) on the words around it, its sentence's wording and part, and its size among the
record's other counts.

Candidates are read with the rules' own number parsing (``participants.sentence_counts``: counts before a people
noun, 'n = 60', '442 were randomised'), plus each 'n =' and the arm sums, per-arm products and group products the
rules compute for a sentence. Counts in a sentence that plans or calculates a sample size are no candidates
(guideline additions, rule a), and neither are background sentences about other work, populations ('600 million')
or the source a sample was drawn from ('a database of 114,334 patients'); drop-outs and screening are features,
not filters. An opt-in reader: ``KE_N_READER=ranker`` (or ``hybrid``, ``fill``: ``candidate_ranker.READERS``);
the default is the rules (round 9: the ranker won the check set, 0.850 -> 0.917, but lost two records on the blind
sets and cites screened or consented counts larger than the randomised one; docs/evaluation.md, ninth round).
Weights: ``analysis/lexicons/count_ranker.json``.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

from ketamine_evidence.analysis.extract import participants as p
from ketamine_evidence.analysis.extract.candidate_ranker import window_features, Candidate, choose, load_ranker, reader, weights_file
from ketamine_evidence.analysis.extract.participants_masks import plain_number_dashes
from ketamine_evidence.analysis.extract.participants_patterns import _PEOPLE_WORDS as PEOPLE_WORDS
from ketamine_evidence.analysis.extract.protocols import is_planned
from ketamine_evidence.analysis.extract.section_roles import section_role
from ketamine_evidence.analysis.extract.study_text import has_digit, plain_hyphens

if TYPE_CHECKING:
    from ketamine_evidence.analysis.extract import Context
    from ketamine_evidence.analysis.parse.sentences import Sentence

ENV = "KE_N_READER"
DEFAULT = "rules"  # round 9: the ranker won the check set (0.850 -> 0.917) but not the blind sets (docs/evaluation.md)
WEIGHTS = "count_ranker.json"
WINDOW = 4  # words either side of a count read as features
_WORD = re.compile(r"[a-z]+|[=:;()%]|\d+")
_TOTAL = re.compile(r"\b(?:total|overall|altogether|in all)\b", re.I)


def section_kind(section: str | None) -> str:
    """The abstract part a sentence stands in (``section_role``; ``none`` where the abstract has no headings,
    ``other`` for a label of no known part)."""
    if not section:
        return "none"
    return "title" if section == "TITLE" else section_role(section) or "other"


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _mention_features(text: str, start: int, end: int, kind: str) -> dict[str, float]:
    left, right = _words(text[max(0, start - 80):start])[-WINDOW:], _words(text[end:end + 80])[:WINDOW]
    inside = _words(text[start:end])
    f: dict[str, float] = {f"kind={kind}": 1.0}
    window_features(f, left, right)
    nouns = [w for w in inside + right if w in PEOPLE_WORDS]
    if nouns:
        f[f"noun={nouns[0]}"] = 1.0
    if _TOTAL.search(text, max(0, start - 30), start):
        f["total_before"] = 1.0
    return f


# A count whose words hold a scale word is a population, not a sample ('about 600 million people'); so is the
# source the sample was drawn from ('to select patients ... from a database of 114,334 patients').
_SCALE = re.compile(r"\b(?:million|billion|thousand)s?\b", re.I)
_SOURCE_BEFORE = re.compile(r"\b(?:database|registry|register|records|population|pool)\s+(?:of|with|including)\s+$", re.I)


def _sentence_mentions(ctx: "Context", s: "Sentence", present: "p._Present") -> list[tuple[int, int, int, str]]:
    """``(value, start, end, kind)`` of each count of one sentence, with its sums and products (``present``: the
    article's pattern keys, read once, as ``participants.best_count`` reads them)."""
    text = p._units_masked(plain_number_dashes(plain_hyphens(s.text)))
    counts = p.sentence_counts(text, present)
    out = [(v, a, b, "count") for v, a, b in counts]
    if "=" in text or ":" in text:
        for m in p.N_EQUALS.finditer(text):
            if not any(a <= m.start("n") < b for _, a, b in counts):
                out.append((p.n_value(m), m.start(), m.end(), "n_equals"))
    summed = p._arm_sum(text, tuple(counts))
    if summed is not None:
        out.append((summed, 0, len(text), "sum"))
    per_arm = p._per_arm(ctx, s, text, counts)
    if per_arm is not None:
        out.append((per_arm, 0, len(text), "per_arm"))
    product = p._groups_product(text, present)
    if product is not None:
        out.append((product, 0, len(text), "product"))
    return [m for m in out if m[0] > 0 and not (m[3] == "count" and (
        _SCALE.search(text, m[1], m[2]) or _SOURCE_BEFORE.search(text, max(0, m[1] - 40), m[1])))]


# One stated count: (value, start, end, kind, sentence, how many counts its sentence states).
Mention = tuple[int, int, int, str, "Sentence", int]


def mentions(ctx: "Context", rules_value: float | None = None,
             rules_sentence: "Sentence | None" = None) -> list[Mention]:
    """Every count of people in the title and abstract, in reading order, without features (cheap: most records
    have one or none, and then the ranker's answer needs no scoring); the rules' count (``rules_value`` from
    ``rules_sentence``) is one too where no reading above finds it."""
    raw: list[Mention] = []
    present = p.present_in(ctx.text)
    for s in ctx.sentences:
        text = s.text
        counted = p.COUNT.holds(text, present.count)
        if not (counted or p.SUBJECT.holds(text, present.subject) or p.GROUPS_OF.holds(text, present.groups)
                or "=" in text or ":" in text):
            continue  # best_count's pre-check: no count word, 'n =' or groups, so no reading below finds a count
        if not has_digit(text) and not (counted and p.COUNT.search(text)):
            continue
        if is_planned(text) or p._ONGOING.search(text) or p._POWER.search(text):
            continue  # guideline additions, rule a: planned numbers and sample-size calculations were never enrolled
        if s.section != "TITLE" and p.about_other_work(ctx, s):
            continue  # another study's or the population's count ('a previous trial of 500 patients'): never this
            # study's sample; a hard gate, as in the rules (the weights never saw such a candidate: the feature
            # 'background' was 0 on every dev candidate)
        found = _sentence_mentions(ctx, s, present)
        raw.extend((value, a, b, kind, s, len(found)) for value, a, b, kind in found)
    if rules_value is not None and rules_sentence is not None and all(r[0] != rules_value for r in raw):
        # a count only the rules read (a pooled count, a lone 'n ='): a candidate too, marked as such
        raw.append((int(rules_value), 0, 0, "rules_only", rules_sentence, 0))
    return raw


def _sentence_features(ctx: "Context", s: "Sentence", n_sent: int) -> dict[str, float]:
    """What a sentence that states counts says about all of them: its part, wording, place and cue words."""
    text = s.text
    sent: dict[str, float] = {f"sec={section_kind(s.section)}": 1.0, f"wording={p._rank(text)}": 1.0,
                              "position": s.index / n_sent}
    if p._DROPOUT.search(text):
        sent["dropout_words"] = 1.0
    if p._SCREENED.search(text):
        sent["screened_words"] = 1.0
    return sent


def candidates(ctx: "Context", rules_value: float | None = None, rules_sentence: "Sentence | None" = None,
               with_rules: bool = False, raw: list[Mention] | None = None) -> list[Candidate["Sentence"]]:
    """Every count of people in the title and abstract with its features (``raw``: its ``mentions``, when read
    already); the rules' count is one too where no reading finds it. ``with_rules`` adds whether the rules chose
    the same value (a feature fitted to the dev records; off in the shipped weights)."""
    if raw is None:
        raw = mentions(ctx, rules_value, rules_sentence)
    if not raw:
        return []
    n_sent = max(1, len(ctx.sentences))
    per_sentence: dict[int, tuple[dict[str, float], str]] = {}  # id(sentence) -> its features and plain text
    features: list[dict[str, float]] = []
    for value, a, b, kind, s, in_sentence in raw:
        if kind == "rules_only":
            features.append({f"sec={section_kind(s.section)}": 1.0, "kind=rules_only": 1.0,
                             "position": s.index / n_sent})
            continue
        if id(s) not in per_sentence:
            per_sentence[id(s)] = (_sentence_features(ctx, s, n_sent), plain_hyphens(s.text))
        sent, plain = per_sentence[id(s)]
        f = dict(sent)
        f.update(_mention_features(plain, a, b, kind) if kind in ("count", "n_equals") else {f"kind={kind}": 1.0})
        f["in_sentence"] = float(in_sentence)
        features.append(f)
    values = [r[0] for r in raw]
    top = max(values)
    first_sentence = min(r[4].index for r in raw)
    out: list[Candidate["Sentence"]] = []
    for i, ((value, _, _, _, s, _), f) in enumerate(zip(raw, features)):
        f["log_value"] = math.log10(value + 1) / 4
        f["share_of_max"] = value / top
        f["is_max"] = float(value == top)
        f["small"] = float(value < 10)
        f["repeated"] = min(values.count(value) - 1, 3) / 3
        f["first_sentence"] = float(s.index == first_sentence)
        f["order"] = min(i, 10) / 10
        others = [v for j, v in enumerate(values) if j != i and raw[j][4] is s]
        f["sum_of_sentence"] = float(len(others) >= 2 and value == sum(others))
        f["part_of_larger"] = float(any(v > value for v in others))
        if with_rules:
            f["rules_pick"] = float(rules_value is not None and value == rules_value)
        out.append(Candidate(float(value), f, s))
    return out


def _equal(a: float, b: float) -> bool:
    return a == b


def read(ctx: "Context", found: tuple[int, "Sentence"] | None) -> tuple[int, "Sentence"] | None:
    """The count the selected reader gives (``found``: the rules' count and sentence, returned unchanged by ``rules``)."""
    mode, with_rules = reader(ENV, DEFAULT)
    if mode == "rules":
        return found
    rules_value, rules_sentence = (None, None) if found is None else found
    ranker = load_ranker(weights_file(WEIGHTS, with_rules))
    raw = mentions(ctx, rules_value, rules_sentence)
    if mode == "ranker" and len(raw) <= 1 and ranker.floor <= 0.0:
        # none or one candidate: the ranker's answer without features or scoring (a probability is never below 0)
        return (raw[0][0], raw[0][4]) if raw else None
    picked = choose(mode, ranker, None if found is None else float(found[0]),
                    candidates(ctx, rules_value, rules_sentence, with_rules, raw), _equal)
    if picked == "rules":
        return found
    return None if picked is None else (int(picked.value), picked.source)
