"""Monitoring meetings belong to a plan (issue 12, point 4): each plan shows its own next
monitoring meeting, and officials see each meeting once, in their own language."""

import datetime
import importlib
from html import unescape

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import Locale
from wagtail.users.models import UserProfile
from wagtail_localize.operations import translate_object

from avp_wagtail.core.choices import ItemStatus, MeetingKind
from avp_wagtail.models import (
    ActionItemPage,
    ActionPlanPage,
    MeetingProtocolPage,
    ProgressUpdate,
)
from avp_wagtail.tracking.monitoring import next_monitoring
from tests.admin import forms_data
from tests.admin.helpers import publish as publish_in_admin
from tests.builders import make_item, make_meeting, make_plan, make_programme, publish
from tests.helpers import et
from tests.queries import page_queries

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
migration = importlib.import_module("avp_wagtail.migrations.0010_monitored_plan_data")


@pytest.fixture
def programme(home):
    return make_programme(home)


def two_plans(programme):
    old = make_plan(
        programme,
        title="Kava 2026",
        slug="kava-2026",
        start_date=TODAY - datetime.timedelta(days=300),
        end_date=TODAY + datetime.timedelta(days=30),
        monitoring_every=3,
        monitoring_start=TODAY,
    )
    new = make_plan(
        programme,
        title="Kava 2027",
        slug="kava-2027",
        start_date=TODAY + datetime.timedelta(days=31),
        end_date=TODAY + datetime.timedelta(days=400),
        monitoring_every=3,
        monitoring_start=TODAY + datetime.timedelta(days=31),
    )
    return old, new


def test_a_new_plan_does_not_show_the_previous_plans_meeting(client, programme):
    old, new = two_plans(programme)
    december = make_meeting(
        programme,
        1,
        10,
        kind=MeetingKind.MONITORING,
        monitored_plan=old,
        title="Detsembri seirekoosolek",
    )
    assert next_monitoring(old).meeting.pk == december.pk
    assert next_monitoring(new).meeting is None
    html = client.get(programme.url).content.decode()
    plans = html[html.index('id="avp-plans-heading"') :]

    def entry(title):
        text = plans[plans.index(title) :]
        return text[: text.index("</li>")]

    old_entry, new_entry = entry("Kava 2026"), entry("Kava 2027")
    assert "Detsembri seirekoosolek" in old_entry
    assert "Detsembri seirekoosolek" not in new_entry
    assert "Detsembri seirekoosolek" not in client.get(new.url).content.decode()


def test_a_monitoring_meeting_must_name_its_plan(admin_client, programme):
    plan = make_plan(programme)
    data = forms_data.meeting_data(kind="monitoring", monitored_plan="")
    response = publish_in_admin(admin_client, "meetingprotocolpage", programme, data)
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["monitored_plan"]
    assert et("Choose the action plan this monitoring meeting reviews.") in unescape(
        response.content.decode()
    )
    other_programme = make_programme(programme.get_parent(), slug="teine")
    foreign = make_plan(other_programme, slug="voor")
    data = forms_data.meeting_data(kind="monitoring", monitored_plan=foreign.pk)
    response = publish_in_admin(admin_client, "meetingprotocolpage", programme, data)
    assert list(response.context["form"].errors) == ["monitored_plan"]
    data = forms_data.meeting_data(kind="monitoring", monitored_plan=plan.pk)
    response = publish_in_admin(admin_client, "meetingprotocolpage", programme, data)
    assert response.status_code == 302
    assert MeetingProtocolPage.objects.get().monitored_plan_id == plan.pk
    # The field is in the editor, beside the meeting kind.
    edit = admin_client.get(f"/admin/pages/{MeetingProtocolPage.objects.get().pk}/edit/")
    assert "monitored_plan" in edit.context["form"].fields


def test_other_meetings_and_programmes_without_plans_need_no_plan(programme):
    make_meeting(programme, 1, 5, kind=MeetingKind.MONITORING)  # no plan yet: fine
    make_plan(programme)
    make_meeting(programme, 2, 5, kind=MeetingKind.OPEN_MEETING)
    with pytest.raises(ValidationError) as error:
        make_meeting(programme, 3, 5, kind=MeetingKind.MONITORING)
    assert "monitored_plan" in error.value.message_dict


@pytest.fixture
def translated(programme, django_capture_on_commit_callbacks):
    """A plan with a monitoring meeting, translated into English (the meeting's English
    title differs) and Russian (the meeting not translated)."""
    en = Locale.objects.create(language_code="en")
    ru = Locale.objects.create(language_code="ru")
    plan = make_plan(programme, title="Tegevuskava", monitoring_every=3, monitoring_start=TODAY)
    meeting = make_meeting(
        programme, 1, 10, kind=MeetingKind.MONITORING, monitored_plan=plan, title="Seire"
    )
    for page in (programme, plan):
        with django_capture_on_commit_callbacks(execute=True):
            translate_object(page, [en, ru])
    with django_capture_on_commit_callbacks(execute=True):
        translate_object(meeting, [en])
    for page, title in ((meeting, "Monitoring"), (plan, "Action plan")):
        translated_page = page.get_translation(en)
        translated_page.title = title
        publish(translated_page)
    return plan, meeting, en, ru


def _dashboard(admin_client, language):
    user = admin_client.get("/admin/").wsgi_request.user
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    html = admin_client.get("/admin/").content.decode()
    return html[html.index("avp-attention") :]


def test_dashboard_lists_each_meeting_once_in_the_editors_language(admin_client, translated):
    plan, meeting, en, _ru = translated
    assert en_link_of(meeting, en).monitored_plan_id == plan.pk  # synchronised: the source
    panel = _dashboard(admin_client, "en")
    assert panel.count("Action plan:") == 1
    assert "Tegevuskava" not in panel
    assert panel.count("Monitoring,") == 1
    assert "Seire," not in panel
    # Russian: the plan in Russian (its title copied from Estonian), the meeting has no
    # Russian version: the default language's.
    panel = _dashboard(admin_client, "ru")
    assert panel.count("Tegevuskava:") == 1
    assert "Action plan" not in panel
    assert panel.count("Seire,") == 1
    assert "Monitoring," not in panel


def en_link_of(meeting, en):
    return MeetingProtocolPage.objects.get(translation_key=meeting.translation_key, locale=en)


def test_each_language_version_of_a_plan_shows_its_own_meeting(client, translated):
    plan, meeting, en, ru = translated
    en_plan = plan.get_translation(en)
    assert next_monitoring(en_plan).meeting.title == "Monitoring"
    assert next_monitoring(plan).meeting.title == "Seire"
    # Russian: no translation of the meeting, the default language's version.
    assert next_monitoring(plan.get_translation(ru)).meeting.pk == meeting.pk
    html = client.get(en_plan.url).content.decode()
    assert "Monitoring" in html.split("avp-next-monitoring")[1]


def test_dashboard_queries_do_not_grow_with_meetings_and_languages(admin_client, translated):
    plan, _meeting, _en, _ru = translated
    programme = plan.get_parent()
    before = page_queries(admin_client, "/admin/")[0]
    for n in range(2, 6):
        make_meeting(programme, n, 20 + n, kind=MeetingKind.MONITORING, monitored_plan=plan)
    assert page_queries(admin_client, "/admin/")[0] == before


def test_migration_links_existing_monitoring_meetings(programme):
    def at(year, month, day):
        return timezone.make_aware(datetime.datetime(year, month, day, 18))

    p2026 = make_plan(
        programme,
        slug="p2026",
        start_date=datetime.date(2026, 1, 1),
        end_date=datetime.date(2026, 12, 31),
    )
    p2027 = make_plan(
        programme,
        slug="p2027",
        start_date=datetime.date(2027, 1, 1),
        end_date=datetime.date(2027, 12, 31),
    )
    meetings = {}
    for name, start in (
        ("december", at(2026, 12, 10)),
        ("spring", at(2027, 3, 1)),
        ("after", at(2028, 2, 1)),
        ("before", at(2025, 6, 1)),
    ):
        meetings[name] = make_meeting(
            programme, name, 0, kind=MeetingKind.MONITORING, monitored_plan=p2026, start=start
        )
    open_meeting = make_meeting(programme, "open", 0, start=at(2026, 5, 1))
    MeetingProtocolPage.objects.update(monitored_plan=None)
    migration.link_monitoring_meetings(apps, None)
    linked = dict(MeetingProtocolPage.objects.values_list("slug", "monitored_plan_id"))
    assert linked == {
        "meeting-december": p2026.pk,
        "meeting-spring": p2027.pk,
        "meeting-after": p2027.pk,  # the latest plan that started before it
        "meeting-before": p2026.pk,  # held before any plan began: the earliest plan
        open_meeting.slug: None,
    }


def test_migration_makes_items_follow_their_updates(programme):
    plan = make_plan(programme)
    item = make_item(plan, 1)
    item.progress_updates = [
        ProgressUpdate(title="A", date=TODAY - datetime.timedelta(days=9), progress=40),
        ProgressUpdate(title="B", date=TODAY - datetime.timedelta(days=2), status="delayed"),
        ProgressUpdate(title="C", date=TODAY - datetime.timedelta(days=1), progress=45),
    ]
    publish(item)
    untouched = make_item(plan, 2, status=ItemStatus.PLANNED, progress=5)
    # Data from before the rule: the item typed again, differently.
    ActionItemPage.objects.filter(pk=item.pk).update(status="in_progress", progress=40)
    migration.items_follow_their_updates(apps, None)
    item = ActionItemPage.objects.get(pk=item.pk)
    assert (item.status, item.progress) == ("delayed", 45)
    untouched = ActionItemPage.objects.get(pk=untouched.pk)
    assert (untouched.status, untouched.progress) == ("planned", 5)
    assert ActionPlanPage.objects.count() == 1
