"""Reflow (WCAG 2.1 1.4.10): at 320 and 390 CSS pixels wide no page scrolls sideways.

Every public AVP page type and the home page with its AVP blocks, in et, en and ru. A wide
table either stacks its rows or scrolls inside its own labelled region, so the document
itself is never wider than the viewport.
"""

import os

import pytest

from avp_wagtail.models import (
    ActionItemPage,
    ActionPlanPage,
    CallToParticipatePage,
    MeetingProtocolPage,
    NetworkPage,
    OpenGovernmentPage,
)
from demo.builder import build_demo
from tests.browser.conftest import screenshot
from tests.browser.helpers import home_page

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WIDTHS = (320, 390)
LANGUAGES = ("et", "en", "ru")

# What sticks out past the right edge, to name the culprit when the page is too wide.
_WIDEST = """() => {
  const limit = document.documentElement.clientWidth;
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    const right = el.getBoundingClientRect().right;
    if (right > limit + 1) {
      const inner = [...el.children].some(c => c.getBoundingClientRect().right > limit + 1);
      if (!inner) out.push(`${el.tagName.toLowerCase()}.${el.className} (${Math.round(right)}px)`);
    }
  }
  return out.slice(0, 8);
}"""


def _urls():
    urls = []
    for model in (
        OpenGovernmentPage,
        CallToParticipatePage,
        ActionPlanPage,
        ActionItemPage,
        MeetingProtocolPage,
        NetworkPage,
    ):
        for language in LANGUAGES:
            instances = model.objects.filter(locale__language_code=language).order_by("path")
            for instance in instances:
                urls.append((f"{model.__name__}-{language}-{instance.slug}", instance.url))
    for home in home_page().get_translations(inclusive=True):
        urls.append((f"HomePage-{home.locale.language_code}", home.url))
    return urls


def test_no_page_scrolls_sideways_at_320_and_390_pixels(chromium, live_server):
    build_demo(translate=True)
    urls = _urls()
    kinds = {"-".join(name.split("-")[:2]) for name, _url in urls}
    assert len(kinds) == 7 * 3  # six AVP page types and the home page, in three languages
    too_wide = []
    for width in WIDTHS:
        context = chromium.new_context(
            base_url=live_server.url, viewport={"width": width, "height": 800}
        )
        page = context.new_page()
        page.set_default_timeout(15_000)
        for name, url in urls:
            response = page.goto(url)
            assert response.status == 200, url
            scroll_width = page.evaluate("document.documentElement.scrollWidth")
            if scroll_width > width:
                too_wide.append(f"{url} at {width}px is {scroll_width}px: {page.evaluate(_WIDEST)}")
            if os.environ.get("AVP_SCREENSHOT_DIR"):
                screenshot(page, f"reflow-{width}-{name}")
        context.close()
    assert too_wide == [], "\n".join(too_wide)


def test_stacked_table_cells_are_labelled_in_the_pages_language(chromium, live_server):
    """The plan's action tables stack into labelled rows on a phone: every cell says
    which column it belongs to, in the page's language."""
    build_demo(translate=True)
    context = chromium.new_context(base_url=live_server.url, viewport={"width": 320, "height": 800})
    page = context.new_page()
    plan = ActionPlanPage.objects.get(locale__language_code="ru")
    page.goto(plan.url)
    cell = page.locator("table.avp-items tbody td").first
    assert cell.get_attribute("data-label") == "Ответственный исполнитель"
    # Stacked: the label is shown before the value, and the row is as wide as the screen.
    label = cell.evaluate("el => getComputedStyle(el, '::before').content")
    assert "Ответственный исполнитель" in label
    context.close()
