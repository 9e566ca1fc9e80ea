"""Parse PubMed/MEDLINE XML and PMC JATS full text into ``Article`` records, streaming and safely.

One small ``parse_<field>()`` per field, each returning ``None`` (or an empty list) when the field is
absent, composed by ``parse_pubmed_element`` (PubmedArticle, PubmedBookArticle, MedlineCitation) and
``parse_jats_element`` (JATS ``article``). Files are read with ``lxml.etree.iterparse(tag=...)`` and
every record element is cleared after use, so memory stays flat however large the file; the parser
never loads a DTD, resolves an entity or touches the network.

Text: inline markup (``<sub>``, ``<i>``, MathML...) keeps its text and loses its tags; runs of
whitespace collapse to one space. JATS full text: every ``<sec>`` that holds paragraphs becomes one
``Section`` labelled with its title path (``"Methods > Patients"``); tables, figures, formulas,
footnotes and the back matter are skipped (captions are not the study's running text).
JATS abstracts: ``graphical``/``toc``/``teaser``/``summary`` (lay) abstracts are skipped; a ``<sec>``
or a bold lead-in (``<bold>Results:</bold>``) becomes the section label, mapped to an NLM category with
``lexicons/section_categories.toml``.
"""

from __future__ import annotations

import gzip
import re
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import IO, Any

from lxml import etree

from analysis.records import Article, Section
from ketamine_evidence.errors import InputError

PUBMED_TAGS = ("PubmedArticle", "PubmedBookArticle", "MedlineCitation")
JATS_TAG = "article"
RECORD_TAGS = (*PUBMED_TAGS, JATS_TAG)
KNOWN_ROOTS = ("PubmedArticleSet", "MedlineCitationSet", "PubmedBookArticleSet", "pmc-articleset",
               "article", "PubmedArticle", "PubmedBookArticle", "MedlineCitation")
SUFFIXES = (".xml", ".xml.gz", ".nxml", ".nxml.gz")

_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}
_YEAR = re.compile(r"(1[89]\d\d|20\d\d)")
_WS = re.compile(r"\s+")
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

# JATS elements whose content is not running text.
_JATS_SKIP = frozenset({"table-wrap", "table-wrap-group", "fig", "fig-group", "disp-formula", "fn",
                        "fn-group", "table", "graphic", "media", "supplementary-material", "ref-list",
                        "alternatives", "inline-graphic", "object-id", "label"})
# JATS elements that end a block: a space keeps words of neighbouring blocks apart.
_JATS_BLOCK = frozenset({"p", "title", "list-item", "list", "sec", "def-item", "term", "def", "boxed-text",
                         "disp-quote", "statement", "caption"})
# Abstract types that are not the abstract the guideline's annotators read.
_ABSTRACT_MAIN = frozenset({"", "main", "structured", "abstract", "standard", "short", "author", "web-summary"})
_ABSTRACT_SKIP = frozenset({"graphical", "teaser", "toc", "summary", "executive-summary", "lay", "plain-language-summary",
                            "editor", "precis", "key-points", "author-summary", "video"})


# JATS pub-date types, most like PubMed's journal-issue date first (pmc-release last).
_PUB_DATE_RANK = {"ppub": 0, "pub": 0, "collection": 1, "epub-ppub": 2, "epub": 3, "epreprint": 4}
# ISO 639-1 (JATS xml:lang) -> the ISO 639-2/B codes PubMed uses in <Language>.
_LANGUAGES = {"en": "eng", "de": "ger", "fr": "fre", "es": "spa", "it": "ita", "pt": "por", "nl": "dut",
              "zh": "chi", "ja": "jpn", "ru": "rus", "ko": "kor", "pl": "pol", "tr": "tur", "sv": "swe",
              "da": "dan", "no": "nor", "fi": "fin", "cs": "cze", "hu": "hun", "el": "gre", "fa": "per",
              "ar": "ara", "he": "heb"}
# Abstract sections that are not abstract text.
_NOT_ABSTRACT = re.compile(r"^(references?|acknowledge?ments?)$", re.I)


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True)


def clean(text: str | None) -> str | None:
    """Collapse whitespace (any Unicode space, as ``\\s``); ``None`` for empty text."""
    if not text:
        return None
    return " ".join(text.split()) or None


_SCRIPTS = frozenset({"sub", "sup", "inf"})
# JATS cross-references whose text is only a marker ("[12]", "¹", "*"): dropped so "individuals<sup>1</sup>"
# does not read "individuals1". References to figures and tables ("Figure 1") are words and stay.
_EMPTY_BRACKETS = re.compile(r"\s*[\[(][\s,;\u2013\u2014-]*[\])]")
_XREF_MARKERS = frozenset({"bibr", "ref", "fn", "table-fn", "aff", "corresp", "author-notes", "other"})
_LAYOUT_WS = re.compile(r"\s*\n\s*$")


def _parts(el: etree._Element, out: list[str], skip: frozenset[str], block: frozenset[str]) -> None:
    """Append the text of ``el`` and its tail to ``out``; ``skip`` elements keep only their tail.

    Layout whitespace (a line break and indentation) right before a sub/superscript is dropped, so a
    pretty-printed ``β\n    <sub>2</sub>`` reads ``β2``. With a ``skip`` set (JATS), citation and
    footnote markers (``<xref ref-type="bibr">``) are dropped too.
    """
    tag = el.tag
    if isinstance(tag, str):  # comments, processing instructions and unresolved entities have no text
        local = tag.rpartition("}")[2]
        if local not in skip and not (local == "xref" and skip and el.get("ref-type") in _XREF_MARKERS):
            if local in _SCRIPTS and out and _LAYOUT_WS.search(out[-1]):
                out[-1] = out[-1].rstrip()
            is_block = local in block
            if is_block:
                out.append(" ")
            if el.text:
                out.append(el.text)
            for child in el:
                _parts(child, out, skip, block)
            if is_block:
                out.append(" ")
    if el.tail:
        out.append(el.tail)


def _flatten(el: etree._Element | None, skip: frozenset[str], block: frozenset[str]) -> str | None:
    if el is None:
        return None
    if not len(el):
        return clean(el.text)
    out: list[str] = [el.text or ""]
    for child in el:
        _parts(child, out, skip, block)
    return clean("".join(out))


_NO_TAGS: frozenset[str] = frozenset()


def _text(el: etree._Element | None) -> str | None:
    """All text inside ``el`` without its tags (PubMed fields: inline markup only)."""
    if el is not None and not len(el):  # most fields are one text node (what ``_flatten`` does first)
        return clean(el.text)
    return _flatten(el, _NO_TAGS, _NO_TAGS)


def _jats_text(el: etree._Element | None) -> str | None:
    """Text of a JATS element, skipping tables, figures, formulas, footnotes and citation markers.

    The brackets that held only citation markers go too: ``pain [<xref>1</xref>, <xref>2</xref>].``
    reads ``pain.``.
    """
    text = _flatten(el, _JATS_SKIP, _JATS_BLOCK)
    if text and ("[" in text or "(" in text):
        text = _EMPTY_BRACKETS.sub("", text).strip() or None
    return text


@lru_cache(maxsize=1)
def _section_categories() -> list[tuple[str, str]]:
    data = tomllib.loads(resources.files("analysis.lexicons").joinpath("section_categories.toml").read_text("utf-8"))
    pairs = [(word.lower(), cat) for cat, words in data.items() for word in words]
    return sorted(pairs, key=lambda p: -len(p[0]))  # longest heading first


def section_category(label: str | None) -> str | None:
    """The NLM category (``BACKGROUND``, ``METHODS``...) of an abstract heading; None without a heading."""
    if not label:
        return None
    key = re.sub(r"[^a-z/' ]+", " ", label.lower()).strip()
    key = _WS.sub(" ", key)
    for word, cat in _section_categories():
        if key == word or key.startswith(word + " "):
            return cat
    return "UNASSIGNED"


def _date(el: etree._Element | None) -> str | None:
    """``YYYY-MM-DD`` of a PubMed date element (``Year``/``Month``/``Day``)."""
    if el is None:
        return None
    parts = {child.tag: (child.text or "").strip() for child in el}
    year = parts.get("Year", "")
    if not year.isdigit():
        return None
    month = parts.get("Month") or "1"
    month_num = int(month) if month.isdigit() else _MONTHS.get(month[:3].lower(), 1)
    day = parts.get("Day") or "1"
    return f"{int(year):04d}-{month_num:02d}-{int(day) if day.isdigit() else 1:02d}"


# ---------------------------------------------------------------- PubMed / MEDLINE fields
#
# Fields are read by walking direct children (C-level iteration in lxml) rather than with path
# queries, which cost several microseconds each: ``PubmedParts`` indexes the children of the
# citation, the article, the book and the PubMed data once per record, and every ``parse_<field>``
# takes it optionally (built on the fly when called on its own).

_Index = dict[str, list[etree._Element]]


def _index(el: etree._Element | None) -> _Index:
    """Direct children of ``el`` by tag (comments and processing instructions left out)."""
    out: _Index = {}
    if el is not None:
        for child in el:
            tag = child.tag
            if isinstance(tag, str):
                out.setdefault(tag, []).append(child)
    return out


def _one(index: _Index, tag: str) -> etree._Element | None:
    found = index.get(tag)
    return found[0] if found else None


def _child_text(el: etree._Element | None, tag: str) -> str | None:
    """Text of the first direct child ``tag`` of ``el`` (raw, not cleaned)."""
    if el is None:
        return None
    for child in el.iterchildren(tag):
        return child.text
    return None


@dataclass(slots=True)
class PubmedParts:
    """One PubMed record's main elements and their children, indexed once.

    ``cit`` is the ``MedlineCitation`` (or the ``BookDocument`` of a book record); ``art`` its
    ``Article`` (None for books); ``book`` the ``Book`` children of a book record; ``ids`` the
    ``ArticleIdList`` of ``PubmedData``/``PubmedBookData`` and of the ``BookDocument``.
    """

    cit: etree._Element | None
    art: etree._Element | None
    c: _Index
    a: _Index
    book: _Index
    ids: dict[str, str]

    @property
    def holder(self) -> _Index:
        """Where article-level fields sit: the ``Article``, or the ``BookDocument`` of a book."""
        return self.a if self.art is not None else self.c


def pubmed_parts(el: etree._Element) -> PubmedParts:
    if el.tag == "MedlineCitation":
        cit, data = el, None
    else:
        top = _index(el)
        cit = _one(top, "MedlineCitation")
        if cit is None:
            cit = _one(top, "BookDocument")
        data = _one(top, "PubmedData")
        if data is None:
            data = _one(top, "PubmedBookData")
    c = _index(cit)
    art = _one(c, "Article") if cit is not None and cit.tag == "MedlineCitation" else None
    book = _index(_one(c, "Book")) if art is None else {}
    ids: dict[str, str] = {}
    for holder in (data, cit):
        for id_list in (holder.iterchildren("ArticleIdList") if holder is not None else ()):
            for aid in id_list.iterchildren("ArticleId"):
                kind, value = aid.get("IdType"), clean(aid.text)
                if kind and value and kind not in ids:
                    ids[kind] = value
    return PubmedParts(cit=cit, art=art, c=c, a=_index(art), book=book, ids=ids)


def parse_pmid(el: etree._Element, parts: PubmedParts | None = None) -> str | None:
    p = parts or pubmed_parts(el)
    pmid = _one(p.c, "PMID")
    return clean(pmid.text) if pmid is not None else None


def parse_pmcid(el: etree._Element, parts: PubmedParts | None = None) -> str | None:
    p = parts or pubmed_parts(el)
    pmc = p.ids.get("pmc")
    if pmc is None:
        for other in p.c.get("OtherID", ()):
            value = (clean(other.text) or "").split(" ")[0]  # "PMC4688250 [Available on 12/22/16]"
            if value.upper().startswith("PMC") and value[3:].isdigit():
                pmc = value
                break
    if not pmc:
        return None
    return pmc if pmc.upper().startswith("PMC") else f"PMC{pmc}"


def parse_doi(el: etree._Element, parts: PubmedParts | None = None) -> str | None:
    p = parts or pubmed_parts(el)
    doi = p.ids.get("doi")
    if doi:
        return doi
    for loc in (p.a if p.art is not None else p.book).get("ELocationID", ()):
        if loc.get("EIdType") == "doi":
            return clean(loc.text)
    return None


def parse_title(el: etree._Element, parts: PubmedParts | None = None) -> str | None:
    p = parts or pubmed_parts(el)
    if p.art is not None:
        return _text(_one(p.a, "ArticleTitle")) or _text(_one(p.a, "VernacularTitle"))
    return _text(_one(p.c, "ArticleTitle")) or _text(_one(p.book, "BookTitle"))


def parse_abstract(el: etree._Element, parts: PubmedParts | None = None) -> list[Section] | None:
    """Abstract parts (``AbstractText`` with ``Label``/``NlmCategory``); None when there is no abstract."""
    p = parts or pubmed_parts(el)
    abstract = _one(p.holder, "Abstract")
    if abstract is None:
        return None
    sections = []
    for part in abstract.iterchildren("AbstractText"):
        text = _text(part)
        if not text:
            continue
        label = clean(part.get("Label"))
        category = part.get("NlmCategory") or (section_category(label) if label else None)
        sections.append(Section(label=label, category=category, text=text))
    return sections or None


def parse_journal(el: etree._Element, parts: PubmedParts | None = None) -> str | None:
    p = parts or pubmed_parts(el)
    if p.art is not None:
        journal = _one(p.a, "Journal")
        if journal is None:
            return None
        found = _index(journal)
        return _text(_one(found, "Title")) or _text(_one(found, "ISOAbbreviation"))
    return _text(_one(p.book, "BookTitle"))


def parse_year(el: etree._Element, parts: PubmedParts | None = None) -> int | None:
    """Publication year: the journal issue date, else the electronic date, else the book's date."""
    p = parts or pubmed_parts(el)
    if p.art is not None:
        journal = _one(p.a, "Journal")
        issue = next(journal.iterchildren("JournalIssue"), None) if journal is not None else None
        pub = next(issue.iterchildren("PubDate"), None) if issue is not None else None
        if pub is not None:
            year = _first_year((_child_text(pub, "Year"), _child_text(pub, "MedlineDate")))
            if year is not None:
                return year
        return _first_year(_child_text(d, "Year") for d in p.a.get("ArticleDate", ()))
    pub = _one(p.book, "PubDate")
    if pub is None:
        return None
    return _first_year((_child_text(pub, "Year"), _child_text(pub, "MedlineDate")))


def _first_year(values: Iterable[str | None]) -> int | None:
    for value in values:
        if value:
            value = value.strip()
            if len(value) == 4 and value.isdigit():
                return int(value)
            match = _YEAR.search(value)
            if match:
                return int(match.group(1))
    return None


def parse_authors(el: etree._Element, parts: PubmedParts | None = None) -> list[str] | None:
    """``"Surname Initials"`` (as PubMed shows them) or the collective name, in order."""
    p = parts or pubmed_parts(el)
    author_list = _one(p.holder, "AuthorList")
    if author_list is None and p.art is None:  # a whole book: its authors sit on the Book
        author_list = _one(p.book, "AuthorList")
    if author_list is None:
        return None
    authors = []
    for author in author_list.iterchildren("Author"):
        if author.get("ValidYN") == "N":
            continue
        last = initials = collective = None
        for child in author:
            tag = child.tag
            if tag == "LastName":
                last = child.text
            elif tag == "Initials":
                initials = child.text
            elif tag == "CollectiveName":
                collective = child
        if last and last.strip():  # names are single text nodes: strip, no need to collapse whitespace
            authors.append(f"{last.strip()} {initials.strip()}" if initials and initials.strip() else last.strip())
        elif collective is not None:
            name = _text(collective)
            if name:
                authors.append(name)
    return authors or None


def parse_mesh_terms(el: etree._Element, parts: PubmedParts | None = None) -> list[str] | None:
    p = parts or pubmed_parts(el)
    terms = []
    for heading_list in p.c.get("MeshHeadingList", ()):
        for heading in heading_list.iterchildren("MeshHeading"):
            for name in heading.iterchildren("DescriptorName"):
                term = _text(name)
                if term:
                    terms.append(term)
    return terms or None


def parse_publication_types(el: etree._Element, parts: PubmedParts | None = None) -> list[str] | None:
    p = parts or pubmed_parts(el)
    if p.art is not None:
        found = [t for lst in p.a.get("PublicationTypeList", ()) for t in lst.iterchildren("PublicationType")]
    else:
        found = p.c.get("PublicationType", [])
    types = [t for t in (_text(x) for x in found) if t]
    return types or None


def parse_keywords(el: etree._Element, parts: PubmedParts | None = None) -> list[str] | None:
    p = parts or pubmed_parts(el)
    words = [k for lst in p.c.get("KeywordList", ()) for k in (_text(x) for x in lst.iterchildren("Keyword")) if k]
    return words or None


def parse_language(el: etree._Element, parts: PubmedParts | None = None) -> str | None:
    p = parts or pubmed_parts(el)
    lang = _one(p.holder, "Language")
    return clean(lang.text) if lang is not None else None


def parse_retracted(el: etree._Element, parts: PubmedParts | None = None,
                    types: list[str] | None = None) -> bool:
    """Publication type 'Retracted Publication' or a ``RetractionIn`` comment (``types``: the record's
    publication types when the caller has them already)."""
    p = parts or pubmed_parts(el)
    if "Retracted Publication" in (types if types is not None else parse_publication_types(el, p) or ()):
        return True
    return any(c.get("RefType") == "RetractionIn" for lst in p.c.get("CommentsCorrectionsList", ())
               for c in lst.iterchildren("CommentsCorrections"))


def parse_date_revised(el: etree._Element, parts: PubmedParts | None = None) -> str | None:
    p = parts or pubmed_parts(el)
    return _date(_one(p.c, "DateRevised"))


def parse_pubmed_element(el: etree._Element) -> Article:
    """One ``PubmedArticle``, ``PubmedBookArticle`` or bare ``MedlineCitation`` element as an ``Article``."""
    fmt = {"PubmedBookArticle": "book", "MedlineCitation": "medline"}.get(el.tag, "pubmed")
    p = pubmed_parts(el)
    types = parse_publication_types(el, p) or []  # read once: the retraction check needs them too
    return Article(
        pmid=parse_pmid(el, p), pmcid=parse_pmcid(el, p), doi=parse_doi(el, p),
        title=parse_title(el, p) or "", abstract=parse_abstract(el, p) or [],
        journal=parse_journal(el, p), year=parse_year(el, p), authors=parse_authors(el, p) or [],
        mesh_terms=parse_mesh_terms(el, p) or [], publication_types=types,
        keywords=parse_keywords(el, p) or [], language=parse_language(el, p),
        retracted=parse_retracted(el, p, types), date_revised=parse_date_revised(el, p), source_format=fmt,
    )


# ---------------------------------------------------------------- PMC JATS fields

def _meta(el: etree._Element) -> etree._Element | None:
    return el.find("front/article-meta")


def _jats_ids(el: etree._Element) -> dict[str, str]:
    meta = _meta(el)
    ids: dict[str, str] = {}
    for aid in meta.iterfind("article-id") if meta is not None else ():
        kind, value = aid.get("pub-id-type"), clean(aid.text)
        if kind and value and kind not in ids:
            ids[kind] = value
    return ids


def parse_jats_pmid(el: etree._Element) -> str | None:
    return _jats_ids(el).get("pmid")


def parse_jats_pmcid(el: etree._Element) -> str | None:
    ids = _jats_ids(el)
    pmc = ids.get("pmc") or ids.get("pmcid")
    if not pmc:
        return None
    return pmc if pmc.upper().startswith("PMC") else f"PMC{pmc}"


def parse_jats_doi(el: etree._Element) -> str | None:
    return _jats_ids(el).get("doi")


def parse_jats_title(el: etree._Element) -> str | None:
    meta = _meta(el)
    return _jats_text(meta.find("title-group/article-title")) if meta is not None else None


def _lead_label(p: etree._Element) -> tuple[str | None, etree._Element]:
    """A paragraph opening with a bold heading (``<bold>Results:</bold> ...``): its label, and the paragraph."""
    first = p[0] if len(p) else None
    if first is None or (p.text or "").strip() or first.tag not in ("bold", "b"):
        return None, p
    label = _jats_text(first)
    if not label or len(label) > 60 or not label.rstrip().endswith((":", ".", "\u2002")) and not (
            first.tail or "").lstrip().startswith((":", ".")):
        return None, p
    return label.rstrip(" :.\u2002"), first


def _abstract_sections(abstract: etree._Element) -> list[Section]:
    sections: list[Section] = []
    for child in abstract:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "sec":
            label = _jats_text(child.find("title"))
            label = label.rstrip(" :.") or None if label else None
            if label and _NOT_ABSTRACT.match(label):
                continue  # a conference abstract's reference list is not abstract text
            parts = [t for t in (_jats_text(c) for c in child if c.tag != "title") if t]
            if parts:
                sections.append(Section(label, section_category(label), " ".join(parts)))
        elif tag == "p":
            label, lead = _lead_label(child)
            text = _jats_text(child)
            if label is not None and text:
                head = _jats_text(lead) or ""
                text = clean(text[len(head):].lstrip(" :.\u2002")) if text.startswith(head) else text
            if text:
                sections.append(Section(label, section_category(label), text))
        elif tag in ("list", "disp-quote", "boxed-text"):
            text = _jats_text(child)
            if text:
                sections.append(Section(None, None, text))
    return sections


def parse_jats_abstract(el: etree._Element) -> list[Section] | None:
    """The main abstract's parts; other abstracts (graphical, table-of-contents, lay summary) are skipped."""
    meta = _meta(el)
    if meta is None:
        return None
    abstracts = meta.findall("abstract")
    chosen = [a for a in abstracts if (a.get("abstract-type") or "").lower() in _ABSTRACT_MAIN]
    if not chosen:
        chosen = [a for a in abstracts if (a.get("abstract-type") or "").lower() not in _ABSTRACT_SKIP][:1]
    sections = [s for a in chosen for s in _abstract_sections(a)]
    return sections or None


def _body_sections(sec: etree._Element, path: tuple[str, ...], out: list[Section], kind: str | None = None) -> None:
    """Flatten ``sec`` depth-first; a section's category is its ``sec-type`` or its nearest ancestor's."""
    title = _jats_text(sec.find("title"))
    here = (*path, title) if title else path
    kind = sec.get("sec-type") or kind
    paragraphs: list[str] = []
    for child in sec:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "sec":
            if paragraphs:
                out.append(Section(" > ".join(here) or None, kind, "\n".join(paragraphs)))
                paragraphs = []
            _body_sections(child, here, out, kind)
        elif tag in ("p", "list", "disp-quote", "boxed-text", "statement", "def-list"):
            text = _jats_text(child)
            if text:
                paragraphs.append(text)
    if paragraphs:
        out.append(Section(" > ".join(here) or None, kind, "\n".join(paragraphs)))


def parse_jats_fulltext(el: etree._Element) -> list[Section] | None:
    """Body sections, nested ``sec``s flattened with ``"Parent > Child"`` labels; tables and figures skipped."""
    body = el.find("body")
    if body is None:
        return None
    out: list[Section] = []
    _body_sections(body, (), out)
    return out or None


def parse_jats_journal(el: etree._Element) -> str | None:
    jm = el.find("front/journal-meta")
    if jm is None:
        return None
    return (_jats_text(jm.find("journal-title-group/journal-title")) or _jats_text(jm.find("journal-title"))
            or clean(jm.findtext("journal-id[@journal-id-type='nlm-ta']")))


def parse_jats_year(el: etree._Element) -> int | None:
    """Publication year as PubMed gives it: the print/issue date first, then the electronic one."""
    meta = _meta(el)
    if meta is None:
        return None
    ranked = []
    for d in meta.iterfind("pub-date"):
        m = _YEAR.search(d.findtext("year") or "")
        if m:
            kind = d.get("pub-type") or d.get("date-type") or ""
            if kind == "pub" and d.get("publication-format") == "electronic":
                kind = "epub"
            ranked.append((_PUB_DATE_RANK.get(kind, len(_PUB_DATE_RANK)), int(m.group(1))))
    return min(ranked)[1] if ranked else None


def parse_jats_authors(el: etree._Element) -> list[str] | None:
    meta = _meta(el)
    if meta is None:
        return None
    authors = []
    for contrib in meta.iterfind("contrib-group/contrib"):
        if contrib.get("contrib-type", "author") != "author":
            continue
        name = contrib.find("name")
        if name is None:
            name = contrib.find("name-alternatives/name")
        if name is not None:
            surname = _jats_text(name.find("surname")) or ""
            given = _jats_text(name.find("given-names")) or ""
            initials = "".join(w[0] for w in re.split(r"[\s.\-]+", given) if w)
            if surname:
                authors.append(f"{surname} {initials}".strip())
        else:
            collab = _jats_text(contrib.find("collab"))
            if collab:
                authors.append(collab)
    return authors or None


def parse_jats_keywords(el: etree._Element) -> list[str] | None:
    meta = _meta(el)
    if meta is None:
        return None
    words = [k for k in (_jats_text(k) for k in meta.iterfind("kwd-group/kwd")) if k]
    return words or None


def parse_jats_publication_types(el: etree._Element) -> list[str] | None:
    """The JATS ``article-type`` (``research-article``, ``review-article``...): not PubMed's types."""
    kind = el.get("article-type")
    return [kind] if kind else None


def parse_jats_language(el: etree._Element) -> str | None:
    """PubMed's three-letter code (``eng``) for the article's ``xml:lang``; JATS defaults it to English."""
    lang = (el.get(_XML_LANG) or "en").lower().split("-")[0]
    return _LANGUAGES.get(lang, lang)


def parse_jats_retracted(el: etree._Element) -> bool:
    """A retraction notice (``article-type="retraction"``), as the harvester flags it."""
    return el.get("article-type") == "retraction"


def parse_jats_element(el: etree._Element) -> Article:
    """One JATS ``article`` element as an ``Article`` (``source_format="pmc"``)."""
    return Article(
        pmid=parse_jats_pmid(el), pmcid=parse_jats_pmcid(el), doi=parse_jats_doi(el),
        title=parse_jats_title(el) or "", abstract=parse_jats_abstract(el) or [],
        fulltext=parse_jats_fulltext(el) or [], journal=parse_jats_journal(el), year=parse_jats_year(el),
        authors=parse_jats_authors(el) or [], keywords=parse_jats_keywords(el) or [],
        publication_types=parse_jats_publication_types(el) or [], language=parse_jats_language(el),
        retracted=parse_jats_retracted(el), source_format="pmc",
    )


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
    """An ``Article`` from a ``harvest.store.StoredRecord`` (dispatch on ``kind``); keeps the store's retraction flag."""
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
