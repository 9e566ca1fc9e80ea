"""SIGKILL mid-crawl, then a re-run, gives the same store as an uninterrupted run."""

from __future__ import annotations

import signal
import subprocess
import time
from datetime import date
from pathlib import Path

import pytest

from ketamine_evidence.harvest.store import Store
from tests.harvest.conftest import harvest_command, harvest_env, run_harvest, store_digest, write_config
from tests.harvest.eutils_server import Collection, EutilsServer, Faults


@pytest.mark.slow
@pytest.mark.parametrize("kill_after", [3, 11])
def test_kill_9_then_rerun_equals_uninterrupted_run(home: Path, collection: Collection, kill_after: int) -> None:
    """1,215 records (the corpus plus copies under new PMIDs), 50 per efetch, 20 ms latency, light faults;
    the harvest is killed with SIGKILL after ``kill_after`` efetch answers."""
    collection.replicate(600, spread=(date(2016, 1, 1), date(2024, 12, 31)))
    write_config(home, batch_size=50)
    faults = Faults(latency=0.02, error_rate=0.03, truncate_rate=0.02)
    killed_store, clean_store = home / "killed.sqlite", home / "clean.sqlite"
    with EutilsServer(collection, faults=faults, seed=kill_after) as server:
        proc = subprocess.Popen(harvest_command(server.url, killed_store), env=harvest_env(home), cwd=home,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while len(server.log("efetch", 200)) < kill_after and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        assert proc.poll() is None, "the harvest ended before it could be killed"
        proc.send_signal(signal.SIGKILL)
        assert proc.wait(timeout=10) == -signal.SIGKILL
        with Store(killed_store, create=False) as s:
            partial = s.status()["records"]
            assert [r.status for r in s.runs()] == ["running"]
        assert 0 < partial < len(collection)

        rerun = run_harvest(home, server.url, killed_store)
        assert rerun.returncode == 0, rerun.stderr[-2000:]
        clean = run_harvest(home, server.url, clean_store)
        assert clean.returncode == 0, clean.stderr[-2000:]

    killed, uninterrupted = store_digest(killed_store), store_digest(clean_store)
    assert killed == uninterrupted and len(killed) == len(collection)
    with Store(killed_store, create=False) as s:
        runs = s.runs()
        assert [r.status for r in runs] == ["failed", "ok"]  # the killed run never counts as successful
        assert runs[1].new == len(collection) - partial and runs[1].unchanged == partial
        assert all(r.version == 1 for r in s.iter_records())


def test_ctrl_c_stops_the_crawl_cleanly_exit_130(home: Path, collection: Collection) -> None:
    """SIGINT: Scrapy closes the spider gracefully; the run is logged failed, saved batches stay."""
    write_config(home, batch_size=20)
    store = home / "store.sqlite"
    with EutilsServer(collection, faults=Faults(latency=0.02)) as server:
        proc = subprocess.Popen(harvest_command(server.url, store), env=harvest_env(home), cwd=home,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 60
        while len(server.log("efetch", 200)) < 4 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        proc.send_signal(signal.SIGINT)
        _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130 and "ketamine-evidence: interrupted" in stderr and "Traceback" not in stderr
    with Store(store, create=False) as s:
        assert [(r.status, r.note) for r in s.runs()] == [("failed", "interrupted")]
        assert 0 < s.status()["records"] < len(collection)
