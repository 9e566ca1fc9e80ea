"""Typed records that flow through analysis: articles in, findings and study records out.

Offsets in every ``Evidence`` point into ``Article.text`` (title + abstract, the text the
guideline's annotators read) unless ``Evidence.source`` says ``fulltext`` or ``metadata``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

# The guideline's enumerations (../shared/eval/GUIDELINES.md), in its order.
DESIGNS = (
    "rct", "non_randomised_trial", "prospective_observational", "retrospective_observational",
    "case_series", "case_report", "systematic_review", "narrative_review", "guideline", "animal", "other",
)
CONDITIONS = (
    "crps", "fibromyalgia", "neuropathic", "phantom_limb", "postherpetic_neuralgia", "spinal_cord_injury",
    "migraine_headache", "cancer_pain", "postoperative_acute", "low_back", "mixed_chronic", "other",
)
ROUTES = ("intravenous", "oral", "intranasal", "topical", "subcutaneous", "intramuscular",
          "neuraxial", "sublingual", "other")
PAIN_EFFECTS = ("improved", "no_difference", "worse", "mixed", "not_reported")
ADVERSE_EVENTS = (
    "nausea", "vomiting", "dizziness", "headache", "sedation", "fatigue", "hallucinations",
    "psychotomimetic_effects", "dissociation", "dysphoria", "anxiety", "confusion", "vivid_dreams",
    "visual_disturbance", "hypertension", "tachycardia", "hepatotoxicity", "urological",
    "cognitive_impairment", "dry_mouth", "insomnia", "euphoria", "paresthesia", "serious_adverse_events", "other",
)

# Guideline fields of a study record, with their value when nothing is extracted.
SCALAR_DEFAULTS: dict[str, Any] = {
    "relevant": False,
    "design": "other",
    "n_participants": None,
    "relief_duration_days": None,
    "relief_duration_text": None,
    "follow_up_days": None,
    "dose_mg_per_kg": None,
    "infusion_mg_per_kg_h": None,
    "pain_effect": "not_reported",
    "responder_rate_pct": None,
}
LIST_FIELDS = ("conditions", "routes", "adverse_events", "negated_adverse_events")


@dataclass(frozen=True, slots=True)
class Section:
    """One titled block of text: an abstract part (``Label``/``NlmCategory``) or a full-text section."""

    label: str | None
    category: str | None
    text: str


@dataclass(slots=True)
class Article:
    """One PubMed or PMC record, whatever XML it came from."""

    pmid: str | None
    pmcid: str | None
    doi: str | None
    title: str
    abstract: list[Section]
    fulltext: list[Section] = field(default_factory=list)
    journal: str | None = None
    year: int | None = None
    authors: list[str] = field(default_factory=list)  # "Surname Initials", as PubMed shows them
    # Bibliographic detail for reference managers (RIS/BibTeX exports).
    author_names: list[str] = field(default_factory=list)  # "Surname, Given names" (or a collective name)
    journal_abbrev: str | None = None  # ISO/NLM abbreviation ("Neurol Clin")
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None  # as the source gives them: "61-76", "259-65", "e0180707"
    issn: str | None = None
    mesh_terms: list[str] = field(default_factory=list)
    publication_types: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    language: str | None = None
    retracted: bool = False
    date_revised: str | None = None
    source_format: str = "pubmed"  # pubmed | medline | book | pmc

    @property
    def key(self) -> str:
        """Stable record key: the PMID, else the PMCID."""
        return self.pmid or self.pmcid or ""

    @property
    def text(self) -> str:
        """Title and abstract as one string; evidence offsets index into it."""
        return self.title + "\n" + "\n".join(s.text for s in self.abstract) if self.abstract else self.title

    def section_spans(self) -> list[tuple[int, int, str | None]]:
        """``(start, end, label)`` of the title (label ``TITLE``) and each abstract part within ``text``."""
        spans = [(0, len(self.title), "TITLE")]
        pos = len(self.title) + 1
        for sec in self.abstract:
            spans.append((pos, pos + len(sec.text), sec.category or sec.label))
            pos += len(sec.text) + 1
        return spans


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a value came from: the sentence, its offsets, and which extractor read it."""

    text: str
    start: int | None
    end: int | None
    extractor: str
    version: str
    source: str = "abstract"  # title | abstract | fulltext | metadata


@dataclass(frozen=True, slots=True)
class Finding:
    """One extracted value. Scalar fields get at most one finding per article; list fields one per value.

    ``field`` is a guideline field name (``design``, ``adverse_events``...) or an auxiliary one
    (``dose_mg``, ``infusion_hours``, ``pain_score_change``...). ``detail`` holds structured extras
    (counts, percentages, arm, unit) that tables expand into columns.
    """

    field: str
    value: Any
    evidence: Evidence | None
    intervention: str = "ketamine"
    detail: dict[str, Any] | None = None


@dataclass(slots=True)
class StudyRecord:
    """One record in the guideline's gold format, plus the evidence behind each field."""

    pmid: str | None
    pmcid: str | None
    relevant: bool = False
    design: str = "other"
    conditions: list[str] = field(default_factory=list)
    routes: list[str] = field(default_factory=list)
    n_participants: int | None = None
    relief_duration_days: float | None = None
    relief_duration_text: str | None = None
    follow_up_days: float | None = None
    dose_mg_per_kg: float | None = None
    infusion_mg_per_kg_h: float | None = None
    pain_effect: str = "not_reported"
    responder_rate_pct: float | None = None
    adverse_events: list[str] = field(default_factory=list)
    negated_adverse_events: list[str] = field(default_factory=list)
    intervention: str = "ketamine"
    evidence: dict[str, Any] = field(default_factory=dict)

    def to_gold(self, with_evidence: bool = True) -> dict[str, Any]:
        """The guideline's JSON object (and an ``evidence`` object per field when asked): ``asdict``'s copy,
        made directly where every value is a string, number, None, list or dict (always, from the extractors),
        since ``asdict`` deep-copies each value through ``copy.deepcopy`` (most of ``--jsonl``'s time)."""
        try:
            out = {name: _plain_copy(getattr(self, name)) for name in _STUDY_FIELDS}
        except _NotPlain:
            out = asdict(self)
        if not with_evidence:
            out.pop("evidence")
        return out


_STUDY_FIELDS = tuple(f.name for f in fields(StudyRecord))
_ATOMS = frozenset({str, int, float, bool, type(None)})


class _NotPlain(Exception):
    """A value ``_plain_copy`` leaves to ``asdict``."""


def _plain_copy(value: Any) -> Any:
    """What ``asdict`` makes of a JSON-like value: the same atoms, new lists and dicts."""
    kind = type(value)
    if kind in _ATOMS:
        return value
    if kind is list:
        return [_plain_copy(v) for v in value]
    if kind is dict:
        return {_plain_copy(k): _plain_copy(v) for k, v in value.items()}
    raise _NotPlain


def build_study_record(article: Article, findings: list[Finding], intervention: str) -> StudyRecord:
    """Fold findings into one gold-format record; fields without a finding keep their defaults."""
    record = StudyRecord(pmid=article.pmid, pmcid=article.pmcid, intervention=intervention)
    for f in findings:
        if f.field in SCALAR_DEFAULTS:
            setattr(record, f.field, f.value)
        elif f.field in LIST_FIELDS:
            values = getattr(record, f.field)
            if f.value not in values:
                values.append(f.value)
        else:
            continue
        if f.evidence is not None:
            key = f.field if f.field in SCALAR_DEFAULTS else f"{f.field}:{f.value}"
            record.evidence[key] = {"text": f.evidence.text, "start": f.evidence.start,
                                    "end": f.evidence.end, "extractor": f.evidence.extractor,
                                    "version": f.evidence.version, "source": f.evidence.source}
    return record
