"""Small page builders for tests that need a specific tree rather than the demo."""

import datetime

from django.utils import timezone

from avp_wagtail.models import (
    ActionItemPage,
    ActionPlanPage,
    CallToParticipatePage,
    MeetingProtocolPage,
    OpenGovernmentPage,
    PlanTheme,
)


def publish(page):
    page.save_revision().publish()
    return page


def make_programme(parent, **kwargs):
    defaults = {"title": "Open government", "slug": "open-government", "common_goal": "Together."}
    page = OpenGovernmentPage(**{**defaults, **kwargs})
    parent.add_child(instance=page)
    return publish(page)


def make_call(programme, **kwargs):
    defaults = {"title": "Call", "slug": "call", "why_cooperate": "<p>Because.</p>"}
    page = CallToParticipatePage(**{**defaults, **kwargs})
    programme.add_child(instance=page)
    return publish(page)


def make_plan(programme, themes=("Theme A",), **kwargs):
    defaults = {
        "title": "Plan",
        "slug": "plan",
        "summary": "Summary",
        "start_date": datetime.date(2026, 1, 1),
        "end_date": datetime.date(2027, 12, 31),
    }
    page = ActionPlanPage(**{**defaults, **kwargs})
    page.themes = [PlanTheme(title=title) for title in themes]
    programme.add_child(instance=page)
    return publish(page)


def make_item(plan, n, **kwargs):
    defaults = {"title": f"Item {n}", "slug": f"item-{n}", "summary": f"Summary {n}"}
    page = ActionItemPage(**{**defaults, **kwargs})
    plan.add_child(instance=page)
    return publish(page)


def make_meeting(programme, n, days_from_now, **kwargs):
    defaults = {
        "title": f"Meeting {n}",
        "slug": f"meeting-{n}",
        "start": timezone.now() + datetime.timedelta(days=days_from_now),
    }
    page = MeetingProtocolPage(**{**defaults, **kwargs})
    programme.add_child(instance=page)
    return publish(page)


def make_site(hostname, title="Naabri vald", slug=None):
    """A second Wagtail site (another municipality) with its own home page."""
    from wagtail.models import Page, Site

    home = Page(title=title, slug=slug or hostname.split(".")[0])
    Page.get_first_root_node().add_child(instance=home)
    publish(home)
    return Site.objects.create(hostname=hostname, port=80, root_page=home, site_name=title)
