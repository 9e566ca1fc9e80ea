"""Prompt, bounded waits: a silent server, SIGTERM and Ctrl-C while a request hangs.

The blackhole server accepts connections and never answers. Every case must end within seconds
with a clear exit code, and no run may be logged 'ok' (a later incremental run would start from it).
"""

from __future__ import annotations

import signal
import subprocess
import time
from pathlib import Path

import pytest

from ketamine_evidence.base.errors import EXIT_INTERRUPTED, EXIT_UNREACHABLE, EXIT_USAGE
from ketamine_evidence.harvest.store import Store
from tests.harvest.conftest import harvest_command, harvest_env, run_harvest, write_config
from tests.harvest.eutils_server import Blackhole


def _start(home: Path, url: str, store: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(harvest_command(url, store), env=harvest_env(home), cwd=home, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _wait_until_running(store: Path) -> None:
    """Until the run is logged (the crawl is about to send, or sending, its first search)."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if store.exists():
            try:
                with Store(store, create=False, read_only=True) as s:
                    if s.runs():
                        time.sleep(1.0)  # the first esearch is out and hangs
                        return
            except Exception:  # noqa: BLE001 - the store is being created
                pass
        time.sleep(0.05)
    raise AssertionError("the harvest never logged its run")


def test_silent_server_gives_up_after_finite_timeouts_exit_3(home: Path) -> None:
    write_config(home, timeout_s=1)
    store = home / "store.sqlite"
    with Blackhole() as hole:
        start = time.monotonic()
        run = run_harvest(home, hole.url, store, timeout=60)
        took = time.monotonic() - start
    assert run.returncode == EXIT_UNREACHABLE, run.stderr[-2000:]
    assert took < 30 and "Traceback" not in run.stderr
    with Store(store, create=False, read_only=True) as s:
        assert [r.status for r in s.runs()] == ["failed"]


@pytest.mark.parametrize("signals", [[signal.SIGTERM], [signal.SIGINT], [signal.SIGINT, signal.SIGINT],
                                     [signal.SIGTERM, signal.SIGTERM]], ids=["term", "int", "int-int", "term-term"])
def test_signals_while_the_first_search_hangs_stop_within_seconds_exit_130(home: Path, signals: list[int]) -> None:
    write_config(home, timeout_s=60)  # the hung request alone would hold the run for a minute
    store = home / "store.sqlite"
    with Blackhole() as hole:
        proc = _start(home, hole.url, store)
        _wait_until_running(store)
        sent = time.monotonic()
        for sig in signals:
            proc.send_signal(sig)
            time.sleep(0.2)
        _, stderr = proc.communicate(timeout=30)
        took = time.monotonic() - sent
    assert proc.returncode == EXIT_INTERRUPTED, stderr[-2000:]
    assert took < 8, f"took {took:.1f}s to stop"
    assert "ketamine-evidence: interrupted" in stderr and "Traceback" not in stderr
    with Store(store, create=False, read_only=True) as s:
        runs = s.runs()
        assert [(r.status, r.note) for r in runs] == [("failed", "interrupted")]
        assert s.last_successful_run("pubmed") is None  # the next run is a full one, not "since" this


@pytest.mark.parametrize("value", ["inf", "nan", "0", "1e9"])
def test_timeouts_must_be_finite_and_sane(home: Path, value: str) -> None:
    (home / "ketamine-evidence.toml").write_text(f"[pubmed]\ntimeout_s = {value}\n")
    run = run_harvest(home, "http://127.0.0.1:9/entrez/eutils/", home / "store.sqlite", timeout=60)
    assert run.returncode == EXIT_USAGE and "pubmed.timeout_s must be 1..300" in run.stderr
    assert not (home / "store.sqlite").exists()


def test_port_out_of_range_is_a_usage_error_not_a_traceback(home: Path) -> None:
    run = run_harvest(home, "http://127.0.0.1:99999/entrez/eutils/", home / "store.sqlite", timeout=60)
    assert run.returncode == EXIT_USAGE and "invalid port" in run.stderr and "Traceback" not in run.stderr
