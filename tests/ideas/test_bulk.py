"""Bulk moderation in the Ideas admin list: publish, hide and delete several ideas at once,
within the editor's municipality, with counts in the right plural forms; an idea whose
author never confirmed it is never published (nor hidden, which would make it publishable)."""

from html import unescape

import pytest
from wagtail.models import ModelLogEntry

from avp_wagtail.ideas.choices import IdeaState
from avp_wagtail.ideas.models import Idea, IdeaSupport
from tests.admin.multisite import log_in_neighbour_editor, two_municipalities
from tests.helpers import english_admin

from .helpers import html as raw_html
from .helpers import make_idea

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_ui")]


BULK = "/admin/bulk/avp_ideas/idea/"
LIST = "/admin/avp/ideas/"


def html(response):
    return unescape(raw_html(response))


def bulk_url(action, ideas):
    return f"{BULK}{action}/?next={LIST}&" + "&".join(f"id={idea.pk}" for idea in ideas)


def states(*ideas):
    return [Idea.objects.get(pk=idea.pk).state for idea in ideas]


def test_the_list_offers_publish_hide_and_delete(admin_client, plan, collection):
    make_idea(plan, 1)
    listing = html(admin_client.get(LIST))
    for label in ("Publish selected ideas", "Hide selected ideas", "Delete selected ideas"):
        assert label in listing


def test_publishing_several_leaves_unconfirmed_ideas_as_they_are(admin_client, plan, collection):
    pending = make_idea(plan, 1, state=IdeaState.PENDING)
    hidden = make_idea(plan, 2, state=IdeaState.HIDDEN)
    unconfirmed = make_idea(plan, 3, state=IdeaState.UNCONFIRMED, title="Kinnitamata")
    url = bulk_url("avp_publish", [pending, hidden, unconfirmed])
    confirmation = html(admin_client.get(url))
    assert "Publish these 2 ideas? They are shown on the plan's ideas page." in confirmation
    assert "This idea awaits its author's e-mail confirmation and stays as it is" in confirmation
    assert states(pending, hidden, unconfirmed) == [
        IdeaState.PENDING,
        IdeaState.HIDDEN,
        IdeaState.UNCONFIRMED,
    ]
    response = admin_client.post(url, follow=True)
    assert "2 ideas published." in html(response)
    assert states(pending, hidden, unconfirmed) == [
        IdeaState.PUBLIC,
        IdeaState.PUBLIC,
        IdeaState.UNCONFIRMED,
    ]
    logged = ModelLogEntry.objects.filter(action="avp_ideas.publish")
    assert sorted(int(entry.object_id) for entry in logged) == sorted([pending.pk, hidden.pk])


def test_only_unconfirmed_ideas_chosen_nothing_is_published(admin_client, plan, collection):
    first = make_idea(plan, 1, state=IdeaState.UNCONFIRMED)
    second = make_idea(plan, 2, state=IdeaState.UNCONFIRMED)
    url = bulk_url("avp_publish", [first, second])
    confirmation = html(admin_client.get(url))
    assert "These 2 ideas await their authors' e-mail confirmation" in confirmation
    admin_client.post(url)
    assert states(first, second) == [IdeaState.UNCONFIRMED, IdeaState.UNCONFIRMED]


def test_hiding_one_idea_speaks_of_one(admin_client, plan, collection):
    idea = make_idea(plan, 1)
    url = bulk_url("avp_hide", [idea])
    assert "Hide this idea? It stays in the admin" in html(admin_client.get(url))
    assert "1 idea hidden." in html(admin_client.post(url, follow=True))
    assert states(idea) == [IdeaState.HIDDEN]


def test_deleting_several_deletes_them_and_their_supports(admin_client, plan, collection):
    ideas = [make_idea(plan, n) for n in (1, 2)]
    IdeaSupport.objects.create(idea=ideas[0], email="toetaja@example.ee")
    kept = make_idea(plan, 3)
    url = bulk_url("delete", ideas)
    assert "Delete these 2 ideas and their supports for good?" in html(admin_client.get(url))
    assert "2 ideas deleted." in html(admin_client.post(url, follow=True))
    assert list(Idea.objects.all()) == [kept]
    assert not IdeaSupport.objects.exists()


def test_another_municipalitys_ideas_are_as_absent_as_missing_ones(client, django_user_model, home):
    ours, theirs = two_municipalities(home)
    our_idea = make_idea(ours["plan"], 1, state=IdeaState.PENDING, title="Meie idee")
    their_idea = make_idea(theirs["plan"], 2, state=IdeaState.PENDING, title="Naabri idee")
    editor = log_in_neighbour_editor(
        client, django_user_model, theirs, ("view_idea", "change_idea", "delete_idea")
    )
    english_admin(django_user_model.objects.get(username="naaber"))
    for action in ("avp_publish", "avp_hide", "delete"):
        only_ours = bulk_url(action, [our_idea])
        assert editor.get(only_ours, follow=True).status_code == 404
        assert editor.post(only_ours, follow=True).status_code == 404
        assert "Meie idee" not in html(editor.get(f"{BULK}{action}/?id=all"))
    both = bulk_url("avp_publish", [our_idea, their_idea])
    confirmation = html(editor.get(both))
    assert "Publish this idea?" in confirmation
    assert "Naabri idee" in confirmation
    assert "Meie idee" not in confirmation
    editor.post(both)
    assert states(our_idea, their_idea) == [IdeaState.PENDING, IdeaState.PUBLIC]
    assert Idea.objects.filter(pk=our_idea.pk).exists()


def test_publishing_needs_the_right_to_change_ideas(client, django_user_model, plan, collection):
    from django.contrib.auth.models import Permission

    idea = make_idea(plan, 1, state=IdeaState.PENDING)
    user = django_user_model.objects.create_user("vaataja", password="pw")
    for codename in ("access_admin", "view_idea"):
        user.user_permissions.add(Permission.objects.get(codename=codename))
    client.force_login(user)
    url = bulk_url("avp_publish", [idea])
    assert client.get(url)["Location"] == "/admin/"
    client.post(url)
    assert states(idea) == [IdeaState.PENDING]


def test_publishing_an_idea_answered_while_pending_e_mails_the_answer_once(
    admin_client, plan, collection, mailoutbox, django_capture_on_commit_callbacks
):
    """A response given while the idea waited for moderation reached nobody: it is
    e-mailed when the idea is published, and not again when it is published again."""
    from django.utils import timezone

    from avp_wagtail.ideas.choices import ResponseState

    idea = make_idea(
        plan,
        1,
        state=IdeaState.PENDING,
        response_state=ResponseState.DECLINED,
        response_text="Selleks pole raha.",
        responded_at=timezone.now(),
    )
    quiet = make_idea(plan, 2, state=IdeaState.PENDING)  # no response: nothing to tell
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(bulk_url("avp_publish", [idea, quiet]))
    assert states(idea, quiet) == [IdeaState.PUBLIC, IdeaState.PUBLIC]
    assert [message.to for message in mailoutbox] == [["elanik1@example.ee"]]
    assert "Selleks pole raha." in mailoutbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(bulk_url("avp_hide", [idea]))
        admin_client.post(bulk_url("avp_publish", [idea]))
    assert len(mailoutbox) == 1  # already told


def test_select_all_in_a_filtered_list_acts_on_the_filtered_ideas_only(
    admin_client, plan, collection
):
    """Wagtail's "select all N in listing" sends the list's filters with id=all; its bulk
    actions used to take every idea, so publishing "all pending" published hidden ones."""
    pending = [make_idea(plan, n, state=IdeaState.PENDING) for n in (1, 2)]
    hidden = make_idea(plan, 3, state=IdeaState.HIDDEN, title="Peidetud")
    url = f"{BULK}avp_publish/?state=pending&id=all&next={LIST}"
    confirmation = html(admin_client.get(url))
    assert "Publish these 2 ideas?" in confirmation
    assert "Peidetud" not in confirmation
    admin_client.post(url)
    assert states(*pending, hidden) == [IdeaState.PUBLIC, IdeaState.PUBLIC, IdeaState.HIDDEN]
    # The search too.
    url = f"{BULK}avp_hide/?q=Idee+1&id=all&next={LIST}"
    admin_client.post(url)
    assert states(*pending) == [IdeaState.HIDDEN, IdeaState.PUBLIC]
