"""`python -m crawler.crawl`: the crawl child of a night (crawler/night/crawl.py starts it).

A Ctrl-C forwarded by the parent before Scrapy's own handlers are in place (while Scrapy and the
spiders are still being imported) ends the child quietly with 130: the parent says in one line
what happened, and a traceback of an interrupted import would only hide that line.
"""

import sys

from crawler.errors import EXIT_SIGINT

try:
    from crawler.crawl.runner import main

    code = main()
except KeyboardInterrupt:
    code = EXIT_SIGINT
sys.exit(code)
