"""The plan page's cached fragments (avp_wagtail.core.fragments): cheap on a second visit,
never stale after a publish, never showing a visitor what she may not see, never mixing
languages."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Locale, PageViewRestriction

from avp_wagtail.core.choices import ItemStatus
from avp_wagtail.models import ActionItemPage, Organisation
from tests.builders import make_item, make_plan, make_programme, publish
from tests.factories import translate
from tests.queries import page_queries

pytestmark = pytest.mark.django_db

# A second visit while the fragments are cached: the plan page's own context without its
# items (the community representatives), the data version (1) and what stays per visitor
# (the discussion, the next monitoring meeting, the language switcher, sharing).
CACHED_PLAN_QUERY_BUDGET = 20


def _plan_with_items(programme, slug, n_items):
    plan = make_plan(programme, slug=slug, themes=("A", "B"))
    themes = list(plan.themes.all())
    org = Organisation.objects.create(name=f"Lead {slug}")
    for n in range(n_items):  # live without revisions: 200 publishes would be slow
        plan.add_child(
            instance=ActionItemPage(
                title=f"Action {slug} {n}",
                slug=f"action-{n}",
                summary="S",
                theme=themes[n % 2],
                lead_implementer=org,
                status=list(ItemStatus.values)[n % len(ItemStatus.values)],
                live=True,
            )
        )
    return plan


def test_second_visit_costs_the_same_few_queries_for_2_and_200_items(client, home):
    programme = make_programme(home)
    counts = []
    for n_items in (2, 200):
        plan = _plan_with_items(programme, f"plan-{n_items}", n_items)
        queries, response = page_queries(client, plan.url)
        assert response.content.decode().count("avp-status--") == n_items + 1
        counts.append(queries)
    assert counts[0] == counts[1] <= CACHED_PLAN_QUERY_BUDGET


def test_second_visit_does_not_load_the_items_again(client, home):
    plan = _plan_with_items(make_programme(home), "plan", 3)
    client.get(plan.url)  # warm per-process caches (site root paths, content types)
    cache.clear()
    with CaptureQueriesContext(connection) as cold:
        first = client.get(plan.url).content
    with CaptureQueriesContext(connection) as warm:
        second = client.get(plan.url).content
    assert second == first
    assert len(warm.captured_queries) < len(cold.captured_queries)
    assert not [q for q in warm.captured_queries if "avp_wagtail_actionitempage" in q["sql"]]


def test_a_published_change_shows_at_once(client, home):
    plan = make_plan(make_programme(home))
    item = make_item(plan, 1, title="Vana nimi")
    assert "Vana nimi" in client.get(plan.url).content.decode()
    client.get(plan.url)  # now from the cache

    item.title = "Uus nimi"
    item.status = ItemStatus.DELAYED
    publish(item)
    html = client.get(plan.url).content.decode()
    assert "Uus nimi" in html
    assert "Vana nimi" not in html
    assert "avp-status--delayed" in html

    make_item(plan, 2, title="Teine tegevus")
    assert "Teine tegevus" in client.get(plan.url).content.decode()

    item.unpublish()
    assert "Uus nimi" not in client.get(plan.url).content.decode()


def test_a_change_without_a_log_entry_shows_at_once(client, home):
    """A page saved and published in code (an import) goes through the signals."""
    plan = make_plan(make_programme(home))
    item = make_item(plan, 1, title="Vana nimi")
    client.get(plan.url)
    item.title = "Uus nimi"
    item.save_revision().publish(log_action=False)
    assert "Uus nimi" in client.get(plan.url).content.decode()


@pytest.mark.parametrize("privileged_first", [True, False])
def test_a_restricted_item_never_reaches_an_anonymous_visitor(
    client, home, django_user_model, privileged_first
):
    plan = make_plan(make_programme(home))
    make_item(plan, 1, title="Avalik tegevus")
    secret = make_item(plan, 2, title="SALAJANE tegevus", status=ItemStatus.DELAYED)
    PageViewRestriction.objects.create(page=secret, restriction_type=PageViewRestriction.LOGIN)
    member = django_user_model.objects.create_user("liige", "liige@example.ee", "pw")
    member_client = Client()
    member_client.force_login(member)

    def member_sees():
        html = member_client.get(plan.url).content.decode()
        # In the table, under "behind schedule" and in the timeline (its bar's text, name
        # and tooltip in the wide and in the narrow drawing, and its table).
        assert "SALAJANE" in html
        assert html.count("SALAJANE") == 9

    def anonymous_sees():
        html = client.get(plan.url).content.decode()
        assert "Avalik tegevus" in html
        assert "SALAJANE" not in html

    for _visit in range(2):  # each one's second visit comes from the cache
        if privileged_first:
            member_sees()
            anonymous_sees()
        else:
            anonymous_sees()
            member_sees()


def test_language_versions_do_not_mix(client, home):
    plan = make_plan(make_programme(home), title="Kava")
    item = make_item(plan, 1, title="Eesti tegevus")
    titles = {"et": "Eesti tegevus"}
    for language, title in (("en", "English action"), ("ru", "Русское действие")):
        target = translate(item, language)
        target.title = title
        publish(target)
        titles[language] = title
    plans = {
        language: plan.get_translation(Locale.objects.get(language_code=language))
        for language in ("et", "en", "ru")
    }

    for _visit in range(2):  # the second round comes from the cache
        for language, page in plans.items():
            html = client.get(page.get_url()).content.decode()
            assert titles[language] in html
            assert not [t for lang, t in titles.items() if lang != language and t in html]
            with translation.override(language):
                assert gettext("Actions by theme") in html


def test_a_new_comment_count_shows_at_once(client, home):
    from avp_wagtail.comments.models import AvpComment

    plan = make_plan(make_programme(home))
    item = make_item(plan, 1)
    client.get(plan.url)
    before = client.get(plan.url).content.decode()
    AvpComment.objects.create(
        content_type=ContentType.objects.get_for_model(item),
        object_pk=str(item.pk),
        site_id=1,
        user_name="Jaan",
        user_email="jaan@example.ee",
        comment="Hea mõte",
        is_public=True,
        submit_date=datetime.datetime.now(tz=datetime.UTC),
    )
    after = client.get(plan.url).content.decode()
    with translation.override("et"):  # the page's language
        cell = '<td data-label="{}">'.format(gettext("Comments"))
    assert f"{cell}0\n</td>" in before
    assert f"{cell}1 <span" in after


def test_an_action_page_shows_a_published_change_at_once(client, home):
    """The action page's body is cached too (the follow form and discussion are not)."""
    item = make_item(make_plan(make_programme(home)), 1, summary="Vana kokkuvõte")
    client.get(item.url)
    _queries, response = page_queries(client, item.url)
    assert "Vana kokkuvõte" in response.content.decode()
    item.summary = "Uus kokkuvõte"
    publish(item)
    html = client.get(item.url).content.decode()
    assert "Uus kokkuvõte" in html
    assert "Vana kokkuvõte" not in html
    assert 'name="csrfmiddlewaretoken"' in html  # the follow form, rendered per visitor


def test_a_preview_never_reaches_the_cache(client, home):
    """An editor's preview shows the draft; a visitor after her still sees what is live."""
    published = make_item(make_plan(make_programme(home)), 1, summary="Avaldatud kokkuvõte")
    item = ActionItemPage.objects.get(pk=published.pk)  # as the editor's form loads it
    item.summary = "Mustandi kokkuvõte"
    preview = item.make_preview_request()
    preview.render()
    assert "Mustandi kokkuvõte" in preview.content.decode()
    html = client.get(item.url).content.decode()
    assert "Avaldatud kokkuvõte" in html
    assert "Mustandi kokkuvõte" not in html
