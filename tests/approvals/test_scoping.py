"""Only editors who may edit a page see its approval; an editor of another municipality
(site) never does, and the header button shows only where it leads somewhere."""

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission

from tests.builders import make_programme, make_site
from tests.helpers import english_admin

from .helpers import past_meeting, review_url, send, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_sites(programme, superuser, client):
    site_b = make_site("naaber.example")
    programme_b = make_programme(site_b.root_page, slug="avatud-b")
    a = past_meeting(programme, "a")
    b = past_meeting(programme_b, "b")
    client.force_login(superuser)
    state_a = submit(a["meeting"], superuser)
    send(client, state_a, [a["public"]])
    state_b = submit(b["meeting"], superuser)
    client.logout()
    return {"site_b": site_b, "a": a, "b": b, "state_a": state_a, "state_b": state_b}


def editor_of(site, django_user_model, codenames=("add_page", "change_page", "publish_page")):
    group = Group.objects.create(name=f"Toimetajad {site.hostname}")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in codenames:
        GroupPagePermission.objects.create(
            group=group,
            page=site.root_page,
            permission=Permission.objects.get(
                codename=codename, content_type__app_label="wagtailcore"
            ),
        )
    user = django_user_model.objects.create_user(f"toimetaja-{site.hostname}", password="pw")
    user.groups.add(group)
    return english_admin(user)  # admin messages are checked in English


def test_an_editor_of_another_site_never_sees_the_approval(client, two_sites, django_user_model):
    editor_b = editor_of(two_sites["site_b"], django_user_model)
    client.force_login(editor_b)
    state_a = two_sites["state_a"]
    meeting_a = two_sites["a"]["meeting"]
    for url in (review_url(state_a), f"/admin/avp/approvals/page/{meeting_a.pk}/"):
        response = client.get(url, follow=True)  # a 404 under the admin: LocaleMiddleware
        assert response.status_code == 404, url
        assert "Avalik Isik a" not in response.content.decode()
    client.post(review_url(state_a), {"action": "finish"})
    state_a.refresh_from_db()
    assert state_a.status == "in_progress"
    assert state_a.task.specific.get_actions(meeting_a, editor_b) == []
    assert list(state_a.task.specific.get_task_states_user_can_moderate(editor_b)) == []
    # Their own approval opens.
    assert client.get(review_url(two_sites["state_b"])).status_code == 200


def test_an_editor_without_publishing_sees_but_cannot_send_or_finish(
    client, two_sites, django_user_model
):
    writer = editor_of(
        two_sites["site_b"], django_user_model, codenames=("add_page", "change_page")
    )
    client.force_login(writer)
    state_b = two_sites["state_b"]
    html = client.get(review_url(state_b)).content.decode()
    assert "An editor who may publish the page sends it." in html
    response = send(client, state_b, [two_sites["b"]["public"]])
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    state_b.refresh_from_db()
    assert state_b.sent_at is None


def test_the_header_button_leads_to_the_pages_approval(client, two_sites, superuser):
    client.force_login(superuser)
    meeting = two_sites["a"]["meeting"]
    html = client.get(f"/admin/pages/{meeting.pk}/edit/").content.decode()
    assert f"/admin/avp/approvals/page/{meeting.pk}/" in html
    response = client.get(f"/admin/avp/approvals/page/{meeting.pk}/")
    assert response["Location"] == review_url(two_sites["state_a"])
