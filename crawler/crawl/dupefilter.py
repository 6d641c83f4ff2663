"""`LedgerDupeFilter`: Scrapy's duplicate filter, except that it never drops a redirect hop.

Scrapy copies `dont_filter` from a request to its redirect, so a redirect to a page the crawl
already read (a program page moved to a page it also lists) or back into its own chain (a
loop) is dropped by the scheduler without any errback: the URL that was scheduled would
vanish from the ledger. Letting hops through costs at most one fetch per redirected URL;
loops still end, at `REDIRECT_MAX_TIMES`, as `redirect_loop`.
"""

from __future__ import annotations

from scrapy import Request
from scrapy.dupefilters import RFPDupeFilter


class LedgerDupeFilter(RFPDupeFilter):
    def request_seen(self, request: Request) -> bool:
        if request.meta.get("redirect_urls"):
            return False
        return super().request_seen(request)
