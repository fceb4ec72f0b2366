"""The colours a host site overrides are the ones the picture is drawn with."""

import re
from pathlib import Path

from django.template.loader import render_to_string

import avp_wagtail
from avp_wagtail.pictures.progress_geometry import PROGRESS_COLOURS
from avp_wagtail.pictures.style import COLOURS, LOOKS, OVERDUE

STATIC = Path(avp_wagtail.__file__).parent / "static" / "avp_wagtail" / "css" / "pictures.css"


def _fallbacks(css):
    return dict(re.findall(r"var\((--[\w-]+), (#[0-9a-f]{6})\)", css))


def test_page_and_standalone_styles_default_to_the_drawn_colours():
    page = _fallbacks(STATIC.read_text(encoding="utf-8"))
    standalone = _fallbacks(render_to_string("avp_wagtail/pictures/timeline_svg_style.css"))
    # the page's stylesheet also carries the progress charts' colours (pictures.progress)
    assert page == {**COLOURS, **PROGRESS_COLOURS}
    assert standalone == COLOURS
    for look in [*LOOKS.values(), OVERDUE]:  # the SVG's attributes carry the same colour
        assert look.colour in (look.stroke, look.fill), look.kind
