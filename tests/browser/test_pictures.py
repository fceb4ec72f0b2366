"""The pictures (issue 18) as a resident sees them: the plan timeline at a phone's and a
desktop's width in et, en and ru, readable (text at least 11 CSS px), within the page (no
sideways scroll at 320 px), with no axe violations at either width. Screenshots of each
picture are kept under artifacts/screenshots/ (pictures-<language>-<width>-*.png)."""

import pytest

from avp_wagtail.models import ActionItemPage, ActionPlanPage
from demo import content
from demo.builder import build_demo
from tests.browser.conftest import SCREENSHOTS, screenshot
from tests.browser.helpers import axe_violations

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

LANGUAGES = ("et", "en", "ru")

_SMALLEST_TEXT = """(selector) => {
  const svg = [...document.querySelectorAll(selector)]
    .find(s => s.getBoundingClientRect().width > 0);
  if (!svg) return null;
  const heights = [...svg.querySelectorAll('text')].map(t => t.getBoundingClientRect().height)
    .filter(h => h > 0);
  return Math.min(...heights);
}"""


def _shoot(page, selector, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    element = page.locator(selector).locator("visible=true").first
    element.scroll_into_view_if_needed()
    element.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


@pytest.mark.parametrize("width", [390, 1280])
def test_the_plan_timeline_reads_well_at_a_phones_and_a_desktops_width(page, width):
    build_demo(translate=True)
    page.set_viewport_size({"width": width, "height": 900})
    problems = []
    for language in LANGUAGES:
        plan = ActionPlanPage.objects.get(locale__language_code=language)
        assert page.goto(plan.url).status == 200
        layout = "narrow" if width < 640 else "wide"
        other = "wide" if layout == "narrow" else "narrow"
        shown = page.locator(f".avp-timeline__region--{layout}")
        assert shown.is_visible(), (language, width)
        assert not page.locator(f".avp-timeline__region--{other}").is_visible()
        # Every action of the plan is a bar the reader can reach by keyboard.
        links = shown.locator("a.avp-timeline__item")
        assert links.count() == 9
        assert all(links.nth(n).is_visible() for n in range(links.count()))
        smallest = page.evaluate(_SMALLEST_TEXT, f".avp-timeline__svg--{layout}")
        assert smallest >= 11, (language, width, smallest)
        # The picture stays inside the page; only its own region may scroll.
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        problems += [f"{language} {width}: {p}" for p in axe_violations(page)]
        _shoot(page, ".avp-timeline", f"pictures-{language}-{width}-timeline")
        screenshot(page, f"pictures-{language}-{width}-plan")
    assert problems == [], "\n".join(problems)


def test_the_timeline_fits_a_320_px_screen_and_its_standalone_files_open(page):
    build_demo(translate=False)
    plan = ActionPlanPage.objects.get()
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(plan.url)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    box = page.locator(".avp-timeline__svg--narrow").bounding_box()
    assert box["x"] >= 0
    assert box["x"] + box["width"] <= 320
    svg = page.goto(plan.url + "timeline/svg/")
    assert svg.headers["content-type"].startswith("image/svg+xml")
    assert page.locator("svg a").count() == 9
    png = page.goto(plan.url + "timeline/png/")
    assert png.headers["content-type"] == "image/png"


@pytest.mark.parametrize("width", [390, 1280])
def test_progress_and_discussion_pictures_read_well_in_every_language(page, width):
    build_demo(translate=True)
    page.set_viewport_size({"width": width, "height": 900})
    problems = []
    for language in LANGUAGES:
        plan = ActionPlanPage.objects.get(locale__language_code=language)
        item = ActionItemPage.objects.child_of(plan).get(
            translation_key=ActionItemPage.objects.get(slug=content.COMMENTED_ITEM).translation_key
        )
        page.goto(plan.url)
        chart = page.locator(".avp-progress-chart__svg")
        assert chart.is_visible(), (language, width)
        assert page.evaluate(_SMALLEST_TEXT, ".avp-progress-chart__svg") >= 11
        # The plan table's small discussion picture: the commented action's row has one.
        assert page.locator("td .avp-shape-small__svg").count() >= 1
        _shoot(page, ".avp-progress-chart", f"pictures-{language}-{width}-plan-progress")
        assert page.goto(item.url).status == 200
        for selector in (".avp-progress-chart__svg", ".avp-shape__svg"):
            assert page.locator(selector).first.is_visible(), (language, width, selector)
        assert page.evaluate(_SMALLEST_TEXT, ".avp-progress-chart__svg") >= 11
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        problems += [f"{language} {width} item: {p}" for p in axe_violations(page)]
        _shoot(page, ".avp-progress-chart", f"pictures-{language}-{width}-item-progress")
        _shoot(page, ".avp-shape", f"pictures-{language}-{width}-discussion-shape")
    assert problems == [], "\n".join(problems)
