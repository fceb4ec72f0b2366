"""Every page of the demo returns 200 and shows what the issue describes."""

from django.utils.translation import gettext as _
from wagtail.models import Page

from avp_wagtail.core.choices import ItemStatus
from avp_wagtail.models import (
    ActionItemPage,
    ActionPlanPage,
    CallToParticipatePage,
    MeetingProtocolPage,
)
from demo.builder import build_demo
from demo.neighbour import HOSTNAME, NAME


def test_every_demo_page_renders(client, demo):
    pages = Page.objects.descendant_of(demo, inclusive=True).live().specific()
    assert pages.count() >= 14
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert page.title.encode() in response.content.replace(b"&#x27;", b"'")


def test_demo_has_items_in_every_status(demo):
    plan = ActionPlanPage.objects.get()
    assert plan.themes.count() == 3
    items = ActionItemPage.objects.child_of(plan)
    assert items.count() >= 8
    assert set(items.values_list("status", flat=True)) == set(ItemStatus.values)


def test_demo_programme_lists_call_plan_and_meetings(client, demo):
    html = client.get(demo.url).content.decode()
    assert CallToParticipatePage.objects.get().title in html
    assert ActionPlanPage.objects.get().title in html
    past, upcoming = MeetingProtocolPage.objects.order_by("start")
    # Listed under their headings (the monitoring meeting is also named with its plan).
    assert upcoming.title in html[html.index(_("Upcoming meetings")) :]
    assert past.title in html[html.index(_("Recent meetings")) :]


def test_demo_past_protocol_shows_arguments_and_decisions(client, demo):
    past = MeetingProtocolPage.objects.order_by("start").first()
    html = client.get(past.url).content.decode()
    assert _("Meeting protocol") in html
    assert _("Arguments for") in html
    assert _("Arguments against") in html
    assert "Alustame 2026. aastal väiksema summaga" in html
    assert demo.common_goal in html


def test_demo_upcoming_meeting_is_an_announcement_with_agenda(client, demo):
    upcoming = MeetingProtocolPage.objects.order_by("start").last()
    html = client.get(upcoming.url).content.decode()
    assert _("Meeting announcement") in html
    assert "Tegevuste ülevaade" in html
    assert _("Arguments for") not in html


def test_item_lists_meetings_that_discussed_it(client, demo):
    item = ActionItemPage.objects.get(slug="kaasav-eelarve")
    html = client.get(item.url).content.decode()
    assert "Avatud koosolek: tegevuskava prioriteedid" in html
    assert "Korraldab külakoosolekud".lower() in html.lower()  # partner with its role


def test_private_contact_details_stay_private(client, demo):
    call = CallToParticipatePage.objects.get()
    html = client.get(call.url).content.decode()
    assert "kaja.kask@naidiku.example" in html  # opted in
    plan = ActionPlanPage.objects.get()
    plan_html = client.get(plan.url).content.decode()
    assert "Mart Mänd" in plan_html
    assert "mart.mand@naidiku.example" not in plan_html  # not opted in


def test_load_demo_is_rerunnable(demo):
    from demo.builder import build_demo

    build_demo(translate=False)
    assert ActionPlanPage.objects.count() == 1
    assert ActionItemPage.objects.count() >= 8


def test_pages_show_publication_dates(client, demo):
    html = client.get(demo.url).content.decode()
    assert _("Published") in html
    assert "<time datetime=" in html


def test_demo_call_shows_every_section_and_the_form(client, demo):
    call = CallToParticipatePage.objects.get()
    html = client.get(call.url).content.decode()
    for heading in (
        "What is AVP KOV?",
        "Why we want to cooperate",
        "What we hope you will contribute",
        "How to take part",
        "Long-term goal",
        "What you gain",
        "Who this call is for",
        "Express your interest",
    ):
        assert _(heading) in html, heading
    assert "üle-eestiline algatus" in html  # what AVP KOV is (rich text)
    steps = [step.value["title"] for step in call.steps]
    assert [html.index(title) for title in steps] == sorted(html.index(t) for t in steps)
    assert 'name="consent"' in html
    assert "Noorte kaasamine" in html


def test_demo_neighbour_site_shows_its_own_plan_with_the_borrowed_action(client, db):
    """The demo's second municipality (demo/neighbour.py) borrows one of Näidiku's actions.
    Built without an address: the neighbour's site has the default site's port (80)."""
    build_demo(translate=False, neighbour=True)
    plan = ActionPlanPage.objects.get(title__contains="Naabri")
    address = "/et/avatud-valitsemine/tegevuskava/"
    html = client.get(address, HTTP_HOST=HOSTNAME).content.decode()
    assert "Külavanemate ümarlaud" in html
    assert "Eelarve lihtsas keeles" in html
    assert "Kaasava eelarve menetlus" not in html  # Näidiku's own action stays at home
    borrowed = ActionItemPage.objects.child_of(plan).get(title="Eelarve lihtsas keeles")
    assert borrowed.adapted_from_municipality == "Näidiku vald"
    export = client.get(f"{address}open-data/json/", HTTP_HOST=HOSTNAME).json()
    assert export["publisher"]["name"] == NAME
    assert {item["title"] for item in export["items"]} == {
        "Külavanemate ümarlaud",
        "Eelarve lihtsas keeles",
    }
    assert export["items"][1]["adapted_from"]["municipality"] == "Näidiku vald"
