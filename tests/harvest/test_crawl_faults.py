"""The crawl under injected faults: every record lands exactly once, or the run says why not.

Crawls run in a subprocess through ``run_crawl`` (``crawl_pubmed`` with the harvest command's
bookkeeping) so that a test can shorten the retry backoff through Scrapy settings.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from ketamine_evidence.harvest.store import Store
from tests.harvest.conftest import run_crawl, run_harvest, store_digest
from tests.harvest.eutils_server import Collection, EutilsServer, Faults

FAST_RETRY = {"RETRY_BACKOFF_BASE": 0.02}


def test_every_record_lands_once_under_errors_truncation_drops_and_expiry(home: Path, collection: Collection) -> None:
    faults = Faults(error_rate=0.10, truncate_rate=0.05, drop_rate=0.02, expire_rate=0.05, omit_rate=0.01)
    store = home / "store.sqlite"
    with EutilsServer(collection, faults=faults, seed=6) as server:
        result = run_crawl(home, server.url, store, batch_size=20, settings=FAST_RETRY)
        seen = Counter(r.fault for r in server.log())
    assert result["status"] == "ok", result["stderr"][-3000:]
    # The faults really happened (the seed makes them reproducible).
    assert seen["error"] and seen["truncate"] + seen["short-read"] and seen["drop"] and seen["expired"]
    assert result["retries"] > 0 and result["failed"] == 0 and result["missing"] == 0
    assert set(store_digest(store)) == set(collection.pmids())
    assert result["new"] == len(collection) and result["updated"] == result["unchanged"] == 0
    with Store(store, create=False) as s:
        assert all(r.version == 1 for r in s.iter_records())  # exactly once: no record saved twice


def test_rate_limit_answers_are_retried_with_backoff(home: Path, collection: Collection) -> None:
    """A server stricter than NCBI (2/s) answers 429; the crawl backs off and still gets everything."""
    store = home / "store.sqlite"
    with EutilsServer(collection, rate_limit=2, seed=1) as server:
        result = run_crawl(home, server.url, store, api_key=None, batch_size=100, settings={"RETRY_BACKOFF_BASE": 0.3})
        statuses = Counter(r.status for r in server.log())
    assert statuses[429] > 0 and result["status"] == "ok", result["stderr"][-3000:]
    assert result["stats"]["retry/reason_count/429 Unknown Status"] == statuses[429]
    assert set(store_digest(store)) == set(collection.pmids())


def test_ids_ncbi_never_returns_are_marked_missing_and_the_run_stays_ok(home: Path, collection: Collection) -> None:
    store = home / "store.sqlite"
    with EutilsServer(collection, seed=2) as server:
        assert run_harvest(home, server.url, store).returncode == 0
        # Now NCBI lists 9997 in searches but no longer serves it, and 12091962 is gone altogether.
        server.faults.withheld = {"9997"}
        collection.delete("12091962")
        result = run_crawl(home, server.url, store, full=True)
        reasked = [r for r in server.log("efetch") if "9997" in r.params.get("id", "").split(",")]
    assert result["status"] == "ok" and result["failed"] == 0, result["stderr"][-3000:]
    assert sorted(result["missing_pmids"]) == ["12091962", "9997"]
    assert result["stats"]["harvest/efetch/missing_pmids"] == 2
    assert result["stats"]["harvest/reconcile/absent_from_search"] == 1  # 12091962, found by the full-run check
    assert len(reasked) == 2  # asked again by id list, HARVEST_MISSING_ATTEMPTS times
    with Store(store, create=False) as s:
        assert s.get("9997").missing and s.get("12091962").missing
        assert sorted(s.status()["missing"]) == ["12091962", "9997"]
        assert s.runs()[-1].missing == 2 and s.runs()[-1].status == "ok"


def test_records_lost_in_transport_after_all_retries_make_the_run_partial(home: Path, collection: Collection) -> None:
    faults = Faults(error_rate=1.0, only=("efetch",))  # searches work, every efetch fails
    store = home / "store.sqlite"
    with EutilsServer(collection, faults=faults) as server:
        result = run_crawl(home, server.url, store, settings={"RETRY_TIMES": 1, "RETRY_BACKOFF_BASE": 0.01})
    assert result["status"] == "partial"
    assert result["failed"] == len(collection) and result["missing"] == 0
    assert result["stats"]["harvest/efetch/failed_pmids"] == len(collection)
    with Store(store, create=False) as s:
        assert s.runs()[-1].status == "partial" and s.status()["records"] == 0
