"""Rendering the report context with Jinja2: HTML and SVG (autoescaped) and the Markdown twin (Markdown-escaped).

Every function here returns a string; writing files is ``build_report``'s job. In the Markdown
environment every ``{{ value }}`` passes through ``md_escape`` on output (``finalize``), the way
autoescape works for HTML, so no record text (a title, a PMID, a sentence) can turn into markup;
a value that is Markdown already (a link the template builds) is wrapped in ``MdSafe``.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from ketamine_evidence.analysis.report import values
from ketamine_evidence.analysis.report.prisma import PrismaFlow
from ketamine_evidence.analysis.report.prisma_svg import BAND, LINE_HEIGHT, MARGIN, PAD, layout

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|#!~])")


class MdSafe(str):
    """Text that is Markdown already: ``finalize`` leaves it as it is."""


def md_escape(value: Any) -> str:
    """Text safe inside a Markdown table cell: one line, Markdown and HTML characters escaped."""
    if isinstance(value, MdSafe):
        return value
    text = " ".join(str("" if value is None else value).split())
    return MdSafe(_MD_SPECIAL.sub(r"\\\1", text).replace("&", "&amp;"))


def md_url(value: Any) -> MdSafe:
    """A link target for Markdown: characters that could end or break the link percent-encoded."""
    return MdSafe(quote(str(value), safe=":/#?=&%.-~"))


def _environment(kind: str) -> Environment:
    env = Environment(
        loader=PackageLoader("ketamine_evidence.analysis.report", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html.j2", "svg.j2"), default_for_string=True)
        if kind == "html" else False,
        finalize=md_escape if kind == "md" else None,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(label=values.label, num=values.fmt_number, pct=values.fmt_pct, days=values.days_text,
                       plural=values.plural, md=md_escape, url=md_url, cap=lambda s: str(s)[:1].upper() + str(s)[1:])
    env.globals["zip"] = zip
    return env


_HTML = _environment("html")
_MD = _environment("md")


def render_prisma_svg(flow: PrismaFlow) -> Markup:
    """The PRISMA 2020 flow diagram as a standalone SVG document (also inlined in the HTML)."""
    svg = _HTML.get_template("prisma.svg.j2").render(d=layout(flow), margin=MARGIN, band_width=BAND, pad=PAD,
                                                      line_height=LINE_HEIGHT)
    return Markup(svg)


def render_html(context: dict[str, Any]) -> str:
    return _HTML.get_template("report.html.j2").render(**context, prisma_svg=render_prisma_svg(context["flow"]))


def render_markdown(context: dict[str, Any]) -> str:
    return _MD.get_template("report.md.j2").render(**context)
