"""The admin home page panel lists overdue decisions of meetings, each municipality's
editors only their own (D3, I1)."""

import datetime

import pytest
from django.utils import timezone

from avp_wagtail.models import AgendaItem
from avp_wagtail.models.agenda_items import DecisionState
from tests.admin.multisite import log_in_neighbour_editor, two_municipalities
from tests.builders import make_meeting, publish

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def add_decisions(municipality, name):
    meeting = make_meeting(municipality["programme"], 7, -30, title=f"{name} istung")
    meeting.agenda_items = [
        AgendaItem(
            title=f"{name} hilinenud otsus",
            deadline=TODAY - datetime.timedelta(days=2),
            responsible=f"{name} vastutaja",
            action_item=municipality["item"],
        ),
        AgendaItem(
            title=f"{name} tehtud otsus",
            deadline=TODAY - datetime.timedelta(days=2),
            decision_state=DecisionState.DONE,
        ),
        AgendaItem(title=f"{name} tulevane otsus", deadline=TODAY + datetime.timedelta(days=2)),
    ]
    publish(meeting)


def panel(client):
    html = client.get("/admin/").content.decode()
    return html[html.index("avp-attention") :]


def test_dashboard_lists_overdue_decisions_of_the_editors_site_only(
    client, admin_client, home, django_user_model
):
    ours, theirs = two_municipalities(home)
    add_decisions(ours, "Näidiku")
    add_decisions(theirs, "Naabri")
    everything = panel(admin_client)  # a superuser sees both
    assert "Näidiku hilinenud otsus" in everything
    assert "Naabri hilinenud otsus" in everything
    html = panel(log_in_neighbour_editor(client, django_user_model, theirs))
    assert "Naabri hilinenud otsus" in html
    assert "Naabri vastutaja" in html
    assert "Naabri istung" in html
    assert "Naabri tehtud otsus" not in html
    assert "Naabri tulevane otsus" not in html
    assert "Näidiku" not in html  # the other municipality's decisions stay hidden
