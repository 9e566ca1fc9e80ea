"""Item pipelines: duplicates dropped, one save_batch per efetch answer, store errors stop the crawl."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from scrapy.exceptions import DropItem

from ketamine_evidence.harvest.items import BatchEnd
from ketamine_evidence.harvest.pipelines import DeduplicatePipeline, StorePipeline, ValidatePipeline
from ketamine_evidence.harvest.pubmed_xml import iter_pubmed_records
from ketamine_evidence.harvest.store import Store
from tests.conftest import PUBMED_XML
from tests.harvest.test_spider import make_spider


def _records(name: str) -> list:
    return list(iter_pubmed_records(io.BytesIO((PUBMED_XML / name).read_bytes()), "pubmed"))


def test_duplicates_in_one_run_are_dropped() -> None:
    spider = make_spider()
    pipeline = DeduplicatePipeline.from_crawler(spider.crawler)
    first, second = _records("biopython_pubmed1.xml")
    assert pipeline.process_item(first) is first and pipeline.process_item(second) is second
    with pytest.raises(DropItem):
        pipeline.process_item(_records("biopython_pubmed1.xml")[0])
    assert spider.crawler.stats.get_value("harvest/items/duplicates") == 1


def test_unusable_records_are_refused() -> None:
    spider = make_spider()
    record = _records("biopython_pubmed1.xml")[0]
    record.xml = b""
    with pytest.raises(DropItem):
        ValidatePipeline.from_crawler(spider.crawler).process_item(record)


def test_records_are_saved_in_one_batch_per_efetch_answer(tmp_path: Path) -> None:
    with Store(tmp_path / "s.sqlite") as store:
        run_id = store.begin_run("pubmed", "q")
        spider = make_spider(store=store, run_id=run_id)
        spider.crawler.spider = spider
        pipeline = StorePipeline.from_crawler(spider.crawler)
        pipeline.open_spider(spider)
        for record in _records("biopython_pubmed2.xml"):
            pipeline.process_item(record)
        assert store.status()["records"] == 0  # nothing written before the batch ends
        pipeline.process_item(BatchEnd("pubmed", 2))
        assert store.status()["records"] == 2
        for record in _records("biopython_pubmed2.xml"):
            pipeline.process_item(record)
        pipeline.close_spider(spider)  # a batch left open is saved when the crawl closes
        stats = spider.crawler.stats
        assert (stats.get_value("harvest/store/batches"), stats.get_value("harvest/store/new"),
                stats.get_value("harvest/store/unchanged")) == (2, 2, 2)


def test_a_store_error_stops_the_crawl_instead_of_being_skipped(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.sqlite")
    run_id = store.begin_run("pubmed", "q")
    spider = make_spider(store=store, run_id=run_id)
    spider.crawler.spider = spider
    pipeline = StorePipeline.from_crawler(spider.crawler)
    pipeline.open_spider(spider)
    store.close()
    for record in _records("biopython_pubmed2.xml"):
        pipeline.process_item(record)
    pipeline.process_item(BatchEnd("pubmed", 2))
    assert spider.fatal is not None
    assert spider.crawler.stats.get_value("harvest/store/failed") == 2
