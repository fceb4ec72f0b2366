"""One source for an action's status and progress (issue 12, point 2).

The latest progress update that sets a status (by date, then order) sets the item's
status, and likewise for progress; while no update sets them, the item's own fields are
the source (initial planning, CSV import, borrowing). Every listing reads the item.
"""

import csv
import datetime
import io
import json
from html import unescape

import pytest
from django.utils import formats, timezone, translation
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.operations import translate_object

from avp_wagtail.core.choices import ItemStatus
from avp_wagtail.models import ActionItemPage, ItemChange, NetworkPage, ProgressUpdate
from tests.admin import forms_data
from tests.builders import make_item, make_plan, make_programme, publish
from tests.helpers import et

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)


@pytest.fixture
def plan(home):
    return make_plan(make_programme(home, in_network=True))


def item_with_updates(plan, **kwargs):
    """Planned at 40 %; then updates say in progress, delayed and 45 %."""
    item = make_item(plan, 1, title="Kaasav eelarve", status=ItemStatus.IN_PROGRESS, progress=40)
    item.progress_updates = [
        ProgressUpdate(title="Algus", date=TODAY - 30 * DAY, status="in_progress", progress=40),
        ProgressUpdate(title="Takistus", date=TODAY - 10 * DAY, status=ItemStatus.DELAYED),
        ProgressUpdate(title="Edasi", date=TODAY - 10 * DAY, progress=45),  # same day, later
        ProgressUpdate(title="Õppetund", date=TODAY - 5 * DAY, kind="lesson"),  # sets nothing
    ]
    publish(item)
    return ActionItemPage.objects.get(pk=item.pk)


def test_the_latest_update_that_sets_each_fact_sets_the_item(plan):
    item = item_with_updates(plan)
    assert (item.status, item.progress) == (ItemStatus.DELAYED, 45)
    assert item.get_latest_revision_as_object().progress == 45  # the stored revision too


def test_order_decides_between_updates_of_the_same_day(plan):
    item = make_item(plan, 1)
    item.progress_updates = [
        ProgressUpdate(title="B", date=TODAY, progress=70),
        ProgressUpdate(title="A", date=TODAY, progress=60),  # below B in the editor: later
        ProgressUpdate(title="Old", date=TODAY - DAY, progress=90),
    ]
    publish(item)
    assert ActionItemPage.objects.get(pk=item.pk).progress == 60


def test_without_updates_the_item_keeps_its_own_facts(plan):
    """Initial planning, CSV import and borrowing set the item's fields directly."""
    item = make_item(plan, 1, status=ItemStatus.PLANNED, progress=15)
    item.progress_updates = [ProgressUpdate(title="Teade", date=TODAY)]  # sets nothing
    publish(item)
    item = ActionItemPage.objects.get(pk=item.pk)
    assert (item.status, item.progress) == (ItemStatus.PLANNED, 15)


def test_editor_contradicting_the_latest_update_gets_a_field_error(admin_client, plan):
    item = item_with_updates(plan)
    data = forms_data.item_data(
        title=item.title,
        slug=item.slug,
        status=ItemStatus.DELAYED,
        progress="50",  # the latest update says 45
        progress_updates=forms_data.inline_formset(
            [
                {
                    "id": update.pk,
                    "date": update.date.isoformat(),
                    "kind": update.kind,
                    "title": update.title,
                    "text": "",
                    "status": update.status,
                    "progress": "" if update.progress is None else update.progress,
                    "reported_by": "",
                }
                for update in item.progress_updates.order_by("sort_order")
            ],
            initial=4,
        ),
    )
    response = admin_client.post(
        f"/admin/pages/{item.pk}/edit/", {**data, "action-publish": "action-publish"}
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert list(errors) == ["progress"]
    with translation.override("et"):
        date = formats.date_format(TODAY - 10 * DAY, "SHORT_DATE_FORMAT")
    html = unescape(response.content.decode())
    message = et(
        "The latest progress update (%(date)s) sets progress to %(progress)s%%. "
        "Add a progress update to change it."
    ) % {"date": date, "progress": 45}
    assert message in html  # at the field, in the editor's language
    assert ActionItemPage.objects.get(pk=item.pk).progress == 45


def test_editor_adding_an_update_moves_the_item_and_its_history(admin_client, client, plan):
    item = item_with_updates(plan)
    rows = [
        {
            "id": update.pk,
            "date": update.date.isoformat(),
            "kind": update.kind,
            "title": update.title,
            "text": "",
            "status": update.status,
            "progress": "" if update.progress is None else update.progress,
            "reported_by": "",
        }
        for update in item.progress_updates.order_by("sort_order")
    ]
    rows.append(
        {
            "date": TODAY.isoformat(),
            "kind": "progress",
            "title": "Hääletus toimus",
            "text": "",
            "status": "in_progress",
            "progress": "60",
            "reported_by": "",
        }
    )
    data = forms_data.item_data(
        title=item.title,
        slug=item.slug,
        status=ItemStatus.DELAYED,  # unchanged fields: the item follows its updates
        progress="45",
        planned_start="",
        planned_end="",
        progress_updates=forms_data.inline_formset(rows, initial=4),
    )
    # Publishing the updates above already moved the item: in progress 40 % -> delayed 45 %.
    assert ItemChange.objects.filter(page=item).count() == 2
    ItemChange.objects.all().delete()
    response = admin_client.post(
        f"/admin/pages/{item.pk}/edit/", {**data, "action-publish": "action-publish"}
    )
    assert response.status_code == 302, response.context["form"].errors
    item = ActionItemPage.objects.get(pk=item.pk)
    assert (item.status, item.progress) == (ItemStatus.IN_PROGRESS, 60)
    changes = {c.field: (c.old_value, c.new_value) for c in ItemChange.objects.filter(page=item)}
    assert changes == {"status": ("delayed", "in_progress"), "progress": ("45", "60")}
    # The editor sees the item's value the next time she opens it.
    form = admin_client.get(f"/admin/pages/{item.pk}/edit/").context["form"]
    assert form["progress"].value() == 60


def test_the_preview_follows_the_updates_being_edited(admin_client, plan):
    item = item_with_updates(plan)
    data = forms_data.item_data(
        title=item.title,
        slug=item.slug,
        status=ItemStatus.DELAYED,
        progress="45",
        progress_updates=forms_data.inline_formset(
            [
                {
                    "date": TODAY.isoformat(),
                    "kind": "progress",
                    "title": "Uus",
                    "text": "",
                    "status": "",
                    "progress": "60",
                    "reported_by": "",
                }
            ]
        ),
    )
    path = f"/admin/pages/{item.pk}/edit/preview/"
    assert admin_client.post(path, data).json() == {"is_valid": True, "is_available": True}
    html = admin_client.get(path).content.decode()
    assert 'value="60"' in html
    assert 'value="45"' not in html


def test_a_translation_follows(plan, django_capture_on_commit_callbacks):
    item = item_with_updates(plan)
    en = Locale.objects.create(language_code="en")
    for page in [plan.get_parent().specific, plan, item]:
        with django_capture_on_commit_callbacks(execute=True):
            translate_object(page, [en])
    item.progress_updates.add(ProgressUpdate(title="Uus", date=TODAY, progress=70))
    publish(item)
    with django_capture_on_commit_callbacks(execute=True):
        source, _ = TranslationSource.update_or_create_from_instance(item)
        for translation_ in Translation.objects.filter(source=source):
            translation_.save_target()
    target = item.get_translation(en)
    assert (target.status, target.progress) == (ItemStatus.DELAYED, 70)


def test_every_listing_reads_the_item(client, admin_client, plan):
    """Created at 40 % with a later update at 45 %: every listing says 45 %."""
    item = item_with_updates(plan)
    network = NetworkPage(title="Võrgustik", slug="vorgustik")
    plan.get_parent().add_child(instance=network)
    publish(network)

    plan_html = client.get(plan.url).content.decode()
    row = plan_html[plan_html.index(item.title) :]
    assert "45%" in row[: row.index("</tr>")]
    item_html = client.get(item.url).content.decode()
    assert 'value="45"' in item_html
    network_html = client.get(network.url).content.decode()
    row = network_html[network_html.index(item.title) :]
    assert "45%" in row[: row.index("</tr>")]

    report = admin_client.get("/admin/reports/avp-action-items/", {"export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(report.streaming_content).decode("utf-8-sig"))))
    assert rows[1][0] == item.title
    assert rows[1][5] == "45"

    export = json.loads(client.get(plan.url + "open-data/json/").content)
    exported = export["items"][0]
    assert (exported["status"], exported["progress"]) == ("delayed", 45)
    api = client.get(f"/api/v2/pages/{item.pk}/").json()
    assert (api["status"], api["progress"]) == ("delayed", 45)
