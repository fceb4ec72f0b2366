"""Ideas in the plan's open data: the public ideas with their response and support count,
each action's source ideas (JSON and CSV), no personal data, constant queries."""

import csv
import io
import json

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from avp_wagtail.ideas.choices import IdeaState, ResponseState
from avp_wagtail.ideas.models import IdeaCollection, IdeaSupport
from avp_wagtail.models import ActionItemPage
from avp_wagtail.open_data.csv_import import import_csv
from tests.builders import make_item, make_plan
from tests.queries import page_queries

from .helpers import make_idea

pytestmark = pytest.mark.django_db


def document(client, url):
    response = client.get(url + "open-data/json/")
    assert response.status_code == 200
    return json.loads(response.content)


def csv_rows(client, plan):
    response = client.get(plan.url + "open-data/csv/")
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(response.content.decode().lstrip("\ufeff"))))


@pytest.fixture
def accepted(plan, collection):
    """An accepted idea with two supports that became the plan's first action."""
    item = make_item(plan, 1, title="Kergliiklustee ehitus")
    idea = make_idea(
        plan,
        1,
        organisation="Küla Selts",
        response_state=ResponseState.ACCEPTED,
        response_text="Võtame selle kavasse.",
        responded_at=timezone.now(),
    )
    idea.action_items.add(item)
    IdeaSupport.objects.create(idea=idea, email="toetaja@example.ee")
    IdeaSupport.objects.create(idea=idea, email="teine@example.ee")
    return idea


def test_the_plans_document_carries_its_public_ideas_and_their_responses(client, plan, accepted):
    for n, state in enumerate((IdeaState.UNCONFIRMED, IdeaState.PENDING, IdeaState.HIDDEN), 2):
        make_idea(plan, n, state=state)
    doc = document(client, plan.url)
    assert doc["schema_version"] == "1.1"
    item = ActionItemPage.objects.get(slug="item-1")
    url = f"{doc['plan']['url']}ideas/{accepted.pk}/"
    assert doc["ideas"] == [
        {
            "id": str(accepted.pk),
            "url": url,
            "title": "Idee 1",
            "problem": "Probleem 1",
            "proposal": "Ettepanek 1",
            "theme": "Liikumine",
            "language": "et",
            "organisation": "Küla Selts",
            "sent_date": timezone.localdate(accepted.created_at).isoformat(),
            "support_count": 2,
            "response_state": "accepted",
            "response_text": "Võtame selle kavasse.",
            "response_date": timezone.localdate().isoformat(),
            "merged_into": None,
            "action_items": [{"id": str(item.translation_key), "url": doc["items"][0]["url"]}],
        }
    ]
    assert url.startswith("http://")
    assert client.get(url).status_code == 200
    assert doc["items"][0]["source_ideas"] == [{"id": str(accepted.pk), "url": url}]


def test_no_personal_data_is_exported(client, plan, accepted):
    body = client.get(plan.url + "open-data/json/").content.decode()
    body += client.get(plan.url + "open-data/csv/").content.decode()
    assert "Elanik 1" not in body  # the author's name
    assert "@example.ee" not in body  # the author's and the supporters' addresses
    assert "author" not in body
    assert "email" not in body


def test_the_csv_has_a_source_ideas_column_after_the_schemas(client, plan, accepted):
    second = make_idea(plan, 2)
    second.action_items.add(ActionItemPage.objects.get(slug="item-1"))
    make_item(plan, 2, title="Ilma ideeta")
    rows = csv_rows(client, plan)
    assert list(rows[0])[-1] == "Source Ideas"
    assert rows[0]["Source Ideas"] == (
        f"http://testserver{plan.url}ideas/{accepted.pk}/\n"
        f"http://testserver{plan.url}ideas/{second.pk}/"
    )
    assert rows[1]["Source Ideas"] == ""


def test_a_merged_idea_names_its_target_only_when_that_is_public(client, plan, collection):
    public = make_idea(plan, 1)
    hidden = make_idea(plan, 2, state=IdeaState.HIDDEN)
    make_idea(plan, 3, response_state=ResponseState.MERGED, merged_into=public)
    make_idea(plan, 4, response_state=ResponseState.MERGED, merged_into=hidden)
    ideas = {idea["title"]: idea for idea in document(client, plan.url)["ideas"]}
    assert ideas["Idee 3"]["merged_into"] == str(public.pk)
    assert ideas["Idee 4"]["merged_into"] is None
    assert "Idee 2" not in ideas


def test_an_action_the_reader_may_not_see_is_not_named(client, plan, accepted):
    hidden = make_item(plan, 2, title="Kinnine tegevus")
    PageViewRestriction.objects.create(
        page=hidden, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    accepted.action_items.add(hidden)
    doc = document(client, plan.url)
    assert [a["id"] for a in doc["ideas"][0]["action_items"]] == [doc["items"][0]["id"]]
    assert str(hidden.translation_key) not in json.dumps(doc)


def test_a_restricted_plans_ideas_stay_behind_its_password(client, plan, accepted):
    PageViewRestriction.objects.create(
        page=plan, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    for suffix in ("open-data/json/", "open-data/csv/"):
        body = client.get(plan.url + suffix).content.decode()  # the password form
        assert "Idee 1" not in body
        assert "Võtame selle kavasse" not in body


def test_an_actions_own_document_lists_the_ideas_it_came_from(client, plan, accepted):
    other = make_item(plan, 2, title="Teine")
    make_idea(plan, 2).action_items.add(other)
    item = ActionItemPage.objects.get(slug="item-1")
    doc = document(client, item.url)
    assert [idea["title"] for idea in doc["ideas"]] == ["Idee 1"]
    assert doc["ideas"][0]["support_count"] == 2
    assert [i["source_ideas"][0]["id"] for i in doc["items"]] == [str(accepted.pk)]


def test_without_a_collection_the_plan_exports_no_ideas(client, plan, accepted):
    IdeaCollection.objects.all().delete()
    doc = document(client, plan.url)
    assert doc["ideas"] == []
    assert doc["items"][0]["source_ideas"] == []


def test_a_translation_exports_its_own_addresses_and_theme_titles(client, plan, accepted):
    from tests.factories import translate

    english = translate(plan, "en")
    english_item = translate(ActionItemPage.objects.get(slug="item-1"), "en")
    theme = english.themes.get(translation_key=plan.themes.first().translation_key)
    theme.title = "Mobility"
    theme.save()
    doc = document(client, english.url)
    (idea,) = doc["ideas"]
    assert idea["url"] == f"http://testserver{english.url}ideas/{accepted.pk}/"
    assert idea["theme"] == "Mobility"
    assert idea["language"] == "et"  # written in Estonian, shown as written
    assert idea["action_items"] == [
        {"id": str(english_item.translation_key), "url": f"http://testserver{english_item.url}"}
    ]
    assert doc["items"][0]["source_ideas"] == [{"id": str(accepted.pk), "url": idea["url"]}]


def test_the_export_costs_as_many_queries_for_200_ideas_as_for_5(client, plan, collection):
    items = [make_item(plan, n) for n in (1, 2)]
    target = make_idea(plan, 0)

    def add_ideas(first, last):
        for n in range(first, last + 1):
            idea = make_idea(plan, n, response_state=ResponseState.MERGED, merged_into=target)
            idea.action_items.add(items[n % 2])
            for k in range(2):
                IdeaSupport.objects.create(idea=idea, email=f"s{n}-{k}@example.ee")

    urls = [plan.url + "open-data/json/", plan.url + "open-data/csv/"]
    urls.append(items[0].url + "open-data/json/")  # the action's own document
    add_ideas(1, 5)
    few = [page_queries(client, url)[0] for url in urls]
    add_ideas(6, 200)
    assert [page_queries(client, url)[0] for url in urls] == few
    assert len(document(client, plan.url)["ideas"]) == 201
    assert len(document(client, items[0].url)["ideas"]) == 100


def test_an_exported_csv_imports_back_without_its_source_ideas(client, plan, accepted, admin_user):
    text = client.get(plan.url + "open-data/csv/").content.decode()
    assert "Source Ideas" in text
    result = import_csv(plan, text, user=admin_user)
    assert [page.slug for page in result.updated] == ["item-1"]
    other = make_plan(plan.get_parent(), slug="teine", themes=("Liikumine",))
    created = import_csv(other, text, user=admin_user).created
    assert [page.title for page in created] == ["Kergliiklustee ehitus"]
    # The link is made in the admin, never by an import: the new action has no source idea.
    assert list(accepted.action_items.all()) == [ActionItemPage.objects.get(slug="item-1")]


def test_a_borrowed_action_does_not_bring_its_ideas(client, plan, accepted):
    from avp_wagtail.open_data.borrowing import as_document, borrow
    from avp_wagtail.open_data.export import plan_export

    doc = as_document(json.loads(json.dumps(plan_export(plan))))  # as another site reads it
    assert doc["ideas"][0]["id"] == doc["items"][0]["source_ideas"][0]["id"]
    other = make_plan(plan.get_parent(), slug="teine", themes=("Liikumine",))
    (copy,) = borrow(other, doc, ["0"])
    assert copy.get_latest_revision_as_object().title == "Kergliiklustee ehitus"
    assert list(accepted.action_items.all()) == [ActionItemPage.objects.get(slug="item-1")]


def test_hiding_an_idea_purges_the_plans_cached_open_data(plan, collection):
    """Behind a CDN the plan's open data would keep a hidden idea until it expired."""
    from django.test import TestCase

    from tests import purges

    from .helpers import make_idea

    idea = make_idea(plan, 1)
    purges.PURGED.clear()
    with TestCase.captureOnCommitCallbacks(execute=True):
        idea.state = "hidden"
        idea.save()
    paths = {url.split("://", 1)[1].split("/", 1)[1] for url in purges.PURGED}
    plan_path = plan.url.lstrip("/")
    assert {plan_path, plan_path + "open-data/json/", plan_path + "open-data/csv/"} <= paths
    purges.PURGED.clear()
