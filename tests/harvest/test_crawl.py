"""End-to-end harvests through the CLI against the E-utilities stand-in (real corpus records)."""

from __future__ import annotations

import socket
from datetime import date
from pathlib import Path

import pytest

from ketamine_evidence.harvest.store import Store
from tests.harvest.conftest import run_crawl, run_harvest, store_digest, write_config
from tests.harvest.eutils_server import Collection, EutilsServer


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("ketamine-evidence: error:")]


def test_full_harvest_lands_exactly_the_servers_records(home: Path, eutils_server: EutilsServer,
                                                        collection: Collection) -> None:
    store = home / "store.sqlite"
    run = run_harvest(home, eutils_server.url, store)
    assert run.returncode == 0, run.stderr[-2000:]
    assert f"{len(collection)} new, 0 updated, 0 unchanged, 0 failed" in run.stdout
    assert set(store_digest(store)) == set(collection.pmids())
    with Store(store, create=False) as s:
        (info,) = s.runs()
        assert (info.status, info.new, info.windows) == ("ok", len(collection), ["all"])
        assert all(r.version == 1 and r.source == "pubmed" for r in s.iter_records())
    # Politeness with an API key: 1 esearch + ceil(615/500) efetch POSTs, never over 10/s, no 429.
    log = eutils_server.log()
    assert [r.endpoint for r in log] == ["esearch"] + ["efetch"] * 2
    assert all(r.status == 200 for r in log) and eutils_server.max_per_window(1.0) <= 10
    assert all(r.params.get("tool") == "ketamine-evidence" and r.params.get("api_key") for r in log)
    assert log[0].params["usehistory"] == "y" and log[1].method == "POST" and log[1].params.get("WebEnv")


def test_real_three_per_second_limit_gives_no_429(home: Path, eutils_server: EutilsServer,
                                                  collection: Collection) -> None:
    """Without an API key the stand-in enforces 3 requests/s like NCBI: the crawl must never exceed it."""
    write_config(home, batch_size=100)
    store = home / "store.sqlite"
    run = run_harvest(home, eutils_server.url, store, api_key=None)
    assert run.returncode == 0, run.stderr[-2000:]
    log = eutils_server.log()
    assert len(log) == 1 + 7
    assert [r.status for r in log] == [200] * len(log)  # zero 429s
    assert eutils_server.max_per_window(1.0) <= 3
    assert set(store_digest(store)) == set(collection.pmids())


def test_search_over_the_window_limit_is_split_by_date(home: Path, eutils_server: EutilsServer,
                                                       collection: Collection) -> None:
    """With max_window_hits=300 the 615 records need several date windows, each under the limit.
    One more record (a copy under a new PMID) has an entry date after tomorrow, so no window lists it:
    the first search listed it, so it is still fetched, by id, and the gap is reported."""
    (odd,) = collection.replicate(1, first_pmid=99_999_999, day=date(2100, 1, 1))
    store = home / "store.sqlite"
    result = run_crawl(home, eutils_server.url, store, max_window_hits=300, batch_size=100)
    assert result["status"] == "ok", result["stderr"][-2000:]
    assert result["stats"]["harvest/esearch/window_splits"] >= 3
    assert result["stats"]["harvest/esearch/hits_in_no_window"] == 1 and "had 616 hits" in result["stderr"]
    assert odd in store_digest(store)
    assert "all" not in result["windows"] and all(w.startswith("edat ") for w in result["windows"])
    assert set(store_digest(store)) == set(collection.pmids()) and result["new"] == len(collection)
    fetched = [r for r in eutils_server.log("esearch")]
    assert all(r.params["retmax"] == "300" for r in fetched)


@pytest.mark.slow
def test_more_than_9999_hits_are_split_at_the_real_paging_limit(home: Path, eutils_server: EutilsServer,
                                                                collection: Collection) -> None:
    """10,050 records (the corpus plus copies under new PMIDs, entry dates 2010-2025) with the default
    max_window_hits of 9,999: the undated search is too large and is split by entry date."""
    collection.replicate(10_050 - len(collection), spread=(date(2010, 1, 1), date(2025, 12, 31)))
    store = home / "store.sqlite"
    run = run_harvest(home, eutils_server.url, store)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "10050 new, 0 updated, 0 unchanged, 0 failed" in run.stdout
    searches = eutils_server.log("esearch")
    assert "datetype" not in searches[0].params and all(r.params["datetype"] == "edat" for r in searches[1:])
    assert all(r.status == 200 and r.params["retmax"] == "9999" for r in searches)
    with Store(store, create=False) as s:
        assert s.status()["records"] == 10_050
        windows = s.runs()[-1].windows
        assert len(windows) >= 2 and "all" not in windows


def test_single_day_over_the_window_limit_makes_the_run_partial_exit_8(home: Path, eutils_server: EutilsServer,
                                                                      collection: Collection) -> None:
    """267 corpus records share one entry date (2015/12/24): a limit of 200 cannot be met by splitting."""
    write_config(home, max_window_hits=200, batch_size=100)
    store = home / "store.sqlite"
    run = run_harvest(home, eutils_server.url, store)
    assert run.returncode == 8, run.stderr[-2000:]
    (line,) = _error_lines(run.stderr)
    assert "partial" in line and "67 hits beyond the server's paging cap on edat 2015/12/24-2015/12/24" in line
    assert "window edat 2015/12/24-2015/12/24 has 267 hits on a single day" in run.stderr
    with Store(store, create=False) as s:
        info = s.runs()[-1]
        assert (info.status, info.failed) == ("partial", 267 - 200)  # hits that could not be listed
        assert "edat 2015/12/24-2015/12/24" in info.windows
        assert s.status()["records"] == len(collection) - 67


def test_unreachable_eutils_exits_3_with_one_line(home: Path) -> None:
    run = run_harvest(home, f"http://127.0.0.1:{_closed_port()}/entrez/eutils/", home / "store.sqlite")
    assert run.returncode == 3, run.stderr[-2000:]
    (line,) = _error_lines(run.stderr)
    assert "cannot reach NCBI E-utilities" in line and "--source snapshot" in line
    assert "Traceback" not in run.stderr
    with Store(home / "store.sqlite", create=False) as s:
        assert [r.status for r in s.runs()] == ["failed"] and s.status()["records"] == 0


def test_rejected_query_exits_4_relaying_ncbi_error(home: Path, eutils_server: EutilsServer) -> None:
    run = run_harvest(home, eutils_server.url, home / "store.sqlite", query="ketamine AND BADQUERY")
    assert run.returncode == 4, run.stderr[-2000:]
    (line,) = _error_lines(run.stderr)
    assert "PubMed rejected the query: Invalid query" in line and "Traceback" not in run.stderr
    assert [r.endpoint for r in eutils_server.log()] == ["esearch"]


def test_query_that_finds_nothing_because_of_unknown_phrase_exits_4(home: Path, eutils_server: EutilsServer) -> None:
    run = run_harvest(home, eutils_server.url, home / "store.sqlite", query="NOPHRASE[tiab]")
    assert run.returncode == 4, run.stderr[-2000:]
    assert "phrase not found: NOPHRASE" in _error_lines(run.stderr)[0]


def test_with_fulltext_fetches_pmc_articles_for_records_with_a_pmcid(home: Path, eutils_server: EutilsServer,
                                                                    collection: Collection) -> None:
    """Two records are pointed at PMC articles the stand-in serves (their ArticleId pmc rewritten);
    records whose PMCID the stand-in does not serve (not open access) are skipped without failing."""
    pmids = collection.pmids()
    collection.link_pmc(pmids[0], "PMC4940009")
    collection.link_pmc(pmids[1], "PMC5888649")
    store = home / "store.sqlite"
    run = run_harvest(home, eutils_server.url, store, "--with-fulltext")
    assert run.returncode == 0, run.stderr[-2000:]
    with Store(store, create=False) as s:
        pmc = {r.key: r for r in s.iter_records(kind="pmc")}
        assert set(pmc) == {"PMC4940009", "PMC5888649"}
        assert pmc["PMC4940009"].xml.startswith(b"<article")
    pmc_requests = [r for r in eutils_server.log("efetch") if r.params.get("db") == "pmc"]
    assert pmc_requests and all(r.status == 200 for r in pmc_requests)
    asked = {i for r in pmc_requests for i in r.params["id"].split(",")}
    assert {"4940009", "5888649", "5442267"} <= asked


def test_a_second_crawl_in_one_process_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    import ketamine_evidence.harvest.crawl as crawl
    from ketamine_evidence.base.errors import HarvestError

    monkeypatch.setattr(crawl, "_crawled", True)
    with pytest.raises(HarvestError, match="once per process"):
        crawl.crawl_pubmed(None, None, 1, query="ketamine")  # type: ignore[arg-type]
