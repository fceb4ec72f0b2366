"""The comment app's own URLs answer one person each (her form's CSRF token, her link's
token): never kept by a shared cache (docs/deployment.md)."""

import pytest
from django.urls import reverse

from avp_wagtail.comments.models import AvpComment

pytestmark = pytest.mark.django_db


def _private(response):
    control = response.get("Cache-Control", "")
    return "private" in control and "no-store" in control


def test_report_page_confirm_and_unsubscribe_links_are_private(client, item):
    comment = AvpComment.objects.create(
        content_object=item, site_id=1, user_name="Mari", comment="Tekst", is_public=True
    )
    flag = client.get(reverse("avp_comments:flag", args=[comment.pk]))
    assert flag.status_code == 200
    assert 'name="csrfmiddlewaretoken"' in flag.content.decode()
    assert _private(flag)
    for url in (
        reverse("avp_comments:confirm", args=["bogus"]),
        reverse("avp_comments:unsubscribe", args=["bogus"]),
        reverse("avp_wagtail:follow_unsubscribe", args=["bogus"]),
    ):
        response = client.get(url)
        assert response.status_code == 400, url
        assert _private(response), url
    assert _private(client.post(reverse("avp_comments:post"), {}))
