"""The partner network and the timeline: the SVG builders, then the pages on the seed data."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from django.test import Client

from agreements.graph_selectors import partner_network, timeline_counts
from agreements.models import Agreement
from events.models import Event
from partners.models import Organization
from tests.website.conftest import LANGUAGES
from website import graphs

SVG = "{http://www.w3.org/2000/svg}"


def parse(markup: str) -> ET.Element:
    """The builders' markup is well-formed XML (once given SVG's namespace)."""
    return ET.fromstring(markup.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1))


def node(key: int, weight: int, kind: str = "company", label: str | None = None) -> graphs.Node:
    name = label or f"Partner {key}"
    return graphs.Node(
        key=key,
        label=name,
        short_label=name[:10],
        title=f"{name} — {weight} agreements",
        href=f"/fr/partners/p{key}/",
        weight=weight,
        kind=kind,
    )


NODES = [
    node(1, 20, "ministry", "Ministry"),
    node(2, 9, "public_agency"),
    node(3, 4, "company"),
    node(4, 1, "un_agency"),
    node(5, 1, "association"),
]
EDGES = [(1, 2, 9), (1, 3, 4), (2, 3, 2), (1, 4, 1), (1, 5, 1), (3, 99, 5)]


def network(nodes=NODES, edges=EDGES, *, rtl: bool = False) -> ET.Element:
    return parse(graphs.network_svg(nodes, edges, rtl=rtl, labelledby="caption"))


def circles(root: ET.Element) -> list[ET.Element]:
    return root.findall(f".//{SVG}a/{SVG}circle")


# -- network: builder --------------------------------------------------------------------


def test_every_node_is_a_link_named_by_its_title_in_rank_order():
    root = network()
    links = root.findall(f".//{SVG}a")
    assert [link.get("href") for link in links] == [n.href for n in NODES]
    assert [link.find(f"{SVG}title").text for link in links] == [n.title for n in NODES]
    assert root.get("role") == "group" and root.get("aria-labelledby") == "caption"


def test_node_area_grows_with_agreements_and_the_hub_is_in_the_centre():
    found = circles(network())
    radii = [float(circle.get("r")) for circle in found]
    assert radii == sorted(radii, reverse=True)
    assert (found[0].get("cx"), found[0].get("cy")) == ("0", "0")
    # Area proportional to the number of agreements, above the smallest circle.
    extra = [r - graphs.SMALLEST_NODE for r in radii]
    assert extra[1] ** 2 / extra[0] ** 2 == pytest.approx(9 / 20, rel=0.01)


def test_nodes_are_coloured_by_family_of_kind():
    fills = [circle.get("fill") for circle in circles(network())]
    assert fills == [graphs.colour_of(n.kind) for n in NODES]
    assert graphs.colour_of("ministry") == graphs.colour_of("parliament")
    assert graphs.colour_of("company") != graphs.colour_of("un_agency")
    assert graphs.colour_of("unheard-of") == graphs.COLOUR_OF_FAMILY["other"]


def contrast_with_white(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    luminance = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    return 1.05 / (luminance + 0.05)


def test_every_colour_has_contrast_on_white():
    colours = [colour for _, colour, _ in graphs.KIND_FAMILIES]
    colours += [graphs.AGREEMENT_COLOUR, graphs.EVENT_COLOUR]
    assert all(contrast_with_white(colour) >= 4.5 for colour in colours)
    assert contrast_with_white(graphs.EDGE_COLOUR) >= 3
    assert len(set(colours[:6])) == 6


def test_edges_are_weighted_and_only_between_drawn_nodes():
    root = network()
    paths = root.findall(f".//{SVG}g[@class='edges']/{SVG}path")
    assert sorted(int(path.get("data-weight")) for path in paths) == [1, 1, 2, 4, 9]
    widths = {int(p.get("data-weight")): float(p.get("stroke-width")) for p in paths}
    assert widths[9] > widths[4] > widths[2] > widths[1]
    assert root.find(f".//{SVG}g[@class='edges']").get("aria-hidden") == "true"


def test_right_to_left_mirrors_the_layout():
    ltr = graphs.layout_network(NODES, rtl=False)
    rtl = graphs.layout_network(NODES, rtl=True)
    for left, right in zip(ltr, rtl, strict=True):
        assert right.x == pytest.approx(-left.x, abs=1e-9)
        assert right.y == pytest.approx(left.y, abs=1e-9)
    # From the top, in the reading direction: the second partner is on the reading side.
    assert ltr[1].y < 0 and abs(ltr[1].x) < 1e-9
    assert ltr[2].x > 0 and rtl[2].x < 0


def test_many_partners_alternate_between_two_rings_and_fit_the_view_box():
    many = [node(1, 50, "ministry")] + [node(key, 40 - key, "company") for key in range(2, 41)]
    placed = graphs.layout_network(many, rtl=False)
    distances = {round((item.x**2 + item.y**2) ** 0.5) for item in placed[1:]}
    assert len(distances) == 2
    # No two circles overlap, the last and the first partner included (39: an odd number).
    for a in placed[1:]:
        for b in placed[1:]:
            if a is not b:
                gap = ((a.x - b.x) ** 2 + (a.y - b.y) ** 2) ** 0.5
                assert gap > a.radius + b.radius
    root = network(many, [])
    left, top, width, height = (float(v) for v in root.get("viewBox").split())
    for item in placed:
        assert left < item.x < left + width and top < item.y < top + height


def test_texts_are_escaped():
    hostile = node(2, 3, "company", label='<script>alert("x")</script> & Co')
    markup = graphs.network_svg([NODES[0], hostile], [], rtl=False, labelledby="c")
    assert "<script>" not in markup
    assert "&lt;script&gt;" in markup
    parse(markup)  # still well-formed


def test_labels_are_hidden_from_assistive_technology_and_have_two_sizes():
    root = network()
    texts = root.findall(f".//{SVG}text")
    assert texts and all(text.get("aria-hidden") == "true" for text in texts)
    classes = {text.get("class") for text in texts}
    assert {"label long", "label short", "label long hub", "label short hub"} <= classes


def test_shorten_and_wrap():
    assert graphs.shorten("Agence de Développement du Digital", 20) == "Agence de…"
    assert graphs.shorten("Elm", 20) == "Elm"
    lines = graphs.wrap("Ministère de la Transition Numérique et de la Réforme", 24)
    assert len(lines) == 2 and lines[0] == "Ministère de la" and lines[1].endswith("…")


# -- timeline: builder -------------------------------------------------------------------

MONTHS = [f"m{number}" for number in range(1, 13)]


def year(number: int, months=(), events=(), in_year: int = 0, events_in_year: int = 0):
    agreement_months = [0] * 12
    for month, count in months:
        agreement_months[month - 1] = count
    event_months = [0] * 12
    for month, count in events:
        event_months[month - 1] = count
    return graphs.TimelineYear(
        year=number,
        href=f"/fr/dates/{number}/",
        title=f"{number} <all>",
        agreement_months=tuple(agreement_months),
        event_months=tuple(event_months),
        agreements_in_year=in_year,
        events_in_year=events_in_year,
    )


def describe(kind, year, month, count):
    return f"{kind}|{year}|{month}|{count}"


def timeline(years, *, rtl: bool = False) -> ET.Element:
    markup = graphs.timeline_svg(
        years, month_labels=MONTHS, rtl=rtl, labelledby="t", describe=describe
    )
    return parse(markup)


def bars(root: ET.Element) -> list[ET.Element]:
    return root.findall(f".//{SVG}rect[@class='bar']")


def test_a_bar_per_month_with_agreements_its_height_by_count():
    root = timeline([year(2024, months=[(1, 2), (9, 4)]), year(2025, months=[(6, 1)])])
    found = bars(root)
    assert [bar.find(f"{SVG}title").text for bar in found] == [
        "agreement|2024|1|2",
        "agreement|2024|9|4",
        "agreement|2025|6|1",
    ]
    heights = [float(bar.get("height")) for bar in found]
    assert heights[1] == pytest.approx(2 * heights[0]) == pytest.approx(4 * heights[2])
    # The year is a link to its archive, named by its title.
    links = root.findall(f".//{SVG}a")
    assert [link.get("href") for link in links] == ["/fr/dates/2024/", "/fr/dates/2025/"]
    assert links[0].find(f"{SVG}title").text == "2024 <all>"


def test_a_date_known_only_to_the_year_is_a_span_across_the_year_not_a_month():
    root = timeline([year(2023, in_year=3, events_in_year=1)])
    assert bars(root) == []
    spans = root.findall(f".//{SVG}path[@data-count]")
    kinds = {path.get("class"): path for path in spans}
    assert set(kinds) == {"span span-agreement", "span span-event"}
    assert kinds["span span-agreement"].find(f"{SVG}title").text == "agreement|2023|None|3"
    # It runs from the first month to the last.
    numbers = [
        float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", kinds["span span-agreement"].get("d"))
    ]
    xs = [numbers[0], numbers[3]]  # M x y v3 H x v-3
    assert min(xs) < graphs.MONTHS_START + graphs.MONTH_CELL
    assert max(xs) > graphs.MONTHS_END - graphs.MONTH_CELL
    assert "3" in [text.text for text in root.findall(f".//{SVG}text[@class='span-count']")]


def test_events_are_diamonds_in_their_month():
    root = timeline([year(2026, events=[(2, 1), (3, 4)])])
    diamonds = root.findall(f".//{SVG}path[@class='event']")
    assert [d.find(f"{SVG}title").text for d in diamonds] == ["event|2026|2|1", "event|2026|3|4"]


def test_right_to_left_time_runs_from_the_right():
    ltr = bars(timeline([year(2024, months=[(1, 1), (12, 1)])]))
    rtl = bars(timeline([year(2024, months=[(1, 1), (12, 1)])], rtl=True))
    january_ltr, december_ltr = (float(bar.get("x")) for bar in ltr)
    january_rtl, december_rtl = (float(bar.get("x")) for bar in rtl)
    assert january_ltr < december_ltr and january_rtl > december_rtl
    width = graphs.BAR_WIDTH
    assert january_rtl == pytest.approx(graphs.TIMELINE_WIDTH - january_ltr - width)
    labels = timeline([year(2024)], rtl=True).findall(f".//{SVG}text[@class='year-label']")
    assert labels[0].get("text-anchor") == "end"
    assert float(labels[0].get("x")) > graphs.TIMELINE_WIDTH / 2


def test_month_labels_and_quarters():
    root = timeline([year(2024)])
    months = root.findall(f".//{SVG}g[@class='months']/{SVG}text")
    assert [text.text for text in months] == MONTHS
    quarters = [text.text for text in months if "quarter" in text.get("class")]
    assert quarters == ["m1", "m4", "m7", "m10"]


def test_timeline_texts_are_escaped():
    markup = graphs.timeline_svg(
        [year(2024, months=[(1, 1)])],
        month_labels=["<b>"] * 12,
        rtl=False,
        labelledby="t",
        describe=lambda *args: "<i>&",
    )
    assert "<b>" not in markup and "<i>" not in markup and "&lt;all&gt;" in markup
    parse(markup)


# -- the pages, on the seed data -----------------------------------------------------------

pytestmark_pages = pytest.mark.usefixtures("seeded")


def svg_of(html: str, css_class: str) -> str:
    match = re.search(rf'<svg class="{css_class}".*?</svg>', html, re.S)
    assert match, css_class
    return match.group(0)


def table_of(html: str) -> str:
    match = re.search(r"<table.*?</table>", html, re.S)
    assert match
    return match.group(0)


@pytestmark_pages
@pytest.mark.parametrize("language", LANGUAGES)
def test_network_page_shows_the_published_partners(client: Client, language):
    response = client.get(f"/{language}/network/")
    assert response.status_code == 200
    html = response.content.decode()
    svg, table = svg_of(html, "network"), table_of(html)
    partners = partner_network(limit=40)
    assert partners.nodes
    for item in partners.nodes:
        href = f'href="/{language}/partners/{item.slug}/"'
        assert href in svg and href in table
    # The Ministry, party to the most agreements, is in the centre.
    assert partners.nodes[0].slug == "ministry-digital-transition"
    assert '<figure class="graph graph-network"' in html and "<figcaption>" in html
    parse(svg)


@pytestmark_pages
def test_the_partner_index_and_the_home_page_link_to_the_pictures(client: Client):
    assert 'href="/fr/network/"' in client.get("/fr/partners/").content.decode()
    home = client.get("/fr/").content.decode()
    assert 'href="/fr/network/"' in home and 'href="/fr/dates/chart/"' in home
    assert 'href="/fr/dates/chart/"' in client.get("/fr/dates/").content.decode()


@pytestmark_pages
def test_a_draft_never_appears_in_the_network(client: Client):
    before = partner_network(limit=40)
    elm = Organization.objects.get(slug="elm")
    mistral = Organization.objects.get(slug="mistral-ai")
    draft = Organization.objects.create(
        slug="zzdraft-partner",
        name_ar="مسودةسرية",
        name_fr="ZZDRAFT partenaire",
        name_en="ZZDRAFT partner",
        kind="company",
        status="draft",
    )
    published = Agreement.objects.create(
        slug="zz-published", title_ar="اتفاقية", kind="agreement", status="published"
    )
    published.parties.create(organization=draft)
    published.parties.create(organization=elm)
    hidden = Agreement.objects.create(
        slug="zz-draft", title_ar="اتفاقية", kind="agreement", status="draft"
    )
    hidden.parties.create(organization=elm)
    hidden.parties.create(organization=mistral)
    after = partner_network(limit=40)
    counts = {item.slug: item.agreements for item in after.nodes}
    assert "zzdraft-partner" not in counts
    # The published agreement with the draft party counts for Elm; the draft one for nobody.
    assert counts["elm"] == {item.slug: item.agreements for item in before.nodes}["elm"] + 1
    assert (
        counts["mistral-ai"] == {item.slug: item.agreements for item in before.nodes}["mistral-ai"]
    )
    assert not any({elm.pk, mistral.pk} == {a, b} for a, b, _ in after.edges)
    for language in LANGUAGES:
        html = client.get(f"/{language}/network/").content.decode()
        assert "zzdraft" not in html.lower() and "مسودةسرية" not in html


@pytestmark_pages
@pytest.mark.parametrize("language", LANGUAGES)
def test_timeline_page(client: Client, language):
    response = client.get(f"/{language}/dates/chart/")
    assert response.status_code == 200
    html = response.content.decode()
    svg, table = svg_of(html, "timeline-chart"), table_of(html)
    parse(svg)
    counts = timeline_counts()
    first = min(year for year, _ in counts.agreement_months)
    assert (
        f'href="/{language}/dates/{first}/"' in svg
        and f'href="/{language}/dates/{first}/"' in table
    )
    if language == "ar":
        assert "شتنبر" in svg and "دجنبر" in svg  # Morocco's month names
        assert "سبتمبر" not in svg


@pytestmark_pages
def test_timeline_counts_published_records_at_their_precision(client: Client):
    before = timeline_counts()
    Agreement.objects.create(
        slug="zz-year", title_ar="اتفاقية", kind="agreement", status="published",
        signed_on="2019-01-01", signed_on_precision="year",
    )  # fmt: skip
    Agreement.objects.create(
        slug="zz-month", title_ar="اتفاقية", kind="agreement", status="published",
        signed_on="2019-03-01", signed_on_precision="month",
    )  # fmt: skip
    Agreement.objects.create(
        slug="zz-draft", title_ar="اتفاقية", kind="agreement", status="draft",
        signed_on="2019-05-07", signed_on_precision="day",
    )  # fmt: skip
    Event.objects.create(
        slug="zz-draft-event", name_ar="حدث", kind="forum", status="draft",
        start_date="2019-05-01", date_precision="month",
    )  # fmt: skip
    after = timeline_counts()
    assert after.agreement_years.get(2019, 0) == before.agreement_years.get(2019, 0) + 1
    assert after.agreement_months.get((2019, 1), 0) == before.agreement_months.get((2019, 1), 0)
    assert after.agreement_months.get((2019, 3), 0) == before.agreement_months.get((2019, 3), 0) + 1
    assert after.agreement_months.get((2019, 5), 0) == before.agreement_months.get((2019, 5), 0)
    assert after.event_months == before.event_months
    html = client.get("/fr/dates/chart/").content.decode()
    assert "zz-draft" not in html
    svg = parse(svg_of(html, "timeline-chart"))
    row = svg.find(f".//{SVG}g[@data-year='2019']")
    assert [bar.get("data-count") for bar in row.findall(f".//{SVG}rect")] == ["1"]
    assert row.find(f".//{SVG}path[@class='span span-agreement']").get("data-count") == "1"
