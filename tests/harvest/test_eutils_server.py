"""The E-utilities stand-in behaves as EUTILS.md describes NCBI (so the crawl tests mean something)."""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from datetime import date

import pytest

from ketamine_evidence.harvest.eutils import efetch_error, parse_esearch
from ketamine_evidence.harvest.pubmed_xml import split_efetch
from tests.harvest.eutils_server import Collection, EutilsServer

KEY = {"api_key": "k"}


def get(server: EutilsServer, name: str, **params: str) -> bytes:
    url = f"{server.url}{name}.fcgi?{urllib.parse.urlencode(params)}"
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read()


def post(server: EutilsServer, name: str, **params: str) -> bytes:
    data = urllib.parse.urlencode(params).encode()
    with urllib.request.urlopen(f"{server.url}{name}.fcgi", data=data, timeout=10) as response:
        return response.read()


def test_esearch_paging_history_and_paging_limit(eutils_server: EutilsServer, collection: Collection) -> None:
    first = parse_esearch(get(eutils_server, "esearch", db="pubmed", term="x", usehistory="y", retmax="5", **KEY))
    assert first.count == len(collection) and len(first.ids) == 5 and first.webenv.startswith("MCID_")
    page = parse_esearch(get(eutils_server, "esearch", db="pubmed", term="x", retstart="5", retmax="5", **KEY))
    assert page.ids and not set(page.ids) & set(first.ids) and page.webenv is None
    over = parse_esearch(get(eutils_server, "esearch", db="pubmed", term="x", retstart="9999", **KEY))
    assert over.error and "cannot be larger than 9998" in over.error
    as_json = json.loads(get(eutils_server, "esearch", db="pubmed", term="x", retmode="json", retmax="2",
                             usehistory="y", **KEY))
    assert as_json["esearchresult"]["count"] == str(len(collection)) and len(as_json["esearchresult"]["idlist"]) == 2


def test_esearch_date_windows(eutils_server: EutilsServer, collection: Collection) -> None:
    collection.revise("9997", date(2026, 3, 1))
    by_mdat = parse_esearch(get(eutils_server, "esearch", term="x", datetype="mdat", mindate="2026/02/01",
                                maxdate="2026/04/01", **KEY))
    assert by_mdat.ids == ["9997"]
    added = collection.replicate(2, first_pmid=99_000_000, day=date(2026, 5, 5))
    by_crdt = parse_esearch(get(eutils_server, "esearch", term="(x) AND (2026/05/01:2026/05/31[crdt])", **KEY))
    assert sorted(by_crdt.ids) == added
    half = parse_esearch(get(eutils_server, "esearch", term="x", datetype="mdat", mindate="2026/01/01", **KEY))
    assert "mindate and maxdate" in half.error


def test_efetch_by_id_get_and_post_omits_unknown_ids(eutils_server: EutilsServer) -> None:
    records = split_efetch(get(eutils_server, "efetch", db="pubmed", id="9997,1,12091962", retmode="xml", **KEY))
    assert [r.key for r in records] == ["9997", "12091962"]
    posted = split_efetch(post(eutils_server, "efetch", db="pubmed", id="29768149", **KEY))
    assert posted[0].key == "29768149" and eutils_server.log("efetch")[-1].method == "POST"


def test_efetch_by_webenv_and_expired_history(eutils_server: EutilsServer) -> None:
    search = parse_esearch(get(eutils_server, "esearch", term="x", usehistory="y", retmax="10", **KEY))
    body = post(eutils_server, "efetch", db="pubmed", WebEnv=search.webenv, query_key="1", retstart="3",
                retmax="4", **KEY)
    assert [r.key for r in split_efetch(body)] == search.ids[3:7]
    eutils_server.expire_history()
    expired = post(eutils_server, "efetch", db="pubmed", WebEnv=search.webenv, query_key="1", **KEY)
    assert efetch_error(expired) == "Unable to obtain query #1"


def test_over_three_requests_per_second_gets_429_with_ncbi_json(eutils_server: EutilsServer) -> None:
    for _ in range(3):
        get(eutils_server, "esearch", term="x", retmax="0")
    with pytest.raises(urllib.error.HTTPError) as caught:
        get(eutils_server, "esearch", term="x", retmax="0")
    assert caught.value.code == 429
    body = json.loads(caught.value.read())
    assert body["error"] == "API rate limit exceeded" and body["limit"] == "3"
    assert [r.status for r in eutils_server.log()] == [200, 200, 200, 429]


def test_pmc_efetch_serves_jats_articles(eutils_server: EutilsServer) -> None:
    body = post(eutils_server, "efetch", db="pmc", id="4940009,PMC5888649,123", **KEY)
    assert body.count(b"<article ") == 2 and body.rstrip().endswith(b"</pmc-articleset>")
