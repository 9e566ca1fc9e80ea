"""NCBI E-utilities vocabulary: search windows, request parameters and response parsing.

Pure functions and small dataclasses, no I/O: the Scrapy spider builds its requests and reads
its responses through this module, and the unit tests exercise it on saved NCBI bodies.
See ``../shared/reference/EUTILS.md`` for the behaviour this encodes.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from urllib.parse import urljoin

from lxml import etree

from ketamine_evidence.harvest.items import RawRecord
from ketamine_evidence.harvest.pubmed_xml import TruncatedBody, inspect_pmc

#: PubMed's date format for ``mindate``/``maxdate`` and ``[crdt]`` ranges.
DATE_FORMAT = "%Y/%m/%d"
#: Lower bound of a full harvest's date range once it has to be split (PubMed's oldest
#: citations are from the 1780s; empty windows cost one search each).
EARLIEST = date(1700, 1, 1)
#: Substrings of an esearch/efetch ERROR that mean "try again", not "your query is wrong".
TRANSIENT_ERRORS = ("backend failed", "temporarily unavailable", "try again", "timeout", "timed out")
#: Substrings of an efetch ERROR that mean the history server forgot the WebEnv.
EXPIRED_ERRORS = ("unable to obtain query", "invalid webenv", "webenv", "query_key")


class EutilsBodyError(ValueError):
    """An E-utilities body that is not the XML/JSON document it should be (cut, HTML, empty)."""


def fmt_date(day: date) -> str:
    return day.strftime(DATE_FORMAT)


def endpoint(base_url: str, name: str) -> str:
    """``https://.../eutils/`` + ``esearch`` -> ``https://.../eutils/esearch.fcgi``."""
    base = base_url if base_url.endswith("/") else base_url + "/"
    return urljoin(base, f"{name}.fcgi")


def identity_params(tool: str, email: str, api_key: str) -> dict[str, str]:
    """The ``tool``/``email``/``api_key`` NCBI asks for on every request (empty ones left out)."""
    params = {"tool": tool, "email": email, "api_key": api_key}
    return {k: v for k, v in params.items() if v}


@dataclass(frozen=True)
class Window:
    """One esearch: the query restricted to a date range, splittable in halves.

    ``datetype`` (``edat``/``mdat``/``pdat``) puts the range in ``mindate``/``maxdate``;
    ``term_field`` (``crdt``) puts it inside the term as ``lo:hi[crdt]``, which PubMed accepts
    for fields that ``datetype`` does not cover. A window with neither is the undated query.
    """

    query: str
    datetype: str | None = None
    term_field: str | None = None
    mindate: date | None = None
    maxdate: date | None = None

    @property
    def dated(self) -> bool:
        return self.mindate is not None and self.maxdate is not None

    @property
    def term(self) -> str:
        if self.term_field and self.dated:
            return f"({self.query.strip()}) AND ({fmt_date(self.mindate)}:{fmt_date(self.maxdate)}[{self.term_field}])"
        return self.query.strip()

    @property
    def label(self) -> str:
        """Short description recorded with the run, e.g. ``mdat 2026/01/01-2026/02/01``."""
        if not self.dated:
            return "all"
        return f"{self.term_field or self.datetype} {fmt_date(self.mindate)}-{fmt_date(self.maxdate)}"

    def params(self) -> dict[str, str]:
        """The esearch parameters that select this window (besides ``db``/paging/identity)."""
        out = {"term": self.term}
        if self.datetype and self.dated:
            out.update(datetype=self.datetype, mindate=fmt_date(self.mindate), maxdate=fmt_date(self.maxdate))
        return out

    def split(self, today: date | None = None) -> tuple["Window", "Window"] | None:
        """Two windows that together cover this one, or ``None`` if it is a single day.

        An undated window is first given the range ``EARLIEST``..tomorrow on entry date.
        """
        if not self.dated:
            until = (today or date.today()) + timedelta(days=1)
            return replace(self, datetype=self.datetype or "edat", mindate=EARLIEST, maxdate=until).split(today)
        span = (self.maxdate - self.mindate).days
        if span < 1:
            return None
        middle = self.mindate + timedelta(days=span // 2)
        return (replace(self, maxdate=middle), replace(self, mindate=middle + timedelta(days=1)))


def full_windows(query: str) -> list[Window]:
    """A first (or ``--full``) harvest: the whole query, split later only if it is too large."""
    return [Window(query)]


def incremental_windows(query: str, since: date, until: date) -> list[Window]:
    """What changed since ``since``: modified (``datetype=mdat``) OR created (``[crdt]`` in the term).

    The modification date catches new and revised records (corrections, retractions, MeSH);
    the create date also catches records back-filled with an old entry date, which an
    ``edat`` window would miss (EUTILS.md, "Dates and incremental harvests").
    """
    return [Window(query, datetype="mdat", mindate=since, maxdate=until),
            Window(query, term_field="crdt", mindate=since, maxdate=until)]


@dataclass
class EsearchResult:
    count: int
    ids: list[str]
    webenv: str | None = None
    query_key: str | None = None
    error: str | None = None
    phrases_not_found: list[str] = field(default_factory=list)


def _safe_parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True)


def parse_esearch(body: bytes) -> EsearchResult:
    """Read an esearch answer (``retmode=xml`` or ``json``); raises ``EutilsBodyError`` if unreadable.

    An ``ERROR`` that NCBI sends with HTTP 200 is returned in ``error``, not raised.
    """
    text = body.lstrip()
    if text.startswith(b"{"):
        return _parse_esearch_json(text)
    try:
        root = etree.fromstring(text, _safe_parser())
    except etree.XMLSyntaxError as exc:
        raise EutilsBodyError(f"esearch body is not XML: {exc}") from None
    if root.tag != "eSearchResult":
        raise EutilsBodyError(f"esearch body has root <{root.tag}>, expected <eSearchResult>")
    error = root.findtext("ERROR")
    count_text = root.findtext("Count")
    if count_text is None and not error:
        raise EutilsBodyError("esearch body has neither <Count> nor <ERROR>")
    return EsearchResult(
        count=int(count_text) if count_text and count_text.strip().isdigit() else 0,
        ids=[(i.text or "").strip() for i in root.iterfind("IdList/Id") if (i.text or "").strip()],
        webenv=root.findtext("WebEnv"), query_key=root.findtext("QueryKey"),
        error=error.strip() if error else None,
        phrases_not_found=[p.text or "" for p in root.iterfind("ErrorList/PhraseNotFound")],
    )


def _parse_esearch_json(text: bytes) -> EsearchResult:
    try:
        data = json.loads(text)
        result = data["esearchresult"]
    except (ValueError, KeyError, TypeError) as exc:
        raise EutilsBodyError(f"esearch body is not E-utilities JSON: {exc}") from None
    error = result.get("ERROR") or result.get("error")
    if "count" not in result and not error:
        raise EutilsBodyError("esearch JSON has neither count nor ERROR")
    errorlist = result.get("errorlist") or {}
    return EsearchResult(
        count=int(result.get("count") or 0), ids=[str(i) for i in result.get("idlist", [])],
        webenv=result.get("webenv"), query_key=result.get("querykey"),
        error=str(error) if error else None,
        phrases_not_found=list(errorlist.get("phrasesnotfound", [])))


def efetch_error(body: bytes) -> str | None:
    """The ``ERROR`` text of an efetch error document (``<eFetchResult><ERROR>``/JSON), else ``None``.

    Only a short body is inspected: a real ``PubmedArticleSet`` is never an error document.
    """
    head = body.lstrip()[:4096]
    if head.startswith(b"{"):
        try:
            data = json.loads(body)
        except ValueError:
            return None
        if not isinstance(data, dict):
            return None
        return str(data.get("error") or data.get("ERROR") or "") or None
    if b"<ERROR>" not in head and b"<eFetchResult" not in head:
        return None
    match = re.search(rb"<ERROR>(.*?)</ERROR>", body[:65536], re.S)
    return match.group(1).decode("utf-8", "replace").strip() if match else None


def is_transient(error: str) -> bool:
    """An ERROR worth retrying ("Search Backend failed"), except the paging limit, which never passes."""
    low = error.lower()
    return any(s in low for s in TRANSIENT_ERRORS) and "retstart" not in low


def is_expired_history(error: str) -> bool:
    low = error.lower()
    return any(s in low for s in EXPIRED_ERRORS)


def split_pmc_articleset(body: bytes, source: str = "pmc") -> list[RawRecord]:
    """The records of an ``efetch db=pmc`` body (``<pmc-articleset>`` of JATS ``<article>``s).

    Raises ``TruncatedBody`` unless the body is one complete, well-formed article set.
    """
    stripped = body.rstrip()
    if not (stripped.endswith(b"</pmc-articleset>") or stripped.endswith(b"<pmc-articleset/>")
            or stripped.endswith(b"</article>")):
        raise TruncatedBody("efetch db=pmc body does not end with </pmc-articleset>")
    try:
        root = etree.fromstring(stripped, _safe_parser())
    except etree.XMLSyntaxError as exc:
        raise TruncatedBody(f"broken JATS XML: {exc}") from None
    articles = [root] if root.tag == "article" else root.findall("article")
    return [inspect_pmc(article, source) for article in articles]
