"""Incremental harvests: later runs ask only for what changed since the last successful run."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from ketamine_evidence.harvest.store import Store
from tests.harvest.conftest import run_harvest, store_digest
from tests.harvest.eutils_server import Collection, EutilsServer


def _run_start(store: Path, run_index: int) -> date:
    with Store(store, create=False) as s:
        started = s.runs()[run_index].started
    return datetime.fromisoformat(started.replace("Z", "+00:00")).date()


def test_rerun_with_nothing_new_makes_two_searches_and_writes_nothing(home: Path, eutils_server: EutilsServer,
                                                                      collection: Collection) -> None:
    """With the packaged evidence query (long enough to be POSTed)."""
    store = home / "store.sqlite"
    assert run_harvest(home, eutils_server.url, store, query=None).returncode == 0
    before = store_digest(store)
    first_requests = len(eutils_server.log())

    run = run_harvest(home, eutils_server.url, store, query=None)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "0 new, 0 updated, 0 unchanged, 0 failed" in run.stdout
    second = eutils_server.log()[first_requests:]
    assert len(second) <= 3 and [r.endpoint for r in second] == ["esearch", "esearch"]
    since = (_run_start(store, 0) - timedelta(days=2)).strftime("%Y/%m/%d")  # overlap_days = 2
    mdat, crdt = (r.params for r in second)
    assert (mdat["datetype"], mdat["mindate"]) == ("mdat", since)
    assert f"({since}:" in crdt["term"] and crdt["term"].endswith("[crdt])") and "datetype" not in crdt
    assert all(r.method == "POST" and '"Ketamine"[MeSH]' in r.params["term"] for r in second)
    assert store_digest(store) == before
    with Store(store, create=False) as s:
        runs = s.runs()
        assert [r.status for r in runs] == ["ok", "ok"] and runs[1].new == runs[1].updated == 0
        assert runs[1].windows == [f"mdat {since}-{mdat['maxdate']}", f"crdt {since}-{mdat['maxdate']}"]


def test_incremental_run_picks_up_new_revised_and_retracted_records(home: Path, eutils_server: EutilsServer,
                                                                   collection: Collection) -> None:
    store = home / "store.sqlite"
    assert run_harvest(home, eutils_server.url, store).returncode == 0
    first_requests = len(eutils_server.log())

    today = datetime.now(timezone.utc).date()
    added = collection.replicate(3, first_pmid=99_000_001, day=today, templates=["29768149"])
    collection.revise("9997", today)
    collection.revise("27797938", today)
    collection.retract("29963580", today)

    run = run_harvest(home, eutils_server.url, store)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "3 new, 3 updated, 0 unchanged, 0 failed" in run.stdout
    second = eutils_server.log()[first_requests:]
    assert [r.endpoint for r in second] == ["esearch", "esearch", "efetch"]  # the crdt window adds nothing new
    with Store(store, create=False) as s:
        assert all(s.get(p).version == 1 for p in added)
        assert s.get("9997").version == 2 and s.get("27797938").version == 2
        assert [v.date_revised for v in s.versions("9997")][-1] == today.isoformat()
        retracted = s.get("29963580")
        assert retracted.retracted and retracted.version == 2 and not s.versions("29963580")[0].retracted
        assert "29963580" in s.status()["retracted"]
        changes = s.changes(s.runs()[-1].id)
        assert sorted(changes["new"]) == sorted(added) and "29963580" in changes["retracted"]
        assert s.status()["records"] == len(collection)


def test_full_flag_searches_everything_again(home: Path, eutils_server: EutilsServer,
                                             collection: Collection) -> None:
    store = home / "store.sqlite"
    assert run_harvest(home, eutils_server.url, store).returncode == 0
    run = run_harvest(home, eutils_server.url, store, "--full")
    assert run.returncode == 0, run.stderr[-2000:]
    assert f"0 new, 0 updated, {len(collection)} unchanged, 0 failed" in run.stdout
    searches = eutils_server.log("esearch")
    assert len(searches) == 2 and all("datetype" not in r.params for r in searches)
