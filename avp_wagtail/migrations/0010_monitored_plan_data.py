"""Existing data under the two new rules (issue 12):

- A monitoring meeting monitors the plan beside it (same programme and language) whose
  period contains the meeting's date, else the latest plan that started before it, else
  the earliest plan beside it (a meeting held before any plan began); none only when the
  programme has no plan in that language.
- An action item's status and progress are those of its latest progress update that sets
  them (by date, then order); items whose updates set nothing keep their own values.
"""

from django.db import migrations
from django.utils import timezone

STEPLEN = 4  # Wagtail's page path step
MONITORING = "monitoring"


def _local_date(value):
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.date()


def plan_for(meeting, plans):
    """The plan a monitoring meeting monitors, from the plans beside it."""
    day = _local_date(meeting.start)
    started = sorted(
        (plan for plan in plans if plan.start_date <= day),
        key=lambda plan: (plan.start_date, plan.path),
        reverse=True,
    )
    during = [plan for plan in started if plan.end_date >= day]
    earliest = sorted(plans, key=lambda plan: (plan.start_date, plan.path))
    chosen = during or started or earliest
    return chosen[0] if chosen else None


def link_monitoring_meetings(apps, schema_editor):
    MeetingProtocolPage = apps.get_model("avp_wagtail", "MeetingProtocolPage")
    ActionPlanPage = apps.get_model("avp_wagtail", "ActionPlanPage")
    meetings = MeetingProtocolPage.objects.filter(kind=MONITORING, monitored_plan__isnull=True)
    plans_beside = {}
    for plan in ActionPlanPage.objects.only("path", "locale_id", "start_date", "end_date"):
        plans_beside.setdefault((plan.path[:-STEPLEN], plan.locale_id), []).append(plan)
    for meeting in meetings.only("path", "locale_id", "start"):
        plan = plan_for(meeting, plans_beside.get((meeting.path[:-STEPLEN], meeting.locale_id), []))
        if plan is not None:
            MeetingProtocolPage.objects.filter(pk=meeting.pk).update(monitored_plan=plan)


def items_follow_their_updates(apps, schema_editor):
    ActionItemPage = apps.get_model("avp_wagtail", "ActionItemPage")
    ProgressUpdate = apps.get_model("avp_wagtail", "ProgressUpdate")
    facts = {}
    updates = ProgressUpdate.objects.order_by("page_id", "-date", "-sort_order", "-pk")
    for update in updates.only("page_id", "status", "progress", "date", "sort_order"):
        status, progress = facts.get(update.page_id, (None, None))
        if status is None and update.status:
            status = update.status
        if progress is None and update.progress is not None:
            progress = update.progress
        facts[update.page_id] = (status, progress)
    for page_id, (status, progress) in facts.items():
        changes = {}
        if status is not None:
            changes["status"] = status
        if progress is not None:
            changes["progress"] = progress
        if changes:
            ActionItemPage.objects.filter(pk=page_id).update(**changes)


def forwards(apps, schema_editor):
    link_monitoring_meetings(apps, schema_editor)
    items_follow_their_updates(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("avp_wagtail", "0009_monitored_plan"),
    ]

    operations = [
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
