"""The admin's side of ideas: one municipality's ideas only, moderation, the reasoned
response (a reason required when not taken up), the e-mails it sends, the export without
e-mail addresses, the dashboard part and the idea collection's form."""

import datetime

import pytest
from django.utils import timezone

from avp_wagtail.ideas.choices import IdeaState, ModerationMode, ResponseState
from avp_wagtail.ideas.dashboard import ideas_awaiting
from avp_wagtail.ideas.models import Idea, IdeaCollection, IdeaSupport
from tests.admin.multisite import assert_denied, body, log_in_neighbour_editor, two_municipalities
from tests.builders import make_item

from .helpers import make_idea

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_ui")]

URL = "/admin/avp/ideas/"
IDEA_PERMISSIONS = ("view_idea", "change_idea")


def respond(client, idea, **fields):
    data = {
        "state": idea.state,
        "response_state": ResponseState.NONE,
        "response_text": "",
        "merged_into": "",
    }
    data.update(fields)
    return client.post(f"{URL}edit/{idea.pk}/", data)


def test_an_editor_sees_exports_and_opens_only_their_municipalitys_ideas(
    client, django_user_model, home
):
    ours, theirs = two_municipalities(home)
    our_idea = make_idea(ours["plan"], 1, title="Meie idee")
    make_idea(theirs["plan"], 2, title="Naabri idee", email="naaber@example.ee")
    editor = log_in_neighbour_editor(client, django_user_model, theirs, IDEA_PERMISSIONS)
    listing = editor.get(URL).content.decode()
    assert "Naabri idee" in listing
    assert "Meie idee" not in listing
    export = body(editor.get(URL + "?export=csv"))
    assert "Naabri idee" in export
    assert "Meie idee" not in export
    assert "naaber@example.ee" not in export  # never the e-mail
    assert_denied(editor.get(f"{URL}edit/{our_idea.pk}/"))
    assert_denied(respond(editor, our_idea, state=IdeaState.HIDDEN))
    our_idea.refresh_from_db()
    assert our_idea.state == IdeaState.PUBLIC
    assert_denied(editor.get(f"{URL}delete/{our_idea.pk}/"))


def test_nobody_adds_an_idea_in_the_admin(admin_client, plan, collection):
    assert_denied(admin_client.get(f"{URL}add/"))
    assert_denied(admin_client.post(f"{URL}add/", {"title": "Uus", "plan": plan.pk}))
    assert not Idea.objects.exists()


def test_the_response_form_shows_the_idea_but_never_the_e_mail(admin_client, plan, collection):
    idea = make_idea(plan, 1, email="autor@example.ee")
    IdeaSupport.objects.create(idea=idea, email="toetaja@example.ee")
    page = admin_client.get(f"{URL}edit/{idea.pk}/").content.decode()
    assert "Probleem 1" in page
    assert "Ettepanek 1" in page
    assert "autor@example.ee" not in page
    listing = admin_client.get(URL).content.decode()
    assert "Idee 1" in listing
    assert "autor@example.ee" not in listing


def test_a_moderator_publishes_and_hides(admin_client, plan, collection):
    idea = make_idea(plan, 1, state=IdeaState.PENDING)
    assert respond(admin_client, idea, state=IdeaState.PUBLIC).status_code == 302
    idea.refresh_from_db()
    assert idea.state == IdeaState.PUBLIC
    respond(admin_client, idea, state=IdeaState.HIDDEN)
    idea.refresh_from_db()
    assert idea.state == IdeaState.HIDDEN


def test_not_taken_up_needs_a_reason(admin_client, plan, collection):
    idea = make_idea(plan, 1)
    response = respond(admin_client, idea, response_state=ResponseState.DECLINED)
    assert response.status_code == 200
    assert "Give the reason why the idea is not taken up." in response.content.decode()
    idea.refresh_from_db()
    assert idea.response_state == ResponseState.NONE
    respond(
        admin_client,
        idea,
        response_state=ResponseState.DECLINED,
        response_text="The budget goes to schools this year.",
    )
    idea.refresh_from_db()
    assert idea.response_state == ResponseState.DECLINED
    assert idea.responded_at is not None


def test_accepted_needs_the_actions_and_merged_needs_the_idea(admin_client, plan, collection):
    idea = make_idea(plan, 1)
    other = make_idea(plan, 2)
    item = make_item(plan, 1)
    response = respond(admin_client, idea, response_state=ResponseState.ACCEPTED)
    assert "Choose the action(s) the idea became." in response.content.decode()
    response = respond(admin_client, idea, response_state=ResponseState.MERGED)
    assert "Choose the idea this one was merged with." in response.content.decode()
    respond(admin_client, idea, response_state=ResponseState.MERGED, merged_into=other.pk)
    idea.refresh_from_db()
    assert idea.merged_into == other
    respond(admin_client, idea, response_state=ResponseState.ACCEPTED, action_items=[item.pk])
    idea.refresh_from_db()
    assert list(idea.action_items.all()) == [item]
    assert idea.merged_into is None


def test_an_action_of_another_plan_cannot_be_chosen(admin_client, plan, collection):
    from tests.builders import make_plan

    other_plan = make_plan(plan.get_parent(), title="Muu", slug="muu")
    foreign = make_item(other_plan, 9)
    idea = make_idea(plan, 1)
    response = respond(
        admin_client, idea, response_state=ResponseState.ACCEPTED, action_items=[foreign.pk]
    )
    assert response.status_code == 200
    assert not idea.action_items.exists()


def test_a_response_change_e_mails_the_author_and_supporters(
    admin_client, plan, collection, mailoutbox, django_user_model
):
    idea = make_idea(plan, 1, email="autor@example.ee")
    IdeaSupport.objects.create(idea=idea, email="toetaja@example.ee")
    user = django_user_model.objects.create_user("kasutaja", "kasutaja@example.ee", "pw")
    IdeaSupport.objects.create(idea=idea, user=user)
    respond(
        admin_client,
        idea,
        response_state=ResponseState.CONSIDERING,
        response_text="We look at it.",
    )
    assert sorted(m.to[0] for m in mailoutbox) == [
        "autor@example.ee",
        "kasutaja@example.ee",
        "toetaja@example.ee",
    ]
    to_supporter = next(m for m in mailoutbox if m.to == ["toetaja@example.ee"])
    assert f"{plan.url}ideas/{idea.pk}/" in to_supporter.body
    assert "ideas/support/withdraw/?t=" in to_supporter.body
    mailoutbox.clear()
    respond(  # the same state again, only the text: no e-mail
        admin_client,
        idea,
        response_state=ResponseState.CONSIDERING,
        response_text="We look at it closely.",
    )
    assert mailoutbox == []


def test_the_dashboard_lists_ideas_without_a_response_oldest_first_in_scope(
    rf, django_user_model, home, client
):
    ours, theirs = two_municipalities(home)
    now = timezone.now()
    make_idea(ours["plan"], 1, title="Meie idee")
    make_idea(theirs["plan"], 2, title="Uus", created_at=now)
    make_idea(theirs["plan"], 3, title="Vana", created_at=now - datetime.timedelta(days=9))
    make_idea(theirs["plan"], 4, title="Vastatud", response_state=ResponseState.ALREADY)
    make_idea(theirs["plan"], 5, title="Kinnitamata", state=IdeaState.UNCONFIRMED)
    editor = log_in_neighbour_editor(client, django_user_model, theirs, IDEA_PERMISSIONS)
    request = rf.get("/admin/")
    request.user = django_user_model.objects.get(username="naaber")
    part = ideas_awaiting(request)
    assert [idea.title for idea in part.ideas] == ["Vana", "Uus"]
    assert part.count == 2
    assert "Vana" in editor.get("/admin/").content.decode()


def test_the_dashboard_shows_nothing_to_those_who_cannot_respond(rf, django_user_model, plan):
    make_idea(plan, 1)
    request = rf.get("/admin/")
    request.user = django_user_model.objects.create_user("muu", password="pw")
    assert ideas_awaiting(request) is None


def test_an_editor_opens_a_collection_only_for_their_own_plan(client, django_user_model, home):
    ours, theirs = two_municipalities(home)
    editor = log_in_neighbour_editor(
        client, django_user_model, theirs, ("add_ideacollection", "view_ideacollection")
    )
    data = {"opens_on": "2026-01-01", "closes_on": "2026-02-01", "moderation": "pre"}
    editor.post("/admin/avp/idea-collections/new/", {**data, "plan": ours["plan"].pk})
    assert not IdeaCollection.objects.exists()
    editor.post("/admin/avp/idea-collections/new/", {**data, "plan": theirs["plan"].pk})
    collection = IdeaCollection.objects.get()
    assert collection.translation_key == theirs["plan"].translation_key
    assert collection.moderation == ModerationMode.PRE


def test_a_collection_cannot_close_before_it_opens(admin_client, plan):
    response = admin_client.post(
        "/admin/avp/idea-collections/new/",
        {
            "plan": plan.pk,
            "opens_on": "2026-02-01",
            "closes_on": "2026-01-01",
            "moderation": "post",
        },
    )
    assert "The collection cannot close before it opens." in response.content.decode()
    assert not IdeaCollection.objects.exists()


def test_a_new_collection_takes_the_sites_default_moderation(plan, settings):
    settings.AVP_WAGTAIL = {**settings.AVP_WAGTAIL, "IDEA_MODERATION": "post"}
    collection = IdeaCollection.objects.create(plan=plan, opens_on=timezone.localdate())
    assert collection.moderation == ModerationMode.POST
    assert not Idea.objects.exists()


def test_the_admin_listing_and_dashboard_queries_do_not_grow_with_ideas(
    admin_client, plan, collection
):
    from tests.queries import page_queries

    for n in range(1, 6):
        IdeaSupport.objects.create(idea=make_idea(plan, n), email=f"s{n}@example.ee")
    few_list, _response = page_queries(admin_client, URL)
    few_home, _response = page_queries(admin_client, "/admin/")
    for n in range(6, 201):
        IdeaSupport.objects.create(idea=make_idea(plan, n), email=f"s{n}@example.ee")
    many_list, response = page_queries(admin_client, URL)
    assert "Idee 200" in response.content.decode()
    assert many_list == few_list
    assert page_queries(admin_client, "/admin/")[0] == few_home


def test_a_supporter_gets_the_response_e_mail_in_their_own_language(
    admin_client, plan, collection, mailoutbox
):
    from django.utils import translation

    idea = make_idea(plan, 1, email="autor@example.ee", language="et")
    IdeaSupport.objects.create(idea=idea, email="podderzhka@example.ee", language="ru")
    respond(admin_client, idea, response_state=ResponseState.CONSIDERING, response_text="Jah.")
    to_supporter = next(m for m in mailoutbox if m.to == ["podderzhka@example.ee"])
    to_author = next(m for m in mailoutbox if m.to == ["autor@example.ee"])
    assert to_supporter.subject != to_author.subject
    with translation.override("ru"):
        label = str(ResponseState.CONSIDERING.label)
    assert label in to_supporter.body or label in to_supporter.subject


def test_the_list_filters_by_state_and_response_and_counts_supporters(
    admin_client, plan, collection
):
    pending = make_idea(plan, 1, state=IdeaState.PENDING, title="Ootel idee")
    make_idea(plan, 2, title="Vastatud idee", response_state=ResponseState.ALREADY)
    for n in range(3):
        IdeaSupport.objects.create(idea=pending, email=f"t{n}@example.ee")
    by_state = admin_client.get(URL, {"state": IdeaState.PENDING}).content.decode()
    assert "Ootel idee" in by_state
    assert "Vastatud idee" not in by_state
    assert "Supporters" in by_state
    assert ">3<" in by_state.replace(" ", "").replace("\n", "")
    by_response = admin_client.get(URL, {"response_state": ResponseState.ALREADY})
    assert "Ootel idee" not in by_response.content.decode()
    assert "Vastatud idee" in by_response.content.decode()
