"""Harvest: PubMed E-utilities (Scrapy) and the bundled snapshot -> the SQLite store."""
