"""Entry point of the PubMed harvest: plan the search windows, run the Scrapy crawl, report.

``crawl_pubmed`` is what ``ketamine-evidence harvest --source pubmed`` calls with an open,
locked store and a run it has begun. It runs Scrapy's ``CrawlerProcess`` in this process, so it
can be called once per process (Twisted's reactor cannot be restarted).

Incremental logic: the first run (or ``full=True``) searches the whole query; later runs search
only what was modified (``datetype=mdat``) or created (``[crdt]``) since the last *successful*
run of the same query, minus ``overlap_days``. A run that was killed never became successful,
so the next run starts again from the one before it; saves are idempotent.

Honest endings: a run is ``ok`` only when the crawl finished normally and its account adds up
(``count`` = new + updated + unchanged + missing + failed + beyond_cap, PubMed records) with
nothing failed, refused or beyond the server's cap; otherwise ``partial``. SIGINT/SIGTERM during
the crawl stop it within ``STOP_GRACE_S`` seconds (a second signal at once), even while a request
hangs, and raise ``KeyboardInterrupt`` so the run is logged failed ("interrupted"), exit 130.
"""

from __future__ import annotations

import logging
import signal
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
#: Seconds a stop signal waits for the in-flight request before the reactor is stopped anyway.
STOP_GRACE_S = 3.0


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
    refused: int = 0                                              # ids/records refused (not a PMID, too large)
    account: dict[str, int] = field(default_factory=dict)         # count and its terms (PubMed records)
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
        failed = self.failed - self.unlisted - self.refused
        if failed:
            parts.append(f"{failed} records failed after retries")
        if self.refused:
            parts.append(f"{self.refused} ids or records refused (not a PMID/PMCID, or over the size limit)")
        if self.unlisted:
            parts.append(f"{self.unlisted} hits beyond the server's paging cap on "
                         f"{', '.join(self.incomplete_windows)}")
        if self.account and not account_adds_up(self.account):
            parts.append("the account does not add up: " + format_account(self.account))
        if self.failed_windows:
            parts.append(f"search windows failed: {', '.join(self.failed_windows)}")
        return "; ".join(parts)


def account_adds_up(account: dict[str, int]) -> bool:
    from ketamine_evidence.harvest.store_schema import ACCOUNT_TERMS

    return sum(int(account.get(t, 0)) for t in ACCOUNT_TERMS) == int(account.get("count", -1))


def format_account(account: dict[str, int]) -> str:
    """``count 1825 = 600 new + 0 updated + ... + 1225 beyond cap`` (``refused`` is part of failed)."""
    from ketamine_evidence.harvest.store_schema import ACCOUNT_TERMS

    terms = " + ".join(f"{int(account.get(t, 0))} {t.replace('_', ' ')}" for t in ACCOUNT_TERMS)
    refused = f" ({account['refused']} refused)" if account.get("refused") else ""
    sign = "=" if account_adds_up(account) else "!="
    return f"count {account.get('count')} {sign} {terms}{refused}"


class _Stopper:
    """SIGINT/SIGTERM during a crawl: mark the spider interrupted, close it gracefully, and stop the
    reactor after ``STOP_GRACE_S`` at most (a request may hang); a second signal stops it at once.
    Installed before Scrapy is even imported, so a signal during start-up is never lost."""

    def __init__(self) -> None:
        self.received = 0
        self.crawler: Any = None
        self.running = False
        self.previous: dict[int, Any] = {}

    def install(self) -> None:
        try:
            self.previous = {sig: signal.signal(sig, self.handler) for sig in (signal.SIGINT, signal.SIGTERM)}
        except ValueError:  # not the main thread: the embedding program owns signals
            self.previous = {}

    def restore(self) -> None:
        for sig, old in self.previous.items():
            signal.signal(sig, old)

    def handler(self, signum: int, frame: Any) -> None:
        self.received += 1
        spider = getattr(self.crawler, "spider", None)
        if spider is not None:
            spider.interrupted = True
        if self.received == 1:
            log.warning("%s received: stopping the harvest (batches already saved are kept)",
                        signal.Signals(signum).name)
        if not self.running:
            return  # not crawling yet: crawl_pubmed checks ``received`` before it starts the reactor
        from twisted.internet import reactor

        reactor.callFromThread(self._graceful if self.received == 1 else self._force)  # type: ignore[attr-defined]

    def _force(self) -> None:
        from twisted.internet import reactor

        if reactor.running:  # type: ignore[attr-defined]
            reactor.stop()  # type: ignore[attr-defined]

    def _graceful(self) -> None:
        from twisted.internet import reactor

        engine = getattr(self.crawler, "engine", None)
        if engine is not None and getattr(engine, "running", False):
            from scrapy.utils.defer import deferred_from_coro

            deferred_from_coro(self.crawler.stop_async())
        reactor.callLater(STOP_GRACE_S, self._force)  # type: ignore[attr-defined]


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
    if _crawled:
        raise HarvestError("crawl_pubmed can run once per process (Twisted's reactor cannot restart): "
                           "start a new process for the next harvest")
    stopper = _Stopper()
    stopper.install()
    try:
        return _crawl(stopper, config, store, run_id, query=query, full=full, with_fulltext=with_fulltext,
                      progress=progress, settings=settings)
    finally:
        stopper.restore()


def _crawl(stopper: _Stopper, config: Config, store: Any, run_id: int, *, query: str, full: bool,
           with_fulltext: bool, progress: bool, settings: dict[str, Any] | None) -> CrawlResult:
    global _crawled
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
                  with_fulltext=with_fulltext, known_ids=known, store=store, run_id=run_id, today=today,
                  max_record_bytes=int(config.pubmed.max_record_mb * 1_000_000))
    _crawled = True
    stopper.crawler = crawler
    if stopper.received:
        raise KeyboardInterrupt
    stopper.running = True
    try:
        process.start(install_signal_handlers=False)
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
    if spider.interrupted or reason == "shutdown":
        raise KeyboardInterrupt
    if reason != "finished":  # None: the reactor stopped before the spider closed
        raise HarvestError(f"the PubMed crawl stopped early ({reason or 'without finishing'})")

    missing, failed = spider.outcome_lists()
    if missing:
        store.mark_missing(missing, run_id)
        log.warning("%d ids listed by the search are no longer served by NCBI: marked missing", len(missing))
    result = CrawlResult(
        new=int(stats.get("harvest/store/new", 0)), updated=int(stats.get("harvest/store/updated", 0)),
        unchanged=int(stats.get("harvest/store/unchanged", 0)),
        failed=len(failed) + len(spider.pmc_failed) + spider.unfetched_hits + len(spider.refused),
        missing=len(missing), refused=len(spider.refused),
        windows=list(spider.searched), requests=int(stats.get("downloader/request_count", 0)),
        retries=int(stats.get("retry/count", 0)), incremental_since=since.isoformat() if since else None,
        hits=len(spider.wanted), fulltext=len(spider.pmc_received), failed_windows=list(spider.failed_windows),
        incomplete_windows=list(spider.incomplete_windows), unlisted=spider.unfetched_hits,
        missing_pmids=missing, failed_pmids=failed, stats=stats)
    result.account = {
        "count": len(set(spider.wanted) | set(spider.refused)) + spider.unfetched_hits,
        **{k: int(stats.get(f"harvest/store/pubmed/{k}", 0)) for k in ("new", "updated", "unchanged")},
        "missing": len(missing), "failed": len(failed) + len(spider.refused), "beyond_cap": spider.unfetched_hits,
        "refused": len(spider.refused)}
    if (failed or spider.refused or spider.pmc_failed or spider.failed_windows or spider.incomplete_windows
            or not account_adds_up(result.account)):
        result.status = "partial"
    log.info("PubMed crawl %s: %d requests (%d retries); %s", result.status, result.requests, result.retries,
             format_account(result.account))
    return result


def _progress_bar(enabled: bool) -> Any:
    if not (enabled and sys.stderr.isatty()):
        return None
    from tqdm import tqdm

    return tqdm(total=0, unit="rec", desc="PubMed", file=sys.stderr, leave=False)
