"""User-entered text is escaped everywhere it is shown: the discussion's part (the core's
part is in tests/templates/test_escaping.py)."""

import re
from collections import Counter

from avp_wagtail.comments.models import AvpComment
from tests.factories import ActionItemPageFactory


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
