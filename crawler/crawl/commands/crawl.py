"""`scrapy crawl NAME -s MLIS_SHARD_SITES=a,b,c`: NAME and the listed sites, each its own crawler,
in one process; without MLIS_SHARD_SITES, Scrapy's own `crawl`.

This is how one Scrapyd job crawls a whole shard (crawler/night/scrapyd.py): Scrapyd runs
`scrapy crawl` with one spider a job, and a process per site costs about 88 MiB where one more
site in a shared process costs under 1 MiB (docs/operations.md, "How many sites one machine
carries"). Every site keeps its own crawler, feed and summary, as in `python -m crawler.crawl`,
and the process collects garbage as that runner does (`MLIS_GC_THRESHOLD`)."""

from __future__ import annotations

from scrapy.commands.crawl import Command as ScrapyCrawl
from scrapy.exceptions import UsageError

from crawler.crawl.runner import collect_less_often


class Command(ScrapyCrawl):
    def run(self, args, opts) -> None:
        sites = self.settings.getlist("MLIS_SHARD_SITES")
        if not sites:
            return super().run(args, opts)
        if len(args) != 1:
            raise UsageError("give one spider; the shard's other sites go in MLIS_SHARD_SITES")
        collect_less_often(self.settings)
        for name in dict.fromkeys([args[0], *sites]):  # each site once
            self.crawler_process.crawl(self._create_crawler(name), **opts.spargs)
        self.crawler_process.start()
        if self.crawler_process.bootstrap_failed:
            self.exitcode = 1
