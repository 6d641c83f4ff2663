import sys

from crawler.crawl.runner import main

sys.exit(main())
