"""Test helpers (not tests): running the CLI and crawls, copies of recorded sites and data
folders to break, the nights composed from each university's recordings, expected records, a
fault-injecting loopback server and the spiders pointed at it, a concurrent reader of programs.db."""
