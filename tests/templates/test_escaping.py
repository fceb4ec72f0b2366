"""User-entered text is escaped everywhere it is shown."""

from avp_wagtail.models import AgendaItem, Organisation
from tests.builders import make_item, make_meeting, make_plan, make_programme, publish

EVIL = '<script>alert("x")</script>'


def test_plain_text_fields_are_escaped(client, home):
    programme = make_programme(home, common_goal=EVIL)
    plan = make_plan(programme, summary=EVIL, themes=(EVIL,))
    org = Organisation.objects.create(name=EVIL)
    item = make_item(plan, 1, title=EVIL, summary=EVIL, lead_implementer=org)
    meeting = make_meeting(programme, 1, -1, summary=EVIL, location=EVIL, outside_speakers=EVIL)
    meeting.agenda_items = [AgendaItem(title=EVIL, responsible=EVIL)]
    publish(meeting)
    for page in (programme, plan, item, meeting):
        html = client.get(page.url).content.decode()
        assert "<script>" not in html, page
        assert "&lt;script&gt;" in html, page
