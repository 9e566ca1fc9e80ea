"""Item pipelines of the PubMed harvest, in ``ITEM_PIPELINES`` bands (see ``harvest/settings.py``).

100 ``DeduplicatePipeline`` drops a record already seen in this run (a PMID can come back from
two overlapping search windows); 700 ``ValidatePipeline`` refuses records without a key or XML;
900 ``StorePipeline`` buffers one efetch answer's records and saves them with one
``Store.save_batch`` call (one transaction) when the spider's ``BatchEnd`` marker arrives.
The store is the spider's ``store`` attribute (handed over by ``crawl.crawl_pubmed``).
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy import Spider
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from ketamine_evidence.harvest.items import BatchEnd, RawRecord

log = logging.getLogger(__name__)


class DeduplicatePipeline:
    """Drop the second copy of a (kind, key) within one run."""

    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats
        self.seen: set[tuple[str, str]] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> "DeduplicatePipeline":
        return cls(crawler)

    def process_item(self, item: Any, spider: Spider | None = None) -> Any:
        if isinstance(item, RawRecord):
            ident = (item.kind, item.key)
            if ident in self.seen:
                self.stats.inc_value("harvest/items/duplicates")
                raise DropItem(f"duplicate {item.kind} record {item.key}", log_level="DEBUG")
            self.seen.add(ident)
        return item


class ValidatePipeline:
    """A record must have a key, a known kind and XML bytes; anything else is a bug upstream."""

    KINDS = ("pubmed", "pmc")

    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> "ValidatePipeline":
        return cls(crawler)

    def process_item(self, item: Any, spider: Spider | None = None) -> Any:
        if isinstance(item, RawRecord):
            if not item.key or item.kind not in self.KINDS or not isinstance(item.xml, bytes) or not item.xml:
                self.stats.inc_value("harvest/items/invalid")
                raise DropItem(f"unusable record {item.kind}:{item.key!r}")
        return item


class StorePipeline:
    """Save records through ``Store.save_batch``, one efetch answer per transaction.

    Counts ``harvest/store/new|updated|unchanged`` in the crawl stats, in all and per kind
    (``harvest/store/pubmed/new`` ...). A store error stops the
    crawl (``spider.fatal``) rather than being logged and skipped, so no record is lost silently.
    """

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.stats = crawler.stats
        self.buffer: list[RawRecord] = []
        self.store: Any = None
        self.run_id: int | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> "StorePipeline":
        return cls(crawler)

    def open_spider(self, spider: Spider | None = None) -> None:
        spider = spider or self.crawler.spider
        self.store = getattr(spider, "store", None)
        self.run_id = getattr(spider, "run_id", None)
        if self.store is None:
            raise RuntimeError("StorePipeline needs the spider's `store` attribute")

    def process_item(self, item: Any, spider: Spider | None = None) -> Any:
        if isinstance(item, RawRecord):
            self.buffer.append(item)
        elif isinstance(item, BatchEnd):
            self.flush()
        return item

    def close_spider(self, spider: Spider | None = None) -> None:
        self.flush()

    def flush(self) -> None:
        if not self.buffer:
            return
        batch, self.buffer = self.buffer, []
        spider = self.crawler.spider
        try:
            counts = self.store.save_batch(batch, self.run_id)
        except Exception as exc:  # noqa: BLE001 - any store failure must stop the crawl, not be skipped
            log.error("saving %d records failed: %s", len(batch), exc)
            self.stats.inc_value("harvest/store/failed", len(batch))
            if spider is not None and hasattr(spider, "abort"):
                spider.abort(exc, "store_error")
            return
        self.stats.inc_value("harvest/store/batches")
        kind = batch[0].kind  # one efetch answer: one kind (the run's account counts PubMed records)
        for key in ("new", "updated", "unchanged"):
            self.stats.inc_value(f"harvest/store/{key}", int(counts.get(key, 0)))
            self.stats.inc_value(f"harvest/store/{kind}/{key}", int(counts.get(key, 0)))
