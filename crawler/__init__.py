"""mlis-crawler: nightly refresh of online library-science master's program facts.

Flow (DESIGN section 1): spiders find evidence -> normalize -> stage -> reconcile ->
review policy -> publish -> report. Each stage is one module of this package.
"""

__version__ = "0.1.0"
