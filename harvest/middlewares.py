"""Downloader middleware: exponential backoff before each retry; a log formatter that stays short.

Scrapy's RetryMiddleware (and ``get_retry_request`` in the spider) re-schedule a failed request
at once; NCBI asks clients to back off after 429 and 5xx answers. With one request in flight
(``CONCURRENT_REQUESTS = 1``) the wait holds the whole crawl back, which is the intent: after
an overload signal nothing else should go out either.
"""

from __future__ import annotations

import logging

from typing import Any

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.logformatter import LogFormatter, LogFormatterResult
from scrapy.utils.asyncio import sleep

log = logging.getLogger(__name__)


class BackoffMiddleware:
    """Wait ``RETRY_BACKOFF_BASE * 2**(n-1)`` seconds (capped) before the n-th retry of a request."""

    def __init__(self, crawler: Crawler) -> None:
        self.base = crawler.settings.getfloat("RETRY_BACKOFF_BASE", 0.5)
        self.cap = crawler.settings.getfloat("RETRY_BACKOFF_MAX", 30.0)
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> "BackoffMiddleware":
        return cls(crawler)

    def delay_for(self, retry_times: int) -> float:
        if retry_times <= 0 or self.base <= 0:
            return 0.0
        return min(self.cap, self.base * 2 ** (retry_times - 1))

    async def process_request(self, request: Request) -> None:
        delay = self.delay_for(int(request.meta.get("retry_times", 0)))
        if delay:
            log.debug("backing off %.1fs before retry %s of %s", delay, request.meta.get("retry_times"), request.url)
            self.stats.inc_value("harvest/backoff_seconds", delay)
            await sleep(delay)
        return None


class QuietLogFormatter(LogFormatter):
    """Log scraped/dropped records by kind and key, not by their whole XML."""

    @staticmethod
    def _name(item: Any) -> str:
        key = getattr(item, "key", None)
        return f"{getattr(item, 'kind', type(item).__name__)} {key}" if key else type(item).__name__

    def scraped(self, item: Any, response: Any, spider: Any) -> LogFormatterResult:
        result = super().scraped(item, response, spider)
        result["msg"] = "scraped %(item)s"
        result["args"] = {"item": self._name(item)}
        return result

    def dropped(self, item: Any, exception: BaseException, response: Any, spider: Any) -> LogFormatterResult:
        result = super().dropped(item, exception, response, spider)
        result["msg"] = "dropped %(item)s: %(exception)s"
        result["args"] = {"item": self._name(item), "exception": exception}
        return result
