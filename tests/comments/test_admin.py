"""The Comments area of the Wagtail admin: filters, search, bulk moderation, history."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from avp_wagtail.comments.models import AvpComment, CommentFlagReport

from .helpers import post_comment

pytestmark = pytest.mark.django_db

INDEX = "/admin/avp/comments/"


@pytest.fixture
def comments(client, item, resident):
    client.force_login(resident)
    for mark, text in [("for", "Avalik poolt"), ("against", "Avalik vastu")]:
        post_comment(client, item, mark=mark, comment=text)
    client.logout()
    published = list(AvpComment.objects.order_by("pk"))
    pending = AvpComment.objects.create(
        content_object=item,
        site_id=1,
        user_name="Anonüümne",
        user_email="anon@example.ee",
        comment="Ootab kinnitust",
        is_public=False,
    )
    return [*published, pending]


def _listing(client, **params):
    response = client.get(INDEX, params)
    assert response.status_code == 200
    return response.content.decode()


def test_moderator_filters_and_searches(client, moderator, comments):
    client.force_login(moderator)
    html = _listing(client)
    assert all(c.comment in html for c in comments)
    assert "anon@example.ee" not in html
    awaiting = _listing(client, state="awaiting")
    assert "Ootab kinnitust" in awaiting
    assert "Avalik poolt" not in awaiting
    against = _listing(client, mark="against")
    assert "Avalik vastu" in against
    assert "Avalik poolt" not in against
    assert "Avalik poolt" in _listing(client, q="poolt")
    assert "Avalik vastu" not in _listing(client, q="poolt")
    waiting = _listing(client, state="awaiting_response")
    assert "Avalik poolt" in waiting
    assert "Ootab kinnitust" not in waiting
    CommentFlagReport.objects.create(comment=comments[1], reason="spam", reporter_key="k")
    flagged = _listing(client, state="flagged")
    assert "Avalik vastu" in flagged
    assert "Avalik poolt" not in flagged
    by_page = _listing(client, page=str(comments[0].object_pk))
    assert "Avalik poolt" in by_page
    # ?c= shows the screen of the discussion that holds the comment (long discussions).
    pk = comments[0].pk
    assert f'href="{comments[0].content_object.url}?c={pk}#c{pk}"' in html


def _bulk(client, action, comments):
    url = (
        reverse("wagtail_bulk_action", args=("avp_comments", "avpcomment", action))
        + "?"
        + "&".join(f"id={c.pk}" for c in comments)
        + f"&next={INDEX}"
    )
    confirm = client.get(url)
    assert confirm.status_code == 200
    return client.post(url)


def test_bulk_approve_and_hide_are_logged_with_who_and_when(client, moderator, comments):
    client.force_login(moderator)
    pending = comments[2]
    assert _bulk(client, "avp_approve", [pending]).status_code == 302
    pending.refresh_from_db()
    assert pending.is_public
    assert _bulk(client, "avp_hide", comments[:2]).status_code == 302
    assert AvpComment.objects.filter(is_removed=True).count() == 2
    entries = ModelLogEntry.objects.filter(content_type__app_label="avp_comments")
    assert {(e.action, e.user_id) for e in entries} == {
        ("avp_comments.approve", moderator.pk),
        ("avp_comments.hide", moderator.pk),
    }
    assert all(e.timestamp for e in entries)
    history = client.get(f"{INDEX}history/{pending.pk}/")
    assert history.status_code == 200


def test_bulk_delete_needs_the_delete_permission_too(client, moderator, comments):
    from django.contrib.auth.models import Permission

    moderator.user_permissions.remove(Permission.objects.get(codename="delete_avpcomment"))
    client.force_login(moderator)
    url = reverse("wagtail_bulk_action", args=("avp_comments", "avpcomment", "delete"))
    client.post(f"{url}?id={comments[0].pk}")
    assert AvpComment.objects.count() == 3  # hiding is moderation; deleting is a separate right
    moderator.user_permissions.add(Permission.objects.get(codename="delete_avpcomment"))
    moderator = type(moderator).objects.get(pk=moderator.pk)  # fresh permission cache
    client.force_login(moderator)
    assert _bulk(client, "delete", comments[:1]).status_code == 302
    assert AvpComment.objects.count() == 2
    deleted = ModelLogEntry.objects.get(action="wagtail.delete")
    assert (deleted.object_id, deleted.user_id) == (str(comments[0].pk), moderator.pk)


def test_editor_without_the_permission_cannot_moderate(client, django_user_model, comments):
    from django.contrib.auth.models import Permission

    editor = django_user_model.objects.create_user("editor2", "e@example.ee", "pw")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get(INDEX).status_code in (302, 403)
    url = reverse("wagtail_bulk_action", args=("avp_comments", "avpcomment", "avp_approve"))
    client.post(f"{url}?id={comments[2].pk}")
    comments[2].refresh_from_db()
    assert not comments[2].is_public


def test_nobody_writes_comments_in_the_admin(client, moderator, comments):
    client.force_login(moderator)
    assert client.get(f"{INDEX}add/").status_code in (302, 403)


def _prefers(user, language):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


def test_bulk_actions_speak_of_comments_not_snippets(client, moderator, comments):
    _prefers(moderator, "en")
    client.force_login(moderator)
    html = _listing(client)
    for label in (
        "Approve selected comments",
        "Hide selected comments",
        "Delete selected comments",
    ):
        assert f'aria-label="{label}"' in html
    assert "selected snippets" not in html.lower()
    # Wagtail's script counts the selection with its "items" strings, not "snippets".
    assert 'data-bulk-action-footer="ITEM"' in html

    for action, one, two in [
        ("avp_approve", "Approve this comment?", "Approve these 2 comments?"),
        ("avp_hide", "Hide this comment?", "Hide these 2 comments?"),
        ("delete", "Delete this comment for good?", "Delete these 2 comments for good?"),
    ]:
        url = reverse("wagtail_bulk_action", args=("avp_comments", "avpcomment", action))
        single = client.get(f"{url}?id={comments[0].pk}").content.decode()
        double = client.get(f"{url}?id={comments[0].pk}&id={comments[1].pk}").content.decode()
        assert one in single, action
        assert two in double, action
        assert "<title>" in double
        assert "comments" in double.split("<title>")[1].split("</title>")[0]
        main = double.split("<main", 1)[1]
        assert "snippet" not in main.lower().replace("wagtailsnippets", "")

    response = _bulk(client, "delete", comments[:2])
    messages = [str(m).strip() for m in client.get(INDEX).context["messages"]]
    assert response.status_code == 302
    assert messages == ["2 comments deleted."]


def test_listing_says_yes_or_no_and_local_time_in_the_editors_language(
    client, moderator, comments, settings
):
    import datetime

    settings.TIME_ZONE = "Europe/Tallinn"
    AvpComment.objects.filter(pk=comments[0].pk).update(
        submit_date=datetime.datetime(2026, 11, 30, 12, 5, 33, 123456, tzinfo=datetime.UTC),
        is_official_response=True,
    )
    _prefers(moderator, "et")
    client.force_login(moderator)
    html = _listing(client)
    assert "2026-11-30 14:05" in html
    assert "True" not in html
    assert "False" not in html
    assert "Kustuta valitud kommentaarid" in html  # the bulk action, in Estonian
    url = reverse("wagtail_bulk_action", args=("avp_comments", "avpcomment", "delete"))
    confirm = client.get(f"{url}?id={comments[0].pk}&id={comments[1].pk}").content.decode()
    assert "Kas kustutad need 2 kommentaari jäädavalt?" in confirm
