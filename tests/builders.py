"""Page builders with fixed titles and slugs ("Plan" at ``plan/``, "Item 1" at ``item-1/``...).

Thin wrappers over ``tests.factories``, kept for the many tests written before the factories;
new tests can call the factories directly."""

import datetime

from django.utils import timezone
from wagtail.models import Page, Site

from avp_wagtail.models import PlanTheme
from tests.factories import (
    ActionItemPageFactory,
    ActionPlanPageFactory,
    CallToParticipatePageFactory,
    MeetingProtocolPageFactory,
    OpenGovernmentPageFactory,
    publish,
)

__all__ = [
    "make_call",
    "make_item",
    "make_meeting",
    "make_plan",
    "make_programme",
    "make_site",
    "publish",
]


def make_programme(parent, **kwargs):
    defaults = {"title": "Open government", "slug": "open-government"}
    return OpenGovernmentPageFactory(parent=parent, **{**defaults, **kwargs})


def make_call(programme, **kwargs):
    defaults = {"title": "Call", "slug": "call"}
    return CallToParticipatePageFactory(parent=programme, **{**defaults, **kwargs})


def make_plan(programme, themes=("Theme A",), **kwargs):
    defaults = {"title": "Plan", "slug": "plan"}
    themes = [PlanTheme(title=title) for title in themes]
    return ActionPlanPageFactory(parent=programme, themes=themes, **{**defaults, **kwargs})


def make_item(plan, n, **kwargs):
    defaults = {"title": f"Item {n}", "slug": f"item-{n}", "summary": f"Summary {n}"}
    return ActionItemPageFactory(parent=plan, **{**defaults, **kwargs})


def make_meeting(programme, n, days_from_now, **kwargs):
    defaults = {
        "title": f"Meeting {n}",
        "slug": f"meeting-{n}",
        "start": timezone.now() + datetime.timedelta(days=days_from_now),
    }
    return MeetingProtocolPageFactory(parent=programme, **{**defaults, **kwargs})


def make_site(hostname, title="Naabri vald", slug=None):
    """A second Wagtail site (another municipality) with its own home page."""
    home = Page(title=title, slug=slug or hostname.split(".")[0])
    Page.get_first_root_node().add_child(instance=home)
    publish(home)
    return Site.objects.create(hostname=hostname, port=80, root_page=home, site_name=title)
