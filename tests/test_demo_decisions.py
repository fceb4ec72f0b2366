"""The demo's past meeting shows decisions followed to the end (D3, I1)."""

from django.utils.translation import gettext as _

from avp_wagtail.models import ActionItemPage, MeetingProtocolPage


def test_demo_decisions_are_done_and_overdue_and_shown_on_their_actions(client, demo):
    past = MeetingProtocolPage.objects.filter(locale=demo.locale).order_by("start").first()
    points = list(past.agenda_items.select_related("action_item"))
    assert [point.is_done for point in points] == [True, False]
    assert [point.is_overdue for point in points] == [False, True]
    assert all(point.action_item for point in points)
    assert all(point.done_on >= past.start.date() for point in points if point.done_on)
    html = client.get(past.url).content.decode()
    assert _("overdue") in html
    item = ActionItemPage.objects.get(slug="kaasav-eelarve", locale=demo.locale)
    assert past.title in client.get(item.url).content.decode()
