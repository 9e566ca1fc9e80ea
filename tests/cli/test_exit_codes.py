"""One exit code per kind of failure, the same from every command (``ketamine_evidence.base.errors.EXIT_CODES``).

Each case runs one command into one failure it can meet and checks the code and that stderr is one
line (argparse's usage errors print their usage first). The crawl is replaced where a case needs
NCBI to fail (the crawl itself is tested in tests/harvest); the lock case needs a second process.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import ketamine_evidence.harvest.crawl
from ketamine_evidence.base import errors
from ketamine_evidence.base.errors import (EXIT_CODES, EXIT_INPUT, EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_LOCKED,
                                           EXIT_OUTPUT, EXIT_PARTIAL, EXIT_QUERY, EXIT_STORE, EXIT_UNREACHABLE,
                                           EXIT_USAGE)
from ketamine_evidence.cli import main
from ketamine_evidence.cli.main import COMMANDS
from ketamine_evidence.harvest.crawl import CrawlResult
from ketamine_evidence.harvest.store import Store
from tests.conftest import EVAL, REPO

SNAPSHOT_PUBMED = REPO / "data" / "snapshot" / "pubmed" / "biopython_pubmed1.xml"
SNAPSHOT_PMC = REPO / "data" / "snapshot" / "pmc"


@pytest.fixture
def ws(home: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, Path]:
    """A working set in the test's home: a one-file snapshot, a store and tables from it, a file
    that is not a store, and a plain file (a folder path under it cannot be written)."""
    snap = home / "snap" / "pubmed"
    snap.mkdir(parents=True)
    shutil.copy2(SNAPSHOT_PUBMED, snap / SNAPSHOT_PUBMED.name)
    store, tables = home / "store.sqlite", home / "tables"
    assert main(["harvest", "--source", "snapshot", "--snapshot-dir", str(snap.parent), "--store", str(store)]) == 0
    assert main(["extract", "--store", str(store), "--out", str(tables), "--no-progress"]) == 0
    (home / "corrupt.sqlite").write_bytes(b"this is not a SQLite database\n" * 4)
    (home / "plain").write_text("a file\n")
    (home / "typo.toml").write_text('[pubmed]\nqeury = "ketamine"\n')
    # One real gold record whose article is in the bundled snapshot.
    gold = next(line for line in (EVAL / "gold_dev.jsonl").read_text().splitlines()
                if (SNAPSHOT_PMC / f"{json.loads(line).get('pmcid')}.nxml").is_file())
    (home / "gold.jsonl").write_text(gold + "\n")
    capsys.readouterr()
    return {"home": home, "snap": snap.parent, "store": store, "tables": tables, "corrupt": home / "corrupt.sqlite",
            "not_a_dir": home / "plain" / "sub", "missing": home / "absent", "typo": home / "typo.toml",
            "gold": home / "gold.jsonl", "pmc": SNAPSHOT_PMC}


def _crawl_raising(error: Exception) -> Callable[..., CrawlResult]:
    def crawl(*args, **kwargs):
        raise error
    return crawl


def _partial(*args, **kwargs) -> CrawlResult:
    return CrawlResult(unchanged=1, failed=2, status="partial")


# (command, failure kind, argv with {placeholders} from ws, crawl replacement or None, expected code)
CASES: list[tuple[str, str, list[str], Callable | None, int]] = [
    *[(c, "unknown option", [c, "--no-such-option"], None, EXIT_USAGE) for c in COMMANDS],
    *[(c, "config typo", [c, "--config", "{typo}"], None, EXIT_USAGE) for c in COMMANDS],
    *[(c, "missing config", [c, "--config", "{missing}"], None, EXIT_USAGE) for c in COMMANDS],
    ("harvest", "bad query", ["harvest", "--query", " "], None, EXIT_USAGE),
    ("evaluate", "no gold", ["evaluate"], None, EXIT_USAGE),
    ("status", "missing store", ["status", "--store", "{missing}"], None, EXIT_STORE),
    ("export", "missing store", ["export", "--store", "{missing}"], None, EXIT_STORE),
    ("extract", "missing store", ["extract", "--store", "{missing}"], None, EXIT_STORE),
    ("report", "missing store", ["report", "--tables", "{tables}", "--store", "{missing}"], None, EXIT_STORE),
    ("status", "corrupt store", ["status", "--store", "{corrupt}"], None, EXIT_STORE),
    ("export", "corrupt store", ["export", "--store", "{corrupt}"], None, EXIT_STORE),
    ("extract", "corrupt store", ["extract", "--store", "{corrupt}"], None, EXIT_STORE),
    ("report", "corrupt store", ["report", "--tables", "{tables}", "--store", "{corrupt}"], None, EXIT_STORE),
    ("harvest", "corrupt store", ["harvest", "--source", "snapshot", "--store", "{corrupt}"], None, EXIT_STORE),
    ("run", "corrupt store", ["run", "--source", "snapshot", "--store", "{corrupt}"], None, EXIT_STORE),
    ("harvest", "unreachable", ["harvest", "--store", "{store}"],
     _crawl_raising(errors.Unreachable("cannot reach NCBI")), EXIT_UNREACHABLE),
    ("run", "unreachable", ["run", "--store", "{store}"],
     _crawl_raising(errors.Unreachable("cannot reach NCBI")), EXIT_UNREACHABLE),
    ("harvest", "query rejected", ["harvest", "--store", "{store}"],
     _crawl_raising(errors.QueryRejected("NCBI rejected the query")), EXIT_QUERY),
    ("run", "query rejected", ["run", "--store", "{store}"],
     _crawl_raising(errors.QueryRejected("NCBI rejected the query")), EXIT_QUERY),
    ("harvest", "partial", ["harvest", "--store", "{store}"], _partial, EXIT_PARTIAL),
    ("run", "partial", ["run", "--store", "{store}", "--tables", "{home}/t2", "--out", "{home}/r2"], _partial,
     EXIT_PARTIAL),
    ("harvest", "missing snapshot", ["harvest", "--source", "snapshot", "--snapshot-dir", "{missing}"], None,
     EXIT_INPUT),
    ("run", "missing snapshot", ["run", "--source", "snapshot", "--snapshot-dir", "{missing}"], None, EXIT_INPUT),
    ("extract", "missing input", ["extract", "--input", "{missing}"], None, EXIT_INPUT),
    ("export", "missing tables", ["export", "--format", "ris", "--tables", "{missing}"], None, EXIT_INPUT),
    ("report", "missing tables", ["report", "--tables", "{missing}"], None, EXIT_INPUT),
    ("evaluate", "missing gold", ["evaluate", "--gold", "{missing}", "--input", "{snap}"], None, EXIT_INPUT),
    ("evaluate", "missing corpus", ["evaluate", "--external", "ade-corpus", "--corpus-dir", "{missing}"], None,
     EXIT_INPUT),
    ("extract", "unwritable output", ["extract", "--store", "{store}", "--out", "{not_a_dir}"], None, EXIT_OUTPUT),
    ("export", "unwritable output", ["export", "--format", "csv", "--tables", "{tables}", "-o", "{not_a_dir}/x.csv"],
     None, EXIT_OUTPUT),
    ("report", "unwritable output", ["report", "--tables", "{tables}", "--out", "{not_a_dir}"], None, EXIT_OUTPUT),
    ("run", "unwritable output", ["run", "--source", "snapshot", "--snapshot-dir", "{snap}", "--store", "{store}",
                                  "--tables", "{not_a_dir}"], None, EXIT_OUTPUT),
    ("evaluate", "unwritable output", ["evaluate", "--gold", "{gold}", "--input", "{pmc}", "--jsonl",
                                       "{not_a_dir}/p.jsonl"], None, EXIT_OUTPUT),
]


def _code(argv: list[str]) -> int:
    try:
        return main(argv)
    except SystemExit as exc:  # argparse's own usage errors
        return int(exc.code)


@pytest.mark.parametrize("command,kind,argv,crawl,expected", CASES,
                         ids=[f"{c[0]}-{c[1].replace(' ', '_')}" for c in CASES])
def test_each_command_exits_with_the_code_of_its_failure(ws, capsys, monkeypatch, command, kind, argv, crawl,
                                                         expected) -> None:
    if crawl is not None:
        monkeypatch.setattr(ketamine_evidence.harvest.crawl, "crawl_pubmed", crawl)
    args = [a.format(**ws) for a in argv]
    assert _code(args) == expected
    err = capsys.readouterr().err.strip().splitlines()
    assert err and "Traceback" not in "\n".join(err)
    if expected != EXIT_USAGE or not argv[-1].startswith("--no-such"):
        assert len([line for line in err if "error" in line]) == 1, err


def test_every_code_is_met(ws) -> None:
    """The cases cover every failure code the table lists, except the lock (next test), a bug and Ctrl-C."""
    covered = {case[-1] for case in CASES}
    assert covered == set(EXIT_CODES) - {0, EXIT_LOCKED, EXIT_INTERNAL, EXIT_INTERRUPTED}


@pytest.mark.parametrize("command", ["harvest", "run"])
def test_locked_store_from_a_second_process(ws, command) -> None:
    env = {**os.environ, "KETAMINE_EVIDENCE_HOME": str(ws["home"])}
    with Store(ws["store"]) as store, store.lock():
        done = subprocess.run([sys.executable, "-m", "ketamine_evidence", command, "--source", "snapshot",
                               "--snapshot-dir", str(ws["snap"]), "--store", str(ws["store"])],
                              env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == EXIT_LOCKED, done.stderr
    assert done.stderr.count("\n") == 1


@pytest.mark.parametrize("raised,expected", [(RuntimeError("a bug"), EXIT_INTERNAL),
                                             (KeyboardInterrupt(), EXIT_INTERRUPTED)])
def test_a_bug_and_ctrl_c(ws, capsys, monkeypatch, raised, expected) -> None:
    import ketamine_evidence.cli.commands.status as status

    def boom(*args, **kwargs):
        raise raised

    monkeypatch.setattr(status, "format_status", boom)
    assert main(["status", "--store", str(ws["store"])]) == expected
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "Traceback" not in err[0]


def test_docs_table_matches_the_codes() -> None:
    rows = [line for line in (REPO / "docs" / "cli.md").read_text().splitlines() if line.startswith("| ")
            and line.split("|")[1].strip().isdigit()]
    table = {int(r.split("|")[1]): (r.split("|")[2].strip(), r.split("|")[3].strip()) for r in rows}
    assert table == EXIT_CODES
