"""The plan's overall progress: the mean of its items' progress, cancelled items excluded."""

from django.utils.translation import gettext as _

from avp_wagtail.core.choices import ItemStatus
from tests.builders import make_item, make_plan, make_programme


def test_progress_is_mean_of_items_without_cancelled(home):
    plan = make_plan(make_programme(home))
    make_item(plan, 1, progress=20)
    make_item(plan, 2, progress=60)
    make_item(plan, 3, progress=90, status=ItemStatus.CANCELLED)
    assert plan.progress == 40


def test_progress_ignores_unpublished_items(home):
    plan = make_plan(make_programme(home))
    make_item(plan, 1, progress=50)
    draft = make_item(plan, 2, progress=0)
    draft.unpublish()
    assert plan.progress == 50


def test_plan_without_counted_items_has_no_progress(home, client):
    plan = make_plan(make_programme(home))
    make_item(plan, 1, progress=70, status=ItemStatus.CANCELLED)
    assert plan.progress is None
    response = client.get(plan.url)
    assert _("not yet measured") in response.content.decode()


def test_plan_page_shows_overall_and_theme_progress(home, client):
    plan = make_plan(make_programme(home), themes=("Budget", "Information"))
    budget, information = plan.themes.all()
    make_item(plan, 1, progress=30, theme=budget)
    make_item(plan, 2, progress=50, theme=budget)
    make_item(plan, 3, progress=100, theme=information)
    html = client.get(plan.url).content.decode()
    assert 'value="60"' in html  # overall: (30 + 50 + 100) / 3
    assert 'value="40"' in html  # budget theme
    assert html.index("Budget") < html.index("Item 1") < html.index("Information")
    assert html.index("Information") < html.index("Item 3")


def test_mean_progress_rounds_half_up_as_a_reader_does():
    from types import SimpleNamespace

    from avp_wagtail.core.progress import mean_progress

    def item(progress):
        return SimpleNamespace(progress=progress, status="in_progress", weight=1)

    assert mean_progress([item(45), item(100)]) == 73  # 72.5: round() would say 72
    assert mean_progress([item(80), item(55)]) == 68  # 67.5
    assert mean_progress([item(10), item(20), item(20)]) == 17  # 16.67
