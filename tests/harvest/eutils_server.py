"""A stand-in for NCBI E-utilities on 127.0.0.1, faithful to ``../shared/reference/EUTILS.md``.

It serves the REAL PubMed/MEDLINE records of ``../shared/corpus/pubmed_xml`` (MEDLINE
``MedlineCitation``s are wrapped in a ``PubmedArticle``, which the PubMed DTD allows without
``PubmedData``) and the PMC JATS articles of ``../shared/corpus/pmc_ketamine``. Records can be
replicated under new PMIDs (only the PMID text is rewritten) to make a collection larger.

Endpoints: ``esearch.fcgi`` (term, usehistory, retstart/retmax, retmode xml|json,
datetype/mindate/maxdate, ``lo:hi[crdt|edat|mdat]`` ranges inside the term, the 9,999 paging
limit, or a lower ``paging_limit`` as NCBI has set before: ``Count`` stays true, the id list stops
at the limit and a ``retstart`` past it is refused) and ``efetch.fcgi`` (GET or POST; ``id=`` lists or ``WebEnv``/``query_key``; db=pubmed
and db=pmc; ids that do not exist are silently omitted). The term is not parsed as PubMed
syntax: it selects the whole collection, except that a term containing ``BADQUERY`` gets an
ERROR and one containing ``NOPHRASE`` finds nothing with a ``PhraseNotFound``.

Limits and faults: per-client rate limiting (3 requests/s, 10 with any ``api_key``) answering
429 with NCBI's JSON body, always on; and, with a seeded RNG, 5xx answers, dropped
connections, truncated bodies (cut XML with an honest length, or a short read), expired
``WebEnv``s, and ids left out of efetch answers (transiently, or for good). Every request is
logged (time, endpoint, params, status, fault) for assertions.
"""

from __future__ import annotations

import gzip
import json
import random
import re
import secrets
import socket
import threading
import time
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

from lxml import etree

PAGING_LIMIT = 9999
ESEARCH_DOCTYPE = ('<!DOCTYPE eSearchResult PUBLIC "-//NLM//DTD esearch 20060628//EN" '
                   '"https://eutils.ncbi.nlm.nih.gov/eutils/dtd/20060628/esearch.dtd">')
PUBMED_DOCTYPE = ('<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2025//EN" '
                  '"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">')
PMC_DOCTYPE = ('<!DOCTYPE pmc-articleset PUBLIC "-//NLM//DTD ARTICLE SET 2.0//EN" '
               '"https://dtd.nlm.nih.gov/ncbi/pmc/articleset/nlm-articleset-2.0.dtd">')
EXPIRED_BODY = (b'<?xml version="1.0" encoding="UTF-8" ?>\n<!DOCTYPE eEfetchResult PUBLIC "-//NLM//DTD efetch '
                b'20131226//EN" "https://eutils.ncbi.nlm.nih.gov/eutils/dtd/20131226/efetch.dtd">\n'
                b'<eFetchResult>\n\t<ERROR>Unable to obtain query #1</ERROR>\n</eFetchResult>\n')
PAGING_ERROR = ("Search Backend failed: Exception:\n'retstart' cannot be larger than 9998. For PubMed, ESearch can "
                "only retrieve the first 9,999 records matching the query. To obtain more than 9,999 PubMed "
                "records, consider using EDirect that contains additional logic to batch PubMed search results "
                "automatically so that an arbitrary number can be retrieved. For details see "
                "https://www.ncbi.nlm.nih.gov/books/NBK25499/")
DATE_RE = r"(\d{4})/(\d{1,2})/(\d{1,2})"
TERM_RANGE = re.compile(rf'"?{DATE_RE}"?(?:\[\w+\])?\s*:\s*"?{DATE_RE}"?\[(crdt|edat|mdat|dp|pdat)\]', re.I)
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True)
_MONTHS = {m: i for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                                       "nov", "dec"], 1)}


# ---------------------------------------------------------------------------- the collection

@dataclass(frozen=True)
class ServedRecord:
    """One PubMed record as served: its XML (a ``PubmedArticle``) and its three dates."""

    pmid: str
    xml: bytes
    crdt: date
    edat: date
    mdat: date

    def date(self, kind: str) -> date:
        return {"crdt": self.crdt, "edat": self.edat, "mdat": self.mdat, "pdat": self.edat, "dp": self.edat}[kind]


def _el_date(el: etree._Element | None) -> date | None:
    if el is None or not (el.findtext("Year") or "").strip().isdigit():
        return None
    month = (el.findtext("Month") or "1").strip()
    month_num = int(month) if month.isdigit() else _MONTHS.get(month[:3].lower(), 1)
    day = (el.findtext("Day") or "1").strip()
    try:
        return date(int(el.findtext("Year")), month_num, int(day) if day.isdigit() else 1)
    except ValueError:
        return None


def _record_dates(article: etree._Element) -> tuple[date, date, date]:
    """(create, entry, modification) dates from the record's own History/DateCreated/DateRevised."""
    history = {d.get("PubStatus"): _el_date(d) for d in article.iterfind("PubmedData/History/PubMedPubDate")}
    citation = article.find("MedlineCitation")
    created = (history.get("entrez") or history.get("pubmed") or _el_date(citation.find("DateCreated"))
               or _el_date(citation.find("DateCompleted")) or _el_date(citation.find("DateRevised"))
               or date(2000, 1, 1))
    revised = _el_date(citation.find("DateRevised")) or created
    return created, created, max(revised, created)


def _served(article: etree._Element) -> ServedRecord:
    crdt, edat, mdat = _record_dates(article)
    pmid = article.findtext("MedlineCitation/PMID").strip()
    return ServedRecord(pmid, etree.tostring(article, encoding="utf-8", with_tail=False), crdt, edat, mdat)


def _set_date(parent: etree._Element, tag: str, day: date) -> None:
    el = parent.find(tag)
    if el is None:
        el = etree.SubElement(parent, tag)
    for child in list(el):
        el.remove(child)
    for name, value in (("Year", f"{day.year:04d}"), ("Month", f"{day.month:02d}"), ("Day", f"{day.day:02d}")):
        etree.SubElement(el, name).text = value


class Collection:
    """The records the stand-in serves, and the mutations a test makes between runs."""

    def __init__(self, records: Iterable[ServedRecord] = (), pmc: dict[str, bytes] | None = None) -> None:
        self.records: dict[str, ServedRecord] = {r.pmid: r for r in records}
        self.pmc: dict[str, bytes] = dict(pmc or {})
        self.lock = threading.RLock()

    @classmethod
    def from_corpus(cls, pubmed_dir: Path, pmc_dir: Path | None = None) -> "Collection":
        """Every PubMed/MEDLINE record of ``pubmed_dir`` (first copy of a PMID wins) and the PMC articles."""
        records: dict[str, ServedRecord] = {}
        for path in sorted(pubmed_dir.glob("*.xml*")):
            if "esearch" in path.name or "esummary" in path.name:
                continue
            data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
            root = etree.fromstring(data, _PARSER)
            if root.tag == "PubmedArticleSet":
                articles = root.findall("PubmedArticle")
            elif root.tag == "MedlineCitationSet":
                articles = []
                for citation in root.findall("MedlineCitation"):
                    wrapper = etree.Element("PubmedArticle")
                    citation.tail = None
                    wrapper.append(citation)
                    articles.append(wrapper)
            else:
                continue
            for article in articles:
                rec = _served(article)
                records.setdefault(rec.pmid, rec)
        pmc: dict[str, bytes] = {}
        for path in sorted(pmc_dir.glob("*.nxml")) if pmc_dir else []:
            data = path.read_bytes()
            pmc[path.stem.upper()] = data[data.index(b"<article"):]
        return cls(records.values(), pmc)

    def copy(self) -> "Collection":
        with self.lock:
            return Collection(self.records.values(), self.pmc)

    def __len__(self) -> int:
        return len(self.records)

    def pmids(self) -> list[str]:
        with self.lock:
            return list(self.records)

    # -- mutations -------------------------------------------------------------------------

    def _edit(self, pmid: str, edit, day: date) -> ServedRecord:
        with self.lock:
            old = self.records[pmid]
            article = etree.fromstring(old.xml, _PARSER)
            edit(article)
            _set_date(article.find("MedlineCitation"), "DateRevised", day)
            new = replace(old, xml=etree.tostring(article, encoding="utf-8"), mdat=day)
            self.records[pmid] = new
            return new

    def revise(self, pmid: str, day: date | None = None) -> ServedRecord:
        """A revision (e.g. MeSH added): DateRevised and the modification date move to ``day``."""
        day = day or date.today()

        def add_keyword(article: etree._Element) -> None:
            citation = article.find("MedlineCitation")
            kw = citation.find("KeywordList")
            if kw is None:
                kw = etree.SubElement(citation, "KeywordList", Owner="NOTNLM")
            etree.SubElement(kw, "Keyword", MajorTopicYN="N").text = f"revised {day.isoformat()}"
        return self._edit(pmid, add_keyword, day)

    def retract(self, pmid: str, day: date | None = None) -> ServedRecord:
        """A retraction: publication type ``Retracted Publication`` added, dates moved to ``day``."""
        day = day or date.today()

        def add_type(article: etree._Element) -> None:
            types = article.find("MedlineCitation/Article/PublicationTypeList")
            etree.SubElement(types, "PublicationType", UI="D016441").text = "Retracted Publication"
        return self._edit(pmid, add_type, day)

    def replicate(self, count: int, *, first_pmid: int = 90_000_000, day: date | None = None,
                  spread: tuple[date, date] | None = None, templates: list[str] | None = None) -> list[str]:
        """Add ``count`` copies of existing records under new PMIDs (only the PMID text changes).

        Dates: ``day`` for all (new records), or spread evenly over ``spread`` (a large
        collection with dates to split on), else the template's own dates.
        """
        with self.lock:
            pool = [self.records[p] for p in (templates or list(self.records))]
            added = []
            for i in range(count):
                template = pool[i % len(pool)]
                pmid = str(first_pmid + i)
                article = etree.fromstring(template.xml, _PARSER)
                article.find("MedlineCitation/PMID").text = pmid
                for aid in article.iterfind("PubmedData/ArticleIdList/ArticleId"):
                    if aid.get("IdType") == "pubmed":
                        aid.text = pmid
                if day is not None:
                    crdt = edat = mdat = day
                elif spread is not None:
                    span = (spread[1] - spread[0]).days
                    crdt = edat = mdat = spread[0] + timedelta(days=(i * span) // max(1, count - 1) if count > 1 else 0)
                else:
                    crdt, edat, mdat = template.crdt, template.edat, template.mdat
                rec = ServedRecord(pmid, etree.tostring(article, encoding="utf-8"), crdt, edat, mdat)
                self.records[pmid] = rec
                added.append(pmid)
            return added

    def link_pmc(self, pmid: str, pmcid: str) -> ServedRecord:
        """Point a record's ``ArticleId IdType="pmc"`` at ``pmcid`` (adding the element if needed)."""
        with self.lock:
            old = self.records[pmid]
            article = etree.fromstring(old.xml, _PARSER)
            data = article.find("PubmedData")
            if data is None:
                data = etree.SubElement(article, "PubmedData")
            ids = data.find("ArticleIdList")
            if ids is None:
                ids = etree.SubElement(data, "ArticleIdList")
            pmc = next((a for a in ids.iterfind("ArticleId") if a.get("IdType") == "pmc"), None)
            if pmc is None:
                pmc = etree.SubElement(ids, "ArticleId", IdType="pmc")
            pmc.text = pmcid
            new = replace(old, xml=etree.tostring(article, encoding="utf-8"))
            self.records[pmid] = new
            return new

    def delete(self, pmid: str) -> None:
        with self.lock:
            del self.records[pmid]

    # -- queries ---------------------------------------------------------------------------

    def search(self, ranges: list[tuple[str, date, date]]) -> list[str]:
        """PMIDs whose dates fall in every (field, lo, hi) range, most recent entry first."""
        with self.lock:
            hits = [r for r in self.records.values()
                    if all(lo <= r.date(kind) <= hi for kind, lo, hi in ranges)]
        hits.sort(key=lambda r: (r.edat, int(r.pmid) if r.pmid.isdigit() else -1, r.pmid), reverse=True)
        return [r.pmid for r in hits]


# ---------------------------------------------------------------------------- faults and log

@dataclass
class Faults:
    """Injected faults; rates are per request (``omit_rate`` per id), drawn from a seeded RNG."""

    error_rate: float = 0.0       # 500/502/503 with an HTML body
    drop_rate: float = 0.0        # close the connection without an answer
    truncate_rate: float = 0.0    # 200 with a cut body (half honest length, half short read)
    expire_rate: float = 0.0      # efetch by WebEnv: "Unable to obtain query #1" (the WebEnv is forgotten)
    omit_rate: float = 0.0        # each requested id left out of an efetch answer (comes back when re-asked)
    withheld: set[str] = field(default_factory=set)   # ids esearch lists but efetch never returns
    latency: float = 0.0          # seconds before each answer
    only: tuple[str, ...] = ("esearch", "efetch")     # endpoints the random faults apply to


@dataclass(frozen=True)
class LoggedRequest:
    time: float                   # time.monotonic() at arrival
    method: str
    path: str                     # the URL path, e.g. /entrez/eutils/efetch.fcgi
    endpoint: str                 # esearch | efetch | the last path segment otherwise
    params: dict[str, str]
    status: int | None            # None: dropped without an answer
    fault: str | None
    client: str                   # api_key or client address (what the rate limit counts by)


def _params(handler: BaseHTTPRequestHandler) -> dict[str, str]:
    parsed = urlparse(handler.path)
    params = {k: v[-1] for k, v in parse_qs(parsed.query, keep_blank_values=True).items()}
    if handler.command == "POST":
        length = int(handler.headers.get("Content-Length") or 0)
        body = handler.rfile.read(length).decode("utf-8", "replace") if length else ""
        params.update({k: v[-1] for k, v in parse_qs(body, keep_blank_values=True).items()})
    return params


def _ymd(text: str) -> date | None:
    m = re.fullmatch(DATE_RE, text.strip())
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


class _StampingServer(ThreadingHTTPServer):
    """Notes when each connection was accepted: the rate limit counts arrivals, not handler start-up."""

    daemon_threads = True

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.accepted_at: dict[int, float] = {}

    def process_request(self, request, client_address) -> None:  # type: ignore[no-untyped-def]
        self.accepted_at[id(request)] = time.monotonic()
        super().process_request(request, client_address)


class _Reply(Exception):
    def __init__(self, status: int, body: bytes, content_type: str = "text/xml; charset=UTF-8",
                 fault: str | None = None) -> None:
        self.status, self.body, self.content_type, self.fault = status, body, content_type, fault


# ---------------------------------------------------------------------------- the server

class EutilsServer:
    """Run with ``with EutilsServer(collection) as server: ... server.url ...``."""

    def __init__(self, collection: Collection, *, faults: Faults | None = None, seed: int = 0,
                 rate_limit: int = 3, key_rate_limit: int = 10, expired_status: int = 200,
                 paging_limit: int = PAGING_LIMIT) -> None:
        self.collection = collection
        self.paging_limit = paging_limit
        self.faults = faults or Faults()
        self.rng = random.Random(seed)
        self.rate_limit = rate_limit
        self.key_rate_limit = key_rate_limit
        self.expired_status = expired_status
        self.requests: list[LoggedRequest] = []
        self.history: dict[str, dict[str, list[str]]] = {}
        self._accepted: dict[str, deque[float]] = {}
        self._lock = threading.Lock()
        self._httpd: _StampingServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle -------------------------------------------------------------------------

    def start(self) -> "EutilsServer":
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"

            def do_GET(self) -> None:  # noqa: N802 - http.server API
                server._handle(self)

            def do_POST(self) -> None:  # noqa: N802
                server._handle(self)

            def log_message(self, *args: object) -> None:
                pass

        self._httpd = _StampingServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="eutils-stand-in", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None

    def __enter__(self) -> "EutilsServer":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        assert self._httpd is not None, "server not started"
        return self._httpd.server_address[1]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/entrez/eutils/"

    # -- what tests look at ----------------------------------------------------------------

    def expire_history(self) -> None:
        """Forget every WebEnv (as NCBI does after some hours)."""
        with self._lock:
            self.history.clear()

    def log(self, endpoint: str | None = None, status: int | None | str = "any") -> list[LoggedRequest]:
        with self._lock:
            entries = list(self.requests)
        return [r for r in entries if (endpoint is None or r.endpoint == endpoint)
                and (status == "any" or r.status == status)]

    def max_per_window(self, window: float = 1.0, client: str | None = None) -> int:
        """The most requests that arrived within any ``window`` seconds (sliding)."""
        times = sorted(r.time for r in self.log() if client is None or r.client == client)
        best, lo = 0, 0
        for hi, t in enumerate(times):
            while t - times[lo] >= window:
                lo += 1
            best = max(best, hi - lo + 1)
        return best

    # -- request handling ------------------------------------------------------------------

    def _handle(self, handler: BaseHTTPRequestHandler) -> None:
        accepted = getattr(handler.server, "accepted_at", {})
        arrived = accepted.pop(id(handler.request), None) or time.monotonic()
        params = _params(handler)
        endpoint = urlparse(handler.path).path.rsplit("/", 1)[-1].removesuffix(".fcgi")
        client = params.get("api_key") or handler.client_address[0]
        status, fault, body, ctype, length = self._answer(endpoint, params, client, arrived)
        # Logged before answering, so a client that has its answer also finds it in the log.
        with self._lock:
            self.requests.append(LoggedRequest(arrived, handler.command, urlparse(handler.path).path, endpoint,
                                               params, status, fault, client))
        try:
            if status is None:  # dropped: close the socket without an answer
                handler.close_connection = True
                handler.connection.shutdown(socket.SHUT_RDWR)
            else:
                self._send(handler, status, body, ctype, length)
        except OSError:
            pass  # the client went away

    def _answer(self, endpoint: str, params: dict[str, str], client: str, arrived: float
                ) -> tuple[int | None, str | None, bytes, str, int | None]:
        """(status or None to drop, fault, body, content type, Content-Length if not len(body))."""
        limited = self._over_rate(client, bool(params.get("api_key")), arrived)
        if limited is not None:
            return 429, "rate", limited, "application/json", None
        if self.faults.latency:
            time.sleep(self.faults.latency)
        fault = self._draw_fault(endpoint)
        if fault == "error":
            with self._lock:
                status = self.rng.choice([500, 502, 503])
            return status, fault, b"<html><body><h1>Service unavailable</h1></body></html>", "text/html", None
        if fault == "drop":
            return None, fault, b"", "", None
        try:
            if endpoint == "esearch":
                body, ctype = self._esearch(params)
            elif endpoint == "efetch":
                body, ctype = self._efetch(params)
            else:
                raise _Reply(404, b"<html><body>Not Found</body></html>", "text/html")
        except _Reply as reply:
            return reply.status, reply.fault or fault, reply.body, reply.content_type, None
        if fault == "truncate" and len(body) > 20:
            with self._lock:
                cut = self.rng.randrange(10, len(body) - 5)
                honest = self.rng.random() < 0.5
            if honest:  # well-formed HTTP, cut XML: only body validation notices
                return 200, fault, body[:cut], ctype, None
            return 200, "short-read", body[:cut], ctype, len(body)  # fewer bytes than Content-Length
        return 200, fault, body, ctype, None

    def _over_rate(self, client: str, keyed: bool, now: float) -> bytes | None:
        limit = self.key_rate_limit if keyed else self.rate_limit
        with self._lock:
            window = self._accepted.setdefault(client, deque())
            while window and now - window[0] >= 1.0:
                window.popleft()
            if len(window) >= limit:
                return json.dumps({"error": "API rate limit exceeded", "api-key": client,
                                   "count": str(len(window) + 1), "limit": str(limit)}).encode()
            window.append(now)
            return None

    def _draw_fault(self, endpoint: str) -> str | None:
        if endpoint not in self.faults.only:
            return None
        with self._lock:
            r = self.rng.random()
        f = self.faults
        if r < f.error_rate:
            return "error"
        if r < f.error_rate + f.drop_rate:
            return "drop"
        if r < f.error_rate + f.drop_rate + f.truncate_rate:
            return "truncate"
        return None

    @staticmethod
    def _send(handler: BaseHTTPRequestHandler, status: int, body: bytes, ctype: str, length: int | None = None
              ) -> None:
        handler.send_response(status)
        handler.send_header("Content-Type", ctype)
        handler.send_header("Content-Length", str(len(body) if length is None else length))
        handler.send_header("Connection", "close")
        handler.end_headers()
        handler.wfile.write(body)
        handler.wfile.flush()

    # -- esearch ---------------------------------------------------------------------------

    def _esearch(self, params: dict[str, str]) -> tuple[bytes, str]:
        as_json = params.get("retmode", "xml").lower() == "json"

        def error(message: str) -> _Reply:
            if as_json:
                body = json.dumps({"header": {"type": "esearch", "version": "0.3"},
                                   "esearchresult": {"ERROR": message}}).encode()
                return _Reply(200, body, "application/json; charset=UTF-8")
            text = message.replace("&", "&amp;").replace("<", "&lt;")
            return _Reply(200, f'<?xml version="1.0" encoding="UTF-8" ?>\n{ESEARCH_DOCTYPE}\n'
                               f"<eSearchResult><ERROR>{text}</ERROR></eSearchResult>\n".encode())

        if params.get("db", "pubmed") != "pubmed":
            raise error(f"Database '{params.get('db')}' is not served by the stand-in")
        term = params.get("term", "")
        if not term.strip():
            raise error("Empty term and query_key - nothing todo")
        if "BADQUERY" in term:
            raise error(f"Invalid query: unsupported syntax near 'BADQUERY' in {term[:80]!r}")
        ranges = [(m.group(7).lower(), date(int(m.group(1)), int(m.group(2)), int(m.group(3))),
                   date(int(m.group(4)), int(m.group(5)), int(m.group(6)))) for m in TERM_RANGE.finditer(term)]
        mindate, maxdate = params.get("mindate"), params.get("maxdate")
        if mindate or maxdate:
            lo, hi = _ymd(mindate or ""), _ymd(maxdate or "")
            if lo is None or hi is None:
                raise error("Invalid date: mindate and maxdate must both be given as YYYY/MM/DD")
            ranges.append((params.get("datetype", "pdat").lower(), lo, hi))
        phrases = []
        if "NOPHRASE" in term:
            ids, phrases = [], ["NOPHRASE"]
        else:
            ids = self.collection.search(ranges)
        retstart = int(params.get("retstart") or 0)
        retmax = int(params.get("retmax") or 20)
        if retstart > self.paging_limit - 1:
            raise error(PAGING_ERROR.replace("9998", str(self.paging_limit - 1)))
        page = ids[retstart:min(retstart + max(0, retmax), self.paging_limit)]
        webenv = query_key = None
        if params.get("usehistory", "").lower() == "y":
            webenv, query_key = f"MCID_{secrets.token_hex(12)}", "1"
            with self._lock:
                self.history[webenv] = {query_key: ids}
        if as_json:
            result = {"count": str(len(ids)), "retmax": str(len(page)), "retstart": str(retstart),
                      "idlist": page, "translationset": [], "querytranslation": term}
            if webenv:
                result.update(querykey=query_key, webenv=webenv)
            if phrases:
                result["errorlist"] = {"phrasesnotfound": phrases, "fieldsnotfound": []}
            return (json.dumps({"header": {"type": "esearch", "version": "0.3"}, "esearchresult": result}).encode(),
                    "application/json; charset=UTF-8")
        history = f"<QueryKey>{query_key}</QueryKey><WebEnv>{webenv}</WebEnv>" if webenv else ""
        id_xml = "".join(f"<Id>{i.replace('&', '&amp;').replace('<', '&lt;')}</Id>\n" for i in page)
        errors = ("<ErrorList>" + "".join(f"<PhraseNotFound>{p}</PhraseNotFound>" for p in phrases)
                  + "</ErrorList>") if phrases else ""
        translation = term.replace("&", "&amp;").replace("<", "&lt;")
        body = (f'<?xml version="1.0" encoding="UTF-8" ?>\n{ESEARCH_DOCTYPE}\n<eSearchResult><Count>{len(ids)}</Count>'
                f"<RetMax>{len(page)}</RetMax><RetStart>{retstart}</RetStart>{history}<IdList>\n{id_xml}</IdList>"
                f"<TranslationSet/>{errors}<QueryTranslation>{translation}</QueryTranslation></eSearchResult>\n")
        return body.encode(), "text/xml; charset=UTF-8"

    # -- efetch ----------------------------------------------------------------------------

    def _efetch(self, params: dict[str, str]) -> tuple[bytes, str]:
        db = params.get("db", "pubmed")
        if params.get("WebEnv") or params.get("query_key"):
            with self._lock:
                ids = self.history.get(params.get("WebEnv", ""), {}).get(params.get("query_key", ""))
                expire = ids is not None and self.rng.random() < self.faults.expire_rate
                if expire:
                    self.history.pop(params["WebEnv"], None)
            if ids is None or expire:
                raise _Reply(self.expired_status, EXPIRED_BODY, fault="expired")
            retstart = int(params.get("retstart") or 0)
            ids = ids[retstart:retstart + int(params.get("retmax") or 20)]
        else:
            ids = [i.strip() for i in params.get("id", "").split(",") if i.strip()]
        if db == "pmc":
            return self._efetch_pmc(ids)
        if db != "pubmed":
            raise _Reply(400, f"<eFetchResult><ERROR>Database '{db}' not served</ERROR></eFetchResult>".encode())
        with self.collection.lock:
            records = [self.collection.records.get(i) for i in ids]
        parts = []
        for rec in records:
            if rec is None or rec.pmid in self.faults.withheld:
                continue
            if self.faults.omit_rate:
                with self._lock:
                    if self.rng.random() < self.faults.omit_rate:
                        continue
            parts.append(rec.xml)
        body = (f'<?xml version="1.0" ?>\n{PUBMED_DOCTYPE}\n<PubmedArticleSet>\n'.encode()
                + b"\n".join(parts) + b"\n</PubmedArticleSet>\n")
        return body, "text/xml; charset=UTF-8"

    def _efetch_pmc(self, ids: list[str]) -> tuple[bytes, str]:
        parts = []
        for raw in ids:
            key = raw.upper() if raw.upper().startswith("PMC") else f"PMC{raw}"
            article = self.collection.pmc.get(key)
            if article is not None:
                parts.append(article)
        body = (f'<?xml version="1.0" ?>\n{PMC_DOCTYPE}\n<pmc-articleset>'.encode() + b"\n".join(parts)
                + b"</pmc-articleset>\n")
        return body, "text/xml; charset=UTF-8"


class Blackhole:
    """A server that accepts connections and never answers (a hung NCBI, a silent proxy)."""

    def __init__(self) -> None:
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(64)   # the kernel completes the handshakes; nobody ever reads or writes
        self.port = self._sock.getsockname()[1]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/entrez/eutils/"

    def __enter__(self) -> "Blackhole":
        return self

    def __exit__(self, *exc: object) -> None:
        self._sock.close()
