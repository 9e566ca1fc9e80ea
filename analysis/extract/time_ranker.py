"""Learned reader of ``follow_up_days``: every time point and period the title and abstract state, in days from the
start of treatment, ranked by a logistic regression (``candidate_ranker``) on the words around it, its unit, its
sentence's part and wording, and its length among the record's other times.

Candidates are read with the rules' own time parsing (``follow_up._candidates``: ``timepoints.time_points`` with the
abstract's course and visit schedule), plus the consecutive periods, interval schedules and course-then-washout
sums the rules compute, 'the next day' (1) and a pain rating at the procedure itself (0). The rules' filter
(``follow_up._kept``: ages, disease durations, recall windows, infusion lengths...) is a feature here
(``kept``), not a gate. Selected by ``KE_FU_READER`` (``candidate_ranker.READERS``; default ``rules``). Weights:
``analysis/lexicons/time_ranker.json``.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

from ketamine_evidence.analysis.extract import follow_up as fu
from ketamine_evidence.analysis.extract.candidate_ranker import window_features, Candidate, choose, load_ranker, reader, weights_file
from ketamine_evidence.analysis.extract.count_ranker import section_kind
from ketamine_evidence.analysis.extract.direction import is_pain_outcome
from ketamine_evidence.analysis.extract.protocols import is_planned, is_protocol
from ketamine_evidence.analysis.extract.study_text import has_digit

if TYPE_CHECKING:
    from ketamine_evidence.analysis.extract import Context
    from ketamine_evidence.analysis.parse.sentences import Sentence

ENV = "KE_FU_READER"
WEIGHTS = "time_ranker.json"
WINDOW = 4
_WORD = re.compile(r"[a-z]+|[()%]|\d+")
_UNIT = re.compile(r"(min|minute|hour|h\b|hr|day|d\b|week|wk|month|mo\b|year|yr|y\b|pod)", re.I)
_REVIEWS = ("narrative_review", "systematic_review", "guideline")
_FOLLOW = re.compile(r"\bfollow\w*", re.I)
_RANGE = re.compile(r"\d\s?(?:-|\u2013|to)\s?\d")


def applies(ctx: "Context") -> bool:
    """The extractor's gates (``durations.extract``): the intervention named, no review; and no protocol, whose planned
    times (rule a, read since round 13) the rules read alone (the ranker's weights saw planned times only as negatives)."""
    return (ctx.intervention.mentioned_in(ctx.text) and not is_protocol(ctx)
            and not any(f.value in _REVIEWS for f in ctx.earlier("design")))


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _sentence_features(s: "Sentence", n_sent: int) -> dict[str, float]:
    text = s.text
    f = {f"sec={section_kind(s.section)}": 1.0, "position": s.index / n_sent}
    if not fu.own_study(s):
        f["other_study"] = 1.0
    if is_planned(text):
        f["planned"] = 1.0
    if fu._RECRUITMENT.search(text) and not fu._FOLLOW_WORDS.search(text):
        f["recruitment"] = 1.0
    if _FOLLOW.search(text):
        f["follow_words"] = 1.0
    if fu._ASSESSED.search(text):
        f["assessed_words"] = 1.0
    if is_pain_outcome(text):
        f["pain_outcome"] = 1.0
    if "nterim" in text and fu._INTERIM.search(text):
        f["interim"] = 1.0
    return f


def _mention_features(text: str, start: int, end: int, mention: str, n_values: int) -> dict[str, float]:
    left, right = _words(text[max(0, start - 80):start])[-WINDOW:], _words(text[end:end + 80])[:WINDOW]
    f: dict[str, float] = {"kind=point": 1.0}
    window_features(f, left, right)
    unit = _UNIT.findall(mention)
    f[f"unit={unit[-1].lower()[:2] if unit else 'none'}"] = 1.0
    if n_values > 1:
        f["list"] = 1.0
    if _RANGE.search(mention):
        f["range"] = 1.0
    return f


def candidates(ctx: "Context", rules_value: float | None = None,
               with_rules: bool = False) -> list[Candidate["Sentence"]]:
    """Every time of the title and abstract that could be the follow-up, with its features (``with_rules``:
    also whether the rules chose the same value, a feature fitted to the dev records)."""
    course, schedule = fu.timing(ctx)
    phased, crossover = bool(fu._PHASE.search(ctx.text)), bool(fu._CROSSOVER.search(ctx.text))
    n_sent = max(1, len(ctx.sentences))
    raw: list[tuple[float, "Sentence", dict[str, float]]] = []
    for s in ctx.sentences:
        found = fu._candidates(s.text, course, schedule) if has_digit(s.text) or " the " in s.text else []
        sent = _sentence_features(s, n_sent)
        if found:
            kept = fu._kept(s.text, found, False)
            short = fu._kept(s.text, found, True)
            shifted = dict(zip((id(t) for t in kept), fu._from_treatment_start(s.text, kept))) if kept else {}
            for t in found:
                if not 0 < t.max_days <= fu._MAX_FOLLOW_UP:
                    continue
                f = dict(sent)
                f.update(_mention_features(s.text, t.start, t.end, t.text, len(t.days)))
                if t in kept or t in short:
                    f["kept"] = 1.0
                value = shifted.get(id(t), t.max_days)
                if value != t.max_days:
                    f["from_treatment_start"] = 1.0
                raw.append((value, s, f))
        periods = fu.consecutive_periods(s.text, phased) or fu.interval_schedule(s.text) or (
            None if crossover else fu.course_then_off(s.text))
        if periods:
            raw.append((periods, s, {**sent, "kind=periods": 1.0}))
        if fu._NEXT_DAY.search(s.text):
            raw.append((1.0, s, {**sent, "kind=next_day": 1.0}))
        if "mmediate" in s.text and fu._IMMEDIATE.search(s.text) or fu.rated_at_the_moment(s.text):
            raw.append((0.0, s, {**sent, "kind=moment": 1.0}))
    if not raw:
        return []
    values = [v for v, _, _ in raw]
    top = max(values)
    order = sorted(set(values), reverse=True)
    # the rules' filter, read with the candidate's scale: a minute-scale time the filter drops is rarely a follow-up
    kept_order = sorted({v for v, _, f in raw if f.get("kept") or "kind=point" not in f}, reverse=True)
    out: list[Candidate["Sentence"]] = []
    for value, s, f in raw:
        scale = "min" if value < 1 / 24 - 1e-9 else "hours" if value < 1 else "days" if value < 28 else "months"
        kept = bool(f.get("kept")) or "kind=point" not in f
        f[f"{'kept' if kept else 'dropped'}_{scale}"] = 1.0
        if kept:
            f[f"kept_rank={min(kept_order.index(value), 3)}"] = 1.0
        if "pain_outcome" in f:
            f[f"pain_{scale}"] = 1.0
        f["log_days"] = math.log10(value + 1) / 3.6
        f["share_of_max"] = value / top if top else 1.0
        f["is_max"] = float(value == top)
        f[f"rank={min(order.index(value), 4)}"] = 1.0
        f["repeated"] = min(values.count(value) - 1, 3) / 3
        f["whole_days"] = float(value >= 1)
        if with_rules:
            f["rules_pick"] = float(rules_value is not None and abs(value - rules_value) <= max(0.1 * rules_value, 1))
        out.append(Candidate(float(value), f, s))
    return out


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= max(0.1 * abs(b), 1.0) + 1e-9


def read(ctx: "Context", best: tuple[float, "Sentence"] | None) -> tuple[float, "Sentence"] | None:
    """The follow-up the selected reader gives (``best``: the rules', returned unchanged by ``rules``)."""
    mode, with_rules = reader(ENV)
    if mode == "rules":
        return best
    picked = choose(mode, load_ranker(weights_file(WEIGHTS, with_rules)), None if best is None else best[0],
                    candidates(ctx, None if best is None else best[0], with_rules), _close)
    if picked == "rules":
        return best
    return None if picked is None else (picked.value, picked.source)
