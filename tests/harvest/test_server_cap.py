"""A server whose paging cap is below ``max_window_hits``: its answer decides, and the run's account adds up.

The stand-in keeps ``Count`` true but lists at most ``paging_limit`` ids (as NCBI would after lowering
its limit). 267 corpus records share the entry date 2015/12/24, so a cap of 40 cannot be met by
splitting: that day is fetched up to the cap and the run is partial (exit 8), naming the day.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ketamine_evidence.cli import main
from ketamine_evidence.harvest.store import Store
from tests.harvest.conftest import run_harvest, store_digest, write_config
from tests.harvest.eutils_server import Collection, EutilsServer, Faults

FAULTS = dict(error_rate=0.05, truncate_rate=0.03, drop_rate=0.02, expire_rate=0.02)
DAY = "2015/12/24"


def _status_json(store: Path, capsys: pytest.CaptureFixture[str]) -> dict:
    capsys.readouterr()
    assert main(["status", "--store", str(store), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def _adds_up(account: dict) -> bool:
    terms = ("new", "updated", "unchanged", "missing", "failed", "beyond_cap")
    return sum(account[t] for t in terms) == account["count"]


def test_cap_600_under_9999_splits_until_every_record_is_listed(home: Path, collection: Collection,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    write_config(home, max_window_hits=9999, timeout_s=5)
    store = home / "store.sqlite"
    with EutilsServer(collection, faults=Faults(**FAULTS), seed=3, paging_limit=600) as server:
        run = run_harvest(home, server.url, store)
        searches = len(server.log("esearch"))
    assert run.returncode == 0, run.stderr[-3000:]
    assert "listed 600 of 615 ids: splitting" in run.stderr and searches >= 3
    assert set(store_digest(store)) == set(collection.pmids())
    (info,) = _status_json(store, capsys)["runs"]
    assert info["status"] == "ok" and info["account_adds_up"]
    assert info["account"]["count"] == len(collection) == info["account"]["new"]
    assert info["account"]["beyond_cap"] == 0


def test_cap_40_leaves_one_day_beyond_the_cap_partial_exit_8(home: Path, collection: Collection,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    write_config(home, max_window_hits=9999, timeout_s=5)
    store = home / "store.sqlite"
    with EutilsServer(collection, faults=Faults(**FAULTS), seed=4, paging_limit=40) as server:
        run = run_harvest(home, server.url, store, timeout=300)
        # The next (incremental) run must not start from the partial one: nothing was ever 'ok'.
        again = run_harvest(home, server.url, store, timeout=300)
    assert run.returncode == 8, run.stderr[-3000:]
    error = [line for line in run.stderr.splitlines() if line.startswith("ketamine-evidence: error:")]
    assert len(error) == 1 and "beyond the server's paging cap" in error[0] and f"edat {DAY}-{DAY}" in error[0]
    assert again.returncode == 8, again.stderr[-3000:]
    status = _status_json(store, capsys)
    first, second = status["runs"]
    for info in (first, second):
        assert info["status"] == "partial" and info["account_adds_up"] and _adds_up(info["account"])
        assert info["account"]["count"] == len(collection)
        assert info["account"]["beyond_cap"] >= 267 - 40  # at least the day of 267 records
        assert "incremental since" not in (info["note"] or "")
    assert first["account"]["new"] == len(collection) - first["account"]["beyond_cap"]
    assert second["account"]["unchanged"] == first["account"]["new"]
    # the human-readable status shows the account too
    capsys.readouterr()
    assert main(["status", "--store", str(store)]) == 0
    assert f"account: count {len(collection)} = " in capsys.readouterr().out
    with Store(store, create=False, read_only=True) as s:
        assert s.last_successful_run("pubmed") is None


def test_clean_harvest_of_3000_records_needs_at_most_3_requests_per_1000(home: Path, collection: Collection) -> None:
    """efetch batches of 500 (NCBI's advice for history fetches): 1 esearch + 6 efetch, no 429."""
    from datetime import date

    collection.replicate(3000 - len(collection), spread=(date(2012, 1, 1), date(2025, 6, 30)))
    store = home / "store.sqlite"
    with EutilsServer(collection, seed=9) as server:
        run = run_harvest(home, server.url, store)
        log = server.log()
    assert run.returncode == 0, run.stderr[-2000:]
    assert 1000 * len(log) / len(collection) <= 3.0
    assert [r.endpoint for r in log] == ["esearch"] + ["efetch"] * 6
    assert not [r for r in log if r.status == 429]
