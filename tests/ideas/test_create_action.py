"""The editor accepts an idea into the plan by creating an action item from it: a link on
the idea's response form, a confirmation page, then a draft action item of the idea's plan
prefilled from the idea, the idea accepted as it, and the page editor to complete it."""

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, PageLogEntry

from avp_wagtail.ideas.choices import IdeaState, ResponseState
from avp_wagtail.ideas.models import IdeaSupport
from avp_wagtail.models import ActionItemPage
from tests.admin.multisite import log_in_neighbour_editor, two_municipalities
from tests.builders import make_item
from tests.helpers import english_admin

from .helpers import html, make_idea

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_ui")]


LINK = "Create an action item from this idea"
BUTTON = "Create the action item"


def edit_url(idea):
    return f"/admin/avp/ideas/edit/{idea.pk}/"


def create_url(idea):
    return f"/admin/avp/ideas/{idea.pk}/create-action/"


def items_of(plan):
    return ActionItemPage.objects.child_of(plan)


def test_the_response_form_links_to_a_confirmation_that_changes_nothing(
    admin_client, plan, collection
):
    idea = make_idea(plan, 1)
    page = html(admin_client.get(edit_url(idea)))
    assert LINK in page
    assert f'href="{create_url(idea)}"' in page
    confirmation = html(admin_client.get(create_url(idea)))
    assert BUTTON in confirmation
    assert "Probleem 1" in confirmation
    assert "Accepted into the plan" in confirmation
    assert "get an e-mail" in confirmation
    idea.refresh_from_db()
    assert idea.response_state == ResponseState.NONE
    assert not items_of(plan).exists()


def test_creating_makes_a_draft_item_of_the_plan_and_accepts_the_idea(
    admin_client, plan, collection, mailoutbox
):
    theme = plan.themes.last()
    idea = make_idea(
        plan,
        1,
        theme=theme,
        title="Kergliiklustee kooli juurde",
        problem="Lapsed käivad <b>sõiduteel</b>.\n\nÕhtul on pime.",
        proposal="Ehitada kergliiklustee.",
        email="autor@example.ee",
    )
    IdeaSupport.objects.create(idea=idea, email="toetaja@example.ee")
    response = admin_client.post(create_url(idea), {"known": "0"})
    item = items_of(plan).specific().get()
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{item.pk}/edit/"
    assert not item.live
    assert item.latest_revision is not None
    assert item.title == "Kergliiklustee kooli juurde"
    assert item.summary == "Ehitada kergliiklustee."
    assert "&lt;b&gt;sõiduteel&lt;/b&gt;" in item.problem  # a resident's text, never markup
    assert "<p>Õhtul on pime.</p>" in item.problem
    assert item.theme == theme
    assert item.locale_id == plan.locale_id
    idea.refresh_from_db()
    assert idea.response_state == ResponseState.ACCEPTED
    assert idea.responded_at is not None
    assert list(idea.action_items.all()) == [item.page_ptr.specific]
    assert sorted(m.to[0] for m in mailoutbox) == ["autor@example.ee", "toetaja@example.ee"]
    editor = html(admin_client.get(response["Location"]))
    assert "created as a draft from the idea" in editor
    assert PageLogEntry.objects.filter(page=item, action="wagtail.create").exists()
    history = html(admin_client.get(f"/admin/avp/ideas/history/{idea.pk}/"))
    assert "Action item created from the idea" in history


def test_a_second_submit_creates_nothing_and_another_needs_an_explicit_tick(
    admin_client, plan, collection, mailoutbox
):
    idea = make_idea(plan, 1, email="autor@example.ee")
    admin_client.post(create_url(idea), {"known": "0"})
    mailoutbox.clear()
    again = admin_client.post(create_url(idea), {"known": "0"})  # the same form twice
    assert again.status_code == 200
    assert "nothing was created" in html(again)
    assert items_of(plan).count() == 1
    confirmation = html(admin_client.get(create_url(idea)))
    assert "The idea already became these action items" in confirmation
    unticked = admin_client.post(create_url(idea), {"known": "1"})
    assert "tick the box to create one more" in html(unticked)
    assert items_of(plan).count() == 1
    ticked = admin_client.post(create_url(idea), {"known": "1", "another": "on"})
    assert ticked.status_code == 302
    assert items_of(plan).count() == 2
    assert idea.action_items.count() == 2
    assert mailoutbox == []  # the response did not change


def test_an_idea_awaiting_confirmation_cannot_become_an_action(admin_client, plan, collection):
    idea = make_idea(plan, 1, state=IdeaState.UNCONFIRMED)
    assert LINK not in html(admin_client.get(edit_url(idea)))
    for response in (
        admin_client.get(create_url(idea)),
        admin_client.post(create_url(idea), {"known": "0"}),
    ):
        assert response.status_code == 302
        assert response["Location"] == edit_url(idea)
    assert not items_of(plan).exists()
    idea.refresh_from_db()
    assert idea.response_state == ResponseState.NONE


def test_a_hidden_idea_is_accepted_without_an_e_mail_and_stays_hidden(
    admin_client, plan, collection, mailoutbox
):
    idea = make_idea(plan, 1, state=IdeaState.HIDDEN)
    assert "nobody gets an e-mail" in html(admin_client.get(create_url(idea)))
    admin_client.post(create_url(idea), {"known": "0"})
    idea.refresh_from_db()
    assert idea.response_state == ResponseState.ACCEPTED
    assert idea.state == IdeaState.HIDDEN
    assert items_of(plan).count() == 1
    assert mailoutbox == []


def test_an_editor_of_another_municipality_finds_no_such_idea(client, django_user_model, home):
    ours, theirs = two_municipalities(home)
    our_idea = make_idea(ours["plan"], 1)
    their_idea = make_idea(theirs["plan"], 2)
    editor = log_in_neighbour_editor(
        client, django_user_model, theirs, ("view_idea", "change_idea")
    )
    english_admin(django_user_model.objects.get(username="naaber"))
    # (Django's locale middleware first tries the path with a language prefix.)
    assert editor.get(create_url(our_idea), follow=True).status_code == 404
    assert editor.post(create_url(our_idea), {"known": "0"}, follow=True).status_code == 404
    assert items_of(ours["plan"]).count() == 1  # the plan's own action only
    our_idea.refresh_from_db()
    assert our_idea.response_state == ResponseState.NONE
    # Their own idea: the link and the action.
    assert LINK in html(editor.get(edit_url(their_idea)))
    assert editor.post(create_url(their_idea), {"known": "0"}).status_code == 302
    assert items_of(theirs["plan"]).count() == 2


def test_only_those_who_may_add_to_the_plan_and_respond_create_an_action(
    client, django_user_model, plan, collection
):
    idea = make_idea(plan, 1)
    make_item(plan, 1)
    group = Group.objects.create(name="Vastajad")
    for codename in ("access_admin", "view_idea", "change_idea"):
        group.permissions.add(Permission.objects.get(codename=codename))
    user = django_user_model.objects.create_user("vastaja", password="pw")
    user.groups.add(group)
    client.force_login(user)
    # May respond, but not add pages under the plan: no link, no action.
    assert LINK not in html(client.get(edit_url(idea)))
    assert client.post(create_url(idea), {"known": "0"})["Location"] == "/admin/"
    assert items_of(plan).count() == 1
    # With the page permission, but without the right to change ideas: none either.
    GroupPagePermission.objects.create(
        group=group,
        page=plan,
        permission=Permission.objects.get(
            codename="add_page", content_type__app_label="wagtailcore"
        ),
    )
    group.permissions.remove(Permission.objects.get(codename="change_idea"))
    assert client.post(create_url(idea), {"known": "0"})["Location"] == "/admin/"
    assert items_of(plan).count() == 1
    group.permissions.add(Permission.objects.get(codename="change_idea"))
    assert client.post(create_url(idea), {"known": "0"}).status_code == 302
    assert items_of(plan).count() == 2


def test_the_action_needs_a_csrf_protected_post(django_user_model, plan, collection):
    from django.test import Client

    django_user_model.objects.create_superuser("csrf", "c@example.ee", "pw")
    client = Client(enforce_csrf_checks=True)
    client.login(username="csrf", password="pw")
    idea = make_idea(plan, 1)
    assert client.post(create_url(idea), {"known": "0"}).status_code == 403
    assert not items_of(plan).exists()
