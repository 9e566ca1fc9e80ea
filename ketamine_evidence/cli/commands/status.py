"""`ketamine-evidence status`: what the store holds and how the last harvest runs went.

Human-readable by default; ``--json`` prints ``Store.status()`` (records, pubmed, pmc, versions,
retracted PMIDs, missing keys, runs with their ``account`` and ``account_adds_up``) for scripts and
schedulers. The store is opened read-only: a missing, empty or foreign file is StoreError (5), untouched.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ketamine_evidence.harvest.store import RunInfo, Store
from ketamine_evidence.harvest.store_schema import ACCOUNT_TERMS
from ketamine_evidence.base.config import Config


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--store", type=Path, default=argparse.SUPPRESS, help="store file (default: config store.path, "
                                                   "data/ketamine-evidence.sqlite)")
    parser.add_argument("--json", action="store_true", help="machine-readable JSON on stdout")
    parser.add_argument("--runs", type=int, default=10, metavar="N",
                        help="how many recent runs to list in the human-readable view (default 10)")


def _run_line(run: RunInfo) -> str:
    query = "" if not run.query else " query " + " ".join(run.query.split())[:60]
    windows = f", {len(run.windows)} windows" if run.windows else ""
    note = f" ({run.note})" if run.note else ""
    account = f"\n      account: {format_account(run.account)}" if run.account else ""
    return (f"  #{run.id} {run.started} {run.source} {run.status}: {run.new} new, {run.updated} updated, "
            f"{run.unchanged} unchanged, {run.failed} failed, {run.missing} missing{windows}{query}{note}{account}")


def format_account(account: dict[str, int]) -> str:
    """``count 1825 = 600 new + ... + 1225 beyond cap``: a run's PubMed records, accounted for."""
    terms = " + ".join(f"{int(account.get(t, 0))} {t.replace('_', ' ')}" for t in ACCOUNT_TERMS)
    refused = f" ({account['refused']} refused)" if account.get("refused") else ""
    sign = "=" if sum(int(account.get(t, 0)) for t in ACCOUNT_TERMS) == int(account.get("count", -1)) else "!="
    return f"count {account.get('count')} {sign} {terms}{refused}"


def _listing(label: str, items: list[str], limit: int = 20) -> str:
    if not items:
        return ""
    more = f" and {len(items) - limit} more (see --json)" if len(items) > limit else ""
    return f" ({label} {', '.join(items[:limit])}{more})"


def format_status(status: dict, runs: list[RunInfo], last: int) -> str:
    """The human-readable view of ``Store.status()``."""
    lines = [
        f"store {status['store']} (schema {status['schema_version']})",
        f"records: {status['records']} ({status['pubmed']} PubMed, {status['pmc']} PMC full text; "
        f"{status['versions']} versions stored)",
        f"retracted: {len(status['retracted'])}" + _listing("PMIDs", status["retracted"]),
        f"missing (no longer served by NCBI): {len(status['missing'])}" + _listing("keys", status["missing"]),
    ]
    if status.get("harvest_running_pid"):
        lines.append(f"a harvest is running now (pid {status['harvest_running_pid']})")
    if not runs:
        lines.append("runs: none yet")
    else:
        shown = runs[-last:] if last > 0 else []
        lines.append(f"runs: {len(runs)} (last {len(shown)} shown, newest last)")
        lines.extend(_run_line(run) for run in shown)
        ok = [r for r in runs if r.status == "ok"]
        lines.append(f"last successful run: #{ok[-1].id} {ok[-1].finished}" if ok else "last successful run: none")
    return "\n".join(lines)


def run(args: argparse.Namespace, config: Config) -> int:
    with Store(args.store or config.store_path, create=False, read_only=True) as store:
        status = store.status()
        runs = store.runs()
    if args.json:
        print(json.dumps(status, indent=2))
    else:
        print(format_status(status, runs, args.runs))
    return 0
