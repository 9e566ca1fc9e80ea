"""The PubMed spider: esearch windows on the history server, efetch POST batches, PMC full text.

Flow, per search window (``ketamine_evidence.harvest.eutils.Window``):

1. ``esearch`` with ``usehistory=y`` returns the count, the PMIDs and a ``WebEnv``. A window with
   ``max_window_hits`` hits or more, or whose answer lists fewer ids than its ``Count`` (a server
   whose paging cap is lower than configured), or that refuses the ``retstart``, is split in two
   date halves and searched again, down to single days. A single day still over the server's cap
   is fetched up to the cap; the rest is counted *beyond cap* and makes the run partial.
   Ids that are not PMIDs (digits) are refused and counted.
2. ``efetch`` POSTs ``WebEnv``/``query_key``/``retstart``/``retmax`` in adaptive batches
   (``windows.BatchSizer``: up to ``batch_size``, at most 500; halved on a cut or slow body),
   one after the other (the next batch is built when the previous one is done, so it always
   carries the window's current ``WebEnv``). Each body must be one complete ``PubmedArticleSet``
   (``split_efetch``), else it is retried (``get_retry_request``). An expired ``WebEnv``
   ("Unable to obtain query #1") re-runs that window's esearch and re-sends the batch with the
   new ``WebEnv`` (or by id list if the re-search fails).
3. When the crawl goes idle (``sweep.SweepMixin``), every PMID the searches listed but no efetch
   returned is asked for again by id list in smaller batches (``HARVEST_MISSING_ATTEMPTS`` times).
   Ids NCBI answers without are *missing* (deleted: normal in PubMed); ids whose last request
   failed in transport are *failed* and make the run partial. A record larger than
   ``HARVEST_MAX_RECORD_BYTES`` or whose key is not a PMID/PMCID is *refused* (counted, not stored).
4. PMC full text (``fulltext.FullTextMixin``) is fetched for the PMCIDs the records name.

The spider only builds requests and reads responses; records go to the item pipelines
(``ketamine_evidence.harvest.pipelines``) followed by a ``BatchEnd`` marker per efetch answer.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterable, Iterator
from datetime import date
from typing import Any
from urllib.parse import urlencode

from scrapy import FormRequest, Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.http import Response
from twisted.python.failure import Failure

from ketamine_evidence.base.errors import Unreachable
from ketamine_evidence.harvest.eutils import (EutilsBodyError, Window, efetch_error, endpoint, is_expired_history,
                                              is_transient, parse_esearch)
from ketamine_evidence.harvest.items import BatchEnd
from ketamine_evidence.harvest.pubmed_xml import TruncatedBody, split_efetch
from ketamine_evidence.harvest.spiders.fulltext import FullTextMixin
from ketamine_evidence.harvest.spiders.outcomes import OutcomeMixin
from ketamine_evidence.harvest.spiders.sweep import SweepMixin
from ketamine_evidence.harvest.spiders.windows import BatchSizer, WindowState, one_line

log = logging.getLogger(__name__)
_one_line = one_line

#: HTTP statuses passed to callbacks: NCBI answers some ERRORs (bad WebEnv, bad query) with 400.
HANDLED_STATUSES = [400]
#: Encoded parameters longer than this are POSTed rather than put in the URL.
LONG_QUERY = 1000
#: NCBI's advice for efetch from the history server: up to 500 records per request.
MAX_BATCH = 500


class PubmedSpider(OutcomeMixin, FullTextMixin, SweepMixin, Spider):
    name = "pubmed"
    handled_statuses = HANDLED_STATUSES

    def __init__(self, *, windows: Iterable[Window], eutils_url: str, identity: dict[str, str] | None = None,
                 batch_size: int = MAX_BATCH, max_window_hits: int = 9999, with_fulltext: bool = False,
                 known_ids: Iterable[str] = (), store: Any = None, run_id: int | None = None,
                 today: date | None = None, max_record_bytes: int = 8_000_000, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.windows = list(windows)
        self.eutils_url = eutils_url
        self.identity = dict(identity or {})
        self.sizer = BatchSizer(maximum=max(1, min(batch_size, MAX_BATCH)))
        self.max_record_bytes = max_record_bytes
        self.max_window_hits = max_window_hits
        self.with_fulltext = with_fulltext
        self.known_ids = [str(i) for i in known_ids]
        self.store = store          # used by ketamine_evidence.harvest.pipelines.StorePipeline
        self.run_id = run_id
        self.today = today
        # What the searches listed (ordered), what came back, and why the rest did not.
        self.wanted: dict[str, None] = {}
        self.assigned: set[str] = set()
        self.received: set[str] = set()
        self.outcome: dict[str, str] = {}       # pmid -> "omitted" | "failed"
        self.sweeps: dict[str, int] = {}
        self.reconciled = not self.known_ids
        self.searched: list[str] = []           # labels of windows whose ids were fetched
        self.failed_windows: list[str] = []
        self.incomplete_windows: list[str] = []
        self.unfetched_hits = 0                 # beyond cap: hits of single days the server would not list
        self.refused: dict[str, str] = {}       # key -> why it was refused (not a PMID, too large)
        self.interrupted = False                # set by crawl.py's SIGINT/SIGTERM handler
        self.split_hits: dict[int, list[int]] = {}  # split search -> [its count, sum of its windows' counts]
        self.any_response = False
        self.fatal: BaseException | None = None
        self._init_fulltext()
        # Tunables (read from settings in from_crawler).
        self.missing_attempts = 2
        self.pmc_batch = 20
        self.max_refreshes = 2
        self.first_search_retries: int | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> "PubmedSpider":
        spider = super().from_crawler(crawler, *args, **kwargs)
        settings = crawler.settings
        spider.missing_attempts = settings.getint("HARVEST_MISSING_ATTEMPTS", 2)
        spider.pmc_batch = max(1, settings.getint("HARVEST_PMC_BATCH", 20))
        spider.max_refreshes = settings.getint("HARVEST_MAX_REFRESHES", 2)
        spider.first_search_retries = settings.getint("RETRY_FIRST_SEARCH_TIMES", 2)
        spider.max_record_bytes = settings.getint("HARVEST_MAX_RECORD_BYTES", spider.max_record_bytes)
        spider.sizer.slow_s = settings.getfloat("HARVEST_SLOW_BODY_S", spider.sizer.slow_s)
        crawler.signals.connect(spider.on_idle, signal=signals.spider_idle)
        crawler.signals.connect(spider.on_error, signal=signals.spider_error)
        return spider

    # ---------------------------------------------------------------- requests

    async def start(self) -> AsyncIterator[Request]:
        for tree, window in enumerate(self.windows):
            yield self.esearch_request(window, root=True, tree=tree)

    def esearch_request(self, window: Window, *, root: bool = False, refresh: WindowState | None = None,
                        tree: int = 0) -> Request:
        params = {"db": "pubmed", "usehistory": "y", "retmode": "xml", "retstart": "0",
                  "retmax": str(self.max_window_hits), **window.params(), **self.identity}
        meta: dict[str, Any] = {"kind": "esearch", "window": window, "root": root, "refresh": refresh, "tree": tree,
                                "handle_httpstatus_list": HANDLED_STATUSES}
        if root and self.first_search_retries is not None:
            meta["max_retry_times"] = self.first_search_retries
        query = urlencode(params)
        if len(query) > LONG_QUERY:  # long terms go in a POST body, as Bio.Entrez does
            return FormRequest(endpoint(self.eutils_url, "esearch"), formdata=params, callback=self.parse_esearch,
                               errback=self.esearch_failed, meta=meta, dont_filter=True)
        return Request(f"{endpoint(self.eutils_url, 'esearch')}?{query}", callback=self.parse_esearch,
                       errback=self.esearch_failed, meta=meta, dont_filter=True)

    def efetch_history_request(self, state: WindowState, retstart: int, retmax: int, refreshes: int = 0) -> Request:
        formdata = {"db": "pubmed", "retmode": "xml", "WebEnv": state.webenv or "", "query_key": state.query_key or "",
                    "retstart": str(retstart), "retmax": str(retmax), **self.identity}
        meta = {"kind": "efetch", "state": state, "generation": state.generation, "retstart": retstart,
                "retmax": retmax, "refreshes": refreshes, "ids": state.ids[retstart:retstart + retmax],
                "handle_httpstatus_list": HANDLED_STATUSES}
        return FormRequest(endpoint(self.eutils_url, "efetch"), formdata=formdata, callback=self.parse_efetch,
                           errback=self.efetch_failed, meta=meta, dont_filter=True)

    def efetch_ids_request(self, ids: list[str], state: WindowState | None = None) -> Request:
        formdata = {"db": "pubmed", "retmode": "xml", "id": ",".join(ids), **self.identity}
        meta = {"kind": "efetch_ids", "ids": list(ids), "state": state, "handle_httpstatus_list": HANDLED_STATUSES}
        return FormRequest(endpoint(self.eutils_url, "efetch"), formdata=formdata, callback=self.parse_efetch,
                           errback=self.efetch_failed, meta=meta, dont_filter=True)

    # ---------------------------------------------------------------- esearch

    def parse_esearch(self, response: Response) -> Iterator[Any]:
        meta = response.meta
        window: Window = meta["window"]
        state: WindowState | None = meta.get("refresh")
        try:
            result = parse_esearch(response.body)
        except EutilsBodyError as exc:
            if response.status == 400 and state is None:
                self._reject(f"E-utilities answered HTTP 400 to the search: {_one_line(response.text)}")
            retry = self._retry(response, "unreadable esearch body")
            if retry is not None:
                yield retry
            else:
                yield from self._search_failed(meta, str(exc))
            return
        if result.error and "retstart" in result.error.lower() and state is None:
            # The server refuses to page this far: its cap is below ours. Split, as for a short list.
            yield from self._over_cap(meta, window, None, [], reason="refused the paging")
            return
        if result.error:
            if is_transient(result.error):
                retry = self._retry(response, "esearch error")
                if retry is not None:
                    yield retry
                else:
                    yield from self._search_failed(meta, result.error)
                return
            if state is not None:
                yield from self._search_failed(meta, result.error)
                return
            self._reject(f"PubMed rejected the query: {_one_line(result.error)}")
        self.any_response = True
        ids = self._valid_ids(result.ids)
        if result.phrases_not_found:
            self.crawler.stats.inc_value("harvest/esearch/phrase_not_found")
            if meta.get("root") and not window.dated and result.count == 0:
                self._reject("PubMed found nothing: phrase not found: " + "; ".join(result.phrases_not_found))
            log.warning("PubMed did not find the phrase(s) %s (window %s)", result.phrases_not_found, window.label)
        if state is not None:
            yield from self._refreshed(state, ids, result.webenv, result.query_key)
            return
        self.crawler.stats.inc_value("harvest/esearch/windows")
        listed = len(result.ids)
        if result.count >= self.max_window_hits or listed < result.count:
            # Too many hits for our window size, or the server listed fewer than its Count
            # (its cap is lower than ours): the server's answer decides, whatever max_window_hits says.
            reason = f"has {result.count} hits" if listed >= result.count else f"listed {listed} of {result.count} ids"
            split = list(self._over_cap(meta, window, result.count, ids, reason=reason, listed=listed))
            if split:
                yield from split
                return
        self.searched.append(window.label)
        if meta.get("tree", 0) in self.split_hits:
            self.split_hits[meta.get("tree", 0)][1] += result.count
        self.crawler.stats.inc_value("harvest/esearch/hits", result.count)
        for pmid in ids:
            self.wanted.setdefault(pmid)
        state = WindowState(window, ids, result.webenv, result.query_key)
        yield from self._next_batch(state)

    def _over_cap(self, meta: dict[str, Any], window: Window, count: int | None, ids: list[str], *,
                  reason: str, listed: int = 0) -> Iterator[Request]:
        """Split ``window`` in date halves; a single day cannot be split: fetch what it listed, count the rest."""
        halves = window.split(self.today)
        if halves is not None:
            self.crawler.stats.inc_value("harvest/esearch/window_splits")
            log.info("window %s %s: splitting into %s and %s", window.label, reason, halves[0].label,
                     halves[1].label)
            if meta.get("root") and count is not None:
                self.split_hits[meta.get("tree", 0)] = [count, 0]
                # The ids this search listed are wanted even if no date window lists them again
                # (a record without that date): the idle sweep fetches those by id.
                for pmid in ids:
                    self.wanted.setdefault(pmid)
            for half in halves:
                yield self.esearch_request(half, tree=meta.get("tree", 0))
            return
        self.crawler.stats.inc_value("harvest/esearch/unsplittable_windows")
        self.incomplete_windows.append(window.label)
        if count is None:  # the day's search itself was refused: nothing listed, count unknown
            log.error("window %s %s on a single day: it cannot be searched", window.label, reason)
            self.failed_windows.append(window.label)
            return
        beyond = max(0, count - listed)
        log.error("window %s has %d hits on a single day but the server lists %d: %d are beyond its cap",
                  window.label, count, listed, beyond)
        self.unfetched_hits += beyond

    def _next_batch(self, state: WindowState) -> Iterator[Request]:
        """The window's next efetch batch (skipping batches an earlier window already fetches)."""
        while state.cursor < len(state.ids):
            start = state.cursor
            chunk = state.ids[start:start + self.sizer.size]
            state.cursor += len(chunk)
            if all(pmid in self.assigned for pmid in chunk):
                continue
            self.assigned.update(chunk)
            if state.webenv and state.query_key:
                yield self.efetch_history_request(state, start, len(chunk))
            else:
                yield self.efetch_ids_request(chunk, state)
            return

    def _continue(self, meta: dict[str, Any]) -> Iterator[Request]:
        """A window's batch is done (fetched or given up): send the window's next one."""
        state: WindowState | None = meta.get("state")
        if state is not None and not self.interrupted:
            yield from self._next_batch(state)

    def _refreshed(self, state: WindowState, ids: list[str], webenv: str | None, query_key: str | None
                   ) -> Iterator[Request]:
        """A re-search after an expired WebEnv: new handle, re-send the parked batches."""
        self.crawler.stats.inc_value("harvest/esearch/refreshes")
        if not (webenv and query_key):
            yield from self._fetch_by_ids(state, "the re-search returned no WebEnv")
            return
        state.refreshing = False
        parked, state.parked = state.parked, []
        state.webenv, state.query_key, state.ids = webenv, query_key, list(ids)
        state.generation += 1
        for pmid in ids:
            self.wanted.setdefault(pmid)
        for retstart, retmax, refreshes in parked:
            yield self.efetch_history_request(state, retstart, retmax, refreshes)

    def _fetch_by_ids(self, state: WindowState, reason: str) -> Iterator[Request]:
        """No new WebEnv: fetch the rest of this window by id list, which needs no history."""
        log.warning("window %s: %s; fetching its ids by id list", state.window.label, reason)
        state.refreshing, state.webenv, state.query_key = False, None, None
        parked, state.parked = state.parked, []
        for retstart, retmax, _ in parked:
            yield self.efetch_ids_request(state.ids[retstart:retstart + retmax], state)

    def esearch_failed(self, failure: Failure) -> list[Request]:
        meta = failure.request.meta
        if meta.get("root") and not self.any_response:
            self.abort(self._unreachable(failure), "unreachable")  # (raising here would log a traceback)
            return []
        return list(self._search_failed(meta, self._describe(failure)))

    def _search_failed(self, meta: dict[str, Any], reason: str) -> Iterator[Request]:
        state: WindowState | None = meta.get("refresh")
        if state is not None:
            yield from self._fetch_by_ids(state, f"re-search failed: {_one_line(reason)}")
            return
        window: Window = meta["window"]
        if meta.get("root") and not self.any_response:
            self.abort(Unreachable(
                f"NCBI E-utilities at {self.eutils_url} gave no usable answer to the search ({_one_line(reason)}); "
                "try again later or use --source snapshot"), "unreachable")
            return
        log.error("search window %s failed: %s", window.label, reason)
        self.crawler.stats.inc_value("harvest/esearch/failed_windows")
        self.failed_windows.append(window.label)

    # ---------------------------------------------------------------- efetch

    def parse_efetch(self, response: Response) -> Iterator[Any]:
        meta = response.meta
        error = efetch_error(response.body)
        if error is not None:
            if meta["kind"] == "efetch" and is_expired_history(error):
                yield from self._expired(meta)
                return
            yield from self._retry_or_fail(response, f"efetch error: {_one_line(error)}")
            return
        try:
            records = split_efetch(response.body, source="pubmed")
        except TruncatedBody as exc:
            self.sizer.shrink()  # later batches ask for fewer records: smaller bodies are cut less often
            yield from self._retry_or_fail(response, f"incomplete efetch body ({exc})")
            return
        self.any_response = True
        self.sizer.fetched(float(meta.get("download_latency") or 0.0))
        stats = self.crawler.stats
        stats.inc_value("harvest/efetch/batches")
        stats.inc_value("harvest/efetch/records", len(records))
        for record in records:
            self.received.add(record.key)
            self.outcome.pop(record.key, None)
            self.wanted.setdefault(record.key)
            if not self._accept(record):
                continue
            if self.with_fulltext and record.pmcid:
                self._want_pmc(record.pmcid)
            yield record
        yield BatchEnd("pubmed", len(records))
        omitted = [pmid for pmid in meta["ids"] if pmid not in self.received]
        for pmid in omitted:
            self.outcome[pmid] = "omitted"
        if omitted:
            stats.inc_value("harvest/efetch/omitted", len(omitted))
            log.info("efetch left out %d of %d requested ids; they will be asked for again", len(omitted),
                     len(meta["ids"]))
        yield from self._continue(meta)
        yield from self._pmc_requests(force=False)

    def _expired(self, meta: dict[str, Any]) -> Iterator[Request]:
        state: WindowState = meta["state"]
        self.crawler.stats.inc_value("harvest/efetch/expired_webenv")
        refreshes = meta["refreshes"] + 1
        if refreshes > self.max_refreshes:
            log.warning("WebEnv of %s keeps expiring; its ids will be fetched by id list", state.window.label)
            yield from self._continue(meta)
            return
        if state.generation != meta["generation"] or not state.webenv:  # already searched again
            if state.webenv:
                yield self.efetch_history_request(state, meta["retstart"], meta["retmax"], refreshes)
            else:
                yield self.efetch_ids_request(meta["ids"], state)
            return
        state.parked.append((meta["retstart"], meta["retmax"], refreshes))
        if not state.refreshing:
            state.refreshing = True
            log.info("WebEnv of window %s expired: searching again", state.window.label)
            yield self.esearch_request(state.window, refresh=state)

    def _retry_or_fail(self, response: Response, reason: str) -> Iterator[Request]:
        retry = self._retry(response, reason)
        if retry is not None:
            yield retry
            return
        meta = response.meta
        if meta["kind"] == "pmc":
            self._pmc_give_up(meta["pmcids"], reason)
        else:
            self._batch_failed(meta["ids"], reason)
            yield from self._continue(meta)

    def efetch_failed(self, failure: Failure) -> list[Request]:
        meta = failure.request.meta
        self._batch_failed(meta["ids"], self._describe(failure))
        return list(self._continue(meta))

    def _batch_failed(self, ids: list[str], reason: str) -> None:
        failed = [pmid for pmid in ids if pmid not in self.received]
        for pmid in failed:
            self.outcome[pmid] = "failed"
        self.crawler.stats.inc_value("harvest/efetch/failed_batches")
        log.warning("efetch of %d ids failed after retries (%s)", len(failed), _one_line(reason))
