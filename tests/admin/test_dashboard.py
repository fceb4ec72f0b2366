"""The admin home page panel: what needs an official's attention."""

import datetime

import pytest
from django.utils import timezone

from avp_wagtail.core.choices import ItemStatus, MeetingKind
from avp_wagtail.models import Milestone, ProgressUpdate
from tests.builders import make_item, make_meeting, make_plan, make_programme, publish

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def test_dashboard_lists_overdue_stale_and_next_monitoring(admin_client, home):
    programme = make_programme(home)
    plan = make_plan(programme, title="Tegevuskava", monitoring_every=1, monitoring_start=TODAY)
    make_meeting(
        programme,
        1,
        3,
        kind=MeetingKind.MONITORING,
        monitored_plan=plan,
        title="Seire detsembris",
    )
    late = make_item(plan, 1, title="Hilinev tegevus")
    late.milestones = [Milestone(title="Hange", due_date=TODAY - datetime.timedelta(days=2))]
    late.progress_updates = [ProgressUpdate(title="Värske", date=TODAY)]
    publish(late)
    stale = make_item(plan, 2, title="Unustatud tegevus")
    stale.progress_updates = [
        ProgressUpdate(title="Vana", date=TODAY - datetime.timedelta(days=200))
    ]
    publish(stale)
    type(stale).objects.filter(pk=stale.pk).update(
        last_published_at=timezone.now() - datetime.timedelta(days=200)
    )
    make_item(plan, 3, title="Valmis tegevus", status=ItemStatus.COMPLETED)
    html = admin_client.get("/admin/").content.decode()
    panel = html[html.index("avp-attention") :]
    assert "Hilinev tegevus" in panel
    assert "Hange" in panel
    assert "Unustatud tegevus" in panel
    assert "Valmis tegevus" not in panel
    assert "Seire detsembris" in panel


def test_dashboard_shows_comments_awaiting_moderation_to_moderators(admin_client, home):
    from avp_wagtail.comments.models import AvpComment

    item = make_item(make_plan(make_programme(home)), 1)
    AvpComment.objects.create(
        content_object=item, site_id=1, user_name="A", comment="Ootel", is_public=False
    )
    html = admin_client.get("/admin/").content.decode()
    assert "/admin/avp/comments/?state=awaiting" in html


def test_dashboard_lists_every_action_the_plan_page_calls_behind_schedule(admin_client, home):
    """The panel and the plan page use one definition (avp_wagtail.core.progress): a Delayed
    action and one past its planned end are listed, not only overdue milestones."""
    plan = make_plan(make_programme(home), title="Tegevuskava")
    fresh = [ProgressUpdate(title="Värske", date=TODAY)]
    past_end = make_item(plan, 1, title="Lõpp möödas", planned_end=TODAY - datetime.timedelta(1))
    past_end.progress_updates = list(fresh)
    publish(past_end)
    delayed = make_item(plan, 2, title="Hilinenud tegevus")
    delayed.progress_updates = [ProgressUpdate(title="Viibib", date=TODAY, status="delayed")]
    publish(delayed)
    on_time = make_item(plan, 3, title="Graafikus tegevus")
    on_time.progress_updates = [ProgressUpdate(title="Värske", date=TODAY)]
    publish(on_time)
    plan_html = admin_client.get(plan.url).content.decode()
    html = admin_client.get("/admin/").content.decode()
    panel = html[html.index("avp-attention") :]
    for title in ("Lõpp möödas", "Hilinenud tegevus"):
        assert title in panel
        assert title in plan_html
    assert "Graafikus tegevus" not in panel
