"""ketamine_evidence.harvest.crawl.plan_windows: full or incremental, from the last successful run of the same query."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from ketamine_evidence.harvest.crawl import plan_windows, scrapy_settings
from ketamine_evidence.harvest.store import Store
from ketamine_evidence.base.config import load_config


def test_first_run_full_flag_and_other_queries_search_everything(home: Path) -> None:
    config = load_config()
    with Store(home / "s.sqlite") as store:
        windows, since = plan_windows(config, store, "q", full=False)  # empty store
        assert since is None and [w.label for w in windows] == ["all"]
        store.finish_run(store.begin_run("pubmed", "other query"), "ok")
        store.finish_run(store.begin_run("pubmed", "q"), "partial")  # not successful: no base for increments
        windows, since = plan_windows(config, store, "q", full=False)
        assert since is None and [w.label for w in windows] == ["all"]


def test_later_runs_start_overlap_days_before_the_last_successful_one(home: Path) -> None:
    config = load_config()
    today = datetime.now(timezone.utc).date()
    with Store(home / "s.sqlite") as store:
        store.finish_run(store.begin_run("pubmed", "q"), "ok")
        store.finish_run(store.begin_run("pubmed", "q"), "failed")  # a killed or failed run changes nothing
        windows, since = plan_windows(config, store, "q", full=False, today=today)
        assert since == today - timedelta(days=config.pubmed.overlap_days)
        tomorrow = (today + timedelta(days=1)).strftime("%Y/%m/%d")
        assert [w.label for w in windows] == [f"mdat {since:%Y/%m/%d}-{tomorrow}", f"crdt {since:%Y/%m/%d}-{tomorrow}"]
        full, none = plan_windows(config, store, "q", full=True, today=today)
        assert none is None and full[0].label == "all"


def test_politeness_settings_follow_the_configured_rate(home: Path) -> None:
    config = load_config()
    assert scrapy_settings(config).getfloat("DOWNLOAD_DELAY") == 1.1 / 3
    keyed = config.with_overrides(api_key="k", timeout_s=5.0)
    settings = scrapy_settings(keyed)
    assert settings.getfloat("DOWNLOAD_DELAY") == 1.1 / 10 and settings.getint("CONCURRENT_REQUESTS") == 1
    assert settings.getfloat("DOWNLOAD_DELAY_JITTER") == 0 and settings.getfloat("DOWNLOAD_TIMEOUT") == 5.0
