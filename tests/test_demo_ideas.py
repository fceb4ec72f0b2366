"""The demo plan's closed idea collection (the optional ideas app): residents' ideas in
every response state, some of which became the plan's actions; what is hidden, awaits
moderation or was never confirmed stays off the site, and no address is ever shown."""

import re
import sys

from django.utils import translation

from avp_wagtail.ideas.choices import IdeaState, ResponseState
from avp_wagtail.ideas.models import Idea, IdeaCollection, IdeaSupport
from avp_wagtail.models import ActionItemPage, ActionPlanPage
from demo import ideas as demo_ideas
from demo.builder import build_demo

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")


def et(message):
    with translation.override("et"):
        return translation.gettext(message)


def ideas_url(demo):
    return f"{ActionPlanPage.objects.get(locale=demo.locale).url}ideas/"


def test_the_demo_plan_has_a_closed_collection_listing_its_public_ideas(client, demo):
    plan = ActionPlanPage.objects.get(locale=demo.locale)
    collection = IdeaCollection.of_plan(plan)
    assert collection.has_closed
    # Collected while the plan was drafted, answered by the time it was adopted.
    assert collection.closes_on < plan.adoption_date < plan.start_date
    for idea in Idea.objects.all():
        assert collection.opens_on <= idea.created_at.date() <= collection.closes_on
        assert idea.responded_at is None or idea.responded_at > idea.created_at
    html = client.get(ideas_url(demo)).content.decode()
    public = Idea.objects.filter(state=IdeaState.PUBLIC)
    assert public.count() == 10
    for idea in public:
        assert f'href="{ideas_url(demo)}{idea.pk}/"' in html, idea.title
    assert "Важная информация волости и на русском языке" in html  # stays in Russian
    assert '<h3 lang="ru">' in html
    assert '<h3 lang="en">' in html
    assert f"{plan.url}ideas/new/" not in html  # closed: no form
    plan_html = client.get(plan.url).content.decode()
    assert f'href="{ideas_url(demo)}"' in plan_html


def test_every_response_state_appears_on_the_listing(client, demo):
    for value, label in ResponseState.choices:
        html = client.get(ideas_url(demo), {"response": value}).content.decode()
        titles = Idea.objects.filter(state=IdeaState.PUBLIC, response_state=value)
        assert titles.exists(), value
        for idea in titles:
            assert idea.title in html
        with translation.override("et"):
            assert f"{translation.gettext(label)}." in html, value


def test_the_most_supported_idea_comes_first_when_asked(client, demo):
    html = client.get(ideas_url(demo), {"order": "supported"}).content.decode()
    first = html.index("Elanikud otsustavad osa eelarvest")  # 23 supporters
    assert first < html.index("Volikogu istungid veebis") < html.index("Valla hankeplaan")
    supports = IdeaSupport.objects.filter(idea__title="Elanikud otsustavad osa eelarvest")
    assert supports.count() == 23


def test_an_accepted_idea_links_its_action_and_the_action_lists_the_idea(client, demo):
    idea = Idea.objects.get(title="Elanikud otsustavad osa eelarvest")
    item = ActionItemPage.objects.get(slug="kaasav-eelarve", locale=demo.locale)
    idea_url = f"{ideas_url(demo)}{idea.pk}/"
    html = client.get(idea_url).content.decode()
    assert et("Accepted into the plan") in html
    assert f'href="{item.url}"' in html
    assert "Näidiku vald" in html  # answered as the municipality
    item_html = client.get(item.url).content.decode()
    assert et("This action came from these ideas") in item_html
    assert f'href="{idea_url}"' in item_html
    # The idea merged into it links there; the declined one gives its reason.
    merged = Idea.objects.get(response_state=ResponseState.MERGED)
    merged_html = client.get(f"{ideas_url(demo)}{merged.pk}/").content.decode()
    assert f'href="{idea_url}"' in merged_html
    declined = Idea.objects.get(response_state=ResponseState.DECLINED)
    declined_html = client.get(f"{ideas_url(demo)}{declined.pk}/").content.decode()
    assert "Eraldi rakendus oleks kallis" in declined_html


def test_hidden_and_pending_ideas_and_every_address_stay_off_the_site(client, demo):
    hidden = Idea.objects.exclude(state=IdeaState.PUBLIC)
    assert set(hidden.values_list("state", flat=True)) == {IdeaState.PENDING, IdeaState.HIDDEN}
    plan = ActionPlanPage.objects.get(locale=demo.locale)
    pages = [ideas_url(demo), plan.url]
    pages += [f"{ideas_url(demo)}{idea.pk}/" for idea in Idea.objects.public()]
    pages += [item.url for item in ActionItemPage.objects.filter(locale=demo.locale)]
    for url in pages:
        html = client.get(url).content.decode()
        for idea in hidden:
            assert idea.title not in html, url
        assert "elanikud.example" not in html, url
        if "/ideas/" in url:
            assert not EMAIL.search(html), url
    for idea in hidden:
        assert client.get(f"{ideas_url(demo)}{idea.pk}/").status_code == 404
    assert "Anonüümne" not in client.get(ideas_url(demo)).content.decode()


def test_rebuilding_the_demo_keeps_one_collection_and_its_ideas(demo):
    build_demo(translate=False)
    assert IdeaCollection.objects.count() == 1
    assert Idea.objects.count() == len(demo_ideas.IDEAS)
    assert IdeaSupport.objects.count() == sum(row[-1] for row in demo_ideas.IDEAS.values())


def test_without_the_ideas_app_the_demo_adds_none_and_imports_nothing(monkeypatch):
    monkeypatch.setattr(demo_ideas.apps, "is_installed", lambda name: name != demo_ideas.APP)
    monkeypatch.setitem(sys.modules, "avp_wagtail.ideas.models", None)  # import would fail
    assert demo_ideas.add_demo_ideas(None, {}) == {}
