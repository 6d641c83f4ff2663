"""Scrapy commands of the project (`COMMANDS_MODULE`): `crawl` runs a shard's sites in one process."""
