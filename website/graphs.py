"""The site's two pictures as inline SVG, drawn on the server: no script, nothing fetched.

Pure functions from plain data to markup; every text is escaped here. Geometry is worked
out left to right and mirrored for a right-to-left page, so both directions share one
layout. The root `<svg>` is `direction="ltr"` so that `text-anchor` means the side it
names whatever the page's direction; Arabic labels are still shaped and ordered by the
browser's bidirectional algorithm inside each text.

Sizes of texts are given as presentation attributes (what a reader without our style
sheet gets) and overridden by static/css/graphs.css on narrow screens, where the picture
is scaled down: the classes say which labels a small screen keeps.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# -- colours ---------------------------------------------------------------------------

# Thirteen kinds of organization cannot take thirteen colours a reader tells apart, each
# with 3:1 contrast on white (WCAG 1.4.11): kinds are coloured by family, six colours
# from the Okabe-Ito palette darkened to at least 4.5:1 on white. The legend names the
# kinds of each family, and the table the kind of each partner.
KIND_FAMILIES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    # (family, colour, kinds)
    ("government", "#006233", ("ministry", "government_department", "parliament")),
    ("public", "#0b5fa5", ("public_agency", "public_institution", "local_government")),
    ("company", "#a34a00", ("company", "investment_fund")),
    ("international", "#6a3d9a", ("international_organization", "un_agency")),
    ("society", "#a3195b", ("association", "media")),
    ("other", "#545f66", ("other",)),
)
FAMILY_OF_KIND = {kind: family for family, _, kinds in KIND_FAMILIES for kind in kinds}
COLOUR_OF_FAMILY = {family: colour for family, colour, _ in KIND_FAMILIES}
EDGE_COLOUR = "#7b8791"  # 3.6:1 on white
AGREEMENT_COLOUR = "#006233"  # 7.3:1
EVENT_COLOUR = "#a34a00"  # 5.6:1
GRID_COLOUR = "#d3d9d6"
# A white outline drawn under a label's letters: readable where it crosses an edge.
HALO = {
    "stroke": "#ffffff",
    "stroke_width": 4.0,
    "stroke_linejoin": "round",
    "paint_order": "stroke",
}
INK = "#1b1f23"


def family_of(kind: str) -> str:
    return FAMILY_OF_KIND.get(kind, "other")


def colour_of(kind: str) -> str:
    return COLOUR_OF_FAMILY[family_of(kind)]


def _number(value: float) -> str:
    """Coordinates to two decimals, without a trailing zero: small, stable markup."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _attributes(**values: object) -> str:
    """` name="value"` pairs, escaped; an underscore in a name is a hyphen, a trailing one
    is dropped (`class_`)."""
    parts = []
    for name, value in values.items():
        if value is None:
            continue
        name = name.rstrip("_").replace("_", "-")
        text = _number(value) if isinstance(value, float) else str(value)
        parts.append(f' {name}="{escape(text)}"')
    return "".join(parts)


def shorten(text: str, limit: int) -> str:
    """At most `limit` characters, cut at a word when one ends late enough, with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space >= limit // 3:
        cut = cut[:space]
    return cut.rstrip(" ,;:-–—") + "…"


def wrap(text: str, width: int, lines: int = 2) -> list[str]:
    """`text` on at most `lines` lines of about `width` characters, cut at words; what
    does not fit ends the last line with an ellipsis."""
    words = text.split()
    result: list[str] = []
    while words and len(result) < lines:
        line = words.pop(0)
        while words and len(line) + 1 + len(words[0]) <= width:
            line += " " + words.pop(0)
        result.append(line)
    if words:
        result[-1] = shorten(f"{result[-1]} {' '.join(words)}", width)
    return [shorten(line, width) for line in result]


# -- partner network -------------------------------------------------------------------


@dataclass(frozen=True)
class Node:
    """A partner: `title` is its accessible name (a link's name and the tooltip), `label`
    what is written beside it, `short_label` what a narrow screen writes."""

    key: int
    label: str
    short_label: str
    title: str
    href: str
    weight: int  # published agreements
    kind: str


@dataclass(frozen=True)
class PlacedNode:
    node: Node
    x: float
    y: float
    radius: float
    angle: float  # degrees, 0 = pointing right, clockwise (SVG's y points down)


RING_SPACING = 62.0  # between neighbours on a ring, at least
SMALLEST_RING = 150.0
RING_GAP = 70.0  # between the inner and the outer ring
SMALLEST_NODE, LARGEST_NODE = 5.0, 24.0
LABEL_GAP = 6.0
LABEL_SIZE, HUB_LABEL_SIZE = 14, 15
SHORT_LABEL_SIZE = 22  # graphs.css, on a narrow screen
HUB_LINE, HUB_SHORT_LINE = 24, 14  # characters on a line of the hub's name
# Roughly how wide a character of the site's font is, in ems: to leave room for labels.
CHARACTER_WIDTH = 0.6


def ring_radii(count: int) -> tuple[float, float]:
    """The inner and the outer ring for `count` partners around the hub: large enough for
    each to have RING_SPACING on its ring; one ring (twice the same) up to twelve."""
    if count <= 12:
        radius = max(SMALLEST_RING, count * RING_SPACING / (2 * math.pi))
        return radius, radius
    inner = max(SMALLEST_RING, math.ceil(count / 2) * RING_SPACING / (2 * math.pi))
    return inner, inner + RING_GAP


def layout_network(nodes: Sequence[Node], *, rtl: bool) -> list[PlacedNode]:
    """The first node (the most agreements: the Ministry, in practice) at the centre; the
    others around it in the order given, from the top, clockwise on a left-to-right page
    and anticlockwise on a right-to-left one, so that the picture reads in the page's
    direction and the keyboard follows the same sweep. With more than twelve partners
    they alternate between two rings, which leaves room for their circles and labels.

    The area of a node is proportional to its number of agreements.
    """
    if not nodes:
        return []
    largest = max(node.weight for node in nodes) or 1

    def radius(node: Node) -> float:
        return SMALLEST_NODE + (LARGEST_NODE - SMALLEST_NODE) * math.sqrt(node.weight / largest)

    placed = [PlacedNode(nodes[0], 0.0, 0.0, radius(nodes[0]), 90.0)]
    others = nodes[1:]
    inner, outer = ring_radii(len(others))
    # On two rings, an even number of places, so that the last partner and the first,
    # neighbours across the top, are not on the same ring.
    places = len(others) + (len(others) % 2 if inner != outer else 0)
    for index, node in enumerate(others):
        angle = -90.0 + 360.0 * index / places
        if rtl:
            angle = 180.0 - angle  # mirrored: anticlockwise from the top
        ring = outer if index % 2 else inner
        x = ring * math.cos(math.radians(angle))
        y = ring * math.sin(math.radians(angle))
        placed.append(PlacedNode(node, x, y, radius(node), angle % 360))
    return placed


def network_bounds(placed: Sequence[PlacedNode]) -> tuple[float, float, float, float]:
    """The view box (x, y, width, height) that holds every node and its label, wide or
    short, with a margin: labels run along rays, so a label's far end is its node's ray
    prolonged by its estimated length."""
    xs, ys = [-SMALLEST_RING, SMALLEST_RING], [-SMALLEST_RING, SMALLEST_RING]
    for item in placed[1:]:  # the hub's name is written across, inside the ring
        length = max(
            len(item.node.label) * LABEL_SIZE, len(item.node.short_label) * SHORT_LABEL_SIZE
        )
        reach = math.hypot(item.x, item.y) + item.radius + LABEL_GAP
        far = reach + length * CHARACTER_WIDTH
        radians = math.radians(item.angle)
        for distance in (reach - 2 * item.radius, far):
            xs.append(distance * math.cos(radians))
            ys.append(distance * math.sin(radians))
    margin = SHORT_LABEL_SIZE
    left, top = math.floor(min(xs) - margin), math.floor(min(ys) - margin)
    return left, top, math.ceil(max(xs) + margin) - left, math.ceil(max(ys) + margin) - top


def _edge_path(a: PlacedNode, b: PlacedNode) -> str:
    """A straight line from the hub; between two partners a curve bowed towards the hub,
    so that edges do not run over the nodes between them."""
    if a.x == a.y == 0 or b.x == b.y == 0:
        return f"M{_number(a.x)} {_number(a.y)}L{_number(b.x)} {_number(b.y)}"
    control_x, control_y = (a.x + b.x) * 0.3, (a.y + b.y) * 0.3
    return (
        f"M{_number(a.x)} {_number(a.y)}"
        f"Q{_number(control_x)} {_number(control_y)} {_number(b.x)} {_number(b.y)}"
    )


def _radial_label(placed: PlacedNode, text: str, class_: str, size: int) -> str:
    """A label along the node's ray, outwards; turned over on the left half so that it is
    never upside down."""
    distance = math.hypot(placed.x, placed.y) + placed.radius + LABEL_GAP
    radians = math.radians(placed.angle)
    x, y = distance * math.cos(radians), distance * math.sin(radians)
    left = 90.0 < placed.angle < 270.0
    rotation = placed.angle - 180.0 if left else placed.angle
    return f"<text{
        _attributes(
            class_=class_,
            x=x,
            y=y,
            font_size=size,
            text_anchor='end' if left else 'start',
            dominant_baseline='central',
            aria_hidden='true',
            **HALO,
            transform=f'rotate({_number(rotation)} {_number(x)} {_number(y)})',
        )
    }>{escape(text)}</text>"


def network_svg(
    nodes: Sequence[Node],
    edges: Sequence[tuple[int, int, int]],
    *,
    rtl: bool,
    labelledby: str,
) -> SafeString:
    """The partner network: `nodes` in rank order (the hub first), `edges` as (key, key,
    shared agreements). Each node is a link to the partner's page named by its `title`;
    circles, edges and written labels are hidden from assistive technology, which reads
    the links and, beside the picture, the table."""
    placed = layout_network(nodes, rtl=rtl)
    where = {item.node.key: item for item in placed}
    drawn = [(a, b, weight) for a, b, weight in edges if a in where and b in where]
    heaviest = max((weight for _, _, weight in drawn), default=1)
    left, top, width, height = network_bounds(placed)
    parts = [
        f"<svg{
            _attributes(
                class_='network',
                viewBox=f'{left} {top} {width} {height}',
                width=width,
                height=height,
                role='group',
                aria_labelledby=labelledby,
                direction='ltr',
                font_family='inherit',
            )
        }>"
    ]
    parts.append('<g class="edges" aria-hidden="true" fill="none">')
    for a, b, weight in sorted(drawn, key=lambda edge: (edge[2], edge[0], edge[1])):
        width = 1.0 + 5.0 * math.sqrt(weight / heaviest)
        parts.append(
            f"<path{
                _attributes(
                    d=_edge_path(where[a], where[b]),
                    stroke=EDGE_COLOUR,
                    stroke_width=width,
                    stroke_opacity=0.55,
                    data_weight=weight,
                )
            }/>"
        )
    parts.append("</g>")
    parts.append('<g class="nodes">')
    for index, item in enumerate(placed):
        node = item.node
        parts.append(
            f"<a{_attributes(href=node.href, class_=f'node kind-{family_of(node.kind)}')}>"
        )
        parts.append(f"<title>{escape(node.title)}</title>")
        parts.append(
            f"<circle{
                _attributes(
                    cx=item.x,
                    cy=item.y,
                    r=item.radius,
                    fill=colour_of(node.kind),
                    stroke='#ffffff',
                    stroke_width=2.0,
                    data_weight=node.weight,
                )
            }/>"
        )
        if index == 0:
            # The hub's name under it, across, on two lines at most.
            for class_, text, width in (
                ("label long", node.label, HUB_LINE),
                ("label short", node.short_label, HUB_SHORT_LINE),
            ):
                lines = wrap(text, width)
                tspans = "".join(
                    f"<tspan{_attributes(x=0.0, dy=f'{1.15 * (number > 0):.2f}em')}>"
                    f"{escape(line)}</tspan>"
                    for number, line in enumerate(lines)
                )
                parts.append(
                    f"<text{
                        _attributes(
                            class_=f'{class_} hub',
                            x=0.0,
                            y=item.radius + 20.0,
                            font_size=HUB_LABEL_SIZE,
                            font_weight='700',
                            text_anchor='middle',
                            aria_hidden='true',
                            **HALO,
                        )
                    }>{tspans}</text>"
                )
        else:
            parts.append(_radial_label(item, node.label, "label long", LABEL_SIZE))
            parts.append(_radial_label(item, node.short_label, "label short", LABEL_SIZE))
        parts.append("</a>")
    parts.append("</g></svg>")
    return mark_safe("".join(parts))


# -- timeline ----------------------------------------------------------------------------


@dataclass(frozen=True)
class TimelineYear:
    """One year: counts by month (twelve, January first) and of records dated only to the
    year. `title` names the year's link (its archive page)."""

    year: int
    href: str
    title: str
    agreement_months: tuple[int, ...]
    event_months: tuple[int, ...]
    agreements_in_year: int = 0
    events_in_year: int = 0


TIMELINE_WIDTH = 560.0
YEAR_COLUMN = 58.0  # the year's label
MONTH_CELL = 36.0
MONTHS_START = YEAR_COLUMN + 4.0
MONTHS_END = MONTHS_START + 12 * MONTH_CELL
HEADER = 30.0
ROW = 80.0
BAR_TOP, BASELINE = 6.0, 38.0  # within a row
EVENT_LANE = 47.0
SPAN_AGREEMENTS, SPAN_EVENTS = 57.0, 71.0
BAR_WIDTH = 22.0


def timeline_svg(
    years: Sequence[TimelineYear],
    *,
    month_labels: Sequence[str],
    rtl: bool,
    labelledby: str,
    describe: Callable[[str, int, int | None, int], str],
) -> SafeString:
    """Agreements and events by month, a line per year, oldest first.

    Time runs in the reading direction, as lines of text do: on an Arabic page January
    is on the right beside the year and December on the left, the years one under the
    other. Bars count the agreements of a month (known to the month or the day: none is
    placed on a day it does not have); diamonds the events that began that month. What
    the sources date only to the year is a bracket across the whole year, with its
    number at the end: the picture claims no month for it.

    `describe(kind, year, month or None, count)` gives the tooltip of a mark ("3
    agreements in September 2025"); marks are hidden from assistive technology, which
    reads the year links and the table beside the picture.
    """
    height = HEADER + ROW * len(years) + 4.0
    tallest = max((max(year.agreement_months) for year in years), default=0) or 1
    busiest = max((max(year.event_months) for year in years), default=0) or 1

    def x(value: float) -> float:
        return TIMELINE_WIDTH - value if rtl else value

    def anchor(side: str) -> str:
        """`start`/`end` as seen on a left-to-right page, mirrored for a right-to-left one."""
        if side == "middle" or not rtl:
            return side
        return "end" if side == "start" else "start"

    def cell_centre(month: int) -> float:
        return MONTHS_START + (month - 0.5) * MONTH_CELL

    parts = [
        f"<svg{
            _attributes(
                class_='timeline-chart',
                viewBox=f'0 0 {_number(TIMELINE_WIDTH)} {_number(height)}',
                role='group',
                aria_labelledby=labelledby,
                direction='ltr',
                font_family='inherit',
            )
        }>"
    ]
    parts.append('<g class="months" aria-hidden="true">')
    for month, label in enumerate(month_labels, start=1):
        quarter = " quarter" if month % 3 == 1 else ""
        parts.append(
            f"<text{
                _attributes(
                    class_=f'month{quarter}',
                    x=x(cell_centre(month)),
                    y=HEADER - 10.0,
                    font_size=10,
                    text_anchor='middle',
                    fill=INK,
                )
            }>{escape(label)}</text>"
        )
    parts.append("</g>")
    for row, year in enumerate(years):
        top = HEADER + ROW * row
        base = top + BASELINE
        parts.append(f'<g class="year" data-year="{year.year}">')
        parts.append(
            f"<line{
                _attributes(
                    x1=x(0.0),
                    x2=x(TIMELINE_WIDTH),
                    y1=top,
                    y2=top,
                    stroke=GRID_COLOUR,
                    stroke_width=1.0,
                    aria_hidden='true',
                )
            }/>"
        )
        parts.append(f"<a{_attributes(href=year.href, class_='year-link')}>")
        parts.append(f"<title>{escape(year.title)}</title>")
        parts.append(
            f"<text{
                _attributes(
                    class_='year-label',
                    x=x(4.0),
                    y=base,
                    font_size=14,
                    font_weight='700',
                    text_anchor=anchor('start'),
                    aria_hidden='true',
                )
            }>{year.year}</text>"
        )
        parts.append("</a>")
        parts.append('<g class="marks" aria-hidden="true">')
        parts.append(
            f"<line{
                _attributes(
                    x1=x(MONTHS_START),
                    x2=x(MONTHS_END),
                    y1=base,
                    y2=base,
                    stroke=INK,
                    stroke_width=1.0,
                )
            }/>"
        )
        for month in range(1, 13):
            count = year.agreement_months[month - 1]
            if count:
                bar = max(2.0, (BASELINE - BAR_TOP) * count / tallest)
                parts.append(
                    f"<rect{
                        _attributes(
                            class_='bar',
                            x=x(cell_centre(month)) - BAR_WIDTH / 2,
                            y=base - bar,
                            width=BAR_WIDTH,
                            height=bar,
                            fill=AGREEMENT_COLOUR,
                            data_count=count,
                        )
                    }><title>{escape(describe('agreement', year.year, month, count))}</title>"
                    "</rect>"
                )
            events = year.event_months[month - 1]
            if events:
                size = 3.5 + 3.5 * math.sqrt(events / busiest)
                centre_x, centre_y = x(cell_centre(month)), top + EVENT_LANE
                parts.append(
                    f"<path{
                        _attributes(
                            class_='event',
                            d=(
                                f'M{_number(centre_x)} {_number(centre_y - size)}'
                                f'l{_number(size)} {_number(size)}'
                                f'l{_number(-size)} {_number(size)}'
                                f'l{_number(-size)} {_number(-size)}z'
                            ),
                            fill=EVENT_COLOUR,
                            data_count=events,
                        )
                    }><title>{escape(describe('event', year.year, month, events))}</title></path>"
                )
        for kind, count, lane, colour in (
            ("agreement", year.agreements_in_year, SPAN_AGREEMENTS, AGREEMENT_COLOUR),
            ("event", year.events_in_year, SPAN_EVENTS, EVENT_COLOUR),
        ):
            if not count:
                continue
            y = top + lane
            start, end = x(MONTHS_START + 4.0), x(MONTHS_END - 4.0)
            parts.append(
                f"<path{
                    _attributes(
                        class_=f'span span-{kind}',
                        d=(f'M{_number(start)} {_number(y - 3.0)}v3H{_number(end)}v-3'),
                        fill='none',
                        stroke=colour,
                        stroke_width=2.0,
                        stroke_dasharray='6 3' if kind == 'event' else None,
                        data_count=count,
                    )
                }><title>{escape(describe(kind, year.year, None, count))}</title></path>"
            )
            parts.append(
                f"<text{
                    _attributes(
                        class_='span-count',
                        x=x(MONTHS_END + 4.0),
                        y=y,
                        font_size=11,
                        text_anchor=anchor('start'),
                        dominant_baseline='middle',
                        fill=colour,
                    )
                }>{count}</text>"
            )
        parts.append("</g></g>")
    parts.append("</svg>")
    return mark_safe("".join(parts))
