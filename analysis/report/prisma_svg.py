"""The PRISMA 2020 flow diagram as boxes of text, laid out for the SVG template (``templates/prisma.svg.j2``).

The layout is computed here (box sizes from the wrapped lines, rows stacked top to bottom, the main
path on the left and the exclusions on the right, as in the PRISMA 2020 template); the template only
draws it, with Jinja2 autoescaping every text.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field

from ketamine_evidence.analysis.report.prisma import HUMAN, MACHINE, PrismaFlow, Reasons

BOX_WIDTH = 430
GAP = 70
BAND = 30           # the stage label band on the left
MARGIN = 10
LINE_HEIGHT = 17
PAD = 9
ROW_GAP = 34
CHARS = 62          # characters per line at 13px in a BOX_WIDTH box
DECIDERS = {MACHINE: "by the rules (machine)", HUMAN: "by a reviewer"}


@dataclass
class Line:
    text: str
    kind: str = "body"      # head | body | item | note
    indent: int = 0


@dataclass
class Box:
    lines: list[Line]
    x: float = 0
    y: float = 0
    width: float = BOX_WIDTH
    height: float = 0
    kind: str = "main"      # main | side

    @property
    def cx(self) -> float:
        return self.x + self.width / 2


@dataclass
class Band:
    label: str
    y: float
    height: float


@dataclass
class Diagram:
    width: float
    height: float
    boxes: list[Box] = field(default_factory=list)
    arrows: list[tuple[float, float, float, float]] = field(default_factory=list)
    bands: list[Band] = field(default_factory=list)
    title: str = ""


def _wrap(text: str, kind: str = "body", indent: int = 0) -> list[Line]:
    width = CHARS - 3 * indent
    return [Line(part, kind, indent if i == 0 or kind == "note" else indent + 1)
            for i, part in enumerate(textwrap.wrap(" ".join(text.split()), width) or [""])]


def _reason_lines(reasons: Reasons, empty: str) -> list[Line]:
    if not reasons.total:
        return _wrap(empty, "note")
    lines: list[Line] = []
    several = len([d for d, r in reasons.by_decider.items() if r]) > 1 or HUMAN in reasons.by_decider
    for decider, items in reasons.by_decider.items():
        if not items:
            continue
        if several:
            lines += _wrap(f"{DECIDERS.get(decider, decider)} (n = {reasons.count(decider)}):", "body")
        for reason, n in items:
            lines += _wrap(f"{reason} (n = {n})", "item", 1)
    return lines


def _box(lines: list[Line], kind: str = "main") -> Box:
    return Box(lines, kind=kind, height=2 * PAD + LINE_HEIGHT * len(lines))


def layout(flow: PrismaFlow) -> Diagram:
    """Boxes, arrows and stage bands of the diagram, positioned."""
    ident: list[Line] = [Line("Records identified from:", "head")]
    for s in flow.sources:
        ident += _wrap(f"{s.name}, {s.dates} (n = {s.records})", "body", 1)
        if s.query:
            ident += _wrap(f"search: {s.query}", "note", 2)
        for name, n in s.formats:
            ident += _wrap(f"{name} (n = {n})", "item", 2)
    if not flow.sources:
        ident += _wrap("no records", "note", 1)
    ident += [Line(f"Total (n = {flow.identified})", "body")]
    removed = [Line(f"Records removed before screening (n = {flow.removed.total}):", "head")]
    removed += _reason_lines(flow.removed, "none: no duplicate, retracted or withdrawn record")
    screened = [Line(f"Records screened (n = {flow.screened})", "head"),
                *_wrap("title and abstract (and full text where open access), by the extraction rules", "note")]
    excluded = [Line(f"Records excluded (n = {flow.screening_excluded.total}):", "head")]
    excluded += _reason_lines(flow.screening_excluded, "none")
    sought = [Line(f"Reports sought for retrieval (n = {flow.sought})", "head")]
    not_retrieved = [Line(f"Full texts not retrieved (n = {flow.not_retrieved})", "head"),
                     *_wrap("no open-access full text: assessed on title and abstract, kept in the flow", "note")]
    assessed = [Line(f"Reports assessed for eligibility (n = {flow.assessed})", "head")]
    elig = [Line(f"Reports excluded (n = {flow.eligibility_excluded.total}):", "head")]
    elig += _reason_lines(flow.eligibility_excluded, "none: no reviewer decision is recorded yet; the rules "
                                                     "decide at screening")
    included = [Line(f"Studies included in review (n = {flow.included})", "head")]
    included += [line for design, n in flow.included_by_design for line in _wrap(f"{design} (n = {n})", "item", 1)]

    rows = [(_box(ident), _box(removed, "side"), "Identification"),
            (_box(screened), _box(excluded, "side"), "Screening"),
            (_box(sought), _box(not_retrieved, "side"), "Screening"),
            (_box(assessed), _box(elig, "side"), "Screening"),
            (_box(included), None, "Included")]
    left = MARGIN + BAND + 12
    right = left + BOX_WIDTH + GAP
    diagram = Diagram(width=right + BOX_WIDTH + MARGIN, height=0,
                      title=f"PRISMA 2020 flow diagram: {flow.identified} records identified, "
                            f"{flow.included} studies included")
    y = MARGIN
    bands: dict[str, list[float]] = {}
    previous: Box | None = None
    for main, side, stage in rows:
        height = max(main.height, side.height if side else 0)
        main.x, main.y = left, y + (height - main.height) / 2
        diagram.boxes.append(main)
        if side is not None:
            side.x, side.y = right, y + (height - side.height) / 2
            diagram.boxes.append(side)
            mid = y + height / 2
            diagram.arrows.append((left + BOX_WIDTH, mid, right, mid))
        if previous is not None:
            diagram.arrows.append((main.cx, previous.y + previous.height, main.cx, main.y))
        span = bands.setdefault(stage, [y, y + height])
        span[1] = y + height
        previous = main
        y += height + ROW_GAP
    diagram.height = y - ROW_GAP + MARGIN
    diagram.bands = [Band(name, top, bottom - top) for name, (top, bottom) in bands.items()]
    return diagram
