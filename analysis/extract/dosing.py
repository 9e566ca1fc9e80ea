"""Extractor: the intervention's dose regimen (guideline ``dose_mg_per_kg``, ``infusion_mg_per_kg_h``).

Reads per-kg doses ('0.5 mg/kg', '0.15 mg kg−1', '0.5mg.kg-1', '150 µg/kg') and per-kg rates
('mg·kg−1·h−1', '5 µg/kg/min' x 0.06, 'mg/kg/min' x 60, 'µg/kg/h' / 1000) in sentences naming the
intervention (and in the next sentence when it names no drug), and keeps those that belong to it: the
drug a dose directly precedes ('0.5 mg/kg ketamine'), else the nearest drug named before it in the clause. Several arms: the highest.
'5 mg/kg over 60 minutes' is a dose and no rate; per-day doses are neither. Auxiliary findings
where stated: ``dose_mg`` (doses in mg or µg, no per-kg), ``infusion_hours``, ``n_infusions``,
``treatment_days``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ketamine_evidence.analysis.extract.regimen_text import mentions, owner
from ketamine_evidence.analysis.extract.text_patterns import parse_number
from ketamine_evidence.analysis.records import Finding

if TYPE_CHECKING:
    from ketamine_evidence.analysis.extract import Context
    from ketamine_evidence.analysis.parse.sentences import Sentence

NAME = "dosing"
VERSION = "1.0"

_N = r"\d+(?:[.\u00b7]\d+|,\d(?!\d{2}))?"
_RANGE = rf"(?P<num>{_N}(?:\s?(?:-|\u2013|\u2014|to|or|and)\s?{_N})?)"
_MASS = r"(?P<mass>mg|µg|μg|mcg|mic|ug|γ|gamma|g)"
_SEP = r"\s?(?:/|\.|\u00b7|\u22c5|\s|per\s)\s?"
_INV = r"(?:\s?(?:[-\u2212\u2013]\s?1|\^-1|\u207b\u00b9|\(\s?[-\u2212\u2013]\s?1\s?\)))?"
RATE = re.compile(rf"(?<![\w.]){_RANGE}\s?{_MASS}{_SEP}kg{_INV}{_SEP}(?P<time>h|hr|hour|min|minute){_INV}(?![a-z])",
                  re.I)
PER_KG = re.compile(rf"(?<![\w.]){_RANGE}\s?{_MASS}{_SEP}kg{_INV}(?![\w/\u00b7])(?!\s?(?:[-\u2212]1\s?)?"
                    rf"(?:/|\.|\u00b7|per\s)\s?(?:h|hr|hour|min|minute|d|day|24))", re.I)
_DOSE_HINT = re.compile(r"kg|\bmg\b|µg|μg|mcg", re.I)
PER_DAY = re.compile(r"^\s?(?:/|per\s)\s?(?:d|day)\b", re.I)
MG = re.compile(rf"(?<![\w.]){_RANGE}\s?(?P<mass>mg|µg|μg|mcg)"
                r"(?!\s?(?:/|\.|\u00b7|per\s)\s?(?:kg|ml|mL|m2|d\b|day|h\b|"
                r"hr|hour|min|l\b|dl))(?![\w])", re.I)
_TO_MG = {"mg": 1.0, "g": 1000.0, "µg": 0.001, "μg": 0.001, "mcg": 0.001, "mic": 0.001, "ug": 0.001,
          "γ": 0.001, "gamma": 0.001}
_PER_HOUR = {"h": 1.0, "hr": 1.0, "hour": 1.0, "min": 60.0, "minute": 60.0}
INFUSION_TIME = re.compile(r"\b(?:for|over|during|lasting)\s+(?:a period of\s+)?(?P<n>\d+(?:\.\d+)?)\s?-?\s?"
                           r"(?P<unit>min(?:utes?)?|h|hrs?|hours?|days?)\b", re.I)
INFUSION_WORD = re.compile(r"\binfus\w*|\bcontinuous\b|\bCRI\b", re.I)
N_INFUSIONS = re.compile(r"\b(?P<n>\d+|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+(?:consecutive\s+|"
                         r"daily\s+|separate\s+|repeated\s+|weekly\s+)*(?:infusions|treatments? sessions|sessions)\b",
                         re.I)
_COUNT_WORD = r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|twelve|fourteen)"
TREATMENT_DAYS = re.compile(rf"\b(?:on|for|over|during)\s+(?P<n>{_COUNT_WORD})\s+(?:consecutive\s+)?"
                            rf"(?P<unit>days|weeks)\b|\b(?P<n2>{_COUNT_WORD})[- ](?P<unit2>day|week)\s+(?:\w+\s+)?"
                            r"(?:infusion|treatment|course|"
                            r"regimen|period of treatment)", re.I)
# A course of treatment is stated with the regimen ('infused on 10 consecutive days', 'daily for 5 days'),
# not with an outcome ('pain was lower for 12 weeks').
_COURSE_CUE = re.compile(r"\b(?:infus\w*|daily|consecutive|once|twice|times a day|administ\w*|received|given|"
                         r"treated|treatment|course|regimen|applied|took)\b", re.I)
_OUTCOME_CUE = re.compile(r"\b(?:pain|relief|scores?|lower|higher|reduc\w*|improv\w*|follow(?:ed)?[- ]up)\b", re.I)
INFUSION_LENGTH = re.compile(r"\b(?P<n>\d+(?:\.\d+)?)[- ]?(?P<unit>h|hr|hours?|min(?:utes?)?|days?)\s+(?:\w+\s+)?"
                             r"infusions?\b", re.I)
_DECIMAL_COMMA = re.compile(r"\d+,\d")
_N_RE = re.compile(_N)


def _num(text: str) -> float:
    """A number the patterns above matched; in a dose, '1,5' is a decimal comma."""
    value = parse_number(text.replace(",", ".") if _DECIMAL_COMMA.fullmatch(text) else text)
    if value is None:
        raise ValueError(f"not a number: {text!r}")
    return value


def _highest(range_text: str) -> float:
    """'0.5' -> 0.5; '0.1-0.5' -> 0.5 (several values: the highest)."""
    values = [_num(v) for v in _N_RE.findall(range_text)]
    return max(values)


def _owned(ctx: "Context", s: "Sentence", m: re.Match[str], found) -> bool:
    if not found:  # a sentence that names no drug, right after one that ends on the intervention
        return True
    who = owner(s.text, m.start(), m.end(), found)
    return who is not None and who.is_intervention and not _other_alternative(s.text, who.end, m.start())


# 'either nalbuphine 0.2 mg/kg (group N, n = 30) or pentazocine 0.5 mg/kg': after the intervention's own dose, an
# alternative named by a word ('or pentazocine', 'versus X') owns the doses that follow, though no drug list knows it;
# 'ketamine 0.5 or 1 mg/kg' (a second dose, no word) stays the intervention's.
_DOSE_THEN_ALTERNATIVE = re.compile(
    r"\d\s?(?:mg|µg|μg|mcg|g)\b[^;]*?(?:\bor\b|\bversus\b|\bvs\.?)\s+(?!(?:a|an|the|with|without|at|in|to|of|more|"
    r"less|higher|lower|placebo|saline|normal|sham|vehicle|equal|same|equivalent|similar)\b)[A-Za-z][A-Za-z-]{3,}", re.I)


def _other_alternative(text: str, start: int, end: int) -> bool:
    """True when, between the intervention's mention (ending at ``start``) and a dose (at ``end``), a dose is
    followed by 'or'/'versus' and a word: the later dose is the named alternative's."""
    return _DOSE_THEN_ALTERNATIVE.search(text, start, end) is not None


def _regimen_sentences(ctx: "Context") -> list["Sentence"]:
    """Sentences naming the intervention, and the next sentence of the same part when it names no drug
    and the previous one's last drug is the intervention ('Ketamine was given. The bolus of 0.5 mg/kg...')."""
    own = ctx.intervention_sentences()
    if not own:
        return []
    chosen = set(id(s) for s in own)
    out = []
    for i, s in enumerate(ctx.sentences):
        if id(s) in chosen:
            out.append(s)
            continue
        prev = ctx.sentences[i - 1] if i else None
        if prev is None or id(prev) not in chosen or prev.section != s.section or not _DOSE_HINT.search(s.text):
            continue
        prev_found = mentions(prev.text, ctx.intervention.pattern)
        if prev_found and prev_found[-1].is_intervention and not mentions(s.text, ctx.intervention.pattern):
            out.append(s)
    return out


def extract(ctx: "Context") -> list[Finding]:
    if not ctx.intervention.is_drug:
        return []
    name = ctx.intervention.name
    best_dose: tuple[float, "Sentence", str] | None = None
    best_rate: tuple[float, "Sentence", str] | None = None
    aux: list[Finding] = []
    seen_mg: set[float] = set()
    for s in _regimen_sentences(ctx):
        found = mentions(s.text, ctx.intervention.pattern)
        rate_spans = []
        # Every rate and per-kg dose holds 'kg' (any case; the Kelvin sign lower-cases to 'k'): a sentence without
        # it is not scanned for them (each scan some 4 microseconds: their shared gate is only a digit).
        per_kg = "kg" in s.text.lower()
        for m in RATE.finditer(s.text) if per_kg else ():
            rate_spans.append((m.start(), m.end()))
            if not _owned(ctx, s, m, found):
                continue
            value = _highest(m.group("num")) * _TO_MG[m.group("mass").lower()] * _PER_HOUR[m.group("time").lower()]
            if best_rate is None or value > best_rate[0]:
                best_rate = (round(value, 6), s, m.group(0))
        for m in PER_KG.finditer(s.text) if per_kg else ():
            if any(a <= m.start() < b for a, b in rate_spans) or PER_DAY.match(s.text, m.end()):
                continue
            if not _owned(ctx, s, m, found):
                continue
            value = _highest(m.group("num")) * _TO_MG[m.group("mass").lower()]
            if best_dose is None or value > best_dose[0]:
                best_dose = (round(value, 6), s, m.group(0))
        for m in MG.finditer(s.text):
            if not _owned(ctx, s, m, found):
                continue
            value = round(_highest(m.group("num")) * _TO_MG[m.group("mass").lower()], 6)
            if value not in seen_mg:
                seen_mg.add(value)
                aux.append(Finding("dose_mg", value, ctx.evidence(s, NAME, VERSION), name,
                                   {"words": m.group(0), "unit": "mg"}))
        aux.extend(_schedule(ctx, s))
    out: list[Finding] = []
    if best_dose is not None:
        out.append(Finding("dose_mg_per_kg", best_dose[0], ctx.evidence(best_dose[1], NAME, VERSION), name,
                           {"words": best_dose[2], "unit": "mg/kg"}))
    if best_rate is not None:
        out.append(Finding("infusion_mg_per_kg_h", best_rate[0], ctx.evidence(best_rate[1], NAME, VERSION), name,
                           {"words": best_rate[2], "unit": "mg/kg/h"}))
    return out + _first_per_field(aux)


def _schedule(ctx: "Context", s: "Sentence") -> list[Finding]:
    """Infusion length, number of infusions and treatment days stated with the intervention."""
    out = []
    name = ctx.intervention.name
    if INFUSION_WORD.search(s.text):
        m = INFUSION_LENGTH.search(s.text) or INFUSION_TIME.search(s.text)
        if m:
            unit = m.group("unit").lower()
            hours = float(m.group("n")) * (1 / 60 if unit.startswith("min") else 24 if unit.startswith("day") else 1)
            out.append(Finding("infusion_hours", round(hours, 4), ctx.evidence(s, NAME, VERSION), name,
                               {"words": m.group(0)}))
    m = N_INFUSIONS.search(s.text)
    if m:
        out.append(Finding("n_infusions", int(_num(m.group("n"))), ctx.evidence(s, NAME, VERSION), name,
                           {"words": m.group(0)}))
    m = TREATMENT_DAYS.search(s.text)
    if m and _COURSE_CUE.search(s.text) and not (_OUTCOME_CUE.search(s.text) and "consecutive" not in m.group(0)):
        n, unit = (m.group("n"), m.group("unit")) if m.group("n") else (m.group("n2"), m.group("unit2"))
        days = _num(n) * (7 if unit.lower().startswith("week") else 1)
        out.append(Finding("treatment_days", days, ctx.evidence(s, NAME, VERSION), name, {"words": m.group(0)}))
    return out


def _first_per_field(findings: list[Finding]) -> list[Finding]:
    """Schedule fields once each (the first statement); ``dose_mg`` once per distinct value."""
    out, seen = [], set()
    for f in findings:
        if f.field == "dose_mg":
            out.append(f)
        elif f.field not in seen:
            seen.add(f.field)
            out.append(f)
    return out
