"""Entry point of the PubMed harvest: plan the search windows, run the Scrapy crawl, report.

``crawl_pubmed`` is what ``ketamine-evidence harvest --source pubmed`` calls with an open,
locked store and a run it has begun. It runs Scrapy's ``CrawlerProcess`` in this process, so it
can be called once per process (Twisted's reactor cannot be restarted).

Incremental logic: the first run (or ``full=True``) searches the whole query; later runs search
only what was modified (``datetype=mdat``) or created (``[crdt]``) since the last *successful*
run of the same query, minus ``overlap_days``. A run that was killed never became successful,
so the next run starts again from the one before it; saves are idempotent.
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import Any

from ketamine_evidence import __version__
from ketamine_evidence.base.config import Config
from ketamine_evidence.base.errors import HarvestError

from ketamine_evidence.harvest.eutils import Window, full_windows, identity_params, incremental_windows

log = logging.getLogger(__name__)
_crawled = False  # Twisted's reactor runs once per process


@dataclass
class CrawlResult:
    """What one crawl did; ``status`` is ``ok`` or ``partial`` (some records failed in transport)."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    missing: int = 0
    windows: list[str] = field(default_factory=list)
    requests: int = 0
    retries: int = 0
    status: str = "ok"
    incremental_since: str | None = None
    hits: int = 0
    fulltext: int = 0
    failed_windows: list[str] = field(default_factory=list)
    incomplete_windows: list[str] = field(default_factory=list)   # single days over the paging limit
    unlisted: int = 0                                             # their hits that could not be listed
    missing_pmids: list[str] = field(default_factory=list)
    failed_pmids: list[str] = field(default_factory=list)
    stats: dict[str, Any] = field(default_factory=dict)

    @property
    def note(self) -> str:
        """One line for the run's ``note``: what made it partial, what went missing."""
        parts = []
        if self.incremental_since:
            parts.append(f"incremental since {self.incremental_since}")
        if self.missing:
            parts.append(f"{self.missing} ids no longer served by NCBI")
        if self.failed - self.unlisted:
            parts.append(f"{self.failed - self.unlisted} records failed after retries")
        if self.unlisted:
            parts.append(f"{self.unlisted} hits beyond the paging limit in {', '.join(self.incomplete_windows)}")
        if self.failed_windows:
            parts.append(f"search windows failed: {', '.join(self.failed_windows)}")
        return "; ".join(parts)


def plan_windows(config: Config, store: Any, query: str, full: bool, today: date | None = None
                 ) -> tuple[list[Window], date | None]:
    """The search windows of this run and the date an incremental run starts from (None if full)."""
    if full:
        return full_windows(query), None
    last = store.last_successful_run(source="pubmed", query=query)
    if last is None:
        return full_windows(query), None
    started = datetime.fromisoformat(last.started.replace("Z", "+00:00"))
    if started.tzinfo is None:
        started = started.replace(tzinfo=timezone.utc)
    since = started.astimezone(timezone.utc).date() - timedelta(days=config.pubmed.overlap_days)
    # NCBI dates are US Eastern: let the window run to tomorrow so nothing dated "today" there is cut.
    until = (today or datetime.now(timezone.utc).date()) + timedelta(days=1)
    return incremental_windows(query, since, until), since


def scrapy_settings(config: Config, overrides: dict[str, Any] | None = None) -> Any:
    """Scrapy settings: ``ketamine_evidence.harvest.settings`` plus the config's rate, timeout and identity."""
    from scrapy.settings import Settings

    settings = Settings()
    settings.setmodule("ketamine_evidence.harvest.settings", priority="project")
    pm = config.pubmed
    settings.set("DOWNLOAD_DELAY", settings.getfloat("RATE_MARGIN") / pm.max_rate, priority="project")
    settings.set("DOWNLOAD_TIMEOUT", pm.timeout_s, priority="project")
    contact = f"; mailto:{pm.email}" if pm.email else ""
    settings.set("USER_AGENT", f"{pm.tool or 'ketamine-evidence'}/{__version__} (Scrapy{contact})", priority="project")
    if overrides:
        settings.update(overrides, priority="cmdline")
    return settings


def _known_pubmed_ids(store: Any) -> list[str]:
    """PMIDs a full re-run should still find: live records this harvester (not the snapshot) stored."""
    return [r.key for r in store.iter_records(kind="pubmed") if r.source == "pubmed"]


def crawl_pubmed(config: Config, store: Any, run_id: int, *, query: str, full: bool = False,
                 with_fulltext: bool = False, progress: bool = True,
                 settings: dict[str, Any] | None = None) -> CrawlResult:
    """Harvest ``query`` from E-utilities into ``store`` under ``run_id``; return what happened.

    Raises ``Unreachable`` (exit 3) when the first search gets no answer, ``QueryRejected``
    (exit 4) when PubMed rejects the query, and re-raises a store error. Ids NCBI no longer
    serves are marked missing in the store; the result is ``partial`` when records failed in
    transport after all retries. ``settings`` overrides Scrapy settings (tests, benchmarks).
    """
    global _crawled
    if _crawled:
        raise HarvestError("crawl_pubmed can run once per process (Twisted's reactor cannot restart): "
                           "start a new process for the next harvest")
    from scrapy import signals
    from scrapy.crawler import CrawlerProcess

    from ketamine_evidence.harvest.items import RawRecord
    from ketamine_evidence.harvest.spiders.pubmed import PubmedSpider

    today = datetime.now(timezone.utc).date()
    windows, since = plan_windows(config, store, query, full, today)
    # A --full run of a query harvested before also checks the records it stored that the search no
    # longer lists (deleted in PubMed?); a query's first run has nothing of its own to check.
    rerun = full and store.last_successful_run(source="pubmed", query=query) is not None
    known = _known_pubmed_ids(store) if rerun else []
    log.info("harvesting PubMed from %s: %s", config.pubmed.eutils_url,
             "everything" if since is None else f"changes since {since.isoformat()}")

    levels = {name: logging.getLogger(name).level for name in ("scrapy", "twisted", "py.warnings")}
    disabled = logging.root.manager.disable
    logging.disable(logging.INFO)  # Scrapy's start-up banner
    try:
        process = CrawlerProcess(scrapy_settings(config, settings))
    finally:
        logging.disable(disabled)
    for name, level in levels.items():  # Scrapy resets its loggers to DEBUG; the CLI's choice stands
        logging.getLogger(name).setLevel(level)
    crawler = process.create_crawler(PubmedSpider)
    bar = _progress_bar(progress)
    if bar is not None:
        def _tick(item: Any, response: Any, spider: Any) -> None:
            if isinstance(item, RawRecord) and item.kind == "pubmed":
                bar.total = max(len(spider.wanted), bar.n + 1)
                bar.update(1)
        crawler.signals.connect(_tick, signal=signals.item_scraped, weak=False)
    process.crawl(crawler, windows=windows, eutils_url=config.pubmed.eutils_url,
                  identity=identity_params(config.pubmed.tool, config.pubmed.email, config.pubmed.api_key),
                  batch_size=config.pubmed.batch_size, max_window_hits=config.pubmed.max_window_hits,
                  with_fulltext=with_fulltext, known_ids=known, store=store, run_id=run_id, today=today)
    _crawled = True
    try:
        process.start()
    finally:
        if bar is not None:
            bar.close()
    spider: PubmedSpider | None = crawler.spider  # type: ignore[assignment]
    stats = dict(crawler.stats.get_stats()) if crawler.stats else {}
    if spider is None:
        raise HarvestError("the PubMed crawl did not start (see the log above)")
    if spider.fatal is not None:
        raise spider.fatal
    reason = stats.get("finish_reason")
    if reason == "shutdown":
        raise KeyboardInterrupt
    if reason not in ("finished", None):
        raise HarvestError(f"the PubMed crawl stopped early ({reason})")

    missing, failed = spider.outcome_lists()
    if missing:
        store.mark_missing(missing, run_id)
        log.warning("%d ids listed by the search are no longer served by NCBI: marked missing", len(missing))
    result = CrawlResult(
        new=int(stats.get("harvest/store/new", 0)), updated=int(stats.get("harvest/store/updated", 0)),
        unchanged=int(stats.get("harvest/store/unchanged", 0)),
        failed=len(failed) + len(spider.pmc_failed) + spider.unfetched_hits, missing=len(missing),
        windows=list(spider.searched), requests=int(stats.get("downloader/request_count", 0)),
        retries=int(stats.get("retry/count", 0)), incremental_since=since.isoformat() if since else None,
        hits=len(spider.wanted), fulltext=len(spider.pmc_received), failed_windows=list(spider.failed_windows),
        incomplete_windows=list(spider.incomplete_windows), unlisted=spider.unfetched_hits,
        missing_pmids=missing, failed_pmids=failed, stats=stats)
    if failed or spider.pmc_failed or spider.failed_windows or spider.incomplete_windows:
        result.status = "partial"
    log.info("PubMed crawl %s: %d requests (%d retries), %d new, %d updated, %d unchanged, %d failed, %d missing",
             result.status, result.requests, result.retries, result.new, result.updated, result.unchanged,
             result.failed, result.missing)
    return result


def _progress_bar(enabled: bool) -> Any:
    if not (enabled and sys.stderr.isatty()):
        return None
    from tqdm import tqdm

    return tqdm(total=0, unit="rec", desc="PubMed", file=sys.stderr, leave=False)
