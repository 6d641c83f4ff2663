"""Scrapy settings for mlis-crawler.

Scrapy's own names keep their meaning; our settings share the MLIS_ prefix and are read in
`from_crawler`. The values follow the reliability notes: polite, bounded, and nothing that
lets a hostile page reach the machine (no telnet, no file/data/ftp/s3 handlers).
"""

BOT_NAME = "mlis-crawler"
SPIDER_MODULES = ["spiders"]
# `scrapy crawl NAME -s MLIS_SHARD_SITES=a,b`: a Scrapyd job crawling a shard's sites in one process.
COMMANDS_MODULE = "crawler.crawl.commands"
NEWSPIDER_MODULE = "spiders"

USER_AGENT = "mlis-crawler/0.1 (nightly refresh of public program pages; contact: data@mlis-crawler.org)"
ROBOTSTXT_OBEY = True

# Politeness: all sites at once in one process (the runner), one request at a time per site
# (a site is a host: its download slot), a fixed delay between its requests. AutoThrottle is off;
# if turned on, ConditionalGetAddon starts it at DOWNLOAD_DELAY (its default 5 s start delay never
# drops on 304s, research/performance.md section 6). benchmarks/nightly.py measures this.
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 1
DOWNLOAD_DELAY = 1.0
# Never sooner than DOWNLOAD_DELAY: Scrapy's default jitter (0.5) spreads it over 0.5-1.5x, half the
# requests early. (DOWNLOAD_DELAY_JITTER replaced RANDOMIZE_DOWNLOAD_DELAY in Scrapy 2.19.)
DOWNLOAD_DELAY_JITTER = 0.0
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
# The connection's own lookup refuses non-global answers too (DNS rebinding past the guard).
TWISTED_DNS_RESOLVER = "crawler.crawl.middlewares.GlobalAddressResolver"

DOWNLOADER_MIDDLEWARES = {
    "crawler.crawl.middlewares.PrivateAddressGuard": 50,
    # Offsite requests refused at download (errback, ledger row), not dropped when scheduled.
    "scrapy.downloadermiddlewares.offsite.OffsiteMiddleware": None,
    "crawler.crawl.middlewares.LedgerOffsite": 55,
    # RFC 9309: a robots.txt answering 5xx forbids the whole host (Scrapy's own allows all).
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "crawler.crawl.middlewares.Rfc9309RobotsTxt": 100,
}
# A page's parsed tree is dropped once its callback has read it (many sites at once: one tree each).
# Every request and item a callback (or a 304's memo) yields passes each spider middleware's output
# hook (a page's items as one, crawler/crawl/pageitems.py); two of
# Scrapy's do nothing here: DepthMiddleware (no DEPTH_LIMIT or depth priority: a spider follows only
# the pages it names; a DEPTH_LIMIT set in [crawl] would have no effect) and
# MetaCopyDetectionMiddleware (a warning for spiders that copy response.meta; ours build every
# request through `ProgramSpider.request`). With the stats dump below, an unchanged night's crawl
# makes 5% fewer calls (benchmarks/nightly.py --profile), most of them the dump's.
SPIDER_MIDDLEWARES = {
    "crawler.crawl.middlewares.ReleaseParsedPage": 1000,
    "scrapy.spidermiddlewares.depth.DepthMiddleware": None,
    "scrapy.spidermiddlewares.metacopy.MetaCopyDetectionMiddleware": None,
}
# Scrapy's collector looks up every attribute through a deprecation shim (pageitems.CrawlStats).
STATS_CLASS = "crawler.crawl.pageitems.CrawlStats"
# Each site's stats are in its summary (summary-<spider>.json, SpiderSummary); Scrapy's pretty-printed
# copy of them in crawl.log, one per site as it closes, is not written.
STATS_DUMP = False
# Redirect hops are never dropped as duplicates, so every scheduled URL gets its ledger row.
DUPEFILTER_CLASS = "crawler.crawl.dupefilter.LedgerDupeFilter"
ITEM_PIPELINES = {
    "crawler.crawl.pipelines.NormalizePipeline": 300,
}
EXTENSIONS = {
    # A 304 page's replayed items reach the feed and item_scraped_count item by item, though they
    # pass Scrapy's item path as one (crawler/crawl/pageitems.py).
    "scrapy.extensions.feedexport.FeedExporter": None,
    "crawler.crawl.pageitems.FeedExporter": 0,
    "scrapy.extensions.corestats.CoreStats": None,
    "crawler.crawl.pageitems.CoreStats": 0,
    "crawler.crawl.extensions.SpiderSummary": 500,
    "crawler.crawl.extensions.QuietBelowLogLevel": 0,
    "crawler.crawl.progress.Progress": 510,  # progress lines on stderr (MLIS_PROGRESS=off silences them)
    # One memory watch per process, not one per site; past MEMUSAGE_LIMIT_MB it closes every site
    # and the summaries say the crawl ran out of memory (`crawl_finish_reason`, crawler/crawl/shared.py).
    "scrapy.extensions.memusage.MemoryUsage": None,
    "crawler.crawl.shared.CrawlMemory": 0,
    # A site's log counts from one root handler for the process, not one handler per site.
    "scrapy.extensions.logcount.LogCount": None,
    "crawler.crawl.shared.LogCount": -1,  # first, as Scrapy's: it counts from the spider opening
}
# --replay DIR (or `-s MLIS_REPLAY_DIR=DIR`) swaps the http(s) download handler for one that
# answers from recorded files; everything else in the downloader stays as it is.
ADDONS = {
    "crawler.crawl.replay.ReplayAddon": 0,
    # -s MLIS_RECORD_DIR=DIR: write what is fetched as a snapshot (`mlis-crawler record`).
    "crawler.crawl.record.RecordAddon": 0,
    # -s MLIS_PAGE_CACHE=DIR [-s MLIS_VALIDATORS=FILE]: conditional GET (the refresh sets both);
    # also starts AutoThrottle, when enabled, at DOWNLOAD_DELAY.
    "crawler.crawl.conditional.ConditionalGetAddon": 0,
    # -s MLIS_ROUTE_TO=127.0.0.1:PORT: every host fetched from one loopback server (tests, benchmarks only).
    "crawler.crawl.routing.RoutingAddon": 0,
}

# Scrapy re-parses a callback's source (ast) on every response to warn about `return value` in
# generators; the only callbacks are the spider base's `_read` / `_failed` (bound anew per request,
# so its cache never hits): about 18 ms of CPU per page, more than reading the page.
WARN_ON_GENERATOR_RETURN_VALUE = False
# Scrapy hands each response's output to CONCURRENT_ITEMS (default 100) asyncio worker tasks, made
# anew per response: 100 tasks to carry a page's handful of items through pipelines that never
# wait (normalizing is CPU work). One worker keeps the feed in the order the callback yielded and
# costs a tenth of a night-2 crawl's CPU less (benchmarks/nightly.py).
CONCURRENT_ITEMS = 1

# The crawl process's garbage collector thresholds (crawler/crawl/runner.py `collect_less_often`):
# a young collection every 100,000 allocations, not 700; with a thousand sites' crawlers alive, the
# default cost a third of the crawl's CPU and saved no memory. Empty: Python's defaults.
MLIS_GC_THRESHOLD = [100_000, 50, 50]

# Sites open at once in one crawl process (crawler/crawl/runner.py `SiteWindow`); the next queued
# site opens as one closes. About what one core reads at full politeness pace (a 1 s delay): more
# open sites would not finish sooner, only hold their memory longer. 0: every site at once.
MLIS_OPEN_SITES = 200

FEED_EXPORT_ENCODING = "utf-8"
# The feed's JSON lines as Scrapy writes them, without ItemAdapter's per-field walk (exporters.py).
FEED_EXPORTERS = {"jsonlines": "crawler.crawl.exporters.ItemLinesExporter"}
LOG_LEVEL = "INFO"

# Work per page (crawler/crawl/spider.py): a page whose document holds more elements than this, or
# whose callback spends more CPU seconds than this, fails alone (too_large / parse_error, its values
# kept), not the night. Reading is linear in a page's size (a table of 100,000 rows, 300,000
# elements: 2.5 s, 270 MiB), and every site shares this process, so one page must not hold the
# others up. 0 switches a cap off. The recorded program pages hold about 100 elements each.
MLIS_PAGE_MAX_ELEMENTS = 200_000
MLIS_PAGE_MAX_SECONDS = 20.0

# Where SpiderSummary writes each spider's closing summary (the crawl runner sets it).
MLIS_SUMMARY_DIR = None
MLIS_REPLAY_DIR = None
MLIS_RECORD_DIR = None
MLIS_PAGE_CACHE = None
MLIS_VALIDATORS = None
MLIS_ROUTE_TO = None
MLIS_PAGE_HISTORY = None
MLIS_ALLOW_PRIVATE_HOSTS: list[str] = []
# Progress lines: auto (a terminal or not), tty, plain or off; one per site this often (seconds).
MLIS_PROGRESS = "auto"
MLIS_PROGRESS_INTERVAL = 60.0
