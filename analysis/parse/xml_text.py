"""XML text helpers shared by the PubMed and JATS parsers: safe parser, text flattening, dates, section labels.

The parser never loads a DTD, resolves an entity or touches the network; inline markup keeps its text
and loses its tags; runs of whitespace collapse to one space.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources

from lxml import etree

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
    if len(text) > _CLEAN_SCAN and text.isprintable() and "  " not in text:
        # a printable text holds no whitespace but ' ': without a double space it is clean but for a space at
        # either end (an abstract part, 3x faster; a MEDLINE part often ends in one)
        return text if text[0] != " " and text[-1] != " " else text.strip() or None
    return " ".join(text.split()) or None


# Longer texts are checked before being split: splitting a short field costs less than the checks.
_CLEAN_SCAN = 40


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
def section_categories() -> list[tuple[str, str]]:
    """The heading lexicon (``lexicons/section_categories.toml``): (lower-case heading, NLM category) pairs, longest
    heading first; read by ``section_category`` and by ``extract.section_roles`` for inline headings."""
    data = tomllib.loads(resources.files("ketamine_evidence.analysis.lexicons").joinpath("section_categories.toml").read_text("utf-8"))
    pairs = [(word.lower(), cat) for cat, words in data.items() for word in words]
    return sorted(pairs, key=lambda p: -len(p[0]))  # longest heading first


# Where a heading joins parts: '/', '&' (read as 'and'), ',' (with or without 'and') or 'and'.
HEADING_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|/|\band\b)\s*")


def heading_key(label: str) -> str:
    """A heading as the lexicon spells it: lower case, '&' read as 'and', other punctuation than the joins ('/',
    ',') and the apostrophe dropped, spaces collapsed."""
    key = re.sub(r"[^a-z/,' ]+", " ", label.lower().replace("&", " and "))
    return _WS.sub(" ", key).strip(" ,")


def _lexicon_category(key: str) -> str | None:
    """The category of the lexicon's longest heading that ``key`` is or starts with (a word boundary after it)."""
    for word, cat in section_categories():
        if key == word or key.startswith(word + " "):
            return cat
    return None


def section_category(label: str | None) -> str | None:
    """The NLM category (``BACKGROUND``, ``METHODS``...) of an abstract heading; None without a heading.

    A heading of the lexicon is read whole first ('Materials and Methods', 'Conclusions and Relevance'). A heading
    made of the lexicon's headings joined by '/', '&', ',' or 'and' ('Methods/Design', 'BACKGROUND/AIMS', 'Design,
    Setting, and Participants', 'Methods and Results') takes the category of its first part: its sentences open with
    that part, and it is how an 'and'-joined heading was read before (PubMed would give the latest part's category,
    'BACKGROUND AND AIMS' OBJECTIVE; on dev that moved purpose and findings sentences into the parts the extractors
    read, and two dev fields fell; docs/extraction.md, hd13). A heading with a part the lexicon does not know is read
    by its opening ('Results and limitations' is RESULTS); anything else is ``UNASSIGNED``."""
    if not label:
        return None
    key = heading_key(label)
    flat = _WS.sub(" ", key.replace(",", " ")).strip()
    if any(flat == word for word, _ in section_categories()):
        return _lexicon_category(flat)
    parts = [part for part in HEADING_JOIN.split(key) if part]
    cats = [_lexicon_category(part) for part in parts]
    if len(parts) > 1 and None not in cats:
        return cats[0]
    return _lexicon_category(flat) or "UNASSIGNED"


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
            found = out.get(tag)
            if found is not None:
                found.append(child)
            elif isinstance(tag, str):
                out[tag] = [child]
    return out


def _one(index: _Index, tag: str) -> etree._Element | None:
    found = index.get(tag)
    return found[0] if found else None


def _child_text(el: etree._Element | None, tag: str) -> str | None:
    """Text of the first direct child ``tag`` of ``el`` (raw, not cleaned)."""
    if el is None:
        return None
    for child in el:  # a few children (a date, a pagination): cheaper than ``iterchildren(tag)``
        if child.tag == tag:
            return child.text
    return None


# A trial-registration tag glued to the end of a title ("...pain[ISRCTN83088383]", as some PMC
# titles carry it): registry prefixes of the WHO primary registries and ClinicalTrials.gov.
_REGISTRATION_TAG = re.compile(
    r"\s*\[\s*(?:ISRCTN|NCT|ACTRN|ANZCTR|EudraCT|DRKS|ChiCTR|CTRI|JPRN|UMIN|IRCT|NTR|PACTR|KCT|TCTR|RBR|SLCTR)"
    r"[^\]]*\]\s*$", re.I)


def clean_title(title: str | None) -> str | None:
    """``title`` without a trailing registration tag (``[ISRCTN83088383]``): a citation's title
    must not carry it (the registration number is metadata, not part of the title)."""
    if not title:
        return title
    return _REGISTRATION_TAG.sub("", title) or title
