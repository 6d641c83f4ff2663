"""Everything Scrapy loads: settings, the spider base and its Page, pipelines, middlewares,
the duplicate filter, the summary extension, replay, and the crawl runner.

    python -m crawler.crawl --out DIR [--replay SNAPSHOT] [--spider NAME ...]

runs the spiders in a process of their own (see `crawler.crawl.runner`). Spiders import their
base from here: `from crawler.crawl import Institution, ProgramSpider, expects`.
"""
