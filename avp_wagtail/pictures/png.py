"""The plan timeline as a PNG image, for newsletters and documents that take no SVG (I2).

Drawn from the same SVG by CairoSVG (``pip install "avp-wagtail[png]"``: the ``cairosvg``
package and the system's Cairo library, ``libcairo2`` on Debian), on the server, with no
browser. Without them the PNG link is not shown and its URL answers 404; the SVG stays.
"""

from __future__ import annotations

from functools import cache

# Twice the SVG's size: sharp in print and on high-density screens, a few hundred kB.
SCALE = 2
# Cairo draws at most 32767 pixels a side; a plan of hundreds of actions is drawn smaller
# (its SVG stays exact), never taller than this nor with more pixels than MAX_PIXELS.
MAX_HEIGHT = 16_000
MAX_PIXELS = 16_000_000


def scale_for(width: float, height: float) -> float:
    """``SCALE``, or less for a picture that would pass ``MAX_HEIGHT`` or ``MAX_PIXELS``."""
    return min(SCALE, MAX_HEIGHT / height, (MAX_PIXELS / (width * height)) ** 0.5)


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
