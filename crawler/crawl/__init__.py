"""Everything Scrapy loads: settings, the spider base and its Page, the page self-checks,
pipelines, middlewares, the duplicate filter, extensions, what the crawlers of one process share
(`shared`: one memory watch, one log counter), replay and recording, conditional GET, and the
crawl runner.

    python -m crawler.crawl --out DIR [--replay SNAPSHOT] [--spider NAME ...]

runs the spiders in a process of their own (see `crawler.crawl.runner`). Spiders import their
base from `crawler.crawl.spider`: `from crawler.crawl.spider import Institution, ProgramSpider, expects`.
"""
