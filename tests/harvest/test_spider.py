"""PubmedSpider callbacks fed saved responses (real esearch/efetch XML from ../shared/corpus).

The crawler is built without a Twisted reactor (``TWISTED_REACTOR_ENABLED = False``): callbacks
are plain generators, so nothing here touches the network or the reactor.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from scrapy import Request
from scrapy.exceptions import CloseSpider
from scrapy.http import TextResponse
from scrapy.settings import Settings
from scrapy.utils.test import get_crawler

from ketamine_evidence.harvest.eutils import Window
from ketamine_evidence.harvest.items import BatchEnd, RawRecord
from ketamine_evidence.harvest.spiders.pubmed import PubmedSpider
from ketamine_evidence.base.config import load_config
from ketamine_evidence.base.errors import QueryRejected
from tests.conftest import PMC_KETAMINE, PUBMED_XML
from tests.harvest.eutils_server import EXPIRED_BODY

BASE = "http://127.0.0.1:9/entrez/eutils/"
# The saved esearch answers list fewer ids than their Count (they were asked with a small retmax):
# on a window of one day the spider cannot split further, so it fetches what was listed.
DAY = Window("ketamine", datetype="edat", mindate=date(2025, 11, 20), maxdate=date(2025, 11, 20))


def make_spider(**kwargs: object) -> PubmedSpider:
    settings = Settings()
    settings.setmodule("ketamine_evidence.harvest.settings")
    crawler = get_crawler(PubmedSpider, {**settings.copy_to_dict(), "TWISTED_REACTOR_ENABLED": False})
    options = {"windows": [Window("ketamine")], "eutils_url": BASE, "identity": {"tool": "t", "api_key": "k"},
               "batch_size": 200, "max_window_hits": 9999, "today": date(2026, 11, 24)}
    options.update(kwargs)
    spider = PubmedSpider.from_crawler(crawler, **options)
    return spider


def respond(request: Request, body: bytes, status: int = 200) -> TextResponse:
    return TextResponse(url=request.url, body=body, status=status, request=request, encoding="utf-8")


def test_start_sends_one_esearch_with_history_and_identity() -> None:
    spider = make_spider()
    request = spider.esearch_request(spider.windows[0], root=True)
    assert "usehistory=y" in request.url and "retmax=9999" in request.url
    assert "tool=t" in request.url and "api_key=k" in request.url and "term=ketamine" in request.url
    assert request.meta["max_retry_times"] == 2 and request.dont_filter


def test_long_query_is_posted(home: Path) -> None:
    query = load_config().pubmed.query  # the packaged evidence query, over 1,000 characters
    spider = make_spider(windows=[Window(query)])
    request = spider.esearch_request(spider.windows[0], root=True)
    assert request.method == "POST" and b"usehistory=y" in request.body and "?" not in request.url


def test_large_search_is_split_into_two_date_windows() -> None:
    """Real esearch answer with Count 42249: more than PubMed can page, so two halves are searched."""
    spider = make_spider()
    request = spider.esearch_request(spider.windows[0], root=True)
    out = list(spider.parse_esearch(respond(request, (PUBMED_XML / "biopython_esearch2.xml").read_bytes())))
    assert len(out) == 2 and all(r.callback == spider.parse_esearch for r in out)
    first, second = (r.meta["window"] for r in out)
    assert first.datetype == "edat" and first.maxdate < second.mindate and second.maxdate == date(2026, 11, 25)
    assert "mindate=1700%2F01%2F01" in out[0].url
    assert spider.crawler.stats.get_value("harvest/esearch/window_splits") == 1
    assert not spider.assigned  # nothing fetched from a window that was split ...
    assert len(spider.wanted) == 100  # ... but its listed ids are wanted, in case no window lists them


def _fetch_all(spider: PubmedSpider, request: Request, body: bytes) -> list[Request]:
    """Answer each efetch batch with ``body`` and collect the chain of batches the spider sends."""
    sent = []
    while request is not None:
        sent.append(request)
        nxt = [o for o in spider.parse_efetch(respond(request, body)) if isinstance(o, Request)]
        request = nxt[0] if nxt else None
    return sent


def test_search_with_history_fetches_by_webenv_one_batch_after_another() -> None:
    spider = make_spider(batch_size=40, max_window_hits=50000, windows=[DAY])
    request = spider.esearch_request(spider.windows[0], root=True)
    (first,) = spider.parse_esearch(respond(request, (PUBMED_XML / "biopython_esearch2.xml").read_bytes()))
    body = first.body.decode()
    assert "WebEnv=MCID_6927d6e7fee3e90f880ec190" in body and "query_key=1" in body and "retmax=40" in body
    assert first.method == "POST" and len(spider.wanted) == 100
    empty = b"<PubmedArticleSet></PubmedArticleSet>"
    chain = _fetch_all(spider, first, empty)
    assert [r.meta["retstart"] for r in chain] == [0, 40, 80]
    assert [len(r.meta["ids"]) for r in chain] == [40, 40, 20]
    # the other 42,149 hits of that day are beyond what the server lists: counted, never silently dropped
    assert spider.unfetched_hits == 42249 - 100 and spider.incomplete_windows == [DAY.label]


def test_search_without_history_fetches_by_id_list() -> None:
    spider = make_spider(batch_size=15, windows=[DAY])
    request = spider.esearch_request(spider.windows[0], root=True)
    (first,) = spider.parse_esearch(respond(request, (PUBMED_XML / "biopython_esearch1.xml").read_bytes()))
    assert first.meta["kind"] == "efetch_ids" and "id=41282813%2C41148224" in first.body.decode()
    chain = _fetch_all(spider, first, b"<PubmedArticleSet></PubmedArticleSet>")
    assert [len(r.meta["ids"]) for r in chain] == [15, 5]


def test_windows_already_fetched_are_not_fetched_twice() -> None:
    spider = make_spider(batch_size=200, max_window_hits=50000)
    body = (PUBMED_XML / "biopython_esearch2.xml").read_bytes()
    request = spider.esearch_request(Window("q", datetype="mdat", mindate=date(2026, 1, 1), maxdate=date(2026, 1, 1)))
    assert len(list(spider.parse_esearch(respond(request, body)))) == 1
    again = spider.esearch_request(Window("q", term_field="crdt", mindate=date(2026, 1, 1), maxdate=date(2026, 1, 1)))
    assert list(spider.parse_esearch(respond(again, body))) == []


def test_esearch_error_rejects_the_query_with_ncbi_text() -> None:
    spider = make_spider()
    request = spider.esearch_request(spider.windows[0], root=True)
    body = b"<eSearchResult><ERROR>Invalid query: unbalanced parentheses</ERROR></eSearchResult>"
    with pytest.raises(CloseSpider):
        list(spider.parse_esearch(respond(request, body)))
    assert isinstance(spider.fatal, QueryRejected)
    assert "Invalid query: unbalanced parentheses" in str(spider.fatal)


def test_transient_esearch_error_and_broken_body_are_retried() -> None:
    spider = make_spider()
    request = spider.esearch_request(spider.windows[0], root=True)
    (retry,) = spider.parse_esearch(respond(request, b"<eSearchResult><ERROR>Search Backend failed: x</ERROR>"
                                                     b"</eSearchResult>"))
    assert retry.meta["retry_times"] == 1 and retry.url == request.url
    (retry,) = spider.parse_esearch(respond(request, b"<eSearchResult><Count>4</Count><IdList><Id>1"))
    assert retry.meta["retry_times"] == 1


def _efetch_request(spider: PubmedSpider, ids: list[str]) -> Request:
    return spider.efetch_ids_request(ids)


def test_efetch_yields_records_then_batch_end_and_notes_omitted_ids() -> None:
    """Real efetch answer with PMIDs 12091962 and 9997; a third requested id did not come back."""
    spider = make_spider()
    spider.wanted.update(dict.fromkeys(["12091962", "9997", "1"]))
    request = _efetch_request(spider, ["12091962", "9997", "1"])
    out = list(spider.parse_efetch(respond(request, (PUBMED_XML / "biopython_pubmed1.xml").read_bytes())))
    assert [type(o) for o in out] == [RawRecord, RawRecord, BatchEnd]
    assert [o.key for o in out[:2]] == ["12091962", "9997"] and out[2].records == 2
    assert spider.outcome == {"1": "omitted"}
    assert spider.outcome_lists() == (["1"], [])


def test_truncated_efetch_body_is_retried_then_counted_failed() -> None:
    spider = make_spider()
    body = (PUBMED_XML / "biopython_pubmed2.xml").read_bytes()
    request = _efetch_request(spider, ["11748933", "11700088"])
    spider.wanted.update(dict.fromkeys(["11748933", "11700088"]))
    (retry,) = spider.parse_efetch(respond(request, body[: len(body) // 2]))
    assert isinstance(retry, Request) and retry.meta["retry_times"] == 1
    retry.meta["retry_times"] = 5  # retries used up
    assert list(spider.parse_efetch(respond(retry, body[:-40]))) == []
    assert spider.outcome_lists() == ([], ["11748933", "11700088"])


@pytest.mark.parametrize("status", [200, 400])
def test_expired_webenv_searches_again_and_resends_the_batch(status: int) -> None:
    spider = make_spider(batch_size=40, max_window_hits=50000, windows=[DAY])
    search = spider.esearch_request(spider.windows[0], root=True)
    esearch_body = (PUBMED_XML / "biopython_esearch2.xml").read_bytes()
    (batch,) = spider.parse_esearch(respond(search, esearch_body))
    (refresh,) = spider.parse_efetch(respond(batch, EXPIRED_BODY, status))
    assert refresh.meta["refresh"] is not None and "usehistory=y" in refresh.url
    (resent,) = spider.parse_esearch(respond(refresh, esearch_body.replace(b"MCID_6927", b"MCID_NEW0")))
    assert resent.meta["retstart"] == 0 and "WebEnv=MCID_NEW0" in resent.body.decode()
    # A request built with the old WebEnv that expires after the re-search is re-sent at once.
    (again,) = spider.parse_efetch(respond(batch, EXPIRED_BODY, status))
    assert again.meta["retstart"] == 0 and "MCID_NEW0" in again.body.decode()
    # The chain goes on with the new WebEnv.
    (following,) = [o for o in spider.parse_efetch(respond(resent, b"<PubmedArticleSet></PubmedArticleSet>"))
                    if isinstance(o, Request)]
    assert following.meta["retstart"] == 40 and "MCID_NEW0" in following.body.decode()


def test_failed_re_search_falls_back_to_id_lists() -> None:
    spider = make_spider(batch_size=40, max_window_hits=50000, windows=[DAY])
    search = spider.esearch_request(spider.windows[0], root=True)
    (batch,) = spider.parse_esearch(respond(search, (PUBMED_XML / "biopython_esearch2.xml").read_bytes()))
    (refresh,) = spider.parse_efetch(respond(batch, EXPIRED_BODY))
    refresh.meta["retry_times"] = 5
    (by_ids,) = spider.parse_esearch(respond(refresh, b"<html>Bad Gateway</html>"))
    assert by_ids.meta["kind"] == "efetch_ids" and by_ids.meta["ids"] == batch.meta["ids"]


def test_sweep_reasks_left_out_ids_in_smaller_batches_then_gives_up() -> None:
    spider = make_spider(batch_size=4)
    spider.wanted.update(dict.fromkeys(["1", "2", "3"]))
    first = spider._sweep_requests()
    assert [r.meta["ids"] for r in first] == [["1", "2"], ["3"]]
    second = spider._sweep_requests()
    assert [r.meta["ids"] for r in second] == [["1"], ["2"], ["3"]]
    assert spider._sweep_requests() == []  # HARVEST_MISSING_ATTEMPTS = 2


def test_full_run_checks_stored_ids_the_search_no_longer_lists() -> None:
    spider = make_spider(known_ids=["9997", "12091962"])
    spider.wanted.update(dict.fromkeys(["12091962"]))
    spider.received.add("12091962")
    (request,) = spider._reconcile_requests()
    assert request.meta["ids"] == ["9997"]
    assert spider._reconcile_requests() == []


def test_pmc_full_text_is_requested_for_records_with_a_pmcid_and_parsed() -> None:
    spider = make_spider(with_fulltext=True)
    request = _efetch_request(spider, ["27797938"])
    out = list(spider.parse_efetch(respond(request, (PUBMED_XML / "biopython_pubmed4.xml").read_bytes())))
    assert any(isinstance(o, RawRecord) and o.pmcid == "PMC5442267" for o in out)
    (pmc_request,) = spider._pmc_requests(force=True)
    assert "db=pmc" in pmc_request.body.decode() and "id=5442267" in pmc_request.body.decode()
    article = (PMC_KETAMINE / "PMC4940009.nxml").read_bytes()
    body = b"<pmc-articleset>" + article[article.index(b"<article"):] + b"</pmc-articleset>"
    out = list(spider.parse_pmc(respond(pmc_request, body)))
    assert [(o.kind, o.key) for o in out if isinstance(o, RawRecord)] == [("pmc", "PMC4940009")]
    assert spider.crawler.stats.get_value("harvest/pmc/unavailable") == 1  # PMC5442267 was not in the answer
