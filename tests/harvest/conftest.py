"""Fixtures for the harvest tests: the E-utilities stand-in and a way to run the harvest CLI.

The crawl runs Twisted's reactor, which cannot be restarted in one process, so every crawl runs
in a subprocess through the real command line (``ketamine-evidence harvest --source pubmed``),
against the stand-in server that runs in a thread of the test process.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import PMC_KETAMINE, PUBMED_XML, REPO
from tests.harvest.eutils_server import Collection, EutilsServer, Faults

QUERY = "ketamine[tiab] AND pain[tiab]"
TEST_API_KEY = "stand-in-test-key"   # the stand-in allows 10 requests/s with any key, like NCBI


@pytest.fixture(scope="session")
def corpus_collection() -> Collection:
    """The real corpus records (615 PubMed + 29 PMC), loaded once; tests mutate copies."""
    return Collection.from_corpus(PUBMED_XML, PMC_KETAMINE)


@pytest.fixture
def collection(corpus_collection: Collection) -> Collection:
    return corpus_collection.copy()


@pytest.fixture
def eutils_server(collection: Collection) -> Iterator[EutilsServer]:
    with EutilsServer(collection, faults=Faults(), seed=7) as server:
        yield server


@dataclass
class HarvestRun:
    returncode: int
    stdout: str
    stderr: str


def write_config(home: Path, **pubmed: object) -> Path:
    """A config file under ``home`` with the given ``[pubmed]`` values."""
    lines = ["[pubmed]"]
    for key, value in pubmed.items():
        lines.append(f"{key} = {value!r}" if isinstance(value, str) else f"{key} = {value}")
    path = home / "ketamine-evidence.toml"
    path.write_text("\n".join(lines) + "\n")
    return path


def harvest_env(home: Path, api_key: str | None = TEST_API_KEY) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NCBI_", "KETAMINE_EVIDENCE_"))}
    env["KETAMINE_EVIDENCE_HOME"] = str(home)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    if api_key:
        env["NCBI_API_KEY"] = api_key
    return env


def harvest_command(server_url: str, store: Path, *extra: str, query: str | None = QUERY) -> list[str]:
    """The harvest command line; ``query=None`` keeps the configured (packaged) evidence query."""
    return [sys.executable, "-m", "ketamine_evidence", "harvest", "--source", "pubmed",
            "--eutils-url", server_url, "--store", str(store), *(["--query", query] if query else []), *extra]


def run_harvest(home: Path, server_url: str, store: Path, *extra: str, query: str | None = QUERY,
                api_key: str | None = TEST_API_KEY, timeout: float = 120) -> HarvestRun:
    """Run ``ketamine-evidence harvest --source pubmed`` in a subprocess and wait for it."""
    proc = subprocess.run(harvest_command(server_url, store, *extra, query=query), env=harvest_env(home, api_key),
                          capture_output=True, text=True, timeout=timeout, cwd=home)
    return HarvestRun(proc.returncode, proc.stdout, proc.stderr)


def store_digest(store_path: Path) -> dict[str, str]:
    """key -> sha256 of the latest XML, for every record (missing ones too)."""
    from ketamine_evidence.harvest.store import Store

    with Store(store_path, create=False) as store:
        return {r.key: hashlib.sha256(r.xml).hexdigest() for r in store.iter_records(include_missing=True)}


_CHILD = r"""
import json, logging, sys
from pathlib import Path
logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
for name in ("scrapy", "py.warnings"):
    logging.getLogger(name).setLevel(logging.WARNING)
from ketamine_evidence.base.config import load_config
from ketamine_evidence.harvest.store import Store
from ketamine_evidence.harvest.crawl import crawl_pubmed

args = json.loads(sys.argv[1])
config = load_config().with_overrides(eutils_url=args["url"], query=args["query"], **args["pubmed"])
with Store(Path(args["store"])) as store, store.lock():
    run_id = store.begin_run("pubmed", config.pubmed.query)
    try:
        result = crawl_pubmed(config, store, run_id, query=config.pubmed.query, full=args["full"],
                              with_fulltext=args["fulltext"], progress=False, settings=args["settings"])
    except BaseException as exc:
        store.finish_run(run_id, "failed", note=str(exc))
        print(json.dumps({"error": type(exc).__name__, "message": str(exc)}))
        sys.exit(1)
    store.finish_run(run_id, result.status, windows=result.windows, failed=result.failed)
    out = {k: v for k, v in vars(result).items() if k != "stats"}
    out["stats"] = {k: v for k, v in result.stats.items() if isinstance(v, (int, float, str))}
    print(json.dumps(out))
"""


def run_crawl(home: Path, server_url: str, store: Path, *, full: bool = False, fulltext: bool = False,
              settings: dict | None = None, query: str = QUERY, api_key: str | None = TEST_API_KEY,
              timeout: float = 120, **pubmed: object) -> dict:
    """Run ``crawl_pubmed`` in a subprocess (as the harvest command does) and return its CrawlResult as a dict.

    Unlike the CLI this passes Scrapy ``settings`` (e.g. a short retry backoff) and ``pubmed``
    config values (``batch_size``, ``max_window_hits``); a raised error comes back as ``error``.
    """
    import json

    args = {"url": server_url, "store": str(store), "query": query, "full": full, "fulltext": fulltext,
            "settings": settings or {}, "pubmed": pubmed}
    proc = subprocess.run([sys.executable, "-c", _CHILD, json.dumps(args)], env=harvest_env(home, api_key),
                          capture_output=True, text=True, timeout=timeout, cwd=home)
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise AssertionError(f"crawl child printed no result (exit {proc.returncode}):\n{proc.stderr[-4000:]}")
    result = json.loads(lines[-1])
    result["stderr"] = proc.stderr
    return result
