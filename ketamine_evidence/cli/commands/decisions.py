"""`ketamine-evidence decisions import|export FILE.csv`: reviewers' decisions in and out of the store.

CSV columns ``key,field,value,reason,reviewer`` (an ``intervention`` column is optional: default the
configured intervention); a value is written as it reads in the tables (``true``, ``121``,
``crps;fibromyalgia``). Import is all or nothing: the first unknown key, field or value is refused with one
line naming its row (exit 7) and nothing of the file is applied. A row that repeats the reviewer's own
latest decision adds nothing. Export writes every decision ever made, oldest first (the history), with the
time, the record and its version, and whether the record changed since.
"""

from __future__ import annotations

import argparse
import csv
import os
from pathlib import Path

from ketamine_evidence.analysis.tables.reviews import EXCLUDED_BY_REVIEWER, check_value
from ketamine_evidence.base.config import Config
from ketamine_evidence.base.errors import InputError
from ketamine_evidence.harvest import decisions
from ketamine_evidence.harvest.store import Store

REQUIRED = ("key", "field", "value", "reason", "reviewer")
EXPORTED = (*REQUIRED, "intervention", "made", "record", "record_version", "current_version",
            "changed_since_review")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=["import", "export"], help="import decisions from, or export them to, a CSV")
    parser.add_argument("file", type=Path, metavar="FILE.csv")
    parser.add_argument("--store", type=Path, help="store file (default: config store.path, "
                                                   "data/ketamine-evidence.sqlite)")


def read_decisions(path: Path, store: Store, intervention: str) -> list[decisions.NewDecision]:
    """Every row of ``path`` checked against the store; InputError names the first bad row."""
    try:
        with path.open(newline="", encoding="utf-8-sig") as fh:
            reader = csv.DictReader(fh)
            missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
            if missing:
                raise InputError(f"{path}: missing column(s) {', '.join(missing)} (need {','.join(REQUIRED)})")
            rows = list(reader)
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, csv.Error) as exc:
        raise InputError(f"{path}: not a UTF-8 CSV file ({exc})") from None
    out = []
    for line, row in enumerate(rows, start=2):  # line 1 is the header
        where = f"{path} row {line}"
        key = (row.get("key") or "").strip()
        if not key or decisions.resolve(store, key) is None:
            raise InputError(f"{where}: unknown key {key!r} (not a PMID or PMCID in {store.path})")
        field = (row.get("field") or "").strip()
        try:
            value = check_value(field, row.get("value"))
        except ValueError as exc:
            raise InputError(f"{where}: {exc}") from None
        reviewer = " ".join((row.get("reviewer") or "").split())
        if not reviewer:
            raise InputError(f"{where}: a reviewer's name is required")
        reason = " ".join((row.get("reason") or "").split()) or None
        if field == "included" and value == "false" and not reason:
            reason = EXCLUDED_BY_REVIEWER
        out.append(decisions.NewDecision(key, field, value, reason, reviewer,
                                         (row.get("intervention") or "").strip() or intervention))
    return out


def _unchanged(new: decisions.NewDecision, store: Store) -> bool:
    """The reviewer's own latest decision on this (key, field) already says the same."""
    target = decisions.resolve(store, new.key)
    mine = [d for d in decisions.history(store, target.key, new.intervention)
            if d.field == new.field and d.reviewer.casefold() == new.reviewer.casefold()]
    return bool(mine) and (mine[-1].value, mine[-1].reason) == (new.value, new.reason)


def run(args: argparse.Namespace, config: Config) -> int:
    store_path = args.store or config.store_path
    if args.action == "import":
        with Store(store_path, create=False) as store:
            rows = read_decisions(args.file, store, config.intervention)
            todo = [r for r in rows if not _unchanged(r, store)]
            if todo:
                decisions.record_decisions(store, todo)
        print(f"{len(todo)} decisions imported from {args.file} into {store_path}"
              f" ({len(rows) - len(todo)} rows repeated a reviewer's latest decision)")
        return 0
    with Store(store_path, create=False) as store:
        history = decisions.history(store)
    tmp = args.file.with_name(args.file.name + ".tmp")
    try:
        with tmp.open("w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh)
            writer.writerow(EXPORTED)
            for d in history:
                writer.writerow([d.key, d.field, d.value or "", d.reason or "", d.reviewer, d.intervention, d.made,
                                 d.record, d.record_version, d.current_version or "",
                                 "true" if d.changed_since else "false"])
        os.replace(tmp, args.file)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise InputError(f"cannot write {args.file}: {exc.strerror or exc}") from None
    print(f"{len(history)} decisions exported to {args.file}")
    return 0
