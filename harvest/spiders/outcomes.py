"""How the PubMed spider refuses input, gives up, and accounts for every id at the end.

A mixin of ``PubmedSpider``: ids that are not PMIDs and records over the size limit are refused
and counted (``refused``); a fatal error stops the crawl (``abort``, re-raised by ``crawl.py``);
``outcome_lists`` sorts every id the searches listed that never came back into *missing* (NCBI
answered without it) or *failed* (its last request failed in transport).
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy import Request, Spider
from scrapy.downloadermiddlewares.retry import get_retry_request
from scrapy.exceptions import CloseSpider
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.defer import deferred_from_coro
from twisted.python.failure import Failure

from ketamine_evidence.base.errors import QueryRejected, Unreachable
from ketamine_evidence.harvest.items import RawRecord
from ketamine_evidence.harvest.spiders.windows import normal_pmcid, one_line, valid_pmid

log = logging.getLogger(__name__)
_one_line = one_line


class OutcomeMixin:
    """Refusals, fatal errors and the final missing/failed lists."""

    crawler: Any
    eutils_url: str
    fatal: BaseException | None
    refused: dict[str, str]
    max_record_bytes: int
    split_hits: dict[int, list[int]]
    failed_windows: list[str]
    windows: list[Any]
    wanted: dict[str, None]
    received: set[str]
    outcome: dict[str, str]

    def _valid_ids(self, ids: list[str]) -> list[str]:
        """The PMIDs of an id list; anything else (markup, letters, signs) is refused and counted."""
        good = []
        for pmid in ids:
            if valid_pmid(pmid):
                good.append(pmid)
            elif pmid not in self.refused:
                self.refused[pmid] = "not a PMID"
                self.crawler.stats.inc_value("harvest/refused/pmid")
                log.warning("refused id %r listed by esearch: not a PMID", _one_line(pmid, 40))
        return good

    def _accept(self, record: RawRecord) -> bool:
        """A record is stored only with a PMID/PMCID key and under the size limit; else refused, counted."""
        ok_key = valid_pmid(record.key) if record.kind == "pubmed" else normal_pmcid(record.key) == record.key
        reason = None
        if not ok_key:
            reason = "not a PMID" if record.kind == "pubmed" else "not a PMCID"
        elif len(record.xml) > self.max_record_bytes:
            reason = f"{len(record.xml):,} bytes, over the {self.max_record_bytes:,}-byte record limit"
        if reason is None:
            return True
        if record.kind == "pmc":
            self.pmc_refused.add(record.key)  # type: ignore[attr-defined]
            self.crawler.stats.inc_value("harvest/refused/pmc_records")
            log.warning("refused PMC record %r: %s", _one_line(record.key, 40), reason)
        elif record.key not in self.refused:
            self.refused[record.key] = reason
            self.crawler.stats.inc_value("harvest/refused/records")
            log.warning("refused %s record %r: %s", record.kind, _one_line(record.key, 40), reason)
        return False

    def on_error(self, failure: Failure, response: Response, spider: Spider) -> None:
        """A bug in a callback: stop the crawl rather than log and carry on with a hole."""
        self.abort(failure.value, "spider_error")

    # ---------------------------------------------------------------- helpers

    def abort(self, exc: BaseException, reason: str) -> None:
        """Stop the crawl because of ``exc`` (re-raised by ``crawl_pubmed`` when the reactor stops)."""
        self._set_fatal(exc, reason)
        try:
            engine = self.crawler.engine
        except RuntimeError:  # no crawl running (a callback called directly, as in the unit tests)
            return
        deferred_from_coro(engine.close_spider_async(reason=reason))

    def _set_fatal(self, exc: BaseException, reason: str) -> str:
        if self.fatal is None:
            self.fatal = exc
        return reason

    def _reject(self, message: str) -> None:
        raise CloseSpider(self._set_fatal(QueryRejected(message), "query_rejected"))

    def _retry(self, response: Response, reason: str) -> Request | None:
        return get_retry_request(response.request, spider=self, reason=reason)

    def _describe(self, failure: Failure) -> str:
        exc = failure.value
        if isinstance(exc, HttpError):
            return f"HTTP {exc.response.status}"
        return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__

    def _unreachable(self, failure: Failure) -> Unreachable:
        exc = failure.value
        if isinstance(exc, HttpError):
            status = exc.response.status
            if status in (429,) or status >= 500:
                return Unreachable(f"NCBI E-utilities at {self.eutils_url} answered HTTP {status} to every try; "
                                   "try again later or use --source snapshot")
            return Unreachable(f"no E-utilities service at {self.eutils_url} (HTTP {status}); check --eutils-url "
                               "or pubmed.eutils_url, or use --source snapshot")
        reason = _one_line(self._describe(failure))
        return Unreachable(f"cannot reach NCBI E-utilities at {self.eutils_url} ({reason}); "
                           "check the network or use --source snapshot")

    def closed(self, reason: str) -> None:
        for tree, (expected, found) in self.split_hits.items():
            if found < expected and not self.failed_windows:
                # Records without the split's date (or deleted mid-crawl) are in no window.
                log.warning("search %s had %d hits but its date windows only %d", self.windows[tree].label,
                            expected, found)
                self.crawler.stats.inc_value("harvest/esearch/hits_in_no_window", expected - found)
        missing, failed = self.outcome_lists()
        self.crawler.stats.set_value("harvest/efetch/missing_pmids", len(missing))
        self.crawler.stats.set_value("harvest/efetch/failed_pmids", len(failed))

    def outcome_lists(self) -> tuple[list[str], list[str]]:
        """(missing, failed): ids NCBI answered without, and ids whose last request failed."""
        missing, failed = [], []
        for pmid in self.wanted:
            if pmid in self.received:
                continue
            (missing if self.outcome.get(pmid) == "omitted" else failed).append(pmid)
        return missing, failed
