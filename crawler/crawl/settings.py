"""Scrapy settings for mlis-crawler.

Scrapy's own names keep their meaning; our settings share the MLIS_ prefix and are read in
`from_crawler`. The values follow the reliability notes: polite, bounded, and nothing that
lets a hostile page reach the machine (no telnet, no file/data/ftp/s3 handlers).
"""

BOT_NAME = "mlis-crawler"
SPIDER_MODULES = ["spiders"]
NEWSPIDER_MODULE = "spiders"

USER_AGENT = "mlis-crawler/0.1 (nightly refresh of public program pages; contact: data@mlis-crawler.org)"
ROBOTSTXT_OBEY = True

# Politeness: one request at a time per site, a fixed delay (AutoThrottle keeps a 5 s start
# delay on revalidated pages, see research/performance.md section 6).
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 1
DOWNLOAD_DELAY = 1.0
AUTOTHROTTLE_ENABLED = False
COOKIES_ENABLED = False

# Bounds: a slow, huge or looping site ends with a recorded outcome, never a hang.
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 16 * 1024 * 1024
DOWNLOAD_WARNSIZE = 4 * 1024 * 1024
DOWNLOAD_FAIL_ON_DATALOSS = True
RETRY_TIMES = 2
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408]
REDIRECT_MAX_TIMES = 5
MEMUSAGE_ENABLED = True
MEMUSAGE_LIMIT_MB = 2048
CLOSESPIDER_TIMEOUT = 3600

# Local attack surface off.
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False
DOWNLOAD_HANDLERS = {"file": None, "data": None, "ftp": None, "s3": None}
HTTPCACHE_ENABLED = False

DOWNLOADER_MIDDLEWARES = {
    "crawler.crawl.middlewares.PrivateAddressGuard": 50,
    # Offsite requests refused at download (errback, ledger row), not dropped when scheduled.
    "scrapy.downloadermiddlewares.offsite.OffsiteMiddleware": None,
    "crawler.crawl.middlewares.LedgerOffsite": 55,
    # RFC 9309: a robots.txt answering 5xx forbids the whole host (Scrapy's own allows all).
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "crawler.crawl.middlewares.Rfc9309RobotsTxt": 100,
}
# Redirect hops are never dropped as duplicates, so every scheduled URL gets its ledger row.
DUPEFILTER_CLASS = "crawler.crawl.dupefilter.LedgerDupeFilter"
ITEM_PIPELINES = {
    "crawler.crawl.pipelines.NormalizePipeline": 300,
}
EXTENSIONS = {
    "crawler.crawl.extensions.SpiderSummary": 500,
    "crawler.crawl.progress.Progress": 510,  # progress lines on stderr (MLIS_PROGRESS=off silences them)
}
# --replay DIR (or `-s MLIS_REPLAY_DIR=DIR`) swaps the http(s) download handler for one that
# answers from recorded files; everything else in the downloader stays as it is.
ADDONS = {
    "crawler.crawl.replay.ReplayAddon": 0,
}

FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = "INFO"

# Where SpiderSummary writes each spider's closing summary (the crawl runner sets it).
MLIS_SUMMARY_DIR = None
MLIS_REPLAY_DIR = None
