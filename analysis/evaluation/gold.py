"""Score extracted study records against a gold annotation file, field by field.

The rules are the guideline's "How a field is judged" (../shared/eval/GUIDELINES.md), read literally:

- ``relevant``, ``design``, ``pain_effect``: exact match; accuracy over all records, and F1 per class.
- ``conditions``, ``routes``, ``adverse_events``, ``negated_adverse_events``: sets; micro precision, recall
  and F1 summed over all records (true positives, false positives, false negatives pooled).
- ``n_participants``: scored over all records. Where gold is not null the answer must be equal; where gold
  is null a non-null answer counts as wrong, and a null answer as right (null matches null).
- ``relief_duration_days``, ``follow_up_days``: right when within 10% of gold or 1 day, whichever is wider;
  null must match null (a null answer to a non-null gold is wrong, and vice versa).
- ``dose_mg_per_kg``, ``infusion_mg_per_kg_h``: within 10%; null must match null.
- ``responder_rate_pct``: within 1 point; null must match null.

Gold records are matched to articles on ``pmid``, or on ``pmcid`` where ``pmid`` is null (and on pmcid
as a fallback when the input lacks that pmid). Each record is extracted for its own ``intervention``
(ketamine where absent) unless an override is given.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping

from ketamine_evidence.analysis.records import LIST_FIELDS
from ketamine_evidence.base.errors import InputError, OutputError

CATEGORICAL_FIELDS = ("relevant", "design", "pain_effect")
SET_FIELDS = LIST_FIELDS  # conditions, routes, adverse_events, negated_adverse_events
# The order fields are printed in (the guideline's table order).
FIELD_ORDER = ("relevant", "design", "conditions", "routes", "n_participants", "relief_duration_days",
               "follow_up_days", "dose_mg_per_kg", "infusion_mg_per_kg_h", "pain_effect",
               "responder_rate_pct", "adverse_events", "negated_adverse_events")
DEFAULT_INTERVENTION = "ketamine"
_EPS = 1e-9


# ---------------------------------------------------------------------------------------------- rules
def within_days(pred: float, gold: float) -> bool:
    """Durations: within ±10% of gold or ±1 day, whichever is wider."""
    return abs(pred - gold) <= max(0.1 * abs(gold), 1.0) + _EPS


def within_ten_percent(pred: float, gold: float) -> bool:
    """Doses: within ±10% of gold (an exact 0 must be 0)."""
    return abs(pred - gold) <= 0.1 * abs(gold) + _EPS


def within_one_point(pred: float, gold: float) -> bool:
    """Responder rates: within ±1 percentage point."""
    return abs(pred - gold) <= 1.0 + _EPS


NUMERIC_RULES: dict[str, tuple[Callable[[float, float], bool], str]] = {
    "relief_duration_days": (within_days, "within 10% or 1 d"),
    "follow_up_days": (within_days, "within 10% or 1 d"),
    "dose_mg_per_kg": (within_ten_percent, "within 10%"),
    "infusion_mg_per_kg_h": (within_ten_percent, "within 10%"),
    "responder_rate_pct": (within_one_point, "within 1 point"),
}


def as_number(value: Any) -> float | None:
    """A gold or predicted number as a float; None for null, a bool, NaN or text that is no number."""
    if value is None or isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def numeric_correct(field_name: str, pred: Any, gold: Any) -> bool:
    """One numeric field of one record: null must match null, else the field's tolerance."""
    p, g = as_number(pred), as_number(gold)
    if g is None or p is None:
        return g is None and p is None
    rule = NUMERIC_RULES[field_name][0]
    return rule(p, g)


def participants_correct(pred: Any, gold: Any) -> bool:
    """Exact where gold is not null; where gold is null only a null answer is right."""
    p, g = as_number(pred), as_number(gold)
    if g is None:
        return p is None
    return p is not None and int(round(p)) == int(round(g)) and abs(p - g) < _EPS


# ---------------------------------------------------------------------------------------------- scores
@dataclass
class FieldScore:
    """One field's figure: ``metric`` is accuracy or micro_f1; ``n`` counts records (or gold items)."""

    field: str
    metric: str
    value: float
    n: int
    correct: int | None = None
    precision: float | None = None
    recall: float | None = None
    tp: int | None = None
    fp: int | None = None
    fn: int | None = None
    per_class: dict[str, dict[str, float]] = field(default_factory=dict)
    note: str = ""

    def as_dict(self) -> dict[str, Any]:
        out = {k: v for k, v in self.__dict__.items() if v is not None and v != {} and v != ""}
        return out


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else (1.0 if fn == 0 else 0.0)
    recall = tp / (tp + fn) if tp + fn else (1.0 if fp == 0 else 0.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def score_categorical(field_name: str, pairs: list[tuple[Any, Any]]) -> FieldScore:
    """Accuracy and per-class precision/recall/F1 for an exact-match field. ``pairs`` are (pred, gold)."""
    correct = sum(1 for p, g in pairs if p == g)
    classes = sorted({str(g) for _, g in pairs} | {str(p) for p, _ in pairs})
    per_class: dict[str, dict[str, float]] = {}
    for cls in classes:
        tp = sum(1 for p, g in pairs if str(p) == cls and str(g) == cls)
        fp = sum(1 for p, g in pairs if str(p) == cls and str(g) != cls)
        fn = sum(1 for p, g in pairs if str(p) != cls and str(g) == cls)
        precision, recall, f1 = _prf(tp, fp, fn)
        per_class[cls] = {"precision": precision, "recall": recall, "f1": f1,
                          "support": sum(1 for _, g in pairs if str(g) == cls)}
    n = len(pairs)
    return FieldScore(field_name, "accuracy", correct / n if n else 0.0, n, correct=correct, per_class=per_class)


def score_sets(field_name: str, pairs: list[tuple[Iterable[str], Iterable[str]]]) -> FieldScore:
    """Micro precision/recall/F1 over all records. ``pairs`` are (predicted set, gold set)."""
    tp = fp = fn = 0
    for pred, gold in pairs:
        p, g = set(pred or ()), set(gold or ())
        tp += len(p & g)
        fp += len(p - g)
        fn += len(g - p)
    precision, recall, f1 = _prf(tp, fp, fn)
    return FieldScore(field_name, "micro_f1", f1, tp + fn, precision=precision, recall=recall,
                      tp=tp, fp=fp, fn=fn, note="n = gold items")


def score_numeric(field_name: str, pairs: list[tuple[Any, Any]]) -> FieldScore:
    correct = sum(1 for p, g in pairs if numeric_correct(field_name, p, g))
    n = len(pairs)
    return FieldScore(field_name, "accuracy", correct / n if n else 0.0, n, correct=correct,
                      note=NUMERIC_RULES[field_name][1] + "; null = null")


def score_participants(pairs: list[tuple[Any, Any]]) -> FieldScore:
    correct = sum(1 for p, g in pairs if participants_correct(p, g))
    n = len(pairs)
    return FieldScore("n_participants", "accuracy", correct / n if n else 0.0, n, correct=correct,
                      note="exact; null gold needs null")


def field_correct(field_name: str, pred: Any, gold: Any) -> bool:
    """Whether one record's field is right (sets: equal sets)."""
    if field_name in SET_FIELDS:
        return set(pred or ()) == set(gold or ())
    if field_name == "n_participants":
        return participants_correct(pred, gold)
    if field_name in NUMERIC_RULES:
        return numeric_correct(field_name, pred, gold)
    return pred == gold


def score_records(pairs: list[tuple[Mapping[str, Any], Mapping[str, Any]]]) -> dict[str, FieldScore]:
    """Every judged field over (predicted record, gold record) pairs, in ``FIELD_ORDER``."""
    scores: dict[str, FieldScore] = {}
    for name in FIELD_ORDER:
        values = [(pred.get(name), gold.get(name)) for pred, gold in pairs]
        if name in CATEGORICAL_FIELDS:
            scores[name] = score_categorical(name, values)
        elif name in SET_FIELDS:
            scores[name] = score_sets(name, values)
        elif name == "n_participants":
            scores[name] = score_participants(values)
        else:
            scores[name] = score_numeric(name, values)
    return scores


# ---------------------------------------------------------------------------------------------- running
@dataclass
class Mismatch:
    """One wrong field of one record, with the evidence the prediction came from."""

    key: str
    field: str
    gold: Any
    predicted: Any
    evidence: list[str]


@dataclass
class Evaluation:
    """The outcome of scoring one gold file: per-field scores, predictions and what could not be matched."""

    gold_path: str
    scores: dict[str, FieldScore]
    predictions: list[dict[str, Any]]
    mismatches: list[Mismatch]
    missing: list[str]
    n_gold: int
    gold: list[dict[str, Any]] = field(default_factory=list)  # the matched gold records, in the order of predictions

    @property
    def n_scored(self) -> int:
        return self.n_gold - len(self.missing)

    def as_dict(self) -> dict[str, Any]:
        return {"gold": self.gold_path, "records": self.n_gold, "scored": self.n_scored,
                "missing": self.missing, "fields": {k: v.as_dict() for k, v in self.scores.items()}}

    def pairs(self) -> list[tuple[dict[str, Any], dict[str, Any]]]:
        """(predicted record, gold record) of every scored record."""
        return list(zip(self.predictions, self.gold))


def load_gold(path: Path) -> list[dict[str, Any]]:
    """Gold records from a JSONL file; a missing file or a bad line is an ``InputError``."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"cannot read gold file {path}: {exc.strerror or exc}") from exc
    records = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{number}: not valid JSON ({exc.msg})") from exc
        if not isinstance(record, dict) or not (record.get("pmid") or record.get("pmcid")):
            raise InputError(f"{path}:{number}: a gold record needs a pmid or a pmcid")
        records.append(record)
    if not records:
        raise InputError(f"gold file {path} holds no records")
    return records


def gold_key(record: Mapping[str, Any]) -> str:
    return str(record.get("pmid") or record.get("pmcid"))


def _index_articles(articles: Iterable[Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    by_pmid: dict[str, Any] = {}
    by_pmcid: dict[str, Any] = {}
    for article in articles:
        if article.pmid:
            by_pmid.setdefault(str(article.pmid), article)
        if article.pmcid:
            by_pmcid.setdefault(str(article.pmcid).upper(), article)
    return by_pmid, by_pmcid


def _find_article(record: Mapping[str, Any], by_pmid: dict[str, Any], by_pmcid: dict[str, Any]) -> Any:
    pmid, pmcid = record.get("pmid"), record.get("pmcid")
    if pmid and str(pmid) in by_pmid:
        return by_pmid[str(pmid)]
    if pmcid:
        return by_pmcid.get(str(pmcid).upper())
    return None


def _evidence_for(prediction: Mapping[str, Any], field_name: str, values: Iterable[Any] = ()) -> list[str]:
    evidence = prediction.get("evidence") or {}
    keys = [f"{field_name}:{v}" for v in values] if field_name in SET_FIELDS else [field_name]
    out = []
    for key in keys:
        item = evidence.get(key)
        if item:
            out.append(f"{key} [{item.get('start')}:{item.get('end')}] {item.get('text')}")
    return out


def compare(predictions: list[dict[str, Any]], gold: list[dict[str, Any]]) -> list[Mismatch]:
    """Per-record mismatches, in gold order (prediction and gold lists aligned)."""
    out: list[Mismatch] = []
    for pred, g in zip(predictions, gold):
        for name in FIELD_ORDER:
            if field_correct(name, pred.get(name), g.get(name)):
                continue
            if name in SET_FIELDS:
                extra = sorted(set(pred.get(name) or ()) - set(g.get(name) or ()))
                evidence = _evidence_for(pred, name, extra)
            else:
                evidence = _evidence_for(pred, name)
            out.append(Mismatch(gold_key(g), name, g.get(name), pred.get(name), evidence))
    return out


def evaluate(gold_path: Path, input_path: Path, intervention: str | None = None,
             extra_interventions: dict[str, dict[str, Any]] | None = None) -> Evaluation:
    """Parse ``input_path``, extract each gold record's article for its intervention, and score."""
    from ketamine_evidence.analysis.extract import extract_article
    from ketamine_evidence.analysis.extract.interventions import resolve_intervention
    from ketamine_evidence.analysis.parse import iter_input

    gold = load_gold(gold_path)
    input_path = Path(input_path)
    if not input_path.exists():
        raise InputError(f"input {input_path} does not exist")
    by_pmid, by_pmcid = _index_articles(iter_input(input_path))
    resolved: dict[str, Any] = {}
    matched_gold: list[dict[str, Any]] = []
    predictions: list[dict[str, Any]] = []
    missing: list[str] = []
    for record in gold:
        article = _find_article(record, by_pmid, by_pmcid)
        if article is None:
            missing.append(gold_key(record))
            continue
        name = intervention or record.get("intervention") or DEFAULT_INTERVENTION
        if name not in resolved:
            resolved[name] = resolve_intervention(name, extra_interventions)
        study, _ = extract_article(article, resolved[name])
        prediction = study.to_gold(with_evidence=True)
        prediction["intervention"] = name
        predictions.append(prediction)
        matched_gold.append(record)
    scores = score_records(list(zip(predictions, matched_gold)))
    return Evaluation(gold_path=str(gold_path), scores=scores, predictions=predictions,
                      mismatches=compare(predictions, matched_gold), missing=missing, n_gold=len(gold),
                      gold=matched_gold)


# ---------------------------------------------------------------------------------------------- output
def format_value(score: FieldScore) -> str:
    if score.metric == "micro_f1":
        return f"{score.value:.3f}  P {score.precision:.3f} R {score.recall:.3f} (tp {score.tp} fp {score.fp} fn {score.fn})"
    return f"{score.value:.3f}  ({score.correct}/{score.n})"


def format_summary(evaluation: Evaluation) -> list[str]:
    """The compact table: one header, one line per field, one line of counts (15 lines)."""
    lines = [f"{'field':<24}{'metric':<10}{'n':>4}  value"]
    for name in FIELD_ORDER:
        s = evaluation.scores[name]
        lines.append(f"{name:<24}{s.metric:<10}{s.n:>4}  {format_value(s)}")
    lines.append(f"records: {evaluation.n_gold} in gold, {evaluation.n_scored} scored, "
                 f"{len(evaluation.missing)} missing from input ({Path(evaluation.gold_path).name})")
    return lines


def format_per_class(evaluation: Evaluation) -> list[str]:
    """Per-class F1 of the exact-match fields, one line per field."""
    lines = []
    for name in CATEGORICAL_FIELDS:
        parts = [f"{cls} {v['f1']:.2f} (n={int(v['support'])})"
                 for cls, v in evaluation.scores[name].per_class.items()]
        lines.append(f"per-class F1 {name}: " + ", ".join(parts))
    return lines


def format_mismatches(evaluation: Evaluation) -> list[str]:
    lines = []
    for m in evaluation.mismatches:
        lines.append(f"{m.key} {m.field}: gold={json.dumps(m.gold)} predicted={json.dumps(m.predicted)}")
        lines.extend(f"    evidence {e}" for e in m.evidence)
    return lines


def write_predictions(evaluation: Evaluation, path: Path) -> None:
    """Predictions in gold format (with an ``evidence`` object per field), one JSON object a line."""
    try:
        with open(path, "w", encoding="utf-8") as fh:
            for prediction in evaluation.predictions:
                fh.write(json.dumps(prediction, ensure_ascii=False) + "\n")
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from exc
