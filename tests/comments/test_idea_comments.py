"""Residents discuss an idea (the ideas app's discussion target, comments.targets): on the
idea's own page, through the real form, with the e-mailed confirmation, moderation,
replies, flags, the admin and erasure, and apart from the plan's own discussion."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction

from avp_wagtail.comments.counts import counts_for_pages
from avp_wagtail.comments.models import AvpComment, PendingComment
from avp_wagtail.ideas.choices import IdeaState, ModerationMode, ResponseState
from avp_wagtail.ideas.models import IdeaCollection
from tests.builders import make_plan, make_programme
from tests.helpers import et
from tests.ideas.helpers import make_idea

from .helpers import (
    POST_URL,
    comment_data,
    confirmation_link,
    discussion,
    flag_url,
    post_comment,
    shown_comments,
)

pytestmark = pytest.mark.django_db


def _collection(plan):
    today = timezone.localdate()
    return IdeaCollection.objects.create(
        plan=plan,
        opens_on=today - datetime.timedelta(days=1),
        moderation=ModerationMode.POST,
    )


@pytest.fixture
def plan(home):
    plan = make_plan(make_programme(home), themes=("Liikumine",), title="Kava", slug="kava")
    _collection(plan)
    return plan


@pytest.fixture
def idea(plan):
    return make_idea(plan, title="Kergliiklustee kooli juurde")


def _url(idea, plan):
    return idea.url_in(plan.url)


def _comment(holder, text, **fields):
    defaults = {"user_name": "Elanik", "user_email": "elanik@example.ee"}
    comment = AvpComment(content_object=holder, site_id=1, comment=text, **{**defaults, **fields})
    comment.save()
    return comment


def test_anonymous_comment_on_an_idea_is_confirmed_by_the_emailed_link(
    client, plan, idea, mailoutbox, post_moderation
):
    url = _url(idea, plan)
    response = post_comment(client, None, url=url, comment="Väga vajalik tee!")
    assert response.status_code == 302
    assert response["Location"] == f"{url}?comment=sent#comments"
    assert not AvpComment.objects.exists()
    mail = mailoutbox[-1]
    assert "Kergliiklustee kooli juurde" in mail.subject  # the idea, not the plan
    assert f"http://localhost{url}" in mail.body

    response = client.get(confirmation_link(mailoutbox))
    comment = AvpComment.objects.get()
    assert comment.content_object == idea
    assert response["Location"] == f"{url}?comment=confirmed&c={comment.pk}#c{comment.pk}"
    assert "Väga vajalik tee!" in shown_comments(client.get(url).content.decode())
    # Not part of the plan's discussion.
    assert "Väga vajalik tee!" not in client.get(plan.url).content.decode()


def test_pre_moderation_of_the_plans_site_holds_a_confirmed_idea_comment(
    client, plan, idea, mailoutbox
):
    url = _url(idea, plan)
    post_comment(client, None, url=url, comment="Ootab modereerimist.")
    response = client.get(confirmation_link(mailoutbox))
    assert response["Location"] == f"{url}?comment=pending#comments"
    assert not AvpComment.objects.get().is_public
    assert "Ootab modereerimist." not in client.get(url).content.decode()


def test_logged_in_resident_comments_at_once_and_lands_on_the_idea(client, plan, idea, resident):
    client.force_login(resident)
    url = _url(idea, plan)
    response = post_comment(client, None, url=url, comment="Toetan!")
    comment = AvpComment.objects.get()
    assert response["Location"] == f"{url}?comment=posted&c={comment.pk}#c{comment.pk}"
    html = client.get(response["Location"]).content.decode()
    assert "Toetan!" in shown_comments(html)
    assert "Jaan Tamm" in html


def test_a_rejected_comment_is_shown_again_on_the_idea_page_with_its_text(
    client, plan, idea, resident
):
    client.force_login(resident)
    data = comment_data(client, None, url=_url(idea, plan), comment="x" * 5000)
    response = client.post(POST_URL, data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Kergliiklustee kooli juurde" in html  # the idea's page, not the plan's
    assert 'id="comment-errors"' in html
    assert "x" * 5000 in html  # her text is kept
    assert not AvpComment.objects.exists()
    # Shown again from the comments app's URL, the page's links are still the idea's.
    idea_url = _url(idea, plan)
    assert f'<link rel="canonical" href="http://testserver{idea_url}">' in html
    assert f'href="{idea_url}" aria-current="page"' in html  # the breadcrumbs' last step


def test_the_plans_translations_share_the_ideas_discussion(client, plan, idea, resident):
    from tests.factories import translate

    english = translate(plan, "en")
    client.force_login(resident)
    en_url = idea.url_in(english.url)
    response = post_comment(client, None, url=en_url, comment="Good idea.")
    comment = AvpComment.objects.get()
    assert response["Location"].startswith(f"{en_url}?comment=posted")
    assert comment.language == "en"
    assert "Good idea." in shown_comments(client.get(_url(idea, plan)).content.decode())
    assert "Good idea." in shown_comments(client.get(en_url).content.decode())


def test_a_hidden_idea_takes_no_comment(client, plan, idea, resident):
    client.force_login(resident)
    data = comment_data(client, None, url=_url(idea, plan), comment="Peidetud?")
    idea.state = IdeaState.HIDDEN
    idea.save()
    response = client.post(POST_URL, data)
    assert response.status_code == 400
    assert not AvpComment.objects.exists()


def test_a_comment_waiting_for_its_link_is_not_published_once_the_idea_is_hidden(
    client, plan, idea, mailoutbox, post_moderation
):
    post_comment(client, None, url=_url(idea, plan), comment="Hiljem peidetud.")
    idea.state = IdeaState.HIDDEN
    idea.save()
    response = client.get(confirmation_link(mailoutbox))
    assert response.status_code == 410
    assert "Hiljem peidetud." in response.content.decode()  # her text is given back
    assert not AvpComment.objects.exists()


def test_an_idea_under_a_restricted_plan_takes_no_comment_from_a_visitor_without_access(
    client, plan, idea
):
    data = comment_data(client, None, url=_url(idea, plan), comment="Salajane?")
    PageViewRestriction.objects.create(
        page=plan, restriction_type=PageViewRestriction.PASSWORD, password="salasona"
    )
    response = client.post(POST_URL, data)
    assert response.status_code == 400
    assert not AvpComment.objects.exists()
    assert not PendingComment.objects.exists()


def test_a_form_naming_another_plan_is_refused(client, plan, idea, home, resident):
    other = make_plan(make_programme(home, slug="teine"), title="Teine kava", slug="teine-kava")
    client.force_login(resident)
    data = comment_data(client, None, url=_url(idea, plan), comment="Vale leht")
    data["from_page"] = str(other.pk)
    assert client.post(POST_URL, data).status_code == 400
    assert not AvpComment.objects.exists()


def test_the_plans_discussion_stays_apart_from_the_ideas(client, plan, idea):
    _comment(plan, "Kava kommentaar", mark="for")
    _comment(idea, "Idee kommentaar", mark="against")
    idea_html = client.get(_url(idea, plan)).content.decode()
    assert shown_comments(discussion(idea_html)) == ["Idee kommentaar"]
    plan_html = client.get(plan.url).content.decode()
    assert "Idee kommentaar" not in plan_html
    counts = counts_for_pages([plan])[plan.translation_key]
    assert (counts.total, counts.for_count, counts.against_count) == (1, 1, 0)


def test_an_idea_whose_id_is_the_plans_never_shows_the_plans_cached_discussion(client, plan):
    from avp_wagtail.core.choices import PlanStatus

    plan.status = PlanStatus.CONSULTATION  # the plan's discussion is open, as the idea's
    plan.save_revision().publish()
    twin = make_idea(plan, pk=plan.pk, title="Sama numbriga idee")
    _comment(twin, "Idee oma kommentaar")
    _comment(plan, "Kava kommentaar")
    assert "Kava kommentaar" in client.get(plan.url).content.decode()  # now cached
    html = client.get(_url(twin, plan)).content.decode()
    assert shown_comments(discussion(html)) == ["Idee oma kommentaar"]


def test_replies_notify_followers_with_a_link_to_the_idea(client, plan, idea, resident, mailoutbox):
    first = _comment(idea, "Esimene", followup=True, user_email="jalgija@example.ee")
    client.force_login(resident)
    url = _url(idea, plan)
    post_comment(client, None, url=f"{url}?reply_to={first.pk}", comment="Vastus")
    reply = AvpComment.objects.exclude(pk=first.pk).get()
    assert reply.parent_id == first.pk
    mail = mailoutbox[-1]
    assert mail.to == ["jalgija@example.ee"]
    assert "Kergliiklustee kooli juurde" in mail.subject
    assert f"http://localhost{url}?c={reply.pk}#c{reply.pk}" in mail.body


def test_a_comment_on_an_idea_is_flagged_and_the_resident_goes_back_to_the_idea(client, plan, idea):
    comment = _comment(idea, "Reklaam")
    url = _url(idea, plan)
    form = client.get(flag_url(comment))
    assert form.status_code == 200
    assert "Kergliiklustee kooli juurde" in form.content.decode()
    response = client.post(flag_url(comment), {"reason": "spam", "next": url})
    assert response["Location"] == f"{url}?comment=flagged#comments"
    assert comment.flag_reports.count() == 1


def test_a_merged_idea_keeps_its_discussion_readable_and_closed(client, plan, idea, resident):
    other = make_idea(plan, n=2)
    _comment(idea, "Enne liitmist")
    idea.response_state, idea.merged_into = ResponseState.MERGED, other
    idea.save()
    client.force_login(resident)
    html = client.get(_url(idea, plan)).content.decode()
    assert "Enne liitmist" in shown_comments(html)
    assert "<form" not in discussion(html)
    merged = et("This idea was merged with another one: the discussion goes on there.")
    assert merged in discussion(html)


def test_the_admin_lists_idea_comments_with_the_idea_and_approves_them(
    admin_client, plan, idea, mailoutbox
):
    first = _comment(idea, "Jälgin", followup=True, user_email="jalgija@example.ee")
    held = _comment(idea, "Ootel vastus", is_public=False, parent_id=first.pk)
    index = admin_client.get("/admin/avp/comments/").content.decode()
    assert "Kergliiklustee kooli juurde" in index
    assert f'{_url(idea, plan)}?c={held.pk}#c{held.pk}"' in index
    url = reverse("wagtail_bulk_action", args=("avp_comments", "avpcomment", "avp_approve"))
    admin_client.post(f"{url}?id={held.pk}")
    held.refresh_from_db()
    assert held.is_public
    assert f"{_url(idea, plan)}?c={held.pk}" in mailoutbox[-1].body


def test_an_editor_of_another_municipality_never_sees_comments_on_our_ideas(
    client, django_user_model, home, plan, idea
):
    from tests.admin.multisite import assert_denied, log_in_neighbour_editor, municipality
    from tests.builders import make_site

    theirs = municipality(make_site("naaber.example").root_page, "Naabri")
    _collection(theirs["plan"])
    # Their idea gets the id of our plan page: an id alone must not let it in, nor out.
    their_idea = make_idea(theirs["plan"], n=2, pk=plan.pk, title="Naabri idee")
    ours = _comment(idea, "Meie idee kommentaar")
    _comment(their_idea, "Naabri idee kommentaar")
    editor = log_in_neighbour_editor(
        client, django_user_model, theirs, ("moderate_avpcomment", "delete_avpcomment")
    )
    index = editor.get("/admin/avp/comments/").content.decode()
    assert "Naabri idee kommentaar" in index
    assert "Meie idee kommentaar" not in index
    assert_denied(editor.get(f"/admin/avp/comments/inspect/{ours.pk}/"))


def test_erasing_a_persons_data_covers_their_idea_comments(admin_client, plan, idea):
    from django.contrib.auth import get_user_model

    from avp_wagtail.admin.erasure import erase_person, person_counts

    _comment(idea, "Minu idee kommentaar", user_email="mari@example.ee")
    _comment(plan, "Minu kava kommentaar", user_email="mari@example.ee")
    admin = get_user_model().objects.get(username="editor")
    assert person_counts("mari@example.ee", admin)["comments"] == 2
    erase_person("mari@example.ee", admin)
    assert not AvpComment.objects.filter(user_email="mari@example.ee").exists()


def test_a_deleted_idea_takes_its_discussion_with_it(client, plan, idea, mailoutbox):
    client.get(_url(idea, plan))  # the targets are read (as any request does)
    _comment(idea, "Kustub koos ideega")
    post_comment(client, None, url=_url(idea, plan), comment="Kinnitamata")
    assert PendingComment.objects.exists()
    idea.delete()
    assert not AvpComment.objects.exists()
    assert not PendingComment.objects.exists()


def test_retention_deletes_the_discussion_of_an_idea_deleted_unnoticed(plan, idea):
    from django.db.models.signals import post_delete

    from avp_wagtail.comments.retention import CommentData, connect_deletion
    from avp_wagtail.comments.targets import all_targets

    all_targets()
    _comment(idea, "Orb")
    # As in a command run before anything read the discussion targets.
    uid = "avp_comments.delete_discussion:avp_ideas.Idea"
    assert post_delete.disconnect(sender=type(idea), dispatch_uid=uid)
    try:
        idea.delete()
    finally:
        connect_deletion(type(idea))
    assert AvpComment.objects.exists()
    done = CommentData().erase_expired(None, timezone.now())
    assert done["comments_erased"] == 1
    assert not AvpComment.objects.exists()


def test_a_moderator_answers_an_idea_officially_signed_by_the_municipality(
    client, plan, idea, moderator, resident
):
    question = _comment(idea, "Millal?", mark="question")
    client.force_login(resident)
    assert 'name="official_response"' not in client.get(_url(idea, plan)).content.decode()
    client.force_login(moderator)
    url = f"{_url(idea, plan)}?reply_to={question.pk}"
    post_comment(client, None, url=url, comment="Järgmisel aastal.", official_response="on")
    answer = AvpComment.objects.get(comment="Järgmisel aastal.")
    assert answer.is_official_response
    html = client.get(_url(idea, plan)).content.decode()
    assert et("Official response of the municipality") in html
