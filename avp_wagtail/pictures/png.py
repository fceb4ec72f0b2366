"""The plan timeline as a PNG image, for newsletters and documents that take no SVG (I2).

Drawn from the same SVG by CairoSVG (``pip install "avp-wagtail[png]"``: the ``cairosvg``
package and the system's Cairo library, ``libcairo2`` on Debian), on the server, with no
browser. Without them the PNG link is not shown and its URL answers 404; the SVG stays.
"""

from __future__ import annotations

from functools import cache

# Twice the SVG's size: sharp in print and on high-density screens, a few hundred kB.
SCALE = 2


@cache
def available() -> bool:
    """Whether CairoSVG and the Cairo library it loads are installed."""
    try:
        import cairosvg  # noqa: F401
    except (ImportError, OSError):  # OSError: the package without the Cairo library
        return False
    return True


def svg_to_png(svg: str, scale: float = SCALE) -> bytes:
    import cairosvg

    return cairosvg.svg2png(bytestring=svg.encode("utf-8"), scale=scale, unsafe=False)
