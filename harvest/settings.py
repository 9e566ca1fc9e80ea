"""Scrapy settings of the PubMed harvest: politeness, retries and the item pipeline, in one place.

NCBI allows 3 requests/s per IP (10 with an API key) across all E-utilities. The crawl stays
under that by construction: one request at a time (``CONCURRENT_REQUESTS = 1``) and a fixed,
un-jittered gap between request starts of ``RATE_MARGIN / rate`` seconds (``crawl.scrapy_settings``
sets ``DOWNLOAD_DELAY`` from the config's rate). The 10% margin absorbs timer and network
jitter: requests that leave 1/3 s apart can arrive at NCBI a few milliseconds closer together.
"""

from __future__ import annotations

BOT_NAME = "ketamine-evidence"
ROBOTSTXT_OBEY = False          # E-utilities is an API with published usage rules, not a site
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False
HTTPCACHE_ENABLED = False
AUTOTHROTTLE_ENABLED = False    # a fixed delay is what keeps us under the limit; no adaptive speed-ups

LOG_INSTALL_ROOT_HANDLER = False  # library code: the CLI owns logging handlers
LOG_LEVEL = "INFO"
LOG_FORMATTER = "ketamine_evidence.harvest.middlewares.QuietLogFormatter"
LOG_VERSIONS: list[str] = []

# --- politeness -------------------------------------------------------------------------
CONCURRENT_REQUESTS = 1
CONCURRENT_REQUESTS_PER_DOMAIN = 1
RATE_MARGIN = 1.1               # DOWNLOAD_DELAY = RATE_MARGIN / requests-per-second
DOWNLOAD_DELAY = RATE_MARGIN / 3.0
DOWNLOAD_DELAY_JITTER = 0.0     # Scrapy >= 2.17's name for RANDOMIZE_DOWNLOAD_DELAY = False
DOWNLOAD_TIMEOUT = 60           # overridden by pubmed.timeout_s

# --- retries ----------------------------------------------------------------------------
RETRY_ENABLED = True
RETRY_TIMES = 5                 # 6 attempts in all, with backoff 0.5, 1, 2, 4, 8 s
RETRY_HTTP_CODES = [429, 500, 502, 503, 504, 522, 524, 408]
RETRY_GIVE_UP_LOG_LEVEL = "WARNING"  # the spider decides what a give-up means (failed batch, unreachable)
RETRY_BACKOFF_BASE = 0.5        # seconds before the first retry; doubles on each further one
RETRY_BACKOFF_MAX = 30.0
RETRY_FIRST_SEARCH_TIMES = 2    # the very first esearch gives up sooner: NCBI is likely unreachable
DOWNLOAD_FAIL_ON_DATALOSS = True  # a body shorter than its Content-Length fails (and is retried)

DOWNLOADER_MIDDLEWARES = {
    "ketamine_evidence.harvest.middlewares.BackoffMiddleware": 540,   # just before RetryMiddleware (550)
}

# --- items ------------------------------------------------------------------------------
ITEM_PIPELINES = {
    "ketamine_evidence.harvest.pipelines.DeduplicatePipeline": 100,
    "ketamine_evidence.harvest.pipelines.ValidatePipeline": 700,
    "ketamine_evidence.harvest.pipelines.StorePipeline": 900,
}

# --- harvest-specific -------------------------------------------------------------------
HARVEST_MISSING_ATTEMPTS = 2    # re-ask ids that an efetch left out this many times, by id list
HARVEST_PMC_BATCH = 20          # PMC full-text articles per efetch db=pmc (they are large)
HARVEST_MAX_REFRESHES = 2       # re-searches per efetch batch whose WebEnv expired
