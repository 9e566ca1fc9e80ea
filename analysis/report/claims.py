"""Popular claims set against the extracted evidence: each claim in ``claims.toml`` names a rule computed here."""

from __future__ import annotations

import statistics
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import pandas as pd

from ketamine_evidence.analysis.report.certainty import EFFECTS
from ketamine_evidence.analysis.report.evidence_tables import PUBMED_URL
from ketamine_evidence.analysis.report.values import (
    as_float, as_text, days_text, fmt_pct, label, lasted_to_follow_up, relief_text, split_list,
)
from ketamine_evidence.base.errors import ConfigError


@dataclass(frozen=True)
class Backing:
    """One study behind a statement, with the value that counts."""

    pmid: str | None
    url: str | None
    title: str
    value: str
    supports: bool


@dataclass
class ClaimCheck:
    """A claim, what the tables show about it, and the studies that show it."""

    id: str
    claim: str
    finding: str
    verdict_rule: str
    verdict: str              # 'borne out', 'not borne out', 'too few studies', CANNOT_ANSWER
    hits: int
    base: int
    studies: list[Backing] = field(default_factory=list)

    @property
    def share(self) -> float | None:
        return self.hits / self.base if self.base else None


REQUIRED = ("id", "text", "rule", "verdict", "supported_share")
CANNOT_ANSWER = "the store cannot answer"


def load_claims() -> list[dict[str, Any]]:
    """The claims data file shipped with the package, checked: each claim names a known rule."""
    data = resources.files("ketamine_evidence.analysis.report").joinpath("claims.toml").read_bytes()
    try:
        claims = tomllib.loads(data.decode("utf-8"))["claim"]
    except (tomllib.TOMLDecodeError, KeyError) as exc:
        raise ConfigError(f"analysis/report/claims.toml is not a list of [[claim]] tables: {exc}") from None
    for claim in claims:
        missing = [key for key in REQUIRED if key not in claim]
        if missing:
            raise ConfigError(f"claims.toml: claim {claim.get('id', '?')!r} lacks {', '.join(missing)}")
        if claim["rule"] not in RULES:
            raise ConfigError(f"claims.toml: claim {claim['id']!r} names an unknown rule {claim['rule']!r} "
                              f"(known: {', '.join(RULES)})")
    return claims


def _backing(s: dict, value: str, supports: bool) -> Backing:
    pmid = as_text(s.get("pmid"))
    return Backing(pmid, PUBMED_URL.format(pmid=pmid) if pmid else None, as_text(s.get("title")) or "(no title)",
                   value, supports)


def _short(text: str, limit: int = 160) -> str:
    """A long quote cut at a word boundary (the whole sentence is in the evidence table)."""
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def _lower_bound(s: dict) -> bool:
    return lasted_to_follow_up(as_float(s.get("relief_duration_days")), as_float(s.get("follow_up_days")))


def _relief_summary(stated: list[tuple[dict, float]], days: float) -> str:
    hits = sum(d >= days for _, d in stated)
    median = statistics.median(d for _, d in stated)
    bounds = sum(_lower_bound(s) for s, _ in stated)
    return (f"{hits} of {len(stated)} ({fmt_pct(hits / len(stated))}) report relief lasting {days_text(days)} or "
            f"more; the median stated duration is {days_text(median)}"
            + (f" ({bounds} of the durations are lower bounds: relief was still present at the last follow-up)"
               if bounds else ""))


def _relief_at_least(spec: dict, rows: list[dict]) -> tuple[int, int, str, list[Backing]]:
    """Studies (in ``conditions`` when the claim names them) whose relief lasted >= ``days``."""
    days = float(spec["days"])
    stated = [(s, d) for s in rows if (d := as_float(s.get("relief_duration_days"))) is not None]
    conditions = set(spec.get("conditions", ()))
    chosen = [(s, d) for s, d in stated if not conditions or conditions.intersection(split_list(s.get("conditions")))]
    where = f" in {spec['condition_label']}" if conditions else ""
    others = ""
    if conditions and len(stated) > len(chosen):
        others = f" Across all conditions, of {len(stated)} studies that state a duration, {_relief_summary(stated, days)}."
    if not chosen:
        return 0, 0, f"No included study{where} states how long relief lasted.{others}", []
    hits = [s for s, d in chosen if d >= days]
    finding = (f"Of the {len(chosen)} included studies{where} that state how long relief lasted, "
               f"{_relief_summary(chosen, days)}.{others}")
    backing = [_backing(s, relief_text(d, as_float(s.get("follow_up_days"))) + (f" ({_short(t)})" if (t := as_text(s.get('relief_duration_text'))) else ""),
                        d >= days)
               for s, d in sorted(chosen, key=lambda sd: -sd[1])]
    return len(hits), len(chosen), finding, backing


def _events_reported(spec: dict, rows: list[dict]) -> tuple[int, int, str, list[Backing]]:
    """Among studies that report on adverse events at all (silence is not safety), those naming ``events``."""
    wanted = set(spec["events"])
    reporting = [s for s in rows if split_list(s.get("adverse_events")) or split_list(s.get("negated_adverse_events"))]
    silent = len(rows) - len(reporting)
    if not reporting:
        return 0, 0, f"None of the {len(rows)} included studies reports on adverse events.", []
    hits, any_event, backing = 0, 0, []
    for s in reporting:
        events = split_list(s.get("adverse_events"))
        any_event += bool(events)
        named = [e for e in events if e in wanted]
        if named:
            hits += 1
            backing.append(_backing(s, ", ".join(label(e) for e in named), True))
    n = len(reporting)
    finding = (f"{hits} of the {n} included studies that report on adverse events ({fmt_pct(hits / n)}) report "
               f"{spec['event_label']}; {any_event} ({fmt_pct(any_event / n)}) report at least one adverse event "
               f"of any kind. {silent} of {len(rows)} included studies say nothing about adverse events.")
    return hits, n, finding, backing


def _effect_improved(spec: dict, rows: list[dict]) -> tuple[int, int, str, list[Backing]]:
    designs, conditions = set(spec["designs"]), set(spec["conditions"])
    chosen = [s for s in rows if as_text(s.get("design")) in designs
              and conditions.intersection(split_list(s.get("conditions")))
              and as_text(s.get("pain_effect")) in EFFECTS]
    which = " or ".join(label(d) for d in sorted(designs))
    if not chosen:
        return 0, 0, f"No included {which} in a chronic pain condition reports a pain effect.", []
    counts = {e: sum(1 for s in chosen if as_text(s.get("pain_effect")) == e) for e in EFFECTS}
    finding = (f"{counts['improved']} of {len(chosen)} {which}s in chronic pain conditions that report a pain effect "
               f"({fmt_pct(counts['improved'] / len(chosen))}) report improvement; "
               + ", ".join(f"{n} {label(e)}" for e, n in counts.items() if e != "improved") + ".")
    backing = [_backing(s, label(as_text(s.get("pain_effect"))), as_text(s.get("pain_effect")) == "improved")
               for s in chosen]
    return counts["improved"], len(chosen), finding, backing


RULES: dict[str, Callable[[dict, list[dict]], tuple[int, int, str, list[Backing]]]] = {
    "relief_at_least": _relief_at_least,
    "events_reported": _events_reported,
    "effect_improved": _effect_improved,
}
# Rules where a high share supports the claim; for the others a low share does.
_HIGH_SUPPORTS = {"relief_at_least", "effect_improved"}


def check_claims(included: pd.DataFrame, intervention: str, claims: list[dict[str, Any]] | None = None) -> list[ClaimCheck]:
    """Each claim's finding, verdict and backing studies, computed from the included studies."""
    rows = included.to_dict("records")
    out = []
    for spec in claims if claims is not None else load_claims():
        rule = RULES[spec["rule"]]
        hits, base, finding, backing = rule(spec, rows)
        if base == 0:   # not "no effect": the store holds no study that could show one
            verdict = CANNOT_ANSWER
            finding += (" The store cannot answer this claim: it holds no included study the rule could read. This "
                        "is a gap in what was harvested, not evidence against (or for) the claim.")
        elif base < int(spec.get("min_studies", 1)):
            verdict = "too few studies"
        else:
            share, limit = hits / base, float(spec["supported_share"])
            ok = share >= limit if spec["rule"] in _HIGH_SUPPORTS else share <= limit
            verdict = "borne out" if ok else "not borne out"
        text = spec["text"].format(intervention=intervention)
        rule_text = spec["verdict"] + (f"; no verdict below {spec['min_studies']} studies" if "min_studies" in spec else "")
        out.append(ClaimCheck(spec["id"], text[:1].upper() + text[1:], finding, rule_text, verdict,
                              hits, base, backing))
    return out
