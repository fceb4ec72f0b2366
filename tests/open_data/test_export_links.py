"""Internal links in the rich text of the open data export: rendered as Wagtail renders
them (the linked page's translation in the document's language, absolute on the site) and
resolved for the whole document at once, so their number costs no queries (issue 15)."""

import json

import pytest
from django.utils import translation

from avp_wagtail.models import Organisation
from tests.builders import make_item, make_plan, make_programme
from tests.factories import translate
from tests.queries import page_queries

pytestmark = pytest.mark.django_db


def _link(page, text="vt"):
    return f'<a linktype="page" id="{page.pk}">{text}</a>'


def _plan_linking(programme, slug, n, targets):
    """A plan of ``n`` items, each linking to every page of ``targets`` in two fields."""
    plan = make_plan(programme, slug=slug)
    lead = Organisation.objects.create(name=f"Lead {slug}", kind="ngo")
    links = "".join(_link(page) for page in targets)
    for k in range(n):
        make_item(
            plan,
            k,
            slug=f"{slug}-{k}",
            problem=f"<p>Probleem {links}</p>",
            activities=f"<ul><li>Tegevus {links}</li></ul>",
            lead_implementer=lead,
        )
    return plan


def test_links_to_pages_are_absolute_urls_of_the_pages(client, home):
    programme = make_programme(home)
    target = make_plan(programme, slug="target")
    plan = _plan_linking(programme, "linking", 1, [target])
    # A link to a page deleted since: a link without an address, as Wagtail renders it.
    item = plan.get_children().specific().get()
    item.problem = '<p><a linktype="page" id="999999">kadunud</a></p>'
    item.save_revision().publish()

    doc = json.loads(client.get(plan.url + "open-data/json/").content)

    (exported,) = doc["items"]
    site = doc["plan"]["url"].removesuffix(plan.url)  # the site's address, as http://host
    assert site.startswith("http")
    assert f'<a href="{site}{target.url}">vt</a>' in exported["activities"]
    assert exported["problem"] == "<p><a>kadunud</a></p>"
    assert "linktype" not in json.dumps(doc)


def test_a_link_in_a_translated_plan_leads_to_the_translation_of_the_page(client, home):
    programme = make_programme(home)
    target = make_plan(programme, slug="target")
    plan = _plan_linking(programme, "linking", 1, [target])
    english_target = translate(target, "en")
    english_plan = translate(plan, "en")
    for item in plan.get_children().specific():
        translate(item, "en")

    with translation.override("en"):
        doc = json.loads(client.get(english_plan.url + "open-data/json/").content)

    (exported,) = doc["items"]
    site = doc["plan"]["url"].removesuffix(english_plan.url)
    assert english_target.url.startswith("/en/")
    assert f'href="{site}{english_target.url}"' in exported["problem"]


@pytest.mark.parametrize("suffix", ["open-data/json/", "open-data/csv/"])
def test_the_number_of_links_costs_no_queries(client, home, suffix):
    programme = make_programme(home)
    targets = [make_plan(programme, slug=f"target-{k}") for k in range(5)]
    few = _plan_linking(programme, "few", 2, targets[:1])
    many = _plan_linking(programme, "many", 60, targets)

    few_count, _response = page_queries(client, few.url + suffix)
    many_count, response = page_queries(client, many.url + suffix)

    assert many_count == few_count
    assert response.content.decode().count("target-4") >= 60
