"""The demo shows carrying out: updates of every kind and an overdue milestone."""

import pytest

from avp_wagtail.core.choices import UpdateKind
from avp_wagtail.models import ActionItemPage, ActionPlanPage, Milestone, ProgressUpdate

pytestmark = pytest.mark.django_db


def test_demo_has_updates_of_every_kind_and_an_overdue_milestone(client, demo):
    assert set(ProgressUpdate.objects.values_list("kind", flat=True)) == set(UpdateKind.values)
    overdue = [m for m in Milestone.objects.all() if m.is_overdue]
    assert overdue
    assert overdue[0].delay_reason
    item = ActionItemPage.objects.get(slug="kaasav-eelarve")
    html = client.get(item.url).content.decode()
    assert "Paberil hääletamine on vajalik" in html
    assert "avp-badge--overdue" in html
    plan_html = client.get(ActionPlanPage.objects.get().url).content.decode()
    assert "Hääletus lükkub detsembrisse" in plan_html  # latest updates on the plan page
