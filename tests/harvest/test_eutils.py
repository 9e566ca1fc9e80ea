"""ketamine_evidence.harvest.eutils: search windows and the parsing of real E-utilities bodies."""

from __future__ import annotations

from datetime import date

import pytest

from ketamine_evidence.harvest.eutils import (EutilsBodyError, Window, efetch_error, endpoint, identity_params, incremental_windows,
                            is_expired_history, is_transient, parse_esearch, split_pmc_articleset)
from ketamine_evidence.harvest.pubmed_xml import TruncatedBody
from tests.conftest import PMC_KETAMINE, PUBMED_XML
from tests.harvest.eutils_server import EXPIRED_BODY, PAGING_ERROR


def test_endpoint_and_identity() -> None:
    assert endpoint("https://eutils.ncbi.nlm.nih.gov/entrez/eutils/", "esearch") == \
        "https://eutils.ncbi.nlm.nih.gov/entrez/eutils/esearch.fcgi"
    assert endpoint("http://127.0.0.1:8000/entrez/eutils", "efetch") == "http://127.0.0.1:8000/entrez/eutils/efetch.fcgi"
    assert identity_params("ketamine-evidence", "", "k") == {"tool": "ketamine-evidence", "api_key": "k"}


def test_split_undated_window_covers_everything_to_tomorrow() -> None:
    first, second = Window("ketamine").split(today=date(2026, 11, 24))
    assert first.datetype == second.datetype == "edat"
    assert first.mindate == date(1700, 1, 1) and second.maxdate == date(2026, 11, 25)
    assert (second.mindate - first.maxdate).days == 1
    assert first.params()["mindate"] == "1700/01/01" and "maxdate" in first.params()


def test_split_halves_until_a_single_day() -> None:
    window = Window("q", datetype="mdat", mindate=date(2026, 1, 1), maxdate=date(2026, 1, 4))
    left, right = window.split()
    assert (left.mindate, left.maxdate, right.mindate, right.maxdate) == (
        date(2026, 1, 1), date(2026, 1, 2), date(2026, 1, 3), date(2026, 1, 4))
    one_day = Window("q", datetype="mdat", mindate=date(2026, 1, 1), maxdate=date(2026, 1, 1))
    assert one_day.split() is None


def test_incremental_windows_use_mdat_and_crdt() -> None:
    mdat, crdt = incremental_windows("ketamine AND pain", date(2026, 11, 20), date(2026, 11, 25))
    assert mdat.params() == {"term": "ketamine AND pain", "datetype": "mdat", "mindate": "2026/11/20",
                             "maxdate": "2026/11/25"}
    assert crdt.params() == {"term": "(ketamine AND pain) AND (2026/11/20:2026/11/25[crdt])"}
    assert crdt.label == "crdt 2026/11/20-2026/11/25"
    left, right = crdt.split()  # a [crdt] window splits inside its term
    assert left.term.endswith("(2026/11/20:2026/11/22[crdt])") and right.term.endswith("(2026/11/23:2026/11/25[crdt])")


def test_parse_real_esearch_with_history() -> None:
    result = parse_esearch((PUBMED_XML / "biopython_esearch2.xml").read_bytes())
    assert result.count == 42249 and len(result.ids) == 100 and result.ids[0] == "41297076"
    assert result.webenv == "MCID_6927d6e7fee3e90f880ec190" and result.query_key == "1"
    assert result.error is None


def test_parse_real_esearch_without_history_and_paged() -> None:
    plain = parse_esearch((PUBMED_XML / "biopython_esearch1.xml").read_bytes())
    assert (plain.count, len(plain.ids), plain.webenv) == (63, 20, None)
    paged = parse_esearch((PUBMED_XML / "biopython_esearch3.xml").read_bytes())
    assert paged.count == 2651 and paged.ids == ["11121077", "11121076", "11121075", "11121074", "11121073",
                                                 "11121072"]


def test_parse_esearch_errors_and_json() -> None:
    error = parse_esearch(b"<eSearchResult><ERROR>Invalid query</ERROR></eSearchResult>")
    assert error.error == "Invalid query"
    data = b'{"header":{},"esearchresult":{"count":"2","idlist":["1","2"],"querykey":"1","webenv":"MCID_x"}}'
    result = parse_esearch(data)
    assert (result.count, result.ids, result.webenv) == (2, ["1", "2"], "MCID_x")
    assert parse_esearch(b'{"esearchresult":{"ERROR":"bad"}}').error == "bad"
    for broken in (b"<eSearchResult><Count>3</Count><IdList><Id>1", b"<html>busy</html>", b"", b"{not json"):
        with pytest.raises(EutilsBodyError):
            parse_esearch(broken)


def test_efetch_error_detection() -> None:
    assert efetch_error(EXPIRED_BODY) == "Unable to obtain query #1"
    assert is_expired_history("Unable to obtain query #1")
    assert efetch_error((PUBMED_XML / "biopython_pubmed1.xml").read_bytes()) is None
    assert efetch_error(b'{"error":"API rate limit exceeded"}') == "API rate limit exceeded"
    assert is_transient("Search Backend failed: timeout") and not is_transient(PAGING_ERROR)
    assert not is_transient("Invalid query")


def test_split_pmc_articleset_on_real_jats() -> None:
    article = (PMC_KETAMINE / "PMC5888649.nxml").read_bytes()
    article = article[article.index(b"<article"):]
    body = b'<?xml version="1.0" ?>\n<pmc-articleset>' + article + b"</pmc-articleset>\n"
    (record,) = split_pmc_articleset(body)
    assert record.kind == "pmc" and record.key == "PMC5888649"
    with pytest.raises(TruncatedBody):
        split_pmc_articleset(body[: len(body) // 2])
    assert split_pmc_articleset(b"<pmc-articleset></pmc-articleset>") == []
