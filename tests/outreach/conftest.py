import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from wagtail.models import GroupPagePermission

from avp_wagtail.models import ContactPerson, Organisation
from avp_wagtail.outreach.choices import Answer, Channel, ContactKind
from avp_wagtail.outreach.models import OutreachContact
from tests.builders import make_call, make_meeting, make_plan, make_programme, publish
from tests.helpers import english_admin

OUTREACH_PERMISSIONS = (
    "view_outreachcontact",
    "add_outreachcontact",
    "change_outreachcontact",
    "delete_outreachcontact",
)


@pytest.fixture
def programme(home):
    return make_programme(home)


@pytest.fixture
def call(programme):
    call = make_call(
        programme,
        title="Kutse osalema",
        slug="kutse",
        deadline=timezone.localdate() + datetime.timedelta(days=14),
    )
    return publish(call)


@pytest.fixture
def plan(programme):
    return make_plan(programme, title="Kava", slug="kava")


@pytest.fixture
def meeting(programme):
    return make_meeting(programme, 1, -3, title="Esimene kohtumine")


@pytest.fixture
def society():
    return Organisation.objects.create(name="Külaselts Kask", email="selts@kask.example")


@pytest.fixture
def chair(society):
    return ContactPerson.objects.create(
        name="Mari Maasikas", organisation=society, email="mari@kask.example"
    )


def contact(programme, **fields):
    defaults = {"kind": ContactKind.ORGANISATION, "answer": Answer.NOT_YET}
    return OutreachContact.objects.create(programme=programme, **{**defaults, **fields})


@pytest.fixture
def admin_client(admin_client, django_user_model):
    """The editor works in an English admin (messages are checked in English)."""
    english_admin(django_user_model.objects.get(username="editor"))
    return admin_client


def make_outreach_editor(django_user_model, root, username="tracker", permissions=None):
    """An editor with the tracker's permissions and page permissions under ``root``."""
    group = Group.objects.create(name=f"Toimetajad {username}")
    for codename in (
        "access_admin",
        *(OUTREACH_PERMISSIONS if permissions is None else permissions),
    ):
        group.permissions.add(Permission.objects.get(codename=codename))
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group,
            page=root,
            permission=Permission.objects.get(
                codename=codename, content_type__app_label="wagtailcore"
            ),
        )
    user = django_user_model.objects.create_user(username, password="pw", first_name="Tiina")
    user.groups.add(group)
    return english_admin(user)


__all__ = ["Channel", "contact", "make_outreach_editor"]
