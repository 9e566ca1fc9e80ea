"""Mirror NLM's PubMed ``baseline/`` and ``updatefiles/`` trees: checksummed, atomic, resumable, polite.

NCBI asks bulk users to work from the annual baseline (about 1,300 gzipped ``PubmedArticleSet`` files)
plus the daily update files rather than from E-utilities. Each data file ``pubmedYYnNNNN.xml.gz`` sits
beside ``pubmedYYnNNNN.xml.gz.md5`` (one line, ``MD5(pubmedYYnNNNN.xml.gz)= <hex>``), listed on a plain
HTML directory index. :func:`sync` reads both indexes, downloads each data file it does not already hold
complete, checks it against its ``.md5`` and moves it into place only when it matches:

- a download is written to ``NAME.part`` and renamed after the checksum matched, so a kill never leaves
  a file that looks complete; the next sync starts that file again;
- a file is complete when the local ``NAME.md5`` (written last, after the rename) holds the same checksum
  as the server's ``.md5``: a second sync of an unchanged tree fetches only the indexes and the small
  ``.md5`` files, never a data file;
- a checksum mismatch is retried (``attempts`` times), then the file is refused: nothing partial is
  left behind, the other files are still mirrored, and the sync ends with a :class:`MirrorError` that
  names it;
- one connection (a ``requests.Session``), ``pause_s`` between files, retries with backoff on 429/5xx
  and dropped connections through urllib3's ``Retry``.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from ketamine_evidence.base.errors import MirrorError, Unreachable

log = logging.getLogger(__name__)

DEFAULT_URL = "https://ftp.ncbi.nlm.nih.gov/pubmed/"
SUBDIRS = ("baseline", "updatefiles")
_DATA_FILE = re.compile(r'href="([^"/?#]+\.xml\.gz)"', re.I)
_MD5 = re.compile(r"\b([0-9a-f]{32})\b", re.I)
_CHUNK = 1 << 20


@dataclass
class SyncReport:
    """What one sync did, per file name (``baseline/NAME`` or ``updatefiles/NAME``)."""

    downloaded: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    already_complete: list[str] = field(default_factory=list)
    retried: list[str] = field(default_factory=list)
    bytes_downloaded: int = 0


def session(user_agent: str = "ketamine-evidence baseline mirror", retries: int = 4,
            backoff_s: float = 1.0) -> requests.Session:
    """One connection with retries on 429/5xx and dropped connections, honouring ``Retry-After``."""
    s = requests.Session()
    retry = Retry(total=retries, connect=retries, read=retries, status=retries, backoff_factor=backoff_s,
                  status_forcelist=(429, 500, 502, 503, 504), allowed_methods=("GET", "HEAD"),
                  respect_retry_after_header=True, raise_on_status=False)
    adapter = HTTPAdapter(max_retries=retry, pool_connections=1, pool_maxsize=1)
    s.mount("https://", adapter)
    s.mount("http://", adapter)
    s.headers["User-Agent"] = user_agent
    return s


def list_data_files(http: requests.Session, url: str, timeout_s: float) -> list[str]:
    """Names of the ``.xml.gz`` files on one directory index, sorted (NLM numbers them in load order)."""
    resp = _get(http, url, timeout_s)
    names = sorted({m.group(1) for m in _DATA_FILE.finditer(resp.text)})
    return names


def parse_md5(text: str, name: str) -> str:
    """The hex digest in an NLM ``.md5`` file (``MD5(name)= hex``; ``md5sum`` style is accepted too)."""
    m = _MD5.search(text)
    if m is None:
        raise MirrorError(f"{name}.md5: no MD5 checksum in it")
    return m.group(1).lower()


def _get(http: requests.Session, url: str, timeout_s: float, stream: bool = False) -> requests.Response:
    try:
        resp = http.get(url, timeout=timeout_s, stream=stream)
    except requests.RequestException as exc:
        raise Unreachable(f"cannot reach {url}: {type(exc).__name__}") from None
    if resp.status_code != 200:
        resp.close()
        raise Unreachable(f"{url}: HTTP {resp.status_code}")
    return resp


def _download(http: requests.Session, url: str, part: Path, timeout_s: float) -> tuple[str, int]:
    """Stream ``url`` into ``part``; the MD5 and size of what arrived."""
    digest = hashlib.md5(usedforsecurity=False)
    size = 0
    with _get(http, url, timeout_s, stream=True) as resp, part.open("wb") as fh:
        try:
            for chunk in resp.iter_content(_CHUNK):
                fh.write(chunk)
                digest.update(chunk)
                size += len(chunk)
        except requests.RequestException as exc:
            raise Unreachable(f"{url}: download cut ({type(exc).__name__})") from None
        fh.flush()
        os.fsync(fh.fileno())
    return digest.hexdigest(), size


def _is_complete(local: Path, md5_path: Path, expected: str) -> bool:
    if not local.is_file() or not md5_path.is_file():
        return False
    try:
        return parse_md5(md5_path.read_text(encoding="ascii", errors="replace"), local.name) == expected
    except MirrorError:
        return False


def sync(url: str, dest: Path, *, subdirs: tuple[str, ...] = SUBDIRS, pause_s: float = 1.0,
         attempts: int = 3, timeout_s: float = 60.0, http: requests.Session | None = None,
         progress: Callable[[str, str], None] | None = None) -> SyncReport:
    """Mirror ``subdirs`` of the NLM-style tree at ``url`` into ``dest`` (see the module doc)."""
    http = http or session()
    report = SyncReport()
    base = url if url.endswith("/") else url + "/"
    first = True
    for sub in subdirs:
        index = urljoin(base, sub + "/")
        names = list_data_files(http, index, timeout_s)
        folder = dest / sub
        folder.mkdir(parents=True, exist_ok=True)
        for name in names:
            label = f"{sub}/{name}"
            expected = parse_md5(_get(http, urljoin(index, name + ".md5"), timeout_s).text, name)
            local, md5_path = folder / name, folder / (name + ".md5")
            if _is_complete(local, md5_path, expected):
                report.already_complete.append(label)
                continue
            if not first and pause_s > 0:
                time.sleep(pause_s)  # polite: one file at a time, a pause between downloads
            first = False
            part = folder / (name + ".part")
            for attempt in range(1, attempts + 1):
                got, size = _download(http, urljoin(index, name), part, timeout_s)
                if got == expected:
                    md5_path.unlink(missing_ok=True)  # the old checksum must not vouch for the new file
                    os.replace(part, local)
                    tmp = folder / (name + ".md5.part")
                    tmp.write_text(f"MD5({name})= {got}\n", encoding="ascii")
                    os.replace(tmp, md5_path)
                    report.downloaded.append(label)
                    report.bytes_downloaded += size
                    if progress:
                        progress("downloaded", label)
                    break
                log.warning("%s: checksum mismatch (attempt %d of %d)", label, attempt, attempts)
                report.retried.append(label)
            else:
                part.unlink(missing_ok=True)
                report.refused.append(label)
    if report.refused:  # the rest was mirrored; the run still fails, naming what is missing
        more = f" (and {len(report.refused) - 1} more)" if len(report.refused) > 1 else ""
        raise MirrorError(f"{report.refused[0]}{more}: checksum does not match its .md5 after {attempts} "
                          f"attempts; nothing was kept")
    return report
