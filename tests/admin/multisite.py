"""Two municipalities on one install, for tests/admin/test_multisite.py and (with their
comments) tests/comments/test_multisite.py."""

import datetime

from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from wagtail.models import GroupPagePermission

from avp_wagtail.models import InterestSubmission, Milestone
from tests.builders import (
    make_call,
    make_item,
    make_meeting,
    make_plan,
    make_programme,
    make_site,
    publish,
)

PAST = timezone.localdate() - datetime.timedelta(days=20)
NEIGHBOUR = {"HTTP_HOST": "naaber.example"}
EDITOR_PERMISSIONS = (
    "access_admin",
    "view_interestsubmission",
    "change_interestsubmission",
    "delete_interestsubmission",
)


def municipality(root, name):
    programme = make_programme(root, title=f"{name} programm")
    plan = make_plan(programme, title=f"{name} kava", monitoring_every=3)
    item = make_item(plan, 1, title=f"{name} tegevus")
    item.milestones = [Milestone(title=f"{name} verstapost", due_date=PAST)]
    publish(item)
    call = make_call(programme, title=f"{name} kutse")
    make_meeting(programme, 1, 5, title=f"{name} koosolek")
    submission = InterestSubmission.objects.create(
        call=call, name=f"{name} elanik", email="x@example.ee", consent=True
    )
    return {"programme": programme, "plan": plan, "item": item, "submission": submission}


def two_municipalities(home):
    """Ours on the default site, the neighbour's on naaber.example."""
    ours = municipality(home, "Näidiku")
    neighbour_site = make_site("naaber.example", title="Naabri vald")
    theirs = municipality(neighbour_site.root_page, "Naabri")
    return ours, theirs


def log_in_neighbour_editor(client, django_user_model, theirs, extra_permissions=()):
    """An editor of the neighbour's pages only (with ``extra_permissions``, e.g. a
    moderator's)."""
    group = Group.objects.create(name="Naabri toimetajad")
    for codename in (*EDITOR_PERMISSIONS, *extra_permissions):
        group.permissions.add(Permission.objects.get(codename=codename))
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group,
            page=theirs["programme"].get_parent(),
            permission=Permission.objects.get(
                codename=codename, content_type__app_label="wagtailcore"
            ),
        )
    user = django_user_model.objects.create_user("naaber", password="pw")
    user.groups.add(group)
    client.force_login(user)
    return client


def body(response):
    return b"".join(response.streaming_content).decode()


def assert_denied(response):
    """Wagtail answers a permission error with a redirect to the dashboard."""
    assert (response.status_code, response["Location"]) == (302, "/admin/")
