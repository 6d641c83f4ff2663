"""Everything that reads or writes history.db, in the order the data flows:

db (schema, migrations) -> stage (a crawl's observations) -> reconcile (changes against the
accepted state, using diff and the review policy) -> review (a maintainer's decisions);
renormalize re-reads a stored crawl's evidence with today's normalizers.
"""
