"""Documents, files and stored records -> ``Article``s, streamed with ``iterparse`` and cleared as they go."""

from __future__ import annotations

import gzip
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from lxml import etree

from ketamine_evidence.analysis.records import Article
from ketamine_evidence.base.errors import InputError
from ketamine_evidence.analysis.parse.xml_text import JATS_TAG, KNOWN_ROOTS, PUBMED_TAGS, RECORD_TAGS, SUFFIXES, _WS, _parser
from ketamine_evidence.analysis.parse.pubmed import parse_pubmed_element
from ketamine_evidence.analysis.parse.jats import parse_jats_element

# ---------------------------------------------------------------- documents, files, stored records

def parse_pmc_bytes(data: bytes) -> Article:
    """One PMC JATS document (``<article>`` root, or the first article of a ``pmc-articleset``)."""
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        raise InputError(f"broken JATS XML: {_one_line(exc)}") from None
    article = root if root.tag == JATS_TAG else root.find(JATS_TAG)
    if article is None:
        raise InputError(f"expected a JATS <article>, found <{root.tag}>")
    return parse_jats_element(article)


def parse_pubmed_bytes(data: bytes) -> Article:
    """One stored PubMed record (the XML of a single ``PubmedArticle``/``PubmedBookArticle``/``MedlineCitation``)."""
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        raise InputError(f"broken PubMed XML: {_one_line(exc)}") from None
    if root.tag not in PUBMED_TAGS:
        found = next(iter(root.iter(*PUBMED_TAGS)), None)
        if found is None:
            raise InputError(f"expected a PubMed record, found <{root.tag}>")
        root = found
    return parse_pubmed_element(root)


def parse_record(record: Any) -> Article:
    """An ``Article`` from a ``ketamine_evidence.harvest.store.StoredRecord`` (dispatch on ``kind``); keeps the store's retraction flag."""
    if record.kind == "pmc":
        article = parse_pmc_bytes(record.xml)
    elif record.kind == "pubmed":
        article = parse_pubmed_bytes(record.xml)
    else:
        raise InputError(f"stored record {record.key} has unknown kind {record.kind!r}")
    article.retracted = article.retracted or bool(getattr(record, "retracted", False))
    if article.pmid is None and getattr(record, "pmid", None):
        article.pmid = record.pmid
    if article.pmcid is None and getattr(record, "pmcid", None):
        article.pmcid = record.pmcid
    if article.date_revised is None and getattr(record, "date_revised", None):
        article.date_revised = record.date_revised
    return article


def _one_line(exc: BaseException) -> str:
    return _WS.sub(" ", str(exc)).strip()


def _iter_elements(stream: IO[bytes] | str, name: str) -> Iterator[etree._Element]:
    """Record elements of one document, cleared after the caller has used them."""
    context = etree.iterparse(stream, events=("end",), tag=RECORD_TAGS, resolve_entities=False,
                              no_network=True, load_dtd=False, huge_tree=True)
    seen = False
    for _, el in context:
        parent = el.getparent()
        if el.tag == "MedlineCitation" and parent is not None and parent.tag == "PubmedArticle":
            continue  # read with its PubmedArticle
        if not seen:
            seen = True
            root = el
            while root.getparent() is not None:
                root = root.getparent()
            if root.tag not in KNOWN_ROOTS:
                raise InputError(f"{name}: not PubMed or PMC XML (root element <{root.tag}>)")
        yield el
        el.clear(keep_tail=True)
        if parent is not None:
            while el.getprevious() is not None:
                del parent[0]
    if not seen:
        root_tag = context.root.tag if context.root is not None else None
        if root_tag not in KNOWN_ROOTS:
            raise InputError(f"{name}: not PubMed or PMC XML (root element <{root_tag}>)")


def parse_file(path: str | Path) -> Iterator[Article]:
    """Every article of one ``.xml``, ``.xml.gz`` or ``.nxml`` file, streamed.

    Raises ``InputError`` (one line) for a missing or unreadable file, broken XML, or XML that is not
    PubMed/MEDLINE/JATS; the missing-file check happens at call time, the others while iterating.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(f"input file not found: {path}")
    return _parse_file(path)


def _parse_file(path: Path) -> Iterator[Article]:
    try:
        if path.suffix == ".gz":
            with gzip.open(path, "rb") as stream:
                yield from _articles(_iter_elements(stream, str(path)))
        else:  # libxml2 reads the file itself: faster than feeding it from Python
            yield from _articles(_iter_elements(str(path), str(path)))
    except etree.XMLSyntaxError as exc:
        raise InputError(f"{path}: broken XML: {_one_line(exc)}") from None
    except (OSError, EOFError) as exc:
        raise InputError(f"{path}: cannot read: {_one_line(exc)}") from None


def _articles(elements: Iterable[etree._Element]) -> Iterator[Article]:
    for el in elements:
        yield parse_jats_element(el) if el.tag == JATS_TAG else parse_pubmed_element(el)


def input_files(path: str | Path) -> list[Path]:
    """``path`` itself, or every .xml/.xml.gz/.nxml file directly in the directory, sorted by name."""
    path = Path(path)
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.is_file() and p.name.endswith(SUFFIXES))
    if path.is_file():
        return [path]
    raise InputError(f"input not found: {path}")


def iter_input(path: str | Path) -> Iterator[Article]:
    """Articles of a file, or of every XML file in a directory (sorted)."""
    files = input_files(path)
    return _iter_files(files)


def _iter_files(files: Iterable[Path]) -> Iterator[Article]:
    for f in files:
        yield from parse_file(f)
