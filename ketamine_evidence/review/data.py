"""What the review page shows: the queue and one record's text, machine values, evidence and decisions.

Machine values and evidence sentences come from the extraction tables (``--tables``, re-read when
``extract`` rewrites them); the record's text and every decision come live from the store. Not
thread-safe on its own: the server holds one lock around every call.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from ketamine_evidence.analysis.parse import parse_record
from ketamine_evidence.analysis.tables.frames import Tables
from ketamine_evidence.analysis.tables.io import load_tables
from ketamine_evidence.analysis.tables.reviews import FIELDS, table_text
from ketamine_evidence.base.errors import InputError
from ketamine_evidence.harvest import decisions
from ketamine_evidence.harvest.store import Store

FILTERS = {"all": "all", "unreviewed": "not yet reviewed", "included": "included", "excluded": "excluded",
           "conflicts": "conflicting", "changed": "changed since review"}
# PRISMA-style reasons offered for an exclusion (keys 1-9 on the page pick them).
EXCLUSION_REASONS = ("wrong population", "wrong intervention", "wrong comparator", "wrong outcome (not pain)",
                     "wrong study design", "animal study", "not about ketamine", "duplicate", "other")
# Evidence that explains a field when it has no finding of its own.
EVIDENCE_OF = {"included": ("relevant", "intervention_relevant", "design", "human")}
REJECTED = {"design": "other", "pain_effect": "not_reported"}


@dataclass
class Segment:
    text: str
    fields: tuple[str, ...] = ()


@dataclass
class Block:
    label: str | None
    segments: list[Segment]


@dataclass
class FieldView:
    name: str
    kind: str
    machine: str | None
    evidence: list[str]
    review: Any | None  # decisions.FieldReview

    @property
    def current(self) -> str | None:
        return self.review.latest.value if self.review is not None else self.machine


@dataclass
class QueueItem:
    key: str
    title: str
    year: str
    machine_included: bool
    machine_reason: str | None
    review: Any | None  # the 'included' FieldReview
    reviewed: bool
    conflict: bool
    changed: bool

    @property
    def included(self) -> bool:
        return self.review.latest.value == "true" if self.review is not None else self.machine_included


@dataclass
class RecordView:
    key: str
    record: str
    version: int
    tables_version: int | None
    item: QueueItem
    title: list[Segment]
    blocks: list[Block]
    fields: list[FieldView] = field(default_factory=list)
    history: list[Any] = field(default_factory=list)


class ReviewData:
    """The store (for text and decisions) and the tables (for machine values), for one intervention."""

    def __init__(self, store: Store, tables_dir: Path, intervention: str) -> None:
        self.store, self.tables_dir, self.intervention = store, tables_dir, intervention.strip().lower()
        self._stamp: tuple | None = None
        self._tables: Tables | None = None
        self.error: str | None = None

    # -- tables ---------------------------------------------------------------------------------

    def tables(self) -> Tables | None:
        files = sorted(self.tables_dir.glob("*.parquet")) + sorted(self.tables_dir.glob("*.csv"))
        stamp = tuple((p.name, p.stat().st_mtime_ns) for p in files)
        if stamp != self._stamp:
            self._stamp = stamp
            try:
                self._tables, self.error = load_tables(self.tables_dir), None
            except InputError as exc:
                self._tables, self.error = None, str(exc)
        return self._tables

    def _studies(self) -> pd.DataFrame:
        t = self.tables()
        if t is None:
            return pd.DataFrame()
        s = t.studies
        return s[s["duplicate_of"].isna()]

    def _machine(self) -> dict[tuple[str, str], str | None]:
        """(study, field) -> the machine's value where the tables carry a person's value instead;
        (study, 'exclusion_reason') -> the machine's reason where a person decided the inclusion."""
        t = self.tables()
        if t is None or t.reviews.empty:
            return {}
        out: dict[tuple[str, str], str | None] = {}
        for r in t.reviews.itertuples():
            out[(str(r.study_id), str(r.field))] = table_text(r.machine_value)
            if r.field == "included":
                out[(str(r.study_id), "exclusion_reason")] = table_text(r.machine_reason)
        return out

    # -- queue ----------------------------------------------------------------------------------

    def queue(self, which: str = "all") -> list[QueueItem]:
        """The records of one filter, in the order of the tables."""
        return [item for item in self.items() if self._matches(item, which)]

    def counts(self) -> dict[str, int]:
        """How many records each filter holds."""
        items = self.items()
        return {k: sum(1 for i in items if self._matches(i, k)) for k in FILTERS}

    def items(self) -> list[QueueItem]:
        """Every study of the tables with its machine and person screening and its flags."""
        reviews = decisions.reviews(self.store, self.intervention)
        by_key: dict[str, list[Any]] = {}
        for (key, _field), review in reviews.items():
            by_key.setdefault(key, []).append(review)
        machine = self._machine()
        items = []
        for s in self._studies().to_dict("records"):
            key = str(s["study_id"])
            mine = by_key.get(key, [])
            included = machine.get((key, "included"), table_text(s["included"])) == "true"
            reason = None if included else machine.get((key, "exclusion_reason"), table_text(s["exclusion_reason"]))
            items.append(QueueItem(key=key, title=table_text(s["title"]) or "(no title)", year=table_text(s["year"]) or "",
                             machine_included=included, machine_reason=reason,
                             review=reviews.get((key, "included")), reviewed=bool(mine),
                             conflict=any(r.conflict for r in mine), changed=any(r.changed_since for r in mine)))
        return items

    @staticmethod
    def _matches(item: QueueItem, which: str) -> bool:
        return {"all": True, "unreviewed": not item.reviewed, "included": item.included,
                "excluded": not item.included, "conflicts": item.conflict, "changed": item.changed}.get(which, True)

    def neighbours(self, key: str, which: str) -> tuple[str | None, str | None]:
        """The records before and after ``key`` in the order of the tables that match the filter."""
        everything = [str(k) for k in self._studies()["study_id"]] if self.tables() is not None else []
        matching = {i.key for i in self.queue(which)}
        if key not in everything:
            return None, None
        pos = everything.index(key)
        before = next((k for k in reversed(everything[:pos]) if k in matching), None)
        after = next((k for k in everything[pos + 1:] if k in matching), None)
        return before, after

    # -- one record -----------------------------------------------------------------------------

    def record(self, key: str) -> RecordView | None:
        target = decisions.resolve(self.store, key)
        if target is None:
            return None
        stored = self.store.get(target.record)
        article = parse_record(stored)
        studies = self._studies()
        rows = studies[studies["study_id"] == target.key] if len(studies) else studies
        s = rows.iloc[0].to_dict() if len(rows) else {}
        findings = self.tables().findings if self.tables() is not None else pd.DataFrame()
        mine = findings[findings["study_id"] == target.key] if len(findings) else pd.DataFrame(
            columns=["field", "evidence_text", "evidence_start"])
        reviews = decisions.reviews(self.store, self.intervention, target.key)
        machine = self._machine()
        text = article.text
        spans: list[tuple[int, int, str]] = []
        views = []
        for name, (kind, _allowed) in FIELDS.items():
            value = machine.get((target.key, name), table_text(s.get(name)))
            sentences = []
            for f in mine[mine["field"].isin((name, *EVIDENCE_OF.get(name, ())))].itertuples():
                if pd.isna(f.evidence_text):
                    continue
                sentence = str(f.evidence_text)
                if sentence not in sentences:
                    sentences.append(sentence)
                start = int(f.evidence_start) if not pd.isna(f.evidence_start) else -1
                if start < 0 or text[start:start + len(sentence)] != sentence:
                    start = text.find(sentence)  # the tables may be older than the stored version
                if start >= 0:
                    spans.append((start, start + len(sentence), name))
            views.append(FieldView(name, kind, value, sentences, reviews.get((target.key, name))))
        segments = _segments(text, spans)
        blocks = _blocks(text, segments, article.section_spans())
        reason = machine.get((target.key, "exclusion_reason"), table_text(s.get("exclusion_reason")))
        item = QueueItem(key=target.key, title=article.title, year=str(article.year or ""),
                         machine_included=views[0].machine == "true", machine_reason=reason,
                         review=reviews.get((target.key, "included")), reviewed=bool(reviews),
                         conflict=any(r.conflict for r in reviews.values()),
                         changed=any(r.changed_since for r in reviews.values()))
        return RecordView(key=target.key, record=target.record, version=target.version,
                          tables_version=int(s["version"]) if s and not pd.isna(s.get("version")) else None,
                          item=item, title=blocks[0].segments if blocks else [], blocks=blocks[1:], fields=views,
                          history=decisions.history(self.store, target.key, self.intervention))

    def rejected(self, name: str, machine: str | None) -> str | None:
        """The value 'reject' writes: the field's empty value (the opposite, for a yes/no field)."""
        if FIELDS[name][0] == "bool":
            return "false" if machine == "true" else "true"
        return REJECTED.get(name)


def _segments(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, tuple[str, ...]]]:
    """Cut ``text`` at every span boundary; each piece knows the fields whose evidence covers it."""
    cuts = sorted({0, len(text), *(a for a, _, _ in spans), *(b for _, b, _ in spans)})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        fields = tuple(dict.fromkeys(f for s, e, f in spans if s <= a and b <= e))
        out.append((a, b, fields))
    return out


def _blocks(text: str, pieces: list[tuple[int, int, tuple[str, ...]]],
            sections: list[tuple[int, int, str | None]]) -> list[Block]:
    """The title and each abstract section as blocks of highlighted segments."""
    return [Block(label, [Segment(text[max(a, s):min(b, e)], f) for a, b, f in pieces if a < e and b > s])
            for s, e, label in sections]
