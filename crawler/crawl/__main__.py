"""`python -m crawler.crawl`: the crawl child of a night (crawler/night/crawl.py starts it).

A Ctrl-C forwarded by the parent before Scrapy's own handlers are in place (while Scrapy and the
spiders are still being imported) ends the child quietly with 130: the parent says in one line
what happened, and a traceback of an interrupted import would only hide that line.

The garbage collector is off from here until every site's crawler is built (runner.start_collecting).
"""

import gc
import sys

# No cyclic garbage collection while the interpreter, Scrapy, the spiders and every site's crawler
# are set up: that builds long-lived objects, next to no garbage; `runner.main` freezes what start-up
# built and turns collection back on (`start_collecting`) before the crawl begins.
gc.disable()

from crawler.errors import EXIT_SIGINT  # noqa: E402

try:
    from crawler.crawl.runner import main

    code = main()
except KeyboardInterrupt:
    code = EXIT_SIGINT
sys.exit(code)
