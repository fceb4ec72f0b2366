"""User-entered text is escaped everywhere it is shown."""

import re
from collections import Counter

from avp_wagtail.comments.models import AvpComment
from avp_wagtail.models import AgendaItem, Organisation
from tests.builders import make_item, make_meeting, make_plan, make_programme, publish
from tests.factories import ActionItemPageFactory

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


def test_item_page_has_no_duplicate_ids(client, home):
    """Several forms on one page (comment, follow, flags) never share an id."""
    item = ActionItemPageFactory(tags=["eelarve"])
    first = _comment(item, "Hea mõte.")
    _comment(item, "Kas ka paberil?", mark="question")
    _comment(item, "Jah.", parent_id=first.pk, official=True)
    html = client.get(item.url).content.decode()
    assert len(re.findall(r'<li id="c\d+" class="avp-comment', html)) == 3  # with their forms
    ids = Counter(re.findall(r'\sid="([^"]+)"', html))
    assert [i for i, n in ids.items() if n > 1] == []


def _comment(item, text, mark="for", parent_id=0, official=False):
    comment = AvpComment(
        content_object=item,
        site_id=1,
        user_name="Mari Maasikas",
        user_email="",
        comment=text,
        mark=mark,
        language="et",
        parent_id=parent_id,
        is_official_response=official,
    )
    comment.save()
    return comment
