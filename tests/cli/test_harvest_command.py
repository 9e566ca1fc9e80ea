"""`harvest`, `status` and `export --format pmids`: summaries, exit codes, one-line errors, untouched files."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

import ketamine_evidence.harvest.crawl
from ketamine_evidence.harvest.crawl import CrawlResult
from ketamine_evidence.harvest.pubmed_xml import iter_pubmed_records
from ketamine_evidence.harvest.store import Store
from ketamine_evidence.base import paths
from ketamine_evidence.cli import main
from ketamine_evidence.base.errors import EXIT_INPUT, EXIT_LOCKED, EXIT_PARTIAL, EXIT_STORE, EXIT_UNREACHABLE, \
    EXIT_USAGE, Unreachable
from tests.conftest import PUBMED_XML, REPO

SNAPSHOT_RECORDS = 615 + 29  # 604 MEDLINE + 11 other PubMed samples (see test_snapshot) + 29 PMC articles
SNAPSHOT_PMIDS = 643         # one PMC article has no PMID


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def harvested(home: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    code, out, err = run_cli(capsys, "harvest", "--source", "snapshot")
    assert code == 0, err
    return paths.default_store()


def test_snapshot_harvest_then_rerun_is_all_unchanged(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(capsys, "harvest", "--source", "snapshot")
    store = home / "data" / "ketamine-evidence.sqlite"
    assert code == 0, err
    assert out.strip() == (f"harvest (snapshot, run 1, ok): {SNAPSHOT_RECORDS} new, 0 updated, 0 unchanged, "
                           f"0 failed -> {store}")
    assert "Traceback" not in err and "\r" not in err  # no progress bar when stderr is not a TTY
    code, out, _ = run_cli(capsys, "harvest", "--source", "snapshot", "--batch-size", "50")
    assert code == 0
    assert f"0 new, 0 updated, {SNAPSHOT_RECORDS} unchanged, 0 failed" in out


def test_status_json_shape(harvested: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "status", "--json")
    assert code == 0
    status = json.loads(out)
    assert status["records"] == SNAPSHOT_RECORDS and status["pmc"] == 29
    assert status["retracted"] == [] and status["missing"] == [] and status["harvest_running_pid"] is None
    (run,) = status["runs"]
    assert {"id", "started", "finished", "source", "query", "status", "windows", "new", "updated", "unchanged",
            "failed", "missing", "note"} <= run.keys()
    assert (run["source"], run["status"], run["new"]) == ("snapshot", "ok", SNAPSHOT_RECORDS)


def test_status_human_readable(harvested: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "status", "--store", str(harvested))
    assert code == 0
    assert f"records: {SNAPSHOT_RECORDS} (615 PubMed, 29 PMC full text" in out
    assert "#1 " in out and f"snapshot ok: {SNAPSHOT_RECORDS} new" in out
    assert "last successful run: #1" in out


def test_export_pmids_sorted_numerically(harvested: Path, home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "export", "--format", "pmids")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == len(set(lines)) == SNAPSHOT_PMIDS
    assert all(line.isdigit() for line in lines)
    assert [int(x) for x in lines] == sorted(int(x) for x in lines)
    assert lines[0] == "9997" and "15804361" in lines  # a PubMed record and a PMC article's PMID
    target = home / "pmids.txt"
    code, out, _ = run_cli(capsys, "export", "--format", "pmids", "--output", str(target))
    assert code == 0 and out == f"export: {SNAPSHOT_PMIDS} PMIDs written as pmids to {target}\n"
    assert target.read_text().splitlines() == lines
    assert [p.name for p in home.iterdir() if p.name.startswith(".pmids")] == []  # no temp file left


@pytest.mark.parametrize("command", [["harvest", "--source", "snapshot"], ["status"], ["status", "--json"],
                                     ["export", "--format", "pmids"]])
def test_corrupt_store_exit_5_and_file_unchanged(home: Path, capsys: pytest.CaptureFixture[str],
                                                 command: list[str]) -> None:
    bad = home / "bad.sqlite"
    bad.write_bytes(b"this is not a database, just notes someone kept\n" * 200)
    digest = sha(bad)
    code, out, err = run_cli(capsys, *command, "--store", str(bad))
    assert code == EXIT_STORE
    assert err.count("\n") == 1 and err.startswith("ketamine-evidence: error: ") and "not a SQLite database" in err
    assert sha(bad) == digest
    assert sorted(p.name for p in home.iterdir()) == ["bad.sqlite"]


@pytest.mark.parametrize("command", [["status"], ["export", "--format", "pmids"]])
def test_missing_store_exit_5(home: Path, capsys: pytest.CaptureFixture[str], command: list[str]) -> None:
    code, out, err = run_cli(capsys, *command)
    assert code == EXIT_STORE
    assert err.count("\n") == 1 and "no store at" in err and "ketamine-evidence harvest" in err
    assert not (home / "data").exists()


def test_locked_store_exit_6_from_a_second_process(harvested: Path, home: Path) -> None:
    env = {**os.environ, "KETAMINE_EVIDENCE_HOME": str(home)}
    with Store(harvested) as store, store.lock():
        proc = subprocess.run([sys.executable, "-m", "ketamine_evidence", "harvest", "--source", "snapshot"],
                              cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == EXIT_LOCKED, proc.stderr
    assert proc.stderr.count("\n") == 1 and "is locked by another harvest" in proc.stderr
    assert f"(pid {os.getpid()})" in proc.stderr
    with Store(harvested) as store:
        assert [r.status for r in store.runs()] == ["ok"]  # the refused run logged nothing


@pytest.mark.parametrize("argv, words", [
    (["--eutils-url", "ftp://example.org/"], "pubmed.eutils_url"),
    (["--query", "  "], "pubmed.query is empty"),
])
def test_bad_values_exit_2_before_touching_the_store(home: Path, capsys: pytest.CaptureFixture[str],
                                                     argv: list[str], words: str) -> None:
    code, _, err = run_cli(capsys, "harvest", *argv)
    assert code == EXIT_USAGE and words in err and err.count("\n") == 1
    assert not (home / "data").exists()


def test_bad_config_file_exit_2(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (home / "ketamine-evidence.toml").write_text("[pubmed]\nbatch_size = -5\n")
    code, _, err = run_cli(capsys, "harvest", "--source", "snapshot")
    assert code == EXIT_USAGE and "pubmed.batch_size" in err
    assert not (home / "data").exists()


def test_unreadable_snapshot_file_is_partial_exit_7(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = home / "snap" / "pubmed"
    folder.mkdir(parents=True)
    (folder / "good.xml").write_bytes((PUBMED_XML / "biopython_pubmed1.xml").read_bytes())
    (folder / "cut.xml.gz").write_bytes(b"\x1f\x8b\x08\x00 not really gzip")
    code, out, err = run_cli(capsys, "harvest", "--source", "snapshot", "--snapshot-dir", str(home / "snap"))
    assert code == EXIT_INPUT
    assert "2 new" in out and "1 failed" in out
    assert "run 1 is partial" in err and "cut.xml.gz" in err
    with Store(paths.default_store()) as store:
        (run,) = store.runs()
        assert (run.status, run.failed, run.new) == ("partial", 1, 2)


# -- --source pubmed: the command's bookkeeping around the crawl (the crawl itself is tested in tests/harvest) --

def install_crawl(monkeypatch: pytest.MonkeyPatch, crawl) -> None:
    """Put ``crawl`` in place of ``ketamine_evidence.harvest.crawl.crawl_pubmed`` for this test (the crawl itself is tested in tests/harvest)."""
    monkeypatch.setattr(ketamine_evidence.harvest.crawl, "crawl_pubmed", crawl)


def test_pubmed_source_passes_arguments_and_logs_the_run(home: Path, capsys: pytest.CaptureFixture[str],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []

    def crawl(config, store, run_id, *, query, full, with_fulltext, progress):
        calls.append((config.pubmed.eutils_url, query, full, with_fulltext, progress))
        with (PUBMED_XML / "biopython_pubmed1.xml").open("rb") as fh:
            counts = store.save_batch(list(iter_pubmed_records(fh, "pubmed")), run_id)
        return CrawlResult(**counts, windows=["2020/01/01:2020/12/31"], requests=3)

    install_crawl(monkeypatch, crawl)
    code, out, err = run_cli(capsys, "harvest", "--query", "ketamine AND pain", "--eutils-url",
                             "http://127.0.0.1:9/eutils/", "--full", "--with-fulltext")
    assert code == 0, err
    assert calls == [("http://127.0.0.1:9/eutils/", "ketamine AND pain", True, True, False)]
    assert out.startswith("harvest (pubmed, run 1, ok): 2 new, 0 updated, 0 unchanged, 0 failed")
    with Store(paths.default_store()) as store:
        run = store.last_successful_run("pubmed", "ketamine AND pain")
        assert (run.new, run.windows, run.note) == (2, ["2020/01/01:2020/12/31"], "3 requests, 0 retries")


def test_crawl_error_marks_the_run_failed_and_keeps_its_exit_code(home: Path, capsys: pytest.CaptureFixture[str],
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    def crawl(config, store, run_id, **kwargs):
        raise Unreachable("cannot reach http://127.0.0.1:9/eutils/: try --source snapshot")

    install_crawl(monkeypatch, crawl)
    code, out, err = run_cli(capsys, "harvest")
    assert code == EXIT_UNREACHABLE and out == "" and err.count("\n") == 1
    with Store(paths.default_store()) as store:
        (run,) = store.runs()
        assert run.status == "failed" and run.note.startswith("Unreachable: cannot reach")
        assert store.last_successful_run("pubmed") is None


def test_partial_crawl_exit_8(home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    install_crawl(monkeypatch, lambda *a, **k: CrawlResult(unchanged=5, failed=2, status="partial"))
    code, out, err = run_cli(capsys, "harvest")
    assert code == EXIT_PARTIAL
    assert "5 unchanged, 2 failed" in out and "2 records failed after retries; the next harvest asks" in err
    with Store(paths.default_store()) as store:
        assert store.runs()[0].status == "partial"



def test_status_lists_retracted_and_missing(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The retracted flag is set in code on a genuine record (the samples hold no retraction)."""
    with (PUBMED_XML / "biopython_pubmed2.xml").open("rb") as fh:
        first, second = iter_pubmed_records(fh, "pubmed")
    retracted = replace(first, retracted=True)  # as inspect_pubmed flags a Retracted Publication
    with Store(paths.default_store()) as store:
        run = store.begin_run("pubmed", "q")
        store.save_batch([retracted, second], run)
        store.mark_missing([second.key], run)
        store.finish_run(run, "ok")
    code, out, _ = run_cli(capsys, "status")
    assert code == 0
    assert f"retracted: 1 (PMIDs {first.pmid})" in out
    assert f"missing (no longer served by NCBI): 1 (keys {second.key})" in out
    assert "1 missing" in out
    code, out, _ = run_cli(capsys, "export")
    assert out.split() == [first.pmid]  # missing records are not exported
