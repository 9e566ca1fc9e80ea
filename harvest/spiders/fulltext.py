"""PMC full text for the PubMed spider: PMCIDs found in PubMed records, fetched from ``efetch db=pmc``.

A mixin of ``PubmedSpider``: it uses the spider's ``eutils_url``, ``identity``, ``crawler`` and
``_retry_or_fail``. Full text is optional (not every article is open access), so a PMCID that does
not come back is counted as unavailable; one whose request failed after retries makes the run partial.
A PMCID that is not ``PMC`` + digits is refused and counted.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

from scrapy import FormRequest, Request
from scrapy.http import Response
from twisted.python.failure import Failure

from ketamine_evidence.harvest.eutils import efetch_error, endpoint, split_pmc_articleset
from ketamine_evidence.harvest.items import BatchEnd
from ketamine_evidence.harvest.pubmed_xml import TruncatedBody
from ketamine_evidence.harvest.spiders.windows import normal_pmcid, one_line

log = logging.getLogger(__name__)


class FullTextMixin:
    """``efetch db=pmc`` requests and answers; state in ``pmc_wanted/queue/received/failed``."""

    crawler: Any
    eutils_url: str
    identity: dict[str, str]
    pmc_batch: int
    handled_statuses: list[int]

    def _init_fulltext(self) -> None:
        self.pmc_wanted: dict[str, None] = {}
        self.pmc_queue: list[str] = []
        self.pmc_received: set[str] = set()
        self.pmc_failed: set[str] = set()
        self.pmc_refused: set[str] = set()

    def efetch_pmc_request(self, pmcids: list[str]) -> Request:
        formdata = {"db": "pmc", "retmode": "xml", "id": ",".join(p.removeprefix("PMC") for p in pmcids),
                    **self.identity}
        meta = {"kind": "pmc", "pmcids": list(pmcids), "handle_httpstatus_list": self.handled_statuses}
        return FormRequest(endpoint(self.eutils_url, "efetch"), formdata=formdata, callback=self.parse_pmc,
                           errback=self.pmc_failed_errback, meta=meta, dont_filter=True)

    def _want_pmc(self, raw: str) -> None:
        pmcid = normal_pmcid(raw)
        if pmcid is None:
            self.pmc_refused.add(raw)
            self.crawler.stats.inc_value("harvest/refused/pmcid")
            log.warning("refused PMCID %r: not PMC + digits", one_line(raw, 40))
            return
        if pmcid not in self.pmc_wanted:
            self.pmc_wanted[pmcid] = None
            self.pmc_queue.append(pmcid)

    def _pmc_requests(self, *, force: bool) -> list[Request]:
        out = []
        while self.pmc_queue and (force or len(self.pmc_queue) >= self.pmc_batch):
            chunk, self.pmc_queue = self.pmc_queue[: self.pmc_batch], self.pmc_queue[self.pmc_batch:]
            out.append(self.efetch_pmc_request(chunk))
        return out

    def parse_pmc(self, response: Response) -> Iterator[Any]:
        error = efetch_error(response.body)
        if error is not None:
            yield from self._retry_or_fail(response, f"efetch db=pmc error: {one_line(error)}")  # type: ignore[attr-defined]
            return
        try:
            records = split_pmc_articleset(response.body, source="pmc")
        except TruncatedBody as exc:
            yield from self._retry_or_fail(response, f"incomplete PMC body ({exc})")  # type: ignore[attr-defined]
            return
        for record in records:
            if not self._accept(record):  # type: ignore[attr-defined]
                continue
            self.pmc_received.add(record.key)
            yield record
        yield BatchEnd("pmc", len(records))
        self.crawler.stats.inc_value("harvest/pmc/records", len(records))
        unavailable = [p for p in response.meta["pmcids"] if p not in self.pmc_received]
        if unavailable:  # not open access, or withdrawn: full text is optional
            self.crawler.stats.inc_value("harvest/pmc/unavailable", len(unavailable))

    def pmc_failed_errback(self, failure: Failure) -> None:
        self._pmc_give_up(failure.request.meta["pmcids"], self._describe(failure))  # type: ignore[attr-defined]

    def _pmc_give_up(self, pmcids: list[str], reason: str) -> None:
        failed = [p for p in pmcids if p not in self.pmc_received]
        self.pmc_failed.update(failed)
        self.crawler.stats.inc_value("harvest/pmc/failed", len(failed))
        log.warning("efetch db=pmc of %d articles failed after retries (%s)", len(failed), one_line(reason))
