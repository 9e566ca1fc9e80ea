"""The PubMed spider's last steps before closing: re-ask left-out ids, reconcile a full run, fetch queued full text.

A mixin of ``PubmedSpider`` connected to Scrapy's ``spider_idle`` signal. Ids that the searches
listed but no efetch returned are asked for again by id list in smaller batches
(``HARVEST_MISSING_ATTEMPTS`` times). On a ``--full`` re-run, stored ids the search no longer
lists are asked for too, so the ones NCBI stopped serving can be marked missing.
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy import Request
from scrapy.exceptions import DontCloseSpider

log = logging.getLogger(__name__)


class SweepMixin:
    """``on_idle`` and the id-list requests it schedules."""

    crawler: Any
    fatal: BaseException | None
    interrupted: bool
    wanted: dict[str, None]
    received: set[str]
    sweeps: dict[str, int]
    missing_attempts: int
    known_ids: list[str]
    reconciled: bool
    failed_windows: list[str]
    incomplete_windows: list[str]

    def on_idle(self) -> None:
        """Before closing: re-ask left-out ids, check stored ids (full runs), fetch queued full text."""
        if self.fatal is not None or self.interrupted:
            return
        requests = (self._sweep_requests() or self._reconcile_requests()
                    or self._pmc_requests(force=True))  # type: ignore[attr-defined]
        if requests:
            for request in requests:
                self.crawler.engine.crawl(request)
            raise DontCloseSpider

    def _sweep_requests(self) -> list[Request]:
        todo = [p for p in self.wanted if p not in self.received and self.sweeps.get(p, 0) < self.missing_attempts]
        if not todo:
            return []
        attempt = max(self.sweeps.get(p, 0) for p in todo) + 1
        size = max(1, self.sizer.maximum // (2 ** attempt))  # type: ignore[attr-defined]
        for pmid in todo:
            self.sweeps[pmid] = self.sweeps.get(pmid, 0) + 1
        self.crawler.stats.inc_value("harvest/efetch/reasked", len(todo))
        log.info("asking again for %d ids by id list (attempt %d)", len(todo), attempt)
        return [self.efetch_ids_request(todo[i:i + size]) for i in range(0, len(todo), size)]  # type: ignore[attr-defined]

    def _reconcile_requests(self) -> list[Request]:
        """Full runs: stored PubMed ids the search no longer lists are fetched by id; the ones
        NCBI no longer serves end up missing (deleted), the rest are kept (they left the query)."""
        if self.reconciled:
            return []
        self.reconciled = True
        if self.failed_windows or self.incomplete_windows:
            return []
        absent = [p for p in self.known_ids if p not in self.wanted]
        if not absent:
            return []
        self.crawler.stats.set_value("harvest/reconcile/absent_from_search", len(absent))
        log.info("%d stored ids are no longer listed by the search: checking whether NCBI still serves them",
                 len(absent))
        for pmid in absent:
            self.wanted.setdefault(pmid)
        return self._sweep_requests()
