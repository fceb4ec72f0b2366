"""The plan timeline as a PNG: the same picture, drawn on the server without a browser."""

import io
import xml.etree.ElementTree as ET

import pytest
from django.core.cache import cache
from PIL import Image

from avp_wagtail.core.choices import ItemStatus
from avp_wagtail.core.progress import ThemeGroup
from avp_wagtail.pictures import png
from avp_wagtail.pictures.style import LOOKS
from avp_wagtail.pictures.timeline import HEADER_HEIGHT, build_timeline, plan_groups
from tests.builders import make_item, make_plan, make_programme
from tests.pictures.conftest import D

SVG = "{http://www.w3.org/2000/svg}"

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_ui")]


@pytest.fixture
def plan(home):
    the_plan = make_plan(
        make_programme(home), slug="roads", start_date=D(2026, 1, 1), end_date=D(2027, 12, 31)
    )
    make_item(
        the_plan,
        1,
        title="Repair the bridge",
        status=ItemStatus.IN_PROGRESS,
        planned_start=D(2026, 3, 1),
        planned_end=D(2027, 9, 30),
    )
    return the_plan


def _rgb(colour):
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))


def test_the_png_draws_the_bars_where_the_svg_does(client, plan):
    assert png.available()  # the test extra installs cairosvg; Debian has libcairo2
    response = client.get(plan.url + "timeline/png/")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert 'filename="roads-timeline.png"' in response["Content-Disposition"]
    assert "public" in response["Cache-Control"]
    image = Image.open(io.BytesIO(response.content)).convert("RGB")
    timeline = build_timeline(
        plan, plan_groups(ThemeGroup.group(plan.themes.all(), list(plan.get_items()))), str
    )
    assert image.size == (2 * timeline.width, round(2 * timeline.standalone_height))
    (bar,) = timeline.bars
    y = 2 * (HEADER_HEIGHT + bar.mid_y)
    in_progress = _rgb(LOOKS[ItemStatus.IN_PROGRESS].fill)
    # Inside the bar: its colour; before its start and after its end: the white background.
    assert image.getpixel((round(2 * (bar.x + bar.width / 2)), round(y))) == in_progress
    assert image.getpixel((round(2 * bar.x) - 6, round(y))) == (255, 255, 255)
    assert image.getpixel((round(2 * bar.end_x) + 30, round(y))) == (255, 255, 255)


def test_the_plan_page_links_the_png_only_where_it_can_be_drawn(client, plan, monkeypatch):
    assert f'href="{plan.url}timeline/png/"' in client.get(plan.url).content.decode()
    monkeypatch.setattr(png, "available", lambda: False)
    cache.clear()  # the plan page's cached fragments
    assert "timeline/png/" not in client.get(plan.url).content.decode()
    assert client.get(plan.url + "timeline/png/").status_code == 404
    assert client.get(plan.url + "timeline/svg/").status_code == 200


def test_the_png_is_drawn_once_until_the_plan_changes(client, plan, monkeypatch):
    drawn = []
    real = png.svg_to_png
    monkeypatch.setattr(
        png, "svg_to_png", lambda svg, scale: drawn.append(scale) or real(svg, scale)
    )
    first = client.get(plan.url + "timeline/png/").content
    assert client.get(plan.url + "timeline/png/").content == first
    assert drawn == [2]
    make_item(plan, 2, title="Build a bridge", planned_start=D(2026, 5, 1))
    client.get(plan.url + "timeline/png/")
    assert len(drawn) == 2  # a new action: drawn anew


def test_a_very_long_plan_is_drawn_smaller_instead_of_failing():
    assert png.scale_for(960, 800) == 2
    tall = png.scale_for(960, 42_000)  # about a thousand actions
    assert tall * 42_000 <= png.MAX_HEIGHT
    assert (960 * tall) * (42_000 * tall) <= png.MAX_PIXELS + 1


def test_a_control_character_in_a_title_keeps_both_files_valid(client, plan):
    make_item(plan, 3, title="Bad\x0btitle\x1f", planned_start=D(2026, 5, 1))
    svg = client.get(plan.url + "timeline/svg/").content
    root = ET.fromstring(svg)  # well-formed
    labels = [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "avp-timeline__label"]
    assert any(label.startswith("Badtitle — ") for label in labels)
    assert client.get(plan.url + "timeline/png/").status_code == 200
