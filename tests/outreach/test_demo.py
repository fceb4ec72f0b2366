"""The demo's outreach tracker: contacts in every state, and its funnel and checklist."""

import pytest

from avp_wagtail.outreach.choices import Answer, Channel, ContactKind
from avp_wagtail.outreach.dashboard import funnels_for
from avp_wagtail.outreach.models import OutreachContact
from avp_wagtail.outreach.recipe_status import outreach_recipe_status

pytestmark = pytest.mark.django_db


def test_the_demo_tracker_has_every_state(demo, admin_user):
    rows = OutreachContact.objects.of_programme(demo)
    assert 14 <= rows.count() <= 20
    assert set(rows.values_list("channel", flat=True)) >= {*Channel.values, ""}
    assert set(rows.values_list("answer", flat=True)) == set(Answer.values)
    assert set(rows.values_list("kind", flat=True)) == set(ContactKind.values)
    assert rows.filter(source=OutreachContact.Source.REFERRAL).count() == 2
    assert rows.filter(referred_by__isnull=False).exists()
    assert rows.filter(submission__isnull=False).exists()
    assert set(rows.values_list("language", flat=True)) == {"et", "en", "ru"}
    for rid in ("C2", "C3", "C9", "C10"):
        assert outreach_recipe_status(demo, rid, None)[0] is True, rid
    (funnel,) = funnels_for(admin_user)
    invited, answered, interested, joined, active = funnel.total.counts
    assert invited > answered > interested > joined >= active > 0
