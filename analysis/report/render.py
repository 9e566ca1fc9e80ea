"""Rendering the report context with Jinja2: HTML (autoescaped) and its Markdown twin (Markdown-escaped)."""

from __future__ import annotations

import re
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from ketamine_evidence.analysis.report import values

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|#!])")


def md_escape(value: Any) -> str:
    """Text safe inside a Markdown table cell: one line, Markdown and HTML characters escaped."""
    text = " ".join(str("" if value is None else value).split())
    return _MD_SPECIAL.sub(r"\\\1", text).replace("&", "&amp;")


def _environment(autoescape: bool) -> Environment:
    env = Environment(
        loader=PackageLoader("ketamine_evidence.analysis.report", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html.j2",), default_for_string=True) if autoescape else False,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(label=values.label, num=values.fmt_number, pct=values.fmt_pct, days=values.days_text, plural=values.plural,
                       md=md_escape, cap=lambda s: str(s)[:1].upper() + str(s)[1:])
    env.globals["zip"] = zip
    return env


_HTML = _environment(autoescape=True)
_MD = _environment(autoescape=False)


def render_html(context: dict[str, Any]) -> str:
    return _HTML.get_template("report.html.j2").render(**context)


def render_markdown(context: dict[str, Any]) -> str:
    return _MD.get_template("report.md.j2").render(**context)
